"""Widgets and looks every feature shares: controls, theme, icons, QR codes, guide markup,
the flow layout and the full-window overlay. May import PySide6 and ``kiosk.paths``; never
a feature package (shell, helpdesk, admin, ...), which all import this one instead.
"""
