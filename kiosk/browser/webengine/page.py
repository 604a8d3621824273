"""The kiosk's web page: asks the navigation policy before going anywhere, and turns every
other door a page can open (new windows, dialogs, file choosers, printing, certificates,
log-in prompts, passkeys, device permissions) into a request the kiosk answers itself.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence

from PySide6.QtCore import QCoreApplication, QObject, QTimer, QUrl, Signal
from PySide6.QtNetwork import QAuthenticator
from PySide6.QtWebEngineCore import (
    QWebEngineCertificateError,
    QWebEngineLoadingInfo,
    QWebEngineNewWindowRequest,
    QWebEnginePage,
    QWebEngineProfile,
    QWebEngineWebAuthUxRequest,
)

from kiosk.browser.policy import AllowList, Decision, Navigation, Verdict, decide, loggable
from kiosk.browser.webengine.dialogs import (
    MAX_DIALOGS_PER_PAGE,
    DialogKind,
    DialogRequest,
    FileRequest,
    shorten,
    wait_for_answer,
)
from kiosk.browser.webengine.permissions import PagePermissions
from kiosk.browser.webengine.sensitive import install_watcher

log = logging.getLogger("kiosk.browser")

LOAD_STARTED = "started"
LOAD_OK = "ok"
#: The page could not be opened: no network, no such host, refused, certificate...
LOAD_FAILED = "failed"
_ABORTED = -3  # net::ERR_ABORTED: a navigation we refused, not a failure
#: A server that answered with an error status shows its own page; a refused certificate
#: has its own explanation (``certificate_refused``), not "could not be opened".
_SERVER_ANSWERED = QWebEngineLoadingInfo.ErrorDomain.HttpStatusCodeDomain
_EXPLAINED_ELSEWHERE = frozenset(
    {_SERVER_ANSWERED, QWebEngineLoadingInfo.ErrorDomain.CertificateErrorDomain}
)

_Mode = QWebEnginePage.FileSelectionMode

#: How a page's renderer process ended (``KioskPage.renderer_ended``).
RENDERER_CRASHED = "crashed"
RENDERER_KILLED = "killed"
RENDERER_ENDED = "ended"
_Termination = QWebEnginePage.RenderProcessTerminationStatus
_RENDERER_ENDINGS = {
    _Termination.CrashedTerminationStatus: RENDERER_CRASHED,
    _Termination.KilledTerminationStatus: RENDERER_KILLED,
    _Termination.AbnormalTerminationStatus: RENDERER_ENDED,
}

#: The text QtWebEngine passes to javaScriptConfirm for onbeforeunload (Qt's own string).
_LEAVE_PAGE_TEXT = (
    "Are you sure you want to leave this page? Changes that you made may not be saved."
)

#: Answers a new-window request (``windows.PopupManager``); True if it handled it.
WindowOpener = Callable[[QWebEngineNewWindowRequest], bool]


class KioskPage(QWebEnginePage):
    """A page that goes only where its allow-list says, and opens no door.

    Signals:
        navigation_blocked(str): the visitor tried to open a host or scheme that is not
            available here; the argument is the host (or scheme) to show.
        external_link(str, str): a ``tel:``/``mailto:``/``sms:`` link: scheme, target.
        load_state(str): LOAD_STARTED, LOAD_OK or LOAD_FAILED for the main frame.
        dialog_requested(object): a ``DialogRequest`` (alert, confirm, prompt, leave,
            log-in) to show; the page waits until it is answered.
        files_requested(object): a ``FileRequest`` from ``<input type=file>``; the page
            waits until it is answered.
        print_requested(): ``window.print()``: the kiosk's print preview, never a dialog.
        certificate_refused(str): a page with a bad certificate was refused: its host.
        passkey_refused(): the page asked for a passkey or security key (WebAuthn).
        folder_upload_refused(): the page asked for a whole folder.
        renderer_ended(str): the process that draws the page crashed or was killed
            (``RENDERER_CRASHED``, ``RENDERER_KILLED``, ``RENDERER_ENDED``); the page is
            blank until it is loaded again.
    """

    navigation_blocked = Signal(str)
    external_link = Signal(str, str)
    load_state = Signal(str)
    dialog_requested = Signal(object)
    files_requested = Signal(object)
    print_requested = Signal()
    certificate_refused = Signal(str)
    passkey_refused = Signal()
    folder_upload_refused = Signal()
    renderer_ended = Signal(str)

    def __init__(
        self, profile: QWebEngineProfile, allow: AllowList, parent: QObject | None = None
    ) -> None:
        super().__init__(profile, parent)
        self._allow = allow
        self._dialogs_this_load = 0
        #: Set by ``windows.PopupManager``; without one, a new window opens in this page.
        self.window_opener: WindowOpener | None = None
        self.permissions = PagePermissions(self)
        # What may be on the screen while a page loads: the host being loaded, and the
        # one being left (its content shows until the new page paints).
        self._loading_origin = ""
        self._leaving_origin = ""
        self._shown_origin = ""
        self.urlChanged.connect(self._on_url_changed)
        install_watcher(self)
        self.newWindowRequested.connect(self._on_new_window_requested)
        self.loadingChanged.connect(self._on_loading_changed)
        self.certificateError.connect(self._on_certificate_error)
        self.authenticationRequired.connect(self._on_authentication_required)
        self.proxyAuthenticationRequired.connect(self._on_proxy_authentication_required)
        self.webAuthUxRequested.connect(self._on_web_auth_ux_requested)
        self.printRequested.connect(self.print_requested)
        self.printRequestedByFrame.connect(lambda _frame: self.print_requested.emit())
        self.renderProcessTerminated.connect(self._on_render_process_terminated)

    def _on_render_process_terminated(
        self, status: QWebEnginePage.RenderProcessTerminationStatus, exit_code: int
    ) -> None:
        # Qt emits this only for an abnormal end; a page that is closed ends quietly.
        kind = _RENDERER_ENDINGS.get(status, RENDERER_ENDED)
        log.warning("the page's renderer ended: %s (exit code %s)", kind, exit_code)
        self.renderer_ended.emit(kind)

    @property
    def renderer_pid(self) -> int:
        """The process id of the renderer drawing this page (0 before there is one)."""
        return int(self.renderProcessPid())

    def set_declared_permissions(self, declared: frozenset[str]) -> None:
        """Camera/microphone the guide declares (``Guide.permissions``); default: none."""
        self.permissions.declared = frozenset(declared)

    def _on_url_changed(self, url: QUrl) -> None:
        origin = _origin(url)
        if origin != self._shown_origin:
            if self._shown_origin:
                self._leaving_origin = self._shown_origin
            self._shown_origin = origin

    @property
    def origins_on_screen(self) -> frozenset[str]:
        """Origins (``scheme://host:port``) whose content may be on the screen now: the
        page's, the one loading and the one being left (for screen sharing's masking)."""
        origins = {
            self._shown_origin,
            self._loading_origin,
            self._leaving_origin,
            _origin(self.url()),
        }
        return frozenset(o for o in origins if o)

    def _on_loading_changed(self, info: QWebEngineLoadingInfo) -> None:
        status = info.status()
        if status != QWebEngineLoadingInfo.LoadStatus.LoadStartedStatus:
            self._loading_origin = self._leaving_origin = ""
        if status == QWebEngineLoadingInfo.LoadStatus.LoadStartedStatus:
            self._dialogs_this_load = 0
            self._loading_origin = _origin(info.url())
            self.load_state.emit(LOAD_STARTED)
        elif status == QWebEngineLoadingInfo.LoadStatus.LoadSucceededStatus:
            self.load_state.emit(LOAD_OK)
        elif (
            status == QWebEngineLoadingInfo.LoadStatus.LoadFailedStatus
            and info.errorCode() != _ABORTED
            and info.errorDomain() not in _EXPLAINED_ELSEWHERE
        ):
            log.info("page could not be opened (%s)", info.errorDomain().name)
            self.load_state.emit(LOAD_FAILED)

    @property
    def allow_list(self) -> AllowList:
        return self._allow

    # -- navigation ------------------------------------------------------------------
    def apply(self, decision: Decision, url: str) -> bool:
        """Carry out a policy decision: True if the navigation may go ahead."""
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
        return self.apply(decision, text)

    def _on_new_window_requested(self, request: QWebEngineNewWindowRequest) -> None:
        try:
            if self.window_opener is not None and self.window_opener(request):
                return
        except Exception:
            log.exception("new window failed; opened in the same page")
        # Without a popup manager: the same view, so nothing escapes full screen and the
        # kiosk's Back button still works.
        url = request.requestedUrl()
        if url.isValid() and not url.isEmpty():
            self.setUrl(url)

    # -- questions to the visitor ------------------------------------------------------
    def _ask(self, request: DialogRequest) -> DialogRequest:
        self._dialogs_this_load += 1
        if self._dialogs_this_load > MAX_DIALOGS_PER_PAGE:
            log.info("page dialog suppressed: too many on one page")
            request.cancel()
            return request
        self.dialog_requested.emit(request)
        if not request.shown:
            request.cancel()  # nobody to show it: fail closed
        wait_for_answer(request, self)
        return request

    def javaScriptAlert(self, securityOrigin: QUrl | str, msg: str) -> None:
        try:
            self._ask(
                DialogRequest(
                    kind=DialogKind.ALERT, message=shorten(msg), host=_host(securityOrigin)
                )
            )
        except Exception:
            log.exception("page alert failed")

    def javaScriptConfirm(self, securityOrigin: QUrl | str, msg: str) -> bool:
        try:
            leaving = msg in (
                _LEAVE_PAGE_TEXT,
                QCoreApplication.translate("QWebEnginePage", _LEAVE_PAGE_TEXT),
            )
            kind = DialogKind.LEAVE if leaving else DialogKind.CONFIRM
            request = DialogRequest(
                kind=kind, message="" if leaving else shorten(msg), host=_host(securityOrigin)
            )
            if leaving:
                # Leaving must never be refused for good: a storm of these would trap.
                self._dialogs_this_load = min(self._dialogs_this_load, MAX_DIALOGS_PER_PAGE - 1)
            answer = self._ask(request)
            return answer.accepted if not leaving or answer.shown else True
        except Exception:
            log.exception("page question failed; answered no")
            return False

    def javaScriptPrompt(
        self, securityOrigin: QUrl | str, msg: str, defaultValue: str
    ) -> tuple[bool, str]:
        try:
            request = DialogRequest(
                kind=DialogKind.PROMPT,
                message=shorten(msg),
                default_text=defaultValue[:500],
                host=_host(securityOrigin),
            )
            answer = self._ask(request)
            return answer.accepted, answer.text if answer.accepted else ""
        except Exception:
            log.exception("page prompt failed; cancelled")
            return False, ""

    def _on_authentication_required(self, url: QUrl, authenticator: QAuthenticator) -> None:
        try:
            request = DialogRequest(
                kind=DialogKind.LOGIN, host=url.host(), message=shorten(authenticator.realm())
            )
            answer = self._ask(request)
            if answer.accepted:
                authenticator.setUser(answer.user)
                authenticator.setPassword(answer.password)
            else:
                log.info("log-in prompt cancelled")
        except Exception:
            log.exception("log-in prompt failed; cancelled")

    def _on_proxy_authentication_required(
        self, url: QUrl, authenticator: QAuthenticator, proxy_host: str
    ) -> None:
        # The centre's proxy is configured by the installer, never by a visitor.
        log.warning("proxy asked for a password; refused (check the proxy settings)")

    def _on_certificate_error(self, error: QWebEngineCertificateError) -> None:
        try:
            host = error.url().host()
            log.warning(
                "certificate refused: %s (%s)", error.type().name, loggable(error.url().toString())
            )
            error.rejectCertificate()
            if error.isMainFrame():
                self.certificate_refused.emit(host)
        except Exception:
            log.exception("certificate check failed; refused")

    def _on_web_auth_ux_requested(self, request: QWebEngineWebAuthUxRequest) -> None:
        # A passkey or a security key on a shared computer would be left for the next
        # visitor; Suomi.fi identification works with bank codes or a mobile certificate.
        log.info("passkey request refused")
        # WORKAROUND (Qt 6.12): cancel() inside this signal makes QtWebEngine ask again
        # within the same call, without end (a RecursionError that ends the kiosk). Cancel
        # from the event loop; the request as the context drops the call if Qt deleted it.
        QTimer.singleShot(0, request, request.cancel)
        self.passkey_refused.emit()

    def chooseFiles(
        self,
        mode: QWebEnginePage.FileSelectionMode,
        oldFiles: Sequence[str],
        acceptedMimeTypes: Sequence[str],
    ) -> list[str]:
        # The default opens a native file dialog: a file manager for anyone. Never. The
        # kiosk's own chooser shows only the visitor's files.
        try:
            if mode not in (_Mode.FileSelectOpen, _Mode.FileSelectOpenMultiple):
                # A folder (<input webkitdirectory>, showDirectoryPicker) or a place to
                # save to (showSaveFilePicker): both would be a way into the file system.
                log.info("file chooser refused: %s", mode.name)
                if mode == _Mode.FileSelectUploadFolder:
                    self.folder_upload_refused.emit()
                return []
            request = FileRequest(
                multiple=mode == _Mode.FileSelectOpenMultiple,
                accepted_types=tuple(str(t) for t in acceptedMimeTypes)[:20],
            )
            self.files_requested.emit(request)
            if not request.shown:
                log.info("file chooser refused: nobody to show it")
                return []
            wait_for_answer(request, self)
            log.info("file chooser answered with %d file(s)", len(request.paths))
            return list(request.paths)
        except Exception:
            log.exception("file chooser failed; nothing chosen")
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


def _origin(url: QUrl) -> str:
    """``scheme://host:port`` of an http(s) address ("" for any other)."""
    scheme = url.scheme().lower()
    if scheme not in ("http", "https") or not url.host():
        return ""
    return f"{scheme}://{url.host().lower()}:{url.port(443 if scheme == 'https' else 80)}"


def _host(origin: QUrl | str) -> str:
    url = origin if isinstance(origin, QUrl) else QUrl(origin)
    return url.host()
