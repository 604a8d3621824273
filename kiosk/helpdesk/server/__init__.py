"""The help-desk server: FastAPI app (``app``), what endpoints depend on (``deps``:
state, staff sessions, CSRF, roles), the kiosk and staff APIs, SQLAlchemy store with
Alembic migrations, staff accounts with a bounded sign-in throttle, live events (SSE,
PostgreSQL LISTEN/NOTIFY), screen shares (``share*``, ``api_share``: records in the
database, pictures in memory only) and the staff page (``staff_page``, ``static/``).
May import ``kiosk.helpdesk.model`` and ``kiosk.helpdesk.share_model`` but nothing of
the kiosk's Qt side.
"""
