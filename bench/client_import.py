"""Benchmark: what importing the kiosk's help-desk client costs a kiosk process.

Each figure is taken in a fresh interpreter (so nothing is cached in the process), the
median of ``--repeat`` runs, against a floor in the same run:

  * floor: a bare interpreter that imports only the standard library's HTTP pieces the
    client needs (``http.client``, ``ssl``, ``json``, ``sqlite3``);
  * client: ``import kiosk.helpdesk.client``;
  * app: ``import kiosk.app`` (the whole kiosk's import, of which the client is a part).

For each: wall time of the import, the growth of the resident set (RSS) over the
interpreter's own, the number of modules it loaded, and whether httpx was among them.

``--before DIR`` adds the same rows for another checkout of the code (a folder holding
its ``kiosk`` package, e.g. ``git archive <commit> kiosk | tar -x -C DIR``), measured in
the same run, interleaved with this one's so that the machine's load hits both alike.

Usage: .venv/bin/python bench/client_import.py [--repeat 7] [--before DIR]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

_CHILD = """
import json, sys, time
def rss():
    with open('/proc/self/status') as status:
        for line in status:
            if line.startswith('VmRSS:'):
                return int(line.split()[1]) * 1024
    return 0
before_modules, before_rss = len(sys.modules), rss()
start = time.perf_counter()
exec({code!r})
seconds = time.perf_counter() - start
print(json.dumps({{"seconds": seconds, "rss": rss() - before_rss,
                  "modules": len(sys.modules) - before_modules,
                  "httpx": "httpx" in sys.modules}}))
"""

CASES = {
    "floor (http.client, ssl, json, sqlite3)": "import http.client, ssl, json, sqlite3",
    "kiosk.helpdesk.client": "import kiosk.helpdesk.client",
    "kiosk.app": "import kiosk.app",
}


def measure(code: str, root: Path) -> dict[str, object]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    # "-c" puts the working folder first on sys.path: its ``kiosk`` is the one imported.
    out = subprocess.run(
        [sys.executable, "-c", _CHILD.format(code=code)],
        cwd=root,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    result: dict[str, object] = json.loads(out.strip().splitlines()[-1])
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=7)
    parser.add_argument("--before", type=Path, help="another checkout to compare with")
    args = parser.parse_args()
    roots = {"": ROOT}
    if args.before:
        roots = {"before: ": args.before.resolve(), "now: ": ROOT}
    runs: dict[str, list[dict[str, object]]] = {}
    for _ in range(args.repeat):
        for name, code in CASES.items():
            for label, root in roots.items():
                if label == "before: " and name.startswith("floor"):
                    continue  # the floor does not depend on the checkout
                runs.setdefault(label + name, []).append(measure(code, root))
    print(f"{'import':50} {'time ms':>8} {'RSS MiB':>8} {'modules':>8}  httpx")
    for name, results in runs.items():
        seconds = statistics.median(float(r["seconds"]) for r in results)  # type: ignore[arg-type]
        rss = statistics.median(int(r["rss"]) for r in results) / 2**20  # type: ignore[call-overload]
        modules = int(results[0]["modules"])  # type: ignore[call-overload]
        httpx = "yes" if results[0]["httpx"] else "no"
        print(f"{name:50} {seconds * 1000:8.1f} {rss:8.1f} {modules:8d}  {httpx}")


if __name__ == "__main__":
    main()
