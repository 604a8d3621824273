"""``kiosk doctor``: plain-language checks of this machine, each with a fix.

``run_checks(machine, config)`` returns a list of results and prints nothing, so the
admin panel can show the same checks. The checks read the machine only through a
:class:`~kiosk.doctor.machine.Machine` (tests pass fakes); the Qt probes (platform
plugin, a rendered page, a PDF) run in a child process (``kiosk doctor-probe``), so a
crash there is a finding, not a dead doctor. Pure Python: imports no PySide6.
"""

from kiosk.doctor.model import CheckResult, Status, exit_code, to_json
from kiosk.doctor.run import run_checks

__all__ = ["CheckResult", "Status", "exit_code", "run_checks", "to_json"]
