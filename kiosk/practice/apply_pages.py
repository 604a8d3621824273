"""The practice benefit application: three form pages, attachments, review and "Approve".

Answers are kept as typed (also when wrong) so a page with errors shows them again; an
uploaded file is checked (type, size) and then only its name, size and type are kept.
"""

from __future__ import annotations

import html
import secrets
from collections.abc import Callable

from kiosk.practice import widgets
from kiosk.practice.application import (
    CHECKS,
    HOUSING,
    INCOME_FIELDS,
    LIVING,
    STATUS,
    STEPS,
    FieldError,
    file_kind,
    first_incomplete,
)
from kiosk.practice.bodies import MAX_UPLOAD_BYTES, BodyError, BodyProblem
from kiosk.practice.pages import Frame, Response, page_url, redirect
from kiosk.practice.visitors import MAX_ATTACHMENTS, Attachment

_FIELDS = {
    "situation": ("living", "status", "phone"),
    "income": INCOME_FIELDS,
    "housing": ("housing", "rent"),
}


def _progress(frame: Frame, current: str) -> str:
    items = []
    for step in STEPS:
        here = ' aria-current="step" class="current"' if step == current else ""
        items.append(f"<li{here}>{frame.t('apply.step.' + step)}</li>")
    index = STEPS.index(current) + 1
    counter = frame.t("apply.counter", n=str(index), total=str(len(STEPS)))
    return f'<p class="counter">{counter}</p><ol class="progress">{"".join(items)}</ol>'


def _error_texts(frame: Frame, errors: list[FieldError]) -> dict[str, str]:
    texts: dict[str, str] = {}
    for error in errors:
        name = frame.plain(error.field_key) if error.field_key else ""
        texts[error.field] = frame.t(error.key, field=name)
    return texts


def _step_fields(frame: Frame, step: str, answers: dict[str, str], errors: dict[str, str]) -> str:
    def radios(name: str, options: tuple[str, ...], legend: str) -> str:
        choices = [(value, f"{step}.{name}_{value}") for value in options]
        return widgets.radio_group(
            frame, name, legend, choices, answers.get(name, ""), error=errors.get(name, "")
        )

    def amount(name: str, label: str, *, required: bool, help_key: str = "") -> str:
        return widgets.text_field(
            frame,
            name,
            label,
            answers.get(name, ""),
            error=errors.get(name, ""),
            help_key=help_key,
            required=required,
            inputmode="decimal",
            suffix_key="apply.per_month",
            width="short",
        )

    if step == "situation":
        return "".join(
            (
                radios("living", LIVING, "situation.living"),
                radios("status", STATUS, "situation.status"),
                widgets.text_field(
                    frame,
                    "phone",
                    "situation.phone",
                    answers.get("phone", ""),
                    error=errors.get("phone", ""),
                    help_key="situation.phone_help",
                    inputmode="tel",
                    width="medium",
                ),
            )
        )
    if step == "income":
        return "".join(
            amount(name, f"income.{name}", required=True, help_key=f"income.{name}_help")
            for name in INCOME_FIELDS
        )
    return radios("housing", HOUSING, "housing.question") + amount(
        "rent", "housing.rent", required=False, help_key="housing.rent_help"
    )


def _step_page(frame: Frame, step: str, errors: dict[str, str] | None = None) -> Response:
    errors = errors or {}
    answers = frame.request.visitor.answers.get(step, {})
    blocks = {
        "progress": _progress(frame, step),
        "summary": widgets.error_summary(frame, errors),
        "fields": _step_fields(frame, step, answers, errors),
    }
    values = {"action": page_url(frame.lang, "apply/" + step)}
    return frame.page(
        "apply_step",
        title="apply.step." + step,
        status=400 if errors else 200,
        values=values,
        blocks={
            **blocks,
            "heading": frame.t("apply.step." + step),
            "intro": frame.t(f"{step}.intro"),
        },
    )


def _neighbour(step: str, offset: int) -> str:
    index = STEPS.index(step) + offset
    return "service" if index < 0 else "apply/" + STEPS[index]


