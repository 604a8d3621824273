"""``kiosk helpdesk ...`` and ``kiosk pair``: the help desk's command line.

  kiosk helpdesk serve [--database URL] [--host HOST] [--port PORT] [--workers N]
  kiosk helpdesk migrate [--database URL]
  kiosk helpdesk add-centre NAME
  kiosk helpdesk add-staff USERNAME [--name NAME] [--centre NAME]... [--password-stdin]
  kiosk helpdesk pair-code --centre NAME [--kiosk-name NAME]
  kiosk pair URL CODE

Bad input exits with 2 and a plain message. This module prints; nothing else here does.
"""

from __future__ import annotations

import argparse
import contextlib
import getpass
import os
import socket
import sys
from collections.abc import Callable, Iterator
from typing import Any

EXIT_OK = 0
EXIT_PROBLEMS = 1
EXIT_USAGE = 2


def _register(sub: argparse._SubParsersAction) -> None:
    helpdesk = sub.add_parser("helpdesk", help="run and manage the help-desk server")
    actions = helpdesk.add_subparsers(dest="helpdesk_command", metavar="ACTION", required=True)

    def with_database(parser: argparse.ArgumentParser) -> argparse.ArgumentParser:
        parser.add_argument(
            "--database",
            default=None,
            metavar="URL",
            help="database URL (postgresql://... for a network of centres); "
            "default: SQLite in the data folder",
        )
        return parser

    serve = with_database(actions.add_parser("serve", help="start the help-desk server"))
    serve.add_argument("--host", default="127.0.0.1", help="address to listen on")
    serve.add_argument("--port", type=int, default=8765, help="port to listen on")
    serve.add_argument("--workers", type=int, default=1, help="worker processes (PostgreSQL)")
    serve.add_argument(
        "--allowed-host",
        action="append",
        default=[],
        metavar="NAME",
        help="host name staff and kiosks use to reach the server (repeatable)",
    )
    serve.add_argument("--language", choices=("fi", "sv", "en"), help="staff page language")
    serve.add_argument(
        "--secure-cookies", action="store_true", help="behind a TLS proxy: Secure cookies"
    )
    serve.set_defaults(handler=_serve)

    migrate = with_database(actions.add_parser("migrate", help="create or update the database"))
    migrate.set_defaults(handler=_migrate)

    centre = with_database(actions.add_parser("add-centre", help="add a day centre"))
    centre.add_argument("name", help="the centre's name")
    centre.set_defaults(handler=_add_centre)

    staff = with_database(actions.add_parser("add-staff", help="add a staff account"))
    staff.add_argument("username", help="user name for signing in")
    staff.add_argument("--name", default="", help="name shown to colleagues and visitors")
    staff.add_argument(
        "--centre", action="append", default=[], help="centre served (repeatable; default: all)"
    )
    staff.add_argument(
        "--password-stdin", action="store_true", help="read the password from standard input"
    )
    staff.set_defaults(handler=_add_staff)

    code = with_database(actions.add_parser("pair-code", help="one-time code to pair a kiosk"))
    code.add_argument("--centre", required=True, help="the centre the kiosk stands in")
    code.add_argument("--kiosk-name", default="kiosk", help="name staff see for this kiosk")
    code.set_defaults(handler=_pair_code)

    pair = sub.add_parser("pair", help="pair this kiosk with a help desk")
    pair.add_argument("url", help="the help desk's address, like http://192.168.1.5:8765")
    pair.add_argument("code", help="the code 'kiosk helpdesk pair-code' printed")
    pair.set_defaults(handler=_pair)


#: Called by ``kiosk.cli`` to add the subcommands. Typed as a plain Callable so that the
#: list the main CLI collects these in keeps one element type.
register: Callable[[argparse._SubParsersAction], None] = _register


def _fail(message: str) -> int:
    print(message, file=sys.stderr)
    return EXIT_USAGE


def _database(args: argparse.Namespace) -> str:
    from kiosk.helpdesk.server.settings import ENV_DATABASE, default_database_url  # noqa: PLC0415

    url: str = args.database or os.environ.get(ENV_DATABASE) or default_database_url()
    return url


@contextlib.contextmanager
def _opened(args: argparse.Namespace) -> Iterator[Any]:
    """(store, accounts) on a migrated database, closed afterwards."""
    from kiosk.helpdesk.server import db  # noqa: PLC0415
    from kiosk.helpdesk.server.accounts import Accounts  # noqa: PLC0415
    from kiosk.helpdesk.server.store import Store  # noqa: PLC0415

    url = _database(args)
    db.migrate(url)
    store = Store(db.make_engine(url))
    try:
        yield store, Accounts(store)
    finally:
        store.engine.dispose()


def _migrate(args: argparse.Namespace) -> int:
    from kiosk.helpdesk.server import db  # noqa: PLC0415

    try:
        db.migrate(_database(args))
    except Exception as exc:  # any failure: a plain message, not a traceback
        print(f"The database could not be migrated: {type(exc).__name__}: {exc}", file=sys.stderr)
        return EXIT_PROBLEMS
    print("The help-desk database is up to date.")
    return EXIT_OK


def _add_centre(args: argparse.Namespace) -> int:
    from kiosk.helpdesk.server.store import ConflictError  # noqa: PLC0415

    with _opened(args) as (store, _):
        try:
            store.add_centre(args.name)
        except (ValueError, ConflictError) as exc:
            return _fail(str(exc))
    print(f"Added the centre {args.name!r}.")
    return EXIT_OK


