"""``kiosk helpdesk ...`` and ``kiosk pair``: the help desk's command line.

  kiosk helpdesk serve [--database URL] [--host HOST] [--port PORT] [--workers N]
                      [--tls-cert FILE --tls-key FILE] [--trusted-proxy ADDRESS]...
  kiosk helpdesk migrate [--database URL]
  kiosk helpdesk add-centre NAME
  kiosk helpdesk add-staff USERNAME [--name NAME] [--centre NAME]... [--role ROLE]
                           [--password-stdin]
  kiosk helpdesk set-password USERNAME [--password-stdin]
  kiosk helpdesk set-role USERNAME ROLE
  kiosk helpdesk remove-staff USERNAME
  kiosk helpdesk end-sessions (USERNAME | --all)
  kiosk helpdesk pair-code --centre NAME [--kiosk-name NAME] [--tls-cert FILE]
  kiosk helpdesk fingerprint FILE
  kiosk pair URL CODE

Bad input exits with 2 and a plain message. This module prints; nothing else here does.
"""

from __future__ import annotations

import argparse
import contextlib
import getpass
import logging
import os
import socket
import sys
import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

EXIT_OK = 0
EXIT_PROBLEMS = 1
EXIT_USAGE = 2

ROLES = ("staff", "publisher", "coordinator")
#: Longest wait between two tries to reach the database at start-up.
MAX_DATABASE_WAIT_S = 30.0

log = logging.getLogger("kiosk.helpdesk.server")


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
    serve.add_argument("--tls-cert", type=Path, metavar="FILE", help="PEM certificate: serve https")
    serve.add_argument("--tls-key", type=Path, metavar="FILE", help="PEM private key of --tls-cert")
    serve.add_argument(
        "--trusted-proxy",
        action="append",
        default=[],
        metavar="ADDRESS",
        help="address (or network) of a TLS reverse proxy in front; its X-Forwarded-For "
        "and X-Forwarded-Proto are believed (repeatable)",
    )
    serve.add_argument(
        "--pack-key-file",
        type=Path,
        metavar="FILE",
        help="the secret that signs guide packs for the kiosks (made on first use; default: "
        "guide-pack-signing.key in the data folder)",
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
        "--role",
        choices=ROLES,
        default="staff",
        help="staff: answer requests; publisher: also publish guides; coordinator: everything",
    )
    staff.add_argument(
        "--password-stdin", action="store_true", help="read the password from standard input"
    )
    staff.set_defaults(handler=_add_staff)

    password = with_database(
        actions.add_parser("set-password", help="give a staff account a new password")
    )
    password.add_argument("username")
    password.add_argument(
        "--password-stdin", action="store_true", help="read the password from standard input"
    )
    password.set_defaults(handler=_set_password)

    role = with_database(actions.add_parser("set-role", help="change a staff account's role"))
    role.add_argument("username")
    role.add_argument("role", choices=ROLES)
    role.set_defaults(handler=_set_role)

    remove = with_database(actions.add_parser("remove-staff", help="delete a staff account"))
    remove.add_argument("username")
    remove.set_defaults(handler=_remove_staff)

    end = with_database(
        actions.add_parser("end-sessions", help="sign a staff member (or everyone) out")
    )
    who = end.add_mutually_exclusive_group(required=True)
    who.add_argument("username", nargs="?", help="whose sessions to end")
    who.add_argument("--all", action="store_true", help="end every staff session")
    end.set_defaults(handler=_end_sessions)

    fingerprint = actions.add_parser(
        "fingerprint", help="the certificate fingerprint a kiosk pins (sha256)"
    )
    fingerprint.add_argument("certificate", type=Path, help="the server's PEM certificate")
    fingerprint.set_defaults(handler=_fingerprint)

    code = with_database(actions.add_parser("pair-code", help="one-time code to pair a kiosk"))
    code.add_argument("--centre", required=True, help="the centre the kiosk stands in")
    code.add_argument("--kiosk-name", default="kiosk", help="name staff see for this kiosk")
    code.add_argument(
        "--tls-cert",
        type=Path,
        metavar="FILE",
        help="the certificate the server (or its proxy) serves: print its fingerprint "
        "(default: KIOSK_HELPDESK_TLS_CERT)",
    )
    code.set_defaults(handler=_pair_code)
    for action in actions.choices.values():
        action.set_defaults(handler=_needs_server(action.get_default("handler")))

    pair = sub.add_parser("pair", help="pair this kiosk with a help desk")
    pair.add_argument("url", help="the help desk's address, like http://192.168.1.5:8765")
    pair.add_argument("code", help="the code 'kiosk helpdesk pair-code' printed")
    pair.set_defaults(handler=_pair)


