"""``Verifier``: checks an admin code against the state, with the throttle. Pure Python.

Runs inside the verifier service (installed kiosk) or, in a development checkout only,
inside the kiosk process itself (``transport.LocalVerifier``, which says that it is not
protected). Logs say that a code was wrong and how many times; never the digits.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from dataclasses import replace

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError

from kiosk.admin import codes, throttle
from kiosk.admin.protocol import DAMAGED, LOCKED, NOT_SET, WAIT, WRONG, Status, Verdict
from kiosk.admin.state import StateError, StateStore, VerifierState

log = logging.getLogger("kiosk.admin")


class Verifier:
    def __init__(
        self,
        store: StateStore,
        *,
        clock: Callable[[], float] = time.time,
        hasher: PasswordHasher | None = None,
        protected: bool = False,
        where: str = "",
    ) -> None:
        self.store = store
        self._clock = clock
        # argon2id with the library's RFC 9106 profile (64 MiB, t=3, p=4).
        self.hasher = hasher or PasswordHasher()
        self.protected = protected
        self.where = where

    # -- checking ------------------------------------------------------------------------
    def verify(self, code: str) -> Verdict:
        code = "".join(ch for ch in str(code) if not ch.isspace())[: codes.PIN_MAX + 1]
        try:
            with self.store.locked():
                state = self.store.load()
                verdict, new_state = self._check(state, code)
                if new_state is not state:
                    self.store.save(new_state)
        except StateError as exc:
            log.error("admin code not checked: %s", exc)
            return Verdict(False, problem=DAMAGED)
        return verdict

    def _check(self, state: VerifierState, code: str) -> tuple[Verdict, VerifierState]:
        now = self._clock()
        if state.pin_hash is None and state.totp_secret is None:
            return Verdict(False, problem=NOT_SET), state
        gate = throttle.gate(state.attempts, now)
        if not gate.open:
            return Verdict(
                False,
                problem=LOCKED if gate.locked else WAIT,
                wait_s=round(gate.wait_s, 1),
                failures=state.attempts.failures,
            ), state
        if state.totp_secret is not None:
            step = codes.matching_step(state.totp_secret, code, now, state.last_code_step)
            if step is not None:
                log.info("admin unlocked with the one-time code")
                success = replace(
                    state, attempts=throttle.succeeded(state.attempts), last_code_step=step
                )
                return Verdict(True, method="code"), success
        if state.pin_hash is not None and code.isdigit() and self._pin_matches(state, code):
            log.info("admin unlocked with the PIN")
            new_hash = state.pin_hash
            if self.hasher.check_needs_rehash(state.pin_hash):
                new_hash = self.hasher.hash(code)
            success = replace(state, attempts=throttle.succeeded(state.attempts), pin_hash=new_hash)
            return Verdict(True, method="pin"), success
        attempts = throttle.failed(state.attempts, now)
        locked = attempts.locked_until > now
        log.warning(
            "wrong admin code (%d in a row%s)",
            attempts.failures,
            "; locked for 15 minutes" if locked else "",
        )
        after = throttle.gate(attempts, now)
        verdict = Verdict(
            False,
            problem=LOCKED if locked else WRONG,
            wait_s=round(after.wait_s, 1),
            failures=attempts.failures,
        )
        return verdict, replace(state, attempts=attempts)

    def _pin_matches(self, state: VerifierState, code: str) -> bool:
        assert state.pin_hash is not None
        try:
            return bool(self.hasher.verify(state.pin_hash, code))
        except VerifyMismatchError:
            return False
        except (VerificationError, InvalidHashError):
            log.error("the stored PIN hash is damaged; set the PIN again")
            return False

    def status(self) -> Status:
        try:
            with self.store.locked():
                state = self.store.load()
        except StateError:
            return Status(protected=self.protected, where=self.where, problem=DAMAGED)
        gate = throttle.gate(state.attempts, self._clock())
        return Status(
            pin_set=state.pin_hash is not None,
            code_set=state.totp_secret is not None,
            failures=state.attempts.failures,
            locked_for_s=round(gate.wait_s, 1) if gate.locked else 0.0,
            protected=self.protected,
            where=self.where,
        )

    # -- setting (root only, by file permissions) ---------------------------------------
    def set_pin(self, pin: str) -> None:
        pin = codes.check_pin_format(pin)
        hashed = self.hasher.hash(pin)
        with self.store.locked():
            state = self.store.load_or_empty()
            self.store.save(replace(state, pin_hash=hashed, attempts=throttle.Attempts()))
        log.info("the admin PIN was set")

    def set_code_secret(self, secret: str) -> None:
        if not codes.valid_secret(secret):
            raise ValueError("the one-time code's secret is not a base32 secret")
        with self.store.locked():
            state = self.store.load_or_empty()
            self.store.save(replace(state, totp_secret=secret, last_code_step=-1))
        log.info("the one-time code's secret was set")
