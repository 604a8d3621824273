"""Read aloud: ``Speaker`` (in the kiosk) and the speech engine's worker, which runs in a
child process (``kiosk speech-worker``) so a hung speech daemon cannot freeze the kiosk.
May import PySide6 and ``kiosk.paths``; no other feature.
"""
