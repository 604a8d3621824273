"""The help desk's migrations form one line (several branches each added one: a second
head would stop every server from starting)."""

from __future__ import annotations

from pathlib import Path

from alembic.config import Config
from alembic.script import ScriptDirectory

VERSIONS = Path(__file__).resolve().parents[3] / "kiosk" / "helpdesk" / "server" / "migrations"


def test_one_head_and_no_gaps() -> None:
    config = Config()
    config.set_main_option("script_location", str(VERSIONS))
    script = ScriptDirectory.from_config(config)
    assert len(script.get_heads()) == 1
    chain = list(script.walk_revisions())
    assert len(chain) == len(list((VERSIONS / "versions").glob("0*.py")))
