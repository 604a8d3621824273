"""Admin mode and self-healing for staff: the unlock (a one-time code or a PIN, checked by
a verifier out of the kiosk's reach), the admin panel (health, guides, settings, actions),
remote commands from the staff page, and the out-of-order screen.

Pure modules (no Qt): ``codes``, ``throttle``, ``state``, ``verifier``, ``protocol``,
``transport``, ``daemon``, ``health``, ``settings_edit``, ``commands``. Qt lives in
``kiosk.admin.qt``, which imports kiosk.ui but no other feature's widgets.
"""
