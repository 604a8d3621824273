"""The visitor-facing Qt shell: main window, top bar, home tiles, service view, guide panel,
info pages, theme and translations. Widgets render models from ``guides`` and ``session``
and hold no state of their own.
"""
