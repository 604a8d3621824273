"""Help requests ("call digital support"): the pure request model shared by both sides
(``model``), the kiosk's durable outbox and sync client, the help-desk server
(``server/``, FastAPI) and the kiosk's widgets (``qt/``). ``model``, ``outbox`` and
``client`` import neither Qt nor FastAPI; only ``qt/`` imports PySide6 and only
``server/`` imports FastAPI/SQLAlchemy.
"""
