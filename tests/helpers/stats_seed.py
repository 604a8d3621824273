"""A seeded month of statistics for the help desk's tests: sessions made of real events,
folded on "kiosks" (real statistics files) and sent by the real uploader; help requests
sent, taken, called and closed through the real APIs at chosen times.

The test's expected figures are worked out from :class:`Visit` lists here, by simple
sums, never by the code under test.
"""

from __future__ import annotations

import uuid
from collections import Counter
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from kiosk.helpdesk.model import Topic
from kiosk.helpdesk.server.roles import Role
from kiosk.stats.events import (
    CheckAnswer,
    CheckAnswered,
    Duration,
    EndReason,
    Event,
    GuideCatalogue,
    GuideFinished,
    GuideOpened,
    HelpRequested,
    Hour,
    Outcome,
    OutcomeAnswered,
    ScreenLanguage,
    SessionEnded,
    SessionStarted,
    Step,
    StepReached,
)
from kiosk.stats.store import StatsStore
from kiosk.stats.uploader import StatsUploader
from tests.helpers.helpdesk_servers import STAFF_PASSWORD, FakeClock, KioskApi, Seeded, StaffApi

FEBRUARY = [date(2026, 2, 1) + timedelta(days=i) for i in range(28)]
GUIDES = GuideCatalogue(["kela-basic-assistance", "tax-card", "suomifi-login"])
KELA = "kela-basic-assistance"


@dataclass(frozen=True)
class Visit:
    day: date
    hour: int
    language: str
    guide: str | None = None
    furthest: int = 0
    finished: bool = False
    check_no_at: int | None = None
    outcome: str | None = None
    end: str = "ended"

    def events(self) -> list[Event]:
        events: list[Event] = [SessionStarted(Hour(self.hour))]
        if self.guide:
            ref = GUIDES.ref(self.guide)
            assert ref is not None
            events.append(GuideOpened(ref))
            for step in range(1, self.furthest + 1):
                events.append(StepReached(ref, Step(step)))
            if self.check_no_at:
                events.append(CheckAnswered(ref, Step(self.check_no_at), CheckAnswer.NO))
            if self.finished:
                events.append(GuideFinished(ref))
            if self.check_no_at:
                events.append(HelpRequested(Topic.LOGIN))
        if self.outcome:
            events.append(OutcomeAnswered(Outcome(self.outcome)))
        events.append(
            SessionEnded(EndReason(self.end), Duration.UNDER_15, ScreenLanguage(self.language))
        )
        return events


