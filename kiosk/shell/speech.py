"""Reading a guide step aloud with Qt's text-to-speech.

The engine is the system's own (speech-dispatcher with espeak-ng voices on Linux, the
Windows voices), or the one named in ``speech.engine`` ("mock" in tests, "none" to turn
reading aloud off). If there is no engine, or no voice for a language, ``can_speak``
says so and the speaker button is hidden: never a button that does nothing.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QLocale, QObject, Signal
from PySide6.QtTextToSpeech import QTextToSpeech

log = logging.getLogger("kiosk.shell")

ENGINE_OFF = "none"


class Speaker(QObject):
    """Signals: speaking_changed(bool), ready(): the engine has started (or failed to)."""

    speaking_changed = Signal(bool)
    ready = Signal()

    def __init__(self, engine: str = "") -> None:
        super().__init__()
        self._engine = engine
        self._tts: QTextToSpeech | None = None
        self._locales: list[QLocale] = []
        self.started = False

    def start(self) -> None:
        """Start the engine. Slow with speech-dispatcher (seconds): the kiosk calls this
        once the first screen shows, not before."""
        if self.started:
            return
        self.started = True
        self._load(self._engine)
        self.ready.emit()

    def _load(self, engine: str) -> None:
        if engine == ENGINE_OFF:
            return
        try:
            self._tts = QTextToSpeech(engine, self) if engine else QTextToSpeech(self)
        except Exception:  # an engine that fails to load only means "no reading aloud"
            log.exception("text-to-speech engine %r could not be started", engine or "default")
            return
        if self._tts.state() == QTextToSpeech.State.Error:
            log.warning("text-to-speech is not available: %s", self._tts.errorString())
            self._tts = None
            return
        self._locales = list(self._tts.availableLocales())
        self._tts.stateChanged.connect(self._on_state)
        log.info("text-to-speech ready with %d languages", len(self._locales))

    def _locale_for(self, language: str) -> QLocale | None:
        wanted = QLocale(language).language()
        matches = [loc for loc in self._locales if loc.language() == wanted]
        if not matches:
            return None
        # Prefer the language as spoken in Finland (fi_FI, sv_FI), then any.
        for loc in matches:
            if loc.territory() == QLocale.Country.Finland:
                return loc
        return matches[0]

    def can_speak(self, language: str) -> bool:
        return self._tts is not None and self._locale_for(language) is not None

    @property
    def speaking(self) -> bool:
        return self._tts is not None and self._tts.state() == QTextToSpeech.State.Speaking

    def say(self, text: str, language: str) -> bool:
        locale = self._locale_for(language)
        if self._tts is None or locale is None or not text.strip():
            return False
        self._tts.stop()
        if self._tts.locale() != locale:
            self._tts.setLocale(locale)
        self._tts.say(text)
        return True

    def stop(self) -> None:
        if self._tts is not None and self._tts.state() != QTextToSpeech.State.Ready:
            self._tts.stop()

    @property
    def engine(self) -> QTextToSpeech | None:
        """The Qt engine itself (tests listen to the words it speaks)."""
        return self._tts

    @property
    def locale(self) -> str:
        return self._tts.locale().name() if self._tts is not None else ""

    def _on_state(self, state: QTextToSpeech.State) -> None:
        self.speaking_changed.emit(state == QTextToSpeech.State.Speaking)
