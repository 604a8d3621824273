"""The real kiosk under the supervisor: ``kiosk supervise`` runs ``kiosk run``; a kiosk
killed mid-session leaves no browser-engine process behind; a stop ends everything."""

from __future__ import annotations

import os
import signal
import sys
from pathlib import Path

import psutil
import pytest

from tests.helpers import state_site
from tests.helpers.guides import service_guide
from tests.helpers.helpdesk_servers import wait_until
from tests.helpers.supervision import alive, hosted, supervisor_host
from tests.helpers.webserver import LocalServer

pytestmark = pytest.mark.e2e

ENGINE = "QtWebEngineProcess"


def _engine_processes(pid: int) -> list[int]:
    try:
        children = psutil.Process(pid).children(recursive=True)
    except psutil.NoSuchProcess:
        return []
    found = []
    for child in children:
        try:
            if ENGINE in child.name() or ENGINE in " ".join(child.cmdline()[:1]):
                found.append(child.pid)
        except psutil.Error:
            continue
    return found


def _renderers(pid: int) -> list[int]:
    engine = _engine_processes(pid)
    found = []
    for child in engine:
        try:
            if psutil.Process(child).ppid() in engine:
                found.append(child)
        except psutil.Error:
            continue
    return found


def _any_alive(pids: list[int]) -> bool:
    return any(alive(pid) for pid in pids)


@pytest.fixture
def development_env(monkeypatch: pytest.MonkeyPatch) -> dict[str, str]:
    # Tests run as root on CI: the kiosk then needs --development (no browser sandbox).
    monkeypatch.setenv("KIOSK_DEVELOPMENT", "1")
    return os.environ.copy()


def test_kiosk_supervise_runs_the_kiosk_and_heals_a_kill(
    tmp_path: Path, development_env: dict[str, str]
) -> None:
    config = tmp_path / "kiosk.toml"
    config.write_text('[kiosk]\nwindowed = true\n[speech]\nengine = "none"\n')
    command = [
        sys.executable,
        "-m",
        "kiosk.cli",
        "supervise",
        "--config",
        str(config),
        "--log-json",
    ]
    with hosted(command, tmp_path / "control", development_env) as host:
        first = host.wait_event("ready", timeout=120)
        kiosk = first["pid"]
        # The kiosk runs as "kiosk run --config FILE", a child of the supervisor.
        cmdline = psutil.Process(kiosk).cmdline()
        assert cmdline[-4:] == ["run", "--config", str(config), "--log-json"]
        engine = wait_until(lambda: _engine_processes(kiosk), 60, "the browser engine")

        os.kill(kiosk, signal.SIGKILL)

        host.wait_event("restart")
        # Before the next kiosk starts, the old one's browser engine is gone.
        assert not _any_alive(engine), "a browser-engine process outlived the killed kiosk"
        second = host.wait_event("ready", 2, timeout=120)
        assert second["pid"] != kiosk
        new_engine = wait_until(lambda: _engine_processes(second["pid"]), 60, "the engine")

        assert host.stop() == 0
    assert not alive(second["pid"])
    assert not _any_alive(new_engine)


def test_a_kiosk_killed_mid_session_leaves_no_renderer(
    tmp_path: Path, web: LocalServer, development_env: dict[str, str]
) -> None:
    state_site.install(web)
    service_guide(tmp_path / "guides", web.base)
    command = [
        sys.executable, "-m", "tests.helpers.kiosk_child", str(tmp_path / "guides"),
        web.url("/plant"),
    ]  # fmt: skip
    with supervisor_host(tmp_path / "control", "--", *command) as host:
        kiosk = host.wait_event("ready", timeout=120)["pid"]
        # Visitor A's page is open: a renderer (forked by one of the engine's zygotes).
        engine = wait_until(lambda: _renderers(kiosk) and _engine_processes(kiosk), 60, "a page")

        os.kill(kiosk, signal.SIGKILL)

        host.wait_event("restart")
        assert not _any_alive(engine)
        host.wait_event("ready", 2, timeout=120)
