"""What the kiosk reaches and shows: the network, the guides, the printer."""

from __future__ import annotations

from urllib.parse import urlsplit

from kiosk import paths
from kiosk.config import Config
from kiosk.doctor.machine import Machine, Reach
from kiosk.doctor.model import CheckResult, error, ok, warning
from kiosk.guides.installed import InstalledPacks, folder_in_use

#: Identification is the door to every e-service: always try it.
IDENTIFICATION_URL = "https://tunnistus.suomi.fi/"


def service_urls(machine: Machine, config: Config) -> list[str]:
    """One address per host the kiosk's tiles start at, and the help desk."""
    urls: dict[str, str] = {}
    library = machine.guides(config.guides_dir(), config.browser.identification_hosts)
    for url in [IDENTIFICATION_URL, *(g.start_url for g in library.guides)]:
        parts = urlsplit(url)
        if parts.scheme == "https" and parts.hostname:
            urls.setdefault(parts.hostname, f"https://{parts.netloc}/")
    return sorted(urls.values())


def check_network(reached: list[Reach], helpdesk_url: str) -> CheckResult:
    title = "E-services reachable"
    services = [r for r in reached if not r.url.startswith(helpdesk_url or "\0")]
    if not services:
        return ok("network", title, "no e-service addresses to try")
    failed = [r for r in services if r.error]
    if len(failed) == len(services):
        dns = all(not r.resolved for r in failed)
        return error(
            "network",
            title,
            ("no name could be looked up (DNS)" if dns else "no e-service answered")
            + f": tried {len(services)} addresses",
            "Check the network cable or Wi-Fi, and that this network lets the PC out to the "
            "internet (a day centre's guest network may need a sign-in page first).",
        )
    if failed:
        names = ", ".join(f"{urlsplit(r.url).hostname} ({r.error})" for r in failed[:5])
        return warning(
            "network",
            title,
            f"{len(services) - len(failed)} of {len(services)} answered; not: {names}",
            "These tiles will show 'could not be opened'. If the network filters addresses, "
            "allow these hosts.",
        )
    return ok("network", title, f"all {len(services)} answered over HTTPS")


def check_helpdesk(reached: list[Reach], config: Config, server_here: bool = True) -> CheckResult:
    """``server_here``: this kiosk carries the help-desk server (the bundle does not)."""
    title = "Help desk"
    url = config.helpdesk.url
    if config.helpdesk.embedded and not server_here:
        return error(
            "helpdesk",
            title,
            "helpdesk.embedded is set, but the kiosk's bundle carries no help-desk server",
            "Install the help desk on this PC from pip (INSTALL.md, 'The help-desk server'), "
            "run it as a service, and set [helpdesk] embedded = false and url = "
            "http://127.0.0.1:8765 (then pair the kiosk).",
        )
    if config.helpdesk.embedded:
        return ok("helpdesk", title, "runs on this PC (embedded)")
    if not url:
        return warning(
            "helpdesk",
            title,
            "no help desk is set: 'Call digital support' shows only the centre's phone number",
            "Pair the kiosk: kiosk pair https://your-help-desk.example CODE (INSTALL.md)",
        )
    mine = next((r for r in reached if r.url.startswith(url)), None)
    if mine is None or mine.error:
        why = mine.error if mine else "not tried"
        return error(
            "helpdesk",
            title,
            f"{url} did not answer: {why}",
            "Check the address in the settings file ([helpdesk] url) and that the help-desk "
            "server is running; requests wait in the outbox meanwhile.",
        )
    return ok("helpdesk", title, f"{url} answers")


def check_guides(machine: Machine, config: Config) -> CheckResult:
    title = "Guides"
    # The kiosk shows a guide pack from the help desk when it has one (else guides.dir or
    # the shipped guides): check what it shows.
    folder, pack = folder_in_use(InstalledPacks(paths.guide_packs_dir()), config.guides_dir())
    library = machine.guides(folder, config.browser.identification_hosts)
    if library.errors:
        first = library.errors[0]
        return error(
            "guides",
            title,
            f"{len(library.errors)} error(s); the first: {first}",
            f"Fix the file named, then check with: kiosk guides check {folder}",
        )
    if not library.guides:
        return error(
            "guides",
            title,
            f"no guides in {folder}: the home screen is empty",
            "Set [guides] dir in the settings file to a folder of guides, or remove the line "
            "to use the shipped guides.",
        )
    if library.warnings:
        return warning(
            "guides",
            title,
            f"{len(library.guides)} guides; {len(library.warnings)} warning(s), the first: "
            f"{library.warnings[0]}",
            f"See all with: kiosk guides check {folder}",
        )
    count = f"{len(library.guides)} guides"
    shown = f"guide pack {pack} from the help desk, {count}" if pack else count
    return ok("guides", title, f"{shown}, no problems")


def check_printers(machine: Machine, config: Config) -> CheckResult:
    title = "Printer"
    if config.printing.max_pages_per_session == 0:
        return ok("printers", title, "printing is off (max_pages_per_session = 0)")
    found = machine.printers()
    install = (
        "sudo apt-get install cups"
        if machine.platform == "linux"
        else "Settings > Bluetooth & devices > Printers & scanners"
    )
    if found is None:
        return warning(
            "printers",
            title,
            "no printing system is installed: the Print button will say printing is not available",
            f"Install one: {install}",
        )
    wanted = config.printing.printer
    if wanted and wanted not in found.names:
        return error(
            "printers",
            title,
            f"the settings name the printer '{wanted}', which this PC does not have "
            f"(it has: {', '.join(found.names) or 'none'})",
            "Correct [printing] printer in the settings file, or leave it empty for the "
            "default printer.",
        )
    if not wanted and not found.default:
        return warning(
            "printers",
            title,
            f"no default printer (printers: {', '.join(found.names) or 'none'})",
            "Add a printer and make it the default: http://localhost:631 (CUPS) as an "
            "administrator, or set [printing] printer in the settings file.",
        )
    return ok("printers", title, f"'{wanted or found.default}'")
