"""Downloading, viewing and printing a PDF, and uploading it, end to end in the real kiosk."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from kiosk.app import KioskApp
from kiosk.shell.rooms.notices import Notice
from tests.helpers import lockdown_site as site
from tests.helpers.guides import service_guide, small_guide, write_guide
from tests.helpers.screens import save_screenshot, wait_until_painted
from tests.helpers.webserver import LocalServer, serve
from tests.qt.conftest import MakeKiosk

pytestmark = pytest.mark.e2e


def _child(kiosk: KioskApp, name: str) -> QWidget:
    found = kiosk.window.findChild(QWidget, name)
    assert found is not None, name
    return found


def _kiosk(make_kiosk: MakeKiosk, tmp_path: Path, web: LocalServer, **sections: object) -> KioskApp:
    web.route("/start", "<h1>Start</h1><a id='pdf' href='/download/pdf'>Decision</a>")
    site.add_downloads(web)
    site.upload_form(web)
    service_guide(tmp_path / "guides", web.base)
    kiosk = make_kiosk(tmp_path / "guides", **sections)
    kiosk.safe_rooms.printer.make_printer = lambda: site.test_printer(kiosk.session.folder)
    return kiosk


def test_download_view_print_and_upload_a_pdf(
    qtbot: QtBot, make_kiosk: MakeKiosk, tmp_path: Path, web: LocalServer
) -> None:
    kiosk = _kiosk(make_kiosk, tmp_path, web)
    view = site.open_tile(qtbot, kiosk)
    assert kiosk.window.findChild(QWidget, "pdf-viewer") is None  # made at first use
    site.click_element(qtbot, view, "#pdf")
    viewer = site.wait_for_room(qtbot, kiosk, "pdf-viewer")
    saved = kiosk.session.folder / "downloads" / "paatos.pdf"
    assert saved.is_file()
    assert kiosk.safe_rooms.viewer.document.pageCount() == 2
    wait_until_painted(qtbot, _child(kiosk, "viewer-pdf"))
    save_screenshot(kiosk.window, "lockdown-pdf-viewer")

    # Print from the viewer: the kiosk's preview, two copies, one big Print button.
    qtbot.mouseClick(_child(kiosk, "viewer-print"), Qt.MouseButton.LeftButton)
    preview = _child(kiosk, "print-preview")
    assert preview.isVisible()
    qtbot.mouseClick(_child(kiosk, "print-more-copies"), Qt.MouseButton.LeftButton)
    save_screenshot(kiosk.window, "lockdown-print-preview")
    qtbot.mouseClick(_child(kiosk, "print-button"), Qt.MouseButton.LeftButton)
    printed = kiosk.session.folder / "printed.pdf"
    qtbot.waitUntil(printed.is_file)
    assert site.pdf_pages(printed) == 4
    assert kiosk.session.printed_pages == 4
    assert site.visible_windows(kiosk.window) == []
    qtbot.mouseClick(_child(kiosk, "print-cancel"), Qt.MouseButton.LeftButton)
    qtbot.mouseClick(_child(kiosk, "viewer-close"), Qt.MouseButton.LeftButton)
    assert not viewer.isVisible()

    # Upload it: the page's file input opens the kiosk's chooser, never a file dialog.
    site.go(qtbot, view, web.url("/upload"), "/upload")
    chooser = kiosk.safe_rooms.chooser
    seen: list[str] = []

    def choose() -> None:
        seen.extend(t.item.path.name for t in chooser.tiles)
        save_screenshot(kiosk.window, "lockdown-file-chooser")
        qtbot.mouseClick(chooser.tiles[0], Qt.MouseButton.LeftButton)
        qtbot.mouseClick(_child(kiosk, "file-chooser-attach"), Qt.MouseButton.LeftButton)

    site.when_open(chooser, choose)
    site.click_element(qtbot, view, "#file")
    qtbot.waitUntil(lambda: seen == ["paatos.pdf"] and not chooser.isVisible(), timeout=15000)
    site.js(qtbot, view, "document.getElementById('form').submit()")
    qtbot.waitUntil(lambda: bool(web.seen("/received")), timeout=15000)
    body = web.seen("/received")[0].body
    assert b'filename="paatos.pdf"' in body
    assert b"%PDF-" in body
    assert site.visible_windows(kiosk.window) == []


def test_print_this_page(
    qtbot: QtBot, make_kiosk: MakeKiosk, tmp_path: Path, web: LocalServer
) -> None:
    """The bar's Print button: the page as a PDF, the kiosk's preview, a test printer."""
    kiosk = _kiosk(make_kiosk, tmp_path, web)
    site.open_tile(qtbot, kiosk)
    preview = kiosk.safe_rooms.preview
    qtbot.mouseClick(_child(kiosk, "print-page-button"), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(preview.isVisible, timeout=15000)
    assert preview.pages == 1
    assert preview.path is not None and preview.path.parent == kiosk.session.folder / "print"
    qtbot.mouseClick(_child(kiosk, "print-button"), Qt.MouseButton.LeftButton)
    printed = kiosk.session.folder / "printed.pdf"
    qtbot.waitUntil(printed.is_file)
    assert site.pdf_pages(printed) == 1
    assert kiosk.session.printed_pages == 1
    assert site.visible_windows(kiosk.window) == []


def test_a_bad_certificate_is_refused_with_an_explanation(
    qtbot: QtBot, make_kiosk: MakeKiosk, tmp_path: Path, web: LocalServer
) -> None:
    cert, key = site.self_signed_certificate(tmp_path)
    with serve(tls=site.tls_context(cert, key)) as tls:
        tls.route("/secret", "<h1>Should never show</h1>")
        web.route(
            "/start", f"<h1>Start</h1><a id='bad' href='https://127.0.0.1:{tls.port}/secret'>x</a>"
        )
        small_guide(
            tmp_path / "guides",
            f"{web.base}/start",
            [f"http://127.0.0.1:{web.port}", f"http://127.0.0.1:{tls.port}"],
        )
        kiosk = make_kiosk(tmp_path / "guides")
        view = site.open_tile(qtbot, kiosk)
        notice = kiosk.safe_rooms.notice
        site.click_element(qtbot, view, "#bad")
        qtbot.waitUntil(notice.isVisible, timeout=15000)
        assert notice.notice is Notice.CERTIFICATE
        save_screenshot(kiosk.window, "lockdown-certificate-refused")
        assert tls.seen("/secret") == []  # nothing was sent over the untrusted connection
        assert view.title() != "/secret"
        # The explanation is the certificate notice, not "could not be opened" under it.
        offline = kiosk.window.findChild(QWidget, "offline-page")
        assert offline is not None and not offline.isVisible()


def test_a_guide_that_declares_the_camera_gets_it(
    qtbot: QtBot, make_kiosk: MakeKiosk, tmp_path: Path, web: LocalServer
) -> None:
    web.route(
        "/start",
        "<h1>Call</h1><script>window.events = []; function media(what) {"
        " navigator.mediaDevices.getUserMedia(what).then(() => events.push('granted'),"
        " e => events.push(e.name)); }</script>"
        "<button id='call' onclick='media({video: true, audio: true})'>Call</button>",
    )
    write_guide(
        tmp_path / "guides",
        "test-service",
        f"""
        id: test-service
        category: other
        languages: [fi, sv, en]
        start_url: {web.base}/start
        allowed_hosts: ["http://127.0.0.1:{web.port}"]
        permissions: [camera, microphone]
        title: {{fi: Videopuhelu, sv: Videosamtal, en: Video call}}
        steps:
          - text: {{fi: Soita., sv: Ring., en: Call.}}
        """,
    )
    kiosk = make_kiosk(tmp_path / "guides")
    view = site.open_tile(qtbot, kiosk)
    site.click_element(qtbot, view, "#call")
    qtbot.waitUntil(lambda: bool(site.js(qtbot, view, "window.events")), timeout=15000)
    assert site.js(qtbot, view, "window.events") == ["granted"]


def test_the_wipe_ends_a_page_that_waits_for_the_visitor(
    qtbot: QtBot, make_kiosk: MakeKiosk, tmp_path: Path, web: LocalServer
) -> None:
    """A visitor leaves a page's question open and presses End session: the page's wait
    ends, the wipe passes every check, and nothing of the question is left."""
    web.route(
        "/start",
        "<h1>Start</h1><button id='ask' onclick=\"window.answer = prompt('Your name?')\">"
        "Ask</button><input id='file' type='file'>",
    )
    service_guide(tmp_path / "guides", web.base)
    kiosk = make_kiosk(tmp_path / "guides")
    receipts: list[object] = []
    kiosk.wipe_finished.connect(receipts.append)
    rooms = (("#ask", kiosk.safe_rooms.dialog), ("#file", kiosk.safe_rooms.chooser))
    for wipes, (selector, room) in enumerate(rooms, start=1):
        view = site.open_tile(qtbot, kiosk)

        def end_session() -> None:
            qtbot.keyClicks(kiosk.safe_rooms.dialog.input, "Maija")
            kiosk.keeper.end_session()

        site.when_open(room, end_session)
        site.click_element(qtbot, view, selector)
        qtbot.waitUntil(lambda n=wipes: len(receipts) == n, timeout=15000)
        assert receipts[-1].ok, receipts[-1]  # type: ignore[attr-defined]
        assert not room.isVisible()
        assert kiosk.safe_rooms.dialog.input.text() == ""
        qtbot.mouseClick(kiosk.window.attract, Qt.MouseButton.LeftButton)


def test_passkey_requests_are_refused(
    qtbot: QtBot, make_kiosk: MakeKiosk, tmp_path: Path, web: LocalServer
) -> None:
    """A site that offers a passkey: the kiosk refuses it once and says why. The page is
    on ``localhost``, a name a passkey may belong to (an IP address may not: Chromium
    would refuse it with a SecurityError before the kiosk is ever asked)."""
    web.route(
        "/start",
        "<h1>Log in</h1><script>window.events = []; function passkey() {"
        " navigator.credentials.create({publicKey: {challenge: new Uint8Array(16),"
        " rp: {name: 'Test', id: 'localhost'},"
        " user: {id: new Uint8Array(8), name: 'a', displayName: 'A'},"
        " pubKeyCredParams: [{type: 'public-key', alg: -7}], timeout: 60000}})"
        ".then(() => events.push('created'), e => events.push(e.name)); }</script>"
        "<button id='passkey' onclick='passkey()'>Passkey</button>",
    )
    site_url = f"http://localhost:{web.port}"
    small_guide(tmp_path / "guides", f"{site_url}/start", [site_url])
    kiosk = make_kiosk(tmp_path / "guides")
    view = site.open_tile(qtbot, kiosk)
    refusals: list[bool] = []
    page = view.kiosk_page()
    page.passkey_refused.connect(lambda: refusals.append(True))
    notice = kiosk.safe_rooms.notice
    site.click_element(qtbot, view, "#passkey")
    qtbot.waitUntil(lambda: bool(site.js(qtbot, view, "window.events")), timeout=15000)
    assert site.js(qtbot, view, "window.events") == ["NotAllowedError"]
    assert refusals == [True]  # asked once, refused once
    assert notice.isVisible() and notice.notice is Notice.PASSKEY
    save_screenshot(kiosk.window, "lockdown-passkey-refused")


def test_back_goes_back_in_a_new_window_then_closes_it(
    qtbot: QtBot, make_kiosk: MakeKiosk, tmp_path: Path, web: LocalServer
) -> None:
    """Alt+Left and the kiosk's Back button act on the window on top: first its own
    history, then closing it; the page under it stays where it was."""
    web.route("/start", "<h1>Start</h1><a id='terms' href='/terms' target='_blank'>Terms</a>")
    web.route("/terms", "<h1>Terms</h1><a id='more' href='/more'>More</a>")
    web.route("/more", "<h1>More</h1>")
    service_guide(tmp_path / "guides", web.base)
    kiosk = make_kiosk(tmp_path / "guides")
    view = site.open_tile(qtbot, kiosk)
    host = _child(kiosk, "popup-host")
    site.click_element(qtbot, view, "#terms")
    qtbot.waitUntil(host.isVisible)
    popups = kiosk.safe_rooms.popups
    assert popups is not None and popups.top is not None
    popup = popups.top
    qtbot.waitUntil(lambda: popup.title() == "/terms", timeout=15000)
    site.click_element(qtbot, popup, "#more")
    qtbot.waitUntil(lambda: popup.title() == "/more", timeout=15000)
    save_screenshot(kiosk.window, "lockdown-popup")

    # The kiosk's Back button, with the mouse: back inside the new window.
    back = _child(kiosk, "back-button")
    qtbot.waitUntil(back.isEnabled)
    qtbot.mouseClick(back, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: popup.url().path() == "/terms", timeout=15000)
    # Alt+Left, through the window as the OS delivers it: nothing left to go back to in
    # the new window, so it closes.
    popup.setFocus()
    qtbot.keyClick(kiosk.window.windowHandle(), Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: not host.isVisible())
    assert popups.popups == []
    assert view.url().path() == "/start"
    assert site.visible_windows(kiosk.window) == []


def test_the_guide_and_the_address_follow_a_new_window(
    qtbot: QtBot, make_kiosk: MakeKiosk, tmp_path: Path, web: LocalServer
) -> None:
    """A service that opens its form in a new window: the guide moves to the form's step
    and the address strip names the window's site; closing it shows the page's again."""
    web.route(
        "/start",
        f"<h1>Start</h1><a id='form' target='_blank' "
        f"href='http://localhost:{web.port}/form'>Form</a>",
    )
    web.route("/form", "<h1>Form</h1>")
    small_guide(
        tmp_path / "guides",
        f"{web.base}/start",
        [f"http://127.0.0.1:{web.port}", f"http://localhost:{web.port}"],
        steps=(
            "  - text: {fi: Avaa lomake., sv: Öppna blanketten., en: Open the form.}\n"
            f"    url: 127.0.0.1:{web.port}/start\n"
            "  - text: {fi: Täytä lomake., sv: Fyll i blanketten., en: Fill in the form.}\n"
            f"    url: localhost:{web.port}/form\n"
        ),
    )
    kiosk = make_kiosk(tmp_path / "guides")
    view = site.open_tile(qtbot, kiosk)
    service = kiosk.window.service
    progress = service.guide_panel.progress
    assert progress is not None
    qtbot.waitUntil(lambda: progress.step_index == 0)
    address = service.address_strip.address
    assert address.text() == "127.0.0.1"

    site.click_element(qtbot, view, "#form")
    popups = kiosk.safe_rooms.popups
    assert popups is not None
    qtbot.waitUntil(lambda: popups.top is not None and popups.top.title() == "/form", timeout=15000)
    qtbot.waitUntil(lambda: progress.step_index == 1)
    assert address.text() == "localhost"
    popup = popups.top
    assert popup is not None
    wait_until_painted(qtbot, popup)
    save_screenshot(kiosk.window, "lockdown-popup-guided")

    kiosk.safe_rooms.close_popup()
    assert popups.top is None
    assert address.text() == "127.0.0.1"
    assert progress.step_index == 1  # the guide does not go back by itself
