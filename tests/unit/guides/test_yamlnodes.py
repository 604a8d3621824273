"""YAML as written: every value stays text and knows its line."""

from __future__ import annotations

import pytest

from kiosk.guides.yamlnodes import Map, Scalar, Seq, YamlError, parse


def test_values_stay_the_text_that_was_written() -> None:
    root = parse("answer: no\nversion: 1.10\nempty: ~\nyes: on\n")

    assert isinstance(root, Map)
    values = {key: node for key, (_, node) in root.entries.items()}
    assert values == {
        "answer": Scalar("no", 1),
        "version": Scalar("1.10", 2),
        "empty": Scalar("~", 3),
        "yes": Scalar("on", 4),
    }


def test_lists_and_mappings_remember_their_lines() -> None:
    root = parse("title:\n  fi: Otsikko\n  en: Title\nlist:\n  - a\n  - b\n")

    assert isinstance(root, Map)
    assert root.line == 1
    title_line, title = root.entries["title"]
    assert title_line == 1
    assert title == Map({"fi": (2, Scalar("Otsikko", 2)), "en": (3, Scalar("Title", 3))}, 2)
    list_line, items = root.entries["list"]
    assert list_line == 4
    assert items == Seq([Scalar("a", 5), Scalar("b", 6)], 5)


def test_a_folded_text_is_one_value_at_its_first_line() -> None:
    root = parse("fi: >-\n  Paina tästä.\n  Odota sitten.\n")

    assert isinstance(root, Map)
    assert root.entries["fi"] == (1, Scalar("Paina tästä. Odota sitten.", 1))


def test_an_empty_document_is_none() -> None:
    assert parse("") is None
    assert parse("# only a comment\n") is None


def test_a_name_written_twice() -> None:
    with pytest.raises(YamlError) as caught:
        parse("id: a\ntitle: b\nid: c\n")

    assert (caught.value.line, caught.value.message) == (3, "'id' is written twice")


def test_a_name_that_is_a_list() -> None:
    with pytest.raises(YamlError) as caught:
        parse("id: a\n? [x, y]\n: value\n")

    assert (caught.value.line, caught.value.message) == (
        2,
        "a name before ':' must be a single word",
    )


def test_a_colon_in_a_text_explains_the_quotes() -> None:
    with pytest.raises(YamlError) as caught:
        parse("title:\n  fi: Kela: perustoimeentulotuki\n")

    assert caught.value.line == 2
    assert caught.value.message == (
        "mapping values are not allowed here (a text that contains ': ' must be put in quotes)"
    )


def test_a_tab_explains_the_spaces() -> None:
    with pytest.raises(YamlError) as caught:
        parse("title:\n\tfi: Otsikko\n")

    assert caught.value.line == 2
    assert caught.value.message.endswith("(use spaces, not tabs, to indent)")


def test_two_documents_in_one_file() -> None:
    with pytest.raises(YamlError) as caught:
        parse("id: a\n---\nid: b\n")

    assert (caught.value.line, caught.value.message) == (2, "but found another document")
