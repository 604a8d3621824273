"""The help-desk server's settings, declared once with their types and defaults.

They come from the command line (``kiosk helpdesk serve``) or from the environment
(``KIOSK_HELPDESK_*``, which is how uvicorn's worker processes get them). Unsafe or
contradictory settings are refused at start-up with one plain message
(:class:`SettingsError`), never a traceback.

TLS: the server takes a certificate and key (``tls_cert``/``tls_key``), or sits behind
a reverse proxy that terminates TLS and is named in ``trusted_proxies``. Only from a
trusted proxy are ``X-Forwarded-For`` and ``X-Forwarded-Proto`` believed: the client
address the login throttle counts, and whether the page was reached over https (Secure
cookies, HSTS). Plain HTTP is meant for loopback only; anything else gets a loud
warning (:func:`plain_http_warning`).
"""

from __future__ import annotations

import ipaddress
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Annotated, Any

from pydantic import Field, ValidationError, field_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict

from kiosk import paths
from kiosk.helpdesk import model
from kiosk.helpdesk.server import db
from kiosk.languages import GUIDE_LANGUAGES

ENV_PREFIX = "KIOSK_HELPDESK_"
ENV_DATABASE = f"{ENV_PREFIX}DATABASE"

#: The staff page speaks the languages the guides are written in first.
STAFF_LANGUAGES = GUIDE_LANGUAGES
LOOPBACK_HOSTS = ("127.0.0.1", "localhost", "::1", "[::1]")
_LOOPBACK_LISTEN = ("127.0.0.1", "localhost", "::1")


class SettingsError(ValueError):
    """Settings the server refuses to start with. ``str()`` is for a volunteer."""


def default_database_url() -> str:
    return f"sqlite:///{paths.data_dir() / 'helpdesk.sqlite3'}"


def _comma_list(value: Any) -> Any:
    """'a, b' (an environment variable) -> ('a', 'b'); lists pass through."""
    if isinstance(value, str):
        return tuple(part.strip() for part in value.split(",") if part.strip())
    return value


CommaList = Annotated[tuple[str, ...], NoDecode]


