"""Attachments: a real multipart upload, its checks, and the friendly "too big" page."""

from __future__ import annotations

import socket
from urllib.parse import urlsplit

import pytest

from kiosk.practice import PracticeSite
from kiosk.practice.bodies import MAX_UPLOAD_BYTES
from tests.unit.practice.visitor import PDF, PNG, Visitor


@pytest.fixture
def logged_in(visitor: Visitor) -> Visitor:
    visitor.log_in("fi")
    return visitor


def test_a_pdf_and_a_png_are_added_and_can_be_removed(logged_in: Visitor) -> None:
    page = logged_in.upload("fi", "tiliote.pdf", PDF, "application/pdf")
    assert "Liite lisättiin: <strong>tiliote.pdf</strong>" in page.text
    page = logged_in.upload("fi", "C:\\Users\\kuva.png", PNG, "image/png")
    assert "kuva.png" in page.text
    assert "C:\\Users" not in page.text  # only the file's own name is kept
    page = logged_in.post("/fi/apply/attachments", {"remove": "0"})
    assert "Liite poistettiin: <strong>tiliote.pdf</strong>" in page.text
    assert page.text.count("tiliote.pdf") == 1  # only in the note, no longer in the list
    # A wrong index is ignored, not an error.
    again = logged_in.post("/fi/apply/attachments", {"remove": "99"})
    assert again.status_code == 200


def test_next_with_a_chosen_file_adds_it_too(logged_in: Visitor) -> None:
    page = logged_in.upload("fi", "vuokrasopimus.pdf", PDF, "application/pdf", action="next")
    assert page.url.path == "/fi/apply/review"
    assert "vuokrasopimus.pdf" in page.text


def test_next_without_a_file_goes_on(logged_in: Visitor) -> None:
    page = logged_in.post(
        "/fi/apply/attachments",
        {"action": "next"},
        files={"attachment": ("", b"", "application/octet-stream")},
    )
    assert page.url.path == "/fi/apply/review"


def test_add_without_a_file_says_to_choose_one(logged_in: Visitor) -> None:
    page = logged_in.post(
        "/fi/apply/attachments",
        {"action": "upload"},
        files={"attachment": ("", b"", "application/octet-stream")},
    )
    assert page.status_code == 400
    assert "Valitse ensin tiedosto" in page.text


def test_a_file_of_the_wrong_type_is_refused(logged_in: Visitor) -> None:
    page = logged_in.upload("fi", "ohjelma.pdf", b"MZ\x90\x00 not a pdf", "application/pdf")
    assert page.status_code == 415
    assert "Lisää PDF-, JPG- tai PNG-tiedosto" in page.text
    assert "ohjelma.pdf" not in page.text


def test_at_most_five_attachments(logged_in: Visitor) -> None:
    for number in range(5):
        assert logged_in.upload("fi", f"{number}.pdf", PDF, "application/pdf").status_code == 200
    page = logged_in.upload("fi", "6.pdf", PDF, "application/pdf")
    assert page.status_code == 400
    assert "enintään 5 liitettä" in page.text


def test_a_file_over_10_mb_is_refused_with_a_friendly_page(logged_in: Visitor) -> None:
    big = PDF + b"0" * MAX_UPLOAD_BYTES
    page = logged_in.upload("fi", "iso.pdf", big, "application/pdf")
    assert page.status_code == 413
    assert "Tiedosto on liian suuri" in page.text
    assert page.url.path == "/fi/apply/attachments"
    assert "iso.pdf" not in page.text
    # The visitor can go on at once.
    assert logged_in.upload("fi", "pieni.pdf", PDF, "application/pdf").status_code == 200


def test_a_huge_body_is_not_read_and_the_connection_closes(logged_in: Visitor) -> None:
    """1 GB announced, nothing sent: the server answers at once instead of waiting."""
    cookie = "; ".join(f"{name}={value}" for name, value in logged_in.http.cookies.items())
    port = urlsplit(str(logged_in.http.base_url)).port
    with socket.create_connection(("127.0.0.1", port)) as raw:
        raw.sendall(
            b"POST /fi/apply/attachments HTTP/1.1\r\nHost: x\r\n"
            b"Content-Type: multipart/form-data; boundary=x\r\n"
            + f"Content-Length: {1024**3}\r\nCookie: {cookie}\r\n\r\n".encode()
        )
        answer = raw.makefile("rb").read()
    assert answer.startswith(b"HTTP/1.0 413")
    assert b"Tiedosto on liian suuri" in answer


def test_a_plain_form_has_a_small_limit(visitor: Visitor) -> None:
    visitor.get("/fi/bank/harjoitus")
    page = visitor.post("/fi/bank/harjoitus", {"userid": "1" * 100_000})
    assert page.status_code == 413
    assert "liian paljon tietoa" in page.text


def test_multipart_to_a_page_without_uploads_is_limited(visitor: Visitor) -> None:
    visitor.get("/fi/bank/harjoitus")
    page = visitor.post(
        "/fi/bank/harjoitus",
        {"userid": "1234"},
        files={"x": ("big.pdf", PDF + b"0" * 200_000, "application/pdf")},
    )
    assert page.status_code == 413


@pytest.mark.parametrize(
    ("headers", "body", "status"),
    [
        ({"Content-Type": "multipart/form-data; boundary=abc"}, b"not multipart", 400),
        ({"Content-Type": "multipart/form-data"}, b"--x--\r\n", 400),
        ({"Content-Type": "application/json"}, b"{}", 415),
        ({"Content-Type": "application/x-www-form-urlencoded"}, b"\xff\xfe", 400),
    ],
)
def test_malformed_bodies_get_the_friendly_page(
    visitor: Visitor, headers: dict[str, str], body: bytes, status: int
) -> None:
    visitor.log_in("en")
    page = visitor.http.post("/en/apply/attachments", headers=headers, content=body)
    assert page.status_code == status
    assert "Traceback" not in page.text
    assert "PRACTICE" in page.text
    page = visitor.http.post("/en/apply/income", headers=headers, content=body)
    assert page.status_code == status
    assert "Go back to the front page" in page.text


def test_a_post_without_length_is_refused(site: PracticeSite) -> None:
    with socket.create_connection(("127.0.0.1", site.port)) as raw:
        raw.sendall(b"POST /fi/mobile HTTP/1.1\r\nHost: x\r\n\r\n")
        answer = raw.makefile("rb").read()
    assert answer.startswith(b"HTTP/1.0 411")
