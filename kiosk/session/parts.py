"""Visitor parts: everything that holds something of a visitor, registered once by name.

A part can ``reset()`` (let go of what the visitor left) and ``verify()`` (say what is
still there, as short descriptions such as "a dialog is still open" — never the visitor's
data itself, since these go to the log). The wipe resets every part, then verifies every
part; one part with anything left fails the wipe, and the anonymous receipt names each
part's check. Adding visitor state to the kiosk means registering one more part
(``SessionKeeper.parts.register``); a marker scan in the tests catches state that forgot to.

Pure Python: no Qt.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Protocol

log = logging.getLogger("kiosk.session")


class VisitorPart(Protocol):
    def reset(self) -> None:
        """Let go of everything of the current visitor."""

    def verify(self) -> list[str]:
        """What of a visitor is still here (empty when nothing is)."""


@dataclass(slots=True)
class Part:
    """A visitor part made of two callables (for owners whose methods have other names)."""

    reset: Callable[[], None]
    verify: Callable[[], list[str]]


class DuplicatePartError(ValueError):
    """Two parts were registered under one name."""


class VisitorParts:
    """The registry. Resets run in the order the parts were registered, except that parts
    registered ``last`` (the browser engine's, which must outlive the views the shell
    lets go of first) run after all the others."""

    def __init__(self) -> None:
        self._parts: dict[str, VisitorPart] = {}
        self._last: dict[str, VisitorPart] = {}

    def register(self, name: str, part: VisitorPart, *, last: bool = False) -> VisitorPart:
        if name in self._parts or name in self._last:
            raise DuplicatePartError(f"a visitor part named {name!r} is registered already")
        (self._last if last else self._parts)[name] = part
        return part

    def get(self, name: str) -> VisitorPart:
        return self._parts.get(name) or self._last[name]

    @property
    def names(self) -> tuple[str, ...]:
        return (*self._parts, *self._last)

    def __iter__(self) -> Iterator[tuple[str, VisitorPart]]:
        return iter([*self._parts.items(), *self._last.items()])

    def reset_all(self) -> dict[str, str]:
        """Reset every part; one that raises does not stop the rest. Returns the parts
        whose reset raised, with the exception's type (no message: it may hold data)."""
        failed = {}
        for name, part in self:
            try:
                part.reset()
            except Exception as exc:
                log.exception("resetting the visitor part %s failed", name)
                failed[name] = type(exc).__name__
        return failed

    def verify_all(self) -> dict[str, list[str]]:
        """Every part's leftovers by name; a check that raises counts as failed."""
        found: dict[str, list[str]] = {}
        for name, part in self:
            try:
                found[name] = list(part.verify())
            except Exception as exc:
                log.exception("checking the visitor part %s failed", name)
                found[name] = [f"the check itself failed ({type(exc).__name__})"]
        return found
