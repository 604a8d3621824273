"""Nothing a visitor types reaches the disk or the log; the package stays free of Qt."""

from __future__ import annotations

import ast
import logging
import os
import sys
import tempfile
from pathlib import Path

import pytest

from kiosk.practice import PracticeSite
from kiosk.practice.visitors import IDLE_LIMIT_S, MAX_VISITORS, VisitorStore
from tests.unit.practice.visitor import PDF, Visitor

SECRET = "Salainen9876"


def _files_below(folder: Path) -> list[Path]:
    try:
        return [p for p in folder.rglob("*") if p.is_file()] if folder.exists() else []
    except OSError:  # another program's folder in the temp dir, not readable to us
        return []


def test_nothing_is_written_to_disk(kiosk_dirs: dict[str, Path]) -> None:
    temp = Path(tempfile.gettempdir())
    before = {p.name for p in temp.iterdir()}
    with PracticeSite() as site, Visitor(site.base_url) as someone:
        someone.log_in("fi")
        someone.post("/fi/apply/situation", {"phone": SECRET, "action": "previous"})
        someone.fill_application("fi")
        someone.upload("fi", f"{SECRET}.pdf", PDF + SECRET.encode(), "application/pdf")
        someone.post("/fi/apply/review", {"confirm": "yes"})
    assert _files_below(kiosk_dirs["data"]) == []
    assert _files_below(kiosk_dirs["runtime"]) == []
    new = {p.name for p in temp.iterdir()} - before
    # Other tests may run at the same time; none of what appeared holds the visitor's data.
    for name in new:
        for file in _files_below(temp / name) if (temp / name).is_dir() else [temp / name]:
            try:
                assert SECRET.encode() not in file.read_bytes(), file
            except OSError:
                continue


def test_nothing_typed_is_logged(caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG, logger="kiosk")
    with PracticeSite() as site, Visitor(site.base_url) as someone:
        someone.get(f"/fi/?q={SECRET}")
        someone.get(f"/fi/{SECRET}")
        someone.log_in("fi")
        someone.post("/fi/apply/income", {"wages": SECRET, "action": "next"})
        someone.upload("fi", f"{SECRET}.pdf", PDF, "application/pdf")
        someone.get(f"/reset?lang={SECRET}")
    logged = "\n".join(
        record.getMessage() + (record.exc_text or "")
        for record in caplog.records
        if record.name.startswith("kiosk")  # the test's own HTTP client logs its URLs
    )
    assert "practice site serving at" in logged  # the log works ...
    assert f"GET /fi/{SECRET}" in logged  # ... paths are logged (the visitor cannot type them)
    assert f"q={SECRET}" not in logged  # ... but never a query string
    assert "wages" not in logged
    assert f"{SECRET}.pdf" not in logged
    assert f"lang={SECRET}" not in logged


def test_the_practice_package_imports_no_qt() -> None:
    """The site runs without a display: the standard library, kiosk.paths, kiosk.languages."""
    package = Path(__file__).resolve().parents[3] / "kiosk" / "practice"
    allowed_kiosk = {"kiosk.paths", "kiosk.languages", "kiosk"}
    for module in package.glob("*.py"):
        tree = ast.parse(module.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            names: list[str] = []
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module]
            for name in names:
                top = name.split(".")[0]
                if top == "kiosk":
                    assert name.startswith("kiosk.practice") or name in allowed_kiosk, (
                        module.name,
                        name,
                    )
                else:
                    assert top in sys.stdlib_module_names or top == "__future__", (
                        module.name,
                        name,
                    )


def test_the_store_forgets_idle_visitors_and_has_a_cap() -> None:
    now = [0.0]
    store = VisitorStore(clock=lambda: now[0])
    first, state, new = store.get(None)
    assert new
    state.logged_in = True
    again, same, new = store.get(first)
    assert (again, same.logged_in, new) == (first, True, False)
    now[0] += IDLE_LIMIT_S + 1
    replaced, fresh, new = store.get(first)
    assert new
    assert replaced != first
    assert not fresh.logged_in
    for _ in range(MAX_VISITORS + 10):
        store.get(None)
    assert len(store) == MAX_VISITORS


def test_visitor_ids_are_unguessable() -> None:
    store = VisitorStore()
    ids = {store.get(None)[0] for _ in range(50)}
    assert len(ids) == 50
    assert all(len(i) >= 32 for i in ids)
    assert os.environ.get("KIOSK_DATA_DIR")  # the conftest isolates the disk
