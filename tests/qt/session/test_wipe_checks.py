"""The process check tells a stray process from the kiosk's companions. (That a stray
process is ended by the wipe, and that a wipe that cannot prove itself clean stops the
kiosk, is in test_visitor_parts.py.)"""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager

import psutil

from kiosk.session import wipe

# Processes that live until the test closes their input (or kills them).
WAITER = [sys.executable, "-c", "import sys; sys.stdin.read()"]
# One that starts a child of its own, as speech-dispatcher's autospawn does; the child
# shares its input.
PARENT = [
    sys.executable,
    "-c",
    "import subprocess, sys; subprocess.Popen([sys.executable, '-c', "
    "'import sys; sys.stdin.read()']); print('up', flush=True); sys.stdin.read()",
]


@contextmanager
def _process(command: list[str]) -> Iterator[subprocess.Popen[str]]:
    process = subprocess.Popen(command, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        yield process
    finally:
        for child in psutil.Process(process.pid).children(recursive=True):
            child.kill()
        process.kill()
        process.wait(timeout=30)
        for pipe in (process.stdin, process.stdout):
            if pipe is not None:
                pipe.close()


def test_companions_and_their_children_are_allowed_others_are_not() -> None:
    before = wipe.unexpected_child_processes()  # whatever else this test run started
    with _process(PARENT) as parent:
        assert parent.stdout is not None and parent.stdout.readline() == "up\n"
        stray = wipe.unexpected_child_processes()
        assert len(stray) == len(before) + 2  # the parent and its child
        allowed = wipe.unexpected_child_processes(allowed_pids=frozenset({parent.pid}))
        assert sorted(allowed) == sorted(before)
        name = psutil.Process(parent.pid).name()
        assert name not in wipe.unexpected_child_processes(allowed=frozenset({name}))
