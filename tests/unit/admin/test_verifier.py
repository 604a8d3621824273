"""The verifier: right, wrong, lock-out, expiry; its state survives a restart and is
kept private on disk; a damaged state refuses everything."""

from __future__ import annotations

import stat
from pathlib import Path

import pytest
from argon2 import PasswordHasher

from kiosk.admin import codes
from kiosk.admin.protocol import DAMAGED, LOCKED, NOT_SET, WAIT, WRONG
from kiosk.admin.state import StateStore
from kiosk.admin.throttle import LOCKOUT_S
from kiosk.admin.verifier import Verifier

PIN = "482915"
SECRET = codes.new_secret()
#: Cheap for the many tests here; one test below uses the library's real profile.
FAST = PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1)


class Clock:
    def __init__(self) -> None:
        self.now = 1_760_000_000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def clock() -> Clock:
    return Clock()


def _verifier(folder: Path, clock: Clock) -> Verifier:
    return Verifier(StateStore(folder), clock=clock, hasher=FAST)


@pytest.fixture
def verifier(tmp_path: Path, clock: Clock) -> Verifier:
    made = _verifier(tmp_path / "admin", clock)
    made.set_pin(PIN)
    made.set_code_secret(SECRET)
    return made


def test_nobody_can_unlock_when_nothing_is_set(tmp_path: Path, clock: Clock) -> None:
    empty = _verifier(tmp_path / "admin", clock)
    verdict = empty.verify("123456")
    assert (verdict.ok, verdict.problem) == (False, NOT_SET)
    status = empty.status()
    assert not status.pin_set
    assert not status.code_set


def test_the_pin_unlocks(verifier: Verifier) -> None:
    verdict = verifier.verify(PIN)
    assert (verdict.ok, verdict.method) == (True, "pin")


def test_the_one_time_code_unlocks_within_its_window_only(verifier: Verifier, clock: Clock) -> None:
    code = codes.code_at(SECRET, clock.now)
    clock.now += 100  # three steps later: too old
    assert verifier.verify(code).problem == WRONG
    clock.now += 60  # wait out the delay
    fresh = codes.code_at(SECRET, clock.now - 30)  # the one before: a slow phone
    verdict = verifier.verify(fresh)
    assert (verdict.ok, verdict.method) == (True, "code")


def test_a_one_time_code_works_once(verifier: Verifier, clock: Clock) -> None:
    code = codes.code_at(SECRET, clock.now)
    assert verifier.verify(code).ok
    assert verifier.verify(code).problem == WRONG


def test_wrong_codes_wait_then_lock(verifier: Verifier, clock: Clock) -> None:
    verdict = verifier.verify("000001")
    assert (verdict.problem, verdict.failures, verdict.wait_s) == (WRONG, 1, 1.0)
    # Too soon: refused without checking (and without counting).
    soon = verifier.verify(PIN)
    assert (soon.ok, soon.problem) == (False, WAIT)
    for _ in range(3):
        clock.now += 10
        assert verifier.verify("000001").problem == WRONG
    clock.now += 10
    fifth = verifier.verify("000001")
    assert (fifth.problem, fifth.failures) == (LOCKED, 5)
    assert fifth.wait_s == LOCKOUT_S
    # Locked: even the right PIN and a fresh code are refused.
    clock.now += 60
    assert verifier.verify(PIN).problem == LOCKED
    assert verifier.verify(codes.code_at(SECRET, clock.now)).problem == LOCKED
    assert verifier.status().locked_for_s == LOCKOUT_S - 60
    # The lock-out expires; the right PIN works and forgets the wrong ones.
    clock.now += LOCKOUT_S
    assert verifier.verify(PIN).ok
    assert verifier.status().failures == 0


def test_the_lock_out_survives_a_restart(tmp_path: Path, verifier: Verifier, clock: Clock) -> None:
    for _ in range(5):
        clock.now += 10
        verifier.verify("999999")
    # A new process with a new verifier object on the same folder: still locked.
    restarted = _verifier(verifier.store.folder, clock)
    assert restarted.verify(PIN).problem == LOCKED
    assert restarted.status().failures == 5


def test_the_state_is_private_on_disk_and_holds_no_pin(verifier: Verifier) -> None:
    folder = verifier.store.folder
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    for file in folder.iterdir():
        assert stat.S_IMODE(file.stat().st_mode) == 0o600, file
    text = verifier.store.path.read_text()
    assert PIN not in text
    assert "$argon2id$" in text


def test_the_real_hash_is_argon2id_with_the_librarys_profile(tmp_path: Path, clock: Clock) -> None:
    real = Verifier(StateStore(tmp_path / "admin"), clock=clock)
    real.set_pin(PIN)
    stored = real.store.load().pin_hash
    assert stored is not None
    assert stored.startswith("$argon2id$v=19$m=65536,t=3,p=4$")
    assert real.verify(PIN).ok


def test_a_damaged_state_refuses_everything(verifier: Verifier) -> None:
    verifier.store.path.write_text("{ not json")
    assert verifier.verify(PIN).problem == DAMAGED
    assert verifier.status().problem == DAMAGED
    verifier.set_pin("5551234")  # root sets it again: it works again
    assert verifier.verify("5551234").ok


def test_setting_the_pin_forgets_the_lock_out(verifier: Verifier, clock: Clock) -> None:
    for _ in range(5):
        clock.now += 10
        verifier.verify("999999")
    verifier.set_pin("7771234")
    assert verifier.verify("7771234").ok


def test_the_log_never_holds_the_digits(
    verifier: Verifier, clock: Clock, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level("INFO", "kiosk.admin")
    verifier.verify("271828")
    clock.now += 10
    verifier.verify(PIN)
    assert "271828" not in caplog.text
    assert PIN not in caplog.text
    assert "wrong admin code (1 in a row)" in caplog.text
