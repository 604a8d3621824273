"""The guide loader: every problem it reports names the file, the line and what is wrong."""

from __future__ import annotations

from pathlib import Path

import pytest

from kiosk.guides.loader import MAX_FILE_BYTES, load_guide, load_library
from kiosk.guides.model import Guide, Problem
from tests.helpers.guide_samples import (
    IDENTIFICATION_HOSTS,
    VALID_GUIDE,
    line_of,
    variant,
    write_guide,
)


def load(folder: Path, text: str) -> tuple[Guide | None, list[Problem]]:
    return load_guide(write_guide(folder, text), IDENTIFICATION_HOSTS)


def only_problem(folder: Path, text: str) -> tuple[Guide | None, Problem]:
    guide, problems = load(folder, text)
    assert len(problems) == 1, "\n".join(str(p) for p in problems)
    return guide, problems[0]


def test_the_valid_guide_loads_without_problems(tmp_path: Path) -> None:
    guide, problems = load(tmp_path, VALID_GUIDE)

    assert problems == []
    assert guide is not None
    assert guide.id == "sample"
    assert guide.category == "money"
    assert guide.order == 20
    assert guide.languages == ("fi", "sv", "en")
    assert guide.service_languages == ("fi", "sv")
    assert guide.allowed_hosts == ("*.kela.fi",)
    assert guide.icon == tmp_path / "sample" / "icon.svg"
    assert guide.title("sv") == "Rubrik"
    assert guide.summary is not None and guide.summary("en") == "Apply for support."
    assert [need("fi") for need in guide.needs] == ["Pankkitunnukset."]
    assert len(guide.steps) == 3
    assert guide.steps[1].check is not None
    assert guide.steps[1].check("en") == "Do you see the logos of the banks?"
    assert guide.steps[2].image == tmp_path / "sample" / "step-3.png"
    assert [p.text for p in guide.steps[2].url_patterns] == [
        "asiointi.kela.fi/hakemus",
        "asiointi.kela.fi/hakemus/*",
    ]
    assert guide.steps[2].url_patterns[1].line == line_of(VALID_GUIDE, "hakemus/*")
    assert guide.done is not None and guide.done("fi") == "Päätös tulee postissa."


def test_step_lines_point_at_each_step(tmp_path: Path) -> None:
    guide, _ = load(tmp_path, VALID_GUIDE)

    assert guide is not None
    starts = [n for n, line in enumerate(VALID_GUIDE.splitlines(), 1) if line == "  - text:"]
    assert [step.line for step in guide.steps] == starts


