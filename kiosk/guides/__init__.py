"""Guides: the model, the loader with validation (file:line errors), URL-to-step matching,
the visitor's progress through a guide, and guide packs (``packs``: the file format;
``installed``: the packs on this kiosk and the switch between them; ``updater``: fetching
new ones through a source the composition root gives). Pure Python: no Qt here (the
panel widget lives in ``kiosk.shell.guide_panel``, the timer in ``kiosk.app_packs``).
"""
