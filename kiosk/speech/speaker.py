"""Reading a guide step aloud with Qt's text-to-speech.

The engine is the system's own (speech-dispatcher with espeak-ng voices on Linux, the
Windows voices), or the one named in ``speech.engine`` ("mock" in tests, "none" to turn
reading aloud off). If there is no engine, or no voice for a language, ``can_speak``
says so and the speaker button is hidden: never a button that does nothing.

The engine runs in a child process (``speech_worker.py``): starting it takes seconds,
and a speech daemon that stops answering blocks it for good. The kiosk's screen never
waits for it. An engine that does not start within ``START_TIMEOUT_S``, that dies, or
that never finishes reading a step (speech-dispatcher without a sound device) means no
reading aloud until it is started again (``start``, at the next wipe), and after
``MAX_FAILURES`` in a row, until the kiosk restarts.
"""

from __future__ import annotations

import json
import logging

from PySide6.QtCore import QLocale, QObject, QProcess, QTimer, Signal

from kiosk import paths

log = logging.getLogger("kiosk.shell")

ENGINE_OFF = "none"
START_TIMEOUT_S = 30.0
# Reading a step takes about a second per 10 characters; an engine still "reading" long
# after that is stuck (speech-dispatcher waits for good when it has no sound device).
READING_MARGIN_S = 10.0
READING_S_PER_CHAR = 0.2
# An engine that fails this many times in a row is not started again until the kiosk
# restarts (a wedged speech daemon would otherwise cost every visitor's wipe a retry).
MAX_FAILURES = 3


