"""All checks, in the order a volunteer reads them: the machine, Qt, safety, services."""

from __future__ import annotations

from kiosk.config import Config
from kiosk.doctor import checks_graphics as graphics
from kiosk.doctor import checks_security as security
from kiosk.doctor import checks_services as services
from kiosk.doctor import checks_system as system
from kiosk.doctor import checks_windows as windows
from kiosk.doctor.machine import Machine
from kiosk.doctor.model import CheckResult
from kiosk.helpdesk.availability import server_available


def run_checks(machine: Machine, config: Config) -> list[CheckResult]:
    """Every check's result. Prints nothing (the admin panel shows the same list)."""
    settings = str(config.source) if config.source else "the settings file"
    results = [
        system.check_cpu(machine),
        system.check_glibc(machine),
        system.check_user(machine),
        graphics.check_qt_libraries(machine),
        graphics.check_qt_platform(machine),
        graphics.check_webengine(machine, settings),
        graphics.check_pdf(machine),
        security.check_sandbox(machine),
        security.check_admin_verifier(machine),
        security.check_secret_store(machine),
        services.check_printers(machine, config),
        security.check_print_job_files(machine, config.printing.max_pages_per_session != 0),
        security.check_removable_media(machine, config.lockdown.allow_removable_media),
        system.check_disk(machine),
        system.check_memory(machine),
    ]
    urls = services.service_urls(machine, config)
    if config.helpdesk.url and not config.helpdesk.embedded:
        urls.append(config.helpdesk.url + "/")
    reached = machine.reach(urls)
    results += [
        services.check_network(reached, config.helpdesk.url),
        services.check_helpdesk(reached, config, server_available()),
        system.check_clock(machine, reached),
        services.check_guides(machine, config),
    ]
    if machine.platform == "win32":
        results += [
            windows.check_shell(machine),
            windows.check_policies(machine),
            windows.check_autologon(machine),
        ]
    return results