# Each case changes one thing in the valid guide and expects exactly one problem:
# (old text, new text, a text on the line the problem must name, message, is it an error).
ONE_PROBLEM = {
    "unknown field": (
        "order: 20",
        "ordr: 20",
        "ordr: 20",
        "unknown field 'ordr' in the guide. Did you mean 'order'?",
        True,
    ),
    "id is a list": (
        "id: sample",
        "id: [a, b]",
        "id: [a, b]",
        "id must be a single value, not a list",
        True,
    ),
    "id with capitals": (
        "id: sample",
        "id: Sample_1",
        "id: Sample_1",
        "id 'Sample_1' may have only small letters a-z, digits and '-'",
        True,
    ),
    "no id": (
        "id: sample\n",
        "",
        "category: money",
        "the guide needs a 'id:' line",
        True,
    ),
    "languages as a mapping": (
        "languages: [fi, sv, en]",
        "languages: {fi: x}",
        "languages: {fi: x}",
        "languages must be a list, like [fi, sv, en]",
        True,
    ),
    "no languages": (
        "languages: [fi, sv, en]",
        "languages: []",
        "languages: []",
        "list at least one language",
        True,
    ),
    "a language name instead of a code": (
        "languages: [fi, sv, en]",
        "languages: [fi, sv, english]",
        "languages: [fi, sv, english]",
        "'english' is not a language code like fi, sv or en",
        True,
    ),
    "a language twice": (
        "languages: [fi, sv, en]",
        "languages: [fi, sv, en, sv]",
        "languages: [fi, sv, en, sv]",
        "a language is listed twice",
        True,
    ),
    "bad service language": (
        "service_languages: [fi, sv]",
        "service_languages: [fi, swe1]",
        "service_languages: [fi, swe1]",
        "'swe1' is not a language code like fi, sv or en",
        True,
    ),
    "text not per language": (
        "title:\n  fi: Otsikko\n  sv: Rubrik\n  en: Title\n",
        "title: Otsikko\n",
        "title: Otsikko",
        "title must be given per language, for example:\n"
        "      fi: Teksti suomeksi\n      en: The text in English",
        True,
    ),
    "text in a language the guide does not list": (
        "  en: Title\n",
        "  en: Title\n  de: Titel\n",
        "de: Titel",
        "title: 'de' is not one of this guide's languages (fi, sv, en); add it to "
        "'languages' or fix the code",
        True,
    ),
    "text without the main language": (
        "  fi: Otsikko\n",
        "",
        "sv: Rubrik",
        "title has no Finnish text ('fi:')",
        True,
    ),
    "missing translation": (
        "    en: Bank codes.\n",
        "",
        "- fi: Pankkitunnukset.",
        "needs item is missing the English text",
        False,
    ),
    "empty translation": (
        "  sv: Rubrik\n",
        '  sv: ""\n',
        'sv: ""',
        "title: the Swedish text is empty",
        False,
    ),
    "icon outside the guide's folder": (
        "icon: icon.svg",
        "icon: ../icon.svg",
        "icon: ../icon.svg",
        "icon '../icon.svg' must be a file in the guide's own folder",
        True,
    ),
    "icon of an unknown kind": (
        "icon: icon.svg",
        "icon: icon.gif",
        "icon: icon.gif",
        "icon 'icon.gif' must be one of: .png, .jpg, .jpeg, .svg, .webp",
        True,
    ),
    "icon that does not exist": (
        "icon: icon.svg",
        "icon: missing.svg",
        "icon: missing.svg",
        "icon 'missing.svg' does not exist next to guide.yaml",
        False,
    ),
    "broken image path": (
        "image: step-3.png",
        "image: step-9.png",
        "image: step-9.png",
        "step 3 image 'step-9.png' does not exist next to guide.yaml",
        False,
    ),
    "unknown category": (
        "category: money",
        "category: food",
        "category: food",
        "category 'food' must be one of: identification, money, health, work, housing, "
        "mail, practice, other",
        True,
    ),
    "allowed host with a path": (
        '  - "*.kela.fi"',
        '  - "kela.fi/path"',
        "kela.fi/path",
        "allowed_hosts: 'kela.fi/path': give a host name only, without a path",
        True,
    ),
    "no allowed hosts": (
        'allowed_hosts:\n  - "*.kela.fi"\n',
        "allowed_hosts: []\n",
        "allowed_hosts: []",
        "allowed_hosts: list at least the host of start_url",
        True,
    ),
    "start_url without https://": (
        "start_url: https://www.kela.fi/start",
        "start_url: www.kela.fi/start",
        "start_url: www.kela.fi/start",
        "start_url 'www.kela.fi/start' must be a full https:// address",
        True,
    ),
    "start_url host not allowed": (
        "start_url: https://www.kela.fi/start",
        "start_url: https://www.vero.fi/start",
        "start_url: https://www.vero.fi/start",
        "start_url: the host www.vero.fi is not in allowed_hosts, so the kiosk would block it",
        True,
    ),
    "start_url with plain http": (
        "start_url: https://www.kela.fi/start",
        "start_url: http://www.kela.fi/start",
        "start_url: http://www.kela.fi/start",
        "start_url: the host www.kela.fi is not in allowed_hosts, so the kiosk would block "
        "it (plain http needs an http:// entry)",
        True,
    ),
    "order that is not a number": (
        "order: 20",
        "order: first",
        "order: first",
        "order 'first' must be a whole number",
        True,
    ),
    "a permission a guide may not ask for": (
        "order: 20\n",
        "order: 20\npermissions: [camera, location]\n",
        "permissions: [camera, location]",
        "permission 'location' is not allowed; a guide may ask only for camera, microphone",
        True,
    ),
    "needs that is not a list": (
        "needs:\n  - fi: Pankkitunnukset.\n    sv: Bankkoder.\n    en: Bank codes.\n",
        "needs: Pankkitunnukset.\n",
        "needs: Pankkitunnukset.",
        "needs must be a list; start each item with '- '",
        True,
    ),
    "a step that is only text": (
        "steps:\n",
        "steps:\n  - Paina tästä\n",
        "- Paina tästä",
        "step 1 must be a list of 'name: value' lines",
        True,
    ),
    "unknown step field": (
        "    image: step-3.png",
        "    imag: step-3.png",
        "imag: step-3.png",
        "unknown field 'imag' in step 3. Did you mean 'image'?",
        True,
    ),
    "a step without text": (
        "  - text:\n      fi: Paina **Kirjaudu**.\n      sv: Tryck på **Logga in**.\n"
        "      en: Press **Log in**.\n    url: www.kela.fi/start\n",
        "  - url: www.kela.fi/start\n",
        "- url: www.kela.fi/start",
        "step 1 needs a 'text:'",
        True,
    ),
    "url with a space": (
        "    url: tunnistus.suomi.fi/*",
        "    url: tunnistus.suomi.fi/a b",
        "tunnistus.suomi.fi/a b",
        "step 2 url 'tunnistus.suomi.fi/a b': the pattern contains a space",
        True,
    ),
    "url without a host": (
        "    url: tunnistus.suomi.fi/*",
        "    url: /only/a/path",
        "/only/a/path",
        "step 2 url '/only/a/path': the pattern must start with a host name, like www.kela.fi/...",
        True,
    ),
    "url on a host the visitor cannot reach": (
        "    url: tunnistus.suomi.fi/*",
        "    url: www.vero.fi/*",
        "www.vero.fi/*",
        "step 2 url 'www.vero.fi/*': www.vero.fi is not in allowed_hosts, so the visitor "
        "can never get there",
        False,
    ),
    "two steps with the same url": (
        "      - asiointi.kela.fi/hakemus/*",
        "      - tunnistus.suomi.fi/*",
        "      - tunnistus.suomi.fi/*",
        "step 3 url 'tunnistus.suomi.fi/*' is the same as in step 2; the guide cannot tell "
        "the two steps apart",
        False,
    ),
    "a long sentence": (
        "      en: Press **Log in**.",
        "      en: Press **Log in** at the very top of the page when you are ready to start now.",
        "at the very top",
        'step 1 text (English): a sentence has 17 words; keep sentences under 16 words: "Press '
        '**Log in** at the very top of the page when you are r…"',
        False,
    ),
    "an abbreviation": (
        "      fi: Tunnistaudu.",
        "      fi: Tunnistaudu esim. pankkitunnuksilla.",
        "esim.",
        "step 2 text (Finnish): 'esim.' is an abbreviation; write 'esimerkiksi'",
        False,
    ),
    "a button name that is not closed": (
        "      en: Press **Make an application**.",
        "      en: Press **Make an application.",
        "Press **Make an application.",
        "step 3 text (English): a button name is not closed; write it as **Button name**",
        False,
    ),
    "a long check question": (
        "      en: Do you see the logos of the banks?",
        "      en: Do you see the logos of all the banks and the mobile certificate on the "
        "screen now?",
        "mobile certificate on",
        'step 2 check (English): a sentence has 17 words; keep sentences under 16 words: "Do '
        'you see the logos of all the banks and the mobile certif…"',
        False,
    ),
    "a later step that matches the start page": (
        "    url: tunnistus.suomi.fi/*",
        "    url: www.kela.fi/*",
        "url: www.kela.fi/*",
        "step 2 url 'www.kela.fi/*' matches start_url, so the guide jumps to step 2 as soon "
        "as the page opens and the visitor never sees step 1; leave this url out or make it "
        "match only later pages",
        False,
    ),
}


