"""The body parser on its own: urlencoded and hand-parsed multipart."""

from __future__ import annotations

import pytest

from kiosk.practice.bodies import (
    MAX_FORM_BYTES,
    MAX_UPLOAD_BYTES,
    BodyError,
    BodyProblem,
    body_limit,
    parse_body,
)

FORM = "application/x-www-form-urlencoded"


def _multipart(*parts: bytes, boundary: str = "XyZ") -> tuple[str, bytes]:
    body = b"".join(b"--" + boundary.encode() + b"\r\n" + part + b"\r\n" for part in parts)
    return f"multipart/form-data; boundary={boundary}", body + b"--" + boundary.encode() + b"--\r\n"


def test_urlencoded() -> None:
    body = parse_body(FORM, b"a=1&b=%C3%A4&a=2&empty=")
    assert body.fields == {"a": "1", "b": "ä", "empty": ""}
    assert body.files == ()
    assert parse_body("", b"x=1").fields == {"x": "1"}


def test_multipart_fields_and_files() -> None:
    content_type, data = _multipart(
        b'Content-Disposition: form-data; name="action"\r\n\r\nupload',
        b'Content-Disposition: form-data; name="attachment"; filename="C:\\\\temp\\\\a b.pdf"\r\n'
        b"Content-Type: application/pdf\r\n\r\n%PDF-1\r\n\r\nbinary\x00\xff",
    )
    body = parse_body(content_type, data)
    assert body.fields == {"action": "upload"}
    (upload,) = body.files
    assert upload.field_name == "attachment"
    assert upload.filename == "a b.pdf"
    assert upload.content_type == "application/pdf"
    assert upload.data == b"%PDF-1\r\n\r\nbinary\x00\xff"


def test_multipart_rfc2231_file_name() -> None:
    content_type, data = _multipart(
        b'Content-Disposition: form-data; name="attachment"; '
        b"filename*=UTF-8''p%C3%A4%C3%A4t%C3%B6s.pdf\r\n\r\n%PDF-"
    )
    assert parse_body(content_type, data).files[0].filename == "päätös.pdf"


def test_multipart_utf8_file_name_as_browsers_send_it() -> None:
    header = 'Content-Disposition: form-data; name="attachment"; filename="päätös.pdf"'
    content_type, data = _multipart(header.encode() + b"\r\n\r\n%PDF-")
    assert parse_body(content_type, data).files[0].filename == "päätös.pdf"


@pytest.mark.parametrize(
    ("content_type", "data", "problem"),
    [
        ("multipart/form-data", b"", BodyProblem.MALFORMED),
        ("multipart/form-data; boundary=XyZ", b"--XyZ\r\nno end", BodyProblem.MALFORMED),
        (
            "multipart/form-data; boundary=XyZ",
            b"--XyZ\r\nContent-Disposition: form-data\r\n\r\nx\r\n--XyZ--",
            BodyProblem.MALFORMED,
        ),
        (
            "multipart/form-data; boundary=XyZ",
            b"--XyZ\r\nno headers here\r\n--XyZ--",
            BodyProblem.MALFORMED,
        ),
        (
            "multipart/form-data; boundary=XyZ",
            b'--XyZ\r\nContent-Disposition: form-data; name="a"\r\n\r\n\xff\r\n--XyZ--',
            BodyProblem.MALFORMED,
        ),
        ("text/plain", b"hello", BodyProblem.WRONG_TYPE),
        (FORM, b"\xff", BodyProblem.MALFORMED),
        (FORM, b"&".join([b"a=1"] * 51), BodyProblem.MALFORMED),
    ],
)
def test_malformed(content_type: str, data: bytes, problem: BodyProblem) -> None:
    with pytest.raises(BodyError) as caught:
        parse_body(content_type, data)
    assert caught.value.problem is problem
    assert 400 <= caught.value.status < 500


def test_limits() -> None:
    assert body_limit(FORM) == MAX_FORM_BYTES
    assert body_limit("multipart/form-data; boundary=x") > MAX_UPLOAD_BYTES
    assert body_limit("multipart/form-data; boundary=x", max_upload=10) < MAX_FORM_BYTES * 2
