"""No way out of the kiosk: pure door tables and the thin Qt filters that apply them.

May import: the pure modules (keys, windows, permissions, file_types, print_quota,
removable) import no Qt; ``event_filter`` and ``window_guard`` import PySide6 and those.
"""
