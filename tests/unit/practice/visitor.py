"""A visitor of the practice site over real HTTP: its own cookie jar, and the errands."""

from __future__ import annotations

import re
from types import TracebackType

import httpx

#: A tiny but real PDF (the server checks the first bytes, not the name).
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64


class Visitor:
    def __init__(self, base_url: str) -> None:
        self.http = httpx.Client(base_url=base_url, follow_redirects=True, timeout=30)

    def __enter__(self) -> Visitor:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.http.close()

    def get(self, path: str) -> httpx.Response:
        return self.http.get(path)

    def post(
        self,
        path: str,
        data: dict[str, str] | None = None,
        files: dict[str, tuple[str, bytes, str]] | None = None,
    ) -> httpx.Response:
        return self.http.post(path, data=data or {}, files=files)

    # -- errands -----------------------------------------------------------------------
    def log_in(self, lang: str = "fi", bank: str = "harjoitus") -> httpx.Response:
        """The whole bank login, approved in the practice app; returns "My services"."""
        self.get(f"/{lang}/identify")
        self.get(f"/{lang}/bank/{bank}")
        page = self.post(f"/{lang}/bank/{bank}", {"userid": "12345678"})
        assert page.url.path == f"/{lang}/approve/{bank}", page.url
        assert code_on(page.text, "reference-code") == code_on(page.text, "phone-code")
        page = self.post(f"/{lang}/approve/{bank}", {"action": "approve"})
        assert page.url.path == f"/{lang}/continue", page.url
        return self.finish_login(lang)

    def finish_login(self, lang: str) -> httpx.Response:
        """From "Continue to service": the page about official mail once, then the service."""
        page = self.post(f"/{lang}/continue")
        if page.url.path == f"/{lang}/digital-mail":
            page = self.post(f"/{lang}/digital-mail", {"email": "harri@example.com"})
        return page

    def fill_application(self, lang: str = "fi") -> httpx.Response:
        """Every form page with good answers; returns the review page."""
        self.post(
            f"/{lang}/apply/situation",
            {"living": "alone", "status": "unemployed", "phone": "", "action": "next"},
        )
        self.post(
            f"/{lang}/apply/income",
            {"wages": "0", "benefits": "650,50", "other": "0", "action": "next"},
        )
        page = self.post(
            f"/{lang}/apply/housing", {"housing": "friends", "rent": "", "action": "next"}
        )
        assert page.url.path == f"/{lang}/apply/attachments", page.url
        return self.get(f"/{lang}/apply/review")

    def upload(
        self, lang: str, name: str, data: bytes, kind: str, action: str = "upload"
    ) -> httpx.Response:
        return self.post(
            f"/{lang}/apply/attachments",
            {"action": action},
            files={"attachment": (name, data, kind)},
        )


def code_on(page: str, element_id: str) -> str:
    """The code the practice phone shows (spaces removed)."""
    match = re.search(rf'id="{element_id}">([^<]+)<', page)
    assert match, f"no #{element_id} on the page"
    return match.group(1).replace(" ", "")
