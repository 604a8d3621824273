"""Which page answers which address, and the friendly pages for everything that goes wrong.

Addresses are ``/<language>/<page>``. Pages after the login check the login first. An
unknown address, a method a page does not take, or a body that cannot be read gets a
page that says what happened and what to do, in the visitor's language.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from kiosk.practice import apply_pages, login_pages, mail_pages, method_pages, service_pages
from kiosk.practice.bodies import BodyProblem
from kiosk.practice.pages import BANKS, Frame, Response, page_url

Handler = Callable[[Frame, str], Response]


@dataclass(frozen=True, slots=True)
class Route:
    pattern: re.Pattern[str]
    get: Handler
    post: Handler | None = None
    login: bool = False  # only for a visitor who has logged in
    uploads: bool = False  # takes multipart bodies, and handles body errors itself


def _route(
    path: str,
    get: Handler,
    post: Handler | None = None,
    *,
    login: bool = False,
    uploads: bool = False,
) -> Route:
    """``path`` may hold one ``{bank}``: one of the practice banks."""
    banks = "|".join(BANKS)
    regex = re.escape(path).replace(r"\{bank\}", f"({banks})")
    return Route(re.compile(regex), get, post, login, uploads)


_situation = apply_pages.step_handlers("situation")
_income = apply_pages.step_handlers("income")
_housing = apply_pages.step_handlers("housing")

ROUTES: tuple[Route, ...] = (
    _route("", login_pages.front),
    _route("identify", login_pages.identify),
    _route("cancel", login_pages.cancel),
    _route("bank/{bank}", login_pages.bank, login_pages.bank_post),
    _route("approve/{bank}", login_pages.approve, login_pages.approve_post),
    _route("mobile", method_pages.mobile, method_pages.mobile_post),
    _route("mobile-wait", method_pages.mobile_wait, method_pages.mobile_wait_post),
    _route("idcard", method_pages.id_card, method_pages.id_card_post),
    _route("continue", login_pages.continue_page, login_pages.continue_post),
    _route("digital-mail", mail_pages.digital_mail, mail_pages.digital_mail_post),
    _route("statement", mail_pages.statement),
    _route("logout", login_pages.log_out),
    _route("logged-out", login_pages.logged_out),
    _route("service", service_pages.service, login=True),
    _route("apply", apply_pages.start, login=True),
    _route("apply/situation", *_situation, login=True),
    _route("apply/income", *_income, login=True),
    _route("apply/housing", *_housing, login=True),
    _route(
        "apply/attachments",
        apply_pages.attachments,
        apply_pages.attachments_post,
        login=True,
        uploads=True,
    ),
    # The same page after a file was added: an address of its own, so that the guide
    # beside it can move on to "now press Next" by itself.
    _route(
        "apply/attachments/added",
        apply_pages.attachments,
        apply_pages.attachments_post,
        login=True,
        uploads=True,
    ),
    _route("apply/review", apply_pages.review, apply_pages.review_post, login=True),
    _route("apply/sent", apply_pages.sent, login=True),
    _route("messages", service_pages.messages, login=True),
    _route("messages/decision", service_pages.decision, login=True),
)


def find(path: str) -> tuple[Route, str] | None:
    """The route for a path (without language and slashes at the ends) and its argument."""
    for route in ROUTES:
        match = route.pattern.fullmatch(path)
        if match:
            return route, (match.group(1) if match.groups() else "")
    return None


def accepts_uploads(path: str) -> bool:
    found = find(path)
    return found is not None and found[0].uploads


def dispatch(frame: Frame) -> Response:
    request = frame.request
    found = find(request.path)
    if found is None:
        return not_found(frame)
    route, arg = found
    if request.method == "POST":
        if route.post is None:
            return problem(frame, "error.method", 405)
        if request.body_error is not None and not route.uploads:
            return body_problem(frame, request.body_error.problem, request.body_error.status)
    if route.login and not request.visitor.logged_in:
        return login_pages.login_first(frame)
    handler = route.post if request.method == "POST" and route.post else route.get
    return handler(frame, arg)


def not_found(frame: Frame) -> Response:
    # The language links of an unknown address lead to the front page.
    frame.request.path = ""
    return problem(frame, "error.not_found", 404, title="error.not_found_title")


_BODY_PROBLEM_KEYS = {
    BodyProblem.TOO_BIG: "error.too_big",
    BodyProblem.NO_LENGTH: "error.malformed",
    BodyProblem.MALFORMED: "error.malformed",
    BodyProblem.WRONG_TYPE: "error.malformed",
}


def body_problem(frame: Frame, kind: BodyProblem, status: int) -> Response:
    return problem(frame, _BODY_PROBLEM_KEYS[kind], status)


def problem(frame: Frame, message_key: str, status: int, *, title: str = "error.title") -> Response:
    return frame.page(
        "problem",
        title=title,
        status=status,
        values={"home": page_url(frame.lang)},
        blocks={"heading": frame.t(title), "message": frame.t(message_key)},
        notice=False,
    )
