"""The safe rooms: the kiosk's own viewer, print preview, file chooser, link card, notices,
page dialogs and new-window host, and ``SafeRooms``, which answers every page's signals
with one of them. May import ``ui``, ``browser``, ``lockdown`` and the shell's service view.
"""
