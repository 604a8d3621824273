"""The supervisor with real child processes: a killed, a hung, a crashing and a refusing
kiosk (tests/helpers/supervised_child.py stands in for it), and a stop from the OS.

Every child starts a grandchild, as the kiosk starts the browser engine's processes;
after each case no process of an old child may be left.
"""

from __future__ import annotations

import json
import os
import signal
from pathlib import Path

import psutil
import pytest

from tests.helpers.helpdesk_servers import wait_until
from tests.helpers.supervision import Hosted, alive, supervisor_host
from tests.helpers.webserver import LocalServer, serve

pytestmark = pytest.mark.e2e


def _gone(pids: list[int]) -> bool:
    return not any(alive(pid) for pid in pids)


def _all_pids(host: Hosted) -> list[int]:
    return [pid for pair in host.starts() for pid in pair]


def test_a_killed_kiosk_is_started_again_at_once_and_leaves_nothing(tmp_path: Path) -> None:
    with supervisor_host(tmp_path / "control") as host:
        first = host.wait_event("ready")
        child, grandchild = host.starts()[0]
        assert first["pid"] == child

        os.kill(child, signal.SIGKILL)

        ended = host.wait_event("ended")
        assert ended["code"] == -signal.SIGKILL
        restart = host.wait_event("restart")
        # The first delay after a crash; the defaults (policy.Timings) keep it under 2 s,
        # which tests/unit/supervisor checks; here: the host's own.
        assert restart["delay_s"] < 2
        second = host.wait_event("ready", 2)
        assert second["pid"] != child
        assert len(host.starts()) == 2
        # The killed kiosk's own child did not outlive it.
        wait_until(lambda: _gone([child, grandchild]), 20, "the old kiosk's processes to end")
    assert _gone(_all_pids(host))


def test_a_hung_kiosk_is_ended_and_started_again(tmp_path: Path) -> None:
    with supervisor_host(tmp_path / "control") as host:
        host.set_mode("hang")
        host.wait_event("ready")
        child, grandchild = host.starts()[0]
        host.set_mode("ok")  # the next start answers

        hung = host.wait_event("hung")
        assert hung["level"] == "ERROR"
        ended = host.wait_event("ended")
        assert ended["hung"] is True
        host.wait_event("ready", 2)
        assert _gone([child, grandchild])
        # One heartbeat answered: the new one is not killed.
        assert host.process.poll() is None
    assert _gone(_all_pids(host))


def test_a_kiosk_that_hangs_while_starting_is_ended_too(tmp_path: Path) -> None:
    # Its window never showed: no "ready", no heartbeat at all.
    with supervisor_host(tmp_path / "control") as host:
        host.set_mode("silent")
        wait_until(host.starts, 20, "a start")
        child, grandchild = host.starts()[0]
        host.wait_event("hung")
        host.set_mode("ok")
        host.wait_event("ready")
        assert _gone([child, grandchild])


def _heartbeats(server: LocalServer) -> list[dict[str, object]]:
    return [json.loads(r.body) for r in server.seen("/api/v1/kiosk/heartbeat")]


def test_five_fast_crashes_mean_out_of_order_until_the_cause_goes(tmp_path: Path) -> None:
    with serve() as helpdesk:
        helpdesk.route("/api/v1/kiosk/heartbeat", lambda _r: (204, {}, b""))
        control = tmp_path / "control"
        control.mkdir()
        (control / "mode").write_text("crash")
        with supervisor_host(control, "--helpdesk", helpdesk.base) as host:
            out = host.wait_event("out-of-order")
            # Five crashes, each restarted, and then no sixth start in a tight loop.
            assert len(host.starts()) == 5
            assert "5 times" in out["message"]
            screen = host.wait_event("screen")
            assert alive(screen["pid"])
            # The help desk is told, with the device token, and told again later.
            told = wait_until(lambda: [b for b in _heartbeats(helpdesk) if b["out_of_order"]])
            assert "5 times" in str(told[0]["out_of_order_reason"])
            request = helpdesk.seen("/api/v1/kiosk/heartbeat")[0]
            assert request.headers["authorization"] == "Bearer device-token"
            wait_until(lambda: len(_heartbeats(helpdesk)) >= 2, 30, "a second report")
            # Still failing: it is tried again every retry_s, and stays out of order.
            wait_until(lambda: len(host.starts()) >= 7, 30, "retries")
            assert len(host.of("out-of-order")) == 1

            host.set_mode("ok")  # the cause goes (a disk is freed, a driver fixed)

            host.wait_event("ready")
            host.wait_event("in-order")
            wait_until(lambda: not _heartbeats(helpdesk)[-1]["out_of_order"], 30, "in order")
            wait_until(lambda: not alive(screen["pid"]), 20, "the screen to close")
            assert host.process.poll() is None
        assert _gone(_all_pids(host))


def test_a_kiosk_that_refuses_to_start_is_out_of_order_at_once(tmp_path: Path) -> None:
    control = tmp_path / "control"
    control.mkdir()
    (control / "mode").write_text("exit:2")  # e.g. a settings file with a mistake
    # The real screen this time: "kiosk out-of-order", a Qt window in its own process.
    with supervisor_host(control, "--real-screen") as host:
        out = host.wait_event("out-of-order")
        assert len(host.starts()) == 1  # a human must fix it: no restarts in a row
        assert "refused to start" in out["message"]
        screen = host.wait_event("screen")["pid"]
        assert psutil.Process(screen).cmdline()[-1] == "out-of-order"
        host.set_mode("ok")  # someone fixed the settings
        host.wait_event("ready")
        # The screen is still up when the kiosk's window comes: it closes then, and no
        # later than when the kiosk has stayed up.
        host.wait_event("in-order")
        wait_until(lambda: not alive(screen), 20, "the screen to close")
        # It showed until then: it did not crash on its own.
        assert len(host.of("screen")) == 1


def test_a_kiosk_stopped_on_purpose_stops_the_supervisor(tmp_path: Path) -> None:
    control = tmp_path / "control"
    control.mkdir()
    (control / "mode").write_text("exit:0")
    with supervisor_host(control) as host:
        assert host.process.wait(60) == 0
        assert len(host.starts()) == 1
        assert host.of("stopped")
    assert _gone(_all_pids(host))


def test_a_restart_asked_for_is_not_a_failure(tmp_path: Path) -> None:
    control = tmp_path / "control"
    control.mkdir()
    (control / "mode").write_text("exit:79")
    with supervisor_host(control) as host:
        wait_until(lambda: len(host.starts()) >= 8, 30, "restarts")
        assert not host.of("out-of-order")
        assert all(e["delay_s"] == 0 for e in host.of("restart"))


def test_stopping_the_supervisor_stops_the_kiosk_and_everything_it_started(
    tmp_path: Path,
) -> None:
    with supervisor_host(tmp_path / "control") as host:
        host.wait_event("ready")
        pids = _all_pids(host)
        assert all(alive(pid) for pid in pids)
        assert host.stop() == 0
    assert _gone(pids)
