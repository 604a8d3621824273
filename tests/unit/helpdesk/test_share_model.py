"""The rules of a screen share, without a display or a server: the kiosk's side of one
share, what a web view's area shows in a picture, where a point lands, the byte budget,
and the staff page's words for it."""

from __future__ import annotations

import re
from importlib import resources

import pytest

from kiosk.browser.policy import AllowList
from kiosk.helpdesk.server.labels import LABELS
from kiosk.helpdesk.server.share_labels import SHARE_LABELS
from kiosk.helpdesk.share_model import (
    ASK_TIMEOUT_S,
    MAX_DURATION_S,
    RENEW_OFFER_S,
    Ask,
    ByteBudget,
    EndReason,
    Pause,
    Phase,
    Point,
    VisitorShare,
    first_name,
    pause_for,
    valid_fraction,
)


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def test_only_allow_starts_a_share() -> None:
    clock = Clock()
    share = VisitorShare(clock)
    assert share.allow() is None  # nothing asked: nothing to allow
    assert share.ask(Ask("s1", "Anna"))
    assert share.phase is Phase.ASKING
    assert not share.ask(Ask("s2", "Bert"))  # one question at a time
    assert share.allow() == "s1"
    assert share.phase is Phase.SHARING
    assert not share.ask(Ask("s3", "Bert"))  # nor a second supporter while sharing
    assert share.end() == "s1"
    assert share.phase is Phase.IDLE
    assert not share.ask(Ask("s1", "Anna"))  # a late copy of an old question
    assert share.ask(Ask("s4", "Anna"))


def test_a_question_nobody_answers_goes_away() -> None:
    clock = Clock()
    share = VisitorShare(clock)
    share.ask(Ask("s1", "Anna"))
    clock.now += ASK_TIMEOUT_S - 1
    assert share.due() is None
    clock.now += 1
    assert share.due() is EndReason.NO_ANSWER


def test_time_limit_and_keep_sharing() -> None:
    clock = Clock()
    share = VisitorShare(clock)
    share.ask(Ask("s1", "Anna"))
    share.allow()
    clock.now += MAX_DURATION_S - RENEW_OFFER_S - 1
    assert not share.offer_renewal
    clock.now += 1
    assert share.offer_renewal
    assert share.renew()
    assert not share.offer_renewal
    assert share.seconds_left == MAX_DURATION_S
    clock.now += MAX_DURATION_S
    assert share.due() is EndReason.TIME_LIMIT


def test_forget_leaves_nothing_of_the_visitor() -> None:
    share = VisitorShare(Clock())
    share.ask(Ask("s1", "Anna"))
    share.end()
    assert share.remembered == 1
    share.forget()
    assert share.remembered == 0
    assert share.supporter == ""


def test_what_the_web_area_shows() -> None:
    identification = AllowList.parse(["tunnistus.suomi.fi", "*.op.fi"])
    sensitive = identification.allows_origin
    page = frozenset({"https://www.kela.fi:443"})
    assert pause_for(page, False, sensitive) is Pause.NONE
    assert pause_for(page, True, sensitive) is Pause.PASSWORD
    assert pause_for(page, None, sensitive) is Pause.PASSWORD  # cannot tell: hidden
    bank = frozenset({"https://www.kela.fi:443", "https://login.op.fi:443"})
    assert pause_for(bank, False, sensitive) is Pause.IDENTIFICATION
    # The same host on another port is another site.
    local = AllowList.parse(["http://127.0.0.1:9000"]).allows_origin
    assert local("http://127.0.0.1:9000")
    assert not local("http://127.0.0.1:9001")
    assert not local("not an address")


@pytest.mark.parametrize(
    ("x", "y", "width", "height", "spot"),
    [
        (0.0, 0.0, 1024, 768, (0, 0)),
        (0.5, 0.5, 1024, 768, (512, 384)),
        (1.0, 1.0, 1024, 768, (1023, 767)),
        (0.25, 0.75, 1366, 768, (342, 576)),
    ],
)
def test_a_point_lands_on_the_same_spot_of_any_window(
    x: float, y: float, width: int, height: int, spot: tuple[int, int]
) -> None:
    assert Point(x, y).on(width, height) == spot


@pytest.mark.parametrize("bad", [-0.1, 1.01, float("nan"), float("inf"), True])
def test_a_point_off_the_picture_is_refused(bad: float) -> None:
    with pytest.raises(ValueError, match="fractions"):
        valid_fraction(bad)
    with pytest.raises(ValueError, match="fractions"):
        Point(bad, 0.5)


def test_first_name_only() -> None:
    assert first_name("Anna Virtanen") == "Anna"
    assert first_name("  ") == ""
    assert len(first_name("A" * 100)) == 30


def test_byte_budget() -> None:
    clock = Clock()
    budget = ByteBudget(rate=1000, burst=2000, clock=clock)
    assert budget.take(1500)
    assert not budget.take(1000)
    assert budget.wait_for(1000) == pytest.approx(0.5)
    clock.now += 0.5
    assert budget.take(1000)
    clock.now += 100  # never more than the burst saved up
    assert budget.take(2000)
    assert not budget.take(1)


def test_staff_page_has_every_word_of_the_screen_view() -> None:
    keys = set(SHARE_LABELS["en"])
    assert set(SHARE_LABELS) == set(LABELS)
    for language, words in SHARE_LABELS.items():
        assert set(words) == keys, language
        assert all(value.strip() for value in words.values()), language
        assert not keys & set(LABELS[language]), "a share label hides a page label"
    for reason in EndReason:
        assert f"share_ended_{reason.value}" in keys
    script = (
        resources.files("kiosk.helpdesk.server") / "static" / "views" / "share.js"
    ).read_text()
    used = set(re.findall(r"""\b(?:t|fmt)\("([a-z_]+)"\)""", script))
    used |= set(re.findall(r"""\b(?:t|fmt)\("([a-z_]+)",""", script))
    known = keys | set(LABELS["en"])
    assert used and used <= known, used - known
