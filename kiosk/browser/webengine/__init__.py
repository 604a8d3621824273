"""Every QtWebEngine import lives in this package (adapters around the pure policy).

May import: PySide6 (QtWebEngine*), ``kiosk.browser.policy``, and the lockdown's pure
tables (``kiosk.lockdown.file_types``, ``kiosk.lockdown.permissions``). The rest of the
kiosk uses ``BrowserContext`` and ``KioskView`` and never touches QtWebEngine classes
directly.
"""
