"""The practice service after logging in: "My services", messages, and a decision to read.

The decision is an example letter in official style, with a plain-language box beside each
part, so a visitor practises finding what matters: is it yes or no, how much, when, and
what to do if they disagree.
"""

from __future__ import annotations

import calendar
import datetime

from kiosk.practice.login_pages import PRACTICE_NAME
from kiosk.practice.pages import Frame, Response, page_url


def _date(day: datetime.date) -> str:
    return f"{day.day}.{day.month}.{day.year}"


def _example_dates(today: datetime.date) -> dict[str, str]:
    """Dates for the example decision: this month's support, paid in a few days."""
    last = calendar.monthrange(today.year, today.month)[1]
    return {
        "date": _date(today),
        "start": _date(today.replace(day=1)),
        "end": _date(today.replace(day=last)),
        "payday": _date(today + datetime.timedelta(days=3)),
    }


def service(frame: Frame, _arg: str) -> Response:
    visitor = frame.request.visitor
    unread = 0 if visitor.decision_read else 1
    if visitor.sent_reference:
        unread += 1
    badge = (
        f' <span class="badge">{frame.t("messages.new_count", n=str(unread))}</span>'
        if unread
        else ""
    )
    return frame.page(
        "service",
        title="service.title",
        values={"name": PRACTICE_NAME},
        blocks={"badge": badge},
    )


def messages(frame: Frame, _arg: str) -> Response:
    visitor = frame.request.visitor
    items = []
    new = f'<span class="badge">{frame.t("messages.new")}</span> '
    items.append(
        f'<li class="message{"" if visitor.decision_read else " unread"}">'
        f"{'' if visitor.decision_read else new}"
        f'<a href="{page_url(frame.lang, "messages/decision")}" id="open-decision">'
        f"{frame.t('messages.decision')}</a></li>"
    )
    if visitor.sent_reference:
        items.insert(
            0,
            f'<li class="message unread">{new}<span>'
            f"{frame.t('messages.received', ref=visitor.sent_reference)}</span></li>",
        )
    return frame.page("messages", title="messages.title", blocks={"items": "".join(items)})


#: The parts of the example decision, in order: each has a heading, the official text and
#: a plain-language explanation (``decision.<part>_heading``, ``_text``, ``_explain``).
DECISION_PARTS = ("result", "payment", "reasons", "duty", "appeal")


def decision(frame: Frame, _arg: str) -> Response:
    frame.request.visitor.decision_read = True
    values = {"name": PRACTICE_NAME, **_example_dates(datetime.date.today())}
    parts = "".join(
        frame.body(
            "decision_part",
            blocks={
                kind: frame.renderer.catalogue.html(f"decision.{part}_{kind}", frame.lang, values)
                for kind in ("heading", "text", "explain")
            },
        )
        for part in DECISION_PARTS
    )
    return frame.page("decision", title="decision.title", values=values, blocks={"parts": parts})
