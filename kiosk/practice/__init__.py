"""The local practice site ("Harjoittele") and its server; imports only stdlib and kiosk.paths."""

from kiosk.practice.server import PracticeSite

__all__ = ["PracticeSite"]
