"""The kiosk's command poller against a local test server: it fetches with the device
token, hands each command over, keeps results on disk until the help desk has them,
retries a help desk that is down, and gives up on a result the help desk refuses."""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from kiosk.helpdesk.commands import Kind, State
from kiosk.helpdesk.remote import CommandPoller, Order
from tests.helpers.helpdesk_servers import wait_until
from tests.helpers.webserver import LocalServer, Request, Response, serve


class FakeHelpdesk:
    def __init__(self, server: LocalServer) -> None:
        self.server = server
        self.pending: list[dict[str, object]] = []
        self.results: dict[int, dict[str, object]] = {}
        self.result_status = 200
        self.lock = threading.Lock()
        server.route("/api/v1/kiosk/commands", self._fetch)
        for ident in range(1, 10):
            server.route(f"/api/v1/kiosk/commands/{ident}", self._report)

    def _fetch(self, request: Request) -> Response:
        with self.lock:
            given, self.pending = self.pending, []
        return 200, {"Content-Type": "application/json"}, json.dumps({"commands": given}).encode()

    def _report(self, request: Request) -> Response:
        if self.result_status == 200:
            self.results[int(request.path.rsplit("/", 1)[1])] = json.loads(request.body)
        return self.result_status, {"Content-Type": "application/json"}, b"{}"


@pytest.fixture
def helpdesk() -> Iterator[FakeHelpdesk]:
    with serve() as server:
        yield FakeHelpdesk(server)


def _poller(helpdesk: FakeHelpdesk, tmp_path: Path, got: list[Order]) -> CommandPoller:
    return CommandPoller(
        helpdesk.server.base,
        got.append,
        token=lambda: "device-token",
        certificate=lambda: None,
        every_s=0.05,
        results=tmp_path / "results.json",
    )


def test_commands_are_fetched_and_results_sent(helpdesk: FakeHelpdesk, tmp_path: Path) -> None:
    got: list[Order] = []
    helpdesk.pending = [{"id": 1, "kind": "wipe"}, {"id": 2, "kind": "out-of-order-on"}]
    poller = _poller(helpdesk, tmp_path, got)
    poller.start()
    try:
        wait_until(lambda: len(got) == 2)
        assert got == [Order(1, Kind.WIPE), Order(2, Kind.OUT_OF_ORDER_ON)]
        fetch = helpdesk.server.seen("/api/v1/kiosk/commands")[0]
        assert fetch.headers["authorization"] == "Bearer device-token"
        poller.report(got[0], State.DONE, "the session was erased")
        wait_until(lambda: 1 in helpdesk.results)
        assert helpdesk.results[1] == {"state": "done", "detail": "the session was erased"}
        wait_until(lambda: not poller.results.exists())
    finally:
        poller.stop()


def test_a_result_waits_on_disk_while_the_help_desk_is_down(
    helpdesk: FakeHelpdesk, tmp_path: Path
) -> None:
    helpdesk.result_status = 503
    poller = _poller(helpdesk, tmp_path, [])
    poller.report(Order(3, Kind.RESTART), State.DONE, "the kiosk restarted")
    assert json.loads(poller.results.read_text())["3"]["state"] == "done"
    poller.start()
    try:
        wait_until(lambda: len(helpdesk.server.seen("/api/v1/kiosk/commands/3")) >= 2)
        assert poller.results.exists()  # still kept
        helpdesk.result_status = 200
        wait_until(lambda: 3 in helpdesk.results)
        wait_until(lambda: not poller.results.exists())
    finally:
        poller.stop()


def test_a_result_the_help_desk_refuses_is_let_go(helpdesk: FakeHelpdesk, tmp_path: Path) -> None:
    helpdesk.result_status = 409  # expired meanwhile
    poller = _poller(helpdesk, tmp_path, [])
    poller.report(Order(4, Kind.WIPE), State.DONE)
    poller.start()
    try:
        wait_until(lambda: not poller.results.exists())
        assert helpdesk.results == {}
    finally:
        poller.stop()


def test_an_unknown_command_is_reported_failed(helpdesk: FakeHelpdesk, tmp_path: Path) -> None:
    got: list[Order] = []
    helpdesk.pending = [{"id": 5, "kind": "format-the-disk"}]
    poller = _poller(helpdesk, tmp_path, got)
    poller.start()
    try:
        wait_until(lambda: 5 in helpdesk.results)
        assert helpdesk.results[5]["state"] == "failed"
        assert got == []
    finally:
        poller.stop()
