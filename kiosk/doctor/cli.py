"""``kiosk doctor [--json] [--config FILE]`` and its child probes (``kiosk doctor-probe``)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from kiosk import __version__

EXIT_USAGE = 3  # 0/1/2 are the report's own: ok, warnings, errors


def _cmd_doctor(args: argparse.Namespace) -> int:
    from kiosk import config as config_mod  # noqa: PLC0415
    from kiosk.doctor.local import LocalMachine  # noqa: PLC0415
    from kiosk.doctor.model import exit_code, to_json, to_text  # noqa: PLC0415
    from kiosk.doctor.run import run_checks  # noqa: PLC0415

    try:
        config = config_mod.load(args.config)
    except config_mod.ConfigError as exc:
        print(f"The settings file has problems; fix them first:\n{exc}", file=sys.stderr)
        return EXIT_USAGE
    if not args.json:
        print("Checking this computer (this takes up to a minute) ...", file=sys.stderr)
    results = run_checks(LocalMachine(), config)
    print(to_json(results, version=__version__) if args.json else to_text(results))
    return exit_code(results)


def _cmd_probe(args: argparse.Namespace) -> int:
    from kiosk.doctor.probes import run  # noqa: PLC0415 - Qt only in the child

    return run(args.probe, safe_graphics=args.safe_graphics)


def register(sub: argparse._SubParsersAction) -> None:
    doctor = sub.add_parser(
        "doctor",
        help="check this computer for the kiosk and say how to fix what is wrong",
        description="Checks this computer for the kiosk. Exit code 0: all ok; 1: warnings; "
        "2: errors; 3: the settings file cannot be read.",
    )
    doctor.add_argument("--json", action="store_true", help="print the report as JSON")
    doctor.add_argument("--config", type=Path, default=None, help="settings file (TOML)")
    doctor.set_defaults(handler=_cmd_doctor)

    probe = sub.add_parser("doctor-probe")  # run by the doctor in a child process
    probe.add_argument("probe", choices=("qt", "web", "pdf"))
    probe.add_argument("--safe-graphics", action="store_true")
    probe.set_defaults(handler=_cmd_probe)
