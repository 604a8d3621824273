"""The read-aloud engine runs in a process of its own: one that does not answer, or
dies, only turns reading aloud off (the button hides) and never stops the kiosk; the
wipe allows the engine's process and starts a dead engine again."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from pathlib import Path

import psutil
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from kiosk import paths
from kiosk.session.receipts import WipeReceipt
from kiosk.speech.speaker import MAX_FAILURES, Speaker
from tests.helpers.guides import service_guide
from tests.helpers.webserver import LocalServer
from tests.qt.conftest import MakeKiosk


def _tap(qtbot: QtBot, widget: QWidget | None) -> None:
    assert widget is not None
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


# An engine that never answers: it reads what the kiosk sends until the kiosk hangs up.
SILENT_ENGINE = [sys.executable, "-c", "import sys; sys.stdin.read()"]


def test_an_engine_that_does_not_answer_is_given_up(qtbot: QtBot) -> None:
    speaker = Speaker(command=SILENT_ENGINE, start_timeout_s=1)
    speaker.start()
    pid = speaker.pid
    assert pid is not None
    with qtbot.waitSignal(speaker.ready, timeout=10000):
        pass
    assert not speaker.can_speak("fi")
    assert speaker.pid is None
    assert not psutil.pid_exists(pid) or psutil.Process(pid).status() == psutil.STATUS_ZOMBIE
    assert speaker.say("Paina.", "fi") is False
    speaker.close()


# An engine that has voices but never finishes reading (no sound device).
STUCK_ENGINE = [
    sys.executable,
    "-c",
    "import json, sys; print(json.dumps({'locales': ['fi_FI']}), flush=True); sys.stdin.read()",
]


def test_an_engine_stuck_reading_is_stopped_and_the_button_goes(qtbot: QtBot) -> None:
    speaker = Speaker(command=STUCK_ENGINE, reading_margin_s=0.5)
    speaker.start()
    qtbot.waitUntil(lambda: speaker.can_speak("fi"), timeout=10000)
    assert speaker.say("Paina.", "fi")
    assert speaker.speaking
    with qtbot.waitSignal(speaker.speaking_changed, timeout=10000) as blocker:
        pass
    assert blocker.args == [False]
    assert not speaker.can_speak("fi") and speaker.pid is None
    speaker.close()


def test_an_engine_that_keeps_failing_is_not_started_again(qtbot: QtBot) -> None:
    speaker = Speaker(command=SILENT_ENGINE, start_timeout_s=0.3)
    for _attempt in range(MAX_FAILURES):
        speaker.start()  # the kiosk's start-up, then each wipe
        assert speaker.pid is not None
        qtbot.waitUntil(lambda: speaker.pid is None, timeout=10000)
    speaker.start()
    assert speaker.pid is None and speaker.is_ready
    assert not speaker.can_speak("fi")


def test_reading_off_starts_no_process(qtbot: QtBot) -> None:
    speaker = Speaker("none")
    speaker.start()
    assert speaker.is_ready and speaker.pid is None
    assert not speaker.can_speak("fi")


def test_the_kiosk_closes_its_engine(qtbot: QtBot) -> None:
    speaker = Speaker("mock")
    speaker.start()
    qtbot.waitUntil(lambda: speaker.can_speak("fi"), timeout=15000)
    pid = speaker.pid
    assert pid is not None
    speaker.close()
    assert not psutil.pid_exists(pid) or psutil.Process(pid).status() == psutil.STATUS_ZOMBIE


def test_the_engine_starts_when_the_first_visit_begins(
    qtbot: QtBot, make_kiosk: MakeKiosk, tmp_path: Path, web: LocalServer
) -> None:
    # The first screen neither waits for the engine nor shares the processor with it.
    web.route("/start", "<h1>Start</h1>")
    service_guide(tmp_path / "guides", web.base)
    kiosk = make_kiosk(tmp_path / "guides", start=False, start_speech=False)
    QCoreApplication.processEvents()
    QCoreApplication.sendPostedEvents()
    assert kiosk.speaker.pid is None and not kiosk.speaker.is_ready

    qtbot.mouseClick(kiosk.window.attract, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: kiosk.speaker.is_ready, timeout=15000)
    assert kiosk.speaker.pid is not None
    qtbot.mouseClick(
        kiosk.window.findChild(QWidget, "tile-test-service"), Qt.MouseButton.LeftButton
    )
    speak = kiosk.window.findChild(QWidget, "guide-speak-button")
    assert speak is not None
    qtbot.waitUntil(speak.isVisible)


def test_an_engine_that_dies_hides_the_button_and_comes_back_after_the_wipe(
    qtbot: QtBot, make_kiosk: MakeKiosk, tmp_path: Path, web: LocalServer
) -> None:
    web.route("/start", "<h1>Start</h1>")
    service_guide(tmp_path / "guides", web.base)
    kiosk = make_kiosk(tmp_path / "guides")
    qtbot.mouseClick(
        kiosk.window.findChild(QWidget, "tile-test-service"), Qt.MouseButton.LeftButton
    )
    speak = kiosk.window.findChild(QWidget, "guide-speak-button")
    assert speak is not None and speak.isVisible()
    qtbot.mouseClick(speak, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: kiosk.speaker.speaking)
    old_pid = kiosk.speaker.pid
    assert old_pid is not None

    os.kill(old_pid, signal.SIGKILL)
    qtbot.waitUntil(lambda: not speak.isVisible(), timeout=10000)
    assert not kiosk.speaker.speaking
    assert kiosk.speaker.pid is None

    with qtbot.waitSignal(kiosk.wipe_finished, timeout=15000) as blocker:
        assert kiosk.keeper.end_session()
    receipt = blocker.args[0]
    assert isinstance(receipt, WipeReceipt)
    assert receipt.ok, receipt.failed  # the new engine's process is allowed
    new_pid = kiosk.speaker.pid
    assert new_pid is not None and new_pid != old_pid
    qtbot.mouseClick(kiosk.window.attract, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(
        kiosk.window.findChild(QWidget, "tile-test-service"), Qt.MouseButton.LeftButton
    )
    qtbot.waitUntil(speak.isVisible, timeout=15000)


def test_the_engine_process_ignores_lines_it_cannot_use() -> None:
    lines = [
        "not json",
        "[1]",
        '{"say": "Hei", "locale": "fi_FI", "ticket": "a"}',
        '{"stop": "yes"}',
        '{"say": "Hei", "locale": "fi_FI", "ticket": 2}',
    ]
    result = subprocess.run(
        paths.kiosk_command("speech-worker", "mock"),
        input="\n".join(lines) + "\n",
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    assert result.returncode == 0
    assert "Traceback" not in result.stderr
    answers = [json.loads(line) for line in result.stdout.splitlines()]
    assert "fi_FI" in answers[0]["locales"]
    assert {"ticket": 2, "speaking": True} in answers[1:]