def step_handlers(step: str) -> tuple[Callable[[Frame, str], Response], ...]:
    """GET and POST for one of the form pages (situation, income, housing)."""

    def get(frame: Frame, _arg: str) -> Response:
        return _step_page(frame, step)

    def post(frame: Frame, _arg: str) -> Response:
        visitor = frame.request.visitor
        form = frame.request.form
        answers = {name: form.get(name, "").strip()[:200] for name in _FIELDS[step]}
        visitor.answers[step] = answers
        if form.get("action") == "previous":
            return redirect(frame.lang, _neighbour(step, -1))
        errors = CHECKS[step](answers)
        if errors:
            return _step_page(frame, step, _error_texts(frame, errors))
        return redirect(frame.lang, _neighbour(step, +1))

    return get, post


def start(frame: Frame, _arg: str) -> Response:
    return redirect(frame.lang, "apply/" + STEPS[0])


# -- attachments ---------------------------------------------------------------------------
def _size_text(frame: Frame, size: int) -> str:
    if size >= 1024 * 1024:
        megabytes = f"{size / (1024 * 1024):.1f}"
        if frame.lang != "en":
            megabytes = megabytes.replace(".", ",")  # 2,5 megatavua
        return frame.plain("size.mb", n=megabytes)
    if size < 1536:  # rounds to 1: "1 kilobytes" would be wrong in English
        return frame.plain("size.small")
    return frame.plain("size.kb", n=str(round(size / 1024)))


def _attachments_page(frame: Frame, *, error: str = "", status: int = 200) -> Response:
    visitor = frame.request.visitor
    rows = []
    for index, attachment in enumerate(visitor.attachments):
        rows.append(
            '<li class="attachment">'
            f'<span class="file-name">{html.escape(attachment.name)}</span> '
            f'<span class="file-size">({html.escape(_size_text(frame, attachment.size))})</span>'
            f'<button type="submit" name="remove" value="{index}" class="button secondary small"'
            f' id="remove-{index}">{frame.t("attachments.remove")}</button></li>'
        )
    listing = (
        f'<ul class="attachments">{"".join(rows)}</ul>'
        if rows
        else f'<p class="empty">{frame.t("attachments.none")}</p>'
    )
    error_html = f'<p class="field-error" id="attachment-error">{error}</p>' if error else ""
    return frame.page(
        "attachments",
        title="apply.step.attachments",
        status=status,
        values={
            "action": page_url(frame.lang, "apply/attachments"),
            "max_bytes": str(MAX_UPLOAD_BYTES),
        },
        blocks={
            "progress": _progress(frame, "attachments"),
            "summary": widgets.error_summary(frame, {"attachment": error} if error else {}),
            "error": error_html,
            "error_class": " has-error" if error else "",
            "listing": listing,
        },
    )


def attachments(frame: Frame, _arg: str) -> Response:
    return _attachments_page(frame)


_BODY_ERRORS = {
    BodyProblem.TOO_BIG: "attachments.error_too_big",
    BodyProblem.WRONG_TYPE: "error.malformed",
    BodyProblem.MALFORMED: "error.malformed",
    BodyProblem.NO_LENGTH: "error.malformed",
}


def attachments_post(frame: Frame, _arg: str) -> Response:
    request = frame.request
    visitor = request.visitor
    if request.body_error is not None:
        problem: BodyError = request.body_error
        return _attachments_page(
            frame, error=frame.t(_BODY_ERRORS[problem.problem]), status=problem.status
        )
    action = request.form.get("action", "")
    if "remove" in request.form:  # a Remove button beside a file in the list
        index = request.form["remove"]
        if index.isdigit() and int(index) < len(visitor.attachments):
            removed = visitor.attachments.pop(int(index))
            visitor.flash("attachments.removed", name=removed.name)
        return redirect(frame.lang, "apply/attachments")
    if action == "previous":
        return redirect(frame.lang, _neighbour("attachments", -1))
    upload = next((f for f in request.files if f.field_name == "attachment" and f.filename), None)
    if upload is None:
        if action == "next":
            return redirect(frame.lang, _neighbour("attachments", +1))
        return _attachments_page(frame, error=frame.t("attachments.error_no_file"), status=400)
    if len(upload.data) > MAX_UPLOAD_BYTES:
        return _attachments_page(frame, error=frame.t("attachments.error_too_big"), status=413)
    kind = file_kind(upload.data)
    if kind is None:
        return _attachments_page(frame, error=frame.t("attachments.error_type"), status=415)
    if len(visitor.attachments) >= MAX_ATTACHMENTS:
        return _attachments_page(frame, error=frame.t("attachments.error_too_many"), status=400)
    name = upload.filename[:120]
    visitor.attachments.append(Attachment(name=name, size=len(upload.data), kind=kind))
    visitor.flash("attachments.added", name=name)
    if action == "next":
        return redirect(frame.lang, _neighbour("attachments", +1))
    return redirect(frame.lang, "apply/attachments/added")


