"""The help-desk server's settings: from the command line, or from the environment for
uvicorn's worker processes (``KIOSK_HELPDESK_*``). Unsafe combinations are refused at
start-up with a plain message.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field, replace

from kiosk import paths
from kiosk.helpdesk import model
from kiosk.helpdesk.server import db

ENV_DATABASE = "KIOSK_HELPDESK_DATABASE"
ENV_ALLOWED_HOSTS = "KIOSK_HELPDESK_ALLOWED_HOSTS"
ENV_LANGUAGE = "KIOSK_HELPDESK_LANGUAGE"
ENV_SECURE_COOKIES = "KIOSK_HELPDESK_SECURE_COOKIES"

STAFF_LANGUAGES = ("fi", "sv", "en")
LOOPBACK_HOSTS = ("127.0.0.1", "localhost", "::1", "[::1]")


class SettingsError(ValueError):
    """Settings the server refuses to start with. ``str()`` is for a volunteer."""


def default_database_url() -> str:
    return f"sqlite:///{paths.data_dir() / 'helpdesk.sqlite3'}"


@dataclass(frozen=True)
class ServerSettings:
    database_url: str = field(default_factory=default_database_url)
    #: Host names the server answers to (the Host header); others get 400.
    allowed_hosts: tuple[str, ...] = LOOPBACK_HOSTS
    #: Language of the staff page; None: the browser's Accept-Language.
    language: str | None = None
    #: Always mark the session cookie Secure (TLS terminated by a proxy in front).
    secure_cookies: bool = False
    max_body_bytes: int = 16 * 1024
    purge_interval_s: float = 60.0
    clock: model.Clock = field(default=model.utcnow)

    def checked(self) -> ServerSettings:
        if self.language is not None and self.language not in STAFF_LANGUAGES:
            raise SettingsError(f"language must be one of {', '.join(STAFF_LANGUAGES)}")
        if not self.allowed_hosts:
            raise SettingsError("list at least one allowed host name")
        if "*" in self.allowed_hosts:
            raise SettingsError("'*' is not allowed as a host: name the host names staff use")
        return replace(self, database_url=db.normalise_url(self.database_url))

    @classmethod
    def from_env(cls) -> ServerSettings:
        hosts = os.environ.get(ENV_ALLOWED_HOSTS, "")
        return cls(
            database_url=os.environ.get(ENV_DATABASE) or default_database_url(),
            allowed_hosts=tuple(h.strip() for h in hosts.split(",") if h.strip()) or LOOPBACK_HOSTS,
            language=os.environ.get(ENV_LANGUAGE) or None,
            secure_cookies=os.environ.get(ENV_SECURE_COOKIES) == "1",
        ).checked()

    def to_env(self) -> dict[str, str]:
        return {
            ENV_DATABASE: self.database_url,
            ENV_ALLOWED_HOSTS: ",".join(self.allowed_hosts),
            ENV_LANGUAGE: self.language or "",
            ENV_SECURE_COOKIES: "1" if self.secure_cookies else "0",
        }
