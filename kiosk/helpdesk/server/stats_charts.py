"""The statistics' charts: Vega-Lite specs made with Vega-Altair from the released tables.

Each chart's data is exactly the shown figures of its table (a hidden figure is left out,
never drawn), so a chart and the table beside it cannot disagree. The page draws the
specs itself (vega-embed, served from this server); :func:`render` turns one into SVG,
PNG or PDF with vl-convert, which needs no browser.

Altair and vl-convert come with the ``stats`` extra; without it :class:`ChartsUnavailableError`
says so and the figures are still shown as tables.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from kiosk.stats.figures import WEEKDAYS, Report, Table

VEGA_LITE_VERSION = "v6_4"
#: Tables that get a chart (the others are figures, not distributions).
CHARTED = frozenset(
    {
        "sessions_per_day",
        "heatmap",
        "language",
        "duration",
        "end_reason",
        "outcome",
        "guides",
        "funnel",
        "help_topic",
        "help_end",
        "help_via",
        "help_hours",
        "per_centre",
    }
)
FORMATS = {"svg": "image/svg+xml", "png": "image/png", "pdf": "application/pdf"}
_COLOUR = "#1f5f99"
_WIDTH = 560


class ChartsUnavailableError(RuntimeError):
    """Altair or vl-convert is not installed on this server."""


def _altair() -> Any:
    try:
        import altair  # noqa: PLC0415 - the stats extra, only when a chart is asked for
    except ImportError as exc:
        raise ChartsUnavailableError("altair") from exc
    return altair


Label = Callable[[str], str]


def chart_data(table: Table, label: Label) -> list[dict[str, Any]]:
    """The points a chart draws: every shown figure of the table, none of the hidden."""
    points: list[dict[str, Any]] = []
    if table.id == "heatmap":
        for row in table.rows:
            for column, value in zip(table.columns, row.values, strict=True):
                if value is not None:
                    points.append(
                        {
                            "weekday": label(row.key),
                            "order": WEEKDAYS.index(row.key),
                            "hour": int(column),
                            "value": value,
                        }
                    )
        return points
    column = {"guides": "opened", "funnel": "reached"}.get(table.id, table.columns[0])
    index = table.columns.index(column)
    for order, row in enumerate(table.rows):
        value = row.values[index]
        if value is not None:
            points.append({"label": label(row.key), "order": order, "value": value})
    return points


def spec(table: Table, title: str, label: Label, value_title: str) -> dict[str, Any]:
    """The Vega-Lite spec of ``table`` (a dict, JSON-ready)."""
    alt = _altair()
    points = chart_data(table, label)
    data = alt.Data(values=points)
    # The rows' order as a list (a sort by a field conflicts between layers in Vega-Lite).
    order = list(dict.fromkeys(p.get("label", p.get("weekday")) for p in points))
    weekdays = [label(w) for w in WEEKDAYS]
    base = alt.Chart(data).properties(width=_WIDTH)
    if table.id == "heatmap":
        # One encoding for both layers: the cells and their numbers share their axes.
        grid = base.encode(
            x=alt.X("hour:O", title=label("hour")),
            y=alt.Y("weekday:N", sort=weekdays, title=label("weekday")),
        )
        darkest = max((p["value"] for p in points), default=0)
        chart = grid.mark_rect().encode(
            color=alt.Color("value:Q", title=value_title, scale=alt.Scale(scheme="blues")),
            tooltip=[alt.Tooltip("weekday:N"), alt.Tooltip("hour:O"), alt.Tooltip("value:Q")],
        ) + grid.mark_text(baseline="middle").encode(
            text="value:Q",
            # White on the dark half of the scale, black on the light half.
            color=alt.condition(
                alt.datum.value > darkest / 2, alt.value("white"), alt.value("black")
            ),
        )
    elif table.id == "sessions_per_day":
        chart = (
            base.mark_bar(color=_COLOUR)
            .encode(
                x=alt.X("label:T", title=label("day"), timeUnit="yearmonthdate"),
                y=alt.Y("value:Q", title=value_title),
                tooltip=[alt.Tooltip("label:T"), alt.Tooltip("value:Q")],
            )
            .properties(height=220)
        )
    else:
        bars = base.encode(
            y=alt.Y("label:N", sort=order, title=None),
            x=alt.X("value:Q", title=value_title),
        )
        chart = bars.mark_bar(color=_COLOUR).encode(
            tooltip=[alt.Tooltip("label:N"), alt.Tooltip("value:Q")]
        ) + bars.mark_text(align="left", dx=4).encode(text="value:Q")
    # The title on the whole chart (not on each layer): the page leaves it out.
    result: dict[str, Any] = chart.properties(title=title).to_dict()
    return result


def specs(
    report: Report, words: dict[str, str], titles: dict[str, str]
) -> dict[str, dict[str, Any]]:
    """Every chart of the report by its table's key (``language``, ``funnel:<guide>``)."""
    from kiosk.helpdesk.server.stats_labels import column_label, row_label, table_title  # noqa: PLC0415

    out = {}
    for table in report.tables:
        if table.id not in CHARTED or not table.rows:
            continue
        if not any(p["value"] for p in chart_data(table, lambda key: key)):
            continue  # every figure hidden or zero: nothing to draw (the table says it)

        def label(key: str, table: Table = table) -> str:
            if key in ("hour", "weekday", "day"):
                return words[key]
            return row_label(words, table.id, key, titles)

        column = {"guides": "opened", "funnel": "reached"}.get(table.id, table.columns[0])
        value_title = (
            column_label(words, table.id, column) if table.id != "heatmap" else words["c_sessions"]
        )
        out[key_of(table)] = spec(
            table, table_title(words, table.id, table.guide, titles), label, value_title
        )
    return out


def key_of(table: Table) -> str:
    return f"{table.id}:{table.guide}" if table.guide else table.id


def render(chart: dict[str, Any], fmt: str) -> bytes:
    """``chart`` as SVG, PNG or PDF (vl-convert: no browser, no network)."""
    try:
        import vl_convert as vlc  # noqa: PLC0415 - the stats extra
    except ImportError as exc:
        raise ChartsUnavailableError("vl-convert-python") from exc
    if fmt == "svg":
        return str(vlc.vegalite_to_svg(chart, vl_version=VEGA_LITE_VERSION)).encode()
    if fmt == "png":
        return bytes(vlc.vegalite_to_png(chart, vl_version=VEGA_LITE_VERSION, scale=2))
    if fmt == "pdf":
        return bytes(vlc.vegalite_to_pdf(chart, vl_version=VEGA_LITE_VERSION))
    raise ValueError(f"no chart format {fmt!r}")
