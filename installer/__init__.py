"""The kiosk's installers and bundle build (not part of the ``kiosk`` package)."""
