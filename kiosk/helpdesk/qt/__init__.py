"""The kiosk's help widgets (help dialog, status banner, ``share/``: the screen share)
and ``HelpDesk``, the QObject that turns the sync client's callbacks into Qt signals.
May import PySide6, ``kiosk.helpdesk`` (model, status, client, outbox, share model and
link), ``kiosk.browser.webengine.view`` and ``kiosk.ui``; never the shell.
"""
