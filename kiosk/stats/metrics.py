"""Daily counters: what one kiosk counted on one day, and how a session is folded into them.

A day's counters are a closed set of metrics (:class:`Metric`), each counted by at most two
dimensions (an hour, a language, a guide and a step, …): never three, so no three-way
cross-table can be made from them. Keys are the dimensions' values joined by ``|``
(``"kela-basic-assistance|3"``), the empty string for a plain count. Zero counts are left
out.

The kiosk and the help desk share this module: the kiosk folds each session's events into
its day (:func:`fold_session`), the help desk checks an upload with :func:`validate` before
it keeps it (closed metrics, well-formed keys, bounded counts, totals that agree).

Pure Python: no Qt.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from enum import Enum, StrEnum
from typing import Any, Final

from kiosk.helpdesk.model import Topic
from kiosk.stats.events import (
    CheckAnswer,
    CheckAnswered,
    Duration,
    EndReason,
    Event,
    ForbiddenValueError,
    GuideFinished,
    GuideOpened,
    GuideRef,
    HelpRequested,
    Hour,
    Outcome,
    OutcomeAnswered,
    ScreenLanguage,
    SessionEnded,
    SessionStarted,
    Step,
    StepReached,
)

#: More than this in one counter of one kiosk's day is not a kiosk's count.
MAX_COUNT: Final = 5000
#: More keys than this in one day of one kiosk is not a kiosk's day either.
MAX_KEYS: Final = 4000


class Metric(StrEnum):
    SESSIONS = "sessions"
    SESSIONS_BY_HOUR = "sessions_by_hour"
    SESSIONS_BY_LANGUAGE = "sessions_by_language"
    SESSIONS_BY_DURATION = "sessions_by_duration"
    SESSIONS_BY_END = "sessions_by_end"
    SESSIONS_WITH_GUIDE = "sessions_with_guide"
    SESSIONS_WITH_HELP = "sessions_with_help"
    GUIDE_OPENED = "guide_opened"  # sessions that opened the guide
    GUIDE_FURTHEST_STEP = "guide_furthest_step"  # sessions whose furthest step it was
    GUIDE_FINISHED = "guide_finished"  # sessions that reached the guide's end
    CHECK_YES = "check_yes"  # "Do you see …?" answered yes (last answer of a session)
    CHECK_NO = "check_no"
    HELP_TOPIC = "help_topic"  # help requests
    OUTCOME = "outcome"  # "Did you get it done?"


#: The dimensions of each metric, in key order. At most two each (no three-way tables).
DIMENSIONS: Final[dict[Metric, tuple[type[Any], ...]]] = {
    Metric.SESSIONS: (),
    Metric.SESSIONS_BY_HOUR: (Hour,),
    Metric.SESSIONS_BY_LANGUAGE: (ScreenLanguage,),
    Metric.SESSIONS_BY_DURATION: (Duration,),
    Metric.SESSIONS_BY_END: (EndReason,),
    Metric.SESSIONS_WITH_GUIDE: (),
    Metric.SESSIONS_WITH_HELP: (),
    Metric.GUIDE_OPENED: (GuideRef,),
    Metric.GUIDE_FURTHEST_STEP: (GuideRef, Step),
    Metric.GUIDE_FINISHED: (GuideRef,),
    Metric.CHECK_YES: (GuideRef, Step),
    Metric.CHECK_NO: (GuideRef, Step),
    Metric.HELP_TOPIC: (Topic,),
    Metric.OUTCOME: (Outcome,),
}

Key = tuple[object, ...]


class Counts:
    """A day's (or a session's) counters: metric -> key -> count, zeros left out."""

    __slots__ = ("_data",)

    def __init__(self, data: Mapping[Metric, Mapping[str, int]] | None = None) -> None:
        self._data: dict[Metric, Counter[str]] = {m: Counter() for m in Metric}
        for metric, keys in (data or {}).items():
            for key, count in keys.items():
                self.add(metric, key, count)

    def add(self, metric: Metric, key: str | Key = "", count: int = 1) -> None:
        text = key if isinstance(key, str) else encode_key(key)
        if count:
            self._data[metric][text] += count

    def get(self, metric: Metric, key: str | Key = "") -> int:
        text = key if isinstance(key, str) else encode_key(key)
        return self._data[metric].get(text, 0)

    def items(self, metric: Metric) -> list[tuple[str, int]]:
        return sorted((k, n) for k, n in self._data[metric].items() if n)

    def total(self, metric: Metric) -> int:
        return sum(self._data[metric].values())

    def merge(self, other: Counts) -> None:
        for metric in Metric:
            self._data[metric].update(other._data[metric])

    def to_wire(self) -> dict[str, dict[str, int]]:
        return {m.value: dict(self.items(m)) for m in Metric if self._data[m]}

    @classmethod
    def from_wire(cls, data: object) -> Counts:
        """Counts from storage or an upload, checked by :func:`validate`."""
        counts = cls()
        for problem in validate(data, counts):
            raise ForbiddenValueError(problem)
        return counts

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Counts) and self.to_wire() == other.to_wire()

    __hash__ = None  # type: ignore[assignment]  # mutable: not a dict key

    def __repr__(self) -> str:
        return f"Counts({self.to_wire()!r})"

    def __bool__(self) -> bool:
        return any(self._data[m] for m in Metric)


def encode_key(parts: Iterable[object]) -> str:
    out = []
    for part in parts:
        if isinstance(part, GuideRef):
            out.append(part.id)
        elif isinstance(part, Enum):
            out.append(str(part.value))
        else:
            out.append(str(int(part)))  # type: ignore[call-overload]
    return "|".join(out)


def decode_key(metric: Metric, key: object) -> Key:
    """The dimension values of ``key``; ForbiddenValueError if it is not one of them."""
    if not isinstance(key, str):
        raise ForbiddenValueError("a key is text")
    dims = DIMENSIONS[metric]
    parts = key.split("|") if dims else ([] if key == "" else [key])
    if len(parts) != len(dims):
        raise ForbiddenValueError(f"{metric.value}: a key has {len(dims)} part(s)")
    values: list[object] = []
    for dim, part in zip(dims, parts, strict=True):
        try:
            if dim is GuideRef:
                values.append(GuideRef.from_wire(part))
            elif issubclass(dim, Enum):
                values.append(dim(part))
            else:
                if not part.isdigit() or len(part) > 3:
                    raise ForbiddenValueError("not a number")
                values.append(dim(int(part)))
        except (ValueError, ForbiddenValueError) as exc:
            # Never the value itself: it may be what must not be kept (a URL, a name).
            raise ForbiddenValueError(f"{metric.value}: a key that is not a value") from exc
    return tuple(values)


def validate(data: object, into: Counts | None = None) -> list[str]:
    """What is wrong with counters from an upload or a file (empty: nothing).

    Closed metrics, keys of the right form, whole counts between 1 and :data:`MAX_COUNT`,
    and totals that agree (every session has one hour, one end and one duration; no guide
    is opened by more sessions than opened a guide, …). Good counts go ``into``.
    """
    if not isinstance(data, dict):
        return ["counters must be a mapping of metric to counts"]
    problems: list[str] = []
    counts = into if into is not None else Counts()
    keys = 0
    for name, entries in data.items():
        try:
            metric = Metric(name)
        except ValueError:
            problems.append("a counter that is not a metric")
            continue
        if not isinstance(entries, dict):
            problems.append(f"{metric.value}: counts must be a mapping")
            continue
        for key, count in entries.items():
            keys += 1
            try:
                decode_key(metric, key)
            except ForbiddenValueError as exc:
                problems.append(str(exc))
                continue
            if type(count) is not int or not 1 <= count <= MAX_COUNT:
                problems.append(f"{metric.value}: a count must be a whole number 1–{MAX_COUNT}")
                continue
            counts.add(metric, key, count)
    if keys > MAX_KEYS:
        problems.append(f"more than {MAX_KEYS} counters in one day")
    if not problems:
        problems.extend(_disagreements(counts))
    return problems


def _disagreements(c: Counts) -> list[str]:
    found = []
    sessions = c.total(Metric.SESSIONS)
    for metric in (Metric.SESSIONS_BY_HOUR, Metric.SESSIONS_BY_END, Metric.SESSIONS_BY_DURATION):
        if c.total(metric) != sessions:
            found.append(f"{metric.value} does not add up to the sessions")
    for metric in (
        Metric.SESSIONS_BY_LANGUAGE,
        Metric.SESSIONS_WITH_GUIDE,
        Metric.SESSIONS_WITH_HELP,
        Metric.OUTCOME,
    ):
        if c.total(metric) > sessions:
            found.append(f"{metric.value} is more than the sessions")
    with_guide = c.get(Metric.SESSIONS_WITH_GUIDE)
    furthest: Counter[str] = Counter()
    for key, n in c.items(Metric.GUIDE_FURTHEST_STEP):
        furthest[key.split("|")[0]] += n
    for key, n in c.items(Metric.GUIDE_OPENED):
        if n > with_guide:
            found.append(f"guide_opened {key} is more than the sessions with a guide")
    for metric, per_guide in (
        (Metric.GUIDE_FINISHED, Counter(dict(c.items(Metric.GUIDE_FINISHED)))),
        (Metric.GUIDE_FURTHEST_STEP, furthest),
    ):
        for guide, n in per_guide.items():
            if n > c.get(Metric.GUIDE_OPENED, guide):
                found.append(f"{metric.value} {guide} is more than the sessions that opened it")
    return found


def fold_session(events: Iterable[Event]) -> Counts:
    """One session's events as counters (each session counts once per figure).

    A session whose end was not recorded (the kiosk stopped) counts as ended by closing,
    of unknown duration and language. Events without a start are not a session: nothing.
    """
    started: SessionStarted | None = None
    ended: SessionEnded | None = None
    opened: set[GuideRef] = set()
    furthest: dict[GuideRef, int] = {}
    finished: set[GuideRef] = set()
    checks: dict[tuple[GuideRef, Step], CheckAnswer] = {}
    topics: Counter[Topic] = Counter()
    outcome: Outcome | None = None
    for event in events:
        match event:
            case SessionStarted():
                started = started or event
            case SessionEnded():
                ended = event
            case GuideOpened(guide=guide):
                opened.add(guide)
            case StepReached(guide=guide, step=step):
                opened.add(guide)
                furthest[guide] = max(furthest.get(guide, 0), int(step))
            case GuideFinished(guide=guide):
                opened.add(guide)
                finished.add(guide)
            case CheckAnswered(guide=guide, step=step, answer=answer):
                opened.add(guide)
                checks[guide, step] = answer
            case HelpRequested(topic=topic):
                topics[topic] += 1
            case OutcomeAnswered(outcome=answer):
                outcome = answer
    counts = Counts()
    if started is None:
        return counts
    counts.add(Metric.SESSIONS)
    counts.add(Metric.SESSIONS_BY_HOUR, (started.hour,))
    counts.add(Metric.SESSIONS_BY_END, (ended.reason if ended else EndReason.CLOSING,))
    counts.add(Metric.SESSIONS_BY_DURATION, (ended.duration if ended else Duration.UNKNOWN,))
    if ended is not None:
        counts.add(Metric.SESSIONS_BY_LANGUAGE, (ended.language,))
    if opened:
        counts.add(Metric.SESSIONS_WITH_GUIDE)
    for guide in opened:
        counts.add(Metric.GUIDE_OPENED, (guide,))
    for guide, furthest_step in furthest.items():
        counts.add(Metric.GUIDE_FURTHEST_STEP, (guide, Step(furthest_step)))
    for guide in finished:
        counts.add(Metric.GUIDE_FINISHED, (guide,))
    for (guide, step), answer in checks.items():
        metric = Metric.CHECK_YES if answer is CheckAnswer.YES else Metric.CHECK_NO
        counts.add(metric, (guide, step))
    if topics:
        counts.add(Metric.SESSIONS_WITH_HELP)
    for topic, n in topics.items():
        counts.add(Metric.HELP_TOPIC, (topic,), n)
    if outcome is not None:
        counts.add(Metric.OUTCOME, (outcome,))
    return counts