def _needs_server(handler: Callable[[argparse.Namespace], int]) -> Callable[..., int]:
    """``kiosk helpdesk ACTION`` runs the server's code: in the kiosk's bundle, which has
    no server, say so and where the server comes from (exit 2)."""

    def run(args: argparse.Namespace) -> int:
        from kiosk.helpdesk.availability import NOT_HERE, server_available  # noqa: PLC0415

        if not server_available():
            return _fail(NOT_HERE)
        return handler(args)

    return run


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


def _read_password(from_stdin: bool, prompt: str = "Password for the new account: ") -> str | None:
    if from_stdin:
        return sys.stdin.readline().rstrip("\n")
    first = getpass.getpass(prompt)
    if getpass.getpass("The same password again: ") != first:
        return None
    return first


def _add_staff(args: argparse.Namespace) -> int:
    from kiosk.helpdesk.server.roles import Role  # noqa: PLC0415
    from kiosk.helpdesk.server.store import ConflictError, NotFoundError  # noqa: PLC0415

    password = _read_password(args.password_stdin)
    if password is None:
        return _fail("The two passwords were different. Nothing was saved.")
    with _opened(args) as (_, accounts):
        try:
            accounts.add_staff(
                args.username,
                password,
                display_name=args.name,
                centres=args.centre,
                role=Role(args.role),
            )
        except (ValueError, ConflictError, NotFoundError) as exc:
            return _fail(str(exc))
    print(f"Added the staff account {args.username!r} ({args.role}).")
    return EXIT_OK


def _on_account(args: argparse.Namespace, change: Callable[[Any], str]) -> int:
    """Run ``change(accounts)``; print what it says, or a plain message if it failed."""
    from kiosk.helpdesk.server.store import NotFoundError  # noqa: PLC0415

    with _opened(args) as (_, accounts):
        try:
            said = change(accounts)
        except (ValueError, NotFoundError) as exc:
            return _fail(str(exc))
    print(said)
    return EXIT_OK


def _set_password(args: argparse.Namespace) -> int:
    password = _read_password(args.password_stdin, "New password: ")
    if password is None:
        return _fail("The two passwords were different. Nothing was saved.")

    def change(accounts: Any) -> str:
        ended = accounts.set_password(args.username, password)
        return f"New password saved for {args.username!r}; {ended} session(s) signed out."

    return _on_account(args, change)


def _set_role(args: argparse.Namespace) -> int:
    from kiosk.helpdesk.server.roles import Role  # noqa: PLC0415

    def change(accounts: Any) -> str:
        accounts.set_role(args.username, Role(args.role))
        return f"{args.username!r} is now {args.role}; their open pages sign in again."

    return _on_account(args, change)


def _remove_staff(args: argparse.Namespace) -> int:
    def change(accounts: Any) -> str:
        accounts.remove_staff(args.username)
        return f"Removed the staff account {args.username!r} and signed it out."

    return _on_account(args, change)


def _end_sessions(args: argparse.Namespace) -> int:
    def change(accounts: Any) -> str:
        ended = accounts.end_sessions(None if args.all else args.username)
        return f"Signed out {ended} session(s)."

    return _on_account(args, change)


def _fingerprint(args: argparse.Namespace) -> int:
    from kiosk.helpdesk.server.tls import CertificateError, certificate_fingerprint  # noqa: PLC0415

    try:
        print(certificate_fingerprint(args.certificate))
    except CertificateError as exc:
        return _fail(str(exc))
    return EXIT_OK


