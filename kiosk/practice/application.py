"""The practice benefit application as data: its pages, questions and how answers are checked.

Pure values and functions (no HTML): the pages in ``apply_pages`` render them. Each check
returns text keys of the catalogue, so every error tells the visitor what to type.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass

#: The form's pages, in order; the last one is the review page.
STEPS: tuple[str, ...] = ("situation", "income", "housing", "attachments", "review")

LIVING = ("alone", "partner", "children", "other")
STATUS = ("unemployed", "sick", "student", "working", "retired", "other")
HOUSING = ("rent", "supported", "friends", "shelter", "none")
#: Housing that has a rent to tell.
HOUSING_WITH_RENT = ("rent", "supported")
INCOME_FIELDS = ("wages", "benefits", "other")

_AMOUNT_RE = re.compile(r"^[0-9]{1,7}([.,][0-9]{1,2})?$")
_PHONE_RE = re.compile(r"^\+?[0-9]{7,15}$")


@dataclass(frozen=True, slots=True)
class FieldError:
    field: str
    key: str  # a text key; the text may use {field}
    field_key: str = ""  # text key of the field's name, for {field}


def compact(value: str) -> str:
    return re.sub(r"[\s\u00a0-]", "", value)


def amount_ok(value: str) -> bool:
    return bool(_AMOUNT_RE.match(compact(value).removesuffix("€")))


def phone_ok(value: str) -> bool:
    return bool(_PHONE_RE.match(compact(value)))


def check_situation(answers: Mapping[str, str]) -> list[FieldError]:
    errors = []
    if answers.get("living") not in LIVING:
        errors.append(FieldError("living", "situation.error_living"))
    if answers.get("status") not in STATUS:
        errors.append(FieldError("status", "situation.error_status"))
    phone = answers.get("phone", "").strip()
    if phone and not phone_ok(phone):
        errors.append(FieldError("phone", "mobile.error_digits"))
    return errors


def check_income(answers: Mapping[str, str]) -> list[FieldError]:
    errors = []
    for name in INCOME_FIELDS:
        value = answers.get(name, "").strip()
        if not value:
            errors.append(FieldError(name, "income.error_empty", f"income.{name}"))
        elif not amount_ok(value):
            errors.append(FieldError(name, "income.error_number", f"income.{name}"))
    return errors


def check_housing(answers: Mapping[str, str]) -> list[FieldError]:
    errors = []
    housing = answers.get("housing")
    if housing not in HOUSING:
        errors.append(FieldError("housing", "housing.error_choose"))
    rent = answers.get("rent", "").strip()
    if rent and not amount_ok(rent):
        errors.append(FieldError("rent", "income.error_number", "housing.rent"))
    elif not rent and housing in HOUSING_WITH_RENT:
        errors.append(FieldError("rent", "housing.error_rent"))
    return errors


CHECKS = {"situation": check_situation, "income": check_income, "housing": check_housing}


def first_incomplete(answers: Mapping[str, Mapping[str, str]]) -> str | None:
    """The first form page whose answers are missing or wrong (None: all fine)."""
    for step, check in CHECKS.items():
        if check(answers.get(step, {})):
            return step
    return None


#: What a visitor's upload really is, by its first bytes (never by its name alone).
_SIGNATURES = (
    (b"%PDF-", "pdf"),
    (b"\x89PNG\r\n\x1a\n", "png"),
    (b"\xff\xd8\xff", "jpg"),
)


def file_kind(data: bytes) -> str | None:
    for signature, kind in _SIGNATURES:
        if data.startswith(signature):
            return kind
    return None
