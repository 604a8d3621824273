"""Turn the practice site's templates and text catalogue into HTML pages.

Texts live in ``resources/practice/texts.toml`` (Finnish, Swedish and English side by side,
so a translator sees all three); page bodies in ``resources/practice/pages/*.html``. A
template names what it needs:

* ``{{t:key}}`` a translated text: HTML-escaped, ``**bold**`` becomes ``<strong>``, and
  ``{name}`` placeholders are filled (escaped) from the page's values;
* ``{{v:name}}`` one of the page's values, escaped;
* ``{{h:name}}`` a block of HTML that the page code built (with escaping) itself.

Everything a visitor typed reaches the page only through ``v:`` or a text placeholder,
so it is always escaped.
"""

from __future__ import annotations

import html
import re
import tomllib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

from kiosk import paths
from kiosk.languages import GUIDE_LANGUAGES
from kiosk.languages import LANGUAGES as LANG_TABLE

LANGUAGES: tuple[str, ...] = GUIDE_LANGUAGES
DEFAULT_LANGUAGE = "fi"

#: The language switch: each language named in itself.
LANGUAGE_NAMES = {code: LANG_TABLE[code].in_language for code in LANGUAGES}

_TEMPLATE_RE = re.compile(r"\{\{([tvh]):([a-z0-9_.-]+)\}\}")
_PLACEHOLDER_RE = re.compile(r"\{([a-z_]+)\}")
_BOLD_RE = re.compile(r"\*\*(.+?)\*\*")


def pick_language(accept_language: str | None) -> str:
    """The visitor's language from the browser's ``Accept-Language``; Finnish if none fits.

    The kiosk sets that header to the visitor's language, so the practice site opens in
    the same language as the guide beside it.
    """
    best, best_q = DEFAULT_LANGUAGE, 0.0
    for position, item in enumerate((accept_language or "").split(",")[:20]):
        tag, _, params = item.strip().partition(";")
        code = tag.strip().lower().split("-", 1)[0]
        quality = 1.0
        params = params.strip()
        if params.startswith("q="):
            try:
                quality = float(params[2:])
            except ValueError:
                continue
        quality -= position / 1000  # equal weights: the earlier one wins
        if code in LANGUAGES and quality > best_q:
            best, best_q = code, quality
    return best


def resources_dir() -> Path:
    return paths.resources_dir() / "practice"


class CatalogueError(Exception):
    """The text catalogue or a template is broken (a developer's mistake, found by tests)."""


def placeholders(text: str) -> set[str]:
    return set(_PLACEHOLDER_RE.findall(text))


def _fill(text: str, values: Mapping[str, str], escape: bool) -> str:
    def replace(match: re.Match[str]) -> str:
        name = match.group(1)
        if name not in values:
            raise CatalogueError(f"no value for {{{name}}} in {text!r}")
        return html.escape(values[name]) if escape else values[name]

    return _PLACEHOLDER_RE.sub(replace, text)


@dataclass(frozen=True, slots=True)
class Catalogue:
    """Every text of the site: key -> language -> text."""

    texts: Mapping[str, Mapping[str, str]]

    @classmethod
    def load(cls, file: Path) -> Catalogue:
        try:
            raw = tomllib.loads(file.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
            raise CatalogueError(f"{file}: {exc}") from None
        texts: dict[str, dict[str, str]] = {}
        cls._flatten(raw, "", texts)
        return cls(texts)

    @classmethod
    def _flatten(
        cls, table: Mapping[str, object], prefix: str, out: dict[str, dict[str, str]]
    ) -> None:
        strings = {k: v for k, v in table.items() if isinstance(v, str)}
        if table and len(strings) == len(table):
            out[prefix] = strings
            return
        for key, value in table.items():
            if not isinstance(value, dict):
                where = f"{prefix}.{key}" if prefix else key
                raise CatalogueError(f"{where}: expected a table of languages (fi, sv, en)")
            cls._flatten(value, f"{prefix}.{key}" if prefix else key, out)

    def text(self, key: str, lang: str, **values: str) -> str:
        """Plain text (for ``<title>`` and values that are escaped later)."""
        return _fill(self._raw(key, lang), values, escape=False)

    def html(self, key: str, lang: str, values: Mapping[str, str] | None = None) -> str:
        """Escaped text with ``**bold**`` and filled placeholders: safe to put in a page."""
        escaped = html.escape(self._raw(key, lang), quote=False)
        bold = _BOLD_RE.sub(r"<strong>\1</strong>", escaped)
        return _fill(bold, values or {}, escape=True)

    def _raw(self, key: str, lang: str) -> str:
        try:
            return self.texts[key][lang]
        except KeyError:
            raise CatalogueError(f"no text {key!r} in language {lang!r}") from None


class Templates:
    """The page templates, read once when the site starts."""

    def __init__(self, folder: Path) -> None:
        self._pages: dict[str, str] = {}
        for file in sorted(folder.glob("*.html")):
            self._pages[file.stem] = file.read_text(encoding="utf-8")
        if "layout" not in self._pages:
            raise CatalogueError(f"{folder}: layout.html is missing")

    def names(self) -> Iterable[str]:
        return self._pages.keys()

    def source(self, name: str) -> str:
        return self._pages[name]


class Renderer:
    """Fills templates in one language. One per site; safe to share between threads."""

    def __init__(self, folder: Path | None = None) -> None:
        folder = folder or resources_dir()
        self.folder = folder
        self.catalogue = Catalogue.load(folder / "texts.toml")
        self.templates = Templates(folder / "pages")

    def fill(
        self,
        template: str,
        lang: str,
        values: Mapping[str, str] | None = None,
        blocks: Mapping[str, str] | None = None,
    ) -> str:
        values = values or {}
        blocks = blocks or {}
        try:
            source = self.templates.source(template)
        except KeyError:
            raise CatalogueError(f"no template {template!r}") from None

        def replace(match: re.Match[str]) -> str:
            kind, name = match.groups()
            if kind == "t":
                return self.catalogue.html(name, lang, values)
            if kind == "v":
                if name not in values:
                    raise CatalogueError(f"{template}: no value {name!r}")
                return html.escape(values[name])
            if name not in blocks:
                raise CatalogueError(f"{template}: no block {name!r}")
            return blocks[name]

        return _TEMPLATE_RE.sub(replace, source)

    def t(self, key: str, lang: str, **values: str) -> str:
        """A text as safe HTML (shortcut for page code)."""
        return self.catalogue.html(key, lang, values)

    def plain(self, key: str, lang: str, **values: str) -> str:
        return self.catalogue.text(key, lang, **values)
