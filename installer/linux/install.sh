#!/usr/bin/env bash
# Turns this PC into a Digituki kiosk: an unprivileged "kiosk" user whose only program is
# the kiosk, in the cage compositor on tty1, restarted if it stops.
#
#   sudo ./install.sh                      asks a few questions
#   sudo ./install.sh --yes [options]      asks nothing (see --help)
#
# It first checks that the PC can run the kiosk and stops with a plain message, changing
# nothing, if it cannot. It can be run again (to change the answers or update the kiosk);
# ./uninstall.sh undoes it. Debian 12+, Ubuntu 22.04+, Linux Mint 21+ on x86-64.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=installer/linux/lib.sh
. "$here/lib.sh"

usage() {
    cat <<'EOF'
Usage: sudo ./install.sh [options]

  --bundle PATH          the kiosk: a digituki-kiosk-linux-x86_64.tar.xz or its folder
                         (default: the .tar.xz next to this script)
  --centre NAME          the centre's name, shown on the start screen
  --helpdesk URL         the help desk's address (empty: no help desk)
  --pairing-code CODE    the one-time code from the help desk (kiosk helpdesk pair-code)
  --printer NAME         printer name (empty: the system's default printer)
  --usb read-only|none   USB sticks: read-only for attaching files, or not at all (none)
  --pin-stdin            read the admin PIN from standard input (first line)
  --yes                  ask nothing; use the options and defaults
  --check-only           only check whether this PC can run the kiosk
EOF
}

bundle=""
centre=""
helpdesk=""
pairing_code=""
printer=""
usb="none"
pin=""
pin_stdin=0
assume_yes=0
check_only=0
while [ $# -gt 0 ]; do
    case "$1" in
        --bundle) bundle="${2:?--bundle needs a path}"; shift 2 ;;
        --centre) centre="${2?}"; shift 2 ;;
        --helpdesk) helpdesk="${2?}"; shift 2 ;;
        --pairing-code) pairing_code="${2?}"; shift 2 ;;
        --printer) printer="${2?}"; shift 2 ;;
        --usb) usb="${2:?--usb needs read-only or none}"; shift 2 ;;
        --pin-stdin) pin_stdin=1; shift ;;
        --yes) assume_yes=1; shift ;;
        --check-only) check_only=1; shift ;;
        -h | --help) usage; exit 0 ;;
        *) usage >&2; die "unknown option: $1" ;;
    esac
done
case "$usb" in read-only | none) ;; *) die "--usb must be read-only or none (got: $usb)" ;; esac

