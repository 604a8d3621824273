"""The admin panel's Health, Guides and Actions pages: they show what they are given
(``kiosk.admin.health``) and say what staff asked for; the panel and ``AdminMode`` do
the rest. (Settings, which staff type into, has a module of its own.)"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import QFrame, QGridLayout, QLabel, QScrollArea, QVBoxLayout, QWidget

from kiosk.admin.health import GuidesState, Health
from kiosk.admin.qt.checks import DoctorChecks
from kiosk.ui.controls import BigButton, label, touch_scrolling


def scrolled(page: QWidget) -> tuple[QScrollArea, QVBoxLayout]:
    """A scrolling column inside ``page``: (the area, the column's layout)."""
    area = QScrollArea()
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    touch_scrolling(area)
    inner = QWidget()
    area.setWidget(inner)
    outer = QVBoxLayout(page)
    outer.setContentsMargins(0, 0, 0, 0)
    outer.addWidget(area)
    column = QVBoxLayout(inner)
    column.setContentsMargins(24, 16, 24, 24)
    column.setSpacing(12)
    return area, column


def duration(seconds: int) -> str:
    """'3 d 4 h', '2 h 5 min', '12 min', '40 s' (numbers and SI-like units: no plurals)."""
    days, rest = divmod(max(0, seconds), 86400)
    hours, rest = divmod(rest, 3600)
    minutes, secs = divmod(rest, 60)
    if days:
        return f"{days} d {hours} h"
    if hours:
        return f"{hours} h {minutes} min"
    if minutes:
        return f"{minutes} min"
    return f"{secs} s"


class HealthPage(QWidget):
    """The kiosk's figures; each value is a label named ``admin-health-<row>``."""

    ROWS = (
        "version", "uptime", "cpu", "memory", "disk", "battery", "temperature", "engine",
        "sandbox", "admin", "helpdesk", "speech",
    )  # fmt: skip

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("admin-health")
        _area, column = scrolled(self)
        grid = QGridLayout()
        grid.setHorizontalSpacing(24)
        grid.setVerticalSpacing(10)
        self.names: dict[str, QLabel] = {}
        self.values: dict[str, QLabel] = {}
        for row, key in enumerate(self.ROWS):
            name = label(f"admin-health-{key}-name", "panel-title")
            value = label(f"admin-health-{key}")
            value.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
            grid.addWidget(name, row, 0, Qt.AlignmentFlag.AlignTop)
            grid.addWidget(value, row, 1)
            self.names[key], self.values[key] = name, value
        grid.setColumnStretch(1, 1)
        column.addLayout(grid)
        #: "Check this PC": kiosk doctor's checks (issue 13).
        self.checks = DoctorChecks()
        column.addWidget(self.checks)
        self.receipts_heading = label("admin-health-receipts-heading", "heading")
        self.receipts = label("admin-health-receipts")
        column.addWidget(self.receipts_heading)
        column.addWidget(self.receipts)
        column.addStretch(1)
        self.health: Health | None = None
        self.retranslate_ui()

    def show_health(self, health: Health) -> None:
        self.health = health
        self._render()

    def _render(self) -> None:
        h = self.health
        if h is None:
            return
        v = self.values
        v["version"].setText(h.version)
        v["uptime"].setText(duration(h.uptime_s))
        v["cpu"].setText(f"{h.cpu_percent:.0f} %")
        v["memory"].setText(
            self.tr("{used} of {total} MB in use ({percent} %)").format(
                used=h.memory_used_mb, total=h.memory_total_mb, percent=round(h.memory_percent)
            )
        )
        v["disk"].setText(
            self.tr("{free} MB free of {total} MB").format(
                free=h.disk_free_mb, total=h.disk_total_mb
            )
        )
        if h.battery_percent is None:
            v["battery"].setText(self.tr("no battery"))
        else:
            plugged = self.tr("charging") if h.battery_plugged else self.tr("on battery")
            v["battery"].setText(f"{h.battery_percent:.0f} % ({plugged})")
        v["temperature"].setText(
            self.tr("not available") if h.temperature_c is None else f"{h.temperature_c:.0f} °C"
        )
        engine = self.tr("{count} processes, {mb} MB").format(
            count=len(h.engine), mb=h.engine_rss_mb
        )
        details = [f"{p.kind} {p.pid}: {p.rss_mb:.0f} MB" for p in h.engine]
        v["engine"].setText("\n".join([engine, *details]))
        v["sandbox"].setText(
            self.tr("on") if h.sandbox_on else self.tr("OFF: never on a centre's computer")
        )
        v["admin"].setText(
            self.tr("protected: {where}").format(where=h.admin_where)
            if h.admin_protected
            else self.tr("not protected: development checkout")
        )
        v["helpdesk"].setText(self._helpdesk(h))
        v["speech"].setText(
            {
                "off": self.tr("turned off in the settings"),
                "ready": self.tr("ready"),
            }.get(h.speech, self.tr("not running (it starts again at the next wipe)"))
        )
        lines = []
        for receipt in h.receipts:
            when = receipt.finished_at.replace("T", " ").removesuffix("+00:00") + " UTC"
            outcome = (
                self.tr("all checks passed")
                if receipt.ok
                else self.tr("FAILED: {checks}").format(checks=", ".join(receipt.failed))
            )
            lines.append(f"{when} · {receipt.reason} · {receipt.duration_s:.2f} s · {outcome}")
        self.receipts.setText("\n".join(lines) or self.tr("No wipes yet."))

    def _helpdesk(self, h: Health) -> str:
        hd = h.helpdesk
        if not hd.configured:
            return self.tr("not set up")
        state = {
            True: self.tr("connected"),
            False: self.tr("cannot be reached"),
            None: self.tr("connecting"),
        }[hd.online]
        text = self.tr("{state}; {count} request(s) waiting to be sent").format(
            state=state, count=hd.outbox_pending
        )
        return "\n".join([text, *hd.problems])

    def retranslate_ui(self) -> None:
        names = {
            "version": self.tr("Version"),
            "uptime": self.tr("Running for"),
            "cpu": self.tr("Processor"),
            "memory": self.tr("Memory"),
            "disk": self.tr("Disk (data folder)"),
            "battery": self.tr("Battery"),
            "temperature": self.tr("Temperature"),
            "engine": self.tr("Browser engine"),
            "sandbox": self.tr("Browser sandbox"),
            "admin": self.tr("Admin PIN"),
            "helpdesk": self.tr("Help desk"),
            "speech": self.tr("Reading aloud"),
        }
        for key, text in names.items():
            self.names[key].setText(text)
        self.receipts_heading.setText(self.tr("Last 20 wipes"))
        self._render()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)


