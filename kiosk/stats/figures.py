"""The released figures: a period's counters and help requests, as tables that passed the
privacy rules (:mod:`kiosk.stats.privacy`). The statistics page, its charts and every
export are drawn from one :class:`Report`, so they cannot disagree, and none of them can
show what the report hides.

Tables are keyed, not worded: ``Table.id``, row keys and column ids; the help desk's page
and files put them into words in the reader's language. A hidden figure is ``None``.
Sessions are sessions, never people. Pure Python: no Qt.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Final

from kiosk.helpdesk.model import Topic
from kiosk.stats import privacy
from kiosk.stats.events import Duration, EndReason, Outcome, ScreenLanguage
from kiosk.stats.metrics import Counts, Metric

Value = int | float | None

WEEKDAYS: Final = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
#: Guides with a funnel of their own in the report (the most opened ones).
FUNNEL_GUIDES: Final = 5
#: Help request outcomes and closings, in report order.
HELP_ENDS: Final = ("done", "partly", "not_done", "unreachable", "cancelled", "visitor_left")


@dataclass(frozen=True, slots=True)
class KioskDay:
    """One kiosk's counters of one day, as the help desk keeps them."""

    centre_id: int
    day: date
    counts: Counts


@dataclass(frozen=True, slots=True)
class HelpFact:
    """What the statistics use of one help request (already anonymised by the help desk):
    when it came (the centre's local time), its topic, how it ended, how long it waited
    and was handled, on site or remote, inside or outside staffed hours."""

    centre_id: int
    created: datetime
    topic: str
    end: str | None  # one of HELP_ENDS, None while open
    wait_s: float | None = None
    handling_s: float | None = None
    via: str | None = None  # "on_site" | "remote" | None (not known)
    outside_hours: bool | None = None  # None: the centre's hours are not set


@dataclass(frozen=True, slots=True)
class Period:
    start: date
    end: date  # inclusive

    def __post_init__(self) -> None:
        if self.end < self.start:
            raise ValueError("a period ends after it starts")

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1

    def dates(self) -> list[date]:
        return [self.start + timedelta(days=i) for i in range(self.days)]

    def __contains__(self, day: object) -> bool:
        return isinstance(day, date) and self.start <= day <= self.end


@dataclass(frozen=True, slots=True)
class Row:
    key: str
    values: tuple[Value, ...]


@dataclass(slots=True)
class Table:
    id: str
    #: What the rows are by (at most two, a centre split counting as one).
    dimensions: tuple[str, ...]
    columns: tuple[str, ...]
    rows: list[Row] = field(default_factory=list)
    #: The exact total of each column, where one is shown.
    total: tuple[Value, ...] | None = None
    #: Why the table is empty or pooled ("needs_a_month", "pooled", "no_data", ...).
    note: str | None = None
    #: For a per-guide table: the guide.
    guide: str | None = None

    def __post_init__(self) -> None:
        privacy.check_dimensions(self.id, self.dimensions)

    def value(self, key: str, column: str) -> Value:
        index = self.columns.index(column)
        for row in self.rows:
            if row.key == key:
                return row.values[index]
        raise KeyError(key)

    def to_json(self) -> dict[str, object]:
        return {
            "id": self.id,
            "dimensions": list(self.dimensions),
            "columns": list(self.columns),
            "rows": [{"key": r.key, "values": list(r.values)} for r in self.rows],
            "total": list(self.total) if self.total is not None else None,
            "note": self.note,
            "guide": self.guide,
        }


@dataclass(slots=True)
class Report:
    period: Period
    centres: tuple[str, ...]
    tables: list[Table]
    #: Kiosks that reported a day in the period (machines, not people).
    kiosks: int = 0

    def table(self, table_id: str, guide: str | None = None) -> Table:
        for table in self.tables:
            if table.id == table_id and table.guide == guide:
                return table
        raise KeyError(table_id)

    @property
    def empty(self) -> bool:
        """No session and no help request in the period."""
        summary = self.table("summary")
        return not summary.value("sessions", "value") and not summary.value(
            "help_requests", "value"
        )

    def to_json(self) -> dict[str, object]:
        return {
            "period": {"start": self.period.start.isoformat(), "end": self.period.end.isoformat()},
            "centres": list(self.centres),
            "kiosks": self.kiosks,
            "empty": self.empty,
            "tables": [t.to_json() for t in self.tables],
        }


# -- building a report ----------------------------------------------------------------------


