"""The admin mode's widgets: code pad, panel and its pages, out-of-order screen, remote
command notice; and ``AdminMode``, which ``KioskApp`` wires to the window."""
