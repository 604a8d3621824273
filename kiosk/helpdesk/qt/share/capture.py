"""Pictures of the kiosk's own window for a screen share, masked before they leave.

:class:`FrameGrabber` renders the kiosk's widgets themselves (``QWidget.grab``), never
the screen: another program, the desktop or anything over the window cannot get into a
picture. The kiosk's dialogs in front of the window are drawn in where they are. Then,
still in memory: every web view whose page must not be seen is covered by a card ("the
visitor is typing a password", "identification in progress"), and every sensitive field
of the kiosk's own (a password, the help dialog's phone number) by a blank box.

:class:`Encoder` scales the picture down and makes a JPEG of it in a thread of its own,
skips a picture that has not changed (a keep-alive goes instead, now and then), and
lowers the quality until the picture fits the share's limits. Nothing is written to disk.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import QBuffer, QByteArray, QCoreApplication, QIODevice, QPoint, QRect, Qt
from PySide6.QtGui import QColor, QFont, QImage, QPainter
from PySide6.QtWidgets import QApplication, QLineEdit, QWidget

from kiosk.helpdesk.share_model import KEEPALIVE_S, MAX_FRAME_BYTES, MAX_FRAME_WIDTH, Pause
from kiosk.ui.icons import icon_path, pixmap_from_svg

if TYPE_CHECKING:
    from kiosk.browser.webengine.view import KioskView

_SECRET_HINTS = Qt.InputMethodHint.ImhHiddenText | Qt.InputMethodHint.ImhSensitiveData
CARD_BACKGROUND = "#26323F"
CARD_TEXT = "#FFFFFF"
FIELD_MASK = "#8A8A8A"
#: The on-screen keyboard (its objectName): never shared, since a key lit up as it is
#: pressed would show the supporter what the visitor types, a password too.
ON_SCREEN_KEYBOARD = "on-screen-keyboard"
# JPEG qualities tried, best first, until a picture fits the limit.
QUALITIES = (60, 45, 30)


def pause_text(pause: Pause) -> str:
    """The card's words (in the kiosk's language; the staff page says it in its own)."""
    if pause is Pause.IDENTIFICATION:
        return QCoreApplication.translate(
            "ScreenShare", "Paused: identification in progress. The guide is still visible."
        )
    return QCoreApplication.translate("ScreenShare", "Paused: the visitor is typing a password.")


def is_sensitive_field(field: QLineEdit) -> bool:
    """A field of the kiosk's own that a picture must not show."""
    if field.echoMode() != QLineEdit.EchoMode.Normal:
        return True
    return bool(field.inputMethodHints() & _SECRET_HINTS)


def _visible(widget: QWidget) -> bool:
    return shiboken6.isValid(widget) and widget.isVisible() and not widget.size().isEmpty()


class FrameGrabber:
    def __init__(self, window: QWidget) -> None:
        self.window = window

    def windows(self) -> list[QWidget]:
        """The kiosk's window, then its own windows in front of it (dialogs)."""
        others = [
            w
            for w in QApplication.topLevelWidgets()
            if w is not self.window and _visible(w) and w.isWindow() and not w.isMinimized()
        ]
        return [self.window, *others]

    def web_views(self) -> list[KioskView]:
        """Every web view that shows now, in the window and in its dialogs."""
        # The browser's modules load with the browser, not with the first screen.
        from kiosk.browser.webengine.view import KioskView  # noqa: PLC0415

        return [v for w in self.windows() for v in w.findChildren(KioskView) if _visible(v)]

    def _rect(self, widget: QWidget) -> QRect:
        origin = self.window.mapToGlobal(QPoint(0, 0))
        return QRect(widget.mapToGlobal(QPoint(0, 0)) - origin, widget.size())

    def grab(self, pauses: Mapping[KioskView, Pause]) -> QImage:
        """The window as it is now, masked; the size of the window."""
        image = self.window.grab().toImage().convertToFormat(QImage.Format.Format_RGB32)
        painter = QPainter(image)
        for other in self.windows()[1:]:
            painter.drawPixmap(self._rect(other).topLeft(), other.grab())
        for window in self.windows():
            for field in window.findChildren(QLineEdit):
                if _visible(field) and is_sensitive_field(field):
                    painter.fillRect(self._rect(field), QColor(FIELD_MASK))
            for keys in window.findChildren(QWidget, ON_SCREEN_KEYBOARD):
                if _visible(keys):
                    painter.fillRect(self._rect(keys), QColor(FIELD_MASK))
        for view, pause in pauses.items():
            if pause is not Pause.NONE and _visible(view):
                paint_pause_card(painter, self._rect(view), pause)
        painter.end()
        return image


