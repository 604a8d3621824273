"""The kiosk's help widgets (help dialog, status banner) and ``HelpDesk``, the
QObject that turns the sync client's callbacks into Qt signals. May import PySide6,
``kiosk.helpdesk`` (model, status, client, outbox) and ``kiosk.ui``; never the shell.
"""
