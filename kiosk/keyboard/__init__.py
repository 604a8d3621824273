"""The on-screen keyboard (issue 17): Qt Virtual Keyboard docked in the kiosk's window.

``kiosk.keyboard.choice`` (pure) decides whether it is on and prepares the environment
before Qt starts; ``kiosk.keyboard.qt`` holds the panel, loaded only when a text field
first takes the focus on a kiosk whose keyboard is on.
"""