class ServerSettings(BaseSettings):
    """Every setting of the help-desk server (environment: ``KIOSK_HELPDESK_<NAME>``)."""

    model_config = SettingsConfigDict(
        env_prefix=ENV_PREFIX,
        frozen=True,
        extra="forbid",
        arbitrary_types_allowed=True,
        populate_by_name=True,
        env_ignore_empty=True,
    )

    database_url: str = Field(
        default_factory=default_database_url,
        validation_alias="KIOSK_HELPDESK_DATABASE",
        description="SQLAlchemy URL or a file path (SQLite); postgresql://... for many centres.",
    )
    allowed_hosts: CommaList = Field(
        LOOPBACK_HOSTS, description="Host names the server answers to (Host header); others: 400."
    )
    language: str | None = Field(None, description="Staff page language; none: the browser's.")
    secure_cookies: bool = Field(
        False, description="Always mark the session cookie Secure (TLS ends at a proxy)."
    )
    tls_cert: Path | None = Field(None, description="PEM certificate (chain) to serve https.")
    tls_key: Path | None = Field(None, description="PEM private key of tls_cert.")
    trusted_proxies: CommaList = Field(
        (),
        description="Addresses of reverse proxies whose X-Forwarded-For/-Proto are believed.",
    )
    hsts_max_age_s: int = Field(
        31_536_000, ge=0, description="Strict-Transport-Security max-age on https (0: none)."
    )
    max_body_bytes: int = Field(16 * 1024, ge=1024, le=1024 * 1024)
    purge_interval_s: float = Field(60.0, gt=0)
    #: Day boundaries of "today's history" (and its clean-up) are in this time zone.
    timezone: str = Field("Europe/Helsinki", description="Time zone of the centres' day.")
    #: How many requests one kiosk may have open at once; more get 429 (try later).
    max_open_per_kiosk: int = Field(5, ge=1)
    #: Password checks (argon2, 64 MiB each) running at once, and waiting at most.
    login_hash_workers: int = Field(2, ge=1, le=8)
    login_queue_limit: int = Field(8, ge=0, le=100)
    pack_key_file: Path | None = Field(
        None,
        description="The secret that signs guide packs for the kiosks (made on first use, "
        "mode 0600); none: guide-pack-signing.key in the data folder. Several servers "
        "behind one address need the same file.",
    )
    clock: Callable[[], datetime] = Field(default=model.utcnow, exclude=True)

    @field_validator("allowed_hosts", "trusted_proxies", mode="before")
    @classmethod
    def _split(cls, value: Any) -> Any:
        return _comma_list(value)

    @field_validator("language", mode="before")
    @classmethod
    def _empty_language(cls, value: Any) -> Any:
        return value or None

    def checked(self) -> ServerSettings:
        """A copy with the database URL normalised; raises :class:`SettingsError`."""
        if self.language is not None and self.language not in STAFF_LANGUAGES:
            raise SettingsError(f"language must be one of {', '.join(STAFF_LANGUAGES)}")
        if not self.allowed_hosts:
            raise SettingsError("list at least one allowed host name")
        if "*" in self.allowed_hosts:
            raise SettingsError("'*' is not allowed as a host: name the host names staff use")
        for proxy in self.trusted_proxies:
            try:
                ipaddress.ip_network(proxy, strict=False)
            except ValueError:
                raise SettingsError(
                    f"trusted proxy {proxy!r} is not an IP address or network (like 10.0.0.5)"
                ) from None
            if ipaddress.ip_network(proxy, strict=False).prefixlen == 0:
                raise SettingsError("trusting every address as a proxy lets anyone fake theirs")
        if (self.tls_cert is None) != (self.tls_key is None):
            raise SettingsError("https needs both a certificate (tls_cert) and its key (tls_key)")
        for name, path in (("certificate", self.tls_cert), ("key", self.tls_key)):
            if path is not None and not path.is_file():
                raise SettingsError(f"the TLS {name} file {str(path)!r} does not exist")
        try:
            import zoneinfo  # noqa: PLC0415

            zoneinfo.ZoneInfo(self.timezone)
        except (ValueError, zoneinfo.ZoneInfoNotFoundError):
            raise SettingsError(
                f"unknown time zone {self.timezone!r} (like Europe/Helsinki)"
            ) from None
        return self.model_copy(update={"database_url": db.normalise_url(self.database_url)})

    @property
    def https(self) -> bool:
        return self.tls_cert is not None

    @classmethod
    def from_env(cls) -> ServerSettings:
        try:
            return cls().checked()
        except ValidationError as exc:
            raise SettingsError(describe(exc)) from None

    def to_env(self) -> dict[str, str]:
        """The environment that gives a worker process these settings."""
        out: dict[str, str] = {}
        for name, value in self.model_dump(exclude={"clock"}).items():
            key = ENV_DATABASE if name == "database_url" else f"{ENV_PREFIX}{name.upper()}"
            if value is None:
                out[key] = ""
            elif isinstance(value, tuple | list):
                out[key] = ",".join(value)
            elif isinstance(value, bool):
                out[key] = "1" if value else "0"
            else:
                out[key] = str(value)
        return out


def describe(exc: ValidationError) -> str:
    """One plain line per wrong setting: 'max_body_bytes: Input should be ...'."""
    lines = []
    for error in exc.errors():
        where = ".".join(str(part) for part in error["loc"]) or "settings"
        lines.append(f"{where}: {error['msg']}")
    return "; ".join(lines)


def is_loopback(host: str) -> bool:
    if host in _LOOPBACK_LISTEN:
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def plain_http_warning(listen_host: str, settings: ServerSettings) -> str | None:
    """The warning for serving plain HTTP where others can listen; None when safe."""
    if settings.https or is_loopback(listen_host):
        return None
    if settings.trusted_proxies:
        return None  # TLS ends at the named reverse proxy in front of us
    return (
        "WARNING: the help desk is serving plain HTTP on a network address "
        f"({listen_host}). Staff passwords, session cookies, device tokens and visitors' "
        "phone numbers cross the network unencrypted, and browsers will not show "
        "notifications. Give it a certificate (--tls-cert/--tls-key) or put it behind a "
        "TLS reverse proxy (--trusted-proxy ADDRESS)."
    )
