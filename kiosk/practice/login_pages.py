"""The practice login: the service's front page, choosing a way to identify, a bank's
login with a code from a code app, a mobile certificate, "Continue to service", log out.

It imitates the real Suomi.fi e-identification flow, including its stumbling blocks: the
look changes from service to identification to bank; Cancel works; pressing Back or
arriving in the middle breaks the login and says so kindly.
"""

from __future__ import annotations

import re
import secrets

from kiosk.practice import widgets
from kiosk.practice.pages import BANKS, Frame, Response, page_url, redirect
from kiosk.practice.visitors import METHOD_BANK, METHOD_MOBILE

#: The person everyone is in the practice.
PRACTICE_NAME = "Harri Harjoittelija"

_USER_ID_RE = re.compile(r"^[0-9]{4,12}$")
_PHONE_RE = re.compile(r"^\+?[0-9]{7,15}$")
#: Letters and digits that cannot be mistaken for one another (no 0/O, 1/I/L, 5/S).
_REFERENCE_ALPHABET = "ACDEFHJKMNPRTUVWXY2346789"


def _strip_spaces(value: str) -> str:
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


def id_card(frame: Frame, _arg: str) -> Response:
    return frame.page("idcard", title="idcard.title", site="ident")


def cancel(frame: Frame, _arg: str) -> Response:
    frame.request.visitor.stop_identification()
    frame.request.visitor.flash("notice.cancelled")
    return redirect(frame.lang)


def broken(frame: Frame) -> Response:
    """The visitor arrived in the middle of a login (Back, an old page, a reload)."""
    frame.request.visitor.stop_identification()
    return frame.page("broken", title="broken.title", site="ident", status=409)


# -- shared by the bank and the mobile certificate ------------------------------------------
def _one_field_form(
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


def _phone(frame: Frame, *, app: str, text: str, code: str, code_id: str, button: str = "") -> str:
    """The drawing of the visitor's phone, showing a code."""
    return frame.body(
        "phone",
        values={"code": code, "code_id": code_id},
        blocks={"app": app, "text": text, "button": button},
    )


# -- bank ----------------------------------------------------------------------------------
def bank_form(frame: Frame, bank: str, *, user_id: str = "", error: str = "") -> Response:
    name = frame.plain("bank." + bank)
    form = _one_field_form(
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
    compact = _strip_spaces(user_id)
    if not compact:
        return bank_form(frame, bank_id, error=frame.t("bank.error_empty"))
    if not _USER_ID_RE.match(compact):
        return bank_form(frame, bank_id, user_id=user_id, error=frame.t("bank.error_digits"))
    visitor.code = f"{secrets.randbelow(1_000_000):06d}"
    return redirect(frame.lang, "keycode/" + bank_id)


def _keycode_form(frame: Frame, bank_id: str, *, error: str = "") -> Response:
    code = frame.request.visitor.code
    phone = _phone(
        frame,
        app=frame.t("keycode.app_name"),
        text=frame.t("keycode.app_text"),
        code=f"{code[:3]} {code[3:]}",
        code_id="app-code",
    )
    return frame.page(
        "keycode",
        title="keycode.title",
        site=bank_id,
        status=400 if error else 200,
        blocks={
            "phone": phone,
            "form": _one_field_form(frame, "code", "keycode.label", "", error=error),
        },
    )


def keycode(frame: Frame, bank_id: str) -> Response:
    visitor = frame.request.visitor
    if visitor.method != METHOD_BANK or visitor.bank != bank_id or not visitor.code:
        return broken(frame)
    return _keycode_form(frame, bank_id)


def keycode_post(frame: Frame, bank_id: str) -> Response:
    visitor = frame.request.visitor
    if visitor.method != METHOD_BANK or visitor.bank != bank_id or not visitor.code:
        return broken(frame)
    code = _strip_spaces(frame.request.form.get("code", ""))
    if not code:
        return _keycode_form(frame, bank_id, error=frame.t("keycode.error_empty"))
    if code != visitor.code:
        return _keycode_form(frame, bank_id, error=frame.t("keycode.error_wrong"))
    visitor.identified = True
    return redirect(frame.lang, "continue")


# -- mobile certificate --------------------------------------------------------------------
def _mobile_form(frame: Frame, *, phone: str = "", error: str = "") -> Response:
    form = _one_field_form(
        frame, "phone", "mobile.phone", phone, error=error, help_key="mobile.phone_help"
    )
    return frame.page(
        "one_field",
        title="mobile.title",
        site="mobile",
        status=400 if error else 200,
        blocks={"heading": frame.t("mobile.title"), "intro": frame.t("mobile.intro"), "form": form},
    )


def mobile(frame: Frame, _arg: str) -> Response:
    visitor = frame.request.visitor
    if visitor.logged_in:
        return redirect(frame.lang, "service")
    visitor.stop_identification()
    visitor.method = METHOD_MOBILE
    return _mobile_form(frame)


def mobile_post(frame: Frame, _arg: str) -> Response:
    visitor = frame.request.visitor
    if visitor.method != METHOD_MOBILE:
        return broken(frame)
    phone = frame.request.form.get("phone", "")
    compact = _strip_spaces(phone)
    if not compact:
        return _mobile_form(frame, error=frame.t("mobile.error_empty"))
    if not _PHONE_RE.match(compact):
        return _mobile_form(frame, phone=phone, error=frame.t("mobile.error_digits"))
    visitor.code = "".join(secrets.choice(_REFERENCE_ALPHABET) for _ in range(4))
    return redirect(frame.lang, "mobile-wait")


def mobile_wait(frame: Frame, _arg: str) -> Response:
    visitor = frame.request.visitor
    if visitor.method != METHOD_MOBILE or not visitor.code:
        return broken(frame)
    button = (
        '<form method="post" novalidate><button type="submit" name="action" value="pin"'
        f' class="button primary" id="enter-pin">{frame.t("mobile_wait.enter_pin")}</button></form>'
    )
    phone = _phone(
        frame,
        app=frame.t("site.mobile"),
        text=frame.t("mobile_wait.phone_text"),
        code=visitor.code,
        code_id="phone-code",
        button=button,
    )
    return frame.page(
        "mobile_wait",
        title="mobile_wait.title",
        site="mobile",
        values={"code": visitor.code},
        blocks={"phone": phone},
    )


def mobile_wait_post(frame: Frame, _arg: str) -> Response:
    visitor = frame.request.visitor
    if visitor.method != METHOD_MOBILE or not visitor.code:
        return broken(frame)
    if frame.request.form.get("action") == "pin":
        visitor.identified = True
        return redirect(frame.lang, "continue")
    visitor.stop_identification()
    visitor.flash("notice.codes_differ")
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
