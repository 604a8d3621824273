"""The kiosk's settings: one typed, validated model, loaded from a TOML file.

Every setting is declared once here, with its type, default and a description. Unknown
keys and wrong types are errors that name the file and the key: a volunteer's typo must
not be silently ignored. ``config_version`` lets an old file be migrated, not rejected.

This module is pure Python (no Qt).
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Callable
from pathlib import Path
from typing import Annotated, Any

from kiosk import paths
from kiosk.browser.policy import parse_host_rule
from kiosk.config_model import (
    BaseModel,
    Field,
    Problem,
    ValidationError,
    field_validator,
    model_validator,
)
from kiosk.keyboard.choice import MODES as KEYBOARD_MODES
from kiosk.languages import UI_LANGUAGES

CONFIG_VERSION = 1

_GUIDE_ID = re.compile(r"^[a-z0-9][a-z0-9_.-]{0,79}$")

#: The settings staff may change in the admin view. They are kept in the data folder
#: (``STAFF_SETTINGS_FILE``), which the kiosk's own user may write, and win over the
#: settings file the installer wrote (which that user may only read).
STAFF_SETTINGS: tuple[str, ...] = (
    "session.idle_timeout_s",
    "session.warning_s",
    "kiosk.default_language",
    "kiosk.tiles",
    "printing.printer",
    "printing.max_pages_per_session",
    "helpdesk.centre_phone",
    "helpdesk.centre_whatsapp",
)
STAFF_SETTINGS_FILE = "staff-settings.toml"

#: Languages the kiosk's own screens are translated into.

#: Suomi.fi e-identification and the identification services it sends visitors to.
#: Every guide may use these in addition to its own hosts. A leading "*." allows every
#: subdomain. Check this list against the live services when a bank changes its address.
DEFAULT_IDENTIFICATION_HOSTS: tuple[str, ...] = (
    "tunnistus.suomi.fi",
    "*.tunnistus.suomi.fi",
    "tunnistautuminen.suomi.fi",  # the Suomi.fi identification pages and, from 2026, Messages
    # Banks (online banking codes and bank apps).
    "*.nordea.fi",
    "*.nordea.com",
    "*.op.fi",
    "*.danskebank.fi",
    "*.danskebank.com",
    "*.s-pankki.fi",
    "*.aktia.fi",
    "*.poppankki.fi",
    "*.saastopankki.fi",
    "*.omasp.fi",
    # (Handelsbanken ended private online banking in Finland in March 2025.)
    "*.alandsbanken.fi",
    # Mobile certificate (DNA, Elisa, Telia) and the Hightrust.id app.
    "*.mobiilivarmenne.fi",
    "*.telia.fi",
    "*.elisa.fi",
    "*.dna.fi",
    "*.hightrust.id",
)


class ConfigError(Exception):
    """A config file that cannot be used. ``str()`` is a message for a volunteer."""

    def __init__(self, path: Path | None, problems: list[str]) -> None:
        self.path = path
        self.problems = problems
        where = str(path) if path else "configuration"
        super().__init__("\n".join(f"{where}: {p}" for p in problems))


class _Section(BaseModel):
    """Frozen, strict, unknown keys are errors (kiosk/config_model.py)."""


Seconds = Annotated[int, Field(ge=1, le=24 * 3600)]


class KioskSection(_Section):
    default_language: str = Field("fi", description="Language of the screens after each wipe.")
    languages: list[str] = Field(
        default_factory=lambda: list(UI_LANGUAGES),
        description=(
            "Languages offered in the top bar, in order "
            "(beyond four, a 'Languages' button opens the rest)."
        ),
    )
    windowed: bool = Field(False, description="Run in a window instead of full screen (testing).")
    centre_name: str = Field("", description="Name of the centre, shown on the start screen.")
    tiles: list[str] = Field(
        default_factory=list,
        description="Guide tiles on the home screen, in this order (guide ids); empty: "
        "every guide, in the usual order.",
    )

    @field_validator("tiles")
    @classmethod
    def _guide_ids(cls, value: list[str]) -> list[str]:
        for guide_id in value:
            if not _GUIDE_ID.match(guide_id):
                raise ValueError(f"{guide_id!r} is not a guide id (like 'kela-basic-assistance')")
        if len(set(value)) != len(value):
            raise ValueError("a guide is listed twice")
        return value

    @field_validator("languages")
    @classmethod
    def _known_languages(cls, value: list[str]) -> list[str]:
        if not value:
            raise ValueError("list at least one language")
        unknown = [code for code in value if code not in UI_LANGUAGES]
        if unknown:
            raise ValueError(
                f"unknown language {', '.join(unknown)}; the kiosk speaks {', '.join(UI_LANGUAGES)}"
            )
        if len(set(value)) != len(value):
            raise ValueError("a language is listed twice")
        return value

    @model_validator(mode="after")
    def _default_is_offered(self) -> KioskSection:
        if self.default_language not in self.languages:
            raise ValueError(
                f"default_language {self.default_language!r} must be one of kiosk.languages"
            )
        return self


class GuidesSection(_Section):
    dir: Path | None = Field(
        None,
        description="Folder of guides; the shipped guides if unset. Guide packs from the "
        "help desk take its place; it stays the fallback of last resort.",
    )
    updates: bool = Field(
        True,
        description="Fetch new guide packs from the help desk (between visitors) and show them.",
    )
    update_check_s: Seconds = Field(
        300,
        description="Seconds between two questions to the help desk for a newer guide pack "
        "(only while nobody uses the kiosk).",
    )

    @field_validator("dir", mode="before")
    @classmethod
    def _path(cls, value: Any) -> Any:
        return Path(value) if isinstance(value, str) else value


class SessionSection(_Section):
    idle_timeout_s: Seconds = Field(
        180, description="Seconds without any touch, key or mouse movement before the warning."
    )
    warning_s: Seconds = Field(
        60, description="Seconds the 'Are you still there?' warning counts down before the wipe."
    )
    help_wait_s: Seconds = Field(
        900,
        description="While the visitor's help request is open, seconds without any touch "
        "before the warning (instead of idle_timeout_s); 'Help is coming' shows meanwhile.",
    )


class HelpdeskSection(_Section):
    url: str = Field("", description="Address of the help-desk server; empty: no help desk.")
    embedded: bool = Field(
        False, description="Start the help desk beside the kiosk (one-PC centre)."
    )
    centre_phone: str = Field("", description="The centre's phone number, shown when offline.")
    centre_whatsapp: str = Field(
        "", description="The centre's WhatsApp number, shown when offline."
    )

    @field_validator("url")
    @classmethod
    def _http_url(cls, value: str) -> str:
        if value and not value.startswith(("http://", "https://")):
            raise ValueError("must start with http:// or https://")
        return value.rstrip("/")


class BrowserSection(_Section):
    identification_hosts: list[str] = Field(
        default_factory=lambda: list(DEFAULT_IDENTIFICATION_HOSTS),
        description="Hosts every guide may visit for strong identification.",
    )

    @field_validator("identification_hosts")
    @classmethod
    def _valid_hosts(cls, value: list[str]) -> list[str]:
        for rule in value:
            parse_host_rule(rule)  # raises ValueError with a plain message
        return value


class LockdownSection(_Section):
    allow_removable_media: bool = Field(
        False, description="Let visitors attach files from a USB stick."
    )


class PrintingSection(_Section):
    printer: str = Field("", description="Printer name; empty: the system's default printer.")
    max_pages_per_session: int = Field(
        30, ge=0, le=1000, description="Pages one visitor may print (0: printing off)."
    )


class PracticeSection(_Section):
    enabled: bool = Field(
        True, description="Serve the practice pages (Harjoittele) and show their tiles."
    )
    port: int = Field(
        0, ge=0, le=65535, description="Port of the practice pages on 127.0.0.1 (0: any free one)."
    )


class SpeechSection(_Section):
    engine: str = Field(
        "",
        description="Text-to-speech engine for reading guides aloud: empty for the system's "
        "own (speech-dispatcher on Linux, the Windows voices), 'none' to turn it off.",
    )


class GraphicsSection(_Section):
    safe_mode: bool = Field(
        False,
        description="Draw without the graphics card (slower; for PCs whose graphics driver "
        "fails; kiosk doctor says when).",
    )


class KeyboardSection(_Section):
    on_screen: str = Field(
        "auto",
        description="The kiosk's own on-screen keyboard: 'auto' (shown when no physical "
        "keyboard is attached when the kiosk starts), 'always' or 'never'.",
    )

    @field_validator("on_screen")
    @classmethod
    def _mode(cls, value: str) -> str:
        if value not in KEYBOARD_MODES:
            raise ValueError('must be "auto", "always" or "never"')
        return value


class StatsSection(_Section):
    enabled: bool = Field(
        True,
        description="Count sessions anonymously (no URLs, no typed text, no exact times) "
        "and send each finished day's counters to the help desk.",
    )
    outcome_question: bool = Field(
        True, description='Ask "Did you get it done?" (one tap, skippable) at "End session".'
    )


class Config(_Section):
    config_version: int = Field(CONFIG_VERSION, description="Format version of this file.")
    kiosk: KioskSection = KioskSection()
    guides: GuidesSection = GuidesSection()
    session: SessionSection = SessionSection()
    helpdesk: HelpdeskSection = HelpdeskSection()
    browser: BrowserSection = BrowserSection()
    lockdown: LockdownSection = LockdownSection()
    printing: PrintingSection = PrintingSection()
    speech: SpeechSection = SpeechSection()
    practice: PracticeSection = PracticeSection()
    stats: StatsSection = StatsSection()
    graphics: GraphicsSection = GraphicsSection()
    keyboard: KeyboardSection = KeyboardSection()

    #: Where this config was read from (None: built-in defaults).
    source: Path | None = Field(None, exclude=True)

    def guides_dir(self) -> Path:
        return self.guides.dir or paths.bundled_guides_dir()


def setting_keys() -> list[str]:
    """Every setting's dotted name, in declaration order (for the README's reference)."""
    keys: list[str] = []

    def walk(model: type[BaseModel], prefix: str) -> None:
        for name, field in model.model_fields.items():
            if name == "source":
                continue
            annotation = field.annotation
            if isinstance(annotation, type) and issubclass(annotation, BaseModel):
                walk(annotation, f"{prefix}{name}.")
            else:
                keys.append(f"{prefix}{name}")

    walk(Config, "")
    return keys


# Migrations from an older config_version to the next one. Each takes and returns the raw
# TOML mapping. Version 1 is the first; add ``2: _migrate_1_to_2`` when the format changes.
_MIGRATIONS: dict[int, Callable[[dict[str, Any]], dict[str, Any]]] = {}


def _migrate(raw: dict[str, Any], path: Path | None) -> dict[str, Any]:
    version = raw.get("config_version", CONFIG_VERSION)
    if not isinstance(version, int) or version < 1:
        raise ConfigError(path, ["config_version: must be a whole number, 1 or more"])
    if version > CONFIG_VERSION:
        raise ConfigError(
            path,
            [
                f"config_version: this file is for a newer kiosk (version {version}); "
                f"this kiosk understands up to version {CONFIG_VERSION}. Update the kiosk."
            ],
        )
    while version < CONFIG_VERSION:
        version += 1
        raw = _MIGRATIONS[version](raw)
        raw["config_version"] = version
    return raw


# The error kinds (kiosk/config_model.py; pydantic's names) in words a volunteer reads
# on a kiosk's terminal.
_PLAIN_ERRORS = {
    "int_type": "must be a whole number, without quotes",
    "int_parsing": "must be a whole number, without quotes",
    "int_from_float": "must be a whole number",
    "bool_type": "must be true or false, without quotes",
    "bool_parsing": "must be true or false, without quotes",
    "string_type": "must be text in quotes",
    "list_type": 'must be a list, like ["fi", "sv"]',
    "is_instance_of": "must be a folder path in quotes",
    "model_type": "must be a section, like [kiosk]",
    "dict_type": "must be a section, like [kiosk]",
}


def _describe(error: Problem) -> str:
    key = ".".join(str(part) for part in error["loc"])
    kind = error["type"]
    if kind == "extra_forbidden":
        return f"unknown setting '{key}' (check the spelling; see the README for all settings)"
    if kind == "missing":
        return f"'{key}' is required"
    limit: dict[str, Any] = dict(error.get("ctx") or {})
    if kind == "greater_than_equal":
        return f"'{key}' must be at least {limit.get('ge')} (got {error.get('input')!r})"
    if kind == "less_than_equal":
        return f"'{key}' must be at most {limit.get('le')} (got {error.get('input')!r})"
    message: str = _PLAIN_ERRORS.get(kind) or str(error["msg"])
    if message.startswith("Value error, "):
        message = message[len("Value error, ") :]
    got = error.get("input")
    shown = "" if isinstance(got, dict) else f" (got {got!r})"
    return f"'{key}': {message}{shown}"


def from_mapping(raw: dict[str, Any], path: Path | None = None) -> Config:
    """Validate an already parsed mapping (the TOML document)."""
    raw = _migrate(dict(raw), path)
    try:
        config = Config.model_validate(raw)
    except ValidationError as exc:
        raise ConfigError(path, [_describe(e) for e in exc.errors()]) from None
    return config.model_copy(update={"source": path})


def is_guide_id(text: str) -> bool:
    return bool(_GUIDE_ID.match(text))


def staff_settings_file() -> Path:
    return paths.data_dir() / STAFF_SETTINGS_FILE


def _read_toml(file: Path) -> dict[str, Any]:
    try:
        text = file.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(file, [f"cannot be read: {exc}"]) from None
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(file, [f"is not valid TOML: {exc}"]) from None


def read_staff_settings(file: Path | None = None) -> dict[str, Any]:
    """The staff's settings (``STAFF_SETTINGS`` only); empty when there are none."""
    file = file or staff_settings_file()
    if not file.exists():
        return {}
    raw = _read_toml(file)
    unknown: list[str] = []
    for section, values in raw.items():
        if not isinstance(values, dict):
            unknown.append(section)
            continue
        unknown += [
            f"{section}.{key}" for key in values if f"{section}.{key}" not in STAFF_SETTINGS
        ]
    if unknown:
        raise ConfigError(
            file, [f"'{key}' cannot be changed here (only in the settings file)" for key in unknown]
        )
    return raw


