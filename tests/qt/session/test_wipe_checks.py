"""A wipe that cannot prove itself clean stops the kiosk (exit 75, the supervisor starts
a clean one), and the process check tells a stray process from the kiosk's companions."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import psutil
import pytest
from pytestqt.qtbot import QtBot

from kiosk.app import EXIT_WIPE_FAILED
from kiosk.session import wipe
from kiosk.session.receipts import WipeReceipt
from tests.qt.conftest import MakeKiosk

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


def test_a_stray_process_fails_the_wipe_and_the_kiosk_exits_for_a_restart(
    qtbot: QtBot, make_kiosk: MakeKiosk, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    kiosk = make_kiosk()
    kiosk.restart_on_wipe_failure = True
    exits: list[int] = []
    monkeypatch.setattr(kiosk.qapp, "exit", exits.append)
    with (
        _process(WAITER),  # e.g. a program a page managed to start
        qtbot.waitSignal(kiosk.wipe_finished, timeout=15000) as blocker,
    ):
        assert kiosk.keeper.end_session()
    receipt = blocker.args[0]
    assert isinstance(receipt, WipeReceipt)
    assert not receipt.ok
    assert receipt.failed == ["no_stray_processes"]
    assert exits == [EXIT_WIPE_FAILED]


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
