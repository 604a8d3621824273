"""The kiosk's durable outbox."""

from __future__ import annotations

from pathlib import Path

from kiosk.helpdesk.outbox import Outbox, default_path


def test_kept_across_restarts_until_done(tmp_path: Path) -> None:
    path = tmp_path / "outbox.sqlite3"
    box = Outbox(path)
    first = box.add("create", "a", {"id": "a", "topic": "login"})
    box.add("cancel", "a", {"reason": "cancel"})
    box.close()
    again = Outbox(path)
    ops = again.pending()
    assert [(o.kind, o.request_id) for o in ops] == [("create", "a"), ("cancel", "a")]
    again.retried(first)
    again.done(first)
    assert again.count() == 1 and again.pending()[0].kind == "cancel"
    again.give_up(again.pending()[0].seq, "the help desk answered 422")
    assert again.count() == 0
    assert [d[:2] for d in again.dead_letters()] == [("cancel", "the help desk answered 422")]
    again.close()


def test_in_the_data_folder_not_the_session_folder(kiosk_dirs: dict[str, Path]) -> None:
    assert default_path().parent == kiosk_dirs["data"]


def test_a_damaged_file_is_moved_aside_and_reported(tmp_path: Path) -> None:
    path = tmp_path / "outbox.sqlite3"
    path.write_bytes(b"this is not a database" * 100)
    box = Outbox(path)
    assert box.count() == 0
    assert box.problems and "moved aside" in box.problems[0]
    assert [p.name for p in tmp_path.glob("outbox.sqlite3.broken-*")]
    box.add("create", "b", {"id": "b"})
    assert box.count() == 1
    box.close()


def test_a_delivered_phone_number_is_gone_from_every_file(tmp_path: Path) -> None:
    path = tmp_path / "outbox.sqlite3"
    outbox = Outbox(path)
    marker = "+358405550173"
    first = outbox.add("create", "r1", {"topic": "login", "phone": marker})
    second = outbox.add("create", "r2", {"topic": "form", "phone": marker + "9"})

    def files_with_marker() -> list[str]:
        return [p.name for p in tmp_path.iterdir() if marker.encode() in p.read_bytes()]

    assert files_with_marker()  # the search can find it while it is owed
    outbox.done(first)
    outbox.give_up(second, "invalid")
    assert outbox.count() == 0
    assert files_with_marker() == []
    outbox.close()
    assert files_with_marker() == []
