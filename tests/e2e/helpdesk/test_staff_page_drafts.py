"""What a staff member picked or typed on a card survives the card being rebuilt.

The queue rebuilds its cards whenever anything changes (a new request from another
kiosk, the live stream reconnecting, the clock line every 30 s). A supporter who picks
"5 minutes" and then taps "I'm coming" must send 5 minutes even if the card was rebuilt
in between; a half-typed message or note must still be there.
"""

from __future__ import annotations

from playwright.sync_api import BrowserContext, Page, expect

from tests.helpers.helpdesk_page import (  # noqa: F401 - fixtures
    card,
    rid,
    sign_in,
    sqlite_database_url,
    staff_page_context,
)
from tests.helpers.helpdesk_servers import KioskApi, Seeded


def mark(page: Page, request_id: str) -> None:
    """Tag the card's present element: a rebuilt card has lost the tag."""
    page.locator(f'article.card[data-id="{request_id}"]').evaluate("(node) => node.__old = true")


def rebuilt(page: Page, request_id: str) -> bool:
    return not page.locator(f'article.card[data-id="{request_id}"]').evaluate(
        "(node) => node.__old === true"
    )


def wait_rebuilt(page: Page, request_id: str) -> None:
    page.wait_for_function(
        "(id) => !document.querySelector(`article.card[data-id='${id}']`).__old", arg=request_id
    )


def test_picked_minutes_and_typed_words_survive_a_rebuild(
    context: BrowserContext, seeded: Seeded
) -> None:
    kiosk = KioskApi(seeded.url, seeded.pair_kiosk("Common room"))
    page = context.new_page()
    sign_in(page, seeded.url)
    mine = rid()
    kiosk.send(mine, topic="form")
    found = card(page, mine)
    expect(found).to_be_visible()
    found.locator("select.minutes").select_option("5")
    found.get_by_role("button", name="More").click()
    found.locator(".message-row input").fill("Back in a moment")
    found.locator(".note-row input").fill("Asked about rent")
    page.locator("#search").focus()  # the card no longer has the focus: it may be rebuilt
    mark(page, mine)

    # Another kiosk's request arrives: the whole queue is drawn again.
    other = rid()
    KioskApi(seeded.url, seeded.pair_kiosk("Hallway")).send(other, topic="print")
    expect(card(page, other)).to_be_visible()
    assert rebuilt(page, mine), "the card was not rebuilt: the test shows nothing"
    expect(found.locator("select.minutes")).to_have_value("5")
    expect(found.locator(".more-panel")).to_be_visible()
    expect(found.locator(".message-row input")).to_have_value("Back in a moment")
    expect(found.locator(".note-row input")).to_have_value("Asked about rent")

    found.get_by_role("button", name="I'm coming").click()
    expect(found.locator(".badge")).to_have_text("Someone is coming")
    assert kiosk.status(mine).json()["request"]["minutes"] == 5
    # Still typed after that change too; sending it clears the field for good.
    expect(found.locator(".message-row input")).to_have_value("Back in a moment")
    found.locator(".message-row button").click()
    expect(found).to_contain_text("“Back in a moment”")
    assert kiosk.status(mine).json()["request"]["message"] == "Back in a moment"
    expect(found.locator(".message-row input")).to_have_value("")
    # The note was never saved: it is still a draft, not the card's note.
    expect(found.locator(".note")).to_have_count(0)
    expect(found.locator(".note-row input")).to_have_value("Asked about rent")


def test_a_cleared_choice_is_not_brought_back(context: BrowserContext, seeded: Seeded) -> None:
    """Choosing "…" again (no time) is a choice too: the take sends no minutes."""
    kiosk = KioskApi(seeded.url, seeded.pair_kiosk())
    page = context.new_page()
    sign_in(page, seeded.url)
    mine = rid()
    kiosk.send(mine)
    found = card(page, mine)
    found.locator("select.minutes").select_option("10")
    found.locator("select.minutes").select_option("")
    page.locator("#search").focus()
    mark(page, mine)
    KioskApi(seeded.url, seeded.pair_kiosk("Hallway")).send(rid())
    wait_rebuilt(page, mine)
    expect(found.locator("select.minutes")).to_have_value("")
    found.get_by_role("button", name="I'm coming").click()
    expect(found.locator(".badge")).to_have_text("Someone is coming")
    assert kiosk.status(mine).json()["request"].get("minutes") is None


def test_opened_outcomes_and_a_chosen_colleague_survive_a_rebuild(
    context: BrowserContext, seeded: Seeded
) -> None:
    """After "Close" the outcomes stay open through a rebuild: the next tap lands on the
    outcome it was aimed at, not on whatever a rebuild moved into its place."""
    seeded.accounts.add_staff("ville", "another long password", display_name="Ville")
    seeded.accounts.add_staff("maria", "a third long password", display_name="Maria")
    kiosk = KioskApi(seeded.url, seeded.pair_kiosk())
    page = context.new_page()
    sign_in(page, seeded.url)
    mine = rid()
    kiosk.send(mine, topic="login")
    found = card(page, mine)
    found.get_by_role("button", name="I'm coming").click()
    expect(found.locator(".badge")).to_have_text("Someone is coming")
    found.get_by_role("button", name="More").click()
    who = found.locator("select.hand-over")
    names = who.locator("option").all_inner_texts()
    first = who.input_value()
    # The colleague not shown at first: a rebuild that forgot the choice shows the other.
    other = next(
        value
        for value in who.locator("option").evaluate_all("(os) => os.map((o) => o.value)")
        if value != first
    )
    who.select_option(other)
    chosen = who.locator(f'option[value="{other}"]').inner_text().removesuffix(" ●")
    found.get_by_role("button", name="Close").click()
    expect(found.locator(".outcomes")).to_be_visible()
    page.locator("#search").focus()
    mark(page, mine)
    KioskApi(seeded.url, seeded.pair_kiosk("Hallway")).send(rid())
    wait_rebuilt(page, mine)
    expect(found.locator(".outcomes")).to_be_visible()
    expect(who).to_have_value(other)
    assert len(names) >= 2
    found.get_by_role("button", name="Hand over").click()
    expect(found).to_contain_text(f"by {chosen}")
    assert kiosk.status(mine).json()["request"]["staff_name"] == chosen
    found.get_by_role("button", name="Couldn't reach").click()
    expect(found).to_have_count(0)
    assert kiosk.status(mine).json()["request"]["outcome"] == "unreachable"
