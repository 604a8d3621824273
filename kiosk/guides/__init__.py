"""Guides: the model, the loader with validation (file:line errors), URL-to-step matching,
and the visitor's progress through a guide. Pure Python: no Qt here (the panel widget
lives in ``kiosk.shell.guide_panel``).
"""
