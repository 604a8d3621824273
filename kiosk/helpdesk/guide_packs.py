"""The help desk as the kiosk's source of guide packs (a
:class:`kiosk.guides.updater.PackSource`).

With the device token, over the same connection as help requests (an https help desk's
certificate pinned at pairing):

* ``POST /api/v1/kiosk/guide-pack/check``: say which pack the kiosk shows and what went
  wrong last; learn the newest pack on offer, with a signature made for this kiosk.
* ``GET /api/v1/kiosk/guide-pack/files/{version}``: download it.
* ``GET /api/v1/kiosk/guide-pack/key``: this kiosk's signing key, asked once after
  pairing and kept beside the device token in the secret store. From then on a pack
  signed with any other key is refused; pairing again (a new token) asks again.

The signature is an HMAC-SHA256 over the pack's manifest (which holds every file's
SHA-256) with a key the help desk makes for each kiosk from a secret only it holds. A
kiosk's key verifies that kiosk's packs and no other's, so whoever reads one kiosk's
secrets cannot make a pack another kiosk takes, which is what a public-key signature
would give here; and it needs nothing beyond the standard library on the kiosk (whose
bundle leaves ``cryptography`` out).

Pure Python and the standard library's HTTP (:mod:`kiosk.helpdesk.connection`).
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import json
import logging
from collections.abc import Callable
from typing import Any
from urllib.parse import quote, urlsplit

from kiosk import __version__
from kiosk import secrets as secret_store
from kiosk.guides.packs import MAX_PACK_BYTES, Verifier, signature_matches
from kiosk.guides.updater import Offer, Sink, SourceError
from kiosk.helpdesk.client import stored_certificate, stored_token
from kiosk.helpdesk.connection import Http, Response, TransportError

log = logging.getLogger("kiosk.helpdesk")

CHECK_PATH = "/api/v1/kiosk/guide-pack/check"
KEY_PATH = "/api/v1/kiosk/guide-pack/key"
FILES_PATH = "/api/v1/kiosk/guide-pack/files/"
#: The longest problem sentence sent to the help desk (its column holds this much).
MAX_PROBLEM_CHARS = 300
KEY_BYTES = 32


def key_secret_name(url: str) -> str:
    parts = urlsplit(url)
    return f"helpdesk-pack-key {parts.scheme}://{parts.netloc}"


def token_fingerprint(token: str) -> str:
    """Ties a stored key to the pairing it came with (not the token itself)."""
    return hashlib.sha256(b"guide-pack-key\0" + token.encode()).hexdigest()[:32]


class HelpdeskPackSource:
    """Guide packs from the help desk at ``url``, with this kiosk's device token."""

    def __init__(
        self,
        url: str,
        *,
        token: Callable[[], str | None] | None = None,
        certificate: Callable[[], str | None] | None = None,
        timeout_s: float = 15.0,
        download_timeout_s: float = 60.0,
    ) -> None:
        self.url = url.rstrip("/")
        self._token = token or (lambda: stored_token(self.url))
        self._certificate = certificate or (lambda: stored_certificate(self.url))
        self.timeout_s = timeout_s
        self.download_timeout_s = download_timeout_s

    # -- PackSource -------------------------------------------------------------------------
    def check(self, current: str | None, problem: str | None) -> Offer | None:
        body = {"current": current, "problem": problem[:MAX_PROBLEM_CHARS] if problem else None}
        response = self._request("POST", CHECK_PATH, body)
        try:
            newest = response.json()["newest"]
            return None if newest is None else parse_offer(newest)
        except (ValueError, KeyError, TypeError) as exc:
            raise SourceError(
                "the help desk's answer about guide packs was not understood"
            ) from exc

    def download(self, offer: Offer, out: Sink) -> None:
        token = self._token_or_fail()
        try:
            with self._http(token, self.download_timeout_s) as http:
                status = http.download(FILES_PATH + quote(offer.version, safe=""), out, offer.size)
        except TransportError as exc:
            raise SourceError(f"the help desk cannot be reached ({exc.kind})") from exc
        if status == 404:
            raise SourceError(f"the help desk no longer has pack {offer.version}")
        _refuse_status(status)

    def verifier(self) -> Verifier:
        key = self._key()

        def verify(manifest: bytes, signature: bytes) -> bool:
            return signature_matches(key, manifest, signature)

        return verify

    # -- the key ----------------------------------------------------------------------------
    def _key(self) -> bytes:
        """This kiosk's key: the stored one if it came with the current pairing, else
        asked for now (the first time after pairing) and stored."""
        token = self._token_or_fail()
        fingerprint = token_fingerprint(token)
        name = key_secret_name(self.url)
        try:
            stored = secret_store.get(name)
        except secret_store.SecretStoreError as exc:
            raise SourceError(f"the guide pack key cannot be read: {exc}") from exc
        if stored:
            try:
                data = json.loads(stored)
                if data["token"] == fingerprint:
                    return base64.b64decode(data["key"], validate=True)
            except (ValueError, KeyError, TypeError, binascii.Error):
                log.warning("the stored guide pack key is damaged; asking the help desk again")
        response = self._request("GET", KEY_PATH, None)
        try:
            key = base64.b64decode(response.json()["key"], validate=True)
        except (ValueError, KeyError, TypeError, binascii.Error) as exc:
            raise SourceError("the help desk's guide pack key was not understood") from exc
        if len(key) != KEY_BYTES:
            raise SourceError("the help desk's guide pack key has the wrong length")
        value = json.dumps({"token": fingerprint, "key": base64.b64encode(key).decode()})
        try:
            secret_store.set(name, value)
        except secret_store.SecretStoreError as exc:
            raise SourceError(f"the guide pack key cannot be stored: {exc}") from exc
        log.info("guide packs: this kiosk's key was fetched from the help desk and stored")
        return key

    # -- HTTP -------------------------------------------------------------------------------
    def _token_or_fail(self) -> str:
        try:
            token = self._token()
        except secret_store.SecretStoreError as exc:
            raise SourceError(f"the device token cannot be read: {exc}") from exc
        if not token:
            raise SourceError("this kiosk is not paired with the help desk")
        return token

    def _http(self, token: str, timeout: float) -> Http:
        try:
            certificate = self._certificate()
        except secret_store.SecretStoreError as exc:
            raise SourceError(f"the pinned certificate cannot be read: {exc}") from exc
        try:
            return Http(
                self.url,
                timeout=timeout,
                pin=certificate,
                headers={
                    "Authorization": f"Bearer {token}",
                    "User-Agent": f"digituki-kiosk/{__version__}",
                },
            )
        except ValueError as exc:
            raise SourceError(str(exc)) from exc

    def _request(self, method: str, path: str, body: Any) -> Response:
        token = self._token_or_fail()
        try:
            with self._http(token, self.timeout_s) as http:
                response = http.request(method, path, body)
        except TransportError as exc:
            raise SourceError(f"the help desk cannot be reached ({exc.kind})") from exc
        _refuse_status(response.status)
        return response


def _refuse_status(status: int) -> None:
    if status == 401:
        raise SourceError("the help desk does not know this kiosk: pair it again")
    if status != 200:
        raise SourceError(f"the help desk answered {status}")


def parse_offer(data: Any) -> Offer:
    """The help desk's description of its newest pack; ValueError if it is not usable."""
    if not isinstance(data, dict):
        raise ValueError("not an object")
    version, size, sha256, signature = (
        data["version"],
        data["size"],
        data["sha256"],
        data["signature"],
    )
    if not (
        isinstance(version, str)
        and 0 < len(version) <= 64
        and all(ch.isalnum() or ch in ".-_+" for ch in version)
    ):
        raise ValueError("bad version")
    if not isinstance(size, int) or not 0 < size <= MAX_PACK_BYTES:
        raise ValueError("bad size")
    if not isinstance(sha256, str) or len(sha256) != 64:
        raise ValueError("bad hash")
    if not isinstance(signature, str):
        raise ValueError("bad signature")
    return Offer(version, size, sha256.lower(), bytes.fromhex(signature))
