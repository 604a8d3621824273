"""The kiosk's statistics events: a closed set of types whose fields cannot carry a visitor.

Every field of every event is one of a few closed types: an enum member (language, end
reason, duration bucket, answer, help topic, outcome), a small bounded number (the hour of
the day, a step number) or a :class:`GuideRef`, which only a :class:`GuideCatalogue` made
from the kiosk's own guides can hand out. There is no field of type ``str``, ``datetime``
or ``dict``: a URL, typed text, a personal identity code, a name, an IP address or an
exact time has nowhere to go. The constructors check their fields' types at run time as
well (a caller that ignores the type checker gets :class:`ForbiddenValueError`), and the
dataclasses are frozen with slots, so nothing can be added afterwards.

Pure Python: no Qt.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, fields
from enum import Enum, StrEnum
from typing import Any, ClassVar, Final

from kiosk.helpdesk.model import Topic
from kiosk.languages import UI_LANGUAGES

#: Steps beyond this are counted as this (no guide comes near it).
MAX_STEP: Final = 60

#: A guide id the statistics accept: small letters, digits and single hyphens, starting
#: with a letter, with no run of four digits or more (a date of birth, a phone number or
#: an identity code cannot pass for a guide), at most 60 characters.
GUIDE_ID = re.compile(r"^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$")
_DIGIT_RUN = re.compile(r"[0-9]{4}")
MAX_GUIDE_ID_LEN: Final = 60


class ForbiddenValueError(TypeError):
    """A value that no statistics event may hold (wrong type, or outside its closed set)."""


class ScreenLanguage(StrEnum):
    """The language of the kiosk's screens (the closed table of ``kiosk.languages``)."""

    FI = "fi"
    SV = "sv"
    EN = "en"
    RU = "ru"
    UK = "uk"
    ET = "et"
    SO = "so"
    AR = "ar"


assert tuple(ScreenLanguage) == UI_LANGUAGES, "keep ScreenLanguage in step with kiosk.languages"


class EndReason(StrEnum):
    """How a session ended."""

    ENDED = "ended"  # the visitor pressed "End session"
    IDLE = "idle"  # nobody touched the kiosk until the countdown ran out
    CLOSING = "closing"  # the kiosk shut down (or lost power) during the session


class Duration(StrEnum):
    """How long a session lasted, in buckets (never the exact time)."""

    UNDER_5 = "0-5"
    UNDER_15 = "5-15"
    UNDER_30 = "15-30"
    UNDER_60 = "30-60"
    OVER_60 = "60+"
    UNKNOWN = "unknown"  # the kiosk stopped during the session

    @classmethod
    def of_seconds(cls, seconds: float) -> Duration:
        minutes = max(0.0, seconds) / 60
        for limit, bucket in ((5, cls.UNDER_5), (15, cls.UNDER_15), (30, cls.UNDER_30)):
            if minutes < limit:
                return bucket
        return cls.UNDER_60 if minutes < 60 else cls.OVER_60


class CheckAnswer(StrEnum):
    """The visitor's answer to a step's "Do you see … on the screen?"."""

    YES = "yes"
    NO = "no"


class Outcome(StrEnum):
    """ "Did you get it done?" at the end of a session."""

    YES = "yes"
    PARTLY = "partly"
    NO = "no"


class Hour(int):
    """The hour of the day a session started, 0–23 (the kiosk's local time)."""

    def __new__(cls, value: int) -> Hour:
        if type(value) is not int and not isinstance(value, Hour):
            raise ForbiddenValueError("an hour is a whole number")
        if not 0 <= value <= 23:
            raise ForbiddenValueError("an hour is between 0 and 23")
        return super().__new__(cls, value)


class Step(int):
    """A step of a guide, counted from 1 (steps past :data:`MAX_STEP` count as it)."""

    def __new__(cls, value: int) -> Step:
        if type(value) is not int and not isinstance(value, Step):
            raise ForbiddenValueError("a step is a whole number")
        if value < 1:
            raise ForbiddenValueError("steps are counted from 1")
        return super().__new__(cls, min(value, MAX_STEP))


def valid_guide_id(text: object) -> str:
    """``text`` if it can be a guide's id in the statistics; ForbiddenValueError if not."""
    if not isinstance(text, str) or type(text) is not str:
        raise ForbiddenValueError("a guide id is text")
    if (
        len(text) > MAX_GUIDE_ID_LEN
        or not GUIDE_ID.fullmatch(text)
        or _DIGIT_RUN.search(text) is not None
    ):
        raise ForbiddenValueError("not a guide id the statistics accept")
    return text


_MINT: Final = object()


class GuideRef:
    """A guide the kiosk really has. Made only by :class:`GuideCatalogue` (or, on the help
    desk, by :meth:`from_wire`, which checks the id's form): never from what a visitor did."""

    __slots__ = ("id",)
    id: str

    def __init__(self, guide_id: str, *, _mint: object = None) -> None:
        if _mint is not _MINT:
            raise ForbiddenValueError("a GuideRef comes from a GuideCatalogue")
        object.__setattr__(self, "id", valid_guide_id(guide_id))

    def __setattr__(self, name: str, value: object) -> None:
        raise AttributeError("a GuideRef cannot be changed")

    @classmethod
    def from_wire(cls, guide_id: object) -> GuideRef:
        """A guide id that came back from storage or an upload (its form checked)."""
        return cls(valid_guide_id(guide_id), _mint=_MINT)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, GuideRef) and other.id == self.id

    def __hash__(self) -> int:
        return hash(("guide", self.id))

    def __lt__(self, other: GuideRef) -> bool:
        return self.id < other.id

    def __repr__(self) -> str:
        return f"GuideRef({self.id!r})"


