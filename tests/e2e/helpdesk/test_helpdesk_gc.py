"""A help-desk worker that has its process to itself (``create_app_from_env``, what
uvicorn's workers run, also for a kiosk's embedded help desk, a process of its own)
freezes its start-up objects out of garbage collection and looks at young objects less
often; an app made inside another program (the tests' live servers) leaves that
program's collector alone. Run in fresh interpreters:
freezing this test process's objects would keep them for the rest of the suite."""

from __future__ import annotations

import gc
import json
from pathlib import Path

from tests.helpers.child_script import kiosk_env, run_child

SCRIPT = """
import gc, json, os
from starlette.testclient import TestClient
from kiosk.helpdesk.server import app, db
db.migrate(os.environ["KIOSK_HELPDESK_DATABASE"])
before, frozen = gc.get_threshold(), gc.get_freeze_count()
made = app.create_app_from_env() if {own} else app.create_app()
with TestClient(made) as client:
    health = client.get("/api/v1/health").status_code
    print(json.dumps({{"health": health, "frozen": gc.get_freeze_count() - frozen,
                      "before": before, "after": gc.get_threshold()}}))
"""


def report(tmp_path: Path, *, own: bool) -> dict[str, object]:
    env = kiosk_env(tmp_path)
    env["KIOSK_HELPDESK_DATABASE"] = f"sqlite:///{tmp_path / 'gc.sqlite3'}"
    env["KIOSK_HELPDESK_ALLOWED_HOSTS"] = "testserver"
    done = run_child(SCRIPT.format(own=own), env)
    assert done.returncode == 0, done.stderr
    result: dict[str, object] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def test_a_worker_of_its_own_freezes_start_up_and_collects_young_objects_less_often(
    tmp_path: Path,
) -> None:
    result = report(tmp_path, own=True)
    assert result["health"] == 200
    assert isinstance(result["frozen"], int) and result["frozen"] > 10_000
    before, after = result["before"], result["after"]
    assert isinstance(before, list) and isinstance(after, list)
    assert after[0] > before[0] and after[1:] == before[1:]


def test_an_app_inside_another_program_leaves_its_collector_alone(tmp_path: Path) -> None:
    result = report(tmp_path, own=False)
    assert result["health"] == 200
    assert result["frozen"] == 0
    assert result["after"] == result["before"] == list(gc.get_threshold())
