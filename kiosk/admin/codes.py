"""The admin codes: the one-time code (TOTP, RFC 6238) and the PIN's form. Pure Python.

The kiosk's TOTP secret is made by the help desk at pairing; signed-in staff of the
kiosk's centre see the current code on the staff page. A code is 6 digits, new every 30
seconds; the one before and the one after are accepted too (a phone's clock is rarely
exact), and a code that was used once is not accepted again (someone who read it over a
shoulder cannot use it after staff did).
"""

from __future__ import annotations

import hmac

import pyotp

STEP_S = 30
DIGITS = 6
#: Codes one step before and after the current one are accepted (clock drift).
WINDOW = 1
#: A PIN is 6 to 12 digits (the installers ask for the same).
PIN_MIN, PIN_MAX = 6, 12


class PinFormatError(ValueError):
    """A PIN that is not 6 to 12 digits; ``str()`` says so plainly."""


def check_pin_format(pin: str) -> str:
    pin = pin.strip()
    if not pin.isdigit() or not PIN_MIN <= len(pin) <= PIN_MAX or not pin.isascii():
        raise PinFormatError(f"the PIN must be {PIN_MIN} to {PIN_MAX} digits")
    if len(set(pin)) == 1:
        raise PinFormatError("the PIN must not be one digit repeated")
    return pin


def new_secret() -> str:
    """A new TOTP secret (base32, 160 bits)."""
    return pyotp.random_base32(32)


def valid_secret(secret: str) -> bool:
    try:
        pyotp.TOTP(secret).at(0)
    except (ValueError, TypeError):  # binascii.Error is a ValueError
        return False
    return len(secret) >= 16


def code_at(secret: str, when: float) -> str:
    """The code for the time ``when`` (seconds since the epoch)."""
    return pyotp.TOTP(secret, digits=DIGITS, interval=STEP_S).at(when)


def matching_step(secret: str, code: str, now: float, after_step: int = -1) -> int | None:
    """The time step whose code is ``code`` (within the window), if it is later than
    ``after_step`` (the step of the last code used); None otherwise."""
    if len(code) != DIGITS or not code.isdigit():
        return None
    totp = pyotp.TOTP(secret, digits=DIGITS, interval=STEP_S)
    current = int(now // STEP_S)
    for step in range(current - WINDOW, current + WINDOW + 1):
        if step > after_step and hmac.compare_digest(totp.generate_otp(step), code):
            return step
    return None
