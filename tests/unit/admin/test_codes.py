"""One-time codes (RFC 6238) and the PIN's form."""

from __future__ import annotations

import base64

import pyotp
import pytest

from kiosk.admin import codes

SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"
NOW = 1_760_000_015.0  # 15 s into a 30-second step


def test_the_code_of_the_moment_and_its_neighbours_are_accepted() -> None:
    step = int(NOW // 30)
    for offset in (-1, 0, 1):
        code = codes.code_at(SECRET, NOW + offset * 30)
        assert codes.matching_step(SECRET, code, NOW) == step + offset


def test_a_code_outside_the_window_is_refused() -> None:
    for offset in (-3, -2, 2, 3):
        code = codes.code_at(SECRET, NOW + offset * 30)
        if code == codes.code_at(SECRET, NOW):  # one in a million: the same digits
            continue
        assert codes.matching_step(SECRET, code, NOW) is None


def test_the_codes_are_the_ones_a_phone_app_shows() -> None:
    # RFC 6238's own test vector (SHA-1, 8 digits at T=59) through pyotp, and our 6-digit
    # code is the same algorithm an authenticator app runs on the staff page's secret.
    rfc = pyotp.TOTP(base64.b32encode(b"12345678901234567890").decode(), digits=8)
    assert rfc.at(59) == "94287082"
    # Ours: 6 digits of the same algorithm; the RFC's vector at T=59, cut to 6 digits.
    assert codes.code_at(base64.b32encode(b"12345678901234567890").decode(), 59) == "287082"


def test_a_used_code_is_not_accepted_again() -> None:
    code = codes.code_at(SECRET, NOW)
    step = codes.matching_step(SECRET, code, NOW)
    assert step is not None
    assert codes.matching_step(SECRET, code, NOW + 5, after_step=step) is None
    later = codes.code_at(SECRET, NOW + 30)
    assert codes.matching_step(SECRET, later, NOW + 30, after_step=step) == step + 1


@pytest.mark.parametrize("bad", ["", "12345", "1234567", "abcdef", "12 456"])
def test_what_is_not_six_digits_is_never_a_code(bad: str) -> None:
    assert codes.matching_step(SECRET, bad, NOW) is None


def test_new_secrets_are_valid_and_different() -> None:
    first, second = codes.new_secret(), codes.new_secret()
    assert first != second
    assert codes.valid_secret(first)
    assert not codes.valid_secret("not base32!")
    assert not codes.valid_secret("")


@pytest.mark.parametrize("pin", ["123", "1234567890123", "12ab56", "٣٣٣٤٤٤٥", "", "000000"])
def test_pins_that_are_refused(pin: str) -> None:
    with pytest.raises(codes.PinFormatError):
        codes.check_pin_format(pin)


def test_a_good_pin_is_kept_as_typed() -> None:
    assert codes.check_pin_format(" 482915 \n") == "482915"
