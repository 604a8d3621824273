"""The admin verifier service (``kiosk admin verifier``), run by the OS as root
(Linux: ``digituki-kiosk-admin.service``; Windows: a LocalSystem service).

It keeps the state (``state.py``) where the kiosk's user cannot reach it and answers two
questions over a local socket: "is this code right?" and "what is the status?". The
socket is ``root:kiosk`` mode 0660, and every caller is checked again with SO_PEERCRED:
root, the service's own user, or a member of the kiosk group. Each connection gets one
answer within 5 s; a few connections at a time at most. Pure Python (no Qt).
"""

from __future__ import annotations

import contextlib
import logging
import os
import socket
import stat
import struct
import sys
import threading
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from kiosk.admin.protocol import BAD_REQUEST, MAX_LINE, REFUSED, decode, encode
from kiosk.admin.transport import VerifierClient

log = logging.getLogger("kiosk.admin")

CONNECTION_TIMEOUT_S = 5.0
MAX_CONNECTIONS = 4


@dataclass(frozen=True, slots=True)
class Peer:
    pid: int
    uid: int
    gid: int


def peer_of(sock: socket.socket) -> Peer:
    """Who is at the other end of a UNIX socket (the kernel says, not the caller)."""
    raw = sock.getsockopt(socket.SOL_SOCKET, socket.SO_PEERCRED, struct.calcsize("3i"))
    pid, uid, gid = struct.unpack("3i", raw)
    return Peer(pid, uid, gid)


@dataclass(frozen=True, slots=True)
class Callers:
    """Who may ask: by user id, or by (primary) group id."""

    uids: frozenset[int]
    gids: frozenset[int]

    def allow(self, peer: Peer) -> bool:
        return peer.uid == 0 or peer.uid in self.uids or peer.gid in self.gids

    @classmethod
    def of_group(cls, group: str | None) -> Callers:
        """Root, this service's own user, and the members of ``group`` (if it exists)."""
        import grp  # noqa: PLC0415 - POSIX only
        import pwd  # noqa: PLC0415

        uids = {os.geteuid()}
        gids: set[int] = set()
        if group:
            try:
                entry = grp.getgrnam(group)
            except KeyError:
                log.warning("there is no group %r: only root may ask the verifier", group)
            else:
                gids.add(entry.gr_gid)
                for name in entry.gr_mem:
                    with contextlib.suppress(KeyError):
                        uids.add(pwd.getpwnam(name).pw_uid)
                uids.update(p.pw_uid for p in pwd.getpwall() if p.pw_gid == entry.gr_gid)
        return cls(frozenset(uids), frozenset(gids))


class Service:
    """Answers requests with ``verifier`` (a ``Verifier`` on the state folder)."""

    def __init__(self, verifier: VerifierClient, callers: Callers) -> None:
        self.verifier = verifier
        self.callers = callers
        self._slots = threading.BoundedSemaphore(MAX_CONNECTIONS)

    def answer(self, request: dict[str, Any]) -> dict[str, Any]:
        op = request.get("op")
        if op == "verify":
            code = request.get("code")
            if not isinstance(code, str) or len(code) > 64:
                return {"ok": False, "problem": BAD_REQUEST}
            return self.verifier.verify(code).to_wire()
        if op == "status":
            return self.verifier.status().to_wire()
        return {"ok": False, "problem": BAD_REQUEST}

    def handle(self, conn: socket.socket) -> None:
        with conn:
            conn.settimeout(CONNECTION_TIMEOUT_S)
            try:
                peer = peer_of(conn)
                line = _read_line(conn)  # read first: the caller then hears the refusal
                if not self.callers.allow(peer):
                    log.warning("refused a caller (uid %d, pid %d)", peer.uid, peer.pid)
                    conn.sendall(encode({"ok": False, "problem": REFUSED}))
                    return
                try:
                    request = decode(line)
                except ValueError:
                    conn.sendall(encode({"ok": False, "problem": BAD_REQUEST}))
                    return
                conn.sendall(encode(self.answer(request)))
            except OSError as exc:
                log.info("a caller went away (%s)", type(exc).__name__)

    def serve_unix(self, path: Path, group: str | None, stop: threading.Event) -> None:
        """Listen on ``path`` (``root:group`` 0660) until ``stop`` is set."""
        listener = bind_unix(path, group)
        listener.settimeout(0.5)
        log.info("admin verifier listening on %s", path)
        try:
            while not stop.is_set():
                try:
                    conn, _ = listener.accept()
                except TimeoutError:
                    continue
                except OSError as exc:
                    log.error("the verifier's socket failed: %s", exc)
                    break
                if not self._slots.acquire(blocking=False):
                    conn.close()  # too many at once: this caller tries again
                    continue
                threading.Thread(target=self._serve_one, args=(conn,), daemon=True).start()
        finally:
            listener.close()
            with contextlib.suppress(OSError):
                path.unlink()

    def _serve_one(self, conn: socket.socket) -> None:
        try:
            self.handle(conn)
        finally:
            self._slots.release()

    def serve_pipe(self, name: str, stop: threading.Event) -> None:  # pragma: no cover
        """Windows: a named pipe. The LocalSystem service's state folder is SYSTEM and
        Administrators only; the pipe answers the same two questions to local callers."""
        from multiprocessing.connection import Listener  # noqa: PLC0415

        with Listener(name, family="AF_PIPE") as listener:
            while not stop.is_set():
                with listener.accept() as pipe:
                    try:
                        request = decode(pipe.recv_bytes(MAX_LINE))
                    except (ValueError, OSError, EOFError):
                        continue
                    pipe.send_bytes(encode(self.answer(request)))


