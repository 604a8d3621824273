"""The help-desk server: FastAPI app, SQLAlchemy store with Alembic migrations, staff
authentication, live events (SSE, PostgreSQL LISTEN/NOTIFY) and the staff page. May import
``kiosk.helpdesk.model`` but nothing of the kiosk's Qt side.
"""