@pytest.mark.parametrize("case", list(ONE_PROBLEM.values()), ids=list(ONE_PROBLEM))
def test_one_change_gives_one_problem_at_its_line(
    tmp_path: Path, case: tuple[str, str, str, str, bool]
) -> None:
    old, new, marker, message, error = case
    text = variant(old, new)
    guide, problem = only_problem(tmp_path, text)

    file = tmp_path / "sample" / "guide.yaml"
    line = line_of(text, marker)
    kind = "error" if error else "warning"
    assert (problem.file, problem.line, problem.message, problem.error) == (
        file,
        line,
        message,
        error,
    )
    assert str(problem) == f"{file}:{line}: {kind}: {message}"
    # An error keeps the guide off the kiosk; a warning does not.
    assert (guide is None) is error


def test_all_errors_of_a_guide_are_reported_together(tmp_path: Path) -> None:
    text = variant("order: 20", "order: first\ncolour: red")

    guide, problems = load(tmp_path, text)

    assert guide is None
    assert [(p.line, p.message) for p in problems] == [
        (line_of(text, "colour: red"), "unknown field 'colour' in the guide."),
        (line_of(text, "order: first"), "order 'first' must be a whole number"),
    ]


def test_a_guide_without_swedish_is_flagged(tmp_path: Path) -> None:
    lines = [line for line in VALID_GUIDE.splitlines(keepends=True) if "sv:" not in line]
    text = variant("languages: [fi, sv, en]", "languages: [fi, en]", "".join(lines))

    _, problem = only_problem(tmp_path, text)

    assert (problem.line, problem.error) == (line_of(text, "languages: [fi, en]"), False)
    assert problem.message == (
        "the guide is not written in Swedish (sv); every guide should be in Finnish, "
        "Swedish and English"
    )


