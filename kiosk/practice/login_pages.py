"""The practice login: the service's front page, choosing a way to identify, a bank's
login approved in the bank's app on the phone, "Continue to service", log out.

It imitates the real Suomi.fi e-identification flow, including its stumbling blocks: the
look changes from service to identification to bank; Cancel works; pressing Back or
arriving in the middle breaks the login and says so kindly. A real bank never asks the
visitor to type a code from the phone into a page (phishing sites do), so the practice
bank does not either: the visitor compares two codes and approves in the app, and learns
to press Reject when the codes are not the same. The mobile certificate and the ID card
live in ``method_pages``; the page about official mail (2026) in ``mail_pages``.
"""

from __future__ import annotations

import html
import re
import secrets

from kiosk.practice import widgets
from kiosk.practice.pages import BANKS, Frame, Response, page_url, redirect
from kiosk.practice.visitors import METHOD_BANK

#: The person everyone is in the practice.
PRACTICE_NAME = "Harri Harjoittelija"

_USER_ID_RE = re.compile(r"^[0-9]{4,12}$")
#: Letters and digits that cannot be mistaken for one another (no 0/O, 1/I/L, 5/S).
_REFERENCE_ALPHABET = "ACDEFHJKMNPRTUVWXY2346789"


def reference_code() -> str:
    """Four letters and digits, like the codes a bank app or a mobile certificate shows."""
    return "".join(secrets.choice(_REFERENCE_ALPHABET) for _ in range(4))


def other_code(code: str) -> str:
    """A code that is surely not ``code`` (for practising what a scam looks like)."""
    while (wrong := reference_code()) == code:
        pass
    return wrong


def strip_spaces(value: str) -> str:
    return re.sub(r"[\s-]", "", value)


def front(frame: Frame, _arg: str) -> Response:
    visitor = frame.request.visitor
    if visitor.logged_in:
        action = (
            f"<p>{frame.t('front.logged_in')}</p>"
            f'<p><a class="button primary" href="{page_url(frame.lang, "service")}">'
            f"{frame.t('service.title')}</a></p>"
        )
    else:
        action = (
            f"<p>{frame.t('front.login_hint')}</p>"
            f'<p><a class="button primary big" id="login"'
            f' href="{page_url(frame.lang, "identify")}">'
            f"{frame.t('front.login')}</a></p>"
        )
    return frame.page("front", title="front.title", blocks={"action": action})


def identify(frame: Frame, _arg: str) -> Response:
    visitor = frame.request.visitor
    if visitor.logged_in:
        return redirect(frame.lang, "service")
    visitor.stop_identification()
    banks = "\n".join(
        f'<li><a class="method bank-tile bank-{bank}"'
        f' href="{page_url(frame.lang, "bank/" + bank)}">'
        f'<img src="/static/logo-bank-{bank}.svg" alt="" width="64" height="64">'
        f"<span>{frame.t('bank.' + bank)}</span></a></li>"
        for bank in BANKS
    )
    return frame.page("identify", title="identify.title", site="ident", blocks={"banks": banks})


def cancel(frame: Frame, _arg: str) -> Response:
    frame.request.visitor.stop_identification()
    frame.request.visitor.flash("notice.cancelled")
    return redirect(frame.lang)


def broken(frame: Frame) -> Response:
    """The visitor arrived in the middle of a login (Back, an old page, a reload)."""
    frame.request.visitor.stop_identification()
    return frame.page("broken", title="broken.title", site="ident", status=409)


# -- shared by the bank and the mobile certificate ------------------------------------------
def one_field_form(
    frame: Frame, name: str, label_key: str, value: str, *, error: str, help_key: str = ""
) -> str:
    """A form of one field with Continue and Cancel: its error shows once, beside it."""
    field = widgets.text_field(
        frame,
        name,
        label_key,
        value,
        error=error,
        help_key=help_key,
        inputmode="tel" if name == "phone" else "numeric",
        width="medium" if name == "phone" else "short",
    )
    return frame.body("login_form", blocks={"field": field})


def phone(frame: Frame, *, app: str, text: str, code: str, code_id: str, button: str = "") -> str:
    """The drawing of the visitor's phone: an app's name, its text, a code, its buttons."""
    code_html = (
        f'<p class="phone-code" id="{html.escape(code_id)}">{html.escape(code)}</p>' if code else ""
    )
    return frame.body(
        "phone", blocks={"app": app, "text": text, "code": code_html, "button": button}
    )


# -- bank ----------------------------------------------------------------------------------
def bank_form(frame: Frame, bank: str, *, user_id: str = "", error: str = "") -> Response:
    name = frame.plain("bank." + bank)
    form = one_field_form(
        frame, "userid", "bank.userid", user_id, error=error, help_key="bank.userid_help"
    )
    return frame.page(
        "one_field",
        title="bank.title",
        site=bank,
        status=400 if error else 200,
        blocks={
            "heading": frame.t("bank.title"),
            "intro": frame.t("bank.intro", bank=name),
            "form": form,
        },
    )


