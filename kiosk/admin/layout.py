"""Where the admin verifier is, for this kiosk: a service out of the kiosk's reach on an
installed kiosk, or (a development checkout only) the kiosk process itself, which says
that it is not protected.

``KIOSK_ADMIN_SOCKET`` points the kiosk at a verifier service elsewhere, and
``KIOSK_ADMIN_STATE_DIR`` moves the service's state (tests and unusual installs).
"""

from __future__ import annotations

import os
import sys
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from kiosk import paths
from kiosk.admin.protocol import Status, Verdict
from kiosk.admin.transport import VerifierClient, client_for

ENV_SOCKET = "KIOSK_ADMIN_SOCKET"
ENV_STATE = "KIOSK_ADMIN_STATE_DIR"

#: Where the installers put them (installer/linux, installer/windows). This module owns
#: these paths; kiosk.doctor.installed (the doctor's and the installer tests' list) takes
#: them from here.
LINUX_SOCKET = Path("/run/digituki-kiosk/admin.sock")
LINUX_STATE = Path("/var/lib/digituki-kiosk/admin")
WINDOWS_PIPE = r"\\.\pipe\digituki-kiosk-admin"
#: The verifier's state under %PROGRAMDATA% (C:\ProgramData on a standard Windows).
WINDOWS_STATE_UNDER_PROGRAMDATA = ("DigitukiKiosk", "admin")
#: The kiosk's unprivileged user; the installers make a group of the same name, which
#: may use the verifier's socket.
KIOSK_USER = "kiosk"
KIOSK_GROUP = KIOSK_USER

NOT_PROTECTED = "not protected: development checkout"


def installed() -> bool:
    """An installed bundle (PyInstaller), not a development checkout."""
    return bool(getattr(sys, "frozen", False))


def separated(environ: Mapping[str, str] = os.environ) -> bool:
    """Is the verifier a service of its own (out of the kiosk's reach)?"""
    return installed() or bool(environ.get(ENV_SOCKET))


def service_address(environ: Mapping[str, str] = os.environ) -> str:
    if environ.get(ENV_SOCKET):
        return environ[ENV_SOCKET]
    return WINDOWS_PIPE if sys.platform == "win32" else str(LINUX_SOCKET)


def state_dir(environ: Mapping[str, str] = os.environ) -> Path:
    if environ.get(ENV_STATE):
        return Path(environ[ENV_STATE])
    if installed():
        if sys.platform == "win32":
            base = Path(environ.get("PROGRAMDATA", r"C:\ProgramData"))
            return base.joinpath(*WINDOWS_STATE_UNDER_PROGRAMDATA)
        return LINUX_STATE
    return paths.data_dir() / "admin"


def local_verifier() -> VerifierClient:
    """The verifier working on :func:`state_dir` in this process (root's tools, the
    service itself, and a development checkout's kiosk)."""
    from kiosk.admin.state import StateStore  # noqa: PLC0415 - argon2 only when needed
    from kiosk.admin.verifier import Verifier  # noqa: PLC0415

    protected = separated()
    where = str(state_dir()) if protected else f"this process ({NOT_PROTECTED})"
    return Verifier(StateStore(state_dir()), protected=protected, where=where)


class _LocalAtFirstUse:
    """A development checkout's in-process verifier, made at its first question: the
    kiosk starts without loading argon2 (an installed kiosk asks a service)."""

    protected = False
    where = f"this process ({NOT_PROTECTED})"

    def __init__(self) -> None:
        self._verifier: VerifierClient | None = None

    def _made(self) -> VerifierClient:
        if self._verifier is None:
            self._verifier = local_verifier()
        return self._verifier

    def verify(self, code: str) -> Verdict:
        return self._made().verify(code)

    def status(self) -> Status:
        return self._made().status()

    def __getattr__(self, name: str) -> Any:
        # The verifier's own methods (set_pin, set_code_secret ...) for root's tools.
        return getattr(self._made(), name)


def connect(environ: Mapping[str, str] = os.environ) -> VerifierClient:
    """The verifier the kiosk asks."""
    if separated(environ):
        return client_for(service_address(environ))
    return _LocalAtFirstUse()
