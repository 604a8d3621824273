"""The statistics' endpoints: a kiosk's daily counters in, figures, charts and files out.

* ``PUT /api/v1/kiosk/stats/days/{day}`` (device token): one kiosk's counters of one
  finished day with its revision. The kiosk and its centre come from the token; the
  newest revision replaces the one kept (sending it again changes nothing). A day in the
  future, older than :data:`MAX_AGE_DAYS`, or counters that are not a kiosk's are refused.
* ``GET /api/v1/staff/stats`` (signed-in staff, their centres only): the released report
  for a period and centres, in words, with a Vega-Lite chart per table.
* ``GET /api/v1/staff/stats/export.{csv,xlsx,pdf}`` and ``…/charts/{table}.{svg,png,pdf}``.
* ``GET``/``PUT /api/v1/staff/stats/hours``: the centres' staffed hours.
* ``GET /staff/statistics``: the page (its scripts and the vendored Vega libraries are
  served from this package: no CDN).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import date, timedelta
from importlib import resources
from typing import Annotated, Any
from zoneinfo import ZoneInfo

from fastapi import APIRouter, Depends, HTTPException, Query, Request, Response
from fastapi.responses import FileResponse, HTMLResponse
from pydantic import BaseModel, ConfigDict, Field
from starlette.concurrency import run_in_threadpool

from kiosk.helpdesk.server import stats_charts, stats_labels
from kiosk.helpdesk.server.accounts import StaffSession
from kiosk.helpdesk.server.api_kiosk import KioskDep
from kiosk.helpdesk.server.deps import Helpdesk, HelpdeskDep, requires
from kiosk.helpdesk.server.guide_titles import guide_titles
from kiosk.helpdesk.server.labels import pick_language
from kiosk.helpdesk.server.roles import Permission
from kiosk.helpdesk.server.settings import STAFF_LANGUAGES
from kiosk.helpdesk.server.stats_export import Words, to_csv, to_xlsx
from kiosk.helpdesk.server.stats_store import StatsStore
from kiosk.stats import hours as hours_mod
from kiosk.stats.figures import Period, Report, build
from kiosk.stats.metrics import Counts, validate

router = APIRouter(prefix="/api/v1", tags=["statistics"])
page_router = APIRouter(include_in_schema=False)

#: Statistics are for coordinators (the role that may view them), of their own centres.
ViewerDep = Annotated[StaffSession, Depends(requires(Permission.VIEW_STATISTICS))]
ViewerChangeDep = Annotated[
    StaffSession, Depends(requires(Permission.VIEW_STATISTICS, changes_state=True))
]

#: A kiosk keeps unsent days this long; older ones are refused here too.
MAX_AGE_DAYS = 400
#: The longest period one report covers.
MAX_PERIOD_DAYS = 731
_STATIC = resources.files("kiosk.helpdesk.server") / "static" / "statistics"
_FILE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]*\.(js|css|txt)$")
EXPORTS = {
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "pdf": "application/pdf",
}


def _files(folder: Any) -> frozenset[str]:
    return frozenset(p.name for p in folder.iterdir() if p.is_file() and _FILE.match(p.name))


STATIC_FILES = _files(_STATIC)
VENDOR_FILES = _files(_STATIC / "vendor")


def zone(state: Helpdesk) -> ZoneInfo:
    """The centres' time zone (the help desk's ``timezone`` setting)."""
    return ZoneInfo(state.settings.timezone)


def stats_store(state: Helpdesk) -> StatsStore:
    return StatsStore(state.store, zone(state))


# -- the kiosk's upload ----------------------------------------------------------------------


class DayIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    revision: int = Field(ge=1, le=10**9, description="Grows with every session folded in.")
    counts: dict[str, dict[str, int]] = Field(description="metric -> key -> count")


@router.put(
    "/kiosk/stats/days/{day}",
    tags=["kiosk"],
    summary="One finished day's counters of this kiosk (the newest revision is kept)",
)
async def put_day(day: date, body: DayIn, kiosk: KioskDep, state: HelpdeskDep) -> dict[str, Any]:
    store = stats_store(state)
    today = store.today()
    if day > today + timedelta(days=1):
        raise HTTPException(422, "that day is in the future")
    if day < today - timedelta(days=MAX_AGE_DAYS):
        raise HTTPException(422, f"days older than {MAX_AGE_DAYS} days are not kept")
    counts = Counts()
    problems = validate(body.counts, counts)
    if problems:
        # The problems name metrics and rules, never more than 40 characters of a value.
        raise HTTPException(
            422, {"detail": "these are not a kiosk's counters", "problems": problems[:10]}
        )
    kept = await run_in_threadpool(store.keep_day, kiosk, day, body.revision, counts)
    return {"day": day.isoformat(), "revision": kept.revision, "replaced": kept.replaced}


# -- what staff see -----------------------------------------------------------------------------


def _centres(session: StaffSession, state: Helpdesk, asked: list[int]) -> dict[int, str]:
    """The centres asked for (all of the member's when none), refused unless theirs."""
    allowed = {
        ident: name
        for ident, name in state.store.centres()
        if session.staff.centre_ids is None or ident in session.staff.centre_ids
    }
    if not asked:
        return allowed
    if not set(asked) <= set(allowed):
        raise HTTPException(403, "not your centre")
    return {c: allowed[c] for c in sorted(set(asked), key=lambda c: allowed[c])}


def _period(start: date | None, end: date | None, today: date) -> Period:
    if start is None and end is None:  # last month
        end = today.replace(day=1) - timedelta(days=1)
        start = end.replace(day=1)
    start = start or (end or today) - timedelta(days=30)
    end = end or today
    if end < start or (end - start).days >= MAX_PERIOD_DAYS:
        raise HTTPException(422, "the period must end after it starts and be at most two years")
    return Period(start, end)


def _language(request: Request, state: Helpdesk, asked: str | None) -> str:
    if asked in STAFF_LANGUAGES:
        return str(asked)
    return pick_language(request.headers.get("accept-language"), state.settings.language)


Centres = Annotated[list[int], Query(alias="centre")]


@dataclass(frozen=True, slots=True)
class Asked:
    """What a report is asked for: a period, centres (none: all of the reader's), words."""

    start: date | None
    end: date | None
    centre: list[int]
    lang: str | None


async def asked(
    start: date | None = None,
    end: date | None = None,
    centre: Centres = [],  # noqa: B006 - FastAPI's query list
    lang: str | None = None,
) -> Asked:
    return Asked(start, end, centre, lang)


AskedDep = Annotated[Asked, Depends(asked)]


async def _report_in_words(
    request: Request, session: StaffSession, state: Helpdesk, ask: Asked
) -> tuple[Report, Words]:
    """The released report asked for, and the words to show it in."""
    store = stats_store(state)

    def make() -> tuple[Report, Words]:
        centres = _centres(session, state, ask.centre)
        period = _period(ask.start, ask.end, store.today())
        ids = frozenset(centres)
        everyone = frozenset(_centres(session, state, []))
        report = build(
            period,
            centres,
            store.days(ids, period),
            store.help_facts(ids, period),
            pooled_days=store.days(everyone, period) if everyone != ids else (),
            kiosks=store.kiosks_reporting(ids, period),
        )
        return report, _words(_language(request, state, ask.lang))

    return await run_in_threadpool(make)


def _words(language: str) -> Words:
    return Words(stats_labels.LABELS[language], guide_titles(language))


def _rendered(report: Report, words: Words) -> list[dict[str, Any]]:
    """The tables in words, for the page (which only puts them on screen)."""
    out = []
    for table in report.tables:
        out.append(
            {
                "key": stats_charts.key_of(table),
                "id": table.id,
                "title": words.table(table),
                "note": words.words.get(f"n_{table.note}") if table.note else None,
                "row_heading": stats_labels.dimension_label(words.words, table),
                "columns": [words.column(table, c) for c in table.columns],
                "rows": [
                    {"label": words.row(table, r.key), "values": list(r.values)} for r in table.rows
                ],
                "total": list(table.total) if table.total is not None else None,
            }
        )
    return out


def _charts(report: Report, words: Words) -> dict[str, dict[str, Any]] | None:
    try:
        return stats_charts.specs(report, words.words, words.titles)
    except stats_charts.ChartsUnavailableError:
        return None


@router.get("/staff/stats", tags=["staff"], summary="The released figures for a period")
async def statistics(
    *,
    request: Request,
    session: ViewerDep,
    state: HelpdeskDep,
    ask: AskedDep,
) -> dict[str, Any]:
    report, words = await _report_in_words(request, session, state, ask)
    charts = await run_in_threadpool(_charts, report, words)
    return {
        **report.to_json(),
        "rendered": _rendered(report, words),
        "charts": charts,
        "charts_missing": charts is None,
    }


def _filename(report: Report, extension: str) -> str:
    return f"digituki-statistics-{report.period.start}-{report.period.end}.{extension}"


@router.get("/staff/stats/export.{extension}", tags=["staff"], summary="CSV, XLSX or PDF")
async def export(
    extension: str,
    *,
    request: Request,
    session: ViewerDep,
    state: HelpdeskDep,
    ask: AskedDep,
) -> Response:
    if extension not in EXPORTS:
        raise HTTPException(404, "no such file kind")
    report, words = await _report_in_words(request, session, state, ask)
    generated = state.store.clock().astimezone(zone(state)).strftime("%Y-%m-%d %H:%M")

    def make() -> bytes:
        if extension == "csv":
            return to_csv(report, words, generated)
        if extension == "xlsx":
            return to_xlsx(report, words, generated)
        from kiosk.helpdesk.server.stats_pdf import to_pdf  # noqa: PLC0415 - the stats extra

        charts = stats_charts.specs(report, words.words, words.titles)
        return to_pdf(report, words, charts, generated)

    try:
        data = await run_in_threadpool(make)
    except (ImportError, stats_charts.ChartsUnavailableError):
        raise HTTPException(503, words.words["charts_missing"]) from None
    return Response(
        data,
        media_type=EXPORTS[extension],
        headers={"Content-Disposition": f'attachment; filename="{_filename(report, extension)}"'},
    )


@router.get("/staff/stats/charts/{name}.{fmt}", tags=["staff"], summary="One chart as SVG/PNG/PDF")
async def chart(
    name: str,
    fmt: str,
    *,
    request: Request,
    session: ViewerDep,
    state: HelpdeskDep,
    ask: AskedDep,
) -> Response:
    if fmt not in stats_charts.FORMATS:
        raise HTTPException(404, "no such chart format")
    report, words = await _report_in_words(request, session, state, ask)
    try:
        specs = await run_in_threadpool(stats_charts.specs, report, words.words, words.titles)
        if name not in specs:
            raise HTTPException(404, "no such chart for this period")
        data = await run_in_threadpool(stats_charts.render, specs[name], fmt)
    except stats_charts.ChartsUnavailableError:
        raise HTTPException(503, words.words["charts_missing"]) from None
    return Response(data, media_type=stats_charts.FORMATS[fmt])


# -- staffed hours ------------------------------------------------------------------------------


class HoursIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    hours: str = Field(max_length=hours_mod.MAX_TEXT)


@router.get("/staff/stats/hours", tags=["staff"], summary="The centres' staffed hours")
async def staffed_hours(session: ViewerDep, state: HelpdeskDep) -> list[dict[str, Any]]:
    def gather() -> list[dict[str, Any]]:
        centres = _centres(session, state, [])
        known = stats_store(state).staffed_hours(frozenset(centres))
        return [
            {"id": c, "name": name, "hours": known[c].text if c in known else ""}
            for c, name in centres.items()
        ]

    return await run_in_threadpool(gather)


@router.put("/staff/stats/hours/{centre_id}", tags=["staff"], summary="Set a centre's hours")
async def set_staffed_hours(
    centre_id: int, body: HoursIn, session: ViewerChangeDep, state: HelpdeskDep
) -> dict[str, Any]:
    _centres(session, state, [centre_id])
    try:
        parsed = hours_mod.parse(body.hours)
    except hours_mod.HoursError as exc:
        raise HTTPException(422, str(exc)) from None
    await run_in_threadpool(stats_store(state).set_staffed_hours, centre_id, parsed)
    return {"id": centre_id, "hours": parsed.text}


# -- the page ------------------------------------------------------------------------------------


@page_router.get("/staff/statistics", response_class=HTMLResponse)
async def page(request: Request, state: HelpdeskDep) -> HTMLResponse:
    language = pick_language(request.headers.get("accept-language"), state.settings.language)
    template = (_STATIC / "statistics.html").read_text(encoding="utf-8")
    # JSON in a non-executed data block; '<' escaped so nothing can close the tag.
    labels = json.dumps(stats_labels.LABELS[language], ensure_ascii=False).replace("<", "\\u003c")
    html = (
        template.replace("{{lang}}", language)
        .replace("{{title}}", stats_labels.LABELS[language]["title"])
        .replace("{{labels}}", labels)
    )
    return HTMLResponse(html)


@page_router.get("/staff/statistics/static/{name}")
async def static(name: str) -> FileResponse:
    if name not in STATIC_FILES:
        raise HTTPException(404)
    with resources.as_file(_STATIC / name) as path:
        return FileResponse(path)


@page_router.get("/staff/statistics/static/vendor/{name}")
async def vendor(name: str) -> FileResponse:
    if name not in VENDOR_FILES:
        raise HTTPException(404)
    with resources.as_file(_STATIC / "vendor" / name) as path:
        return FileResponse(path, media_type="text/javascript" if name.endswith(".js") else None)
