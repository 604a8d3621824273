"""The practice site's texts: complete in fi, sv and en, placeholders that match, none orphaned."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from kiosk.practice import application, pages, service_pages
from kiosk.practice.render import (
    LANGUAGES,
    Catalogue,
    CatalogueError,
    Renderer,
    placeholders,
)

PACKAGE = Path(__file__).resolve().parents[3] / "kiosk" / "practice"


@pytest.fixture(scope="module")
def renderer() -> Renderer:
    return Renderer()


def test_every_text_is_in_every_language(renderer: Renderer) -> None:
    for key, texts in renderer.catalogue.texts.items():
        assert sorted(texts) == sorted(LANGUAGES), key
        for lang, text in texts.items():
            assert text.strip(), f"{key} ({lang}) is empty"


def test_placeholders_and_bold_marks_match_across_languages(renderer: Renderer) -> None:
    for key, texts in renderer.catalogue.texts.items():
        assert len({frozenset(placeholders(t)) for t in texts.values()}) == 1, key
        for lang, text in texts.items():
            assert text.count("**") % 2 == 0, f"{key} ({lang}): a ** is not closed"


def _used_keys(renderer: Renderer) -> set[str]:
    used: set[str] = set()
    for name in renderer.templates.names():
        used.update(re.findall(r"\{\{t:([a-z0-9_.-]+)\}\}", renderer.templates.source(name)))
    for module in PACKAGE.glob("*.py"):
        used.update(re.findall(r"[\"']([a-z_]+(?:\.[a-z_]+)+)[\"']", module.read_text()))
    # Keys that code builds from the application's data.
    used.update(f"bank.{bank}" for bank in pages.BANKS)
    used.update(f"apply.step.{step}" for step in application.STEPS)
    used.update(f"{step}.intro" for step in application.CHECKS)
    used.update(f"situation.living_{value}" for value in application.LIVING)
    used.update(f"situation.status_{value}" for value in application.STATUS)
    used.update(f"housing.housing_{value}" for value in application.HOUSING)
    used.update(f"income.{name}_help" for name in application.INCOME_FIELDS)
    used.update(
        f"decision.{part}_{kind}"
        for part in service_pages.DECISION_PARTS
        for kind in ("heading", "text", "explain")
    )
    return used


def test_every_key_a_page_uses_exists(renderer: Renderer) -> None:
    texts = renderer.catalogue.texts
    sections = {key.split(".")[0] for key in texts}
    for key in _used_keys(renderer):
        # Literal strings in the code that look like keys: logger names, file names...
        # count only when they start with a section of the catalogue.
        if key.split(".")[0] in sections:
            assert key in texts, f"{key!r} is used but texts.toml lacks it"


def test_no_orphaned_texts(renderer: Renderer) -> None:
    orphans = set(renderer.catalogue.texts) - _used_keys(renderer)
    assert not orphans, f"texts.toml has texts nothing uses: {sorted(orphans)}"


def test_no_real_names(renderer: Renderer) -> None:
    """No real bank or agency: a visitor must not mistake the practice for the real thing."""
    real = re.compile(
        r"nordea|osuuspankki|\bop\b|danske|s-pankki|aktia|säästöpankki|pop pankki|"
        r"handelsbanken|ålandsbanken|\bkela\b|\bfpa\b|suomi\.fi|telia|elisa|\bdna\b",
        re.IGNORECASE,
    )
    for key, texts in renderer.catalogue.texts.items():
        for text in texts.values():
            assert not real.search(text), (key, text)
    for name in renderer.templates.names():
        assert not real.search(renderer.templates.source(name)), name


def test_a_broken_catalogue_is_reported(tmp_path: Path) -> None:
    bad = tmp_path / "texts.toml"
    bad.write_text('[a]\nfi = "x"\nb = { fi = "y" }\n', encoding="utf-8")
    with pytest.raises(CatalogueError, match=r"a\.fi"):
        Catalogue.load(bad)
    bad.write_text("not toml [", encoding="utf-8")
    with pytest.raises(CatalogueError):
        Catalogue.load(bad)


def test_escaping(renderer: Renderer) -> None:
    text = renderer.t("attachments.added", "en", name="<script>**x**</script>")
    assert "<script>" not in text
    assert "&lt;script&gt;" in text
    assert text.split(": ", 1)[1] == "<strong>&lt;script&gt;**x**&lt;/script&gt;</strong>"