def build(
    period: Period,
    centres: Mapping[int, str],
    days: Iterable[KioskDay],
    help_facts: Iterable[HelpFact],
    *,
    pooled_days: Iterable[KioskDay] = (),
    kiosks: int = 0,
) -> Report:
    """The report for the chosen ``centres`` (id -> name). ``pooled_days``: the same
    period for every centre the reader may see, for a heatmap that must be pooled."""
    chosen = [d for d in days if d.day in period]
    facts = [f for f in help_facts if f.created.date() in period]
    total = Counts()
    for day in chosen:
        total.merge(day.counts)
    # On site or remote is a question about requests someone resolved.
    resolved = [f for f in facts if f.end in ("done", "partly", "not_done", "unreachable")]
    tables = [
        _summary(total, facts),
        _per_day(period, chosen),
        _heatmap(period, chosen, [d for d in pooled_days if d.day in period]),
        _one_way("language", "language", total, Metric.SESSIONS_BY_LANGUAGE, ScreenLanguage),
        _one_way("duration", "duration", total, Metric.SESSIONS_BY_DURATION, Duration),
        _one_way("end_reason", "end_reason", total, Metric.SESSIONS_BY_END, EndReason),
        _one_way("outcome", "outcome", total, Metric.OUTCOME, Outcome),
        _guides(total),
        *_funnels(total),
        _help_topic(facts),
        _help_timing(facts),
        _help_split("help_end", "end", facts, HELP_ENDS, lambda f: f.end),
        _help_split("help_via", "via", resolved, ("on_site", "remote"), lambda f: f.via),
        _help_split(
            "help_hours",
            "staffed_hours",
            facts,
            ("inside", "outside"),
            lambda f: (
                None if f.outside_hours is None else ("outside" if f.outside_hours else "inside")
            ),
        ),
    ]
    if len(centres) > 1:
        tables.append(_per_centre(centres, chosen, facts))
    return Report(period, tuple(centres.values()), tables, kiosks)


def _summary(total: Counts, facts: list[HelpFact]) -> Table:
    sessions = total.get(Metric.SESSIONS)
    rows = [
        # Exact totals: what a funder reports. Subtotals of small groups stay hidden.
        Row("sessions", (sessions,)),
        Row(
            "sessions_with_guide",
            (privacy.hide_small_total(total.get(Metric.SESSIONS_WITH_GUIDE)),),
        ),
        Row(
            "sessions_with_help", (privacy.hide_small_total(total.get(Metric.SESSIONS_WITH_HELP)),)
        ),
        Row("help_requests", (len(facts),)),
        Row("outcome_answers", (privacy.hide_small_total(total.total(Metric.OUTCOME)),)),
    ]
    return Table("summary", (), ("value",), rows)


def _per_day(period: Period, days: list[KioskDay]) -> Table:
    per_day: Counter[date] = Counter()
    for day in days:
        per_day[day.day] += day.counts.get(Metric.SESSIONS)
    cells = {d: per_day.get(d, 0) for d in period.dates()}
    released = privacy.suppress(cells)
    rows = [Row(d.isoformat(), (released[d],)) for d in period.dates()]
    return Table("sessions_per_day", ("day",), ("sessions",), rows, (sum(cells.values()),))


def _grid(days: list[KioskDay]) -> Counter[tuple[str, int]]:
    grid: Counter[tuple[str, int]] = Counter()
    for day in days:
        weekday = WEEKDAYS[day.day.weekday()]
        for key, n in day.counts.items(Metric.SESSIONS_BY_HOUR):
            grid[weekday, int(key)] += n
    return grid


def _heatmap(period: Period, chosen: list[KioskDay], pooled: list[KioskDay]) -> Table:
    columns = tuple(str(h) for h in range(24))
    problem = privacy.heatmap_problem(period.days)
    if problem is not None:
        return Table("heatmap", ("weekday", "hour"), columns, note="needs_a_month")
    keys = [(w, h) for w in WEEKDAYS for h in range(24)]
    grid = _grid(chosen)
    note = None
    pooled_grid = _grid(pooled) if pooled else grid
    if not privacy.every_cell_large(grid, keys) and pooled_grid != grid:
        # A centre's own heatmap only when no cell of it is small: otherwise every centre
        # the reader may see, together.
        grid, note = pooled_grid, "pooled"
    hours = [h for h in range(24) if any(grid.get((w, h), 0) for w in WEEKDAYS)]
    if not hours:
        return Table("heatmap", ("weekday", "hour"), (), note="no_data")
    released = privacy.suppress_grid(grid, list(WEEKDAYS), hours)
    rows = [Row(w, tuple(released[w, h] for h in hours)) for w in WEEKDAYS]
    return Table("heatmap", ("weekday", "hour"), tuple(str(h) for h in hours), rows, note=note)


def _one_way(
    table_id: str, dimension: str, total: Counts, metric: Metric, values: Iterable[object]
) -> Table:
    cells = {
        str(getattr(v, "value", v)): total.get(metric, str(getattr(v, "value", v))) for v in values
    }
    sessions = total.get(Metric.SESSIONS)
    unknown = sessions - sum(cells.values())
    if unknown > 0:  # e.g. no answer to the question, or a session cut short
        cells["none"] = unknown
    released = privacy.suppress(cells)
    rows = [Row(k, (released[k],)) for k in cells]
    return Table(table_id, (dimension,), ("sessions",), rows, (sessions,))