def _merged(base: dict[str, Any], extra: dict[str, Any]) -> dict[str, Any]:
    merged = dict(base)
    for section, values in extra.items():
        merged[section] = {**(merged.get(section) or {}), **values}
    return merged


def load(path: Path | str | None = None) -> Config:
    """Load and validate a config file; ``None`` reads the default location. The staff's
    settings from the admin view (``staff-settings.toml`` in the data folder) win.

    A missing file at the default location means "all defaults"; a missing file that was
    named explicitly is an error.
    """
    explicit = path is not None
    file = Path(path) if path is not None else paths.default_config_file()
    raw: dict[str, Any] = {}
    if file.exists():
        raw = _read_toml(file)
        # A config that was loaded relative to its own file: guides.dir may be relative.
        guides = raw.get("guides")
        if isinstance(guides, dict) and isinstance(guides.get("dir"), str):
            guides["dir"] = str((file.parent / guides["dir"]).resolve())
    elif explicit:
        raise ConfigError(file, ["the file does not exist"])
    base = from_mapping(raw, file if file.exists() else None)
    staff = read_staff_settings()
    if not staff:
        return base
    try:
        return from_mapping(_merged(raw, staff), file if file.exists() else None)
    except ConfigError as exc:
        raise ConfigError(staff_settings_file(), exc.problems) from None
