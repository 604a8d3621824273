"""The supervisor (``kiosk supervise``): runs the kiosk as a child process and heals it.

It restarts a kiosk that exits or stops answering its heartbeat, ends every process the
old kiosk left behind (the browser engine's included), and after repeated fast failures
shows an "out of order" screen of its own and tells the help desk. Pure Python apart from
the screen, which is a separate ``kiosk out-of-order`` process (kiosk/admin/qt).

Imports no Qt and no feature widgets; the help desk's stdlib connection only.
"""
