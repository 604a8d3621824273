"""The visitor-facing Qt shell: main window, attract screen, top bar, home tiles, service
view, guide panel, info pages and translations; ``rooms/`` holds the safe rooms. Widgets
render models from ``guides`` and ``session`` and hold no state of their own. May import
``ui``, ``browser``, ``guides``, ``session``'s models, ``lockdown`` and ``speech``.
"""
