"""Digituki kiosk: a safe self-service e-service kiosk for day centres.

Feature packages (guides, browser, session, shell, speech, lockdown, helpdesk, practice)
hold a pure-Python model and thin Qt code around it; ``ui`` holds the widgets they share;
``kiosk.app`` wires them together. The import rules are checked by import-linter
(``[tool.importlinter]`` in pyproject.toml).
"""

__version__ = "0.1.0"
