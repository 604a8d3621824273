"""The server's certificate as a kiosk pins it: the SHA-256 of its DER form.

A kiosk pairs over https and keeps this fingerprint with its device token; afterwards
it talks only to a server that shows the same certificate. ``kiosk helpdesk
pair-code`` prints it next to the code, so the volunteer can give it to ``kiosk pair``.
"""

from __future__ import annotations

import hashlib
import re
import ssl
from pathlib import Path

_PEM = re.compile(r"-----BEGIN CERTIFICATE-----.+?-----END CERTIFICATE-----", re.DOTALL)


class CertificateError(ValueError):
    """The file holds no readable certificate; ``str()`` says so plainly."""


def der_fingerprint(der: bytes) -> str:
    """'sha256:AB:CD:...' of a certificate in DER form (as the TLS handshake shows it)."""
    digest = hashlib.sha256(der).hexdigest().upper()
    return "sha256:" + ":".join(digest[i : i + 2] for i in range(0, len(digest), 2))


def certificate_fingerprint(path: Path) -> str:
    """The fingerprint of the first (the server's own) certificate in a PEM file."""
    try:
        text = path.read_text(encoding="ascii")
    except (OSError, UnicodeDecodeError) as exc:
        raise CertificateError(f"cannot read the certificate {str(path)!r}: {exc}") from None
    found = _PEM.search(text)
    if found is None:
        raise CertificateError(f"{str(path)!r} holds no PEM certificate")
    try:
        der = ssl.PEM_cert_to_DER_cert(found.group(0))
    except ValueError as exc:
        raise CertificateError(f"{str(path)!r}: {exc}") from None
    return der_fingerprint(der)
