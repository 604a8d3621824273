"""What the help desk keeps of screen shares: each share's times and why it ended, and
its events on the request (asked, allowed, paused, ended...) — never a picture.

A share that nobody ends (the visitor never answers, the kiosk goes silent, the time runs
out, the request closes, nobody watches it any more) is ended by
:meth:`ShareStore.settle`, which every read of a share runs first. Every change goes out
as a ``share`` event (to the kiosk's and the supporter's streams, in every worker, like
request events).
"""

from __future__ import annotations

import dataclasses
import uuid
from datetime import timedelta
from typing import Any

from sqlalchemy import Connection, select, update

from kiosk.helpdesk import model
from kiosk.helpdesk.model import Request, State
from kiosk.helpdesk.server.records import ConflictError, NotFoundError, load_request
from kiosk.helpdesk.server.share_rows import (
    Share,
    from_row,
    row_values,
    share_event,
    share_events,
    shares,
)
from kiosk.helpdesk.server.store import Store
from kiosk.helpdesk.share_model import (
    ASK_AGAIN_AFTER_S,
    ASK_TIMEOUT_S,
    KIOSK_SILENCE_S,
    MAX_DURATION_S,
    VIEWER_GONE_S,
    EndReason,
    Pause,
    ShareState,
    first_name,
)

#: How often a frame's arrival is written down as "the kiosk is still there".
SEEN_EVERY = timedelta(seconds=2)
#: A little slack on the server's own deadlines, so that the kiosk (which keeps the same
#: times) ends first and says why.
GRACE = timedelta(seconds=5)
#: A staff name may be a whole name; the visitor is told only the first name.
_TAKEN_STATES = frozenset({State.COMING, State.CALLING})


class TooSoonError(Exception):
    """The visitor said no (or did not answer) a moment ago."""

    def __init__(self, retry_after_s: int) -> None:
        super().__init__("the visitor answered a moment ago")
        self.retry_after_s = retry_after_s


class ForbiddenError(Exception):
    """The request belongs to a centre this staff member does not serve."""


