"""The help desk's certificate pinned at pairing: pairing over https trusts the certificate
presented then (trust on first use) and keeps it beside the device token; later, another
certificate is refused before a byte is sent, the kiosk says it is offline and logs why in
plain words, and the request waits in the outbox until the right certificate is back."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes

from kiosk.cli import main
from kiosk.helpdesk.client import (
    HelpdeskClient,
    PairingError,
    pair,
    stored_certificate,
    stored_token,
)
from kiosk.helpdesk.connection import fingerprint
from kiosk.helpdesk.model import Topic
from kiosk.helpdesk.outbox import Outbox
from tests.helpers.helpdesk_faults import Certificate, TlsFront, self_signed
from tests.helpers.helpdesk_servers import LiveServer, Seeded, seed, wait_until
from tests.helpers.outbox_child import stored_states


@dataclass
class HttpsDesk:
    database_url: str
    seeded: Seeded
    front: TlsFront
    real: Certificate
    impostor: Certificate

    def code(self) -> str:
        return self.seeded.store.create_pair_code(self.seeded.centre, "front room")


@pytest.fixture
def desk(tmp_path: Path) -> Iterator[HttpsDesk]:
    database_url = f"sqlite:///{tmp_path / 'helpdesk.sqlite3'}"
    server = LiveServer(database_url).start()
    seeded = seed(server.url, server.state.store)
    real = self_signed(tmp_path / "tls", "real")
    impostor = self_signed(tmp_path / "tls", "impostor")
    front = TlsFront(server.port, real)
    yield HttpsDesk(database_url, seeded, front, real, impostor)
    front.close()
    server.stop()
    seeded.store.engine.dispose()


@pytest.fixture
def outbox(tmp_path: Path) -> Iterator[Outbox]:
    box = Outbox(tmp_path / "outbox.sqlite3")
    yield box
    box.close()


def test_a_swapped_certificate_is_refused_until_the_pinned_one_is_back(
    desk: HttpsDesk, outbox: Outbox, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO, "kiosk.helpdesk")
    paired = pair(desk.front.url, desk.code())
    assert paired.certificate == fingerprint(desk.real.der)
    assert stored_certificate(desk.front.url) == fingerprint(desk.real.der)
    token = stored_token(desk.front.url)
    assert token
    online: list[bool] = []
    # As the kiosk makes it: the token and the pin come from the secret store.
    client = HelpdeskClient(desk.front.url, outbox, on_online=online.append, backoff_limit=0.3)
    try:
        client.start()
        first = client.send(Topic.LOGIN)
        wait_until(lambda: outbox.count() == 0 and online == [True], what="delivery over https")

        desk.front.use(desk.impostor)
        second = client.send(Topic.PRINT, phone="040 123 4567")
        wait_until(lambda: online[-1] is False, what="the kiosk to say it is offline")
        handshakes = desk.front.handshakes[desk.impostor.cert]
        wait_until(lambda: desk.front.handshakes[desk.impostor.cert] >= handshakes + 2)
        assert desk.front.received[desk.impostor.cert] == 0  # not the token, not the request
        assert outbox.count() == 1
        assert client.problem is not None and "pair the kiosk again" in client.problem

        desk.front.use(desk.real)
        wait_until(lambda: outbox.count() == 0, what="delivery once the real one is back")
        wait_until(lambda: online[-1] is True)
        assert client.problem is None
    finally:
        client.stop()
    assert sorted(stored_states(desk.database_url)) == sorted([first, second])
    refusals = [r for r in caplog.records if "certificate" in r.getMessage()]
    assert len(refusals) == 1, "said once, not at every retry"
    assert refusals[0].levelno == logging.WARNING
    assert "not the one pinned at pairing" in refusals[0].getMessage()
    for record in caplog.records:
        text = record.getMessage()
        assert token not in text and "0401234567" not in text and "123 4567" not in text


def test_pairing_again_trusts_the_new_certificate(desk: HttpsDesk, outbox: Outbox) -> None:
    pair(desk.front.url, desk.code())
    desk.front.use(desk.impostor)  # say, the help desk's certificate was renewed
    with pytest.raises(PairingError, match="code is wrong"):  # still pairs over TLS first
        pair(desk.front.url, "WRONGCODE")
    assert stored_certificate(desk.front.url) == fingerprint(desk.real.der)  # unchanged
    pair(desk.front.url, desk.code())
    assert stored_certificate(desk.front.url) == fingerprint(desk.impostor.der)
    client = HelpdeskClient(desk.front.url, outbox, backoff_limit=0.3)
    try:
        client.start()
        client.send(Topic.OTHER)
        wait_until(lambda: outbox.count() == 0, what="delivery with the new pin")
    finally:
        client.stop()


def test_without_a_pin_the_certificate_authorities_decide(desk: HttpsDesk, outbox: Outbox) -> None:
    """A kiosk paired before pinning existed: a self-signed certificate is not trusted."""
    pair(desk.front.url, desk.code())
    paired_with = desk.front.received[desk.real.cert]
    online: list[bool] = []
    client = HelpdeskClient(
        desk.front.url,
        outbox,
        certificate=lambda: None,
        on_online=online.append,
        backoff_limit=0.3,
    )
    try:
        client.start()
        client.send(Topic.OTHER)
        wait_until(lambda: online == [False], what="the kiosk to say it is offline")
        wait_until(lambda: outbox.pending()[0].attempts >= 1, what="a refused attempt")
    finally:
        client.stop()
    assert desk.front.received[desk.real.cert] == paired_with  # nothing sent since pairing
    assert outbox.count() == 1


def test_kiosk_pair_shows_the_pinned_certificate(
    desk: HttpsDesk, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["pair", desk.front.url, desk.code()]) == 0
    out = capsys.readouterr().out
    # As ``openssl x509 -fingerprint -sha256`` and browsers show it, computed independently.
    digest = x509.load_der_x509_certificate(desk.real.der).fingerprint(hashes.SHA256())
    assert f"SHA-256 {digest.hex(':').upper()}" in out
    assert stored_certificate(desk.front.url) == fingerprint(desk.real.der)
