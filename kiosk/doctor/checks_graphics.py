"""Qt on this machine: the platform plugin's libraries, a rendered page, a PDF."""

from __future__ import annotations

from kiosk.doctor.machine import Machine
from kiosk.doctor.model import CheckResult, error, ok, warning

#: Libraries Qt and QtWebEngine load, by the Debian/Ubuntu package that has them.
#: (Ubuntu 24.04 renamed a few with a "t64" suffix; apt finds both names there.)
LIBRARY_PACKAGES: dict[str, str] = {
    "libxcb-cursor.so.0": "libxcb-cursor0",
    "libxcb-icccm.so.4": "libxcb-icccm4",
    "libxcb-image.so.0": "libxcb-image0",
    "libxcb-keysyms.so.1": "libxcb-keysyms1",
    "libxcb-randr.so.0": "libxcb-randr0",
    "libxcb-render-util.so.0": "libxcb-render-util0",
    "libxcb-shape.so.0": "libxcb-shape0",
    "libxcb-xfixes.so.0": "libxcb-xfixes0",
    "libxcb-xkb.so.1": "libxcb-xkb1",
    "libxkbcommon-x11.so.0": "libxkbcommon-x11-0",
    "libxkbcommon.so.0": "libxkbcommon0",
    "libX11-xcb.so.1": "libx11-xcb1",
    "libEGL.so.1": "libegl1",
    "libGL.so.1": "libgl1",
    "libOpenGL.so.0": "libopengl0",
    "libgbm.so.1": "libgbm1",
    "libdrm.so.2": "libdrm2",
    "libnss3.so": "libnss3",
    "libnssutil3.so": "libnss3",
    "libsmime3.so": "libnss3",
    "libasound.so.2": "libasound2",
    "libfontconfig.so.1": "libfontconfig1",
    "libfreetype.so.6": "libfreetype6",
    "libdbus-1.so.3": "libdbus-1-3",
    "libglib-2.0.so.0": "libglib2.0-0",
    "libwayland-client.so.0": "libwayland-client0",
    "libwayland-cursor.so.0": "libwayland-cursor0",
    "libwayland-egl.so.1": "libwayland-egl1",
    "libxshmfence.so.1": "libxshmfence1",
    "libxkbfile.so.1": "libxkbfile1",
    "libXcomposite.so.1": "libxcomposite1",
    "libXdamage.so.1": "libxdamage1",
    "libXrandr.so.2": "libxrandr2",
    "libXtst.so.6": "libxtst6",
    "libpulse.so.0": "libpulse0",
}

SAFE_GRAPHICS_FIX = (
    "Turn on safe graphics (software drawing, slower but works on any PC): add\n"
    "  [graphics]\n  safe_mode = true\n"
    "to the settings file ({settings}) and restart the kiosk."
)


def check_qt_libraries(machine: Machine) -> CheckResult:
    title = "Qt's system libraries"
    if machine.platform != "linux":
        return ok("qt-libraries", title, "shipped with the kiosk on this system")
    missing = machine.missing_libraries()
    if missing:
        libraries = sorted({lib for libs in missing.values() for lib in libs})
        packages = sorted({LIBRARY_PACKAGES.get(lib, "") for lib in libraries} - {""})
        unknown = [lib for lib in libraries if lib not in LIBRARY_PACKAGES]
        fix = f"sudo apt-get install {' '.join(packages)}" if packages else ""
        if unknown:
            fix += ("\n" if fix else "") + (
                f"Find the package of {', '.join(unknown)} with: apt-file search {unknown[0]}"
            )
        return error(
            "qt-libraries",
            title,
            f"missing: {', '.join(libraries)} (needed by {', '.join(sorted(missing))})",
            fix,
        )
    return ok("qt-libraries", title, "all found")


def check_qt_platform(machine: Machine) -> CheckResult:
    title = "Qt starts"
    outcome = machine.probe("qt")
    if not outcome.ok:
        return error(
            "qt-platform",
            title,
            f"Qt could not start: {outcome.error}",
            "Install the libraries named in 'Qt's system libraries' above; if none are "
            "named, send this report to your help desk.",
        )
    return ok("qt-platform", title, f"platform plugin '{outcome.data.get('platform', '?')}'")


def check_webengine(machine: Machine, settings_file: str) -> CheckResult:
    title = "Web pages draw"
    outcome = machine.probe("web")
    fix_safe = SAFE_GRAPHICS_FIX.format(settings=settings_file)
    if outcome.ok:
        renderer = str(outcome.data.get("renderer") or "unknown")
        how = "software drawing" if outcome.data.get("software") else "the graphics card"
        return ok("webengine", title, f"a test page drew with {how} ({renderer})")
    if outcome.data.get("safe_graphics"):
        return error(
            "webengine",
            title,
            f"even in safe graphics mode a test page did not draw: {outcome.error}",
            "Send this report to your help desk; try a newer graphics driver.",
        )
    retry = machine.probe("web", safe_graphics=True)
    if retry.ok:
        return error(
            "webengine",
            title,
            f"a test page did not draw with the graphics card ({outcome.error}), "
            "but it did with software drawing",
            fix_safe,
        )
    return error(
        "webengine",
        title,
        f"a test page did not draw: {outcome.error}",
        "Check 'Qt starts' and 'Browser sandbox' above; if they are ok, send this report "
        "to your help desk.",
    )


def check_pdf(machine: Machine) -> CheckResult:
    title = "PDF viewer"
    outcome = machine.probe("pdf")
    if not outcome.ok:
        return error(
            "pdf",
            title,
            f"a test PDF did not open: {outcome.error}",
            "Reinstall the kiosk (its QtPdf library is missing or damaged).",
        )
    return ok("pdf", title, f"a test PDF opened ({outcome.data.get('pages', '?')} page)")


def check_safe_graphics_note(machine: Machine, safe_mode: bool) -> CheckResult | None:
    """Safe graphics on is fine, but say so: it is slower."""
    if not safe_mode:
        return None
    return warning(
        "safe-graphics",
        "Safe graphics",
        "on: pages are drawn without the graphics card (slower)",
        "If a newer graphics driver is installed, try safe_mode = false under [graphics].",
    )