# -- 1. Can this PC run the kiosk? (nothing is changed before these pass) ------------------
check_machine() {
    local arch flags missing=() flag glibc major minor mem_kb free_kb id_like
    arch="$(uname -m)"
    case "$arch" in
        x86_64) ;;
        i?86) die "this is a 32-bit system ($arch). The kiosk needs 64-bit Debian, Ubuntu or Mint." ;;
        *) die "this PC's processor type ($arch) is not supported; the kiosk needs an x86-64 PC." ;;
    esac
    flags=" $(grep -m1 '^flags' "$PROC/cpuinfo" 2>/dev/null | cut -d: -f2) "
    for flag in cx16 lahf_lm popcnt sse4_1 sse4_2 ssse3; do
        case "$flags" in *" $flag "*) ;; *) missing+=("$flag") ;; esac
    done
    if [ ${#missing[@]} -gt 0 ]; then
        die "this PC's processor is too old for the kiosk (Qt 6 needs x86-64-v2; it lacks: ${missing[*]}).
  Use a newer PC: roughly any Intel Core or AMD processor made after 2009."
    fi
    glibc="$(getconf GNU_LIBC_VERSION 2>/dev/null | awk '{print $2}')"
    major="${glibc%%.*}"
    minor="${glibc#*.}"
    minor="${minor%%.*}"
    if [ -z "$glibc" ] || [ "$major" -lt 2 ] || { [ "$major" -eq 2 ] && [ "$minor" -lt 34 ]; }; then
        die "this system is too old (C library ${glibc:-unknown}; the kiosk needs 2.34 or newer).
  Install Debian 12, Ubuntu 22.04 or Linux Mint 21, or newer."
    fi
    mem_kb="$(awk '/^MemTotal:/ {print $2}' "$PROC/meminfo" 2>/dev/null || echo 0)"
    if [ "${mem_kb:-0}" -lt 1800000 ]; then
        die "this PC has $((${mem_kb:-0} / 1024)) MB of memory; the kiosk needs at least 2 GB (4 GB is better)."
    fi
    mkdir -p /opt
    free_kb="$(df -Pk /opt | awk 'NR==2 {print $4}')"
    if [ "${free_kb:-0}" -lt 2000000 ]; then
        die "the disk is too full: $((${free_kb:-0} / 1024)) MB free under /opt; the kiosk needs 2 GB.
  Free some space (for example: sudo apt-get clean) and run this again."
    fi
    id_like="$(. /etc/os-release 2>/dev/null && echo "${ID:-} ${ID_LIKE:-}")"
    case " $id_like " in
        *" debian "* | *" ubuntu "*) ;;
        *) die "this installer is for Debian, Ubuntu and Linux Mint (this is: ${id_like:-unknown})." ;;
    esac
    command -v systemctl >/dev/null 2>&1 || die "this system has no systemd; the kiosk needs it."
    command -v apt-get >/dev/null 2>&1 || die "this system has no apt-get."
}

[ "$(id -u)" -eq 0 ] || die "run the installer as root: sudo $0 $*"
check_machine
say "This PC can run the kiosk."
[ $check_only -eq 1 ] && exit 0

# -- 2. Questions ---------------------------------------------------------------------------
ask() { # ask VARIABLE "question" : keeps the current value when the answer is empty
    local answer
    read -r -p "$2 [${!1}]: " answer || true
    [ -n "$answer" ] && printf -v "$1" '%s' "$answer"
    return 0
}

if [ $pin_stdin -eq 1 ]; then
    IFS= read -r pin || true
fi
if [ $assume_yes -eq 0 ]; then
    [ -t 0 ] || die "no terminal to ask questions on; use --yes with options (see --help)."
    say "Digituki kiosk set-up. Press Enter to keep the value in [brackets]."
    ask centre "Name of the centre (shown on the start screen)"
    ask helpdesk "Help desk address (like https://digituki.example.org; empty: none)"
    [ -n "$helpdesk" ] && ask pairing_code "Pairing code from the help desk"
    command -v lpstat >/dev/null 2>&1 && say "Printers: $(lpstat -e 2>/dev/null | tr '\n' ' ')"
    ask printer "Printer (empty: the default printer)"
    ask usb "USB sticks: read-only or none"
    case "$usb" in read-only | none) ;; *) die "USB sticks: answer read-only or none" ;; esac
    while [ -z "$pin" ]; do
        read -r -s -p "Admin PIN for staff (6 to 12 digits): " pin; echo
        read -r -s -p "The same PIN again: " pin_again; echo
        [ "$pin" = "$pin_again" ] || { say "The PINs differ; try again."; pin=""; }
    done
fi
if [ -n "$pin" ] && ! [[ "$pin" =~ ^[0-9]{6,12}$ ]]; then
    die "the admin PIN must be 6 to 12 digits."