def bank(frame: Frame, bank_id: str) -> Response:
    visitor = frame.request.visitor
    if visitor.logged_in:
        return redirect(frame.lang, "service")
    visitor.stop_identification()
    visitor.method, visitor.bank = METHOD_BANK, bank_id
    return bank_form(frame, bank_id)


def bank_post(frame: Frame, bank_id: str) -> Response:
    visitor = frame.request.visitor
    if visitor.method != METHOD_BANK or visitor.bank != bank_id:
        return broken(frame)
    user_id = frame.request.form.get("userid", "")
    compact = strip_spaces(user_id)
    if not compact:
        return bank_form(frame, bank_id, error=frame.t("bank.error_empty"))
    if not _USER_ID_RE.match(compact):
        return bank_form(frame, bank_id, user_id=user_id, error=frame.t("bank.error_digits"))
    visitor.code = reference_code()
    visitor.mismatch = False
    return redirect(frame.lang, "approve/" + bank_id)


# -- approving in the bank's app -----------------------------------------------------------
def _approve_page(frame: Frame, bank_id: str) -> Response:
    visitor = frame.request.visitor
    name = frame.plain("bank." + bank_id)
    shown = other_code(visitor.code) if visitor.mismatch else visitor.code
    buttons = (
        '<form method="post" novalidate class="phone-actions">'
        '<button type="submit" name="action" value="approve" class="button primary"'
        f' id="app-approve">{frame.t("approve.app_approve")}</button>'
        '<button type="submit" name="action" value="reject" class="button secondary"'
        f' id="app-reject">{frame.t("approve.app_reject")}</button></form>'
    )
    drawing = phone(
        frame,
        app=frame.t("approve.app_name", bank=name),
        text=frame.t("approve.app_text"),
        code=shown,
        code_id="phone-code",
        button=buttons,
    )
    practise = (
        ""
        if visitor.mismatch
        else '<form method="post" novalidate><button type="submit" name="action" value="mismatch"'
        f' class="button secondary" id="show-scam">{frame.t("approve.show_scam")}</button></form>'
    )
    return frame.page(
        "approve",
        title="approve.title",
        site=bank_id,
        values={"code": visitor.code},
        blocks={"phone": drawing, "practise": practise},
    )


def _in_bank_login(frame: Frame, bank_id: str) -> bool:
    visitor = frame.request.visitor
    return visitor.method == METHOD_BANK and visitor.bank == bank_id and bool(visitor.code)


def approve(frame: Frame, bank_id: str) -> Response:
    if frame.request.visitor.logged_in:
        return redirect(frame.lang, "service")
    if not _in_bank_login(frame, bank_id):
        return broken(frame)
    return _approve_page(frame, bank_id)


def approve_post(frame: Frame, bank_id: str) -> Response:
    visitor = frame.request.visitor
    if not _in_bank_login(frame, bank_id):
        return broken(frame)
    action = frame.request.form.get("action", "")
    if action == "mismatch":  # show what a login that is not yours looks like
        visitor.mismatch = True
        return redirect(frame.lang, "approve/" + bank_id)
    if action == "approve" and not visitor.mismatch:
        visitor.identified = True
        return redirect(frame.lang, "continue")
    if action == "approve":  # approved although the codes differed: the lesson
        visitor.stop_identification()
        return frame.page("approved_wrong", title="approved_wrong.title", site=bank_id)
    visitor.stop_identification()
    visitor.flash("notice.rejected")
    return redirect(frame.lang)


# -- back to the service -------------------------------------------------------------------
def continue_page(frame: Frame, _arg: str) -> Response:
    visitor = frame.request.visitor
    if visitor.logged_in:
        return redirect(frame.lang, "service")
    if not visitor.identified:
        return broken(frame)
    return frame.page(
        "continue", title="continue.title", site="ident", values={"name": PRACTICE_NAME}
    )


def continue_post(frame: Frame, _arg: str) -> Response:
    visitor = frame.request.visitor
    if visitor.logged_in:
        return redirect(frame.lang, "service")
    if not visitor.identified:
        return broken(frame)
    if not visitor.mail_intro_done:
        # Since 2026 the first login to an authority's service switches official mail
        # to Suomi.fi Messages and asks for an e-mail address, during identification.
        return redirect(frame.lang, "digital-mail")
    visitor.stop_identification()
    visitor.logged_in = True
    return redirect(frame.lang, "service")


def log_out(frame: Frame, _arg: str) -> Response:
    frame.request.visitor.log_out()
    return redirect(frame.lang, "logged-out")


def logged_out(frame: Frame, _arg: str) -> Response:
    return frame.page("logged_out", title="logged_out.title")


def login_first(frame: Frame) -> Response:
    return frame.page("login_first", title="login_first.title", status=403)
