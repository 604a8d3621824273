"""Device and feature requests from pages: answered by the pure table in ``lockdown``.

Camera and microphone only for a guide that declares them; geolocation, notifications,
screen sharing, clipboard reading, file-system access, full screen, protocol handlers,
client certificates: always refused. Every answer is logged without the page's address.
"""

from __future__ import annotations

import logging

from PySide6.QtWebEngineCore import (
    QWebEngineClientCertificateSelection,
    QWebEngineDesktopMediaRequest,
    QWebEngineFileSystemAccessRequest,
    QWebEngineFullScreenRequest,
    QWebEnginePage,
    QWebEnginePermission,
    QWebEngineRegisterProtocolHandlerRequest,
)

from kiosk.browser.policy import loggable
from kiosk.lockdown import permissions as table

log = logging.getLogger("kiosk.browser")

_PT = QWebEnginePermission.PermissionType

#: QtWebEngine's permission types, as the names the pure table knows.
FEATURE_NAMES: dict[QWebEnginePermission.PermissionType, str] = {
    _PT.MediaVideoCapture: "camera",
    _PT.MediaAudioCapture: "microphone",
    _PT.MediaAudioVideoCapture: "camera+microphone",
    _PT.Geolocation: "geolocation",
    _PT.Notifications: "notifications",
    _PT.DesktopVideoCapture: "screen",
    _PT.DesktopAudioVideoCapture: "screen+audio",
    _PT.ClipboardReadWrite: "clipboard",
    _PT.MouseLock: "mouse-lock",
    _PT.LocalFontsAccess: "local-fonts",
    _PT.Unsupported: "unsupported",
}


class PagePermissions:
    """Answers one page's requests. ``declared``: the guide's ``permissions``."""

    def __init__(self, page: QWebEnginePage, declared: frozenset[str] = frozenset()) -> None:
        self.declared = declared
        page.permissionRequested.connect(self._on_permission)
        page.fileSystemAccessRequested.connect(self._on_file_system)
        page.desktopMediaRequested.connect(self._on_desktop_media)
        page.fullScreenRequested.connect(self._on_full_screen)
        page.registerProtocolHandlerRequested.connect(self._on_protocol_handler)
        page.selectClientCertificate.connect(self._on_client_certificate)

    def _on_permission(self, permission: QWebEnginePermission) -> None:
        try:
            feature = FEATURE_NAMES.get(permission.permissionType(), "unsupported")
            if table.decide(feature, self.declared):
                log.info("permission granted: %s (declared by the guide)", feature)
                permission.grant()
            else:
                log.info("permission refused: %s for %s", feature, loggable(_origin(permission)))
                permission.deny()
        except Exception:
            log.exception("permission request failed; refused")
            permission.deny()

    def _on_file_system(self, request: QWebEngineFileSystemAccessRequest) -> None:
        # showOpenFilePicker() and friends: a file manager. The kiosk's chooser is for
        # <input type=file> only.
        log.info("file-system access refused")
        request.reject()

    def _on_desktop_media(self, request: QWebEngineDesktopMediaRequest) -> None:
        log.info("screen sharing refused")
        request.cancel()

    def _on_full_screen(self, request: QWebEngineFullScreenRequest) -> None:
        # The kiosk is already full screen; a page's full screen would hide the kiosk's
        # buttons, and leaving it needs Esc. (FullScreenSupportEnabled is off, too.)
        log.info("page full screen refused")
        request.reject()

    def _on_protocol_handler(self, request: QWebEngineRegisterProtocolHandlerRequest) -> None:
        log.info("protocol handler refused: %s", request.scheme())
        request.reject()

    def _on_client_certificate(self, selection: QWebEngineClientCertificateSelection) -> None:
        # A certificate in the computer's store belongs to nobody who sits here.
        log.info("client certificate refused")
        selection.selectNone()


def _origin(permission: QWebEnginePermission) -> str:
    return permission.origin().toString()