fi
if [ -n "$helpdesk" ]; then
    [[ "$helpdesk" =~ ^https?:// ]] || die "the help desk address must start with https:// (or http://)."
    [ -n "$pairing_code" ] || die "a help desk needs its pairing code (--pairing-code)."
fi

if [ -z "$bundle" ]; then
    for candidate in "$here/digituki-kiosk-linux-x86_64.tar.xz" "$here/../../dist/digituki-kiosk-linux-x86_64.tar.xz"; do
        [ -e "$candidate" ] && { bundle="$candidate"; break; }
    done
fi
if [ -z "$bundle" ] || [ ! -e "$bundle" ]; then
    die "the kiosk bundle was not found; give it with --bundle PATH."
fi

# -- 3. Packages (first: unpacking needs xz) -------------------------------------------------
# (Read the whole answer first: with pipefail, grep -q closing the pipe early would fail.)
pkg_installed() { [ "$(dpkg-query -W -f='${Status}' "$1" 2>/dev/null)" = "install ok installed" ]; }
pkg_known() { [[ "$(apt-cache policy "$1" 2>/dev/null)" =~ Candidate:\ [^\(] ]]; }
wanted=()
while IFS= read -r spec; do
    spec="${spec%%#*}"
    spec="${spec//[[:space:]]/}"
    [ -z "$spec" ] && continue
    IFS='|' read -r -a alternatives <<<"$spec"
    have=""
    for name in "${alternatives[@]}"; do pkg_installed "$name" && have=1 && break; done
    [ -n "$have" ] && continue
    wanted+=("$spec")
done <"$here/packages.txt"
if [ ${#wanted[@]} -gt 0 ]; then
    say "Installing system packages (this needs the internet) ..."
    DEBIAN_FRONTEND=noninteractive apt-get update -q >/dev/null 2>&1 || true
    missing=()
    for spec in "${wanted[@]}"; do
        IFS='|' read -r -a alternatives <<<"$spec"
        chosen=""
        for name in "${alternatives[@]}"; do pkg_known "$name" && chosen="$name" && break; done
        missing+=("${chosen:-${alternatives[0]}}")
    done
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${missing[@]}" >/dev/null ||
        die "the system packages could not be installed (no network? a full disk?).
  Check the network and run this again. Packages: ${missing[*]}"
fi

# -- 4. The kiosk itself, unpacked beside the old one ------------------------------------------
staging="$PROGRAM_DIR.new"
paired=""
cleanup() {
    rm -rf "$staging"
    [ -n "$paired" ] && rm -rf "$paired"
    return 0
}
trap cleanup EXIT

rm -rf "$staging"
mkdir -p "$staging"
if [ -d "$bundle" ]; then
    cp -a "$bundle/." "$staging/"
else
    tar -xJf "$bundle" -C "$staging" --strip-components=1 || die "the bundle $bundle could not be unpacked (damaged download? full disk?)."
fi
[ -x "$staging/digituki-kiosk" ] || die "the bundle has no digituki-kiosk program: is $bundle the right file?"
cp "$here/../../INSTALL.md" "$staging/INSTALL.md" 2>/dev/null || true
chown -R root:root "$staging"
chmod -R go-w "$staging"

# Pair before anything else changes: a wrong code stops here, with the machine as it was.
if [ -n "$helpdesk" ]; then
    paired="$(mktemp -d)"
    say "Pairing with $helpdesk ..."
    if ! KIOSK_DATA_DIR="$paired" DBUS_SESSION_BUS_ADDRESS="" "$staging/digituki-kiosk" pair "$helpdesk" "$pairing_code"; then
        die "pairing with the help desk failed (see the message above): check the address and the code, or ask for a new code. Nothing was changed."
    fi
fi

# -- 5. The kiosk user ----------------------------------------------------------------------
if ! getent passwd "$KIOSK_USER" >/dev/null; then
    useradd --system --user-group --home-dir "$HOME_DIR" --create-home \
        --shell /usr/sbin/nologin --comment "Digituki kiosk" "$KIOSK_USER"
    state_set created_user yes
fi
passwd -l "$KIOSK_USER" >/dev/null 2>&1 || true
# Seat access for cage (cage #348): the screen (video, render) and touch/keys (input).
for group in video render input; do
    getent group "$group" >/dev/null && usermod -aG "$group" "$KIOSK_USER"
done
# Never an administrator: not even of printers (CUPS use is allowed, administration not).
for group in sudo wheel admin adm lpadmin disk root; do
    if id -nG "$KIOSK_USER" | tr ' ' '\n' | grep -qx "$group"; then
        gpasswd -d "$KIOSK_USER" "$group" >/dev/null
    fi
done

# -- 6. Program, settings, data -------------------------------------------------------------
rm -rf "$PROGRAM_DIR.old"
[ -d "$PROGRAM_DIR" ] && mv "$PROGRAM_DIR" "$PROGRAM_DIR.old"
mv "$staging" "$PROGRAM_DIR"
rm -rf "$PROGRAM_DIR.old"
chmod 0755 "$PROGRAM_DIR"
ln -sfn "$PROGRAM_DIR/digituki-kiosk" /usr/local/bin/digituki-kiosk

toml_string() { # a TOML basic string
    local value="${1//\\/\\\\}"
    printf '"%s"' "${value//\"/\\\"}"
}
install -d -o root -g root -m 0755 "$SETTINGS_DIR"
[ -f "$SETTINGS_FILE" ] && cp -p "$SETTINGS_FILE" "$SETTINGS_FILE.previous"
allow_usb=false
[ "$usb" = read-only ] && allow_usb=true
umask 0027
cat >"$SETTINGS_FILE" <<EOF
# Digituki kiosk settings, written by the installer on $(date -u +%Y-%m-%d).
# Every setting is described in the README; run the installer again to change these.
config_version = 1

[kiosk]
centre_name = $(toml_string "$centre")

[helpdesk]
url = $(toml_string "$helpdesk")

[printing]
printer = $(toml_string "$printer")

[lockdown]
allow_removable_media = $allow_usb
EOF
umask 0022
chown root:"$KIOSK_USER" "$SETTINGS_FILE"
chmod 0640 "$SETTINGS_FILE"

install -d -o root -g root -m 0755 "$STATE_DIR"
install -d -o "$KIOSK_USER" -g "$KIOSK_USER" -m 0700 "$DATA_DIR"
install -d -o root -g root -m 0700 "$ADMIN_DIR"
install -d -o "$KIOSK_USER" -g "$KIOSK_USER" -m 0700 "$HOME_DIR"
if [ -n "$paired" ] && [ -d "$paired/private" ]; then
    rm -rf "$DATA_DIR/private"
    cp -a "$paired/private" "$DATA_DIR/private"
    chown -R "$KIOSK_USER:$KIOSK_USER" "$DATA_DIR/private"
    chmod 0700 "$DATA_DIR/private"
    find "$DATA_DIR/private" -type f -exec chmod 0600 {} +
fi

# -- 7. The OS's own doors ------------------------------------------------------------------
install -D -m 0644 "$here/files/logind.conf" "$LOGIND_DROPIN"
install -D -m 0644 "$here/files/system.conf" "$SYSTEM_DROPIN"
install -D -m 0644 "$here/files/sysctl.conf" "$SYSCTL_FILE"
install -d -m 0755 /etc/polkit-1/rules.d
sed "s/@ALLOW_REMOVABLE_MEDIA@/$allow_usb/" "$here/files/polkit.rules.in" >"$POLKIT_RULE"
chmod 0644 "$POLKIT_RULE"
if [ -f "$UDISKS_OPTIONS" ] && ! grep -q 'Digituki kiosk' "$UDISKS_OPTIONS"; then
    cp -p "$UDISKS_OPTIONS" "$UDISKS_OPTIONS.before-digituki"
    state_set udisks_backup "$UDISKS_OPTIONS.before-digituki"
fi
install -D -m 0644 "$here/files/mount_options.conf" "$UDISKS_OPTIONS"
# Ubuntu 24.04+: user namespaces (the browser sandbox) only for programs with a profile.
if [ -e "$PROC/sys/kernel/apparmor_restrict_unprivileged_userns" ] || [ -e /etc/apparmor.d/abi/4.0 ]; then
    install -d -m 0755 /etc/apparmor.d
    sed "s|@PROGRAM_DIR@|$PROGRAM_DIR|" "$here/files/apparmor-webengine.in" >"$APPARMOR_PROFILE"
    chmod 0644 "$APPARMOR_PROFILE"
    if ! offline_system && command -v apparmor_parser >/dev/null 2>&1; then
        apparmor_parser -r "$APPARMOR_PROFILE" || die "the AppArmor profile for the browser sandbox could not be loaded."
    fi
fi

# CUPS keeps a printed job's file for a day and its history (the document's name) until
# MaxJobs by default, out of the wipe's reach: a kiosk keeps neither (kiosk doctor checks).
if [ -f "$CUPSD_CONF" ]; then
    sed -i -e "/^$CUPSD_MARK\$/,+2d" \
        -e "s/^[[:space:]]*PreserveJob\(Files\|History\)[[:space:]].*/$CUPSD_SAVED&/I" "$CUPSD_CONF"
    printf '%s\n' "$CUPSD_MARK" "PreserveJobFiles No" "PreserveJobHistory No" >>"$CUPSD_CONF"
    offline_system || systemctl try-restart cups >/dev/null 2>&1 || warn "CUPS did not restart: sudo systemctl restart cups"
fi

# -- 8. Start the kiosk at boot instead of a login screen ----------------------------------
install -m 0644 "$here/files/$KIOSK_UNIT" "$UNIT_DIR/$KIOSK_UNIT"
install -m 0644 "$here/files/$ADMIN_UNIT" "$UNIT_DIR/$ADMIN_UNIT"
if [ -z "$(state_get default_target)" ]; then
    state_set default_target "$(systemctl get-default 2>/dev/null || echo graphical.target)"
fi
dm_link=/etc/systemd/system/display-manager.service
if [ -L "$dm_link" ]; then
    # A display manager (GDM, LightDM ...) would own tty1 (cage #259): turn it off.
    state_set display_manager "$(basename "$(readlink -f "$dm_link")")"
    systemctl disable "$(basename "$(readlink -f "$dm_link")")" >/dev/null 2>&1 || rm -f "$dm_link"
fi
systemctl mask ctrl-alt-del.target >/dev/null 2>&1
systemctl set-default graphical.target >/dev/null 2>&1
systemctl enable "$ADMIN_UNIT" "$KIOSK_UNIT" >/dev/null 2>&1
state_set installed_version "$("$PROGRAM_DIR/digituki-kiosk" --version 2>/dev/null | awk '{print $2}')"

# -- 9. The admin PIN (kept by the admin verifier, as root) --------------------------------
if [ -n "$pin" ]; then
    if printf '%s\n' "$pin" | "$PROGRAM_DIR/digituki-kiosk" admin set-pin >/dev/null 2>&1; then
        say "The admin PIN is set."
    else
        warn "the admin PIN could not be set by this kiosk version. Set it later with:
  sudo $PROGRAM_DIR/digituki-kiosk admin set-pin"
    fi
fi

# -- 10. Apply now where a running system allows it ----------------------------------------
if ! offline_system; then
    systemctl daemon-reload
    sysctl -q --system >/dev/null 2>&1 || true
    systemctl restart "$ADMIN_UNIT" || warn "the admin verifier did not start: systemctl status $ADMIN_UNIT"
    say ""
    say "Checking the PC as the kiosk user (kiosk doctor) ..."
    runuser -u "$KIOSK_USER" -- env KIOSK_DATA_DIR="$DATA_DIR" "$PROGRAM_DIR/digituki-kiosk" doctor --config "$SETTINGS_FILE" || true
fi
say ""
say "The kiosk is installed. Restart the PC (sudo reboot): it will start as the kiosk."
say "To undo everything: sudo $here/uninstall.sh"
