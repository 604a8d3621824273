"""The plain report that ``kiosk guides check`` prints (and the admin view shows)."""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Mapping
from pathlib import Path

from kiosk.guides import freshness
from kiosk.guides.freshness import MAX_AGE_DAYS, stale_problems
from kiosk.guides.loader import load_library
from kiosk.guides.model import Library


def check_report(
    folder: Path,
    identification_hosts: Iterable[str],
    substitutions: Mapping[str, str] | None = None,
    *,
    today: datetime.date | None = None,
) -> tuple[str, bool]:
    """Return (report text, everything fine: no errors and no warnings).

    ``substitutions`` fill in ``{name}`` in the guides, as the kiosk does (``{practice}``:
    the local practice site's address). A guide last checked more than
    :data:`~kiosk.guides.freshness.MAX_AGE_DAYS` days before ``today`` (default: the
    computer's date, :data:`~kiosk.guides.freshness.clock`) gets a warning.
    """
    library = with_freshness(
        load_library(folder, identification_hosts, substitutions),
        today or freshness.clock(),
    )
    return library_report(folder, library)


def with_freshness(library: Library, today: datetime.date) -> Library:
    """The library with a warning for each guide due a new check (:data:`MAX_AGE_DAYS`)."""
    stale = stale_problems(library.guides, today, MAX_AGE_DAYS)
    return Library(library.guides, (*library.problems, *stale), library.skipped)


def library_report(folder: Path, library: Library) -> tuple[str, bool]:
    """The report for a library that is already loaded (``kiosk guides pack`` uses it too)."""
    lines: list[str] = [f"Guides in {folder}"]
    if not library.guides and not library.problems:
        lines.append("  No guides found. Each guide is a folder with a guide.yaml in it.")
        return "\n".join(lines), False
    for guide in library.guides:
        own = [p for p in library.problems if p.file == guide.file]
        state = "OK" if not own else f"{len(own)} warning(s)"
        languages = ", ".join(guide.languages)
        lines.append(f"  {state:<14} {guide.id} ({len(guide.steps)} steps, {languages})")
    for skipped in library.skipped:
        lines.append(f"  {'NOT SHOWN':<14} {skipped} (errors below)")
    if library.problems:
        lines.append("")
        lines.append("Problems:")
        lines.extend(f"  {problem}" for problem in library.problems)
    lines.append("")
    errors, warnings = len(library.errors), len(library.warnings)
    lines.append(
        f"{len(library.guides)} guide(s) ready, {len(library.skipped)} not shown; "
        f"{errors} error(s), {warnings} warning(s)."
    )
    if errors:
        lines.append("A guide with errors is not shown on the kiosk until it is fixed.")
    elif warnings:
        lines.append("Guides with warnings are shown, but please fix the warnings.")
    return "\n".join(lines), not library.problems
