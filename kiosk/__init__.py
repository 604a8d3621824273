"""Digituki kiosk: a safe self-service e-service kiosk for day centres.

Feature packages (guides, browser, session, shell, lockdown, admin, helpdesk, stats) hold a
pure-Python model and thin Qt code around it; ``kiosk.app`` wires them together.
"""

__version__ = "0.1.0"
