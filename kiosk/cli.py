"""The ``kiosk`` command.

Subcommands:
  kiosk run [--config FILE] [--windowed]   start the kiosk
  kiosk supervise [--config FILE]          run the kiosk and heal it (kiosk/supervisor/)
  kiosk admin set-pin | status | verifier  the admin unlock (kiosk/admin/)
  kiosk demo                               start a windowed demo with the shipped guides
  kiosk guides check [DIR]                 check guide files and print a plain report
  kiosk guides pack DIR [-o FILE]          check a guides folder and build a guide pack
  kiosk doctor [--json]                    check this computer (kiosk/doctor/)
  kiosk selftest [--json FILE]             the bundle's self-test (kiosk/selftest.py)
  kiosk --version

Feature packages add their own subcommands through ``register(subparsers)``.
This module and the packages' ``cli`` modules are the only places that print.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from kiosk import __version__

EXIT_OK = 0
EXIT_PROBLEMS = 1
EXIT_USAGE = 2  # bad command line or bad config: a human must fix something

Handler = Callable[[argparse.Namespace], int]


def _cmd_run(args: argparse.Namespace) -> int:
    from kiosk import config as config_mod  # noqa: PLC0415 - keep --version fast
    from kiosk import launcher  # noqa: PLC0415

    try:
        cfg = config_mod.load(args.config)
    except config_mod.ConfigError as exc:
        print(f"The kiosk cannot start because of its settings:\n{exc}", file=sys.stderr)
        return EXIT_USAGE
    if args.windowed:
        cfg = cfg.model_copy(update={"kiosk": cfg.kiosk.model_copy(update={"windowed": True})})
    if args.development:
        os.environ[launcher.ENV_DEVELOPMENT] = "1"
    try:
        return launcher.run(cfg, log_json=args.log_json)
    except launcher.UnsafeEnvironmentError as exc:
        print(f"The kiosk refuses to start: {exc}", file=sys.stderr)
        return EXIT_USAGE


def _cmd_demo(args: argparse.Namespace) -> int:
    from kiosk import launcher  # noqa: PLC0415

    try:
        return launcher.demo()
    except launcher.UnsafeEnvironmentError as exc:
        print(f"The kiosk refuses to start: {exc}", file=sys.stderr)
        return EXIT_USAGE


def _cmd_guides_check(args: argparse.Namespace) -> int:
    from kiosk import config as config_mod  # noqa: PLC0415
    from kiosk.guides.report import check_report  # noqa: PLC0415

    folder: Path | None = args.dir
    try:
        cfg = config_mod.load(args.config)
    except config_mod.ConfigError as exc:
        print(f"The settings file has problems:\n{exc}", file=sys.stderr)
        return EXIT_USAGE
    report, ok = check_report(folder or cfg.guides_dir(), cfg.browser.identification_hosts)
    print(report)
    return EXIT_OK if ok else EXIT_PROBLEMS


def _cmd_guides_pack(args: argparse.Namespace) -> int:
    from kiosk import config as config_mod  # noqa: PLC0415
    from kiosk.guides.packs import PackError, build_pack  # noqa: PLC0415
    from kiosk.guides.report import check_report  # noqa: PLC0415

    try:
        cfg = config_mod.load(args.config)
    except config_mod.ConfigError as exc:
        print(f"The settings file has problems:\n{exc}", file=sys.stderr)
        return EXIT_USAGE
    folder: Path = args.dir
    out: Path = args.out or Path(f"{folder.resolve().name or 'guides'}.guidepack")
    hosts = cfg.browser.identification_hosts
    try:
        built = build_pack(folder, out, hosts, version=args.version)
    except PackError as exc:
        report, _ok = check_report(folder, hosts)
        print(report)
        print(f"\nThe guide pack was not built: {exc}", file=sys.stderr)
        return EXIT_PROBLEMS
    warnings = len(built.library.warnings)
    print(
        f"Guide pack written: {built.file}\n"
        f"  version {built.manifest.version}, {len(built.manifest.guides)} guide(s), "
        f"{len(built.manifest.files)} file(s)"
        + (f"; {warnings} warning(s): run kiosk guides check" if warnings else "")
    )
    return EXIT_OK


def _cmd_speech_worker(args: argparse.Namespace) -> int:
    from kiosk.speech.worker import run  # noqa: PLC0415 - Qt only when needed

    return run(args.engine)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="kiosk",
        description="Digituki kiosk: a safe self-service computer for day centres.",
    )
    parser.add_argument("--version", action="version", version=f"kiosk {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    run = sub.add_parser("run", help="start the kiosk")
    run.add_argument("--config", type=Path, default=None, help="settings file (TOML)")
    run.add_argument("--windowed", action="store_true", help="run in a window (testing)")
    run.add_argument(
        "--development",
        action="store_true",
        help="a developer's machine: allows running as root, without the browser sandbox",
    )
    run.add_argument("--log-json", action="store_true", help="log lines as JSON")
    run.set_defaults(handler=_cmd_run)

    demo = sub.add_parser("demo", help="start a windowed demo with the shipped guides")
    demo.set_defaults(handler=_cmd_demo)

    guides = sub.add_parser("guides", help="work with guide files")
    guides_sub = guides.add_subparsers(dest="guides_command", metavar="ACTION", required=True)
    check = guides_sub.add_parser("check", help="check guide files and report problems")
    check.add_argument("dir", nargs="?", type=Path, default=None, help="folder of guides")
    check.add_argument("--config", type=Path, default=None, help="settings file (TOML)")
    check.set_defaults(handler=_cmd_guides_check)
    pack = guides_sub.add_parser("pack", help="check a guides folder and build a guide pack")
    pack.add_argument("dir", type=Path, help="folder of guides")
    pack.add_argument("-o", "--out", type=Path, default=None, help="pack file to write")
    pack.add_argument("--version", default=None, help="pack version (default: date and hash)")
    pack.add_argument("--config", type=Path, default=None, help="settings file (TOML)")
    pack.set_defaults(handler=_cmd_guides_pack)

    # The kiosk starts its read-aloud engine as a child process (kiosk/speech/speaker.py).
    worker = sub.add_parser("speech-worker")
    worker.add_argument("engine", nargs="?", default="")
    worker.set_defaults(handler=_cmd_speech_worker)

    for register in _feature_registrations():
        register(sub)
    return parser


def _feature_registrations() -> list[Callable[[argparse._SubParsersAction], None]]:
    """Subcommands that feature packages contribute (help desk, pairing, doctor...)."""
    from kiosk.admin.cli import register as admin_register  # noqa: PLC0415
    from kiosk.doctor.cli import register as doctor_register  # noqa: PLC0415
    from kiosk.helpdesk.cli import register as helpdesk_register  # noqa: PLC0415
    from kiosk.selftest import register as selftest_register  # noqa: PLC0415
    from kiosk.supervisor.cli import register as supervisor_register  # noqa: PLC0415

    return [
        helpdesk_register,
        supervisor_register,
        admin_register,
        doctor_register,
        selftest_register,
    ]


def main(argv: Sequence[str] | None = None) -> int:
    words = list(sys.argv[1:] if argv is None else argv)
    if words[:1] == ["speech-worker"] and len(words) <= 2:
        # The kiosk's read-aloud child: straight to it, without the other subcommands'
        # modules (settings, doctor...), which would only cost that process memory.
        return _cmd_speech_worker(argparse.Namespace(engine=words[1] if len(words) > 1 else ""))
    parser = build_parser()
    args = parser.parse_args(argv)
    handler: Handler | None = getattr(args, "handler", None)
    if handler is None:
        parser.print_help()
        return EXIT_USAGE
    return handler(args)


if __name__ == "__main__":
    sys.exit(main())
