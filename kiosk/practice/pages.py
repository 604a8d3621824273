"""What every practice page shares: the request and response values, and the page frame.

The frame is the yellow PRACTICE banner, the header of the "site" the visitor is on (the
benefit service, the identification service, a bank, the mobile certificate), the language
switch and the footer. Changing look between these sites is on purpose: real e-services
do it too, and visitors should learn that it is normal.
"""

from __future__ import annotations

import html
from collections.abc import Mapping
from dataclasses import dataclass, field

from kiosk.practice.bodies import BodyError, Upload
from kiosk.practice.render import LANGUAGE_NAMES, LANGUAGES, Renderer
from kiosk.practice.visitors import VisitorState

HTML_TYPE = "text/html; charset=utf-8"
PDF_TYPE = "application/pdf"

#: The invented banks of the identification page, in the order shown.
BANKS: tuple[str, ...] = ("harjoitus", "kuusi", "jarvi", "kivi")

#: The "sites" of the practice: header name (a text key) and logo.
_SITES = {
    "service": ("site.service", "logo-service.svg"),
    "ident": ("site.ident", "logo-ident.svg"),
    "mobile": ("site.mobile", "logo-mobile.svg"),
    "card": ("site.card", "icon-idcard.svg"),
}


@dataclass(slots=True)
class Request:
    method: str
    lang: str
    #: The path after the language, without slashes at the ends: "", "bank/kivi", ...
    path: str
    visitor: VisitorState
    form: Mapping[str, str] = field(default_factory=dict)
    files: tuple[Upload, ...] = ()
    #: Set when the body could not be read (too big, malformed); form and files are empty.
    body_error: BodyError | None = None


@dataclass(frozen=True, slots=True)
class Response:
    status: int
    body: bytes = b""
    content_type: str = HTML_TYPE
    location: str = ""
    #: A file to save, not a page to show: the name the browser saves it under.
    download_name: str = ""


def page_url(lang: str, path: str = "") -> str:
    return f"/{lang}/{path}" if path else f"/{lang}/"


def redirect(lang: str, path: str = "") -> Response:
    """See Other: after a form step the browser loads the next page with GET."""
    return Response(303, location=page_url(lang, path))


class Frame:
    """Builds whole pages for one request."""

    def __init__(self, renderer: Renderer, request: Request) -> None:
        self.renderer = renderer
        self.request = request
        self.lang = request.lang

    def t(self, key: str, **values: str) -> str:
        return self.renderer.t(key, self.lang, **values)

    def plain(self, key: str, **values: str) -> str:
        return self.renderer.plain(key, self.lang, **values)

    def body(
        self,
        template: str,
        values: Mapping[str, str] | None = None,
        blocks: Mapping[str, str] | None = None,
    ) -> str:
        return self.renderer.fill(
            template, self.lang, {"lang": self.lang, **(values or {})}, blocks
        )

    def page(
        self,
        template: str,
        *,
        title: str,
        site: str = "service",
        status: int = 200,
        values: Mapping[str, str] | None = None,
        blocks: Mapping[str, str] | None = None,
        notice: bool = True,
    ) -> Response:
        """A whole page: ``title`` is a text key; ``site`` is service, ident, mobile, card or
        a bank.

        ``notice=False``: leave a pending one-time note (such as "You cancelled") for the
        next real page; error pages (a stray favicon request, say) must not eat it.
        """
        main = self.body(template, values, blocks)
        if site in _SITES:
            name_key, logo = _SITES[site]
            site_class = site
        else:  # a bank
            name_key, logo = f"bank.{site}", f"logo-bank-{site}.svg"
            site_class = f"bank bank-{site}"
        site_name = self.plain(name_key)
        layout_values = {
            "lang": self.lang,
            "title": f"{self.plain(title)} – {site_name} – {self.plain('practice.word')}",
            "site_name": site_name,
            "site_class": site_class,
            "logo": f"/static/{logo}",
        }
        layout_blocks = {
            "main": main,
            "languages": self._language_links(),
            "notice": self._notice() if notice else "",
        }
        document = self.renderer.fill("layout", self.lang, layout_values, layout_blocks)
        return Response(status, document.encode("utf-8"))

    def _language_links(self) -> str:
        items = []
        for code in LANGUAGES:
            name = LANGUAGE_NAMES[code]
            if code == self.lang:
                items.append(
                    f'<li><span class="current" lang="{code}" aria-current="true">'
                    f"{name}</span></li>"
                )
            else:
                href = html.escape(page_url(code, self.request.path))
                items.append(
                    f'<li><a href="{href}" lang="{code}" hreflang="{code}">{name}</a></li>'
                )
        return "\n".join(items)

    def _notice(self) -> str:
        key, values = self.request.visitor.take_notice()
        if not key:
            return ""
        return f'<div class="notice" role="status"><p>{self.t(key, **values)}</p></div>'
