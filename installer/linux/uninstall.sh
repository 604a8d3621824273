#!/usr/bin/env bash
# Undoes install.sh: the kiosk's units, user, files and settings go, and the PC boots to
# its login screen again. Works after a half-finished install too, and can be run twice.
# The system packages install.sh added (cage, udisks2, cups ...) are left installed.
#
#   sudo ./uninstall.sh
set -uo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=installer/linux/lib.sh
. "$here/lib.sh"

[ "$(id -u)" -eq 0 ] || die "run the uninstaller as root: sudo $0"

display_manager="$(state_get display_manager)"
default_target="$(state_get default_target)"
udisks_backup="$(state_get udisks_backup)"
created_user="$(state_get created_user)"

if ! offline_system; then
    systemctl stop "$KIOSK_UNIT" "$ADMIN_UNIT" 2>/dev/null
fi
systemctl disable "$KIOSK_UNIT" "$ADMIN_UNIT" >/dev/null 2>&1
rm -f "$UNIT_DIR/$KIOSK_UNIT" "$UNIT_DIR/$ADMIN_UNIT"
systemctl unmask ctrl-alt-del.target >/dev/null 2>&1
[ -n "$default_target" ] && systemctl set-default "$default_target" >/dev/null 2>&1
[ -n "$display_manager" ] && systemctl enable "$display_manager" >/dev/null 2>&1

rm -f "$LOGIND_DROPIN" "$SYSTEM_DROPIN" "$SYSCTL_FILE" "$POLKIT_RULE"
rmdir /etc/systemd/logind.conf.d /etc/systemd/system.conf.d 2>/dev/null
if [ -n "$udisks_backup" ] && [ -f "$udisks_backup" ]; then
    mv "$udisks_backup" "$UDISKS_OPTIONS"
elif [ -f "$UDISKS_OPTIONS" ] && grep -q 'Digituki kiosk' "$UDISKS_OPTIONS"; then
    rm -f "$UDISKS_OPTIONS"
fi
if [ -f "$CUPSD_CONF" ] && grep -q "^$CUPSD_MARK\$" "$CUPSD_CONF"; then
    sed -i -e "/^$CUPSD_MARK\$/,+2d" -e "s/^$CUPSD_SAVED//" "$CUPSD_CONF"
    offline_system || systemctl try-restart cups >/dev/null 2>&1
fi
if [ -f "$APPARMOR_PROFILE" ]; then
    if ! offline_system && command -v apparmor_parser >/dev/null 2>&1; then
        apparmor_parser -R "$APPARMOR_PROFILE" >/dev/null 2>&1
    fi
    rm -f "$APPARMOR_PROFILE"
fi

rm -f /usr/local/bin/digituki-kiosk
rm -rf "$PROGRAM_DIR" "$PROGRAM_DIR.new" "$PROGRAM_DIR.old" "$SETTINGS_DIR" "$STATE_DIR" /run/digituki-kiosk
if getent passwd "$KIOSK_USER" >/dev/null && [ "$created_user" != no ]; then
    userdel "$KIOSK_USER" >/dev/null 2>&1 || warn "the user $KIOSK_USER could not be removed: userdel $KIOSK_USER"
    getent group "$KIOSK_USER" >/dev/null && groupdel "$KIOSK_USER" >/dev/null 2>&1
fi

if ! offline_system; then
    systemctl daemon-reload
    sysctl -q --system >/dev/null 2>&1
fi
say "The kiosk is removed. Restart the PC (sudo reboot) to get the login screen back."
exit 0
