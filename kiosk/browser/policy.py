"""Where the embedded browser may go: a pure decision over plain values.

The Qt adapter (``webengine.page``) turns each navigation into a :class:`Navigation`,
asks :func:`decide`, and applies the answer. Nothing here imports Qt, so every rule is
unit-tested without a display.

Rules, deny by default:

* ``https`` to a host the guide (or the shared identification list) allows;
* ``http`` only to a host listed explicitly with ``http://`` (local practice and test
  servers); ``http`` to a host that is allowed for https is upgraded;
* the kiosk's own ``kiosk:`` pages and ``about:blank``;
* ``tel:``, ``mailto:`` and ``sms:`` become a friendly card (the visitor meant well);
* every other scheme (``file:``, ``view-source:``, ``chrome:``, ``data:`` at the top,
  ``ms-settings:``, ``intent:`` ...) is refused.

Host rules: ``www.kela.fi`` (that host, https), ``*.kela.fi`` (kela.fi and every
subdomain, https), ``http://127.0.0.1:8123`` (that host and port, http or https).
"""

from __future__ import annotations

import enum
from collections.abc import Iterable
from dataclasses import dataclass
from urllib.parse import urlsplit

INTERNAL_SCHEME = "kiosk"

#: Schemes a visitor may have meant to use; shown as a card with the address to copy.
FRIENDLY_EXTERNAL_SCHEMES = frozenset({"tel", "mailto", "sms"})

#: Schemes a page may use inside itself (sub-frames), never as the top-level page.
SUBFRAME_ONLY_SCHEMES = frozenset({"data", "blob", "about"})

_DEFAULT_PORTS = {"http": 80, "https": 443}


class Verdict(enum.Enum):
    ALLOW = "allow"
    UPGRADE = "upgrade"  # load the same address with https instead
    BLOCK_HOST = "block-host"  # friendly "not available on this computer" page
    BLOCK_SCHEME = "block-scheme"  # refused quietly (logged): a door out of the kiosk
    EXTERNAL = "external"  # tel:/mailto:/sms: card


@dataclass(frozen=True, slots=True)
class HostRule:
    host: str  # lower case, without a leading "*."
    subdomains: bool  # "*.kela.fi": kela.fi and all its subdomains
    http: bool  # listed with http:// explicitly
    port: int | None  # None: any port (https rules), else exactly this port

    def matches(self, host: str, scheme: str, port: int) -> bool:
        if scheme == "http" and not self.http:
            return False
        if self.port is not None and port != self.port:
            return False
        if self.subdomains:
            return host == self.host or host.endswith("." + self.host)
        return host == self.host


def parse_host_rule(text: str) -> HostRule:
    """Parse one allow-list entry; raise ``ValueError`` with a plain message."""
    original = text
    text = text.strip().lower()
    http = False
    port: int | None = None
    if text.startswith("http://"):
        http = True
        text = text[len("http://") :]
    elif text.startswith("https://"):
        text = text[len("https://") :]
    elif "://" in text:
        raise ValueError(f"{original!r}: only http:// or https:// addresses can be allowed")
    text = text.rstrip("/")
    if "/" in text or "?" in text or "#" in text:
        raise ValueError(f"{original!r}: give a host name only, without a path")
    if ":" in text:
        text, _, port_text = text.rpartition(":")
        if not port_text.isdigit() or not 0 < int(port_text) < 65536:
            raise ValueError(f"{original!r}: the port must be a number from 1 to 65535")
        port = int(port_text)
    elif http:
        port = 80
    subdomains = text.startswith("*.")
    if subdomains:
        text = text[2:]
    if "*" in text:
        raise ValueError(f"{original!r}: '*' is allowed only at the start, as in *.kela.fi")
    labels = text.split(".")
    if not text or any(not label for label in labels):
        raise ValueError(f"{original!r}: not a host name")
    allowed = set("abcdefghijklmnopqrstuvwxyz0123456789-")
    if any(set(label) - allowed for label in labels):
        raise ValueError(f"{original!r}: a host name has only letters, digits, dots and '-'")
    if subdomains and len(labels) < 2:
        raise ValueError(f"{original!r}: '*.' must be followed by a domain such as kela.fi")
    return HostRule(host=text, subdomains=subdomains, http=http, port=port)


@dataclass(frozen=True, slots=True)
class AllowList:
    rules: tuple[HostRule, ...]

    @classmethod
    def parse(cls, *groups: Iterable[str]) -> AllowList:
        return cls(tuple(parse_host_rule(text) for group in groups for text in group))

    def allows(self, host: str, scheme: str, port: int) -> bool:
        return any(rule.matches(host, scheme, port) for rule in self.rules)

    def allows_origin(self, origin: str) -> bool:
        """``allows`` for ``scheme://host:port`` (False for anything else)."""
        try:
            parts = urlsplit(origin)
            port = _port(parts.scheme.lower(), parts.port)
        except ValueError:
            return False
        return self.allows((parts.hostname or "").lower(), parts.scheme.lower(), port)


