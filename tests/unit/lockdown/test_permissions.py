"""Device permissions: deny by default; camera and microphone only when a guide declares."""

from __future__ import annotations

import pytest

from kiosk.guides.model import GUIDE_PERMISSIONS
from kiosk.lockdown.permissions import PERMISSION_TABLE, decide


@pytest.mark.parametrize("feature", sorted(PERMISSION_TABLE))
def test_nothing_is_granted_without_a_declaration(feature: str) -> None:
    assert not decide(feature, frozenset())


def test_camera_and_microphone_when_declared() -> None:
    assert decide("camera", {"camera"})
    assert decide("microphone", ("microphone",))
    assert decide("camera+microphone", frozenset({"camera", "microphone"}))
    assert not decide("camera+microphone", frozenset({"camera"}))
    assert not decide("microphone", frozenset({"camera"}))


@pytest.mark.parametrize(
    "feature",
    ["geolocation", "notifications", "screen", "screen+audio", "clipboard", "midi",
     "file-system", "mouse-lock", "local-fonts", "unsupported", "something-new"],
)  # fmt: skip
def test_always_refused_even_if_a_guide_asks(feature: str) -> None:
    everything = frozenset({feature, "camera", "microphone", *feature.split("+")})
    assert not decide(feature, everything)


def test_guides_may_declare_only_what_the_table_can_grant() -> None:
    grantable = {f for f in PERMISSION_TABLE if decide(f, frozenset(GUIDE_PERMISSIONS))}
    assert grantable == {"camera", "microphone", "camera+microphone"}
