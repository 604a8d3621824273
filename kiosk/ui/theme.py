"""Colours and sizes for this audience, and the Qt style sheet built from them.

Pure Python (the style sheet is a string), so contrast and sizes are unit-tested without
a display. The numbers follow WCAG 2.2 (https://www.w3.org/TR/WCAG22/: AAA contrast 7:1
for text in high-contrast mode) and the kiosk's own rules for this audience (touch
targets of at least 64 px, body text at least 20 px).
"""

from __future__ import annotations

from dataclasses import dataclass

BASE_TEXT_PX = 20
MIN_TOUCH_PX = 64
#: The bars at the top grow less than the content, so they still fit on a small screen.
CHROME_MAX_SCALE = 1.25
#: Message cards (page not available, no connection) must fit beside the guide.
CARD_MAX_SCALE = 1.5


@dataclass(frozen=True, slots=True)
class Palette:
    background: str
    surface: str
    text: str
    muted: str
    border: str
    primary: str
    on_primary: str
    primary_pressed: str
    help: str
    on_help: str
    #: The keyboard focus ring: lines in ``focus``, ``focus_inner`` and ``focus`` again,
    #: from the edge inwards. On any surface a focusable widget has (a white, blue,
    #: yellow or black button, its border) some of them differ by at least 3:1, over at
    #: least a 3 px line all round: the ring always shows, and never looks like a fill.
    focus: str
    focus_inner: str
    notice: str
    on_notice: str
    #: The hint inside an empty field ("for example 040 123 4567").
    placeholder: str
    #: The backdrop behind a dialog's card: the screen behind it, dimmed.
    scrim: str
    #: "Your screen is shared": a strip that must not be missed.
    alert: str = "#A4001D"
    on_alert: str = "#FFFFFF"


NORMAL = Palette(
    background="#F3F1EC",
    surface="#FFFFFF",
    text="#161616",
    muted="#3A3A3A",
    border="#6E6E6E",
    primary="#0A4A82",
    on_primary="#FFFFFF",
    primary_pressed="#06355E",
    help="#FFC83D",
    on_help="#161616",
    focus="#161616",
    focus_inner="#FFFFFF",
    notice="#FFF4CC",
    on_notice="#161616",
    placeholder="#595959",
    scrim="#000000",
)

HIGH_CONTRAST = Palette(
    background="#000000",
    surface="#000000",
    text="#FFFFFF",
    muted="#FFFFFF",
    border="#FFFFFF",
    primary="#FFFF00",
    on_primary="#000000",
    primary_pressed="#FFFFFF",
    help="#FFFF00",
    on_help="#000000",
    focus="#000000",
    focus_inner="#00FFFF",
    notice="#000000",
    on_notice="#FFFF00",
    placeholder="#D0D0D0",
    scrim="#000000",
    alert="#FF6060",
    on_alert="#000000",
)


def palette(high_contrast: bool) -> Palette:
    return HIGH_CONTRAST if high_contrast else NORMAL


def _channel(value: int) -> float:
    c = value / 255
    return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4


def luminance(colour: str) -> float:
    """Relative luminance of '#RRGGBB' (WCAG 2.x)."""
    colour = colour.lstrip("#")
    r, g, b = (int(colour[i : i + 2], 16) for i in (0, 2, 4))
    return 0.2126 * _channel(r) + 0.7152 * _channel(g) + 0.0722 * _channel(b)


