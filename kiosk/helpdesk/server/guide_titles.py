"""Guide titles for the staff page: "Kela: basic social assistance", not its file id.

The titles come from the guides that ship with the kiosk, in the staff page's language.
A guide the help desk does not know (a centre's own) is shown by its id.
"""

from __future__ import annotations

import functools

from kiosk import paths
from kiosk.guides.loader import load_library

# The practice guides' addresses name the practice site; any address does for a title.
_SUBSTITUTIONS = {"practice": "http://127.0.0.1"}


@functools.cache
def guide_titles(language: str) -> dict[str, str]:
    """Guide id -> title in ``language`` (or the nearest language the guide has)."""
    library = load_library(paths.bundled_guides_dir(), substitutions=_SUBSTITUTIONS)
    return {guide.id: guide.title(language) for guide in library.guides}
