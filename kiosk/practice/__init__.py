"""The local practice site ("Harjoittele") and its server; imports only stdlib and kiosk.paths.

``PracticeSite`` (the server and its pages) is imported when first asked for: the kiosk
holds only the site's address (``listener.PracticeListener``) until a practice page is
wanted, so its first screen does not wait for the pages' code.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from kiosk.practice.server import PracticeSite

__all__ = ["PracticeSite"]


def __getattr__(name: str) -> Any:
    if name == "PracticeSite":
        from kiosk.practice.server import PracticeSite  # noqa: PLC0415 - see the docstring

        return PracticeSite
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