def contrast(a: str, b: str) -> float:
    """WCAG contrast ratio between two colours, from 1 to 21."""
    la, lb = sorted((luminance(a), luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def text_pairs(p: Palette) -> dict[str, tuple[str, str]]:
    """Every (foreground, background) pair that carries text on the kiosk's screens."""
    return {
        "body": (p.text, p.background),
        "surface": (p.text, p.surface),
        "muted": (p.muted, p.surface),
        "primary button": (p.on_primary, p.primary),
        "pressed button": (p.on_primary, p.primary_pressed),
        "help button": (p.on_help, p.help),
        "notice": (p.on_notice, p.notice),
        "placeholder": (p.placeholder, p.surface),
        "chosen (primary fill)": (p.on_primary, p.primary),
        "alert": (p.on_alert, p.alert),
    }


@dataclass(frozen=True, slots=True)
class Sizes:
    body: int
    small: int
    heading: int
    title: int
    tile_title: int
    button_height: int
    icon: int
    tile_icon: int

    @classmethod
    def for_scale(cls, scale: float) -> Sizes:
        body = round(BASE_TEXT_PX * scale)
        return cls(
            body=body,
            small=max(BASE_TEXT_PX, round(18 * scale)),
            heading=round(28 * scale),
            title=round(34 * scale),
            tile_title=round(24 * scale),
            # Tall enough for a finger and the text's own line; not more (small screens).
            button_height=max(MIN_TOUCH_PX, round(body * 2.2)),
            icon=round(28 * min(scale, CHROME_MAX_SCALE)),
            tile_icon=round(72 * min(scale, 1.5)),
        )


def stylesheet(scale: float, high_contrast: bool) -> str:
    p = palette(high_contrast)
    s = Sizes.for_scale(scale)
    chrome = Sizes.for_scale(min(scale, CHROME_MAX_SCALE))
    base = Sizes.for_scale(1.0)
    card = Sizes.for_scale(min(scale, CARD_MAX_SCALE))
    border_w = 3 if high_contrast else 2
    return f"""
QWidget {{
    font-size: {s.body}px;
    color: {p.text};
}}
QMainWindow, QWidget#central, QWidget#home, QWidget#service-view, QStackedWidget, QDialog {{
    background: {p.background};
}}
QScrollArea, QScrollArea > QWidget > QWidget {{
    background: transparent;
    border: none;
}}
QLabel {{ background: transparent; }}
QLabel[role="title"] {{ font-size: {s.title}px; font-weight: bold; }}
QLabel[role="heading"] {{ font-size: {s.heading}px; font-weight: bold; }}
QLabel[role="muted"] {{ color: {p.muted}; }}
QLabel[role="notice"] {{
    background: {p.notice}; color: {p.on_notice};
    border: {border_w}px solid {p.border}; border-radius: 8px; padding: 8px 12px;
}}
QWidget#address-strip {{
    background: {p.background};
    border-bottom: 1px solid {p.border};
}}
QWidget#top-bar, QWidget#browser-bar {{
    background: {p.surface};
    border-bottom: {border_w}px solid {p.border};
}}
QLineEdit {{
    background: {p.surface}; color: {p.text};
    border: {border_w}px solid {p.border}; border-radius: 8px; padding: 4px 12px;
    placeholder-text-color: {p.placeholder};
}}
QLineEdit:focus {{
    border: {border_w + 1}px solid {p.focus_inner if high_contrast else p.focus};
}}
QPushButton {{
    min-height: {s.button_height}px;
    padding: 0px 18px;
    font-size: {s.body}px;
    font-weight: bold;
    color: {p.text};
    background: {p.surface};
    border: {border_w}px solid {p.border};
    border-radius: 10px;
}}
QPushButton:pressed {{
    background: {p.primary_pressed}; color: {p.on_primary};
}}
QPushButton:disabled {{
    color: {p.muted}; border-style: dashed;
}}
QWidget#top-bar QPushButton, QWidget#browser-bar QPushButton, QWidget#browser-bar QLabel,
QWidget#address-strip QLabel {{
    font-size: {chrome.body}px;
}}
QWidget#top-bar QPushButton, QWidget#browser-bar QPushButton {{
    min-height: {chrome.button_height}px;
    padding: 0px 10px;
}}
QWidget#top-bar[compact="true"] QPushButton, QWidget#browser-bar[compact="true"] QPushButton,
QWidget#browser-bar[compact="true"] QLabel {{
    font-size: {base.body}px; min-height: {base.button_height}px;
}}
QPushButton[role="primary"] {{
    background: {p.primary}; color: {p.on_primary}; border-color: {p.primary};
}}
QPushButton[role="primary"]:pressed {{ background: {p.primary_pressed}; }}
QPushButton[role="primary"]:disabled, QPushButton[role="help"]:disabled {{
    background: {p.surface}; color: {p.muted}; border: {border_w}px dashed {p.border};
}}
QPushButton[role="help"] {{
    background: {p.help}; color: {p.on_help}; border-color: {p.on_help};
}}
QPushButton[role="language"][current="true"], QPushButton[role="toggle"]:checked {{
    background: {p.primary}; color: {p.on_primary}; border-color: {p.primary};
}}
QPushButton[role="quiet"] {{
    font-weight: normal; border-width: 1px;
}}
QPushButton[role="tile"] {{
    background: {p.surface};
    border: {border_w}px solid {p.border};
    border-radius: 16px;
    padding: 16px;
    text-align: left;
}}
QPushButton[role="tile"]:pressed {{ background: {p.notice}; }}
QPushButton[role="topic"] {{
    background: {p.surface};
    border: {border_w}px solid {p.border};
    border-radius: 14px;
    padding: 8px;
}}
QPushButton[role="topic"]:checked {{
    background: {p.primary}; border: {border_w + 3}px solid {p.text};
}}
QPushButton[role="topic"][chosen="true"] QLabel {{ color: {p.on_primary}; }}
QLabel[role="tile-title"] {{ font-size: {s.tile_title}px; font-weight: bold; }}
QLabel[role="tile-summary"] {{ color: {p.muted}; font-size: {s.small}px; }}
QLabel[role="topic-name"] {{ font-weight: bold; }}
QWidget#guide-panel {{
    background: {p.surface};
    border-left: {border_w}px solid {p.border};
}}
QWidget#guide-panel[below="true"] {{
    border-left: none; border-top: {border_w}px solid {p.border};
}}
QLabel[role="panel-title"] {{ font-size: {s.body}px; font-weight: bold; }}
QLabel#guide-step-text {{ font-size: {round(s.body * 1.15)}px; }}
QWidget#guide-panel QPushButton {{
    padding: 0px 10px; font-size: {card.body}px; min-height: {card.button_height}px;
}}
QLabel#guide-progress {{ color: {p.muted}; font-weight: bold; font-size: {card.body}px; }}
QFrame[role="card"] {{
    background: {p.surface};
    border: {border_w}px solid {p.border};
    border-radius: 16px;
}}
QFrame[role="card"] QLabel, QFrame[role="card"] QPushButton {{ font-size: {card.body}px; }}
QFrame[role="card"] QLabel[role="heading"] {{ font-size: {card.heading}px; }}
QFrame[role="card"] QLabel[role="title"] {{ font-size: {card.title}px; }}
QFrame[role="card"] QPushButton {{ min-height: {card.button_height}px; }}
QFrame[role="check"] {{
    background: {p.notice};
    border: {border_w}px solid {p.border};
    border-radius: 12px;
}}
QFrame[role="check"] QLabel {{ color: {p.on_notice}; }}
QFrame[role="alert"] {{
    background: {p.alert};
    border-bottom: {border_w}px solid {p.on_alert};
}}
QFrame[role="alert"] QLabel {{ color: {p.on_alert}; font-weight: bold; }}
QLabel#address-label {{ color: {p.muted}; font-size: {s.small}px; }}
QScrollBar:vertical {{ width: 28px; background: {p.background}; }}
QScrollBar::handle:vertical {{ background: {p.border}; min-height: 60px; border-radius: 8px; }}
QScrollBar::add-line, QScrollBar::sub-line {{ height: 0px; }}
"""
