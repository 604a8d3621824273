"""What the screen-share tests share: a page whose secret has a colour nothing else on the
kiosk has (so a picture that shows it can be found), counting that colour in the
pictures the staff page received."""

from __future__ import annotations

import base64
import re

from PySide6.QtGui import QImage

#: The marker: pure green text, 48 px bold. Nothing on the kiosk's screens is this green.
MARKER_STYLE = "color:#00ff00;background:#ffffff;font:bold 48px monospace;border:2px solid #888"
SECRET = "SALASANA1"

#: The service's page: a decoy field that shows the marker in the open (to prove that a
#: picture with the marker is found), and a password field that types in the marker
#: colour, with a "show password" button.
SECRET_PAGE = f"""
<h1>Start</h1>
<p><input id="decoy" value="MMMMMM" style="{MARKER_STYLE}" readonly></p>
<form id="login" onsubmit="return false">
  <input id="pw" type="password" autocomplete="off" style="{MARKER_STYLE};width:420px">
  <button type="button" id="show"
    onclick="pw.type = pw.type === 'password' ? 'text' : 'password'">Show</button>
</form>
<p id="elsewhere">Nothing here.</p>
"""

#: The staff page keeps every picture its share stream delivered (test only).
RECORD_FRAMES = """
window.__frames = [];
const OriginalSource = window.EventSource;
window.EventSource = class extends OriginalSource {
  constructor(url, options) {
    super(url, options);
    if (String(url).includes('/share/events')) {
      this.addEventListener('frame', (event) => {
        const data = JSON.parse(event.data);
        const { jpeg, paused, width, height } = data;
        window.__frames.push({ jpeg, paused, width, height });
      });
    }
  }
};
"""

# Blue, green, red, alpha of one pixel of an RGB32 picture: clearly green.
_GREEN = re.compile(rb"[\x00-\x64][\xb4-\xff][\x00-\x64]\xff", re.DOTALL)


def marker_pixels(picture: str | QImage) -> int:
    """How many pixels of the picture (base64 JPEG, or an image) are the marker's green."""
    image = (
        picture
        if isinstance(picture, QImage)
        else QImage.fromData(base64.b64decode(picture), "JPG")
    )
    assert not image.isNull(), "a delivered picture is not a JPEG"
    data = bytes(image.convertToFormat(QImage.Format.Format_RGB32).constBits())
    return sum(1 for m in _GREEN.finditer(data) if m.start() % 4 == 0)


#: More marker pixels than this: the marker is in the picture (a 48 px glyph has hundreds).
SHOWS_MARKER = 40
