"""The practice guides follow every page of the practice site (pure: no browser here).

The Qt walkthrough (tests/qt/practice) proves the same with a real web view; this test
is quick and runs each language.
"""

from __future__ import annotations

import re

import pytest

from kiosk import paths
from kiosk.guides.loader import DEFAULT_SUBSTITUTIONS, load_guide
from kiosk.guides.matching import matching_steps
from kiosk.guides.model import Guide
from kiosk.guides.progress import GuideProgress, PageKind
from kiosk.practice import routes
from kiosk.practice.__main__ import DEFAULT_PORT

BASE = "http://127.0.0.1:41234"


def _guide(guide_id: str, base: str | None = BASE) -> Guide:
    file = paths.bundled_guides_dir() / guide_id / "guide.yaml"
    substitutions = {"practice": base} if base else None
    guide, problems = load_guide(file, ("tunnistus.suomi.fi",), substitutions)
    assert not problems, [str(p) for p in problems]
    assert guide is not None
    return guide


@pytest.mark.parametrize("guide_id", ["practice-login", "practice-application"])
def test_the_practice_guides_load_without_problems(guide_id: str) -> None:
    guide = _guide(guide_id)
    assert guide.category == "practice"
    assert guide.start_url == BASE + "/"
    assert guide.allowed_hosts == (BASE,)
    assert guide.languages == ("fi", "sv", "en")
    patterns = [p.text for step in guide.steps for p in step.url_patterns]
    assert all(p == BASE or p.startswith(BASE + "/") for p in patterns)
    assert len(patterns) == len(set(patterns))


@pytest.mark.parametrize("guide_id", ["practice-login", "practice-application"])
def test_without_a_substitution_the_default_address_is_used(guide_id: str) -> None:
    guide = _guide(guide_id, base=None)
    assert guide.start_url == DEFAULT_SUBSTITUTIONS["practice"] + "/"


def test_the_cli_serves_where_the_default_points() -> None:
    assert DEFAULT_SUBSTITUTIONS["practice"] == f"http://127.0.0.1:{DEFAULT_PORT}"


def _walk(guide: Guide, pages: list[tuple[str, int | None]]) -> None:
    """Follow the pages; ``None``: the guide still shows "What you need" (its start page)."""
    progress = GuideProgress(guide)
    for path, step in pages:
        progress.follow_url(BASE + path)
        assert progress.step_index == step, f"{path}: step {progress.step_index}, not {step}"
        if step is None:
            assert progress.page.kind is PageKind.NEEDS


LOGIN_PAGES: list[tuple[str, int | None]] = [
    ("/{lang}/", None),
    ("/{lang}/identify", 1),
    ("/{lang}/bank/kuusi", 2),
    ("/{lang}/approve/kuusi", 3),
    ("/{lang}/continue", 7),
    ("/{lang}/digital-mail", 8),
    ("/{lang}/service", 9),
    ("/{lang}/logged-out", 10),
]
#: The other two ways to log in, after choosing on the identification page.
MOBILE_PAGES: list[tuple[str, int | None]] = [
    ("/{lang}/identify", 1),
    ("/{lang}/mobile", 4),
    ("/{lang}/mobile-wait", 5),
    ("/{lang}/continue", 7),
]
CARD_PAGES: list[tuple[str, int | None]] = [
    ("/{lang}/identify", 1),
    ("/{lang}/idcard", 6),
    ("/{lang}/continue", 7),
]
APPLICATION_PAGES: list[tuple[str, int | None]] = [
    ("/{lang}/", None),
    ("/{lang}/identify", 1),
    ("/{lang}/bank/harjoitus", 1),
    ("/{lang}/approve/harjoitus", 1),
    ("/{lang}/continue", 1),
    ("/{lang}/digital-mail", 1),
    ("/{lang}/service", 2),
    ("/{lang}/apply/situation", 3),
    ("/{lang}/apply/income", 4),
    ("/{lang}/apply/housing", 5),
    ("/{lang}/apply/attachments", 6),
    ("/{lang}/apply/attachments/added", 7),
    ("/{lang}/apply/review", 8),
    ("/{lang}/apply/sent", 9),
    ("/{lang}/messages", 10),
    ("/{lang}/messages/decision", 10),
]


def test_the_front_page_is_step_one_once_started() -> None:
    for guide_id in ("practice-login", "practice-application"):
        progress = GuideProgress(_guide(guide_id))
        progress.next()  # the visitor pressed Start on "What you need"
        progress.follow_url(BASE + "/fi/")
        assert progress.step_index == 0


@pytest.mark.parametrize("lang", ["fi", "sv", "en"])
def test_the_guides_follow_every_page_in_every_language(lang: str) -> None:
    _walk(_guide("practice-login"), [(p.format(lang=lang), s) for p, s in LOGIN_PAGES])
    _walk(_guide("practice-application"), [(p.format(lang=lang), s) for p, s in APPLICATION_PAGES])


@pytest.mark.parametrize("pages", [MOBILE_PAGES, CARD_PAGES], ids=["mobile", "card"])
def test_the_login_guide_follows_each_way_to_identify(pages: list[tuple[str, int | None]]) -> None:
    progress = GuideProgress(_guide("practice-login"))
    progress.next()  # the visitor pressed Start
    _walk_on(progress, [(p.format(lang="fi"), s) for p, s in pages])


def test_cancelling_the_login_shows_step_one_again() -> None:
    """Keskeytä or Hylkää during the login lead to the front page: the visitor starts over."""
    progress = GuideProgress(_guide("practice-application"))
    progress.next()
    _walk_on(
        progress,
        [
            ("/fi/", 0),
            ("/fi/identify", 1),
            ("/fi/approve/kivi", 1),
            ("/fi/", 0),
            ("/fi/identify", 1),
        ],
    )


def _walk_on(progress: GuideProgress, pages: list[tuple[str, int | None]]) -> None:
    for path, step in pages:
        progress.follow_url(BASE + path)
        assert progress.step_index == step, f"{path}: step {progress.step_index}, not {step}"


#: Pages no guide step follows, and why.
NOT_FOLLOWED = {
    "cancel": "redirects to the front page",
    "logout": "redirects to logged-out",
    "apply": "redirects to the first form page",
    "statement": "a file to save, not a page (the kiosk opens it in its viewer)",
}


def test_every_page_of_the_site_is_followed_by_a_guide() -> None:
    """A page added to the site needs a step (or a reason in NOT_FOLLOWED)."""
    guides = [_guide("practice-login"), _guide("practice-application")]
    for route in routes.ROUTES:
        path = route.pattern.pattern.replace("\\", "")
        path = re.sub(r"\([a-z|]+\)", "harjoitus", path)
        if path in NOT_FOLLOWED:
            continue
        url = f"{BASE}/sv/{path}"
        assert any(matching_steps(guide, url) for guide in guides), f"no step follows /{path}"