def paint_pause_card(painter: QPainter, rect: QRect, pause: Pause) -> None:
    """Cover ``rect`` (a web view's area) completely: a lock and what is paused."""
    painter.fillRect(rect, QColor(CARD_BACKGROUND))
    side = max(24, min(96, rect.height() // 4, rect.width() // 4))
    lock = pixmap_from_svg(icon_path("lock"), CARD_TEXT, side)
    top = rect.top() + max(8, rect.height() // 2 - side - 16)
    painter.drawPixmap(rect.center().x() - side // 2, top, lock)
    font = QFont(painter.font())
    font.setPixelSize(max(14, min(30, rect.width() // 22)))
    font.setBold(True)
    painter.setFont(font)
    painter.setPen(QColor(CARD_TEXT))
    text_rect = QRect(rect.left() + 24, top + side + 16, rect.width() - 48, rect.height() // 2)
    painter.drawText(
        text_rect,
        int(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop | Qt.TextFlag.TextWordWrap),
        pause_text(pause),
    )


# -- turning pictures into JPEG ------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Encoded:
    share_id: str
    jpeg: bytes  # b"": unchanged since the last picture (a keep-alive)
    width: int
    height: int
    pause: Pause


Deliver = Callable[[Encoded], None]


def scaled(image: QImage, max_width: int = MAX_FRAME_WIDTH) -> QImage:
    if image.width() <= max_width:
        return image
    return image.scaledToWidth(max_width, Qt.TransformationMode.SmoothTransformation)


def to_jpeg(image: QImage, limit: int = MAX_FRAME_BYTES) -> bytes:
    """The picture as JPEG, at the best quality that fits ``limit`` (smaller if need be)."""
    while True:
        for quality in QUALITIES:
            data = QByteArray()
            buffer = QBuffer(data)
            buffer.open(QIODevice.OpenModeFlag.WriteOnly)
            # WORKAROUND (PySide6 6.12): the stubs want the format as bytes, but only a
            # str is accepted at run time.
            image.save(buffer, "JPG", quality)  # type: ignore[call-overload]
            buffer.close()
            if data.size() <= limit:
                return bytes(data.data())
        image = image.scaledToWidth(max(1, image.width() * 3 // 4))


class Encoder:
    """Makes JPEG pictures in a thread of its own; one picture at a time."""

    def __init__(self, deliver: Deliver, clock: Callable[[], float] = time.monotonic) -> None:
        self._deliver = deliver
        self._clock = clock
        self._lock = threading.Condition()
        self._job: tuple[str, QImage, Pause] | None = None
        self._stop = False
        self._last: tuple[str, bytes] | None = None  # (share id, digest) of the last picture
        self._last_at = 0.0
        self._working = False  # a picture is in the thread's hands now
        self._generation = 0  # forget() outdates what is being made
        self._thread = threading.Thread(target=self._run, name="share-encoder", daemon=True)
        self._thread.start()

    @property
    def busy(self) -> bool:
        return self._job is not None

    def submit(self, share_id: str, image: QImage, pause: Pause) -> bool:
        """Encode this picture next; False if one is still being made."""
        with self._lock:
            if self._job is not None or self._stop:
                return False
            self._job = (share_id, image, pause)
            self._lock.notify_all()
            return True

    def forget(self, timeout: float = 2.0) -> None:
        """Nothing of the last share is kept: the picture being made is dropped (waited
        for), and the next one is sent in full."""
        with self._lock:
            self._generation += 1
            self._job = None
            self._last = None
            self._lock.wait_for(lambda: not self._working, timeout)

    def resend(self) -> None:
        """Send the next picture in full even if nothing changed (a new viewer)."""
        with self._lock:
            self._last = None

    @property
    def holds_a_picture(self) -> bool:
        return self._job is not None or self._working

    def close(self) -> None:
        with self._lock:
            self._stop = True
            self._job = None
            self._lock.notify_all()
        self._thread.join(5)

    def _run(self) -> None:
        while True:
            with self._lock:
                while self._job is None and not self._stop:
                    self._lock.wait()
                if self._stop:
                    return
                assert self._job is not None
                share_id, image, pause = self._job
                self._working = True
                generation = self._generation
            try:
                self._encode(share_id, image, pause, generation)
            finally:
                del image
                with self._lock:
                    self._working = False
                    if generation == self._generation:
                        self._job = None
                    self._lock.notify_all()

    def _encode(self, share_id: str, image: QImage, pause: Pause, generation: int) -> None:
        import hashlib  # noqa: PLC0415 - at first use, not with the first screen (issue 14)

        small = scaled(image)
        digest = hashlib.blake2b(bytes(small.constBits()), digest_size=16).digest()
        now = self._clock()
        if self._last == (share_id, digest):
            if now - self._last_at < KEEPALIVE_S:
                return
            jpeg = b""  # unchanged: a keep-alive only
        else:
            jpeg = to_jpeg(small)
        with self._lock:
            if self._stop or generation != self._generation:
                return
            self._last = (share_id, digest)
            self._last_at = now
        self._deliver(Encoded(share_id, jpeg, small.width(), small.height(), pause))
