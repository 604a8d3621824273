"""The guide beside (or below) the browser: one step at a time, in big plain text.

Renders a ``GuideProgress`` (the model moves; the panel only draws it). The browser's
address moves the model by itself; "Next tip" and "Previous tip" move it by hand. They
are the guide's own buttons: their own words and a quiet look, never the page's
"Seuraava" (and quieter still when the page moves the guide by itself).

A step's "Do you see ...?" question comes after the step's action: when the page has
moved on (the visitor did what the step said), or when the visitor asks for the next
tip. "Yes" confirms; it moves the guide on only where the page cannot.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QPixmap, QResizeEvent
from PySide6.QtWidgets import (
    QBoxLayout,
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
from kiosk.ui.controls import (
    BigButton,
    align_to_layout,
    label,
    restyle,
    scroll_to_start,
    set_role,
    touch_scrolling,
)
from kiosk.ui.hyphens import fits_in, hyphenate
from kiosk.ui.markup import bullet_list, to_html, to_plain

PANEL_MIN_WIDTH = 380
IMAGE_MAX_WIDTH = 420
_BUTTON_NAME = re.compile(r"\*\*(.+?)\*\*")


class GuidePanel(QWidget):
    """Signals: help_requested(), services_requested() ("Done — back to services"),
    page_changed(): another page of the guide shows (the service looks for its button),
    check_answered(int, bool): a step's "Do you see …?" was answered (step index from 0,
    and whether the visitor sees it), before the guide moves on."""

    help_requested = Signal()
    services_requested = Signal()
    page_changed = Signal()
    check_answered = Signal(int, bool)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("guide-panel")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.progress: GuideProgress | None = None
        self._language = "fi"
        self._page_language = ""
        self.speaker: Speaker | None = None
        self._scale = 1.0
        self._high_contrast = False
        self._reading: tuple[str, str] = ("", "")  # what the speaker would read, and in what
        self._shown_page: tuple[int, int, str] | None = None
        # The guide page the check belongs to, and where the page was when it showed.
        self._check_page: tuple[int, int] | None = None
        self._entry_address = ""
        self._address = ""
        # "hidden" (not asked yet), "asked", "yes" (confirmed), "no" (help offered)
        self._check_state = "hidden"
        self._scroll_hint = False
        self.below = False

        outer = QVBoxLayout(self)
        outer.setContentsMargins(20, 16, 20, 12)
        outer.setSpacing(10)
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
        step_row.setSpacing(12)
        step_row.addWidget(self.step_label, 1)
        step_row.addWidget(self.speak_button)
        outer.addLayout(step_row)

        self.text_area = scroll = QScrollArea()
        touch_scrolling(scroll)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        body = QWidget()
        body_layout = QVBoxLayout(body)
        body_layout.setContentsMargins(0, 0, 8, 0)
        body_layout.setSpacing(14)
        self.step_text = label("guide-step-text")
        self.step_text.setTextFormat(Qt.TextFormat.RichText)
        self.step_text.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
        body_layout.addWidget(self.step_text)
        self.scroll_hint = label("guide-scroll-hint", "notice")
        body_layout.addWidget(self.scroll_hint)
        self.image = QLabel()
        self.image.setObjectName("guide-step-image")
        body_layout.addWidget(self.image)

        self.check = QFrame()
        self.check.setObjectName("guide-check")
        set_role(self.check, "check")
        check_layout = QVBoxLayout(self.check)
        check_layout.setContentsMargins(16, 12, 16, 12)
        check_layout.setSpacing(10)
        self.check_question = label("guide-check-question")
        check_layout.addWidget(self.check_question)
        answers = QHBoxLayout()
        answers.setSpacing(12)
        self.check_yes = BigButton("guide-check-yes", icon_name="check")
        self.check_no = BigButton("guide-check-no")
        self.check_yes.clicked.connect(self._on_check_yes)
        self.check_no.clicked.connect(self._on_check_no)
        answers.addWidget(self.check_yes)
        answers.addWidget(self.check_no)
        check_layout.addLayout(answers)
        self.check_answer = label("guide-check-answer")
        check_layout.addWidget(self.check_answer)
        self.check_help_text = label("guide-check-help-text")
        self.check_help = BigButton("guide-check-help", role="help", icon_name="help")
        self.check_help.clicked.connect(self.help_requested)
        check_layout.addWidget(self.check_help_text)
        check_layout.addWidget(self.check_help)
        body_layout.addWidget(self.check)
        body_layout.addStretch(1)
        scroll.setWidget(body)

        # Beside the page: the text above the buttons. Below the page: the text at the
        # leading side, the buttons in a column at the far side.
        self._main = QBoxLayout(QBoxLayout.Direction.TopToBottom)
        self._main.setSpacing(10)
        self._main.addWidget(scroll, 1)
        self._buttons = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        self._buttons.setSpacing(10)
        self.prev_button = BigButton("guide-prev-button", icon_name="back")
        self.next_button = BigButton("guide-next-button", icon_name="forward")
        self.done_button = BigButton("guide-done-button", role="primary", icon_name="home")
        self.prev_button.clicked.connect(self._on_prev)
        self.next_button.clicked.connect(self._on_next)
        self.done_button.clicked.connect(self.services_requested)
        self._buttons.addWidget(self.prev_button, 1)
        self._buttons.addWidget(self.next_button, 1)
        self._buttons.addWidget(self.done_button, 2)
        self._main.addLayout(self._buttons)
        outer.addLayout(self._main, 1)
        self.retranslate_ui()

    # -- beside or below the page ----------------------------------------------------
    def set_below(self, below: bool) -> None:
        if below == self.below:
            return
        self.below = below
        self.setProperty("below", below)
        restyle(self)
        self._main.setDirection(
            QBoxLayout.Direction.LeftToRight if below else QBoxLayout.Direction.TopToBottom
        )
        self._render()

    def _arrange_buttons(self) -> None:
        """Side by side when both fit with their whole words; one above the other when
        not (and always below the page, where they stand beside the text)."""
        shown = [
            b for b in (self.prev_button, self.next_button, self.done_button) if not b.isHidden()
        ]
        needed = sum(b.sizeHint().width() for b in shown) + self._buttons.spacing() * (
            len(shown) - 1
        )
        room = self.width() - 40
        stacked = self.below or needed > room
        self._buttons.setDirection(
            QBoxLayout.Direction.TopToBottom if stacked else QBoxLayout.Direction.LeftToRight
        )

    def _fits(self, label: QLabel) -> Callable[[str], bool]:
        # Only words wider than the text's room get soft hyphens (the text stays as
        # written wherever it fits).
        room = self.text_area.viewport().width() - 16 if self.isVisible() else 0
        return fits_in(label.fontMetrics(), room)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._arrange_buttons()
        if event.size().width() != event.oldSize().width():
            self._render()

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
        scroll_to_start(self.text_area)

    def leftovers(self) -> list[str]:
        found = ["a guide is still shown"] if self.progress is not None else []
        if self.title.text() or self.step_text.text():
            found.append("a guide's text is still shown")
        if self._check_state != "hidden" or self._address:
            found.append("the guide still knows the last visitor's answer or page")
        return found

    # -- model -----------------------------------------------------------------------
    def show_guide(self, progress: GuideProgress | None) -> None:
        self.progress = progress
        self._check_page = None
        self._check_state = "hidden"
        self._address = ""
        self._entry_address = ""
        self._scroll_hint = False
        if progress is not None:
            progress.on_change(self._render)
        self._render()

    def apply_theme(self, scale: float, high_contrast: bool = False) -> None:
        self._scale = scale
        self._high_contrast = high_contrast
        self._render()  # another text size: other words may need a hyphen

    def set_language(self, language: str) -> None:
        self._language = language
        self._render()

    def set_page_language(self, language: str) -> None:
        """The language the page was opened in (the notice names it when it differs)."""
        self._page_language = language
        self._render()

    def page_moved(self, address: str) -> None:
        """The browser went to ``address`` (before the guide follows it). Leaving the
        page the step began on means the step's action is done: its check is asked."""
        self._address = address
        moved = bool(self._entry_address) and address != self._entry_address
        if moved and self._check_state == "hidden" and self._step_check() is not None:
            self._check_state = "asked"
            self._render()
        if not self._entry_address:
            self._entry_address = address

    def named_buttons(self) -> list[str]:
        """The page's buttons the current step names (**Tee hakemus**), in the text's
        own words, for the "scroll down" hint."""
        progress = self.progress
        if progress is None or progress.step_index is None:
            return []
        text = progress.guide.steps[progress.step_index].text(self._language)
        return [name.split("(")[0].strip() for name in _BUTTON_NAME.findall(text)]

    def show_scroll_hint(self, below_the_fold: bool) -> None:
        if below_the_fold != self._scroll_hint:
            self._scroll_hint = below_the_fold
            self._render()

    def _step_check(self) -> object | None:
        progress = self.progress
        if progress is None or progress.step_index is None:
            return None
        return progress.guide.steps[progress.step_index].check

    def _next_follows_page(self) -> bool:
        """Whether the guide's next page is a step the page's address moves it to."""
        progress = self.progress
        if progress is None or not progress.can_go_forward:
            return False
        following = progress.pages[progress.index + 1]
        return following.kind is PageKind.STEP and bool(
            progress.guide.steps[following.step_index].url_patterns
        )

    def _on_prev(self) -> None:
        if self.progress:
            self.progress.previous()

    def _on_next(self) -> None:
        if not self.progress:
            return
        if self._step_check() is not None and self._check_state == "hidden":
            # Before moving on: is the step done? ("Do you see ...?")
            self._check_state = "asked"
            self._render()
            return
        self.progress.next()

    def _on_check_yes(self) -> None:
        self._tell_check(seen=True)
        self._check_state = "yes"
        if self._next_follows_page():
            # The page moves the guide when it gets there: moving now would run ahead
            # of the page.
            self._render()
        elif self.progress is None or not self.progress.next():
            self._render()

    def _on_check_no(self) -> None:
        self._tell_check(seen=False)
        self._check_state = "no"
        self._render()

    def _tell_check(self, *, seen: bool) -> None:
        step = self.progress.step_index if self.progress else None
        if step is not None:
            self.check_answered.emit(step, seen)

    # -- drawing ---------------------------------------------------------------------
    def _render(self) -> None:
        progress = self.progress
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
            self.scroll_hint.setVisible(False)
            self.language_notice.setVisible(False)
            self.done_button.setVisible(False)
            return
        check_page = (id(progress), progress.index)
        if check_page != self._check_page:
            # A new page of the guide: its check waits for its action, the page for
            # the visitor to scroll down if it must.
            self._check_page = check_page
            self._check_state = "hidden"
            self._entry_address = self._address
            self._scroll_hint = False
            scroll_to_start(self.text_area)
            self.page_changed.emit()
        guide, lang = progress.guide, self._language
        title, title_language = guide.title.get(lang)
        self.title.setText(hyphenate(title, title_language, self._fits(self.title)))
        # Below the page, every line counts: the guide's name is on the tile already.
        self.title.setVisible(not self.below)
        self._render_notice(guide)
        page = progress.page
        self.image.setVisible(False)
        self.check.setVisible(False)
        if page.kind is PageKind.NEEDS:
            self.step_label.setText(self.tr("Before you start, you need:"))
            items = [item.get(lang) for item in guide.needs]
            self.step_text.setText(
                bullet_list([hyphenate(t, c, self._fits(self.step_text)) for t, c in items])
            )
            spoken = items[0][1] if items else lang
            self._reading = ("\n".join(to_plain(text) for text, _ in items), spoken)
        elif page.kind is PageKind.DONE:
            self.step_label.setText(self.tr("What happens next"))
            text, spoken = guide.done.get(lang) if guide.done else ("", lang)
            self.step_text.setText(to_html(hyphenate(text, spoken, self._fits(self.step_text))))
            self._reading = (to_plain(text), spoken)
        else:
            self._render_step(progress, page.step_index)
        self.scroll_hint.setVisible(self._scroll_hint and page.kind is PageKind.STEP)
        speaker = self.speaker
        self.speak_button.setVisible(
            speaker is not None and bool(self._reading[0]) and speaker.can_speak(self._reading[1])
        )
        self._render_buttons(progress)

    def _render_step(self, progress: GuideProgress, step_index: int) -> None:
        step = progress.guide.steps[step_index]
        text, spoken = step.text.get(self._language)
        self._reading = (to_plain(text), spoken)
        self.step_label.setText(
            self.tr("Step {number} of {total}").format(
                number=step_index + 1, total=progress.step_count
            )
        )
        self.step_text.setText(to_html(hyphenate(text, spoken, self._fits(self.step_text))))
        if step.image is not None:
            pixmap = QPixmap(str(step.image))
            if not pixmap.isNull():
                width = min(IMAGE_MAX_WIDTH, max(self.text_area.width() - 20, 200))
                self.image.setPixmap(
                    pixmap.scaledToWidth(width, Qt.TransformationMode.SmoothTransformation)
                )
                self.image.setVisible(True)
        if step.check is not None and self._check_state != "hidden":
            question, question_language = step.check.get(self._language)
            self.check_question.setText(
                hyphenate(question, question_language, self._fits(self.check_question))
            )
            answered = self._check_state in ("yes", "no")
            self.check_yes.setVisible(not answered)
            self.check_no.setVisible(not answered)
            self.check_answer.setVisible(self._check_state == "yes")
            self.check_help_text.setVisible(self._check_state == "no")
            self.check_help.setVisible(self._check_state == "no")
            self.check.setVisible(True)

    def _render_buttons(self, progress: GuideProgress) -> None:
        page = progress.page
        last = not progress.can_go_forward
        self.prev_button.setEnabled(progress.can_go_back)
        self.next_button.setEnabled(progress.can_go_forward)
        self.next_button.setVisible(not last)
        # The guide's last page: the way back to the tiles.
        self.done_button.setVisible(last)
        first_page = progress.index == 0 and page.kind is PageKind.NEEDS
        self.next_button.setText(self.tr("Start") if first_page else self.tr("Next tip"))
        # When the page moves the guide by itself, the guide's own Next stays quiet.
        quiet = not first_page and self._next_follows_page()
        self.next_button.set_flag("role", "quiet" if quiet else "")
        self._arrange_buttons()

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
        page_language = self._service_language()
        if page_language and page_language != lang:
            notices.append(
                self.tr(
                    "This service is in {language}. The guide names its buttons in {language}."
                ).format(language=self._language_name(page_language))
            )
        self.language_notice.setText(" ".join(notices))
        self.language_notice.setVisible(bool(notices))

    def _service_language(self) -> str:
        """The language the visitor sees the service in: the one the page was opened in
        if the service has it, else the service's first language ("" if unknown)."""
        progress = self.progress
        if progress is None or not progress.guide.service_languages:
            return ""
        offered = progress.guide.service_languages
        opened = self._page_language or self._language
        return opened if opened in offered else offered[0]

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
        self.prev_button.setText(self.tr("Previous tip"))
        self.next_button.setText(self.tr("Next tip"))
        self.done_button.setText(self.tr("Done — back to services"))
        self.check_yes.setText(self.tr("Yes"))
        self.check_no.setText(self.tr("No"))
        self.check_answer.setText(self.tr("Good. Go on with the page."))
        self.check_help_text.setText(
            self.tr("That is all right. A digital supporter can help you.")
        )
        self.check_help.setText(self.tr("Call digital support"))
        self.scroll_hint.setText(
            self.tr("The button is further down the page: scroll the page down to find it.")
        )
        self._render()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)
