"""Guide text to Qt rich text: escaped, with **button names** in bold and line breaks kept.

Pure Python. Nothing a guide writer types can inject markup: everything is escaped first.
"""

from __future__ import annotations

import re

_BOLD = re.compile(r"\*\*(.+?)\*\*")


def to_html(text: str) -> str:
    import html  # noqa: PLC0415 - at first use, not with the first screen (issue 14)

    paragraphs = [p.strip() for p in re.split(r"\n\s*\n", text.strip()) if p.strip()]
    rendered = []
    for paragraph in paragraphs:
        escaped = html.escape(paragraph, quote=False)
        escaped = _BOLD.sub(r"<b>\1</b>", escaped)
        rendered.append(f"<p>{escaped.replace(chr(10), '<br>')}</p>")
    return "".join(rendered)


def to_plain(text: str) -> str:
    """The text as it should be read aloud: no stars."""
    return _BOLD.sub(r"\1", text).strip()


def bullet_list(items: list[str]) -> str:
    return "".join(f"<p>•&nbsp;{to_html(item)[3:-4]}</p>" for item in items)