# -- review and send -----------------------------------------------------------------------
def _answer_text(frame: Frame, step: str, name: str, value: str) -> str:
    if not value:
        return frame.t("review.not_given")
    if name in INCOME_FIELDS or name == "rent":
        return html.escape(value) + " " + frame.t("apply.per_month")
    if value in _OPTIONS.get(name, ()):
        return frame.t(f"{step}.{name}_{value}")
    return html.escape(value)  # typed text, or an answer that is not one of the options


_OPTIONS = {"living": LIVING, "status": STATUS, "housing": HOUSING}

_LABELS = {
    "living": "situation.living",
    "status": "situation.status",
    "phone": "situation.phone",
    "wages": "income.wages",
    "benefits": "income.benefits",
    "other": "income.other",
    "housing": "housing.question",
    "rent": "housing.rent",
}


def _review_sections(frame: Frame) -> str:
    visitor = frame.request.visitor
    sections = []
    for step in ("situation", "income", "housing"):
        answers = visitor.answers.get(step, {})
        rows = "".join(
            f"<dt>{frame.t(_LABELS[name])}</dt>"
            f"<dd>{_answer_text(frame, step, name, answers.get(name, ''))}</dd>"
            for name in _FIELDS[step]
        )
        sections.append(
            f'<section class="review-section"><h2>{frame.t("apply.step." + step)}</h2>'
            f"<dl>{rows}</dl>"
            f'<p><a class="button small" href="{page_url(frame.lang, "apply/" + step)}">'
            f"{frame.t('review.change')}</a></p></section>"
        )
    names = "".join(f"<li>{html.escape(a.name)}</li>" for a in visitor.attachments)
    files = f"<ul>{names}</ul>" if names else f"<p>{frame.t('attachments.none')}</p>"
    sections.append(
        f'<section class="review-section"><h2>{frame.t("apply.step.attachments")}</h2>{files}'
        f'<p><a class="button small" href="{page_url(frame.lang, "apply/attachments")}">'
        f"{frame.t('review.change')}</a></p></section>"
    )
    return "".join(sections)


def _review_page(frame: Frame, errors: dict[str, str] | None = None) -> Response:
    errors = errors or {}
    confirm = widgets.checkbox(
        frame,
        "confirm",
        "review.confirm",
        frame.request.form.get("confirm") == "yes",
        error=errors.get("confirm", ""),
    )
    return frame.page(
        "review",
        title="apply.step.review",
        status=400 if errors else 200,
        values={"action": page_url(frame.lang, "apply/review")},
        blocks={
            "progress": _progress(frame, "review"),
            "summary": widgets.error_summary(frame, errors, unlinked=("missing",)),
            "sections": _review_sections(frame),
            "confirm": confirm,
        },
    )


def review(frame: Frame, _arg: str) -> Response:
    return _review_page(frame)


def review_post(frame: Frame, _arg: str) -> Response:
    visitor = frame.request.visitor
    if frame.request.form.get("action") == "previous":
        return redirect(frame.lang, _neighbour("review", -1))
    errors: dict[str, str] = {}
    missing = first_incomplete(visitor.answers)
    if missing is not None:
        link = page_url(frame.lang, "apply/" + missing)
        step_name = frame.t("apply.step." + missing)
        errors["missing"] = f'{frame.t("review.error_missing")} <a href="{link}">{step_name}</a>'
    if frame.request.form.get("confirm") != "yes":
        errors["confirm"] = frame.t("review.error_confirm")
    if errors:
        return _review_page(frame, errors)
    visitor.sent_reference = f"H-{secrets.randbelow(1_000_000):06d}"
    visitor.answers.clear()
    visitor.attachments.clear()
    return redirect(frame.lang, "apply/sent")


def sent(frame: Frame, _arg: str) -> Response:
    reference = frame.request.visitor.sent_reference
    if not reference:
        return redirect(frame.lang, "service")
    return frame.page("sent", title="sent.title", values={"ref": reference})