def _pair_code(args: argparse.Namespace) -> int:
    from kiosk.helpdesk.server.settings import ENV_PREFIX  # noqa: PLC0415
    from kiosk.helpdesk.server.store import PAIR_CODE_TTL, NotFoundError  # noqa: PLC0415
    from kiosk.helpdesk.server.tls import CertificateError, certificate_fingerprint  # noqa: PLC0415

    cert = args.tls_cert or (
        Path(os.environ[f"{ENV_PREFIX}TLS_CERT"])
        if os.environ.get(f"{ENV_PREFIX}TLS_CERT")
        else None
    )
    fingerprint = None
    if cert is not None:
        try:
            fingerprint = certificate_fingerprint(cert)
        except CertificateError as exc:
            return _fail(str(exc))
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
    if fingerprint is not None:
        print(
            f"The server's certificate is {fingerprint}\n"
            "The kiosk must see exactly this certificate when it pairs (it then keeps "
            "talking only to a server that shows it).",
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


def wait_for_database(url: str, stop: threading.Event | None = None) -> bool:
    """Migrate the database, waiting with back-off while it cannot be reached (a systemd
    service starts before PostgreSQL is up). False when another error ends the wait."""
    from sqlalchemy.exc import DBAPIError, OperationalError  # noqa: PLC0415

    from kiosk.helpdesk.server import db  # noqa: PLC0415

    stop = stop or threading.Event()
    delay = 1.0
    while True:
        try:
            db.migrate(url)
            return True
        except (OperationalError, DBAPIError) as exc:
            reason = type(getattr(exc, "orig", None) or exc).__name__
            print(
                f"The database cannot be reached yet ({reason}); trying again in {delay:.0f} s.",
                file=sys.stderr,
                flush=True,
            )
        except Exception as exc:  # a wrong URL, a broken migration: waiting will not help
            print(f"The database cannot be used: {type(exc).__name__}: {exc}", file=sys.stderr)
            return False
        if stop.wait(delay):
            return False
        delay = min(delay * 2, MAX_DATABASE_WAIT_S)


def _serve(args: argparse.Namespace) -> int:
    import uvicorn  # noqa: PLC0415

    from kiosk.helpdesk.server import db  # noqa: PLC0415
    from kiosk.helpdesk.server.settings import (  # noqa: PLC0415
        LOOPBACK_HOSTS,
        ServerSettings,
        SettingsError,
        is_loopback,
        plain_http_warning,
    )

    if not 0 < args.port < 65536:
        return _fail("The port must be between 1 and 65535.")
    if args.workers < 1:
        return _fail("--workers must be 1 or more.")
    url = _database(args)
    if args.workers > 1 and db.is_sqlite(url):
        return _fail("SQLite serves one worker only; use PostgreSQL (--database) for more.")
    hosts = list(LOOPBACK_HOSTS) + list(args.allowed_host)
    if not is_loopback(args.host):
        hosts += lan_host_names()
        if args.host not in ("0.0.0.0", "::"):  # a listen address, not a host
            hosts.append(args.host)
    try:
        settings = ServerSettings(
            database_url=url,
            allowed_hosts=tuple(dict.fromkeys(hosts)),
            language=args.language,
            secure_cookies=args.secure_cookies,
            tls_cert=args.tls_cert,
            tls_key=args.tls_key,
            trusted_proxies=tuple(args.trusted_proxy),
            # Given only when given: otherwise KIOSK_HELPDESK_PACK_KEY_FILE or the default.
            **({"pack_key_file": args.pack_key_file} if args.pack_key_file else {}),
        ).checked()
    except (SettingsError, ValueError) as exc:
        return _fail(str(exc))
    warning = plain_http_warning(args.host, settings)
    if warning:
        print(f"\n{'!' * 78}\n{warning}\n{'!' * 78}\n", file=sys.stderr, flush=True)
        log.warning("serving plain HTTP on a network address (%s)", args.host)
    try:
        if not wait_for_database(settings.database_url):
            return EXIT_PROBLEMS
    except KeyboardInterrupt:
        return EXIT_PROBLEMS
    os.environ.update(settings.to_env())
    scheme = "https" if settings.https else "http"
    print(f"Help desk: staff page at {scheme}://{args.host}:{args.port}/staff/", file=sys.stderr)
    uvicorn.run(
        "kiosk.helpdesk.server.app:create_app_from_env",
        factory=True,
        host=args.host,
        port=args.port,
        workers=args.workers,
        log_level="warning",
        access_log=False,  # access logs would hold URLs and addresses
        timeout_graceful_shutdown=3,
        # The app reads X-Forwarded-* itself, and only from --trusted-proxy addresses.
        proxy_headers=False,
        ssl_certfile=str(settings.tls_cert) if settings.tls_cert else None,
        ssl_keyfile=str(settings.tls_key) if settings.tls_key else None,
    )
    return EXIT_OK
