"""Help requests ("call digital support"): the pure request model shared by both sides
(``model``), the kiosk's durable outbox and sync client (``outbox``, ``client``, and
``connection``: HTTP with the standard library), screen sharing's rules and the kiosk's
line for it (``share_model``, ``share_link``), the help-desk server (``server/``,
FastAPI) and the kiosk's widgets (``qt/``). The kiosk's side imports neither Qt nor
FastAPI nor an HTTP library; only ``qt/`` imports PySide6 and only ``server/`` imports
FastAPI/SQLAlchemy.
"""