def test_a_guide_in_finnish_only_names_both_missing_languages(tmp_path: Path) -> None:
    lines = [
        line
        for line in VALID_GUIDE.splitlines(keepends=True)
        if "sv:" not in line and "en:" not in line
    ]
    text = variant("languages: [fi, sv, en]", "languages: [fi]", "".join(lines))

    _, problem = only_problem(tmp_path, text)

    assert problem.message == (
        "the guide is not written in Swedish and English (sv, en); every guide should be in "
        "Finnish, Swedish and English"
    )


def without_urls(text: str) -> str:
    text = variant("    url: www.kela.fi/start\n", "", text)
    text = variant("    url: tunnistus.suomi.fi/*\n", "", text)
    return variant(
        "    url:\n      - asiointi.kela.fi/hakemus\n      - asiointi.kela.fi/hakemus/*\n", "", text
    )


def test_a_guide_that_names_buttons_but_follows_no_page_is_flagged(tmp_path: Path) -> None:
    text = without_urls(VALID_GUIDE)

    guide, problem = only_problem(tmp_path, text)

    assert guide is not None
    assert (problem.line, problem.error) == (line_of(text, "fi: Paina **Kirjaudu**.") - 1, False)
    assert problem.message == (
        "no step has a 'url:', so the guide cannot follow the visitor through the e-service; "
        "give a 'url:' to a step that has a page of its own (for example the identification "
        "step: tunnistus.suomi.fi/*)"
    )


def test_an_information_guide_needs_no_url(tmp_path: Path) -> None:
    text = without_urls(VALID_GUIDE).replace("**", "")

    guide, problems = load(tmp_path, text)

    assert guide is not None
    assert problems == []


def test_the_file_is_empty(tmp_path: Path) -> None:
    _, problem = only_problem(tmp_path, "")
    assert (problem.line, problem.message, problem.error) == (1, "the file is empty", True)


def test_a_guide_that_is_a_list(tmp_path: Path) -> None:
    _, problem = only_problem(tmp_path, "- id: a\n- id: b\n")
    assert (problem.line, problem.message) == (1, "a guide must be a list of 'name: value' lines")


def test_a_yaml_mistake_names_its_line(tmp_path: Path) -> None:
    text = variant("  en: Title\n", "  en: Kela: the title\n")

    _, problem = only_problem(tmp_path, text)

    assert problem.line == line_of(text, "Kela: the title")
    assert problem.message == (
        "mapping values are not allowed here (a text that contains ': ' must be put in quotes)"
    )


def test_a_file_that_is_not_utf8(tmp_path: Path) -> None:
    file = write_guide(tmp_path, "")
    file.write_bytes("id: sample\ntitle: Hyvä\n".encode("latin-1"))

    guide, problems = load_guide(file)

    assert guide is None
    assert [(p.line, p.message) for p in problems] == [
        (1, "the file is not UTF-8 text; save it as UTF-8")
    ]


def test_a_file_that_is_too_big(tmp_path: Path) -> None:
    file = write_guide(tmp_path, "# " + "x" * MAX_FILE_BYTES + "\n")

    guide, problems = load_guide(file)

    assert guide is None
    assert [(p.line, p.message) for p in problems] == [
        (1, "the file is too big (512 KiB); a guide is text")
    ]


def test_a_file_that_cannot_be_read(tmp_path: Path) -> None:
    folder = tmp_path / "sample" / "guide.yaml"
    folder.mkdir(parents=True)

    guide, problems = load_guide(folder)

    assert guide is None
    assert [p.line for p in problems] == [1]
    assert problems[0].message.startswith("cannot be read: ")


def test_substitutions_fill_in_the_practice_address(tmp_path: Path) -> None:
    text = variant("start_url: https://www.kela.fi/start", "start_url: '{practice}/start'")
    text = variant('  - "*.kela.fi"', '  - "*.kela.fi"\n  - "{practice}"', text)
    text = variant("    url: www.kela.fi/start", "    url: '{practice}/start'", text)
    file = write_guide(tmp_path, text)

    guide, problems = load_guide(file, IDENTIFICATION_HOSTS, {"practice": "http://127.0.0.1:8765"})

    assert problems == []
    assert guide is not None
    assert guide.start_url == "http://127.0.0.1:8765/start"
    assert guide.allowed_hosts == ("*.kela.fi", "http://127.0.0.1:8765")
    assert guide.steps[0].url_patterns[0].text == "http://127.0.0.1:8765/start"


