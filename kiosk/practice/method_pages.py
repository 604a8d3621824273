"""The other ways to identify in the practice: a mobile certificate, and an ID card read
by a phone app. Each has the visitor's phone drawn beside the page, as in real life the
visitor looks from the screen to the phone and back.

Mobile certificate (DNA, Elisa, Telia): type the phone number, compare the code on the
screen with the code on the phone, type the PIN on the phone; if the codes differ, stop.
ID card: an app on the phone reads the card's chip (the Suomi.fi identification offers
such an app) after scanning a code on the screen, and asks for the card's PIN1 code.
"""

from __future__ import annotations

import re

from kiosk.practice.login_pages import (
    broken,
    one_field_form,
    phone,
    reference_code,
    strip_spaces,
)
from kiosk.practice.pages import Frame, Response, redirect
from kiosk.practice.visitors import METHOD_CARD, METHOD_MOBILE

_PHONE_RE = re.compile(r"^\+?[0-9]{7,15}$")

#: The ID card app's screens, in order: (text key, button key, button id).
CARD_STAGES: tuple[tuple[str, str, str], ...] = (
    ("card.app_scan", "card.button_scan", "card-scan"),
    ("card.app_read", "card.button_read", "card-read"),
    ("card.app_pin", "card.button_pin", "card-pin"),
)


# -- mobile certificate --------------------------------------------------------------------
def _mobile_form(frame: Frame, *, number: str = "", error: str = "") -> Response:
    form = one_field_form(
        frame, "phone", "mobile.phone", number, error=error, help_key="mobile.phone_help"
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
    number = frame.request.form.get("phone", "")
    compact = strip_spaces(number)
    if not compact:
        return _mobile_form(frame, error=frame.t("mobile.error_empty"))
    if not _PHONE_RE.match(compact):
        return _mobile_form(frame, number=number, error=frame.t("mobile.error_digits"))
    visitor.code = reference_code()
    return redirect(frame.lang, "mobile-wait")


def mobile_wait(frame: Frame, _arg: str) -> Response:
    visitor = frame.request.visitor
    if visitor.method != METHOD_MOBILE or not visitor.code:
        return broken(frame)
    button = (
        '<form method="post" novalidate class="phone-actions"><button type="submit"'
        ' name="action" value="pin" class="button primary" id="enter-pin">'
        f"{frame.t('mobile_wait.enter_pin')}</button></form>"
    )
    drawing = phone(
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
        blocks={"phone": drawing},
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


# -- ID card and a phone app ----------------------------------------------------------------
def _card_page(frame: Frame) -> Response:
    stage = frame.request.visitor.card_stage
    text_key, button_key, button_id = CARD_STAGES[stage]
    button = (
        '<form method="post" novalidate class="phone-actions"><button type="submit"'
        f' name="action" value="next" class="button primary" id="{button_id}">'
        f"{frame.t(button_key)}</button></form>"
    )
    drawing = phone(
        frame,
        app=frame.t("card.app_name"),
        text=frame.t(text_key),
        code="",
        code_id="",
        button=button,
    )
    return frame.page(
        "card",
        title="card.title",
        site="card",
        values={"stage": str(stage + 1), "stages": str(len(CARD_STAGES))},
        blocks={"phone": drawing},
    )


def id_card(frame: Frame, _arg: str) -> Response:
    visitor = frame.request.visitor
    if visitor.logged_in:
        return redirect(frame.lang, "service")
    if visitor.method != METHOD_CARD:
        visitor.stop_identification()
        visitor.method = METHOD_CARD
    return _card_page(frame)


def id_card_post(frame: Frame, _arg: str) -> Response:
    visitor = frame.request.visitor
    if visitor.method != METHOD_CARD:
        return broken(frame)
    visitor.card_stage += 1
    if visitor.card_stage >= len(CARD_STAGES):
        visitor.card_stage = 0
        visitor.identified = True
        return redirect(frame.lang, "continue")
    return redirect(frame.lang, "idcard")
