"""``python -m kiosk.practice``: a plain message when the port is taken."""

from __future__ import annotations

import pytest

from kiosk.practice import PracticeSite
from kiosk.practice.__main__ import main


def test_a_taken_port_is_a_plain_message(capsys: pytest.CaptureFixture[str]) -> None:
    with PracticeSite() as site:
        port = site.port
        assert main(["--port", str(port)]) == 1
    err = capsys.readouterr().err
    assert f"Cannot serve on 127.0.0.1:{port}" in err
    assert "Traceback" not in err
