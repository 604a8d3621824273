"""Remote help that can see: the consent question, the red "your screen is shared"
banner, the pointer ring, the masked pictures of the kiosk's window, and
``ScreenShare``, which runs a share from the question to its end. May import PySide6,
``kiosk.helpdesk`` (share model and link, status), ``kiosk.browser.webengine.view`` (the
web view's own API) and ``kiosk.ui``; never the shell.
"""
