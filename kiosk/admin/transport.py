"""The kiosk's side of the verifier service: ask over a local socket (Linux) or a named
pipe (Windows), one JSON line each way. An answer that does not come is "unreachable",
never "yes".

Standard library only, Python 3.11 syntax: the boundary tests run this as an
unprivileged user with the system's Python.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any, Protocol

from kiosk.admin.protocol import MAX_LINE, UNREACHABLE, Status, Verdict, decode, encode


class VerifierClient(Protocol):
    #: True when the verifier is out of this process's reach.
    protected: bool
    where: str

    def verify(self, code: str) -> Verdict: ...
    def status(self) -> Status: ...


class UnreachableError(Exception):
    pass


class _Asking:
    protected = True
    where = ""

    def _ask(self, request: dict[str, Any]) -> dict[str, Any]:
        raise NotImplementedError

    def verify(self, code: str) -> Verdict:
        try:
            return Verdict.from_wire(self._ask({"op": "verify", "code": code}))
        except (UnreachableError, ValueError, TypeError):
            return Verdict(False, problem=UNREACHABLE)

    def status(self) -> Status:
        try:
            answer = self._ask({"op": "status"})
        except (UnreachableError, ValueError, TypeError):
            return Status(protected=True, where=self.where, problem=UNREACHABLE)
        return Status.from_wire({**answer, "where": self.where, "protected": True})


class SocketVerifier(_Asking):
    """The verifier service behind a UNIX socket (``/run/digituki-kiosk/admin.sock``)."""

    def __init__(self, path: Path, timeout: float = 10.0) -> None:
        self.path = path
        self.timeout = timeout
        self.where = f"the admin verifier service ({path})"

    def _ask(self, request: dict[str, Any]) -> dict[str, Any]:
        try:
            import socket  # noqa: PLC0415 - at first use, not with the first screen (issue 14)

            with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as sock:
                sock.settimeout(self.timeout)
                sock.connect(str(self.path))
                sock.sendall(encode(request))
                answer = b""
                while not answer.endswith(b"\n"):
                    chunk = sock.recv(MAX_LINE)
                    if not chunk:
                        break
                    answer += chunk
                    if len(answer) > MAX_LINE:
                        raise UnreachableError("answer too long")
        except OSError as exc:
            raise UnreachableError(type(exc).__name__) from exc
        if not answer:
            raise UnreachableError("no answer")
        return decode(answer)


class PipeVerifier(_Asking):  # pragma: no cover - Windows only
    """The verifier service (LocalSystem) behind a named pipe."""

    def __init__(self, name: str) -> None:
        self.name = name
        self.where = f"the admin verifier service ({name})"

    def _ask(self, request: dict[str, Any]) -> dict[str, Any]:
        from multiprocessing.connection import Client  # noqa: PLC0415

        try:
            with Client(self.name, family="AF_PIPE") as pipe:
                pipe.send_bytes(encode(request))
                return decode(pipe.recv_bytes(MAX_LINE))
        except (OSError, EOFError) as exc:
            raise UnreachableError(type(exc).__name__) from exc


def client_for(address: str) -> VerifierClient:
    """A client for the socket path or pipe name ``address``."""
    if sys.platform == "win32":  # pragma: no cover - Windows only
        return PipeVerifier(address)
    return SocketVerifier(Path(address))