def _read_password(from_stdin: bool) -> str | None:
    if from_stdin:
        return sys.stdin.readline().rstrip("\n")
    first = getpass.getpass("Password for the new account: ")
    if getpass.getpass("The same password again: ") != first:
        return None
    return first


def _add_staff(args: argparse.Namespace) -> int:
    from kiosk.helpdesk.server.store import ConflictError, NotFoundError  # noqa: PLC0415

    password = _read_password(args.password_stdin)
    if password is None:
        return _fail("The two passwords were different. Nothing was saved.")
    with _opened(args) as (_, accounts):
        try:
            accounts.add_staff(args.username, password, display_name=args.name, centres=args.centre)
        except (ValueError, ConflictError, NotFoundError) as exc:
            return _fail(str(exc))
    print(f"Added the staff account {args.username!r}.")
    return EXIT_OK


def _pair_code(args: argparse.Namespace) -> int:
    from kiosk.helpdesk.server.store import PAIR_CODE_TTL, NotFoundError  # noqa: PLC0415

    with _opened(args) as (store, _):
        try:
            code = store.create_pair_code(args.centre, args.kiosk_name)
        except NotFoundError as exc:
            return _fail(str(exc))
    minutes = int(PAIR_CODE_TTL.total_seconds() // 60)
    print(code)
    print(
        f"Enter this code in the kiosk's admin view (or run 'kiosk pair URL {code}') "
        f"within {minutes} minutes. It works once.",
        file=sys.stderr,
    )
    return EXIT_OK


def _pair(args: argparse.Namespace) -> int:
    from kiosk.helpdesk.client import PairingError, pair  # noqa: PLC0415
    from kiosk.helpdesk.connection import readable_fingerprint  # noqa: PLC0415

    if not args.url.startswith(("http://", "https://")):
        return _fail("The address must start with http:// or https://")
    try:
        paired = pair(args.url, args.code)
    except PairingError as exc:
        return _fail(f"Pairing failed: {exc}")
    print(f"Paired as {paired.kiosk_name!r} in {paired.centre!r}.")
    if paired.admin_secret:
        print(_keep_admin_secret(paired.admin_secret))
    if paired.certificate:
        print(
            "From now on the kiosk trusts only the help desk's present certificate, "
            f"{readable_fingerprint(paired.certificate)}; pair again after replacing it."
        )
    print(f'Make sure the kiosk\'s settings say: [helpdesk] url = "{args.url.rstrip("/")}"')
    return EXIT_OK


def _keep_admin_secret(secret: str) -> str:
    """Hand the one-time admin code's secret to the admin verifier (kiosk/admin)."""
    from kiosk.admin import layout  # noqa: PLC0415
    from kiosk.admin.state import StateError  # noqa: PLC0415

    try:
        layout.local_verifier().set_code_secret(secret)  # type: ignore[attr-defined]
    except (StateError, ValueError) as exc:
        return (
            f"The one-time admin code could not be kept ({exc}); staff can still use the "
            "admin PIN. Pair again as root (sudo) to use the codes from the staff page."
        )
    return "Staff can now unlock the admin view with the code the staff page shows."


def lan_host_names() -> list[str]:
    """This machine's names and addresses, for the Host allow-list on a LAN (no traffic)."""
    names = {socket.gethostname(), socket.getfqdn()}
    try:
        for info in socket.getaddrinfo(socket.gethostname(), None):
            names.add(str(info[4][0]))
    except OSError:
        pass
    return sorted(n for n in names if n)


def _serve(args: argparse.Namespace) -> int:
    import uvicorn  # noqa: PLC0415

    from kiosk.helpdesk.server import db  # noqa: PLC0415
    from kiosk.helpdesk.server.settings import (  # noqa: PLC0415
        LOOPBACK_HOSTS,
        ServerSettings,
        SettingsError,
    )

    if not 0 < args.port < 65536:
        return _fail("The port must be between 1 and 65535.")
    if args.workers < 1:
        return _fail("--workers must be 1 or more.")
    url = _database(args)
    if args.workers > 1 and db.is_sqlite(url):
        return _fail("SQLite serves one worker only; use PostgreSQL (--database) for more.")
    hosts = list(LOOPBACK_HOSTS) + list(args.allowed_host)
    if args.host not in ("127.0.0.1", "::1", "localhost"):
        hosts += lan_host_names()
        if args.host not in ("0.0.0.0", "::"):  # a listen address, not a host
            hosts.append(args.host)
    try:
        settings = ServerSettings(
            database_url=url,
            allowed_hosts=tuple(dict.fromkeys(hosts)),
            language=args.language,
            secure_cookies=args.secure_cookies,
        ).checked()
    except SettingsError as exc:
        return _fail(str(exc))
    try:
        db.migrate(settings.database_url)
    except Exception as exc:
        print(f"The database cannot be used: {type(exc).__name__}: {exc}", file=sys.stderr)
        return EXIT_PROBLEMS
    os.environ.update(settings.to_env())
    print(f"Help desk: staff page at http://{args.host}:{args.port}/staff/", file=sys.stderr)
    uvicorn.run(
        "kiosk.helpdesk.server.app:create_app_from_env",
        factory=True,
        host=args.host,
        port=args.port,
        workers=args.workers,
        log_level="warning",
        access_log=False,  # access logs would hold URLs and addresses
        timeout_graceful_shutdown=3,
    )
    return EXIT_OK
