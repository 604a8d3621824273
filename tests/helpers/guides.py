"""Write small guide files for tests, pointing at a local test server."""

from __future__ import annotations

from pathlib import Path
from textwrap import dedent


def write_guide(folder: Path, guide_id: str, text: str) -> Path:
    target = folder / guide_id / "guide.yaml"
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(dedent(text).lstrip(), encoding="utf-8")
    return target


def service_guide(folder: Path, base_url: str, guide_id: str = "test-service") -> Path:
    """A three-step guide for a service at ``base_url`` (http://127.0.0.1:PORT)."""
    host = base_url.split("://", 1)[1]
    return write_guide(
        folder,
        guide_id,
        f"""
        id: {guide_id}
        category: money
        verified: 2026-12-01
        languages: [fi, sv, en]
        start_url: {base_url}/start
        allowed_hosts: ["http://{host}"]
        title:
          fi: Testipalvelu
          sv: Testtjänst
          en: Test service
        summary:
          fi: Harjoittele tässä.
          sv: Öva här.
          en: Practise here.
        needs:
          - fi: Aikaa.
            sv: Tid.
            en: Some time.
        steps:
          - text:
              fi: Paina **Kirjaudu**.
              sv: Tryck på **Logga in**.
              en: Press **Log in**.
            url: {host}/start
          - text:
              fi: Täytä lomake.
              sv: Fyll i blanketten.
              en: Fill in the form.
            url: {host}/form*
            check:
              fi: Näetkö lomakkeen?
              sv: Ser du blanketten?
              en: Do you see the form?
          - text:
              fi: Valmista.
              sv: Klart.
              en: Done.
            url: {host}/done
        done:
          fi: Päätös tulee postissa.
          sv: Beslutet kommer per post.
          en: The decision comes by post.
        """,
    )


PRESS_STEP = "  - text: {fi: Paina., sv: Tryck., en: Press.}\n"


def small_guide(
    folder: Path,
    start_url: str,
    allowed_hosts: list[str],
    *,
    steps: str = PRESS_STEP,
    extra: str = "",
) -> Path:
    """A one-tile guide "test-service" with the given hosts and steps (YAML list items,
    indented by two spaces); ``extra``: more top-level YAML lines, e.g. permissions."""
    hosts = ", ".join(f'"{host}"' for host in allowed_hosts)
    return write_guide(
        folder,
        "test-service",
        "id: test-service\ncategory: other\nverified: 2026-12-01\nlanguages: [fi, sv, en]\n"
        f"start_url: {start_url}\nallowed_hosts: [{hosts}]\n{extra}"
        "title: {fi: Testi, sv: Test, en: Test}\nsteps:\n" + steps,
    )
