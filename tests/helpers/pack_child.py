"""A kiosk's guide pack updater in a process of its own, for the tests that kill it or
fill its disk: ``python -m tests.helpers.pack_child MODE ROOT URL SHIPPED``.

The device token comes in ``PACK_CHILD_TOKEN``. Modes:

* ``fetch``: fetch and switch to the newest pack.
* ``die-unpacking``: the process is killed while it checks the unpacked guides.
* ``die-switching``: the process is killed while it shows the new pack's tiles.
* ``full-disk``: ``ROOT`` is a small file system of its own; the pack in
  ``PACK_CHILD_FIRST`` goes in first, then the disk is filled, then the newest pack is
  fetched (the free-space estimate is told there is room, so the disk really fills up
  during the download), then fetched again with the real estimate.

Its last line on stdout is a JSON report: the pack shown at the next start, the guides,
and what is left in ``ROOT`` beside the packs.
"""

from __future__ import annotations

import json
import logging
import os
import signal
import sys
from pathlib import Path
from typing import Any

from kiosk import secrets
from kiosk.config import DEFAULT_IDENTIFICATION_HOSTS
from kiosk.guides import packs as pack_module
from kiosk.guides.installed import InstalledPacks
from kiosk.guides.model import Library
from kiosk.guides.updater import Updater, free_bytes
from kiosk.helpdesk.guide_packs import HelpdeskPackSource


class DictStore:
    def __init__(self) -> None:
        self.values: dict[str, str] = {}

    def get(self, name: str) -> str | None:
        return self.values.get(name)

    def set(self, name: str, value: str) -> None:
        self.values[name] = value

    def delete(self, name: str) -> None:
        self.values.pop(name, None)

    def describe(self) -> str:
        return "memory"


def die() -> None:
    sys.stdout.flush()
    os.kill(os.getpid(), signal.SIGKILL)


def report(updater: Updater) -> dict[str, Any]:
    library, version = updater.start_guides()
    state = updater.packs.state()
    keep = {"state.json", state.current, state.previous}
    return {
        "version": version,
        "guides": sorted(g.id for g in library.guides),
        "leftovers": sorted(p.name for p in updater.packs.root.iterdir() if p.name not in keep),
        "problem": state.problem,
    }


def main(mode: str, root: Path, url: str, shipped: Path) -> None:
    logging.basicConfig(level=logging.INFO, stream=sys.stderr, format="%(name)s: %(message)s")
    secrets.use_store(DictStore())
    token = os.environ["PACK_CHILD_TOKEN"]
    source = HelpdeskPackSource(url, token=lambda: token, certificate=lambda: None)
    room = {"lie": False}

    def free_space(folder: Path) -> int:
        return 10**12 if room["lie"] else free_bytes(folder)

    packs = InstalledPacks(root)
    updater = Updater(packs, source, shipped, DEFAULT_IDENTIFICATION_HOSTS, free_space=free_space)

    def show(library: Library, version: str | None) -> None:
        if mode == "die-switching":
            die()

    if mode == "die-unpacking":

        def load_and_die(*_args: Any, **_kwargs: Any) -> Library:
            die()
            raise AssertionError("not reached")

        pack_module.load_library = load_and_die  # type: ignore[assignment]
    if mode == "full-disk":
        first = Path(os.environ["PACK_CHILD_FIRST"])
        packs.switch(packs.stage(first, "1", DEFAULT_IDENTIFICATION_HOSTS))
        packs.confirm()
        filler = root.parent / "filler"
        with filler.open("wb") as out:
            left = free_bytes(root) - int(os.environ.get("PACK_CHILD_LEAVE", "65536"))
            out.write(b"\0" * max(0, left))
        room["lie"] = True
        first_try = updater.fetch()
        room["lie"] = False
        second_try = updater.fetch()
        print(
            json.dumps(
                {"fetched": [first_try is not None, second_try is not None], **report(updater)}
            )
        )
        return
    staged = updater.fetch()
    if staged is not None:
        updater.activate(staged, show)
    print(json.dumps(report(updater)))


if __name__ == "__main__":
    main(sys.argv[1], Path(sys.argv[2]), sys.argv[3], Path(sys.argv[4]))