class Speaker(QObject):
    """Signals: speaking_changed(bool); ready(): the engine has started, failed or
    stopped (what ``can_speak`` says may have changed); word_spoken(str): the word the
    engine is saying now."""

    speaking_changed = Signal(bool)
    ready = Signal()
    word_spoken = Signal(str)

    def __init__(
        self,
        engine: str = "",
        command: list[str] | None = None,
        start_timeout_s: float = START_TIMEOUT_S,
        reading_margin_s: float = READING_MARGIN_S,
    ) -> None:
        super().__init__()
        self._command = command or paths.kiosk_command("speech-worker", engine)
        # Reading aloud turned off, or an engine that said it has no voices: not started
        # again. (One that did not answer or died is started again at the next wipe.)
        self._unavailable = engine == ENGINE_OFF
        self._failures = 0  # in a row; a step read to its end starts the count again
        self._locales: list[QLocale] = []
        self._ticket = 0  # the number of the request being read; a new one outdates it
        self._speaking = False
        self._locale = ""
        self._buffer = b""
        self._process: QProcess | None = None
        self._deadline = QTimer(self)
        self._deadline.setSingleShot(True)
        self._deadline.setInterval(round(start_timeout_s * 1000))
        self._deadline.timeout.connect(self._on_too_slow)
        self._reading_margin_s = reading_margin_s
        self._watchdog = QTimer(self)
        self._watchdog.setSingleShot(True)
        self._watchdog.timeout.connect(self._on_stuck)
        self.is_ready = False

    # -- the engine's process -----------------------------------------------------------
    @property
    def pid(self) -> int | None:
        """The engine process's id while it runs (the wipe's process check allows it)."""
        if self._process is None or self._process.state() == QProcess.ProcessState.NotRunning:
            return None
        return self._process.processId() or None

    def start(self) -> None:
        """Start the engine unless it runs (the kiosk calls this once its first screen
        shows, and at each wipe); ``ready`` follows when it has started or failed to."""
        if self._unavailable:
            if not self.is_ready:
                self._set_ready([])
            return
        if self._process is not None:
            return
        self.is_ready = False
        process = QProcess(self)
        process.setProgram(self._command[0])
        process.setArguments(self._command[1:])
        process.readyReadStandardOutput.connect(self._on_output)
        process.readyReadStandardError.connect(self._on_errors)
        process.finished.connect(self._on_finished)
        process.errorOccurred.connect(self._on_error)
        self._process = process
        self._buffer = b""
        self._deadline.start()
        process.start()

    def close(self) -> None:
        """End the engine's process (the kiosk is shutting down)."""
        self._end_process(gently=True)

    def _stopped(self, why: str) -> None:
        self._failures += 1
        if self._failures >= MAX_FAILURES and not self._unavailable:
            self._unavailable = True
            log.warning(
                "reading aloud is off until the kiosk restarts: %s (%d times)", why, self._failures
            )
        elif not self._unavailable:
            log.warning("reading aloud is off until the next visitor: %s", why)
        self._end_process(gently=False)
        self._set_speaking(False)
        self._set_ready([])

    def _end_process(self, *, gently: bool) -> None:
        self._deadline.stop()
        self._watchdog.stop()
        process, self._process = self._process, None
        if process is None:
            return
        process.finished.disconnect(self._on_finished)
        process.errorOccurred.disconnect(self._on_error)
        if gently:
            process.closeWriteChannel()  # the worker ends when its input does
        if not gently or not process.waitForFinished(2000):
            process.kill()
            process.waitForFinished(2000)
        process.deleteLater()

    def _on_too_slow(self) -> None:
        self._stopped(
            f"the speech engine did not start within {self._deadline.interval() // 1000} s"
        )

    def _on_stuck(self) -> None:
        if self._speaking:
            self._stopped("the speech engine did not finish reading a step")

    def _on_finished(self, code: int, _status: QProcess.ExitStatus) -> None:
        self._stopped(f"the speech engine stopped (exit code {code})")

    def _on_error(self, error: QProcess.ProcessError) -> None:
        if error == QProcess.ProcessError.FailedToStart:
            self._stopped("the speech engine could not be started")

    def _on_errors(self) -> None:
        if self._process is None:
            return
        text = bytes(self._process.readAllStandardError().data()).decode(errors="replace")
        for line in text.splitlines():
            if line.strip():
                log.info("speech engine: %s", line.strip()[:200])

    def _on_output(self) -> None:
        if self._process is None:
            return
        self._buffer += bytes(self._process.readAllStandardOutput().data())
        *lines, self._buffer = self._buffer.split(b"\n")
        for line in lines:
            try:
                message = json.loads(line)
            except ValueError:
                continue
            if isinstance(message, dict):
                self._on_message(message)

    def _on_message(self, message: dict[str, object]) -> None:
        if "locales" in message:
            self._deadline.stop()
            names = message["locales"]
            if message.get("error"):
                log.warning("text-to-speech is not available: %s", message["error"])
                self._unavailable = True
            self._set_ready([str(n) for n in names] if isinstance(names, list) else [])
            log.info("text-to-speech ready with %d languages", len(self._locales))
        elif message.get("ticket") == self._ticket and self._speaking:
            if "word" in message:
                self.word_spoken.emit(str(message["word"]))
            elif message.get("speaking") is False:
                self._failures = 0
                self._set_speaking(False)

    def _send(self, message: dict[str, object]) -> None:
        if self._process is not None:
            self._process.write((json.dumps(message) + "\n").encode())

    def _set_ready(self, locales: list[str]) -> None:
        self._locales = [QLocale(name) for name in locales]
        self.is_ready = True
        self.ready.emit()

    # -- what the guide panel asks ------------------------------------------------------
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
        return self._locale_for(language) is not None

    @property
    def speaking(self) -> bool:
        return self._speaking

    @property
    def locale(self) -> str:
        """The name of the voice's locale last asked to read (e.g. "fi_FI")."""
        return self._locale

    def say(self, text: str, language: str) -> bool:
        locale = self._locale_for(language)
        if locale is None or not text.strip():
            return False
        self._ticket += 1
        self._locale = locale.name()
        self._send({"say": text, "locale": self._locale, "ticket": self._ticket})
        self._watchdog.start(
            round((self._reading_margin_s + READING_S_PER_CHAR * len(text)) * 1000)
        )
        self._set_speaking(True)
        return True

    def reset_for_next_visitor(self) -> None:
        """Stop reading, forget the voice, and start the engine again if it has died."""
        self.stop()
        self._locale = ""
        self.start()

    def leftovers(self) -> list[str]:
        found = ["a step is still being read aloud"] if self._speaking else []
        return found + (["the last visitor's voice is still chosen"] if self._locale else [])

    def stop(self) -> None:
        if not self._speaking:
            return
        self._ticket += 1  # whatever the engine still says of the old request
        self._send({"stop": True})
        self._set_speaking(False)

    def _set_speaking(self, speaking: bool) -> None:
        if not speaking:
            self._watchdog.stop()
        if speaking != self._speaking:
            self._speaking = speaking
            self.speaking_changed.emit(speaking)
