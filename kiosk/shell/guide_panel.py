"""The guide beside the browser: one step at a time, in big plain text.

Renders a ``GuideProgress`` (the model moves; the panel only draws it). The browser's
address moves the model by itself; Next and Previous move it by hand.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from kiosk.guides.model import Guide
from kiosk.guides.progress import GuideProgress, PageKind
from kiosk.languages import english_name
from kiosk.speech.speaker import Speaker
from kiosk.ui.controls import BigButton, align_to_layout, label, set_role, touch_scrolling
from kiosk.ui.markup import bullet_list, to_html, to_plain

PANEL_MIN_WIDTH = 380
IMAGE_MAX_WIDTH = 420


class GuidePanel(QWidget):
    """Signals:
    help_requested()
    check_answered(int, bool): a step's "Do you see …?" was answered (step index from
        0, and whether the visitor sees it), before the guide moves on.
    """

    help_requested = Signal()
    check_answered = Signal(int, bool)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("guide-panel")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.setMinimumWidth(PANEL_MIN_WIDTH)
        self.progress: GuideProgress | None = None
        self._language = "fi"
        self.speaker: Speaker | None = None
        self._scale = 1.0
        self._high_contrast = False
        self._reading: tuple[str, str] = ("", "")  # what the speaker would read, and in what
        self._shown_page: tuple[int, int, str] | None = None

        outer = QVBoxLayout(self)
        outer.setContentsMargins(20, 20, 20, 16)
        outer.setSpacing(12)
        # At the leading edge: a Finnish title in the Arabic layout starts on the right too.
        self.title = align_to_layout(label("guide-title", "panel-title"))
        outer.addWidget(self.title)
        self.language_notice = label("guide-language-notice", "notice")
        outer.addWidget(self.language_notice)
        self.step_label = label("guide-progress")
        self.speak_button = BigButton("guide-speak-button", icon_name="speaker")
        self.speak_button.clicked.connect(self._on_speak_clicked)
        self.speak_button.setVisible(False)
        step_row = QHBoxLayout()
        step_row.addWidget(self.step_label, 1)
        step_row.addWidget(self.speak_button)
        outer.addLayout(step_row)

        scroll = QScrollArea()
        touch_scrolling(scroll)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        body = QWidget()
        body_layout = QVBoxLayout(body)
        body_layout.setContentsMargins(0, 0, 8, 0)
        body_layout.setSpacing(16)
        self.step_text = label("guide-step-text")
        self.step_text.setTextFormat(Qt.TextFormat.RichText)
        self.step_text.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
        body_layout.addWidget(self.step_text)
        self.image = QLabel()
        self.image.setObjectName("guide-step-image")
        body_layout.addWidget(self.image)

        self.check = QFrame()
        self.check.setObjectName("guide-check")
        set_role(self.check, "check")
        check_layout = QVBoxLayout(self.check)
        check_layout.setContentsMargins(16, 12, 16, 12)
        self.check_question = label("guide-check-question")
        check_layout.addWidget(self.check_question)
        answers = QHBoxLayout()
        self.check_yes = BigButton("guide-check-yes", icon_name="check")
        self.check_no = BigButton("guide-check-no")
        self.check_yes.clicked.connect(self._on_check_yes)
        self.check_no.clicked.connect(self._on_check_no)
        answers.addWidget(self.check_yes)
        answers.addWidget(self.check_no)
        check_layout.addLayout(answers)
        self.check_help_text = label("guide-check-help-text")
        self.check_help = BigButton("guide-check-help", role="help", icon_name="help")
        self.check_help.clicked.connect(self.help_requested)
        check_layout.addWidget(self.check_help_text)
        check_layout.addWidget(self.check_help)
        body_layout.addWidget(self.check)
        body_layout.addStretch(1)
        scroll.setWidget(body)
        outer.addWidget(scroll, 1)

        buttons = QHBoxLayout()
        buttons.setSpacing(10)
        self.prev_button = BigButton("guide-prev-button", icon_name="back")
        self.next_button = BigButton("guide-next-button", role="primary", icon_name="forward")
        self.prev_button.clicked.connect(self._on_prev)
        self.next_button.clicked.connect(self._on_next)
        buttons.addWidget(self.prev_button, 1)
        buttons.addWidget(self.next_button, 2)
        outer.addLayout(buttons)
        self.retranslate_ui()

    # -- reading aloud ---------------------------------------------------------------
    def set_speaker(self, speaker: Speaker) -> None:
        self.speaker = speaker
        speaker.speaking_changed.connect(self._on_speaking_changed)
        speaker.ready.connect(self._render)
        self._render()

    def _on_speak_clicked(self) -> None:
        if self.speaker is None:
            return
        if self.speaker.speaking:
            self.speaker.stop()
        else:
            self.speaker.say(*self._reading)

    def _on_speaking_changed(self, speaking: bool) -> None:
        self.speak_button.icon_name = "stop" if speaking else "speaker"
        self.speak_button.setText(self.tr("Stop reading") if speaking else self.tr("Read aloud"))
        self.speak_button.apply_theme(self._scale, self._high_contrast)

    def stop_reading(self) -> None:
        if self.speaker is not None:
            self.speaker.stop()

    def reset_for_next_visitor(self) -> None:
        self.stop_reading()
        self.show_guide(None)

    def leftovers(self) -> list[str]:
        found = ["a guide is still shown"] if self.progress is not None else []
        if self.title.text() or self.step_text.text():
            found.append("a guide's text is still shown")
        return found

    # -- model -----------------------------------------------------------------------
    def show_guide(self, progress: GuideProgress | None) -> None:
        self.progress = progress
        if progress is not None:
            progress.on_change(self._render)
        self._render()

    def apply_theme(self, scale: float, high_contrast: bool = False) -> None:
        self._scale = scale
        self._high_contrast = high_contrast
        self.setMinimumWidth(round(PANEL_MIN_WIDTH * min(scale, 1.4)))

    def set_language(self, language: str) -> None:
        self._language = language
        self._render()

    def _on_prev(self) -> None:
        if self.progress:
            self.progress.previous()

    def _on_next(self) -> None:
        if self.progress:
            self.progress.next()

    def _on_check_yes(self) -> None:
        self._tell_check(seen=True)
        self._on_next()

    def _on_check_no(self) -> None:
        self._tell_check(seen=False)
        self.check_help_text.setVisible(True)
        self.check_help.setVisible(True)

    def _tell_check(self, *, seen: bool) -> None:
        step = self.progress.step_index if self.progress else None
        if step is not None:
            self.check_answered.emit(step, seen)

    # -- drawing ---------------------------------------------------------------------
    def _render(self) -> None:
        progress = self.progress
        self.check_help_text.setVisible(False)
        self.check_help.setVisible(False)
        # Reading stops when the page of the guide (or its language) changes.
        page_key = (id(progress), progress.index, self._language) if progress else None
        if page_key != self._shown_page:
            self.stop_reading()
            self._shown_page = page_key
        self._reading = ("", "")
        if progress is None:
            self.speak_button.setVisible(False)
            self.title.clear()
            self.step_text.clear()
            self.step_label.clear()
            self.image.clear()
            self.image.setVisible(False)
            self.check.setVisible(False)
            self.language_notice.setVisible(False)
            return
        guide, lang = progress.guide, self._language
        self.title.setText(guide.title(lang))
        self._render_notice(guide)
        page = progress.page
        self.image.setVisible(False)
        self.check.setVisible(False)
        if page.kind is PageKind.NEEDS:
            self.step_label.setText(self.tr("Before you start, you need:"))
            items = [item.get(lang) for item in guide.needs]
            self.step_text.setText(bullet_list([text for text, _code in items]))
            spoken = items[0][1] if items else lang
            self._reading = ("\n".join(to_plain(text) for text, _ in items), spoken)
        elif page.kind is PageKind.DONE:
            self.step_label.setText(self.tr("What happens next"))
            text, spoken = guide.done.get(lang) if guide.done else ("", lang)
            self.step_text.setText(to_html(text))
            self._reading = (to_plain(text), spoken)
        else:
            step = guide.steps[page.step_index]
            text, spoken = step.text.get(lang)
            self._reading = (to_plain(text), spoken)
            self.step_label.setText(
                self.tr("Step {number} of {total}").format(
                    number=page.step_index + 1, total=progress.step_count
                )
            )
            self.step_text.setText(to_html(step.text(lang)))
            if step.image is not None:
                pixmap = QPixmap(str(step.image))
                if not pixmap.isNull():
                    width = min(IMAGE_MAX_WIDTH, max(self.width() - 60, 200))
                    self.image.setPixmap(
                        pixmap.scaledToWidth(width, Qt.TransformationMode.SmoothTransformation)
                    )
                    self.image.setVisible(True)
            if step.check is not None:
                self.check_question.setText(step.check(lang))
                self.check.setVisible(True)
        speaker = self.speaker
        self.speak_button.setVisible(
            speaker is not None and bool(self._reading[0]) and speaker.can_speak(self._reading[1])
        )
        self.prev_button.setEnabled(progress.can_go_back)
        self.next_button.setEnabled(progress.can_go_forward)
        first_page = progress.index == 0 and page.kind is PageKind.NEEDS
        self.next_button.setText(self.tr("Start") if first_page else self.tr("Next"))

    def _render_notice(self, guide: Guide) -> None:
        lang = self._language
        notices = []
        if not guide.speaks(lang):
            shown = guide.title.get(lang)[1]
            notices.append(
                self.tr(
                    "This guide is not available in your language. It is shown in {language}."
                ).format(language=self._language_name(shown))
            )
        if guide.service_languages and lang not in guide.service_languages:
            notices.append(self.tr("This service itself is not available in your language."))
        self.language_notice.setText(" ".join(notices))
        self.language_notice.setVisible(bool(notices))

    def _language_name(self, code: str) -> str:
        names = {
            "fi": self.tr("Finnish"),
            "sv": self.tr("Swedish"),
            "en": self.tr("English"),
        }
        return names.get(code, english_name(code))

    def retranslate_ui(self) -> None:
        speaking = self.speaker is not None and self.speaker.speaking
        self.speak_button.setText(self.tr("Stop reading") if speaking else self.tr("Read aloud"))
        self.prev_button.setText(self.tr("Previous"))
        self.next_button.setText(self.tr("Next"))
        self.check_yes.setText(self.tr("Yes"))
        self.check_no.setText(self.tr("No"))
        self.check_help_text.setText(
            self.tr("That is all right. A digital supporter can help you.")
        )
        self.check_help.setText(self.tr("Call digital support"))
        self._render()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)
