"""``Supervisor``: starts the kiosk, watches its exit and heartbeat, and starts it again.

One kiosk child at a time. A thread reads the child's heartbeat pipe; the supervisor's own
thread waits on what it reads, with the deadlines of ``policy.Timings``. When the child
ends or hangs, every process of the old kiosk is ended (``process_tree``) before the
decision (``policy.Policy``) says what comes next.

Log lines carry an ``event`` field (``started``, ``ended``, ``ready``, ``out-of-order``,
``in-order``, ``stopped``) so that the JSON log (``--log-json``) can be followed by tests
and tools.
"""

from __future__ import annotations

import logging
import os
import queue
import subprocess
import threading
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Protocol

import psutil

from kiosk import exit_codes
from kiosk.supervisor import process_tree
from kiosk.supervisor.heartbeat import BEAT, ENV_HEARTBEAT, READY, pipe_for_child
from kiosk.supervisor.policy import Action, Policy, Timings, describe_exit

log = logging.getLogger("kiosk.supervisor")

_EOF = ""


class Screen(Protocol):
    """The out-of-order screen (a process of its own)."""

    def show(self) -> None: ...
    def hide(self) -> None: ...
    def pids(self) -> list[int]: ...


class Reporter(Protocol):
    def out_of_order(self, reason: str) -> None: ...
    def in_order(self) -> None: ...
    def stop(self) -> None: ...


class NoScreen:
    def show(self) -> None:
        pass

    def hide(self) -> None:
        pass

    def pids(self) -> list[int]:
        return []


class NoReporter:
    def out_of_order(self, reason: str) -> None:
        pass

    def in_order(self) -> None:
        pass

    def stop(self) -> None:
        pass


class ScreenProcess:
    """Runs ``command`` (``kiosk out-of-order ...``) while shown; started again if it dies."""

    def __init__(self, command: Sequence[str], env: Mapping[str, str] | None = None) -> None:
        self.command = list(command)
        self.env = dict(env) if env is not None else None
        self._process: subprocess.Popen[bytes] | None = None
        self.shown = False

    def show(self) -> None:
        self.shown = True
        if self._process is None or self._process.poll() is not None:
            try:
                self._process = subprocess.Popen(self.command, env=self.env)
            except OSError as exc:
                log.error("the out-of-order screen could not start: %s", exc)
                self._process = None
                return
            log.info(
                "out-of-order screen shown", extra={"event": "screen", "pid": self._process.pid}
            )

    def hide(self) -> None:
        self.shown = False
        process, self._process = self._process, None
        if process is not None and process.poll() is None:
            process.terminate()
            try:
                process.wait(10)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()

    def pids(self) -> list[int]:
        process = self._process
        return [process.pid] if process is not None and process.poll() is None else []


@dataclass
class _Child:
    process: subprocess.Popen[bytes]
    beats: queue.Queue[str]
    reader: threading.Thread
    #: Processes seen under the child at its last heartbeat (the browser engine's).
    known: dict[int, psutil.Process] = field(default_factory=dict)
    ready: bool = False


