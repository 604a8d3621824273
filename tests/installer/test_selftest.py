"""``kiosk selftest`` from the source tree (the bundle build runs the frozen one): every
step passes here too; stderr lines nobody expects fail it."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
import urllib.request
from pathlib import Path

import pytest

from kiosk import selftest
from kiosk.selftest import Report, Step, unexpected_lines


def test_selftest_passes_from_the_source_tree(tmp_path: Path) -> None:
    report_file = tmp_path / "report.json"
    env = {k: v for k, v in os.environ.items() if not k.startswith("KIOSK_")}
    done = subprocess.run(
        [sys.executable, "-m", "kiosk.cli", "selftest", "--json", str(report_file)],
        capture_output=True, text=True, env=env, timeout=600, check=False,
    )  # fmt: skip
    report = json.loads(report_file.read_text(encoding="utf-8"))
    assert json.loads(done.stdout) == report
    assert report["ok"] is True, json.dumps(report, indent=2)
    assert done.returncode == 0
    steps = {step["name"]: step for step in report["steps"]}
    assert list(steps) == ["start", "translations", "tiles", "wipe", "pdf-viewer", "keyboard"]
    shipped = len(list((Path(__file__).resolve().parents[2] / "guides").glob("*/guide.yaml")))
    assert steps["tiles"]["detail"].startswith(f"{shipped} of {shipped} opened")
    assert "nothing found after it" in steps["wipe"]["detail"]


def test_unexpected_stderr_fails_the_report() -> None:
    stderr = "\n".join(
        [
            "QRhiGles2: Failed to create temporary context",
            "",
            "Traceback (most recent call last):",
            'qt.qpa.plugin: Could not load the Qt platform plugin "wayland"',
        ]
    )
    assert unexpected_lines(stderr) == [
        "Traceback (most recent call last):",
        'qt.qpa.plugin: Could not load the Qt platform plugin "wayland"',
    ]
    report = Report(steps=[Step("start", True)], unexpected_stderr=unexpected_lines(stderr))
    assert not report.ok
    assert json.loads(report.to_json())["ok"] is False
    assert Report(steps=[Step("start", True)]).ok
    assert not Report(steps=[Step("start", True), Step("wipe", False, "x")]).ok
    assert not Report().ok


def test_a_browser_hanging_up_is_not_reported_but_a_fault_is(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """The pages' server: a browser that closes a page before its answer is written (the
    wipe does) is not the kiosk's fault and leaves stderr clean; anything else is printed
    and fails the report. (A bundle build once failed on a favicon's broken pipe.)"""
    server = selftest._pages_server("marker", b"%PDF")  # the one the self-test serves
    try:
        for hung_up in (BrokenPipeError(32, "Broken pipe"), ConnectionResetError()):
            try:
                raise hung_up
            except ConnectionError:
                server.handle_error(None, ("127.0.0.1", 1))
        assert capsys.readouterr().err == ""
        try:
            raise ValueError("a fault of the pages")
        except ValueError:
            server.handle_error(None, ("127.0.0.1", 1))
        assert "ValueError: a fault of the pages" in capsys.readouterr().err
        # And it serves the pages as before.
        thread = threading.Thread(target=server.serve_forever, daemon=True)
        thread.start()
        url = f"http://127.0.0.1:{server.server_address[1]}/tile/one"
        with urllib.request.urlopen(url, timeout=10) as answer:
            assert b"<h1>one</h1>" in answer.read()
        server.shutdown()
        thread.join()
    finally:
        server.server_close()
