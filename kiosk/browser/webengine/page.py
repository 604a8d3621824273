"""The kiosk's web page: asks the navigation policy before going anywhere."""

from __future__ import annotations

import logging
from collections.abc import Sequence

from PySide6.QtCore import QTimer, QUrl, Signal
from PySide6.QtWebEngineCore import (
    QWebEngineLoadingInfo,
    QWebEngineNewWindowRequest,
    QWebEnginePage,
    QWebEngineProfile,
)

from kiosk.browser.policy import AllowList, Decision, Navigation, Verdict, decide, loggable

log = logging.getLogger("kiosk.browser")

LOAD_STARTED = "started"
LOAD_OK = "ok"
#: The page could not be opened: no network, no such host, refused, certificate...
LOAD_FAILED = "failed"
_ABORTED = -3  # net::ERR_ABORTED: a navigation we refused, not a failure
#: A server that answered with an error status shows its own page.
_SERVER_ANSWERED = QWebEngineLoadingInfo.ErrorDomain.HttpStatusCodeDomain


class KioskPage(QWebEnginePage):
    """A page that goes only where its allow-list says.

    Signals:
        navigation_blocked(str): the visitor tried to open a host or scheme that is not
            available here; the argument is the host (or scheme) to show.
        external_link(str, str): a ``tel:``/``mailto:``/``sms:`` link: scheme, target.
        load_state(str): LOAD_STARTED, LOAD_OK or LOAD_FAILED for the main frame.
    """

    navigation_blocked = Signal(str)
    external_link = Signal(str, str)
    load_state = Signal(str)

    def __init__(self, profile: QWebEngineProfile, allow: AllowList) -> None:
        super().__init__(profile)
        self._allow = allow
        self.newWindowRequested.connect(self._on_new_window_requested)
        self.loadingChanged.connect(self._on_loading_changed)

    def _on_loading_changed(self, info: QWebEngineLoadingInfo) -> None:
        status = info.status()
        if status == QWebEngineLoadingInfo.LoadStatus.LoadStartedStatus:
            self.load_state.emit(LOAD_STARTED)
        elif status == QWebEngineLoadingInfo.LoadStatus.LoadSucceededStatus:
            self.load_state.emit(LOAD_OK)
        elif (
            status == QWebEngineLoadingInfo.LoadStatus.LoadFailedStatus
            and info.errorCode() != _ABORTED
            and info.errorDomain() != _SERVER_ANSWERED
        ):
            log.info("page could not be opened (%s)", info.errorDomain().name)
            self.load_state.emit(LOAD_FAILED)

    @property
    def allow_list(self) -> AllowList:
        return self._allow

    def _apply(self, decision: Decision, url: str) -> bool:
        if decision.allowed:
            return True
        log.info("navigation refused: %s (%s)", decision.reason, loggable(url))
        if decision.verdict is Verdict.UPGRADE:
            target = QUrl(decision.target)
            QTimer.singleShot(0, lambda: self.setUrl(target))
        elif decision.verdict is Verdict.EXTERNAL:
            scheme = url.split(":", 1)[0].lower()
            self.external_link.emit(scheme, decision.target)
        elif decision.verdict is Verdict.BLOCK_HOST:
            self.navigation_blocked.emit(decision.target)
        else:
            self.navigation_blocked.emit(url.split(":", 1)[0].lower() + ":")
        return False

    def acceptNavigationRequest(
        self, url: QUrl | str, type: QWebEnginePage.NavigationType, isMainFrame: bool
    ) -> bool:
        text = url.toString() if isinstance(url, QUrl) else str(url)
        decision = decide(Navigation(text, main_frame=isMainFrame), self._allow)
        if not isMainFrame and not decision.allowed:
            log.info("frame navigation refused: %s", decision.reason)
            return False
        return self._apply(decision, text)

    def _on_new_window_requested(self, request: QWebEngineNewWindowRequest) -> None:
        # Popups and target=_blank open in this same view, so nothing escapes full screen
        # and the kiosk's Back button still works.
        url = request.requestedUrl()
        if url.isValid() and not url.isEmpty():
            self.setUrl(url)

    def chooseFiles(
        self,
        mode: QWebEnginePage.FileSelectionMode,
        oldFiles: Sequence[str],
        acceptedMimeTypes: Sequence[str],
    ) -> list[str]:
        # The default opens a native file dialog: a file manager for anyone. Never.
        log.info("file chooser refused")
        return []

    def javaScriptConsoleMessage(
        self,
        level: QWebEnginePage.JavaScriptConsoleMessageLevel,
        message: str,
        lineNumber: int,
        sourceID: str,
    ) -> None:
        # Page console output may contain what the visitor typed; it is never logged.
        return