def _read_line(conn: socket.socket) -> bytes:
    data = b""
    while not data.endswith(b"\n"):
        chunk = conn.recv(MAX_LINE)
        if not chunk:
            break
        data += chunk
        if len(data) > MAX_LINE:
            break
    return data


def bind_unix(path: Path, group: str | None) -> socket.socket:
    """A listening socket at ``path``, made 0660 from the start (umask) and then given to
    ``group``. A live service already there is not replaced."""
    if path.exists() or path.is_symlink():
        if not stat.S_ISSOCK(path.lstat().st_mode):
            raise OSError(f"{path} exists and is not a socket")
        with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as probe:
            try:
                probe.connect(str(path))
            except OSError:
                path.unlink()  # left by a service that died
            else:
                raise OSError(f"another admin verifier is already listening on {path}")
    path.parent.mkdir(parents=True, exist_ok=True)
    listener = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    old = os.umask(0o117)
    try:
        listener.bind(str(path))
    finally:
        os.umask(old)
    if group:
        import grp  # noqa: PLC0415 - POSIX only

        with contextlib.suppress(KeyError):
            os.chown(path, os.geteuid(), grp.getgrnam(group).gr_gid)
    path.chmod(0o660)
    listener.listen(8)
    return listener


def state_folder_problems(folder: Path, *, owner: int | None = None) -> list[str]:
    """Why ``folder`` does not keep the state out of other users' reach (empty if it
    does): it must belong to ``owner`` (root) and be 0700, its files 0600."""
    owner = os.geteuid() if owner is None else owner
    found = []
    try:
        info = folder.stat()
    except FileNotFoundError:
        return []
    if info.st_uid != owner:
        found.append(f"{folder} belongs to user {info.st_uid}, not {owner}")
    if info.st_mode & 0o077:
        found.append(f"{folder} is mode {stat.S_IMODE(info.st_mode):04o}, not 0700")
    for child in _files(folder.iterdir()):
        mode = stat.S_IMODE(child.stat().st_mode)
        if mode & 0o077:
            found.append(f"{child} is mode {mode:04o}, not 0600")
    return found


def _files(entries: Iterable[Path]) -> list[Path]:
    return [entry for entry in entries if entry.is_file()]


def run(address: str, folder: Path, group: str | None) -> int:
    """``kiosk admin verifier``: serve until SIGTERM."""
    import signal  # noqa: PLC0415

    from kiosk.admin.state import StateStore  # noqa: PLC0415
    from kiosk.admin.verifier import Verifier  # noqa: PLC0415

    store = StateStore(folder)
    store.ensure_folder()
    if os.name == "posix":
        folder.chmod(0o700)  # the folder may have come from elsewhere (a restore)
        for problem in state_folder_problems(folder):
            log.error("the admin state is not private: %s", problem)
    verifier = Verifier(store, protected=True, where=str(folder))
    stop = threading.Event()
    for sig in (signal.SIGTERM, signal.SIGINT):
        signal.signal(sig, lambda *_: stop.set())
    if sys.platform == "win32":  # pragma: no cover - Windows only
        # The service runs as LocalSystem; its folder is SYSTEM and Administrators only.
        Service(verifier, Callers(frozenset(), frozenset())).serve_pipe(address, stop)
        return 0
    if os.geteuid() != 0:
        log.warning("the admin verifier is not running as root: it protects nothing")
    Service(verifier, Callers.of_group(group)).serve_unix(Path(address), group, stop)
    return 0
