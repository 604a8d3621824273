"""HTML form controls of the practice site: big, labelled, with their error beside them.

The browser's own validation is not used (forms say ``novalidate``): its bubbles come in
the browser's language and vanish; the server's errors stay and say what to fix.
Every control has a visible label, its help text and its error tied to it with
``aria-describedby``; on a form with several fields, errors are also listed at the top with
links to the fields, as good public e-services do (a form of one field shows its error
once, beside the field: a tired reader should not read it twice).
"""

from __future__ import annotations

import html
from collections.abc import Collection, Mapping, Sequence

from kiosk.practice.pages import Frame


def _describedby(ids: Sequence[str]) -> str:
    return f' aria-describedby="{" ".join(ids)}"' if ids else ""


def _required_mark(required: bool) -> str:
    return ' <span class="required" aria-hidden="true">*</span>' if required else ""


def error_summary(
    frame: Frame, errors: Mapping[str, str], *, unlinked: Collection[str] = ()
) -> str:
    """The box at the top: what to fix, each a link to its field. ``errors``: field -> HTML.

    Messages under the ``unlinked`` names have no field on the page (they may hold links).
    """
    if not errors:
        return ""
    items = "\n".join(
        f"<li>{message}</li>"
        if name in unlinked
        else f'<li><a href="#{html.escape(name)}">{message}</a></li>'
        for name, message in errors.items()
    )
    return (
        '<div class="error-summary" role="alert" tabindex="-1">'
        f"<h2>{frame.t('form.fix_these')}</h2><ul>{items}</ul></div>"
    )


def text_field(
    frame: Frame,
    name: str,
    label_key: str,
    value: str,
    *,
    error: str = "",
    help_key: str = "",
    required: bool = False,
    inputmode: str = "text",
    autocomplete: str = "off",
    suffix_key: str = "",
    width: str = "",
) -> str:
    described: list[str] = []
    help_html = ""
    if help_key:
        described.append(f"{name}-help")
        help_html = f'<p class="help" id="{name}-help">{frame.t(help_key)}</p>'
    error_html = ""
    if error:
        described.append(f"{name}-error")
        error_html = f'<p class="field-error" id="{name}-error">{error}</p>'
    suffix = f'<span class="suffix">{frame.t(suffix_key)}</span>' if suffix_key else ""
    invalid = ' aria-invalid="true"' if error else ""
    req = ' aria-required="true"' if required else ""
    css = f' class="{width}"' if width else ""
    return (
        f'<div class="field{" has-error" if error else ""}">'
        f'<label for="{name}">{frame.t(label_key)}{_required_mark(required)}</label>'
        f"{help_html}{error_html}"
        f'<div class="input-row"><input type="text" id="{name}" name="{name}"'
        f' value="{html.escape(value)}" inputmode="{inputmode}" autocomplete="{autocomplete}"'
        f"{css}{req}{invalid}{_describedby(described)}>{suffix}</div></div>"
    )


def radio_group(
    frame: Frame,
    name: str,
    legend_key: str,
    options: Sequence[tuple[str, str]],
    selected: str,
    *,
    error: str = "",
    required: bool = True,
) -> str:
    """``options``: (value, text key). The first radio carries the id the error links to."""
    error_html = f'<p class="field-error" id="{name}-error">{error}</p>' if error else ""
    described = _describedby([f"{name}-error"] if error else [])
    rows = []
    for index, (value, key) in enumerate(options):
        option_id = name if index == 0 else f"{name}-{value}"
        checked = " checked" if value == selected else ""
        rows.append(
            f'<div class="choice"><input type="radio" id="{option_id}" name="{name}"'
            f' value="{value}"{checked}><label for="{option_id}">{frame.t(key)}</label></div>'
        )
    return (
        f'<fieldset class="field{" has-error" if error else ""}"{described}>'
        f"<legend>{frame.t(legend_key)}{_required_mark(required)}</legend>"
        f"{error_html}{''.join(rows)}</fieldset>"
    )


def checkbox(frame: Frame, name: str, label_key: str, checked: bool, *, error: str = "") -> str:
    error_html = f'<p class="field-error" id="{name}-error">{error}</p>' if error else ""
    described = _describedby([f"{name}-error"] if error else [])
    mark = " checked" if checked else ""
    return (
        f'<div class="field{" has-error" if error else ""}">{error_html}'
        f'<div class="choice"><input type="checkbox" id="{name}" name="{name}" value="yes"'
        f'{mark}{described}><label for="{name}">{frame.t(label_key)}</label></div></div>'
    )


def notice(html_text: str, kind: str = "info") -> str:
    return f'<div class="box box-{kind}"><p>{html_text}</p></div>'