def test_identification_hosts_count_as_reachable_only_when_given(tmp_path: Path) -> None:
    file = write_guide(tmp_path, VALID_GUIDE)

    _, problems = load_guide(file)  # no shared identification list

    assert [p.message for p in problems] == [
        "step 2 url 'tunnistus.suomi.fi/*': tunnistus.suomi.fi is not in allowed_hosts, so "
        "the visitor can never get there"
    ]


# -- a folder of guides ----------------------------------------------------------------


def test_library_skips_broken_guides_and_keeps_the_good_ones(tmp_path: Path) -> None:
    write_guide(tmp_path, VALID_GUIDE, "good")
    broken = write_guide(tmp_path, variant("category: money", "category: food"), "broken")

    library = load_library(tmp_path, IDENTIFICATION_HOSTS)

    assert [g.id for g in library.guides] == ["sample"]
    assert library.skipped == (broken,)
    assert [p.file for p in library.errors] == [broken]
    assert library.warnings == ()
    assert library.by_id("sample") is library.guides[0]
    assert library.by_id("nothing") is None


def test_library_refuses_a_second_guide_with_the_same_id(tmp_path: Path) -> None:
    first = write_guide(tmp_path, VALID_GUIDE, "a-first")
    second = write_guide(tmp_path, VALID_GUIDE, "b-second")

    library = load_library(tmp_path, IDENTIFICATION_HOSTS)

    assert [g.file for g in library.guides] == [first]
    assert library.skipped == (second,)
    assert [str(p) for p in library.problems] == [
        f"{second}:1: error: id 'sample' is already used by {first}; skipped"
    ]


def test_library_points_out_a_guide_file_outside_its_folder(tmp_path: Path) -> None:
    loose = tmp_path / "loose.yaml"
    loose.write_text(VALID_GUIDE, encoding="utf-8")

    library = load_library(tmp_path, IDENTIFICATION_HOSTS)

    assert library.guides == ()
    assert library.skipped == (loose,)
    assert [str(p) for p in library.problems] == [
        f"{loose}:1: error: a guide must be in a folder of its own, as loose/guide.yaml"
    ]


def test_library_of_a_missing_folder(tmp_path: Path) -> None:
    library = load_library(tmp_path / "nowhere")

    assert library.guides == ()
    assert [str(p) for p in library.problems] == [
        f"{tmp_path / 'nowhere'}:0: error: the guides folder does not exist"
    ]


def test_library_sorts_by_category_then_order_then_id(tmp_path: Path) -> None:
    def guide(guide_id: str, category: str, order: str) -> str:
        text = variant("id: sample", f"id: {guide_id}")
        text = variant("category: money", f"category: {category}", text)
        return variant("order: 20", f"order: {order}", text)

    write_guide(tmp_path, guide("b-money", "money", "10"), "1")
    write_guide(tmp_path, guide("a-money", "money", "10"), "2")
    write_guide(tmp_path, guide("late-money", "money", "5"), "3")
    write_guide(tmp_path, guide("login", "identification", "90"), "4")
    write_guide(tmp_path, guide("other", "other", "-1"), "5")

    library = load_library(tmp_path, IDENTIFICATION_HOSTS)

    assert library.problems == ()
    assert [g.id for g in library.guides] == [
        "login",
        "late-money",
        "a-money",
        "b-money",
        "other",
    ]


#: The advice for writers, which the kiosk itself does not repeat at every start.
ADVICE = (
    "a long sentence",
    "an abbreviation",
    "a button name that is not closed",
    "a long check question",
    "a later step that matches the start page",
)


@pytest.mark.parametrize("name", ADVICE)
def test_the_kiosk_loads_without_the_writers_advice(tmp_path: Path, name: str) -> None:
    old, new, _marker, message, _error = ONE_PROBLEM[name]
    file = write_guide(tmp_path, variant(old, new))

    _guide, with_advice = load_guide(file, IDENTIFICATION_HOSTS)
    guide, without = load_guide(file, IDENTIFICATION_HOSTS, advice=False)

    assert [p.message for p in with_advice] == [message]
    assert without == []
    assert guide is not None


def test_without_advice_every_other_problem_is_still_found(tmp_path: Path) -> None:
    for name, (old, new, _marker, message, error) in ONE_PROBLEM.items():
        if name in ADVICE:
            continue
        folder = tmp_path / name.replace(" ", "-")
        write_guide(folder, variant(old, new))
        library = load_library(folder, IDENTIFICATION_HOSTS, advice=False)
        assert [(p.message, p.error) for p in library.problems] == [(message, error)], name
