"""The embedded browser: the navigation policy (pure) and, under ``webengine/``, all QtWebEngine code.

Only ``kiosk.browser.webengine`` imports QtWebEngine; the rest of the kiosk sees kiosk types.
"""