class ShareStore:
    def __init__(self, store: Store) -> None:
        self.store = store

    @property
    def clock(self) -> model.Clock:
        return self.store.clock

    # -- reading ----------------------------------------------------------------------------

    def request(self, request_id: str, centre_ids: frozenset[int] | None) -> Request:
        """The request a staff member asks about: NotFoundError, or ForbiddenError when it
        belongs to a centre they do not serve."""
        found = self.store.get_request(request_id)
        if found is None:
            raise NotFoundError("no such request")
        if centre_ids is not None and found.centre_id not in centre_ids:
            raise ForbiddenError("this request is from a centre you do not serve")
        return found

    def latest(self, request_id: str) -> Share | None:
        """The request's newest share, live or ended (a live one settled first)."""
        with self.store.engine.connect() as conn:
            share = self._latest(conn, request_id)
        if share is not None and share.live and self._due(share) is not None:
            return self.settle(share.id)
        return share

    def get(self, share_id: str) -> Share | None:
        with self.store.engine.connect() as conn:
            row = conn.execute(select(shares).where(shares.c.id == share_id)).mappings().first()
        return from_row(row) if row else None

    def events(self, request_id: str) -> list[dict[str, Any]]:
        """The request's share events, oldest first: kinds and times, nothing else."""
        query = (
            select(
                share_events.c.share_id,
                share_events.c.kind,
                share_events.c.detail,
                share_events.c.at,
            )
            .where(share_events.c.request_id == request_id)
            .order_by(share_events.c.id)
        )
        with self.store.engine.connect() as conn:
            rows = conn.execute(query).all()
        return [
            {"share_id": r.share_id, "kind": r.kind, "detail": r.detail, "at": r.at.isoformat()}
            for r in rows
        ]

    @staticmethod
    def _latest(conn: Connection, request_id: str) -> Share | None:
        row = (
            conn.execute(
                select(shares)
                .where(shares.c.request_id == request_id)
                .order_by(shares.c.asked_at.desc())
                .limit(1)
            )
            .mappings()
            .first()
        )
        return from_row(row) if row else None

    # -- ending what nobody ended ------------------------------------------------------------

    def _due(self, share: Share, request: Request | None = None) -> EndReason | None:
        """Why a live share must end now, if it must."""
        now = self.clock()
        if request is not None and not request.is_open:
            return EndReason.REQUEST_CLOSED
        if share.state is ShareState.ASKED:
            if now - share.asked_at >= timedelta(seconds=ASK_TIMEOUT_S) + GRACE:
                return EndReason.NO_ANSWER
            return None
        if share.expires_at is not None and now >= share.expires_at + GRACE:
            return EndReason.TIME_LIMIT
        seen = share.kiosk_seen_at or share.started_at or share.asked_at
        if now - seen >= timedelta(seconds=KIOSK_SILENCE_S):
            return EndReason.NETWORK
        watched = share.viewer_seen_at or share.asked_at
        if now - watched >= timedelta(seconds=VIEWER_GONE_S):
            return EndReason.VIEWER_LEFT
        return None

    def settle(self, share_id: str) -> Share | None:
        """End the share if its time, its kiosk's silence, its request or the absence of
        anyone watching says so."""
        with self.store.write() as (conn, events):
            share = self._locked(conn, share_id)
            if share is None or not share.live:
                return share
            request = load_request(conn, share.request_id)
            reason = self._due(share, request)
            if reason is None:
                return share
            return self._end(conn, events, share, reason)

    def settle_all(self) -> int:
        """Settle every live share (the server's clean-up): a share nobody watches still
        ends, and its supporter's first name goes. Returns how many ended."""
        with self.store.engine.connect() as conn:
            live = conn.execute(
                select(shares.c.id).where(shares.c.state != ShareState.ENDED.value)
            ).scalars()
            ids = list(live)
        ended = 0
        for share_id in ids:
            share = self.settle(share_id)
            ended += share is not None and not share.live
        return ended

    # -- changes ------------------------------------------------------------------------------

    def ask(self, request: Request, staff_id: int, display_name: str) -> tuple[Share, bool]:
        """A supporter asks to see the screen: (the share, newly asked)."""
        now = self.clock()
        if not request.is_open:
            raise ConflictError("the request is closed")
        if request.state not in _TAKEN_STATES:
            raise ConflictError("take the request first (I'm coming or I'll call)")
        if request.staff_name != model.clean_line(display_name, model.MAX_NAME_LEN):
            raise ConflictError("another supporter has taken this request")
        if request.visitor_left:
            raise ConflictError("the visitor has left the computer")
        with self.store.write() as (conn, events):
            current = self._latest(conn, request.id)
            if current is not None and current.live:
                current = self._locked(conn, current.id) or current
                reason = self._due(current, request)
                if reason is not None:
                    current = self._end(conn, events, current, reason)
            if current is not None and current.live:
                if current.staff_id != staff_id:
                    raise ConflictError("another supporter is already asking or viewing")
                return current, False
            if (
                current is not None
                and current.end_reason in (EndReason.DENIED, EndReason.NO_ANSWER)
                and current.ended_at is not None
            ):
                wait = timedelta(seconds=ASK_AGAIN_AFTER_S) - (now - current.ended_at)
                if wait > timedelta(0):
                    raise TooSoonError(int(wait.total_seconds()) + 1)
            share = Share(
                id=str(uuid.uuid4()),
                request_id=request.id,
                centre_id=request.centre_id,
                kiosk_id=request.kiosk_id,
                staff_id=staff_id,
                supporter=first_name(display_name) or "?",
                state=ShareState.ASKED,
                asked_at=now,
                viewer_seen_at=now,
            )
            conn.execute(shares.insert().values(**row_values(share)))
            self._note(conn, share, "asked")
            events.append(share_event(share))
            return share, True

    def answer(self, kiosk_id: int, request_id: str, share_id: str, allow: bool) -> Share:
        """The visitor's answer, from the kiosk."""
        with self.store.write() as (conn, events):
            share = self._kiosk_share(conn, kiosk_id, request_id, share_id)
            if share.state is not ShareState.ASKED:
                if share.state is ShareState.ACTIVE and allow:
                    return share  # the answer sent twice
                raise ConflictError("the question is no longer open")
            request = load_request(conn, request_id)
            reason = self._due(share, request)
            if reason is not None:
                ended = self._end(conn, events, share, reason)
                raise ConflictError(f"the question has ended ({ended.end_reason})")
            if not allow:
                return self._end(conn, events, share, EndReason.DENIED)
            now = self.clock()
            changed = dataclasses.replace(
                share,
                state=ShareState.ACTIVE,
                started_at=now,
                expires_at=now + timedelta(seconds=MAX_DURATION_S),
                kiosk_seen_at=now,
            )
            self._save(conn, changed)
            self._note(conn, changed, "allowed")
            events.append(share_event(changed))
            return changed

    def seen(self, kiosk_id: int, request_id: str, share_id: str, paused: Pause) -> Share:
        """A picture or a keep-alive came from the kiosk; notes a pause that changed."""
        now = self.clock()
        with self.store.engine.connect() as conn:
            share = self._kiosk_share(conn, kiosk_id, request_id, share_id)
        if share.state is not ShareState.ACTIVE:
            raise ConflictError("the share is not active")
        recent = share.kiosk_seen_at is not None and now - share.kiosk_seen_at < SEEN_EVERY
        if recent and share.paused is paused:
            due = self._due(share)
            if due is not None:
                ended = self.settle(share.id)
                raise ConflictError(f"the share has ended ({ended.end_reason if ended else ''})")
            return share
        with self.store.write() as (conn, events):
            share = self._kiosk_share(conn, kiosk_id, request_id, share_id, lock=True)
            if share.state is not ShareState.ACTIVE:
                raise ConflictError("the share is not active")
            request = load_request(conn, request_id)
            reason = self._due(share, request)
            if reason is not None:
                self._end(conn, events, share, reason)
                raise ConflictError(f"the share has ended ({reason})")
            changed = dataclasses.replace(share, kiosk_seen_at=now, paused=paused)
            self._save(conn, changed)
            if paused is not share.paused:
                self._note(conn, changed, f"paused_{paused.value}" if paused else "resumed")
                events.append(share_event(changed))
            return changed

    def watched(self, share_id: str) -> None:
        """A supporter has the share open (its stream, every few seconds)."""
        now = self.clock()
        with self.store.write() as (conn, _events):
            conn.execute(
                update(shares)
                .where(shares.c.id == share_id, shares.c.state != ShareState.ENDED.value)
                .values(viewer_seen_at=now)
            )

    def renew(self, kiosk_id: int, request_id: str, share_id: str) -> Share:
        """ "Keep sharing", pressed by the visitor."""
        with self.store.write() as (conn, events):
            share = self._kiosk_share(conn, kiosk_id, request_id, share_id, lock=True)
            if share.state is not ShareState.ACTIVE:
                raise ConflictError("the share is not active")
            now = self.clock()
            changed = dataclasses.replace(
                share, expires_at=now + timedelta(seconds=MAX_DURATION_S), kiosk_seen_at=now
            )
            self._save(conn, changed)
            self._note(conn, changed, "renewed")
            events.append(share_event(changed))
            return changed

    def end_by_kiosk(
        self, kiosk_id: int, request_id: str, share_id: str, reason: EndReason
    ) -> Share:
        with self.store.write() as (conn, events):
            share = self._kiosk_share(conn, kiosk_id, request_id, share_id, lock=True)
            if not share.live:
                return share  # ended already (sent twice, or the server ended it first)
            return self._end(conn, events, share, reason)

    def end_by_supporter(self, request_id: str, staff_id: int) -> Share | None:
        with self.store.write() as (conn, events):
            share = self._latest(conn, request_id)
            if share is None or not share.live:
                return share
            if share.staff_id != staff_id:
                raise ConflictError("another supporter is viewing this screen")
            share = self._locked(conn, share.id) or share
            return self._end(conn, events, share, EndReason.SUPPORTER)

    def live_share_of(self, request_id: str, staff_id: int) -> Share:
        """The supporter's own active share of a request (to point or open a step)."""
        share = self.latest(request_id)
        if share is None or share.state is not ShareState.ACTIVE:
            raise ConflictError("the screen is not being shared")
        if share.staff_id != staff_id:
            raise ForbiddenError("another supporter is viewing this screen")
        return share

    # -- inside -----------------------------------------------------------------------------

    def _kiosk_share(
        self,
        conn: Connection,
        kiosk_id: int,
        request_id: str,
        share_id: str,
        *,
        lock: bool = False,
    ) -> Share:
        share = self._locked(conn, share_id) if lock else self._read(conn, share_id)
        if share is None or share.kiosk_id != kiosk_id or share.request_id != request_id:
            raise NotFoundError("no such share")
        return share

    @staticmethod
    def _read(conn: Connection, share_id: str) -> Share | None:
        row = conn.execute(select(shares).where(shares.c.id == share_id)).mappings().first()
        return from_row(row) if row else None

    @staticmethod
    def _locked(conn: Connection, share_id: str) -> Share | None:
        query = select(shares).where(shares.c.id == share_id).with_for_update()
        row = conn.execute(query).mappings().first()
        return from_row(row) if row else None

    def _end(
        self, conn: Connection, events: list[dict[str, Any]], share: Share, reason: EndReason
    ) -> Share:
        ended = dataclasses.replace(
            share,
            state=ShareState.ENDED,
            ended_at=self.clock(),
            end_reason=reason,
            supporter=None,
            paused=Pause.NONE,
        )
        self._save(conn, ended)
        self._note(conn, ended, "ended", reason.value)
        events.append(share_event(ended))
        return ended

    @staticmethod
    def _save(conn: Connection, share: Share) -> None:
        values = row_values(share)
        del values["id"]
        conn.execute(update(shares).where(shares.c.id == share.id).values(**values))

    def _note(self, conn: Connection, share: Share, kind: str, detail: str | None = None) -> None:
        conn.execute(
            share_events.insert().values(
                share_id=share.id,
                request_id=share.request_id,
                kind=kind,
                detail=detail,
                at=self.clock(),
            )
        )
