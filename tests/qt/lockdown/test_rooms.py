"""The kiosk's own rooms as a visitor sees them: the phone/e-mail card, a page's alert,
the friendly refusals, the picture viewer, the print preview at the page limit, the
empty file chooser; in normal and in big, strong-contrast text. Screenshots go to
test-artifacts/ for a human to look at."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from kiosk.app import KioskApp
from kiosk.browser.webengine.dialogs import DialogKind, DialogRequest, FileRequest
from kiosk.lockdown.file_types import FileKind
from kiosk.shell.rooms.link_card import clean_target, qr_content
from kiosk.shell.rooms.notices import Notice
from tests.helpers import lockdown_site as site
from tests.helpers.cups import PdfQueue
from tests.helpers.guides import service_guide
from tests.helpers.screens import save_screenshot
from tests.helpers.webserver import LocalServer
from tests.qt.conftest import MakeKiosk


@pytest.fixture
def kiosk(qtbot: QtBot, make_kiosk: MakeKiosk, tmp_path: Path, web: LocalServer) -> KioskApp:
    web.route("/start", "<h1>Kela</h1><p>Your decision is ready.</p>")
    service_guide(tmp_path / "guides", web.base)
    made = make_kiosk(tmp_path / "guides")
    site.open_tile(qtbot, made)
    return made


def _child(kiosk: KioskApp, name: str) -> QWidget:
    found = kiosk.window.findChild(QWidget, name)
    assert found is not None, name
    return found


def test_phone_card_shows_the_number_and_a_qr_code(kiosk: KioskApp, qtbot: QtBot) -> None:
    card = kiosk.safe_rooms.link_card
    card.show_link("tel", "+358%2020%20692%20207")
    assert card.isVisible()
    assert card.target_label.text() == "+358 20 692 207"
    assert card.qr.data == "tel:+35820692207" and card.qr.modules() > 20
    save_screenshot(kiosk.window, "lockdown-link-card-phone")
    qtbot.mouseClick(_child(kiosk, "external-link-back"), Qt.MouseButton.LeftButton)
    assert not card.isVisible()


def test_email_card_in_swedish(kiosk: KioskApp, qtbot: QtBot) -> None:
    qtbot.mouseClick(_child(kiosk, "language-sv"), Qt.MouseButton.LeftButton)
    card = kiosk.safe_rooms.link_card
    card.show_link("mailto", "kela@example.org?subject=Hej&body=secret")
    assert card.target_label.text() == "kela@example.org"
    assert card.heading.text() == "E-postadress"
    save_screenshot(kiosk.window, "lockdown-link-card-email-sv")


@pytest.mark.parametrize(
    ("scheme", "target", "shown", "qr"),
    [
        ("tel", "+358%2020%20692%20207", "+358 20 692 207", "tel:+35820692207"),
        ("tel", "//0401234567;ext=12", "0401234567", "tel:0401234567"),
        ("sms", "+358401234567?body=hello", "+358401234567", "sms:+358401234567"),
        ("mailto", "a@b.fi,c@d.fi?cc=e@f.fi", "a@b.fi", "mailto:a@b.fi"),
        ("tel", "<script>alert(1)</script>", "(1)", "tel:1"),
    ],
)
def test_link_targets_are_cleaned(scheme: str, target: str, shown: str, qr: str) -> None:
    assert clean_target(scheme, target) == shown
    assert qr_content(scheme, shown) == qr


def test_a_pages_alert_is_a_kiosk_card(kiosk: KioskApp, qtbot: QtBot) -> None:
    dialog = kiosk.safe_rooms.dialog
    request = DialogRequest(
        kind=DialogKind.ALERT, message="Your application was saved.", host="asiointi.kela.fi"
    )
    dialog.ask(request)
    assert request.shown and dialog.isVisible()
    assert not dialog.cancel.isVisible()
    save_screenshot(kiosk.window, "lockdown-js-alert")
    qtbot.mouseClick(dialog.ok, Qt.MouseButton.LeftButton)
    assert request.answered and request.accepted
    assert not dialog.isVisible()


def test_leaving_a_page_asks_in_plain_words(kiosk: KioskApp, qtbot: QtBot) -> None:
    dialog = kiosk.safe_rooms.dialog
    request = DialogRequest(kind=DialogKind.LEAVE, host="asiointi.kela.fi")
    dialog.ask(request)
    assert dialog.ok.text() == "Poistu"
    assert dialog.cancel.text() == "Jää sivulle"
    save_screenshot(kiosk.window, "lockdown-js-leave")
    qtbot.keyClick(dialog.cancel, Qt.Key.Key_Escape)
    assert request.answered and not request.accepted


def test_a_second_question_waits_its_turn(kiosk: KioskApp) -> None:
    dialog = kiosk.safe_rooms.dialog
    first = DialogRequest(kind=DialogKind.CONFIRM, message="Send?")
    second = DialogRequest(kind=DialogKind.CONFIRM, message="Really?")
    dialog.ask(first)
    dialog.ask(second)
    assert second.answered and not second.accepted  # answered "no", never shown
    assert not first.answered


def test_the_wipe_answers_and_closes_every_room(kiosk: KioskApp) -> None:
    rooms = kiosk.safe_rooms
    question = DialogRequest(kind=DialogKind.PROMPT, message="Name?", default_text="x")
    files = FileRequest()
    rooms.dialog.ask(question)
    rooms.chooser.ask(files)
    rooms.notice.show_notice(Notice.CERTIFICATE)
    rooms.link_card.show_link("tel", "112")
    assert len(rooms.leftovers()) >= 4  # the rooms' own check sees what they hold
    kiosk.keeper.parts.get("rooms").reset()
    assert rooms.leftovers() == []
    assert question.answered and not question.accepted
    assert files.answered and files.paths == []
    for room in (rooms.dialog, rooms.chooser, rooms.notice, rooms.link_card, rooms.viewer):
        assert not room.isVisible()
    assert rooms.link_card.target == ""
    assert rooms.dialog.input.text() == ""


@pytest.mark.parametrize(
    "notice", [Notice.PROGRAM_REFUSED, Notice.CERTIFICATE, Notice.DOCUMENT_SAVED]
)
def test_refusals_are_friendly(kiosk: KioskApp, qtbot: QtBot, notice: Notice) -> None:
    card = kiosk.safe_rooms.notice
    card.show_notice(notice, "hakemus.docx" if notice is Notice.DOCUMENT_SAVED else "")
    assert card.heading.text() and card.text.text()
    save_screenshot(kiosk.window, f"lockdown-notice-{notice.value}")
    qtbot.mouseClick(card.ok, Qt.MouseButton.LeftButton)
    assert not card.isVisible()


def test_picture_viewer(kiosk: KioskApp, qtbot: QtBot) -> None:
    picture = kiosk.session.folder / "downloads" / "kuva.png"
    picture.write_bytes(site.png_bytes())
    viewer = kiosk.safe_rooms.viewer
    assert viewer.show_file(picture, FileKind.IMAGE, can_print=True)
    assert not viewer.image_label.pixmap().isNull()
    assert not viewer._paging.isVisible()  # one picture: no pages to turn
    qtbot.mouseClick(viewer.zoom_in, Qt.MouseButton.LeftButton)
    save_screenshot(kiosk.window, "lockdown-picture-viewer")
    qtbot.mouseClick(viewer.close_button, Qt.MouseButton.LeftButton)
    assert not viewer.isVisible()


def test_a_room_made_after_a_look_change_has_the_visitors_look(
    kiosk: KioskApp, qtbot: QtBot
) -> None:
    """The document rooms are made at their first use: one made after the visitor chose
    bigger text and high contrast is drawn so from the start, like the rest."""
    assert kiosk.safe_rooms._viewer is None
    preferences = kiosk.session.preferences
    assert preferences.bigger_text() and preferences.toggle_contrast()
    scale = preferences.choices.text_scale
    viewer = kiosk.safe_rooms.viewer
    assert viewer.close_button._theme == (scale, True)
    assert kiosk.safe_rooms.chooser.high_contrast
    picture = kiosk.session.folder / "downloads" / "kuva.png"
    picture.write_bytes(site.png_bytes())
    assert viewer.show_file(picture, FileKind.IMAGE, can_print=True)
    save_screenshot(kiosk.window, "lockdown-picture-viewer-high-contrast")


def test_print_preview_at_the_page_limit(
    qtbot: QtBot, make_kiosk: MakeKiosk, tmp_path: Path, web: LocalServer
) -> None:
    web.route("/start", "<h1>Kela</h1>")
    service_guide(tmp_path / "guides", web.base)
    kiosk = make_kiosk(tmp_path / "guides", printing={"max_pages_per_session": 4})
    site.open_tile(qtbot, kiosk)
    kiosk.safe_rooms.printer.make_printer = lambda: site.test_printer(kiosk.session.folder)
    document = kiosk.session.folder / "kela.pdf"
    document.write_bytes(site.pdf_bytes(3))
    preview = kiosk.safe_rooms.preview
    assert preview.show_pdf(document)
    assert preview.print_button.isEnabled()
    assert not preview.more.isEnabled()  # two copies would be 6 pages of the 4 allowed
    qtbot.mouseClick(preview.print_button, Qt.MouseButton.LeftButton)
    assert kiosk.session.printed_pages == 3
    assert preview.result.isVisible()
    assert preview.show_pdf(document)
    assert not preview.print_button.isVisible()  # 1 page left, 3 needed
    save_screenshot(kiosk.window, "lockdown-print-preview-limit")


def test_no_printer_is_said_plainly(kiosk: KioskApp, qtbot: QtBot) -> None:
    kiosk.safe_rooms.printer.make_printer = lambda: None
    document = kiosk.session.folder / "kela.pdf"
    document.write_bytes(site.pdf_bytes(1))
    preview = kiosk.safe_rooms.preview
    assert preview.show_pdf(document)
    assert not preview.print_button.isVisible()
    assert preview.result.isVisible()


def test_printing_off_hides_the_print_buttons(
    qtbot: QtBot, make_kiosk: MakeKiosk, tmp_path: Path, web: LocalServer
) -> None:
    web.route("/start", "<h1>Kela</h1>")
    service_guide(tmp_path / "guides", web.base)
    kiosk = make_kiosk(tmp_path / "guides", printing={"max_pages_per_session": 0})
    site.open_tile(qtbot, kiosk)
    assert not _child(kiosk, "print-page-button").isVisible()
    document = kiosk.session.folder / "downloads" / "a.pdf"
    document.write_bytes(site.pdf_bytes(1))
    assert kiosk.safe_rooms.viewer.show_file(document, FileKind.PDF, can_print=False)
    assert not _child(kiosk, "viewer-print").isVisible()


def test_empty_file_chooser_in_big_strong_text(kiosk: KioskApp, qtbot: QtBot) -> None:
    for _ in range(3):
        qtbot.mouseClick(_child(kiosk, "text-size-up"), Qt.MouseButton.LeftButton)
    qtbot.mouseClick(_child(kiosk, "contrast-toggle"), Qt.MouseButton.LeftButton)
    chooser = kiosk.safe_rooms.chooser
    request = FileRequest(accepted_types=(".pdf",))
    chooser.ask(request)
    assert chooser.tiles == []
    assert chooser.empty.isVisible()
    assert not chooser.attach.isVisible()
    save_screenshot(kiosk.window, "lockdown-file-chooser-empty-big")
    qtbot.mouseClick(chooser.cancel, Qt.MouseButton.LeftButton)
    assert request.answered and request.paths == []


def test_chooser_offers_only_the_visitors_files_that_fit(kiosk: KioskApp) -> None:
    downloads = kiosk.session.folder / "downloads"
    (downloads / "paatos.pdf").write_bytes(site.pdf_bytes(1))
    (downloads / "kuva.png").write_bytes(site.png_bytes())
    (downloads / "notes.txt").write_text("x")
    chooser = kiosk.safe_rooms.chooser
    chooser.ask(FileRequest(accepted_types=("image/*", ".pdf"), multiple=True))
    assert sorted(t.item.path.name for t in chooser.tiles) == ["kuva.png", "paatos.pdf"]
    assert all(t.item.path.parent == downloads for t in chooser.tiles)
    save_screenshot(kiosk.window, "lockdown-file-chooser-two")
    chooser.reset_for_next_visitor()


def test_usb_stick_files_are_offered_without_paths(
    qtbot: QtBot,
    make_kiosk: MakeKiosk,
    tmp_path: Path,
    web: LocalServer,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """With lockdown.allow_removable_media, a stick's documents and pictures (two folders
    deep at most; no hidden files, no links, no programs) join this visit's downloads."""
    stick = tmp_path / "stick"
    (stick / "Kela" / "2024" / "deep").mkdir(parents=True)
    photo = QImage(120, 160, QImage.Format.Format_RGB32)
    photo.fill(QColor("#0A4A82"))
    assert photo.save(str(stick / "passi.jpg"), "JPG")
    (stick / "Kela" / "paatos.pdf").write_bytes(site.pdf_bytes(1))
    (stick / "Kela" / "2024" / "vuokra.pdf").write_bytes(site.pdf_bytes(1))
    (stick / "Kela" / "2024" / "deep" / "too-deep.pdf").write_bytes(site.pdf_bytes(1))
    (stick / ".hidden.pdf").write_bytes(site.pdf_bytes(1))
    (stick / "virus.exe").write_bytes(b"MZ")
    (stick / "link.pdf").symlink_to(stick / "Kela" / "paatos.pdf")
    monkeypatch.setattr(
        "kiosk.shell.rooms.file_chooser.removable_roots", lambda _mounts, _platform: [stick]
    )
    web.route("/start", "<h1>Kela</h1>")
    service_guide(tmp_path / "guides", web.base)
    kiosk = make_kiosk(tmp_path / "guides", lockdown={"allow_removable_media": True})
    site.open_tile(qtbot, kiosk)
    chooser = kiosk.safe_rooms.chooser
    request = FileRequest(multiple=True)
    chooser.ask(request)
    names = sorted(t.item.path.name for t in chooser.tiles)
    assert names == ["paatos.pdf", "passi.jpg", "vuokra.pdf"]
    assert all(t.source.text() == "USB-tikulta" for t in chooser.tiles)
    assert all(str(stick) not in t.name.text() for t in chooser.tiles)
    for tile in chooser.tiles[:2]:
        qtbot.mouseClick(tile, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(chooser.attach, Qt.MouseButton.LeftButton)
    assert len(request.paths) == 2


def test_removable_media_stay_hidden_unless_allowed(
    kiosk: KioskApp, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    stick = tmp_path / "stick"
    stick.mkdir()
    (stick / "paatos.pdf").write_bytes(site.pdf_bytes(1))
    monkeypatch.setattr(
        "kiosk.shell.rooms.file_chooser.removable_roots", lambda _mounts, _platform: [stick]
    )
    chooser = kiosk.safe_rooms.chooser
    chooser.ask(FileRequest())
    assert chooser.tiles == []
    chooser.reset_for_next_visitor()


def test_a_real_printer_is_used_and_never_one_that_writes_files(
    qapp: QApplication, cups_queue: PdfQueue
) -> None:
    """A real queue gives a printer that prints natively, to no file; a queue named as
    the PDF writers are (Debian's cups-pdf queue is "PDF"), an unknown name, or such a
    queue as the system's default give none."""
    from PySide6.QtPrintSupport import QPrinter

    from kiosk.shell.rooms.printer import system_printer

    printer = system_printer(cups_queue.name)
    assert printer is not None
    assert printer.printerName() == cups_queue.name
    assert printer.outputFormat() == QPrinter.OutputFormat.NativeFormat
    assert printer.outputFileName() == ""
    server = cups_queue.server
    pdf_writer = server.new_queue(name="PDF")
    try:
        assert system_printer("PDF") is None
        assert system_printer("no-such-printer") is None
        server.lp("lpadmin", "-d", cups_queue.name)
        default = system_printer("")
        assert default is not None and default.printerName() == cups_queue.name
        server.lp("lpadmin", "-d", "PDF")
        assert system_printer("") is None
    finally:
        pdf_writer.remove()