def kalliola_visits() -> list[Visit]:
    """About 200 sessions in February: mostly Finnish, some Swedish, three in Russian
    (a small cell), a guide with a funnel, a rarely opened guide."""
    visits = []
    for day in FEBRUARY:
        weekend = day.weekday() >= 5
        for i in range(2 if weekend else 7 + day.day % 3):
            language = "sv" if i % 5 == 4 else "fi"
            guide = KELA if i % 2 == 0 else None
            furthest = (i // 2 % 4) + 1 if guide else 0
            visits.append(
                Visit(
                    day,
                    hour=9 + (i % 6),
                    language=language,
                    guide=guide,
                    furthest=furthest,
                    finished=furthest == 4,
                    check_no_at=2 if guide and furthest == 2 else None,
                    outcome=("yes", "partly", "no", None)[i % 4],
                    end="idle" if i % 6 == 5 else "ended",
                )
            )
    # Three sessions in Russian (a small cell), one opening the rarely used tax-card guide.
    for day, hour in ((date(2026, 2, 3), 7), (date(2026, 2, 10), 7), (date(2026, 2, 17), 7)):
        visits.append(Visit(day, hour, "ru"))
    visits.append(Visit(date(2026, 2, 4), 10, "fi", guide="tax-card", furthest=1))
    return visits


def vuosaari_visits() -> list[Visit]:
    return [Visit(day, 12, "fi", outcome="yes") for day in FEBRUARY if day.weekday() < 5]


def fold_on_kiosk(folder: Path, visits: list[Visit]) -> StatsStore:
    """A kiosk's statistics file with these sessions folded in (the kiosk's own code)."""
    store = StatsStore(folder / "stats.sqlite3")
    for visit in visits:
        for event in visit.events():
            store.append(visit.day, event)
        store.fold_journal()
    return store


def upload(seeded: Seeded, store: StatsStore, token: str, today: date) -> StatsUploader:
    uploader = StatsUploader(
        seeded.url, store, token=lambda: token, certificate=lambda: None, today=lambda: today
    )
    result = uploader.run_once()
    assert result.stopped == "", result
    return uploader


@dataclass
class HelpPlan:
    """Help requests of February at Kalliola: created, waited, handled, closed."""

    created: list[str] = field(default_factory=list)
    waits_min: list[float] = field(default_factory=list)
    handling_min: list[float] = field(default_factory=list)
    topics: Counter[str] = field(default_factory=Counter)
    ends: Counter[str] = field(default_factory=Counter)
    via: Counter[str] = field(default_factory=Counter)
    outside_hours: int = 0


def seed_help(seeded: Seeded, clock: FakeClock, token: str) -> HelpPlan:
    """Twelve requests: 7 about logging in, 4 forms, 1 print; 6 helped on site, 5 called
    back, 1 cancelled; two of them on a Saturday evening (outside staffed hours)."""
    kiosk = KioskApi(seeded.url, token)
    staff = StaffApi(seeded.url)
    plan = HelpPlan()
    topics = ["login"] * 7 + ["form"] * 4 + ["print"]
    for i, topic in enumerate(topics):
        saturday = i in (10, 11)
        # 08:00 UTC is 10:00 in Helsinki (winter): a weekday morning, or a Saturday evening.
        start = (
            datetime(2026, 2, 7 if i == 10 else 14, 18, 0, tzinfo=UTC)
            if saturday
            else datetime(2026, 2, 2 + i, 8, 0, tzinfo=UTC)
        )
        clock.now = start
        request_id = str(uuid.uuid4())
        phone = "0401234567" if i in (6, 7, 8, 9, 10) else None
        assert (
            kiosk.send(request_id, topic, **({"phone": phone} if phone else {})).status_code == 201
        )
        plan.created.append(request_id)
        plan.topics[topic] += 1
        plan.outside_hours += saturday
        if i == 11:
            assert kiosk.cancel(request_id).status_code == 200
            plan.ends["cancelled"] += 1
            continue
        wait = 2 + i  # minutes
        clock.advance(timedelta(minutes=wait))
        action = "call" if phone else "take"
        body = {} if phone else {"minutes": 5}
        assert staff.act(request_id, action, **body).status_code == 200
        handling = 10 + i
        clock.advance(timedelta(minutes=handling))
        outcome = "partly" if i == 3 else "done"
        assert staff.act(request_id, "resolve", outcome=outcome).status_code == 200
        plan.waits_min.append(wait)
        plan.handling_min.append(handling)
        plan.ends[outcome] += 1
        plan.via["remote" if phone else "on_site"] += 1
    return plan


@dataclass
class Month:
    """February 2026 at two centres, as the help desk has it after the uploads."""

    kalliola: list[Visit]
    vuosaari: list[Visit]
    help: HelpPlan
    kalliola_id: int
    vuosaari_id: int


#: The centres' coordinator (statistics are for coordinators); "anna" is staff.
COORDINATOR = "kaisa"


def seed_month(seeded: Seeded, clock: FakeClock, folder: Path) -> Month:
    seeded.store.add_centre("Vuosaari")
    seeded.accounts.add_staff(
        COORDINATOR, STAFF_PASSWORD, display_name="Kaisa", role=Role.COORDINATOR
    )
    tokens = [seeded.pair_kiosk("kiosk-1"), seeded.pair_kiosk("kiosk-2")]
    vuosaari_token = seeded.pair_kiosk("kiosk-v", centre="Vuosaari")
    kalliola = kalliola_visits()
    vuosaari = vuosaari_visits()
    today = date(2026, 3, 2)
    for index, token in enumerate(tokens):  # the centre's visits, shared by its two kiosks
        store = fold_on_kiosk(folder / f"k{index}", kalliola[index::2])
        upload(seeded, store, token, today)
    upload(seeded, fold_on_kiosk(folder / "v", vuosaari), vuosaari_token, today)
    staff = StaffApi(seeded.url, COORDINATOR)
    kalliola_id = seeded.store.centre_id("Kalliola")
    response = staff.http.put(
        f"/api/v1/staff/stats/hours/{kalliola_id}",
        json={"hours": "mon-fri 9-16"},
        headers={"X-CSRF-Token": staff.csrf},
    )
    assert response.status_code == 200, response.text
    saved_now = clock.now
    plan = seed_help(seeded, clock, tokens[0])
    clock.now = saved_now
    return Month(kalliola, vuosaari, plan, kalliola_id, seeded.store.centre_id("Vuosaari"))
