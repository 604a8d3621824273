"""WORKAROUND (PySide6 6.12): do not let shiboken read the source of every module.

Once PySide6 is imported, shiboken's import hook reads the whole source text of every
Python module imported after it (``inspect.getsource``) to see whether it names PySide6,
for ``from __feature__ import snake_case``, which the kiosk never uses. A kiosk run from
source (a pip install or a checkout) then keeps the source of about 180 modules in
``linecache``: about 5 MiB of memory for as long as it runs, read at every start. (The
bundle has no source files to read, so it never paid this.)

Here every module counts as one that uses PySide6 with no feature chosen, which is what
the kiosk's modules are. ``kiosk/app.py`` imports this module before its other kiosk
modules (the leading underscore sorts it first); importing it is what applies it.
``tests/qt/shell/test_first_screen_imports.py`` fails if the source is read again.
"""

from __future__ import annotations

import sys
from types import ModuleType

#: The shiboken function that reads a module's source (checked by name, so that a PySide6
#: that no longer has it is left alone).
_HOOK = "_mod_uses_pyside"


def _uses_pyside(_module: ModuleType) -> bool:
    return True


def skip_source_reading() -> bool:
    """Apply the workaround if PySide6 is loaded; True if it was applied."""
    feature = sys.modules.get("shibokensupport.feature")
    if feature is None or not hasattr(feature, _HOOK):
        return False
    setattr(feature, _HOOK, _uses_pyside)
    return True


skip_source_reading()
