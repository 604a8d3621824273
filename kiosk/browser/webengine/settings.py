"""The browser settings of every kiosk profile: a table, closed by default."""

from __future__ import annotations

from PySide6.QtWebEngineCore import QWebEngineSettings

_A = QWebEngineSettings.WebAttribute

#: Each setting the kiosk decides, and why.
KIOSK_SETTINGS: dict[QWebEngineSettings.WebAttribute, bool] = {
    # Chromium's own error pages say nothing a visitor understands; ours do.
    _A.ErrorPageEnabled: False,
    # The built-in PDF viewer has save and print buttons that open native dialogs.
    # PDFs are downloaded into the session folder and shown in the kiosk's viewer.
    _A.PdfViewerEnabled: False,
    # Dropping a link on the page would navigate anywhere.
    _A.NavigateOnDropEnabled: False,
    _A.FullScreenSupportEnabled: False,
    _A.ScreenCaptureEnabled: False,
    _A.JavascriptCanAccessClipboard: False,
    _A.JavascriptCanPaste: False,
    _A.LocalContentCanAccessFileUrls: False,
    _A.LocalContentCanAccessRemoteUrls: False,
    _A.AllowRunningInsecureContent: False,
    _A.AllowGeolocationOnInsecureOrigins: False,
    _A.AllowWindowActivationFromJavaScript: False,
    _A.PluginsEnabled: False,
    _A.HyperlinkAuditingEnabled: False,
    # Window requests are turned into navigations in the same view (page.py).
    _A.JavascriptCanOpenWindows: True,
    _A.JavascriptEnabled: True,
    _A.LocalStorageEnabled: True,
    _A.ScrollAnimatorEnabled: False,
    _A.FocusOnNavigationEnabled: True,
}


def differences(settings: QWebEngineSettings) -> list[str]:
    """The settings that are not as the kiosk decided (the start-up self-check)."""
    found = [
        f"{attribute.name} is {'on' if not value else 'off'}"
        for attribute, value in KIOSK_SETTINGS.items()
        if settings.testAttribute(attribute) != value
    ]
    policy = QWebEngineSettings.UnknownUrlSchemePolicy.AllowAllUnknownUrlSchemes
    if settings.unknownUrlSchemePolicy() != policy:
        found.append("unknown link schemes bypass the kiosk's policy")
    return found


def apply(settings: QWebEngineSettings) -> None:
    for attribute, value in KIOSK_SETTINGS.items():
        settings.setAttribute(attribute, value)
    # Under "Disallow", QtWebEngine drops mailto:/tel: links silently, before the page
    # is asked. Under "AllowAll", every such link reaches acceptNavigationRequest, where
    # the kiosk's deny-by-default policy refuses it (and turns tel:/mailto: into a card);
    # only an accepted one would be handed to the OS, and the policy accepts none.
    # desktop_guard.py catches the hand-over as a second line of defence.
    settings.setUnknownUrlSchemePolicy(
        QWebEngineSettings.UnknownUrlSchemePolicy.AllowAllUnknownUrlSchemes
    )
