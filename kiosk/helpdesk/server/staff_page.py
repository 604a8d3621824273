"""The staff page: one HTML shell, its script modules (one per view), styles, sound and
service worker, all served from this package (no build step, no CDN: the centres'
machines may have no internet).

The page's words come as JSON data inside the HTML (never as markup) in the language
the browser asks for (or the ``language`` setting).
"""

from __future__ import annotations

import json
import re
from importlib import resources

from fastapi import APIRouter, HTTPException, Request
from fastapi.responses import FileResponse, HTMLResponse, RedirectResponse
from starlette.concurrency import run_in_threadpool

from kiosk.helpdesk.server.deps import HelpdeskDep
from kiosk.helpdesk.server.guide_titles import guide_titles
from kiosk.helpdesk.server.labels import LABELS, pick_language
from kiosk.helpdesk.server.pack_labels import PACK_LABELS
from kiosk.helpdesk.server.share_labels import SHARE_LABELS

router = APIRouter(include_in_schema=False)

_STATIC = resources.files("kiosk.helpdesk.server") / "static"
_NAME = re.compile(r"^[a-z][a-z0-9_-]*\.(js|css|wav|svg)$")
#: Settings the page's script reads (minutes until a wait counts as long, and so on).
PAGE_CONFIG = {"long_wait_min": 10, "kiosk_offline_after_s": 150}


def _files(folder: str = "") -> frozenset[str]:
    where = _STATIC / folder if folder else _STATIC
    return frozenset(p.name for p in where.iterdir() if p.is_file() and _NAME.match(p.name))


STATIC_FILES = _files()
VIEW_FILES = _files("views")


@router.get("/")
async def root() -> RedirectResponse:
    return RedirectResponse("/staff/", status_code=303)


@router.get("/staff")
async def staff_no_slash() -> RedirectResponse:
    return RedirectResponse("/staff/", status_code=303)


@router.get("/staff/", response_class=HTMLResponse)
async def staff_page(request: Request, state: HelpdeskDep) -> HTMLResponse:
    language = pick_language(request.headers.get("accept-language"), state.settings.language)
    template = (_STATIC / "staff.html").read_text(encoding="utf-8")
    titles = await run_in_threadpool(guide_titles, language)  # read once, then cached
    words = {**LABELS[language], **PACK_LABELS[language], **SHARE_LABELS[language]}
    data = {**words, "guide_titles": titles, "config": PAGE_CONFIG}
    # JSON inside a non-executed data block; '<' escaped so nothing can close the tag.
    labels = json.dumps(data, ensure_ascii=False).replace("<", "\\u003c")
    html = (
        template.replace("{{lang}}", language)
        .replace("{{title}}", LABELS[language]["title"])
        .replace("{{labels}}", labels)
    )
    return HTMLResponse(html)


@router.get("/staff/sw.js")
async def service_worker() -> FileResponse:
    # Served from /staff/ so that its scope is the page; never cached, so an update
    # reaches phones at their next visit.
    with resources.as_file(_STATIC / "sw.js") as path:
        return FileResponse(path, media_type="text/javascript")


@router.get("/staff/static/{name}")
async def static(name: str) -> FileResponse:
    if name not in STATIC_FILES:
        raise HTTPException(404)
    with resources.as_file(_STATIC / name) as path:
        return FileResponse(path)


@router.get("/staff/static/views/{name}")
async def view_module(name: str) -> FileResponse:
    if name not in VIEW_FILES:
        raise HTTPException(404)
    with resources.as_file(_STATIC / "views" / name) as path:
        return FileResponse(path, media_type="text/javascript")