def _guides(total: Counts) -> Table:
    opened = dict(total.items(Metric.GUIDE_OPENED))
    finished = dict(total.items(Metric.GUIDE_FINISHED))
    rows = []
    other = 0
    for guide, n in sorted(opened.items(), key=lambda kv: (-kv[1], kv[0])):
        if privacy.small(n):
            other += n  # a rarely opened guide is not named, only counted with the others
            continue
        done = privacy.hide_small_total(finished.get(guide, 0))
        rows.append(Row(guide, (n, done, privacy.share(done, n))))
    if other:
        shown = privacy.hide_small_total(other)
        rows.append(Row("other", (shown, None, None)))
    return Table("guides", ("guide",), ("opened", "finished", "finished_share"), rows)


def _funnels(total: Counts) -> list[Table]:
    opened = dict(total.items(Metric.GUIDE_OPENED))
    top = [
        g
        for g, n in sorted(opened.items(), key=lambda kv: (-kv[1], kv[0]))
        if n >= privacy.THRESHOLD
    ]
    tables = []
    for guide in top[:FUNNEL_GUIDES]:
        furthest: Counter[int] = Counter()
        checks_no: Counter[int] = Counter()
        for key, n in total.items(Metric.GUIDE_FURTHEST_STEP):
            g, step = key.split("|")
            if g == guide:
                furthest[int(step)] = n
        for key, n in total.items(Metric.CHECK_NO):
            g, step = key.split("|")
            if g == guide:
                checks_no[int(step)] = n
        steps = max([*furthest, *checks_no, 1])
        cells = {"0": opened[guide] - sum(furthest.values())}
        cells.update({str(s): furthest.get(s, 0) for s in range(1, steps + 1)})
        stopped = privacy.suppress(cells)
        rows = []
        for s in range(steps + 1):
            # Reached step s: everyone who opened it, less those who stopped before; shown
            # only when every figure it is worked out from is shown.
            before = [stopped[str(j)] for j in range(s)]
            reached: Value = None
            if all(v is not None for v in before):
                reached = opened[guide] - sum(v for v in before if v is not None)
            # (The guide's first page asks nothing: no "No" answers there.)
            no = privacy.hide_small_total(checks_no.get(s, 0)) if s else 0
            rows.append(Row(str(s), (reached if s else opened[guide], stopped[str(s)], no)))
        tables.append(
            Table(
                "funnel",
                ("step",),
                ("reached", "stopped", "check_no"),
                rows,
                (None, opened[guide], None),  # "stopped" adds up to those who opened it
                guide=guide,
            )
        )
    return tables


def _help_topic(facts: list[HelpFact]) -> Table:
    cells = {t.value: 0 for t in Topic}
    for fact in facts:
        cells[fact.topic] = cells.get(fact.topic, 0) + 1
    released = privacy.suppress(cells)
    rows = [Row(k, (released[k],)) for k in cells]
    return Table("help_topic", ("topic",), ("requests",), rows, (len(facts),))


def _help_timing(facts: list[HelpFact]) -> Table:
    waits = [f.wait_s / 60 for f in facts if f.wait_s is not None]
    handling = [f.handling_s / 60 for f in facts if f.handling_s is not None]
    rows = []
    for key, values in (("wait", waits), ("handling", handling)):
        median = privacy.median(values)
        p90 = privacy.percentile(values, 0.9)
        rows.append(
            Row(
                key,
                (
                    len(values),
                    None if median is None else round(median, 1),
                    None if p90 is None else round(p90, 1),
                ),
            )
        )
    return Table("help_timing", ("time",), ("requests", "median_min", "p90_min"), rows)


def _help_split(
    table_id: str,
    dimension: str,
    facts: list[HelpFact],
    keys: Sequence[str],
    of: Callable[[HelpFact], str | None],
) -> Table:
    cells = dict.fromkeys(keys, 0)
    for fact in facts:
        value = of(fact)
        key = value if value in cells else "none"  # open, or not known
        cells[key] = cells.get(key, 0) + 1
    released = privacy.suppress(cells)
    rows = [Row(k, (released[k],)) for k in cells]
    return Table(table_id, (dimension,), ("requests",), rows, (len(facts),))


def _per_centre(centres: Mapping[int, str], days: list[KioskDay], facts: list[HelpFact]) -> Table:
    sessions: Counter[int] = Counter()
    requests: Counter[int] = Counter()
    for day in days:
        sessions[day.centre_id] += day.counts.get(Metric.SESSIONS)
    for fact in facts:
        requests[fact.centre_id] += 1
    ids = sorted(centres, key=lambda c: centres[c])
    released_sessions = privacy.suppress({c: sessions[c] for c in ids})
    released_requests = privacy.suppress({c: requests[c] for c in ids})
    rows = [Row(centres[c], (released_sessions[c], released_requests[c])) for c in ids]
    return Table(
        "per_centre",
        ("centre",),
        ("sessions", "requests"),
        rows,
        (sum(sessions.values()), sum(requests.values())),
    )
