"""The practice errands over real HTTP, the way a browser does them."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from tests.unit.practice.visitor import PDF, Visitor, code_on

LANGS = ("fi", "sv", "en")


@pytest.mark.parametrize("lang", LANGS)
def test_bank_login_application_and_decision(visitor: Visitor, lang: str) -> None:
    front = visitor.get(f"/{lang}/")
    assert front.status_code == 200
    assert f'href="/{lang}/identify"' in front.text

    service = visitor.log_in(lang, bank="kivi")
    assert service.url.path == f"/{lang}/service"
    assert "Harri Harjoittelija" in service.text

    assert visitor.get(f"/{lang}/apply").url.path == f"/{lang}/apply/situation"
    visitor.fill_application(lang)
    uploaded = visitor.upload(lang, "vuokrasopimus.pdf", PDF, "application/pdf")
    assert uploaded.status_code == 200
    assert uploaded.url.path == f"/{lang}/apply/attachments/added"
    assert "vuokrasopimus.pdf" in uploaded.text

    review = visitor.get(f"/{lang}/apply/review")
    assert "vuokrasopimus.pdf" in review.text
    assert "650,50" in review.text
    sent = visitor.post(f"/{lang}/apply/review", {"confirm": "yes", "action": "approve"})
    assert sent.url.path == f"/{lang}/apply/sent"
    assert "H-" in sent.text
    assert "7" in sent.text

    messages = visitor.get(f"/{lang}/messages")
    assert 'id="open-decision"' in messages.text
    decision = visitor.get(f"/{lang}/messages/decision")
    assert decision.status_code == 200
    assert "312" in decision.text

    out = visitor.get(f"/{lang}/logout")
    assert out.url.path == f"/{lang}/logged-out"
    assert visitor.get(f"/{lang}/service").status_code == 403


def test_mobile_certificate_login(visitor: Visitor) -> None:
    page = visitor.get("/en/mobile")
    assert page.status_code == 200
    wait = visitor.post("/en/mobile", {"phone": "040 123 4567"})
    assert wait.url.path == "/en/mobile-wait"
    assert code_on(wait.text, "reference-code") == code_on(wait.text, "phone-code")
    continue_page = visitor.post("/en/mobile-wait", {"action": "pin"})
    assert continue_page.url.path == "/en/continue"
    assert visitor.finish_login("en").url.path == "/en/service"


def test_id_card_login_through_the_phone_app(visitor: Visitor) -> None:
    page = visitor.get("/fi/idcard")
    assert page.status_code == 200
    assert 'id="card-scan"' in page.text
    assert "Puhelimen vaihe 1/3" in page.text
    page = visitor.post("/fi/idcard", {"action": "next"})
    assert page.url.path == "/fi/idcard"
    assert 'id="card-read"' in page.text
    page = visitor.post("/fi/idcard", {"action": "next"})
    assert 'id="card-pin"' in page.text and "PIN1" in page.text
    page = visitor.post("/fi/idcard", {"action": "next"})
    assert page.url.path == "/fi/continue"
    assert visitor.finish_login("fi").url.path == "/fi/service"


def test_the_card_app_is_not_entered_in_the_middle(visitor: Visitor) -> None:
    assert visitor.post("/en/idcard", {"action": "next"}).status_code == 409


def test_the_bank_login_is_approved_in_the_app_and_never_typed(visitor: Visitor) -> None:
    visitor.get("/sv/bank/kuusi")
    page = visitor.post("/sv/bank/kuusi", {"userid": "12345678"})
    assert page.url.path == "/sv/approve/kuusi"
    assert "<input" not in page.text.split('class="phone"')[0].split("<main")[1]
    assert 'id="app-approve"' in page.text and 'id="app-reject"' in page.text
    assert code_on(page.text, "reference-code") == code_on(page.text, "phone-code")


def test_rejecting_in_the_app_cancels_with_praise(visitor: Visitor) -> None:
    visitor.get("/fi/bank/harjoitus")
    visitor.post("/fi/bank/harjoitus", {"userid": "12345678"})
    front = visitor.post("/fi/approve/harjoitus", {"action": "reject"})
    assert front.url.path == "/fi/"
    assert "Painoit <strong>Hylkää</strong>" in front.text
    assert visitor.get("/fi/continue").status_code == 409


def test_a_scam_shows_other_codes_and_approving_it_stops_the_login(visitor: Visitor) -> None:
    visitor.get("/en/bank/kivi")
    page = visitor.post("/en/bank/kivi", {"userid": "12345678"})
    on_screen = code_on(page.text, "reference-code")
    scam = visitor.post("/en/approve/kivi", {"action": "mismatch"})
    assert scam.url.path == "/en/approve/kivi"
    assert code_on(scam.text, "reference-code") == on_screen
    assert code_on(scam.text, "phone-code") != on_screen
    lesson = visitor.post("/en/approve/kivi", {"action": "approve"})
    assert lesson.status_code == 200
    assert "Stop! The codes were not the same" in lesson.text
    assert visitor.get("/en/continue").status_code == 409


def test_official_mail_page_comes_once_and_checks_the_address(visitor: Visitor) -> None:
    visitor.get("/en/mobile")
    visitor.post("/en/mobile", {"phone": "0401234567"})
    visitor.post("/en/mobile-wait", {"action": "pin"})
    mail = visitor.post("/en/continue")
    assert mail.url.path == "/en/digital-mail"
    assert "Mail from authorities now comes online" in mail.text
    assert "half a year at a time" in mail.text
    empty = visitor.post("/en/digital-mail", {"email": ""})
    assert empty.status_code == 400 and "Type an email address" in empty.text
    wrong = visitor.post("/en/digital-mail", {"email": "harri at home"})
    assert wrong.status_code == 400 and 'value="harri at home"' in wrong.text
    service = visitor.post("/en/digital-mail", {"email": "harri@example.com"})
    assert service.url.path == "/en/service"
    # The next login in the same visit goes straight to the service.
    visitor.get("/en/logout")
    assert visitor.log_in("en").url.path == "/en/service"
    assert visitor.get("/en/digital-mail").url.path == "/en/service"


def test_the_mail_page_needs_an_identification(visitor: Visitor) -> None:
    assert visitor.get("/fi/digital-mail").status_code == 409
    assert visitor.post("/fi/digital-mail", {"email": "a@b.fi"}).status_code == 409


def test_codes_that_differ_cancel_the_login(visitor: Visitor) -> None:
    visitor.get("/fi/mobile")
    visitor.post("/fi/mobile", {"phone": "+358401234567"})
    front = visitor.post("/fi/mobile-wait", {"action": "differ"})
    assert front.url.path == "/fi/"
    assert "koodit eivät olleet samat" in front.text
    assert visitor.get("/fi/continue").status_code == 409


def test_cancel_returns_to_the_front_page_with_a_note(visitor: Visitor) -> None:
    visitor.get("/sv/bank/jarvi")
    front = visitor.get("/sv/cancel")
    assert front.url.path == "/sv/"
    assert "Du avbröt inloggningen" in front.text
    # The note is shown once.
    assert "Du avbröt inloggningen" not in visitor.get("/sv/").text
    # A request that is not a page (the browser asking for an icon) does not eat the note.
    assert visitor.http.get("/sv/cancel", follow_redirects=False).status_code == 303
    assert visitor.http.get("/favicon.ico", follow_redirects=False).status_code == 404
    assert "Du avbröt inloggningen" in visitor.get("/sv/").text


def test_back_into_the_middle_of_a_login_explains_and_offers_a_restart(
    visitor: Visitor,
) -> None:
    page = visitor.get("/en/approve/harjoitus")
    assert page.status_code == 409
    assert "The login stopped" in page.text
    assert 'href="/en/identify"' in page.text
    assert visitor.post("/en/approve/harjoitus", {"action": "approve"}).status_code == 409
    assert visitor.post("/en/continue").status_code == 409


@pytest.mark.parametrize(
    ("path", "form", "message"),
    [
        ("/fi/bank/harjoitus", {"userid": ""}, "Kirjoita käyttäjätunnus"),
        ("/fi/bank/harjoitus", {"userid": "abc"}, "vain numeroita"),
        ("/en/mobile", {"phone": ""}, "Type a phone number"),
        ("/en/mobile", {"phone": "call me"}, "only numbers"),
    ],
)
def test_missing_or_wrong_login_fields_explain_what_to_fix(
    visitor: Visitor, path: str, form: dict[str, str], message: str
) -> None:
    visitor.get(path)
    page = visitor.post(path, form)
    assert page.status_code == 400
    assert message in page.text
    assert page.text.count(message) == 1  # one field: its error once, beside it
    assert 'aria-invalid="true"' in page.text
    assert "Traceback" not in page.text


def test_form_pages_keep_answers_and_explain_errors(visitor: Visitor) -> None:
    visitor.log_in("en")
    page = visitor.post("/en/apply/situation", {"phone": "abc", "action": "next"})
    assert page.status_code == 400
    for message in ("Choose who you live with", "Choose what describes", "only numbers"):
        assert message in page.text
    assert 'value="abc"' in page.text  # what was typed is shown again

    page = visitor.post(
        "/en/apply/income", {"wages": "", "benefits": "lots", "other": "0", "action": "next"}
    )
    assert page.status_code == 400
    assert "Write an amount in Wages" in page.text
    assert "In Other benefits you can only write numbers" in page.text

    page = visitor.post("/en/apply/housing", {"housing": "rent", "rent": "", "action": "next"})
    assert page.status_code == 400
    assert "Write your rent" in page.text


def test_previous_saves_without_checking(visitor: Visitor) -> None:
    visitor.log_in("fi")
    page = visitor.post("/fi/apply/income", {"wages": "12", "action": "previous"})
    assert page.url.path == "/fi/apply/situation"
    assert 'value="12"' in visitor.get("/fi/apply/income").text


def test_approve_needs_the_box_and_every_page(visitor: Visitor) -> None:
    visitor.log_in("fi")
    page = visitor.post("/fi/apply/review", {"action": "approve"})
    assert page.status_code == 400
    assert "Valitse ruutu" in page.text
    assert 'href="/fi/apply/situation"' in page.text  # the missing page is a link
    visitor.fill_application("fi")
    sent = visitor.post("/fi/apply/review", {"confirm": "yes", "action": "approve"})
    assert sent.url.path == "/fi/apply/sent"
    # The application was sent: nothing of it is kept but its number.
    assert "650,50" not in visitor.get("/fi/apply/review").text


def test_state_is_per_visitor(new_visitor: Callable[[], Visitor]) -> None:
    anna, bert = new_visitor(), new_visitor()
    anna.log_in("fi")
    anna.post("/fi/apply/income", {"wages": "4321", "action": "previous"})
    anna.upload("fi", "annan-tiliote.pdf", PDF, "application/pdf")

    assert bert.get("/fi/service").status_code == 403
    assert bert.get("/fi/apply/income").status_code == 403
    bert.log_in("fi")
    assert "4321" not in bert.get("/fi/apply/income").text
    assert "annan-tiliote.pdf" not in bert.get("/fi/apply/attachments").text
    assert "4321" in anna.get("/fi/apply/income").text


def test_reset_forgets_the_visitor(visitor: Visitor) -> None:
    visitor.log_in("sv")
    page = visitor.get("/reset?lang=sv")
    assert page.url.path == "/sv/"
    assert visitor.get("/sv/service").status_code == 403


def test_switching_language_keeps_the_answers(visitor: Visitor) -> None:
    visitor.log_in("fi")
    visitor.post("/fi/apply/income", {"wages": "777", "action": "previous"})
    page = visitor.get("/sv/apply/income")
    assert 'value="777"' in page.text
    assert 'lang="sv"' in page.text


def test_logged_in_visitors_skip_the_login_pages(visitor: Visitor) -> None:
    visitor.log_in("en")
    for path in ("/en/identify", "/en/bank/kuusi", "/en/mobile", "/en/continue"):
        assert visitor.get(path).url.path == "/en/service"
    assert "You are already logged in" in visitor.get("/en/").text
