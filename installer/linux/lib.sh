# Shared by install.sh and uninstall.sh (sourced, not run). Paths and small helpers.
# shellcheck shell=bash
# The paths are used by the scripts that source this file.
# shellcheck disable=SC2034

KIOSK_USER=kiosk
PROGRAM_DIR=/opt/digituki-kiosk
SETTINGS_DIR=/etc/digituki-kiosk
SETTINGS_FILE=$SETTINGS_DIR/kiosk.toml
STATE_DIR=/var/lib/digituki-kiosk
DATA_DIR=$STATE_DIR/data
ADMIN_DIR=$STATE_DIR/admin
HOME_DIR=$STATE_DIR/home
INSTALL_STATE=$STATE_DIR/install-state
UNIT_DIR=/etc/systemd/system
KIOSK_UNIT=digituki-kiosk.service
ADMIN_UNIT=digituki-kiosk-admin.service
LOGIND_DROPIN=/etc/systemd/logind.conf.d/50-digituki-kiosk.conf
SYSTEM_DROPIN=/etc/systemd/system.conf.d/50-digituki-kiosk.conf
SYSCTL_FILE=/etc/sysctl.d/50-digituki-kiosk.conf
POLKIT_RULE=/etc/polkit-1/rules.d/50-digituki-kiosk.rules
UDISKS_OPTIONS=/etc/udisks2/mount_options.conf
APPARMOR_PROFILE=/etc/apparmor.d/digituki-kiosk-webengine
CUPSD_CONF=/etc/cups/cupsd.conf
# The kiosk's lines in cupsd.conf: this comment, then its two settings. A setting of the
# same name that was there before is kept, commented out with CUPSD_SAVED in front.
CUPSD_MARK="# Digituki kiosk: printed documents and their history are not kept."
CUPSD_SAVED="#digituki-kiosk# "
# Where machine facts are read; tests point it at a folder of fake /proc files.
PROC=${KIOSK_INSTALL_PROC:-/proc}

say() { printf '%s\n' "$*"; }
warn() { printf 'WARNING: %s\n' "$*" >&2; }
die() {
    printf '\nSTOPPED: %s\n' "$*" >&2
    exit 1
}

# True inside a chroot (the installer's tests) or when systemd is not running: then
# nothing is started or applied now, only installed for the next boot.
offline_system() {
    if command -v systemd-detect-virt >/dev/null 2>&1 && systemd-detect-virt --chroot >/dev/null 2>&1; then
        return 0
    fi
    [ ! -d /run/systemd/system ]
}

# The value of KEY in the install state file (empty when unknown).
state_get() {
    [ -f "$INSTALL_STATE" ] || return 0
    sed -n "s/^$1=//p" "$INSTALL_STATE" | tail -n 1
}

state_set() {
    mkdir -p "$STATE_DIR"
    touch "$INSTALL_STATE"
    chmod 0600 "$INSTALL_STATE"
    if grep -q "^$1=" "$INSTALL_STATE"; then
        sed -i "s|^$1=.*|$1=$2|" "$INSTALL_STATE"
    else
        printf '%s=%s\n' "$1" "$2" >>"$INSTALL_STATE"
    fi
}