class Supervisor:
    """Runs ``command`` (``kiosk run ...``) until stopped; ``run()`` returns an exit code."""

    def __init__(
        self,
        command: Sequence[str],
        *,
        timings: Timings | None = None,
        screen: Screen | None = None,
        reporter: Reporter | None = None,
        env: Mapping[str, str] | None = None,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.command = list(command)
        self.timings = timings or Timings()
        self.policy = Policy(self.timings, clock)
        self.screen: Screen = screen or NoScreen()
        self.reporter: Reporter = reporter or NoReporter()
        self.env = dict(env if env is not None else os.environ)
        self._clock = clock
        self._stop = threading.Event()
        self._child: _Child | None = None
        #: How many kiosks were started (for tests and the log).
        self.starts = 0

    # -- control -----------------------------------------------------------------------
    def stop(self) -> None:
        """From a signal handler or another thread: stop the kiosk and return from run()."""
        self._stop.set()

    @property
    def child_pid(self) -> int | None:
        child = self._child
        return child.process.pid if child is not None else None

    def run(self) -> int:
        if process_tree.become_subreaper():
            log.info("orphans of the kiosk's processes come to the supervisor")
        try:
            while not self._stop.is_set():
                child = self._start()
                if child is None:
                    decision = self.policy.ended(exit_codes.CRASH)
                else:
                    code, hung = self._watch(child)
                    self._end(child, hung=hung or self._stop.is_set())
                    if self._stop.is_set():
                        break
                    decision = self.policy.ended(code, hung=hung)
                    log.info(
                        "the kiosk ended: %s",
                        describe_exit(code, hung=hung),
                        extra={"event": "ended", "code": code, "hung": hung},
                    )
                if decision.action is Action.STOP:
                    log.info("the kiosk was stopped on purpose", extra={"event": "stopped"})
                    return exit_codes.OK
                if decision.action is Action.RESTART:
                    log.info(
                        "starting the kiosk again in %.1f s",
                        decision.delay_s,
                        extra={"event": "restart", "delay_s": decision.delay_s},
                    )
                if decision.action is Action.OUT_OF_ORDER:
                    self.screen.show()
                    if decision.entered_out_of_order:
                        log.error(
                            "out of order: %s",
                            decision.reason,
                            extra={"event": "out-of-order"},
                        )
                        self.reporter.out_of_order(decision.reason)
                self._pause(decision.delay_s)
        finally:
            self.screen.hide()
            self.reporter.stop()
            self._end_orphans()
        log.info("supervisor stopped", extra={"event": "stopped"})
        return exit_codes.OK

    def _pause(self, seconds: float) -> None:
        """Wait before the next start; an out-of-order screen that died comes back."""
        deadline = self._clock() + seconds
        while not self._stop.is_set():
            left = deadline - self._clock()
            if left <= 0:
                return
            if self.policy.out_of_order:
                self.screen.show()  # started again if it has died
            self._stop.wait(min(left, 1.0))

    # -- one child ---------------------------------------------------------------------
    def _start(self) -> _Child | None:
        read_fd, write_fd, env_value, extra = pipe_for_child()
        env = {**self.env, ENV_HEARTBEAT: env_value}
        try:
            process = subprocess.Popen(self.command, env=env, **extra)
        except OSError as exc:
            os.close(read_fd)
            log.error("the kiosk could not be started: %s", exc)
            return None
        finally:
            os.close(write_fd)
        self.starts += 1
        beats: queue.Queue[str] = queue.Queue()
        reader = threading.Thread(
            target=_read_beats, args=(read_fd, beats), name="heartbeat", daemon=True
        )
        reader.start()
        child = _Child(process, beats, reader)
        self._child = child
        log.info("kiosk started", extra={"event": "started", "pid": process.pid})
        return child

    def _watch(self, child: _Child) -> tuple[int | None, bool]:
        """Until the child ends (its code) or hangs (None, True) or we are asked to stop."""
        t = self.timings
        deadline = self._clock() + t.start_timeout_s
        while not self._stop.is_set():
            try:
                word = child.beats.get(timeout=0.25)
            except queue.Empty:
                word = None
            code = child.process.poll()
            if code is not None:
                return code, False
            if word in (READY, BEAT):
                deadline = self._clock() + t.heartbeat_timeout_s
                self._remember_descendants(child)
                if word == READY and not child.ready:
                    child.ready = True
                    self.policy.ready()
                    self.screen.hide()  # the kiosk's own window is up
                    log.info("the kiosk is up", extra={"event": "ready", "pid": child.process.pid})
                if self.policy.stable():
                    log.info("in order again", extra={"event": "in-order"})
                    self.reporter.in_order()
            elif self._clock() > deadline:
                log.error("the kiosk stopped answering; it is ended", extra={"event": "hung"})
                return None, True
        return child.process.poll(), False

    def _remember_descendants(self, child: _Child) -> None:
        for process in process_tree.descendants(child.process.pid):
            child.known.setdefault(process.pid, process)

    def _end(self, child: _Child, *, hung: bool) -> None:
        """End the child (asked to stop first when it is still running) and every process
        it left behind; reap them."""
        process = child.process
        if process.poll() is None:
            self._remember_descendants(child)
            grace = self.timings.stop_grace_s
            # Asked to stop: the kiosk erases the session (SIGTERM) before it exits.
            process.terminate()
            try:
                process.wait(grace)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
        leftovers = [p for p in child.known.values() if p.pid != process.pid]
        leftovers += process_tree.orphans_of_mine(self.screen.pids())
        still = process_tree.end_processes(leftovers)
        if still:
            log.error("processes of the old kiosk could not be ended: %s", [p.pid for p in still])
        elif leftovers:
            log.info("ended %d process(es) the old kiosk left", len({p.pid for p in leftovers}))
        child.reader.join(5)
        self._child = None

    def _end_orphans(self) -> None:
        process_tree.end_processes(process_tree.orphans_of_mine(self.screen.pids()))


def _read_beats(fd: int, beats: queue.Queue[str]) -> None:
    """The heartbeat thread: one word per line into ``beats``; _EOF at the end."""
    with os.fdopen(fd, "rb", buffering=0) as pipe:
        pending = b""
        while True:
            try:
                chunk = pipe.read(256)
            except OSError:
                break
            if not chunk:
                break
            pending += chunk
            *lines, pending = pending.split(b"\n")
            for line in lines:
                beats.put(line.decode("ascii", "replace").strip())
    beats.put(_EOF)