class GuidesPage(QWidget):
    """Loaded guides and the broken ones (file, line, message). Signals: reload_requested()"""

    reload_requested = Signal()

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("admin-guides")
        _area, column = scrolled(self)
        self.summary = label("admin-guides-summary", "heading")
        self.folder = label("admin-guides-folder", "muted")
        self.problems = label("admin-guides-problems")
        self.problems.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
        self.reload = BigButton("admin-guides-reload", role="primary", icon_name="reload")
        self.reload.clicked.connect(self.reload_requested)
        self.notice = label("admin-guides-notice", "notice")
        self.notice.hide()
        for widget in (self.summary, self.folder, self.reload, self.notice, self.problems):
            column.addWidget(widget)
        column.addStretch(1)
        self.state: GuidesState | None = None
        self.retranslate_ui()

    def show_state(self, state: GuidesState) -> None:
        self.state = state
        self._render()

    def _render(self) -> None:
        state = self.state
        if state is None:
            return
        self.summary.setText(
            self.tr("{count} guide(s) on the home screen").format(count=state.shown)
        )
        if state.pack is not None:
            self.folder.setText(
                self.tr("Guide pack {version} from the help desk, in {folder}").format(
                    version=state.pack, folder=state.folder
                )
            )
        else:
            self.folder.setText(self.tr("Folder: {folder}").format(folder=state.folder))
        if state.problems:
            heading = self.tr("Problems in guide files (file:line):")
            self.problems.setText("\n".join([heading, *state.problems]))
        else:
            self.problems.setText(self.tr("No problems in the guide files."))
        self.notice.setText(
            self.tr("The guides on disk have changed: the kiosk restarts with them when you lock.")
            if state.restart_needed
            else ""
        )
        self.notice.setVisible(state.restart_needed)

    def retranslate_ui(self) -> None:
        self.reload.setText(self.tr("Check the guides again"))
        self._render()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)


class ActionsPage(QWidget):
    """Signals: wipe_requested(), restart_requested(), test_page_requested(),
    exit_requested()"""

    wipe_requested = Signal()
    restart_requested = Signal()
    test_page_requested = Signal()
    exit_requested = Signal()

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("admin-actions")
        _area, column = scrolled(self)
        self.buttons: dict[str, tuple[BigButton, QLabel]] = {}
        for key, signal in (
            ("wipe", self.wipe_requested),
            ("restart", self.restart_requested),
            ("print-test", self.test_page_requested),
            ("exit", self.exit_requested),
        ):
            button = BigButton(f"admin-{key}-button", role="primary" if key == "wipe" else "")
            button.clicked.connect(signal)
            explain = label(f"admin-{key}-text", "muted")
            column.addWidget(button)
            column.addWidget(explain)
            column.addSpacing(8)
            self.buttons[key] = (button, explain)
        self.message = label("admin-actions-message", "notice")
        self.message.hide()
        column.addWidget(self.message)
        column.addStretch(1)
        self.retranslate_ui()

    @property
    def exit_button(self) -> BigButton:
        return self.buttons["exit"][0]

    def show_message(self, text: str) -> None:
        self.message.setText(text)
        self.message.setVisible(bool(text))

    def retranslate_ui(self) -> None:
        texts = {
            "wipe": (
                self.tr("Erase the session now"),
                self.tr("Everything on the screen is erased, as when a visitor leaves."),
            ),
            "restart": (
                self.tr("Restart the kiosk"),
                self.tr("The kiosk program starts again (the computer does not restart)."),
            ),
            "print-test": (
                self.tr("Print a test page"),
                self.tr("One page to the kiosk's printer."),
            ),
            "exit": (
                self.tr("Leave the kiosk for maintenance"),
                self.tr("The kiosk closes until the computer restarts. Asks for the code again."),
            ),
        }
        for key, (title, explain) in texts.items():
            button, text = self.buttons[key]
            button.setText(title)
            text.setText(explain)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)
