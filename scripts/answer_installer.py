"""Answers the Linux installer's questions in a terminal, for scripts/screenshots.

Runs COMMAND in a pseudo-terminal of its own, shows everything it writes, and types the
answers below as a volunteer would (the typed text shows, the PIN does not). At the last
question it touches READY_FILE and waits for GO_FILE (the screenshot is taken meanwhile),
then answers it too and ends when the installer ends.

    python3 scripts/answer_installer.py READY_FILE GO_FILE COMMAND...
"""

from __future__ import annotations

import os
import pty
import sys
import time
from pathlib import Path

#: (the end of a question, the answer typed)
ANSWERS = [
    ("Name of the centre (shown on the start screen) []: ", "Päiväkeskus Esimerkki"),
    ("empty: none) []: ", "https://digituki.example.org"),
    ("Pairing code from the help desk []: ", "4KD9-QX2M"),
    ("Printer (empty: the default printer) []: ", ""),
    ("USB sticks: read-only or none [none]: ", "read-only"),
    ("Admin PIN for staff (6 to 12 digits): ", "482913"),
]
LAST = ("The same PIN again: ", "482913")


def _type(fd: int, text: str) -> None:
    for char in text + "\r":
        os.write(fd, char.encode())
        time.sleep(0.03)


def main(ready: Path, go: Path, command: list[str]) -> int:
    pid, fd = pty.fork()
    if pid == 0:
        os.execvp(command[0], command)
    seen = ""
    pending = [*ANSWERS, LAST]
    while True:
        try:
            chunk = os.read(fd, 4096).decode(errors="replace")
        except OSError:
            break
        if not chunk:
            break
        os.write(sys.stdout.fileno(), chunk.encode())
        seen += chunk
        while pending and seen.endswith(pending[0][0]):
            question, answer = pending.pop(0)
            seen = ""
            if (question, answer) == LAST:
                ready.touch()
                while not go.exists():
                    time.sleep(0.1)
            time.sleep(0.3)
            _type(fd, answer)
    _, status = os.waitpid(pid, 0)
    return os.waitstatus_to_exitcode(status)


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1]), Path(sys.argv[2]), sys.argv[3:]))
