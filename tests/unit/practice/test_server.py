"""The server itself: every page in every language, friendly errors, a clean start and stop."""

from __future__ import annotations

import re
import socket
import threading
import urllib.error
import urllib.request

import httpx
import pytest

from kiosk.practice import PracticeSite
from kiosk.practice import routes as routes_mod
from kiosk.practice.pages import BANKS
from tests.unit.practice.visitor import Visitor

LANGS = ("fi", "sv", "en")
PRACTICE_WORD = {"fi": "HARJOITUS", "sv": "ÖVNING", "en": "PRACTICE"}

#: Pages anyone can open, and pages for a visitor who has logged in.
OPEN_PAGES = ("", "identify", "idcard", "mobile", "logged-out", *(f"bank/{b}" for b in BANKS))
LOGGED_IN_PAGES = (
    "service",
    "apply/situation",
    "apply/income",
    "apply/housing",
    "apply/attachments",
    "apply/review",
    "messages",
    "messages/decision",
)


def _assert_practice_page(page: httpx.Response, lang: str) -> None:
    assert page.headers["content-type"] == "text/html; charset=utf-8"
    assert f'<html lang="{lang}">' in page.text
    assert f"<strong>{PRACTICE_WORD[lang]}.</strong>" in page.text  # the banner
    assert PRACTICE_WORD[lang] in re.search(r"<title>(.*)</title>", page.text).group(1)  # type: ignore[union-attr]
    assert "{{" not in page.text
    assert "Traceback" not in page.text


@pytest.mark.parametrize("lang", LANGS)
def test_every_page_renders_in_every_language(visitor: Visitor, lang: str) -> None:
    for path in OPEN_PAGES:
        page = visitor.get(f"/{lang}/{path}")
        assert page.status_code == 200, path
        _assert_practice_page(page, lang)
    visitor.get(f"/{lang}/bank/harjoitus")
    approve = visitor.post(f"/{lang}/bank/harjoitus", {"userid": "1234"})
    assert approve.url.path == f"/{lang}/approve/harjoitus"
    _assert_practice_page(approve, lang)
    scam = visitor.post(f"/{lang}/approve/harjoitus", {"action": "mismatch"})
    _assert_practice_page(scam, lang)
    _assert_practice_page(visitor.post(f"/{lang}/approve/harjoitus", {"action": "approve"}), lang)
    visitor.get(f"/{lang}/mobile")
    wait = visitor.post(f"/{lang}/mobile", {"phone": "0401234567"})
    assert wait.url.path == f"/{lang}/mobile-wait"
    _assert_practice_page(wait, lang)
    _assert_practice_page(visitor.post(f"/{lang}/mobile-wait", {"action": "pin"}), lang)
    mail = visitor.post(f"/{lang}/continue")
    assert mail.url.path == f"/{lang}/digital-mail"
    _assert_practice_page(mail, lang)
    _assert_practice_page(visitor.post(f"/{lang}/digital-mail", {"email": "x"}), lang)
    visitor.get("/reset?lang=" + lang)

    visitor.log_in(lang)
    for path in LOGGED_IN_PAGES:
        page = visitor.get(f"/{lang}/{path}")
        assert page.status_code == 200, path
        _assert_practice_page(page, lang)
    visitor.fill_application(lang)
    sent = visitor.post(f"/{lang}/apply/review", {"confirm": "yes", "action": "approve"})
    _assert_practice_page(sent, lang)


@pytest.mark.parametrize("lang", LANGS)
def test_the_sample_statement_is_a_pdf_to_save(visitor: Visitor, lang: str) -> None:
    from kiosk.practice.statement import period

    response = visitor.get(f"/{lang}/statement")
    assert response.status_code == 200
    assert response.headers["content-type"] == "application/pdf"
    name = {"fi": "harjoitus-tiliote.pdf", "sv": "ovning-kontoutdrag.pdf"}.get(
        lang, "practice-statement.pdf"
    )
    assert response.headers["content-disposition"] == f'attachment; filename="{name}"'
    data = response.content
    assert data.startswith(b"%PDF-1.4") and data.rstrip().endswith(b"%%EOF")
    start, end = period(__import__("datetime").date.today())
    assert f"{start.day}.{start.month}.{start.year}".encode() in data
    assert f"{end.day}.{end.month}.{end.year}".encode() in data
    assert b"Harri Harjoittelija" in data


def test_language_links_lead_to_the_same_page(visitor: Visitor) -> None:
    page = visitor.get("/fi/identify")
    assert 'href="/sv/identify"' in page.text
    assert 'href="/en/identify"' in page.text


@pytest.mark.parametrize(
    ("accept", "lang"),
    [
        (None, "fi"),
        ("fi-FI,fi;q=0.9,en;q=0.5", "fi"),
        ("sv-FI,sv;q=0.9,fi;q=0.6,en;q=0.5", "sv"),
        ("en-GB,en;q=0.9,fi;q=0.5", "en"),
        ("de-DE,de;q=0.9", "fi"),
        ("de;q=0.9,sv;q=0.3,en;q=0.8", "en"),
        ("garbage;q=x, ,;", "fi"),
    ],
)
def test_the_root_opens_in_the_browsers_language(
    site: PracticeSite, accept: str | None, lang: str
) -> None:
    headers = {"Accept-Language": accept} if accept is not None else {}
    page = httpx.get(site.base_url + "/", headers=headers, follow_redirects=False)
    assert page.status_code == 303
    assert page.headers["location"] == f"/{lang}/"


