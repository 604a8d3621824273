"""A small valid guide for the guide package's unit tests, variants of it, and where a line is."""

from __future__ import annotations

import datetime
from pathlib import Path

from kiosk.config import DEFAULT_IDENTIFICATION_HOSTS
from kiosk.guides.model import Guide, Step, Text, UrlPattern

IDENTIFICATION_HOSTS = DEFAULT_IDENTIFICATION_HOSTS

#: The day the valid guide was "checked"; tests that judge freshness set the clock
#: themselves (``kiosk.guides.freshness.clock``), so nothing depends on the day they run.
VERIFIED = datetime.date(2026, 12, 1)

#: A guide with no problems at all; tests change one thing in it with :func:`variant`.
VALID_GUIDE = """\
id: sample
category: money
order: 20
icon: icon.svg
verified: 2026-12-01
languages: [fi, sv, en]
service_languages: [fi, sv]
start_url: https://www.kela.fi/start
allowed_hosts:
  - "*.kela.fi"
title:
  fi: Otsikko
  sv: Rubrik
  en: Title
summary:
  fi: Hae tukea.
  sv: Ansök om stöd.
  en: Apply for support.
needs:
  - fi: Pankkitunnukset.
    sv: Bankkoder.
    en: Bank codes.
steps:
  - text:
      fi: Paina **Kirjaudu**.
      sv: Tryck på **Logga in**.
      en: Press **Log in**.
    url: www.kela.fi/start
  - text:
      fi: Tunnistaudu.
      sv: Identifiera dig.
      en: Prove who you are.
    url: tunnistus.suomi.fi/*
    check:
      fi: Näetkö pankkien logot?
      sv: Ser du bankernas logotyper?
      en: Do you see the logos of the banks?
  - text:
      fi: Paina **Tee hakemus**.
      sv: Tryck på **Gör en ansökan**.
      en: Press **Make an application**.
    image: step-3.png
    url:
      - asiointi.kela.fi/hakemus
      - asiointi.kela.fi/hakemus/*
done:
  fi: Päätös tulee postissa.
  sv: Beslutet kommer med posten.
  en: The decision comes by post.
"""


def variant(old: str, new: str, base: str = VALID_GUIDE) -> str:
    """``base`` with the one place ``old`` replaced by ``new``."""
    assert base.count(old) == 1, f"{old!r} must be in the guide exactly once"
    return base.replace(old, new)


def line_of(text: str, needle: str) -> int:
    """The number (from 1) of the one line of ``text`` that contains ``needle``."""
    found = [n for n, line in enumerate(text.splitlines(), start=1) if needle in line]
    assert len(found) == 1, f"{needle!r} is on lines {found}, not on exactly one"
    return found[0]


def write_guide(folder: Path, text: str, name: str = "sample", *, images: bool = True) -> Path:
    """Write ``<folder>/<name>/guide.yaml`` (and the pictures the valid guide names)."""
    guide_folder = folder / name
    guide_folder.mkdir(parents=True, exist_ok=True)
    file = guide_folder / "guide.yaml"
    file.write_text(text, encoding="utf-8")
    if images:
        (guide_folder / "icon.svg").write_text("<svg xmlns='http://www.w3.org/2000/svg'/>")
        (guide_folder / "step-3.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    return file


def guide_with_patterns(
    *patterns: tuple[str, ...], needs: bool = False, done: bool = False
) -> Guide:
    """A Finnish guide in memory whose step N has the URL patterns given N-th."""
    return Guide(
        id="g",
        file=Path("g/guide.yaml"),
        title=Text({"fi": "G"}),
        category="other",
        start_url="https://site.fi/start",
        allowed_hosts=("site.fi",),
        languages=("fi",),
        steps=tuple(
            Step(Text({"fi": f"Vaihe {n}"}), n, url_patterns=tuple(UrlPattern(p) for p in step))
            for n, step in enumerate(patterns, start=1)
        ),
        needs=(Text({"fi": "Tunnukset."}),) if needs else (),
        done=Text({"fi": "Valmis."}) if done else None,
    )
