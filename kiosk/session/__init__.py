"""The visitor's session: the pure lifecycle state machine and preferences, and the
``Session`` object that owns everything a visitor can touch (browser profile, session
folder, choices). The state machine and preferences import no Qt; ``session.py`` does.
"""