def test_unknown_pages_get_a_friendly_404(visitor: Visitor) -> None:
    for path in ("/fi/nothing", "/de/", "/fi/bank/realbank", "/static/nothing.css", "/x/y/z"):
        page = visitor.get(path)
        assert page.status_code == 404, path
        assert 'href="/fi/"' in page.text
        assert "Traceback" not in page.text
    assert "Page not found" in visitor.get("/en/nothing").text


def test_a_post_to_a_page_without_a_form(visitor: Visitor) -> None:
    page = visitor.post("/fi/identify", {"x": "1"})
    assert page.status_code == 405
    assert "Palaa etusivulle" in page.text


def test_pages_after_login_ask_to_log_in_first(visitor: Visitor) -> None:
    for path in LOGGED_IN_PAGES:
        page = visitor.get(f"/en/{path}")
        assert page.status_code == 403
        assert "Log in first" in page.text
    assert visitor.post("/en/apply/review", {"confirm": "yes"}).status_code == 403


def test_an_unknown_method_and_a_broken_request_get_the_friendly_page(site: PracticeSite) -> None:
    page = httpx.request("PUT", site.base_url + "/fi/")
    assert page.status_code == 501
    assert "HARJOITUS" in page.text
    with socket.create_connection(("127.0.0.1", site.port)) as raw:
        raw.sendall(b"GET /fi/ HTTP/1.x\r\n\r\n")  # a broken version
        answer = raw.makefile("rb").read()
    assert answer.startswith(b"HTTP/1.0 400")
    assert b"HARJOITUS" in answer
    assert b"Traceback" not in answer


def test_a_failing_page_is_a_friendly_500(
    visitor: Visitor, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(*_args: object) -> None:
        raise RuntimeError("a bug")

    monkeypatch.setattr(routes_mod, "dispatch", broken)
    page = visitor.get("/fi/")
    assert page.status_code == 500
    assert "Se ei ollut sinun vikasi" in page.text
    assert "a bug" not in page.text


def test_head_sends_headers_only(site: PracticeSite) -> None:
    page = httpx.head(site.base_url + "/fi/")
    assert page.status_code == 200
    assert page.content == b""
    assert int(page.headers["content-length"]) > 0


def test_security_headers_and_no_caching(visitor: Visitor) -> None:
    page = visitor.get("/fi/")
    assert "default-src 'self'" in page.headers["content-security-policy"]
    assert page.headers["x-content-type-options"] == "nosniff"
    assert page.headers["cache-control"] == "no-store"
    cookie = page.headers.get("set-cookie") or ""
    assert "HttpOnly" in cookie
    assert "SameSite=Lax" in cookie
    assert "Max-Age" not in cookie  # a session cookie: gone with the browser profile
    assert "Expires" not in cookie


def test_static_files(visitor: Visitor) -> None:
    css = visitor.get("/static/practice.css")
    assert css.status_code == 200
    assert css.headers["content-type"].startswith("text/css")
    svg = visitor.get("/static/logo-bank-harjoitus.svg")
    assert svg.headers["content-type"] == "image/svg+xml"
    assert visitor.get("/static/../texts.toml").status_code == 404
    assert visitor.get("/static/%2e%2e/texts.toml").status_code == 404


def test_every_static_file_a_page_names_exists(visitor: Visitor) -> None:
    visitor.log_in("fi")
    pages = [visitor.get(path).text for path in ("/fi/identify", "/fi/apply/attachments")]
    visitor.fill_application("fi")
    pages.append(visitor.post("/fi/apply/review", {"confirm": "yes"}).text)
    for text in pages:
        for name in re.findall(r'(?:src|href)="(/static/[^"]+)"', text):
            assert visitor.get(name).status_code == 200, name


def test_start_stop_and_context_manager() -> None:
    site = PracticeSite()
    with pytest.raises(RuntimeError):
        _ = site.base_url
    site.start()
    try:
        assert re.fullmatch(r"http://127\.0\.0\.1:\d+", site.base_url)
        assert site.port > 0
        with pytest.raises(RuntimeError):
            site.start()
        assert httpx.get(site.base_url + "/fi/").status_code == 200
    finally:
        site.stop()
    site.stop()  # a second stop does nothing
    assert not site.running
    assert not [t for t in threading.enumerate() if t.name == "practice-site"]


def test_stop_closes_idle_connections_and_frees_the_port() -> None:
    with PracticeSite() as site:
        port = site.port
        idle = socket.create_connection(("127.0.0.1", port))  # a browser's spare connection
        with Visitor(site.base_url) as someone:
            someone.log_in("fi")
        assert len(site.visitors) == 1
    assert len(site.visitors) == 0  # everything forgotten
    assert idle.recv(1) == b""  # the server closed it
    idle.close()
    with pytest.raises(urllib.error.URLError):
        urllib.request.urlopen(f"http://127.0.0.1:{port}/fi/", timeout=5)


def test_forget_visitors_for_the_wipe(site: PracticeSite, visitor: Visitor) -> None:
    visitor.log_in("fi")
    assert len(site.visitors) == 1
    site.forget_visitors()
    assert len(site.visitors) == 0
    assert visitor.get("/fi/service").status_code == 403


def test_two_sites_side_by_side() -> None:
    with PracticeSite() as first, PracticeSite() as second:
        assert first.port != second.port
        assert httpx.get(second.base_url + "/en/").status_code == 200
