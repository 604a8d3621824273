"""The embedded browser: the pure navigation policy, and all QtWebEngine code in ``webengine/``.

Only ``kiosk.browser.webengine`` imports QtWebEngine; the rest of the kiosk sees kiosk types.
"""


class UnsafeBrowserError(RuntimeError):
    """A visitor's browser that is not off the record or not locked down (a Qt upgrade
    that changed a default, say). ``str()`` names what is wrong. The kiosk refuses to go
    on: ``kiosk run`` exits as refused (2), and a human must look at the machine."""
