"""The settings staff change in the admin view: read, checked, and saved whole or not at
all. Pure Python.

They are saved to ``staff-settings.toml`` in the data folder (the installer's settings
file belongs to root; the kiosk's user may only read it), which wins over the settings
file; the previous version is kept as ``staff-settings.toml.previous``. A value that
does not pass the same checks as the settings file (and a few of the admin view's own:
an idle time of 1 second would throw every visitor out) is refused with a plain message
naming the setting, and nothing is saved.
"""

from __future__ import annotations

import contextlib
import json
import os
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from kiosk import config as config_mod
from kiosk.config import STAFF_SETTINGS, Config, ConfigError

#: The admin view's own limits (the settings file allows more, for testing).
LIMITS: dict[str, tuple[int, int]] = {
    "session.idle_timeout_s": (30, 3600),
    "session.warning_s": (10, 600),
    "printing.max_pages_per_session": (0, 200),
}
#: Settings that take effect at once; the others after a restart (between visitors).
LIVE = frozenset(
    {
        "session.idle_timeout_s",
        "session.warning_s",
        "kiosk.default_language",
        "printing.printer",
        "printing.max_pages_per_session",
        "helpdesk.centre_phone",
        "helpdesk.centre_whatsapp",
    }
)
_PHONE_CHARS = set("0123456789+ -()")


# Why a value was refused (``Problem.kind``); the admin panel words each in the staff's
# language, the log and the tests read ``str(problem)``.
NOT_A_NUMBER = "not-a-number"
OUT_OF_RANGE = "out-of-range"
NOT_A_PHONE = "not-a-phone"
TOO_LONG = "too-long"
NOT_OFFERED = "not-offered"
NOT_A_GUIDE = "not-a-guide"
NOT_CHANGEABLE = "not-changeable"
NOT_SAVED = "not-saved"
OTHER = "other"


@dataclass(frozen=True, slots=True)
class Problem:
    kind: str
    low: int = 0
    high: int = 0
    #: The settings model's own words (OTHER) or the disk's (NOT_SAVED).
    detail: str = ""

    def __str__(self) -> str:
        return {
            NOT_A_NUMBER: "must be a whole number",
            OUT_OF_RANGE: f"must be from {self.low} to {self.high}",
            NOT_A_PHONE: "a phone number has 5 to 15 digits (spaces, + and - are fine)",
            TOO_LONG: "is too long",
            NOT_OFFERED: "must be one of the languages the kiosk offers",
            NOT_A_GUIDE: "not a guide id",
            NOT_CHANGEABLE: "cannot be changed here",
            NOT_SAVED: f"could not be saved ({self.detail})",
        }.get(self.kind, self.detail)


class SettingsRejectedError(Exception):
    """Values that cannot be saved: ``problems`` maps a setting to its ``Problem``."""

    def __init__(self, problems: dict[str, Problem]) -> None:
        super().__init__("; ".join(f"{k}: {v}" for k, v in problems.items()))
        self.problems = problems


class _RefusedError(ValueError):
    def __init__(self, problem: Problem) -> None:
        super().__init__(str(problem))
        self.problem = problem


@dataclass(frozen=True, slots=True)
class Saved:
    config: Config
    changed: tuple[str, ...]
    needs_restart: tuple[str, ...]
    file: Path
    backup: Path | None


def current(config: Config) -> dict[str, Any]:
    """Each staff setting's value in ``config``."""
    values: dict[str, Any] = {}
    for key in STAFF_SETTINGS:
        section, name = key.split(".")
        values[key] = getattr(getattr(config, section), name)
    return values


def _is_phone(text: str) -> bool:
    digits = [ch for ch in text if ch.isdigit()]
    return not text or (not set(text) - _PHONE_CHARS and 5 <= len(digits) <= 15)


def _parse(key: str, value: Any, languages: Sequence[str]) -> Any:
    """A form's text as the setting's type; ``_RefusedError`` when it cannot be one."""
    if key in LIMITS:
        text = str(value).strip()
        if not text.isdigit() or not text.isascii():
            raise _RefusedError(Problem(NOT_A_NUMBER))
        number = int(text)
        low, high = LIMITS[key]
        if not low <= number <= high:
            raise _RefusedError(Problem(OUT_OF_RANGE, low, high))
        return number
    if key == "kiosk.tiles":
        if isinstance(value, str) or not isinstance(value, Sequence):
            raise _RefusedError(Problem(NOT_A_GUIDE))
        items = [str(item) for item in value]
        if any(not config_mod.is_guide_id(item) for item in items):
            raise _RefusedError(Problem(NOT_A_GUIDE))
        return items
    text = " ".join(str(value).split())
    if len(text) > 120:
        raise _RefusedError(Problem(TOO_LONG))
    if key.startswith("helpdesk.centre_") and not _is_phone(text):
        raise _RefusedError(Problem(NOT_A_PHONE))
    if key == "kiosk.default_language" and text not in languages:
        raise _RefusedError(Problem(NOT_OFFERED))
    return text


