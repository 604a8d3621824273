"""Guide text to rich text: escaped first, then **bold** and paragraphs."""

from __future__ import annotations

from kiosk.ui.markup import bullet_list, to_html, to_plain


def test_bold_button_names() -> None:
    assert to_html("Paina **Tee hakemus**.") == "<p>Paina <b>Tee hakemus</b>.</p>"


def test_markup_from_a_guide_writer_is_shown_as_text() -> None:
    rendered = to_html("<img src=x onerror=alert(1)> & <b>")
    assert "<img" not in rendered
    assert "&lt;img" in rendered
    assert "&amp;" in rendered


def test_paragraphs_and_line_breaks() -> None:
    assert to_html("One.\nTwo.\n\nThree.") == "<p>One.<br>Two.</p><p>Three.</p>"


def test_plain_text_for_reading_aloud() -> None:
    assert to_plain("Paina **Kirjaudu**.") == "Paina Kirjaudu."


def test_bullets() -> None:
    assert bullet_list(["A **b**", "C"]) == "<p>•&nbsp;A <b>b</b></p><p>•&nbsp;C</p>"