@dataclass(frozen=True, slots=True)
class Navigation:
    """One navigation the browser is about to make, as plain values."""

    url: str
    main_frame: bool = True


@dataclass(frozen=True, slots=True)
class Decision:
    verdict: Verdict
    #: For EXTERNAL: the address or number to show; for UPGRADE: the https address.
    target: str = ""
    #: A short reason for the log. Never the full URL: no query strings in logs.
    reason: str = ""

    @property
    def allowed(self) -> bool:
        return self.verdict is Verdict.ALLOW


def _port(scheme: str, port: int | None) -> int:
    return port if port is not None else _DEFAULT_PORTS.get(scheme, 0)


def decide(nav: Navigation, allow: AllowList) -> Decision:
    """Decide whether ``nav`` may go ahead."""
    try:
        parts = urlsplit(nav.url)
        scheme = parts.scheme.lower()
        host = (parts.hostname or "").lower()
        port = _port(scheme, parts.port)
    except ValueError:
        return Decision(Verdict.BLOCK_SCHEME, reason="malformed address")

    if scheme == INTERNAL_SCHEME:
        return Decision(Verdict.ALLOW, reason="kiosk page")
    if scheme in FRIENDLY_EXTERNAL_SCHEMES:
        target = parts.path.split("?")[0] if scheme != "mailto" else parts.path
        return Decision(Verdict.EXTERNAL, target=target, reason=f"{scheme}: link")
    if scheme in SUBFRAME_ONLY_SCHEMES:
        if nav.url == "about:blank" or not nav.main_frame:
            return Decision(Verdict.ALLOW, reason=f"{scheme}: inside a page")
        return Decision(Verdict.BLOCK_SCHEME, reason=f"{scheme}: as a top-level page")
    if scheme not in _DEFAULT_PORTS:
        return Decision(Verdict.BLOCK_SCHEME, reason=f"{scheme or 'no'} scheme")
    if not host:
        return Decision(Verdict.BLOCK_SCHEME, reason="no host")

    if not nav.main_frame:
        # Frames inside an allowed page (chat widgets, maps, bank frames) may come from
        # elsewhere, over https; their links to the top level are decided again here.
        if scheme == "https" or allow.allows(host, scheme, port):
            return Decision(Verdict.ALLOW, reason="frame")
        return Decision(Verdict.BLOCK_SCHEME, reason="plain http frame")

    if allow.allows(host, scheme, port):
        return Decision(Verdict.ALLOW, reason=f"allowed host {host}")
    if scheme == "http" and allow.allows(host, "https", 443):
        upgraded = "https" + nav.url[len("http") :]
        if parts.port is not None:
            upgraded = parts._replace(scheme="https", netloc=host).geturl()
        return Decision(Verdict.UPGRADE, target=upgraded, reason=f"https for {host}")
    return Decision(Verdict.BLOCK_HOST, target=host, reason=f"host {host} not allowed")


class BackStep(enum.Enum):
    """What the kiosk's Back does (its button, Alt+Left, the mouse's Back)."""

    GO_BACK = "go-back"  # the page's own history, one step
    EXPLAIN_CANCEL = "explain-cancel"  # during identification: "press Cancel on the page"
    CLOSE_WINDOW = "close-window"  # a page's new window with no history of its own
    NOTHING = "nothing"


def back_step(
    address: str, identification: AllowList, *, can_go_back: bool, new_window: bool
) -> BackStep:
    """Back, decided once for the page and for a page's new window.

    Going back during strong identification breaks the login (Suomi.fi's own advice):
    the visitor is told to use the page's Cancel button instead.
    """
    try:
        parts = urlsplit(address)
        scheme = parts.scheme.lower()
        host = (parts.hostname or "").lower()
        port = _port(scheme, parts.port)
    except ValueError:
        host, scheme, port = "", "", 0
    if host and identification.allows(host, scheme, port):
        return BackStep.EXPLAIN_CANCEL
    if can_go_back:
        return BackStep.GO_BACK
    return BackStep.CLOSE_WINDOW if new_window else BackStep.NOTHING


def loggable(url: str) -> str:
    """An address fit for a log line: scheme and host only (never path or query)."""
    try:
        parts = urlsplit(url)
    except ValueError:
        return "<malformed>"
    if parts.scheme in _DEFAULT_PORTS:
        return f"{parts.scheme}://{parts.hostname or ''}"
    return f"{parts.scheme}:"