class GuideCatalogue:
    """The guides this kiosk has loaded: the only source of :class:`GuideRef` on a kiosk.

    A guide whose id the statistics do not accept (see :func:`valid_guide_id`) is left
    out: it is not counted, and :attr:`refused` names it for the admin view's log.
    """

    def __init__(self, guide_ids: Iterable[str]) -> None:
        self._refs: dict[str, GuideRef] = {}
        self.refused: list[str] = []
        for guide_id in guide_ids:
            try:
                self._refs[guide_id] = GuideRef(guide_id, _mint=_MINT)
            except ForbiddenValueError:
                self.refused.append(str(guide_id)[:MAX_GUIDE_ID_LEN])

    def ref(self, guide_id: str) -> GuideRef | None:
        """The guide's ref, or None if this kiosk has no such guide."""
        return self._refs.get(guide_id) if isinstance(guide_id, str) else None

    def __contains__(self, guide_id: object) -> bool:
        return isinstance(guide_id, str) and guide_id in self._refs


#: The only types a field of an event may have.
FIELD_TYPES: Final[tuple[type, ...]] = (
    ScreenLanguage,
    EndReason,
    Duration,
    CheckAnswer,
    Outcome,
    Topic,
    Hour,
    Step,
    GuideRef,
)


class Event:
    """Base of the closed set of events (see :data:`EVENT_TYPES`)."""

    __slots__ = ()
    #: The name of the event in the session's journal.
    kind: ClassVar[str]

    def __post_init__(self) -> None:
        for f in fields(self):  # type: ignore[arg-type]
            value = getattr(self, f.name)
            wanted = _FIELD_CLASSES[type(self)][f.name]
            if type(value) is not wanted:
                raise ForbiddenValueError(
                    f"{type(self).__name__}.{f.name} must be a {wanted.__name__}, "
                    f"not a {type(value).__name__}"
                )

    def to_wire(self) -> dict[str, Any]:
        out: dict[str, Any] = {"kind": self.kind}
        for f in fields(self):  # type: ignore[arg-type]
            value = getattr(self, f.name)
            out[f.name] = value.id if isinstance(value, GuideRef) else _plain(value)
        return out


def _plain(value: object) -> str | int:
    if isinstance(value, Enum):
        return str(value.value)
    return int(value)  # type: ignore[call-overload]


@dataclass(frozen=True, slots=True)
class SessionStarted(Event):
    kind: ClassVar[str] = "session_started"
    hour: Hour


@dataclass(frozen=True, slots=True)
class SessionEnded(Event):
    kind: ClassVar[str] = "session_ended"
    reason: EndReason
    duration: Duration
    language: ScreenLanguage


@dataclass(frozen=True, slots=True)
class GuideOpened(Event):
    kind: ClassVar[str] = "guide_opened"
    guide: GuideRef


@dataclass(frozen=True, slots=True)
class StepReached(Event):
    kind: ClassVar[str] = "step_reached"
    guide: GuideRef
    step: Step


@dataclass(frozen=True, slots=True)
class GuideFinished(Event):
    kind: ClassVar[str] = "guide_finished"
    guide: GuideRef


@dataclass(frozen=True, slots=True)
class CheckAnswered(Event):
    kind: ClassVar[str] = "check_answered"
    guide: GuideRef
    step: Step
    answer: CheckAnswer


@dataclass(frozen=True, slots=True)
class HelpRequested(Event):
    kind: ClassVar[str] = "help_requested"
    topic: Topic


@dataclass(frozen=True, slots=True)
class OutcomeAnswered(Event):
    kind: ClassVar[str] = "outcome_answered"
    outcome: Outcome


#: Every kind of event there is.
EVENT_TYPES: Final[dict[str, type[Event]]] = {
    cls.kind: cls
    for cls in (
        SessionStarted,
        SessionEnded,
        GuideOpened,
        StepReached,
        GuideFinished,
        CheckAnswered,
        HelpRequested,
        OutcomeAnswered,
    )
}

_CLASSES_BY_NAME: Final = {cls.__name__: cls for cls in FIELD_TYPES}
_FIELD_CLASSES: Final[dict[type[Event], dict[str, type[Any]]]] = {
    cls: {f.name: _CLASSES_BY_NAME[str(f.type)] for f in fields(cls)}  # type: ignore[arg-type]
    for cls in EVENT_TYPES.values()
}


def from_wire(data: object) -> Event:
    """An event read back from the journal; ForbiddenValueError if it is not one."""
    if not isinstance(data, dict):
        raise ForbiddenValueError("an event is a mapping")
    cls = EVENT_TYPES.get(data.get("kind"))  # type: ignore[arg-type]
    if cls is None:
        raise ForbiddenValueError("not a kind of event")
    wanted = _FIELD_CLASSES[cls]
    if set(data) != {"kind", *wanted}:
        raise ForbiddenValueError(f"{cls.__name__} has other fields")
    values: dict[str, Any] = {}
    for name, field_cls in wanted.items():
        raw = data[name]
        try:
            if field_cls is GuideRef:
                values[name] = GuideRef.from_wire(raw)
            elif issubclass(field_cls, Enum):
                values[name] = field_cls(raw)
            else:
                if type(raw) is not int:
                    raise ForbiddenValueError(f"{name} must be a whole number")
                values[name] = field_cls(raw)
        except ValueError as exc:
            raise ForbiddenValueError(f"{cls.__name__}.{name}: not one of its values") from exc
    return cls(**values)
