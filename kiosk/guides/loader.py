"""Load guide files, validate them, and report every problem with its file and line.

A guide is a folder with a ``guide.yaml`` and its images beside it. A broken guide is
skipped and listed; the others load. See ``guides/README.md`` for the format.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Iterable, Mapping
from functools import lru_cache
from pathlib import Path
from urllib.parse import urlsplit

from kiosk.browser.policy import AllowList, parse_host_rule
from kiosk.guides import authoring, freshness, readability
from kiosk.guides.languages import language_name, language_names
from kiosk.guides.matching import pattern_host, pattern_regex
from kiosk.guides.model import (
    CATEGORIES,
    GUIDE_PERMISSIONS,
    Guide,
    Library,
    Problem,
    Step,
    Text,
    UrlPattern,
)
from kiosk.guides.yamlnodes import Map, Node, Scalar, Seq, YamlError, parse

GUIDE_FILE = "guide.yaml"
MAX_FILE_BYTES = 512 * 1024

#: ``{name}`` placeholders in guide strings, used when the caller gives no value for them:
#: ``{practice}`` is the local practice site (``python -m kiosk.practice`` serves it here).
DEFAULT_SUBSTITUTIONS: Mapping[str, str] = {"practice": "http://127.0.0.1:47800"}


_TOP_KEYS = (
    "id",
    "title",
    "summary",
    "category",
    "icon",
    "order",
    "start_url",
    "allowed_hosts",
    "languages",
    "service_languages",
    "permissions",
    "sensitive_hosts",
    "needs",
    "steps",
    "done",
    "verified",
    "unchecked_languages",
)
_STEP_KEYS = ("text", "image", "url", "check")
_ID_RE = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
_LANG_RE = re.compile(r"^[a-z]{2,3}$")
_IMAGE_SUFFIXES = (".png", ".jpg", ".jpeg", ".svg", ".webp")


class _UnusableGuideError(Exception):
    """The guide cannot be used; the problem is already recorded."""


class _Reader:
    def __init__(
        self,
        file: Path,
        identification: AllowList,
        substitutions: Mapping[str, str],
        advice: bool = True,
    ) -> None:
        self.file = file
        self.identification = identification
        self.substitutions = substitutions
        self.advice = advice
        self.problems: list[Problem] = []
        self.languages: tuple[str, ...] = ()

    # -- recording -------------------------------------------------------------------
    def error(self, line: int, message: str) -> None:
        self.problems.append(Problem(self.file, line, message, error=True))

    def warn(self, line: int, message: str) -> None:
        self.problems.append(Problem(self.file, line, message, error=False))

    def fatal(self, line: int, message: str) -> _UnusableGuideError:
        self.error(line, message)
        return _UnusableGuideError()

    # -- shapes ----------------------------------------------------------------------
    def expect_map(self, node: Node, what: str) -> Map:
        if not isinstance(node, Map):
            raise self.fatal(node.line, f"{what} must be a list of 'name: value' lines")
        return node

    def check_keys(self, node: Map, allowed: tuple[str, ...], where: str) -> None:
        for key, (line, _value) in node.entries.items():
            if key not in allowed:
                import difflib  # noqa: PLC0415 - at first use, not with the first screen (issue 14)

                close = difflib.get_close_matches(key, allowed, n=1)
                hint = f" Did you mean '{close[0]}'?" if close else ""
                self.error(line, f"unknown field '{key}' in {where}.{hint}")

    def string(self, node: Node, what: str) -> str:
        if not isinstance(node, Scalar):
            raise self.fatal(node.line, f"{what} must be a single value, not a list")
        value = node.value.strip()
        for name, replacement in self.substitutions.items():
            value = value.replace("{" + name + "}", replacement)
        return value

    def strings(self, node: Node, what: str) -> list[tuple[str, int]]:
        """A list of values; a single value is accepted as a list of one."""
        if isinstance(node, Scalar):
            return [(self.string(node, what), node.line)]
        if isinstance(node, Seq):
            return [(self.string(item, what), item.line) for item in node.items]
        raise self.fatal(node.line, f"{what} must be a list, like [fi, sv, en]")

    def text(self, node: Node, what: str, *, check_sentences: bool = True) -> Text:
        if isinstance(node, Scalar):
            raise self.fatal(
                node.line,
                f"{what} must be given per language, for example:\n"
                f"      fi: Teksti suomeksi\n      en: The text in English",
            )
        texts = self.expect_map(node, what)
        result: dict[str, str] = {}
        empty: set[str] = set()
        for code, (line, value) in texts.entries.items():
            if code not in self.languages:
                raise self.fatal(
                    line,
                    f"{what}: '{code}' is not one of this guide's languages "
                    f"({', '.join(self.languages)}); add it to 'languages' or fix the code",
                )
            content = self.string(value, f"{what} ({language_name(code)})")
            if not content:
                self.warn(line, f"{what}: the {language_name(code)} text is empty")
                empty.add(code)
                continue
            result[code] = content
            if check_sentences and self.advice:
                for message in readability.text_problems(content, code):
                    self.warn(line, f"{what} ({language_name(code)}): {message}")
        first = self.languages[0]
        if first not in result:
            raise self.fatal(texts.line, f"{what} has no {language_name(first)} text ('{first}:')")
        for code in self.languages:
            if code not in result and code not in empty:
                self.warn(texts.line, f"{what} is missing the {language_name(code)} text")
        return Text(result)

    def local_file(self, node: Node, what: str, suffixes: tuple[str, ...]) -> Path | None:
        name = self.string(node, what)
        path = (self.file.parent / name).resolve()
        if not path.is_relative_to(self.file.parent.resolve()):
            self.error(node.line, f"{what} '{name}' must be a file in the guide's own folder")
            return None
        if path.suffix.lower() not in suffixes:
            self.error(node.line, f"{what} '{name}' must be one of: {', '.join(suffixes)}")
            return None
        if not path.is_file():
            self.warn(node.line, f"{what} '{name}' does not exist next to {self.file.name}")
            return None
        return path

    # -- the guide -------------------------------------------------------------------
    def guide(self, root: Node | None) -> Guide:
        if root is None:
            raise self.fatal(1, "the file is empty")
        top = self.expect_map(root, "a guide")
        self.check_keys(top, _TOP_KEYS, "the guide")
        entries = top.entries

        def need(key: str) -> tuple[int, Node]:
            if key not in entries:
                raise self.fatal(top.line, f"the guide needs a '{key}:' line")
            return entries[key]

        line, node = need("id")
        guide_id = self.string(node, "id")
        if not _ID_RE.match(guide_id):
            raise self.fatal(
                line, f"id '{guide_id}' may have only small letters a-z, digits and '-'"
            )

        line, node = need("languages")
        languages = [code for code, _ in self.strings(node, "languages")]
        if not languages:
            raise self.fatal(line, "list at least one language")
        for code in languages:
            if not _LANG_RE.match(code):
                raise self.fatal(line, f"'{code}' is not a language code like fi, sv or en")
        if len(set(languages)) != len(languages):
            self.error(line, "a language is listed twice")
        self.languages = tuple(languages)
        if missing := [code for code in authoring.GUIDE_LANGUAGES if code not in languages]:
            self.warn(
                line,
                f"the guide is not written in {language_names(missing)} "
                f"({', '.join(missing)}); every guide should be in "
                f"{language_names(authoring.GUIDE_LANGUAGES)}",
            )

        service_languages: list[str] = []
        if "service_languages" in entries:
            line, node = entries["service_languages"]
            service_languages = [code for code, _ in self.strings(node, "service_languages")]
            for code in service_languages:
                if not _LANG_RE.match(code):
                    self.error(line, f"'{code}' is not a language code like fi, sv or en")

        title = self.text(need("title")[1], "title", check_sentences=False)
        summary = self.text(entries["summary"][1], "summary") if "summary" in entries else None

        line, node = need("category")
        category = self.string(node, "category")
        if category not in CATEGORIES:
            raise self.fatal(line, f"category '{category}' must be one of: {', '.join(CATEGORIES)}")

        line, node = need("allowed_hosts")
        host_rules: list[str] = []
        for rule, rule_line in self.strings(node, "allowed_hosts"):
            try:
                parse_host_rule(rule)
            except ValueError as exc:
                raise self.fatal(rule_line, f"allowed_hosts: {exc}") from None
            host_rules.append(rule)
        if not host_rules:
            raise self.fatal(line, "allowed_hosts: list at least the host of start_url")
        allow = AllowList.parse(host_rules)

        line, node = need("start_url")
        start_url = self.string(node, "start_url")
        parts = urlsplit(start_url)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise self.fatal(line, f"start_url '{start_url}' must be a full https:// address")
        port = parts.port or (443 if parts.scheme == "https" else 80)
        if not allow.allows(parts.hostname.lower(), parts.scheme, port):
            raise self.fatal(
                line,
                f"start_url: the host {parts.hostname} is not in allowed_hosts, so the kiosk "
                "would block it"
                + (" (plain http needs an http:// entry)" if parts.scheme == "http" else ""),
            )

        icon = None
        if "icon" in entries:
            icon = self.local_file(entries["icon"][1], "icon", _IMAGE_SUFFIXES)

        order = 100
        if "order" in entries:
            line, node = entries["order"]
            value = self.string(node, "order")
            if not value.lstrip("-").isdigit():
                self.error(line, f"order '{value}' must be a whole number")
            else:
                order = int(value)

        permissions: list[str] = []
        if "permissions" in entries:
            for permission, perm_line in self.strings(entries["permissions"][1], "permissions"):
                if permission not in GUIDE_PERMISSIONS:
                    self.error(
                        perm_line,
                        f"permission '{permission}' is not allowed; a guide may ask only for "
                        + ", ".join(GUIDE_PERMISSIONS),
                    )
                else:
                    permissions.append(permission)

        sensitive_hosts: list[str] = []
        if "sensitive_hosts" in entries:
            for rule, rule_line in self.strings(entries["sensitive_hosts"][1], "sensitive_hosts"):
                try:
                    parsed = parse_host_rule(rule)
                except ValueError as exc:
                    self.error(rule_line, f"sensitive_hosts: {exc}")
                    continue
                sensitive_hosts.append(rule)
                reachable = allow.rules + self.identification.rules
                if not any(
                    other.matches(
                        parsed.host, "http" if parsed.http else "https", parsed.port or 443
                    )
                    for other in reachable
                ):
                    self.warn(
                        rule_line,
                        f"sensitive_hosts: {rule} is not in allowed_hosts, so the visitor "
                        "never sees it anyway",
                    )

        needs: list[Text] = []
        if "needs" in entries:
            line, node = entries["needs"]
            if not isinstance(node, Seq):
                raise self.fatal(line, "needs must be a list; start each item with '- '")
            needs = [self.text(item, "needs item") for item in node.items]

        line, node = need("steps")
        if not isinstance(node, Seq) or not node.items:
            raise self.fatal(line, "steps must be a list of steps; start each step with '- '")
        steps = [self.step(item, n, allow) for n, item in enumerate(node.items, start=1)]
        self.distinct_patterns(steps)

        done = self.text(entries["done"][1], "done") if "done" in entries else None
        verified = self.verified(top)
        unchecked = self.unchecked_languages(entries)

        if any(p.error for p in self.problems):
            raise _UnusableGuideError()
        guide = Guide(
            id=guide_id,
            file=self.file,
            title=title,
            summary=summary,
            category=category,
            icon=icon,
            order=order,
            start_url=start_url,
            allowed_hosts=tuple(host_rules),
            languages=self.languages,
            service_languages=tuple(service_languages),
            permissions=tuple(permissions),
            sensitive_hosts=tuple(sensitive_hosts),
            needs=tuple(needs),
            steps=tuple(steps),
            done=done,
            verified=verified,
            unchecked_languages=unchecked,
        )
        if self.advice:
            self.problems.extend(authoring.guide_warnings(guide))
        return guide

    def verified(self, top: Map) -> datetime.date | None:
        if "verified" not in top.entries:
            self.warn(
                top.line,
                "the guide has no 'verified:' date; write the day you last checked it "
                "against the live service, like verified: 2026-12-05",
            )
            return None
        line, node = top.entries["verified"]
        try:
            return freshness.parse_verified(self.string(node, "verified"))
        except ValueError as exc:
            self.error(line, str(exc))
            return None

    def unchecked_languages(self, entries: Mapping[str, tuple[int, Node]]) -> tuple[str, ...]:
        """Languages a native speaker has not checked yet; each must be a guide language."""
        if "unchecked_languages" not in entries:
            return ()
        found: list[str] = []
        for code, line in self.strings(entries["unchecked_languages"][1], "unchecked_languages"):
            if code not in self.languages:
                self.error(line, f"unchecked_languages: '{code}' is not in 'languages'")
            elif code == self.languages[0]:
                self.error(line, f"unchecked_languages: the main language '{code}' must be checked")
            else:
                found.append(code)
        return tuple(found)

    def step(self, node: Node, number: int, allow: AllowList) -> Step:
        where = f"step {number}"
        step = self.expect_map(node, where)
        self.check_keys(step, _STEP_KEYS, where)
        if "text" not in step.entries:
            raise self.fatal(step.line, f"{where} needs a 'text:'")
        text = self.text(step.entries["text"][1], f"{where} text")
        image = None
        if "image" in step.entries:
            image = self.local_file(step.entries["image"][1], f"{where} image", _IMAGE_SUFFIXES)
        check = None
        if "check" in step.entries:
            check = self.text(step.entries["check"][1], f"{where} check")
        patterns: list[UrlPattern] = []
        if "url" in step.entries:
            for pattern, line in self.strings(step.entries["url"][1], f"{where} url"):
                try:
                    pattern_regex(pattern)
                except ValueError as exc:
                    self.error(line, f"{where} url '{pattern}': {exc}")
                    continue
                host = pattern_host(pattern)
                if not self._host_reachable(host, allow):
                    self.warn(
                        line,
                        f"{where} url '{pattern}': {host} is not in allowed_hosts, so the "
                        "visitor can never get there",
                    )
                patterns.append(UrlPattern(pattern, line))
        return Step(
            text=text, line=step.line, image=image, url_patterns=tuple(patterns), check=check
        )

    def _host_reachable(self, host: str, allow: AllowList) -> bool:
        if "*" in host:
            return True  # a wildcard pattern host is the writer's own decision
        name, _, port_text = host.partition(":")
        for scheme, default in (("https", 443), ("http", 80)):
            port = int(port_text) if port_text.isdigit() else default
            if allow.allows(name, scheme, port) or self.identification.allows(name, scheme, port):
                return True
        return False

    def distinct_patterns(self, steps: Iterable[Step]) -> None:
        seen: dict[str, int] = {}
        for number, step in enumerate(steps, start=1):
            for pattern in step.url_patterns:
                key = pattern.text.strip().lower().rstrip("/")
                if key in seen and seen[key] != number:
                    self.warn(
                        pattern.line,
                        f"step {number} url '{pattern.text}' is the same as in step "
                        f"{seen[key]}; the guide cannot tell the two steps apart",
                    )
                seen.setdefault(key, number)


@lru_cache(maxsize=8)
def _identification(hosts: tuple[str, ...]) -> AllowList:
    # Parsed once for a whole library, not once for every guide in it.
    return AllowList.parse(hosts)


def load_guide(
    file: Path,
    identification_hosts: Iterable[str] = (),
    substitutions: Mapping[str, str] | None = None,
    *,
    advice: bool = True,
) -> tuple[Guide | None, list[Problem]]:
    """Load one guide file. Returns the guide (or ``None`` if unusable) and its problems.

    ``advice=False`` leaves out the advice for writers (plain language, whether the guide
    follows the pages): the kiosk itself loads its guides so at every start, as the
    advice never changes what it can show; ``kiosk guides check`` and the pack checks
    give it."""
    reader = _Reader(
        file,
        _identification(tuple(identification_hosts)),
        {**DEFAULT_SUBSTITUTIONS, **(substitutions or {})},
        advice,
    )
    try:
        size = file.stat().st_size
        if size > MAX_FILE_BYTES:
            raise reader.fatal(1, f"the file is too big ({size // 1024} KiB); a guide is text")
        text = file.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        reader.error(1, "the file is not UTF-8 text; save it as UTF-8")
        return None, reader.problems
    except OSError as exc:
        reader.error(1, f"cannot be read: {exc.strerror or exc}")
        return None, reader.problems
    except _UnusableGuideError:
        return None, reader.problems
    try:
        root = parse(text)
        return reader.guide(root), reader.problems
    except YamlError as exc:
        reader.error(exc.line, exc.message)
    except _UnusableGuideError:
        pass
    return None, reader.problems


def guide_files(folder: Path) -> list[Path]:
    """Every ``<folder>/<guide>/guide.yaml``, in name order."""
    if not folder.is_dir():
        return []
    return sorted(p / GUIDE_FILE for p in folder.iterdir() if (p / GUIDE_FILE).is_file())


def load_library(
    folder: Path,
    identification_hosts: Iterable[str] = (),
    substitutions: Mapping[str, str] | None = None,
    *,
    advice: bool = True,
) -> Library:
    """Load every guide under ``folder``. Broken guides are skipped and their problems listed
    (``advice``: see :func:`load_guide`)."""
    id_hosts = tuple(identification_hosts)
    guides: list[Guide] = []
    problems: list[Problem] = []
    skipped: list[Path] = []
    if not folder.is_dir():
        problems.append(Problem(folder, 0, "the guides folder does not exist"))
        return Library((), tuple(problems), ())
    for file in guide_files(folder):
        guide, found = load_guide(file, id_hosts, substitutions, advice=advice)
        problems.extend(found)
        if guide is None:
            skipped.append(file)
            continue
        if (twin := next((g for g in guides if g.id == guide.id), None)) is not None:
            problems.append(
                Problem(file, 1, f"id '{guide.id}' is already used by {twin.file}; skipped")
            )
            skipped.append(file)
            continue
        guides.append(guide)
    for entry in sorted(folder.iterdir()):
        if entry.is_file() and entry.suffix in (".yaml", ".yml"):
            problems.append(
                Problem(
                    entry,
                    1,
                    f"a guide must be in a folder of its own, as {entry.stem}/{GUIDE_FILE}",
                )
            )
            skipped.append(entry)
    ordered = sorted(guides, key=lambda g: (CATEGORIES.index(g.category), g.order, g.id))
    return Library(tuple(ordered), tuple(problems), tuple(skipped))
