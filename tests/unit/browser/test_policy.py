"""The navigation policy: where the embedded browser may go (pure, no Qt)."""

from __future__ import annotations

import pytest

from kiosk.browser.policy import (
    AllowList,
    BackStep,
    Navigation,
    Verdict,
    back_step,
    decide,
    loggable,
    parse_host_rule,
)

ALLOW = AllowList.parse(["www.kela.fi", "*.kanta.fi", "http://127.0.0.1:8123"])


def verdict(url: str, main_frame: bool = True) -> Verdict:
    return decide(Navigation(url, main_frame), ALLOW).verdict


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://www.kela.fi/toimeentulotuki", Verdict.ALLOW),
        ("https://WWW.KELA.FI/x", Verdict.ALLOW),
        ("https://www.kela.fi:8443/x", Verdict.ALLOW),  # https rules allow any port
        ("https://kela.fi/", Verdict.BLOCK_HOST),  # only the listed host
        ("https://asiointi.kela.fi/", Verdict.BLOCK_HOST),
        ("https://kanta.fi/", Verdict.ALLOW),  # *.kanta.fi includes kanta.fi itself
        ("https://www.kanta.fi/omakanta", Verdict.ALLOW),
        ("https://evilkanta.fi/", Verdict.BLOCK_HOST),  # not a subdomain
        ("https://kanta.fi.evil.example/", Verdict.BLOCK_HOST),
        ("http://127.0.0.1:8123/practice", Verdict.ALLOW),
        ("http://127.0.0.1:8124/", Verdict.BLOCK_HOST),  # another port
        ("http://localhost:8123/", Verdict.BLOCK_HOST),  # another name
        ("https://127.0.0.1:8123/", Verdict.ALLOW),  # an http rule allows https too
        ("http://www.kela.fi/x", Verdict.UPGRADE),  # allowed for https: upgraded
        ("http://unknown.example/", Verdict.BLOCK_HOST),
        ("https://example.com/", Verdict.BLOCK_HOST),
    ],
)
def test_hosts_and_http(url: str, expected: Verdict) -> None:
    assert verdict(url) is expected


@pytest.mark.parametrize(
    "url",
    [
        "file:///etc/passwd",
        "file:///C:/Windows/System32/cmd.exe",
        "view-source:https://www.kela.fi/",
        "chrome://settings",
        "chrome://inspect",
        "devtools://devtools/bundled/inspector.html",
        "qrc:/index.html",
        "ms-settings:display",
        "ms-msdt:/id PCWDiagnostic",
        "search-ms:query=secret",
        "shell:startup",
        "intent://scan/#Intent;scheme=zxing;end",
        "javascript:alert(1)",
        "data:text/html,<h1>hi</h1>",
        "blob:https://www.kela.fi/1234",
        "about:settings",
        "ftp://files.example/",
        "smb://server/share",
        "steam://run/1",
        "",
        "not a url",
    ],
)
def test_other_schemes_are_refused(url: str) -> None:
    assert verdict(url) is Verdict.BLOCK_SCHEME


@pytest.mark.parametrize(
    ("url", "target"),
    [
        ("tel:+358295000", "+358295000"),
        ("mailto:kela@example.org", "kela@example.org"),
        ("mailto:kela@example.org?subject=Hei", "kela@example.org"),
        ("sms:+358401234567", "+358401234567"),
    ],
)
def test_tel_mailto_sms_become_a_card(url: str, target: str) -> None:
    decision = decide(Navigation(url), ALLOW)
    assert decision.verdict is Verdict.EXTERNAL
    assert decision.target == target


def test_about_blank_and_kiosk_pages_are_allowed() -> None:
    assert verdict("about:blank") is Verdict.ALLOW
    assert verdict("kiosk:viewer/1") is Verdict.ALLOW


def test_frames_may_use_other_https_hosts_but_not_plain_http() -> None:
    assert verdict("https://chat.example.com/widget", main_frame=False) is Verdict.ALLOW
    assert verdict("http://ads.example.com/", main_frame=False) is Verdict.BLOCK_SCHEME
    assert verdict("data:text/html,x", main_frame=False) is Verdict.ALLOW
    assert verdict("file:///etc/passwd", main_frame=False) is Verdict.BLOCK_SCHEME


def test_upgrade_keeps_path_and_query() -> None:
    decision = decide(Navigation("http://www.kela.fi/a/b?c=1"), ALLOW)
    assert decision.target == "https://www.kela.fi/a/b?c=1"


def test_blocked_host_names_host_not_url() -> None:
    decision = decide(Navigation("https://evil.example/path?secret=1"), ALLOW)
    assert decision.target == "evil.example"
    assert "secret" not in decision.reason


@pytest.mark.parametrize(
    ("rule", "message"),
    [
        ("ftp://kela.fi", "only http:// or https://"),
        ("www.kela.fi/path", "without a path"),
        ("kela.fi:99999", "port"),
        ("kela.fi:abc", "port"),
        ("*.fi", "followed by a domain"),
        ("ke*la.fi", "only at the start"),
        ("kela..fi", "not a host name"),
        ("", "not a host name"),
        ("kela fi", "letters, digits"),
    ],
)
def test_bad_host_rules_are_explained(rule: str, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        parse_host_rule(rule)


def test_host_rule_forms() -> None:
    assert parse_host_rule("*.Kela.fi").subdomains
    assert parse_host_rule("http://localhost").port == 80
    assert parse_host_rule("https://www.kela.fi/").host == "www.kela.fi"


@pytest.mark.parametrize(
    ("url", "logged"),
    [
        ("https://www.kela.fi/omakela?hetu=010101-123X#x", "https://www.kela.fi"),
        ("http://127.0.0.1:8000/form?name=Matti", "http://127.0.0.1"),
        ("mailto:matti@example.org", "mailto:"),
    ],
)
def test_loggable_never_keeps_path_or_query(url: str, logged: str) -> None:
    assert loggable(url) == logged


# -- Back ----------------------------------------------------------------------------------
IDENTIFICATION = AllowList.parse(["tunnistus.suomi.fi", "*.op.fi"])


@pytest.mark.parametrize("new_window", [False, True])
def test_back_during_identification_explains_cancel(new_window: bool) -> None:
    for address in ("https://tunnistus.suomi.fi/sso?x=1", "https://login.op.fi/"):
        step = back_step(address, IDENTIFICATION, can_go_back=True, new_window=new_window)
        assert step is BackStep.EXPLAIN_CANCEL


def test_back_goes_back_in_the_history_elsewhere() -> None:
    step = back_step("https://www.kela.fi/x", IDENTIFICATION, can_go_back=True, new_window=False)
    assert step is BackStep.GO_BACK
    step = back_step("https://www.kela.fi/x", IDENTIFICATION, can_go_back=True, new_window=True)
    assert step is BackStep.GO_BACK


def test_back_without_history_closes_a_new_window_and_does_nothing_on_the_page() -> None:
    page = back_step("https://www.kela.fi/", IDENTIFICATION, can_go_back=False, new_window=False)
    window = back_step("https://www.kela.fi/", IDENTIFICATION, can_go_back=False, new_window=True)
    assert page is BackStep.NOTHING
    assert window is BackStep.CLOSE_WINDOW


@pytest.mark.parametrize("address", ["", "about:blank", "http://[::1", "not a url"])
def test_back_on_an_odd_address_is_decided_by_the_history(address: str) -> None:
    assert back_step(address, IDENTIFICATION, can_go_back=True, new_window=False) is (
        BackStep.GO_BACK
    )