class SettingsEditor:
    """Checks and saves staff settings on top of the settings file's ``base``."""

    def __init__(self, base: Config, file: Path | None = None) -> None:
        self.base = base
        self.file = file or config_mod.staff_settings_file()

    def check(self, form: Mapping[str, Any]) -> tuple[Config, dict[str, Any]]:
        """The config the form would make, and the settings it changes."""
        unknown = [key for key in form if key not in STAFF_SETTINGS]
        if unknown:
            raise SettingsRejectedError({key: Problem(NOT_CHANGEABLE) for key in unknown})
        problems: dict[str, Problem] = {}
        parsed: dict[str, Any] = {}
        for key, value in form.items():
            try:
                parsed[key] = _parse(key, value, self.base.kiosk.languages)
            except _RefusedError as refused:
                problems[key] = refused.problem
        if problems:
            raise SettingsRejectedError(problems)
        before = current(self.base)
        changes = {k: v for k, v in parsed.items() if v != before[k]}
        mapping = self.base.model_dump(exclude={"source"})
        for key, value in changes.items():
            section, name = key.split(".")
            mapping[section][name] = value
        try:
            checked = config_mod.from_mapping(mapping, self.base.source)
        except ConfigError as exc:
            raise SettingsRejectedError(_by_key(exc.problems, changes)) from None
        return checked, changes

    def save(self, form: Mapping[str, Any]) -> Saved:
        """Check and save; nothing is written when anything is wrong."""
        checked, changes = self.check(form)
        if not changes:
            return Saved(checked, (), (), self.file, None)
        try:
            kept = config_mod.read_staff_settings(self.file)
        except ConfigError:
            kept = {}  # a damaged staff file is replaced (the old one stays as the backup)
        for key, value in changes.items():
            section, name = key.split(".")
            kept.setdefault(section, {})[name] = value
        try:
            backup = _write_with_backup(self.file, to_toml(kept))
        except OSError as exc:  # a full or read-only disk: the old file stays as it was
            detail = exc.strerror or type(exc).__name__
            raise SettingsRejectedError({"settings": Problem(NOT_SAVED, detail=detail)}) from exc
        self.base = checked
        return Saved(
            checked,
            tuple(changes),
            tuple(k for k in changes if k not in LIVE),
            self.file,
            backup,
        )


def _by_key(problems: list[str], changes: Mapping[str, Any]) -> dict[str, Problem]:
    found: dict[str, Problem] = {}
    for problem in problems:
        key = next((k for k in changes if k in problem or k.split(".")[1] in problem), "")
        found[key or "settings"] = Problem(OTHER, detail=problem)
    return found


def _toml_value(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, str):
        # A JSON string is a valid TOML basic string (the same escapes).
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, list):
        return "[" + ", ".join(_toml_value(item) for item in value) + "]"
    raise TypeError(f"cannot write {type(value).__name__} as TOML")


def to_toml(settings: Mapping[str, Mapping[str, Any]]) -> str:
    lines = [
        "# Settings changed by staff in the kiosk's admin view. They win over the",
        "# kiosk's settings file. Delete this file to go back to that file's values.",
    ]
    for section in sorted(settings):
        lines += ["", f"[{section}]"]
        lines += [f"{name} = {_toml_value(value)}" for name, value in settings[section].items()]
    return "\n".join(lines) + "\n"


def _write_with_backup(file: Path, text: str) -> Path | None:
    """Write ``text`` to ``file`` atomically; the previous file becomes the backup."""
    file.parent.mkdir(parents=True, exist_ok=True)
    backup = None
    if file.exists():
        backup = file.with_name(file.name + ".previous")
        backup.write_bytes(file.read_bytes())
    temporary = file.with_name(f".{file.name}.{os.getpid()}.new")
    try:
        with temporary.open("w", encoding="utf-8") as out:
            out.write(text)
            out.flush()
            os.fsync(out.fileno())
        temporary.replace(file)
    except OSError:
        with contextlib.suppress(OSError):
            temporary.unlink()
        raise
    return backup
