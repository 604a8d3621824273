"""The statistics in the real kiosk: a visitor's session is counted as it happens, the
end-of-session question takes one tap (or none), the wipe folds the session into the day
and leaves no event of it behind; an idle session counts as idle."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from kiosk.app import KioskApp
from kiosk.session.receipts import WipeReceipt
from kiosk.stats.events import Outcome
from tests.helpers.guides import service_guide
from tests.helpers.pages import wait_until_loaded
from tests.helpers.webserver import LocalServer
from tests.qt.conftest import MakeKiosk


def _kiosk(make_kiosk: MakeKiosk, tmp_path: Path, web: LocalServer, **sections: object) -> KioskApp:
    web.route("/start", "<h1>Start</h1>")
    service_guide(tmp_path / "guides", web.base)
    return make_kiosk(tmp_path / "guides", **sections)


def _click(qtbot: QtBot, kiosk: KioskApp, name: str) -> None:
    widget = kiosk.window.findChild(QWidget, name)
    assert widget is not None, name
    assert widget.isVisible(), name
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


def _today(kiosk: KioskApp) -> dict[str, dict[str, int]]:
    day = kiosk.stats_store.day(date.today())
    assert day is not None
    return day.counts.to_wire()


def test_a_visit_is_counted_and_the_question_takes_one_tap(
    qtbot: QtBot, make_kiosk: MakeKiosk, tmp_path: Path, web: LocalServer
) -> None:
    kiosk = _kiosk(make_kiosk, tmp_path, web)
    kiosk.session.preferences.set_language("sv")
    kiosk.open_guide("test-service")
    view = kiosk.window.service.view
    assert view is not None
    wait_until_loaded(qtbot, view, "/start")
    progress = kiosk.session.guide_progress
    assert progress is not None
    _click(qtbot, kiosk, "guide-next-button")  # "what you need" -> step 1
    _click(qtbot, kiosk, "guide-next-button")  # step 2
    _click(qtbot, kiosk, "guide-next-button")  # asks "Do you see the form?" first
    _click(qtbot, kiosk, "guide-check-no")
    _click(qtbot, kiosk, "guide-prev-button")  # back to step 1, and to step 2 again
    _click(qtbot, kiosk, "guide-next-button")
    assert progress.step_index == 1
    _click(qtbot, kiosk, "guide-next-button")
    _click(qtbot, kiosk, "guide-check-yes")  # the last answer of the session counts
    _click(qtbot, kiosk, "guide-next-button")  # step 3
    assert progress.step_index == 2
    _click(qtbot, kiosk, "guide-next-button")  # "what happens next": the guide is finished

    _click(qtbot, kiosk, "end-session-button")
    _click(qtbot, kiosk, "end-session-confirm-button")
    question = kiosk.outcome_question
    assert question is not None and question.isVisible()
    assert kiosk.keeper.lifecycle.state.value == "active"  # nothing ends before the answer
    with qtbot.waitSignal(kiosk.wipe_finished, timeout=15000) as blocker:
        _click(qtbot, kiosk, "outcome-partly")
    receipt = blocker.args[0]
    assert isinstance(receipt, WipeReceipt) and receipt.ok, receipt.failed
    assert receipt.checks["stats"]
    assert not question.isVisible()

    assert kiosk.stats_store.journal_size() == 0  # the raw events are gone
    counts = _today(kiosk)
    assert counts["sessions"] == {"": 1}
    assert counts["sessions_by_language"] == {"sv": 1}
    assert counts["sessions_by_end"] == {"ended": 1}
    assert counts["sessions_by_duration"] == {"0-5": 1}
    assert counts["guide_opened"] == {"test-service": 1}
    assert counts["guide_furthest_step"] == {"test-service|3": 1}
    assert counts["guide_finished"] == {"test-service": 1}
    assert counts["check_yes"] == {"test-service|2": 1}
    assert "check_no" not in counts
    assert counts["outcome"] == {"partly": 1}


def test_skipping_the_question_ends_the_session_without_an_answer(
    qtbot: QtBot, make_kiosk: MakeKiosk, tmp_path: Path, web: LocalServer
) -> None:
    kiosk = _kiosk(make_kiosk, tmp_path, web)
    _click(qtbot, kiosk, "end-session-button")
    _click(qtbot, kiosk, "end-session-confirm-button")
    with qtbot.waitSignal(kiosk.wipe_finished, timeout=15000):
        _click(qtbot, kiosk, "outcome-skip")
    counts = _today(kiosk)
    assert counts["sessions"] == {"": 1}
    assert "outcome" not in counts
    assert counts["sessions_by_language"] == {"fi": 1}


def test_an_idle_session_counts_as_idle_without_its_idle_time(
    qtbot: QtBot, make_kiosk: MakeKiosk, tmp_path: Path, web: LocalServer
) -> None:
    kiosk = _kiosk(make_kiosk, tmp_path, web, session={"idle_timeout_s": 1, "warning_s": 1})
    with qtbot.waitSignal(kiosk.wipe_finished, timeout=15000):
        pass
    counts = _today(kiosk)
    assert counts["sessions_by_end"] == {"idle": 1}
    assert counts["sessions_by_duration"] == {"0-5": 1}


def test_turned_off_there_is_no_question_and_nothing_is_counted(
    qtbot: QtBot, make_kiosk: MakeKiosk, tmp_path: Path, web: LocalServer
) -> None:
    kiosk = _kiosk(make_kiosk, tmp_path, web, stats={"enabled": False})
    assert kiosk.outcome_question is None
    _click(qtbot, kiosk, "end-session-button")
    with qtbot.waitSignal(kiosk.wipe_finished, timeout=15000):
        _click(qtbot, kiosk, "end-session-confirm-button")
    assert kiosk.stats_store.days() == []


def test_the_question_speaks_the_visitor_s_language(
    qtbot: QtBot, make_kiosk: MakeKiosk, tmp_path: Path, web: LocalServer
) -> None:
    kiosk = _kiosk(make_kiosk, tmp_path, web)
    question = kiosk.outcome_question
    assert question is not None
    assert question.heading.text() == "Saitko asiasi hoidettua?"  # Finnish, the default
    kiosk.session.preferences.set_language("en")
    assert question.heading.text() == "Did you get it done?"
    kiosk.session.preferences.set_language("sv")
    assert question.buttons[Outcome.PARTLY].text() == "Delvis"


def test_the_question_is_big_and_fits_in_every_layout(
    qtbot: QtBot, make_kiosk: MakeKiosk, tmp_path: Path, web: LocalServer
) -> None:
    """Touch-sized answers inside the window, in Finnish and in the right-to-left Arabic;
    the screenshots are kept in the test's folder to look at."""
    kiosk = _kiosk(make_kiosk, tmp_path, web)
    question = kiosk.outcome_question
    assert question is not None
    for language in ("fi", "ar"):
        kiosk.session.preferences.set_language(language)
        question.popup()
        qtbot.waitUntil(question.isVisible)
        window = kiosk.window.rect()
        for button in [*question.buttons.values(), question.skip_button]:
            assert button.height() >= 64 and button.width() >= 64, button.objectName()
            top_left = button.mapTo(kiosk.window, button.rect().topLeft())
            assert window.contains(top_left), button.objectName()
        yes, no = question.buttons[Outcome.YES], question.buttons[Outcome.NO]
        yes_x = yes.mapTo(kiosk.window, yes.rect().topLeft()).x()
        no_x = no.mapTo(kiosk.window, no.rect().topLeft()).x()
        # "Yes" comes first in the reading direction.
        assert (yes_x < no_x) if language == "fi" else (yes_x > no_x)
        kiosk.window.grab().save(str(tmp_path / f"outcome-question-{language}.png"))
        question.hide()
