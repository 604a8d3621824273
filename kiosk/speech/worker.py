"""The read-aloud engine, in a process of its own (``kiosk speech-worker ENGINE``).

Starting speech-dispatcher's engine takes seconds, and a speech daemon that has stopped
answering blocks the engine's calls for good. Inside the kiosk either would freeze the
screen (the Qt call holds Python's lock, so a thread does not help). Here it can only
make reading aloud late or absent: the kiosk waits for this process, not on it.

One JSON object per line, both ways. The kiosk sends ``{"say": TEXT, "locale": NAME,
"ticket": N}`` and ``{"stop": true}``. This process answers ``{"locales": [NAME...]}``
once, then ``{"ticket": N, "speaking": BOOL}`` and ``{"ticket": N, "word": WORD}``.
The texts are the guides' own steps; nothing here is logged.
"""

from __future__ import annotations

import json
import sys
import threading
from typing import Any

from PySide6.QtCore import QCoreApplication, QLocale, QObject, Signal, Slot
from PySide6.QtTextToSpeech import QTextToSpeech


def send(message: dict[str, Any]) -> None:
    sys.stdout.write(json.dumps(message) + "\n")
    sys.stdout.flush()


class _Reader(QObject):
    """Reads the kiosk's lines in a thread; each arrives in the main thread."""

    line = Signal(str)
    closed = Signal()

    def start(self) -> None:
        threading.Thread(target=self._read, name="speech-stdin", daemon=True).start()

    def _read(self) -> None:
        for line in sys.stdin:
            self.line.emit(line)
        self.closed.emit()  # the kiosk has gone: so does this process


class _Worker(QObject):
    def __init__(self, tts: QTextToSpeech) -> None:
        super().__init__()
        self.tts = tts
        self.ticket = 0
        tts.stateChanged.connect(self._on_state)
        tts.sayingWord.connect(self._on_word)

    @Slot(str)
    def handle(self, line: str) -> None:
        try:
            message = json.loads(line)
        except ValueError:
            return
        if not isinstance(message, dict):
            return
        text, ticket, locale = message.get("say"), message.get("ticket"), message.get("locale")
        if isinstance(text, str) and isinstance(ticket, int) and isinstance(locale, str):
            self.tts.stop()  # what the old request says now is no longer news
            self.ticket = ticket
            if self.tts.locale() != QLocale(locale):
                self.tts.setLocale(QLocale(locale))
            self.tts.say(text)
        elif message.get("stop") is True and self.tts.state() != QTextToSpeech.State.Ready:
            self.tts.stop()

    def _on_state(self, state: QTextToSpeech.State) -> None:
        send({"ticket": self.ticket, "speaking": state == QTextToSpeech.State.Speaking})

    def _on_word(self, word: str, *_position: object) -> None:
        send({"ticket": self.ticket, "word": word})


def run(engine: str) -> int:
    app = QCoreApplication.instance() or QCoreApplication(["kiosk-speech"])
    tts = QTextToSpeech(engine, app) if engine else QTextToSpeech(app)
    if tts.state() == QTextToSpeech.State.Error:
        send({"locales": [], "error": f"engine {engine or 'default'!r}: {tts.errorString()}"})
        return 0
    worker = _Worker(tts)
    reader = _Reader()
    reader.line.connect(worker.handle)
    reader.closed.connect(app.quit)
    send({"locales": [locale.name() for locale in tts.availableLocales()]})
    reader.start()
    return app.exec()
