"""The help-desk server: FastAPI app (``app``), what endpoints depend on (``deps``:
state, staff sessions, CSRF, roles), the kiosk and staff APIs, SQLAlchemy store with
Alembic migrations, staff accounts with a bounded sign-in throttle, live events (SSE,
PostgreSQL LISTEN/NOTIFY) and the staff page (``staff_page``, ``static/``). May import
``kiosk.helpdesk.model`` but nothing of the kiosk's Qt side.
"""
