"""The embedded browser: the pure navigation policy, and all QtWebEngine code in ``webengine/``.

Only ``kiosk.browser.webengine`` imports QtWebEngine; the rest of the kiosk sees kiosk types.
"""
