"""Advice for guide writers about a whole guide: will it follow the visitor's pages, and
does it open where the visitor should start?

These checks read a guide that has loaded; they only warn (a guide with warnings is
still shown). The rules are explained for writers in ``guides/README.md``.
"""

from __future__ import annotations

from kiosk.guides.matching import url_matches
from kiosk.guides.model import Guide, Problem

#: Every guide the kiosk ships is written in these languages.
GUIDE_LANGUAGES: tuple[str, ...] = ("fi", "sv", "en")

#: How a step names a button of the e-service: ``**Tee hakemus**``.
BUTTON_MARK = "**"


def names_buttons(guide: Guide) -> bool:
    """Does any step tell the visitor to use a button of the e-service?"""
    main = guide.languages[0]
    return any(BUTTON_MARK in step.text.by_language.get(main, "") for step in guide.steps)


def guide_warnings(guide: Guide) -> list[Problem]:
    return [*_follows_no_page(guide), *_skips_at_start(guide)]


def _follows_no_page(guide: Guide) -> list[Problem]:
    """A guide that works in the e-service (it names buttons) should follow at least one page.

    A guide that names no buttons is read beside a page (where to get an ID, how to fetch
    a parcel): it has nothing to follow and is left alone.
    """
    if any(step.url_patterns for step in guide.steps) or not names_buttons(guide):
        return []
    return [
        Problem(
            guide.file,
            guide.steps[0].line,
            "no step has a 'url:', so the guide cannot follow the visitor through the "
            "e-service; give a 'url:' to a step that has a page of its own (for example "
            "the identification step: tunnistus.suomi.fi/*)",
            error=False,
        )
    ]


def _skips_at_start(guide: Guide) -> list[Problem]:
    """A later step whose pattern matches ``start_url`` is shown as soon as the guide opens.

    Step 1 may match the start page: the visitor then stays on "What you need" until
    they press Start (``GuideProgress.follow_url``).
    """
    problems: list[Problem] = []
    for number, step in enumerate(guide.steps, start=1):
        if number == 1:
            continue
        for pattern in step.url_patterns:
            if not url_matches(pattern.text, guide.start_url):
                continue
            skipped = "step 1" if number == 2 else f"steps 1 to {number - 1}"
            problems.append(
                Problem(
                    guide.file,
                    pattern.line,
                    f"step {number} url '{pattern.text}' matches start_url, so the guide "
                    f"jumps to step {number} as soon as the page opens and the visitor "
                    f"never sees {skipped}; "
                    "leave this url out or make it match only later pages",
                    error=False,
                )
            )
    return problems
