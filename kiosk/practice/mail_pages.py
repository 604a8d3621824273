"""Two things around the practice application that real errands have too.

* Official mail goes online (2026): the first time a visitor logs in to an authority's
  e-service, Suomi.fi Messages is switched on during identification and an e-mail
  address for notices is asked (tyomarkkinatori.fi news, 2025; dvv.fi, "Digi ensin").
  The practice shows that page between identifying and "Continue to service", once a
  visit, so that the real one is no surprise. Paper mail can be chosen in the settings
  for six months at a time; the page says so.
* A sample bank statement to download, so that the attachment page can be finished with
  the kiosk's own download and file chooser (``statement``).
"""

from __future__ import annotations

import datetime
import re

from kiosk.practice import widgets
from kiosk.practice.login_pages import broken
from kiosk.practice.pages import PDF_TYPE, Frame, Response, redirect
from kiosk.practice.statement import statement_pdf

#: Something@something.something, without spaces: enough to catch a typing slip.
_EMAIL_RE = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s.]+$")
MAX_EMAIL = 120


def _mail_page(frame: Frame, *, email: str = "", error: str = "") -> Response:
    field = widgets.text_field(
        frame,
        "email",
        "mail.email",
        email,
        error=error,
        help_key="mail.email_help",
        inputmode="email",
        width="",
    )
    return frame.page(
        "digital_mail",
        title="mail.title",
        site="ident",
        status=400 if error else 200,
        blocks={"field": field},
    )


def digital_mail(frame: Frame, _arg: str) -> Response:
    visitor = frame.request.visitor
    if visitor.logged_in:
        return redirect(frame.lang, "service")
    if not visitor.identified:
        return broken(frame)
    return _mail_page(frame, email=visitor.email)


def digital_mail_post(frame: Frame, _arg: str) -> Response:
    visitor = frame.request.visitor
    if visitor.logged_in:
        return redirect(frame.lang, "service")
    if not visitor.identified:
        return broken(frame)
    email = frame.request.form.get("email", "").strip()[:MAX_EMAIL]
    if not email:
        return _mail_page(frame, error=frame.t("mail.error_empty"))
    if not _EMAIL_RE.match(email):
        return _mail_page(frame, email=email, error=frame.t("mail.error_format"))
    visitor.email = email
    visitor.mail_intro_done = True
    visitor.stop_identification()
    visitor.logged_in = True
    return redirect(frame.lang, "service")


STATEMENT_KEYS = (
    "statement.heading",
    "statement.practice",
    "statement.bank_label",
    "statement.bank",
    "statement.owner_label",
    "statement.account_label",
    "statement.period_label",
    "statement.opening_label",
    "statement.closing_label",
    "statement.row_benefit",
    "statement.row_rent",
    "statement.row_shop",
    "statement.row_phone",
    "statement.row_cash",
    "statement.footer",
)


def statement(frame: Frame, _arg: str) -> Response:
    texts = {key: frame.plain(key) for key in STATEMENT_KEYS}
    data = statement_pdf(texts, frame.lang, datetime.date.today())
    return Response(
        200, data, content_type=PDF_TYPE, download_name=frame.plain("statement.file_name")
    )
