"""The sync engine: push the outbox, then pull the change feed (one `run_once` per sync).

Push: outbox rows oldest first, in batches with an Idempotency-Key derived from exactly the
rows of the batch (a re-run after a crash sends the same key and the same body, and the
server answers with its first answer). A row leaves the outbox only in the local transaction
that records the server's answer. `rejected` items are parked with the reason; `conflict`
items are kept in `sync_conflicts` beside the server's version, whose status is applied.
A merge (`ticket.merged`) the server refuses with `conflict` (e.g. `already_merged`: another
desk merged one of its tickets first) is also reverted here, in the same transaction
(`posko.store.merge.revert_merge_locally`), so the desk holds the server's state plus a
visible conflict; an undo of such a merge is kept beside it instead of being parked.

Pull: from the stored cursor, page by page; each page is applied in one transaction that
also stores the cursor after it, while the next page is fetched on a worker thread (one page
ahead at most; the cursor never moves before its page is committed).

Transient failures (unreachable, timeouts, 5xx, 429, answers cut off or unreadable) are
retried with capped exponential backoff and jitter, a bounded number of times per run.
Retry-After is a lower bound on the wait (the client caps it at MAX_RETRY_AFTER); a wait
that would break the run's budget ends the run instead, and the report says when to retry.
"""

from __future__ import annotations

import hashlib
import json
import logging
import random
import threading
import time
import uuid as uuid_module
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from functools import partial
from pathlib import Path
from typing import Any, TypeVar

from sqlalchemy import delete, or_, select, update
from sqlalchemy.orm import Session

from posko.domain.errors import PoskoError
from posko.secrets import Secrets
from posko.store import merge as merging
from posko.store.attachments import blob_path
from posko.store.database import Store
from posko.store.models import OutboxRow, SyncConflict, TicketMergeRow
from posko.sync import apply
from posko.sync.client import (
    BadAnswer,
    Offline,
    RequestRefused,
    Revoked,
    ServerBusy,
    SyncClient,
    SyncError,
)
from posko.sync.enrolment import load_token, server_url

log = logging.getLogger("posko.sync")

T = TypeVar("T")

PUSH_BATCH = 50
# The contract's largest page (GET /v1/changes limit <= 1000): half the round trips and
# local commits of 500, a few hundred KB per page. Issue 9, 100,000 tickets pulled with the
# page ahead, alternated: 45.8 / 48.7 s at 1,000 vs 58.2 / 52.6 s at 500 (at 20,000 tickets
# 500 was a little faster: 7.6 / 6.6 s vs 8.3 / 8.7 s).
PULL_PAGE = 1000
EXTERNAL_REF_NAMESPACE = uuid_module.UUID("3f0c6a52-0b1e-4d7a-9a49-6c1f2b8e7d01")
LAST_SUCCESS_KEY = "sync.last_success_at"
ATTACHMENT_FILE_MISSING = (
    "attachment_file_missing: berkas lampiran hilang dari folder data; pulihkan folder "
    "'attachments' dari cadangan lalu kirim ulang (posko outbox --retry) / the attachment "
    "file is missing; restore the 'attachments' folder, then retry")


@dataclass(frozen=True, slots=True)
class RetryPolicy:
    attempts: int = 5  # HTTP tries per call, per run
    base: float = 1.0  # seconds before the 2nd try
    cap: float = 60.0  # longest single wait
    max_total_wait: float = 180.0  # longest total wait per run


@dataclass(frozen=True, slots=True)
class SyncProgress:
    phase: str  # "push" | "pull" | "done"
    pushed: int
    pulled: int
    pages: int


@dataclass(frozen=True, slots=True)
class SyncReport:
    pushed: int = 0
    parked: int = 0
    conflicts: int = 0
    pulled: int = 0
    pages: int = 0
    online: bool = False
    error: str | None = None  # a stable code: offline, server_busy, revoked, not_enrolled...
    message_id: str = ""  # for the officer (no personal data)
    message_en: str = ""
    retry_after: float | None = None  # the server asked not to be called for this long (s)


@dataclass(frozen=True, slots=True)
class OutboxEntry:
    """One pending change as `posko outbox` lists it (no payload: it holds personal data)."""

    uuid: str
    created_at: datetime
    kind: str
    entity_uuid: str
    ticket_uuid: str
    attempts: int
    parked: bool
    last_error: str | None


@dataclass(frozen=True, slots=True)
class ConflictEntry:
    id: int
    ticket_uuid: str
    kind: str
    code: str
    field: str | None
    local_payload: dict[str, Any]
    server_version: dict[str, Any] | None
    created_at: datetime
    resolved_at: datetime | None


MERGED_KIND, MERGE_UNDONE_KIND, MERGE_KINDS = (apply.MERGED_KIND, apply.MERGE_UNDONE_KIND,
                                               apply.MERGE_KINDS)
# What the contract accepts in a merge payload (desk-only extras are not sent: a Strict
# server schema would refuse the whole change).
_MERGE_FIELDS = {
    MERGED_KIND: ("uuid", "survivor_uuid", "at", "actor", "note", "merged"),
    MERGE_UNDONE_KIND: ("uuid", "merge_uuid", "at", "actor", "restored"),
}
_MERGE_ITEM_FIELDS = {"merged": ("ticket_uuid", "event_uuid"),
                      "restored": ("ticket_uuid", "event_uuid", "status")}


def _ticket_uuid_of(kind: str, entity_uuid: str, payload: dict[str, Any]) -> str:
    if kind == "ticket.created":
        return entity_uuid
    if kind == MERGED_KIND:
        return str(payload.get("survivor_uuid", ""))
    if kind == MERGE_UNDONE_KIND:  # the first ticket it restores (the survivor is not named)
        restored = payload.get("restored")
        first = restored[0] if isinstance(restored, list) and restored else {}
        return str(first.get("ticket_uuid", "")) if isinstance(first, dict) else ""
    return str(payload.get("ticket_uuid", ""))


def pending_outbox(store: Store, *, include_parked: bool = True) -> list[OutboxEntry]:
    """Outbox rows oldest first (parked ones carry the reason in `last_error`)."""
    with store.unit_of_work() as session:
        query = select(OutboxRow).order_by(OutboxRow.id)
        if not include_parked:
            query = query.where(OutboxRow.parked.is_(False))
        entries = []
        for row in session.scalars(query):
            try:
                payload = json.loads(row.payload)
            except ValueError:
                payload = {}
            entries.append(OutboxEntry(
                uuid=row.uuid, created_at=row.created_at, kind=row.kind,
                entity_uuid=row.entity_uuid,
                ticket_uuid=_ticket_uuid_of(row.kind, row.entity_uuid, payload),
                attempts=row.attempts, parked=row.parked, last_error=row.last_error))
        return entries


def retry_parked(store: Store, outbox_uuid: str | None = None) -> int:
    """Un-park one (or every) parked row so the next sync sends it again."""
    with store.unit_of_work() as session:
        stmt = update(OutboxRow).where(OutboxRow.parked.is_(True))
        if outbox_uuid is not None:
            stmt = stmt.where(OutboxRow.uuid == outbox_uuid)
        result = session.execute(stmt.values(parked=False))
        return int(result.rowcount)  # type: ignore[attr-defined]


def conflicts(store: Store, *, ticket_uuid: str | None = None,
              include_resolved: bool = False) -> list[ConflictEntry]:
    """Conflicts oldest first; for one ticket: its own, and every merge conflict that names
    it (a refused merge shows on the survivor and on each ticket it would have merged)."""
    with store.unit_of_work() as session:
        query = select(SyncConflict).order_by(SyncConflict.id)
        if ticket_uuid is not None:
            # A UUID holds no LIKE wildcards; merge conflicts are few.
            query = query.where(or_(
                SyncConflict.ticket_uuid == ticket_uuid,
                SyncConflict.kind.in_(MERGE_KINDS)
                & SyncConflict.local_payload.contains(ticket_uuid)))
        if not include_resolved:
            query = query.where(SyncConflict.resolved_at.is_(None))
        return [ConflictEntry(
            id=r.id, ticket_uuid=r.ticket_uuid, kind=r.kind, code=r.code, field=r.field,
            local_payload=json.loads(r.local_payload),
            server_version=json.loads(r.server_version) if r.server_version else None,
            created_at=r.created_at, resolved_at=r.resolved_at)
            for r in session.scalars(query)]


def resolve_conflict(store: Store, conflict_id: int, *, now: datetime | None = None) -> None:
    with store.unit_of_work() as session:
        row = session.get(SyncConflict, conflict_id)
        if row is not None and row.resolved_at is None:
            row.resolved_at = now or datetime.now(UTC)


def to_change(row: OutboxRow) -> dict[str, Any]:
    """The contract's change item for an outbox row (desk-only fields dropped)."""
    payload: dict[str, Any] = json.loads(row.payload)
    entity_uuid = row.entity_uuid
    if row.kind == "status.changed":
        payload.pop("previous", None)
    elif row.kind == "note.added":
        payload.pop("internal", None)
    elif row.kind == "external_ref.added" and "uuid" not in payload:
        # Older desk rows name the ticket as entity; the contract wants the ref's own UUID.
        entity_uuid = str(uuid_module.uuid5(EXTERNAL_REF_NAMESPACE, row.uuid))
        payload["uuid"] = entity_uuid
    elif row.kind == "attachment.added":
        payload.setdefault("created_at", row.created_at.isoformat())
    elif row.kind in _MERGE_FIELDS:
        payload = {k: v for k, v in payload.items() if k in _MERGE_FIELDS[row.kind]}
        for key, fields in _MERGE_ITEM_FIELDS.items():
            if isinstance(payload.get(key), list):
                payload[key] = [{k: v for k, v in item.items() if k in fields}
                                if isinstance(item, dict) else item for item in payload[key]]
    return {"id": row.uuid, "kind": row.kind, "entity_uuid": entity_uuid,
            "created_at": row.created_at.isoformat(), "payload": payload}


def _merge_refused(session: Session, merge_uuid: Any) -> bool:
    """The local merge was refused by the server (and reverted here)."""
    if not merge_uuid:
        return False
    state = session.scalar(select(TicketMergeRow.state)
                           .where(TicketMergeRow.uuid == str(merge_uuid)))
    return state == merging.REFUSED


def batch_key(row_uuids: Sequence[str]) -> str:
    """Idempotency-Key for exactly these rows (same rows -> same key after a crash)."""
    digest = hashlib.sha256("\n".join(row_uuids).encode("ascii")).hexdigest()
    return f"desk-batch-{len(row_uuids)}-{digest[:48]}"


@dataclass
class _Counts:
    pushed: int = 0
    parked: int = 0
    conflicts: int = 0
    pulled: int = 0
    pages: int = 0
    waited: float = 0.0
    online: bool = False
    notes: list[str] = field(default_factory=list)


class SyncEngine:
    """Push then pull, once per `run_once`. Safe to call again after any failure."""

    def __init__(self, store: Store, secrets: Secrets, *,
                 clock: Callable[[], datetime] = lambda: datetime.now(UTC),
                 sleep: Callable[[float], None] = time.sleep,
                 retry: RetryPolicy = RetryPolicy(),
                 rng: random.Random | None = None,
                 attachment_dir: Path | None = None,
                 push_batch: int = PUSH_BATCH, pull_page: int = PULL_PAGE,
                 max_batches: int = 2000, max_pages: int = 10_000,
                 client_factory: Callable[[str, str], SyncClient] | None = None) -> None:
        self.store = store
        self.secrets = secrets
        self.clock = clock
        self.sleep = sleep
        self.retry = retry
        self.rng = rng or random.Random()
        self.attachment_dir = attachment_dir
        self.push_batch = max(1, min(push_batch, 500))
        self.pull_page = max(1, min(pull_page, 1000))
        self.max_batches = max_batches
        self.max_pages = max_pages
        self._client_factory = client_factory or (lambda url, token: SyncClient(url, token))

    # --- public ------------------------------------------------------------------------

    def run_once(self, progress: Callable[[SyncProgress], None] | None = None) -> SyncReport:
        """Push, then pull. Never raises a sync/network error: the report says what happened."""
        counts = _Counts()

        def tell(phase: str) -> None:
            if progress is not None:
                progress(SyncProgress(phase, counts.pushed, counts.pulled, counts.pages))

        try:
            token = load_token(self.store, self.secrets)
            url = server_url(self.store)
            with self._client_factory(url, token) as client:
                self._push(client, counts, tell)
                self._pull(client, counts, tell)
            with self.store.unit_of_work() as session:
                apply.set_state(session.connection(), LAST_SUCCESS_KEY,
                                self.clock().isoformat())
        except PoskoError as exc:
            if isinstance(exc, SyncError) and not isinstance(exc, Offline | BadAnswer):
                counts.online = True  # the server answered (even if with a refusal)
            if isinstance(exc, Offline):
                counts.online = False
            log.info("sync ended early: %s", exc.code)
            tell("done")
            return self._report(counts, exc)
        tell("done")
        return self._report(counts, None)

    def probe(self) -> bool:
        """GET /healthz: drives the online/offline indicator."""
        try:
            url = server_url(self.store)
        except PoskoError:
            return False
        with SyncClient(url) as client:
            return client.healthz()

    # --- retries -----------------------------------------------------------------------

    def _with_retry(self, counts: _Counts, call: Callable[[], T],
                    stop: threading.Event | None = None) -> T:
        attempt = 0
        while True:
            attempt += 1
            try:
                result = call()
                counts.online = True
                return result
            except (Offline, ServerBusy) as exc:
                if isinstance(exc, ServerBusy) and not isinstance(exc, BadAnswer):
                    counts.online = True  # the server itself answered
                if attempt >= self.retry.attempts or (stop is not None and stop.is_set()):
                    raise
                delay = self._delay(attempt, exc)
                if counts.waited + delay > self.retry.max_total_wait:
                    raise
                counts.waited += delay
                log.info("sync: %s, retry %d in %.1f s", exc.code, attempt, delay)
                self.sleep(delay)
                if stop is not None and stop.is_set():
                    raise  # a page fetched ahead that is no longer wanted

    def _delay(self, attempt: int, exc: SyncError) -> float:
        ceiling = min(self.retry.cap, self.retry.base * 2.0 ** (attempt - 1))
        # "Equal jitter": at least half the backoff, so retries stay spread but not instant.
        backoff = ceiling / 2 + self.rng.uniform(0, ceiling / 2)
        if isinstance(exc, ServerBusy) and exc.retry_after is not None:
            # The server's wait is a minimum ("Retry-After: 0" must not make us spin); the
            # client already capped it at MAX_RETRY_AFTER.
            return max(float(exc.retry_after), backoff)
        return backoff

    # --- push --------------------------------------------------------------------------

    def _next_batch(self, size: int) -> list[OutboxRow]:
        with self.store.unit_of_work() as session:
            return list(session.scalars(
                select(OutboxRow).where(OutboxRow.parked.is_(False))
                .order_by(OutboxRow.id).limit(size)))

    def _push(self, client: SyncClient, counts: _Counts,
              tell: Callable[[str], None]) -> None:
        size = self.push_batch
        for _ in range(self.max_batches):
            batch = self._next_batch(size)
            if not batch:
                return
            changes = [to_change(row) for row in batch]
            key = batch_key([row.uuid for row in batch])
            try:
                results = self._with_retry(counts, partial(client.push, changes, key))
            except RequestRefused as exc:
                if exc.status not in (400, 413, 422):
                    raise
                if len(batch) > 1:
                    # One bad row must not block the outbox: go row by row to find it.
                    size = 1
                    continue
                self._park(batch[0], f"{exc.status} {exc.server_code}", counts)
                size = self.push_batch
                continue
            gone = self._files_gone(batch, results)
            uploads_failed = self._upload_attachments(client, counts, batch, results)
            self._commit_push(batch, changes, results, counts, keep=uploads_failed)
            for row in gone:  # no retry brings a deleted file back: park it, say why
                self._park(row, ATTACHMENT_FILE_MISSING, counts)
            tell("push")
            if (all(r.get("result") == "accepted" for r in results)
                    and uploads_failed - {row.uuid for row in gone}):
                return  # the files wait for the next run; don't spin on the same batch

    def _files_gone(self, batch: Sequence[OutboxRow],
                    results: Sequence[dict[str, Any]]) -> list[OutboxRow]:
        """Rows whose file the server wants but which is no longer in the attachment folder."""
        if self.attachment_dir is None:
            return []
        gone = []
        for row, result in zip(batch, results, strict=True):
            if result.get("result") == "accepted" and result.get("upload_needed"):
                sha256 = str(json.loads(row.payload).get("sha256", ""))
                if not blob_path(self.attachment_dir, sha256).is_file():
                    gone.append(row)
        return gone

    def _park(self, row: OutboxRow, reason: str, counts: _Counts) -> None:
        """Set one refused row aside with the server's code (never its payload)."""
        with self.store.unit_of_work() as session:
            session.execute(update(OutboxRow).where(OutboxRow.id == row.id).values(
                parked=True, attempts=OutboxRow.attempts + 1, last_error=reason[:500]))
        counts.parked += 1

    def _upload_attachments(self, client: SyncClient, counts: _Counts,
                            batch: Sequence[OutboxRow],
                            results: Sequence[dict[str, Any]]) -> set[str]:
        """PUT files the server asked for; returns outbox uuids whose file is still missing."""
        missing: set[str] = set()
        for row, result in zip(batch, results, strict=True):
            if result.get("result") != "accepted" or not result.get("upload_needed"):
                continue
            sha256 = str(json.loads(row.payload).get("sha256", ""))
            path = blob_path(self.attachment_dir, sha256) if self.attachment_dir else None
            if path is None or not path.is_file():
                missing.add(row.uuid)
                continue
            data = path.read_bytes()
            try:
                self._with_retry(counts, partial(client.put_attachment, sha256, data))
            except (Offline, ServerBusy):
                missing.add(row.uuid)
        return missing

    def _commit_push(self, batch: Sequence[OutboxRow], changes: Sequence[dict[str, Any]],
                     results: Sequence[dict[str, Any]], counts: _Counts, *,
                     keep: set[str]) -> None:
        """Record the server's answers and drop answered rows, in one local transaction."""
        now = self.clock()
        pushed = parked = conflicted = 0
        with self.store.unit_of_work() as session:
            conn = session.connection()
            for row, change, result in zip(batch, changes, results, strict=True):
                outcome = result.get("result")
                if outcome == "accepted":
                    if row.uuid in keep:
                        continue
                    session.execute(delete(OutboxRow).where(OutboxRow.id == row.id))
                    pushed += 1
                elif outcome == "conflict":
                    server_version = result.get("server_version")
                    error = result.get("error") or {}
                    self._record_conflict(session, row, change, error, server_version, now)
                    if row.kind == MERGED_KIND:
                        # The server refused the whole merge: put the tickets back as they
                        # were before it (no outbox rows), then take the server's version.
                        merging.revert_merge_locally(
                            session, str(change["payload"]["uuid"]),
                            reason_code=str(error.get("code", "conflict")))
                        session.flush()
                    if server_version:  # the server wins on status
                        apply.upsert_tickets(conn, [server_version])
                    session.execute(delete(OutboxRow).where(OutboxRow.id == row.id))
                    conflicted += 1
                elif row.kind == MERGE_UNDONE_KIND and _merge_refused(
                        session, change["payload"].get("merge_uuid")):
                    # The undo of a merge the server refused: there is nothing left to undo
                    # (the merge was reverted here). Kept beside the refusal, not parked.
                    self._record_conflict(session, row, change, result.get("error") or {},
                                          None, now)
                    session.execute(delete(OutboxRow).where(OutboxRow.id == row.id))
                    conflicted += 1
                else:
                    error = result.get("error") or {}
                    # Server texts are fixed messages (no request data is echoed into them).
                    reason = f"{error.get('code', 'rejected')}: {error.get('message_id', '')}"
                    if error.get("field"):
                        reason += f" ({error['field']})"
                    session.execute(update(OutboxRow).where(OutboxRow.id == row.id).values(
                        parked=True, attempts=OutboxRow.attempts + 1, last_error=reason[:500]))
                    parked += 1
        counts.pushed += pushed
        counts.parked += parked
        counts.conflicts += conflicted

    @staticmethod
    def _record_conflict(session: Session, row: OutboxRow, change: dict[str, Any],
                         error: dict[str, Any], server_version: dict[str, Any] | None,
                         now: datetime) -> None:
        """Keep a conflict answer beside the server's version (the officer sees both)."""
        ticket_uuid = _ticket_uuid_of(row.kind, row.entity_uuid, change["payload"])
        field_name = str(error["field"])[:64] if error.get("field") else None
        if row.kind in MERGE_KINDS:
            # The conflict is about the ticket the server sent back (e.g. the one it had
            # already merged); the server's field names a list of the payload, not a
            # ticket field, so the detail shows the merge's note beside the server status.
            if server_version and server_version.get("uuid"):
                ticket_uuid = str(server_version["uuid"])
            elif row.kind == MERGE_UNDONE_KIND:  # its payload does not name the survivor
                ticket_uuid = session.scalar(select(TicketMergeRow.survivor_uuid).where(
                    TicketMergeRow.uuid == str(change["payload"].get("merge_uuid")))
                ) or ticket_uuid
            field_name = None
        session.add(SyncConflict(
            ticket_uuid=ticket_uuid, outbox_uuid=row.uuid, kind=row.kind,
            code=str(error.get("code", "conflict"))[:64], field=field_name,
            local_payload=row.payload,
            server_version=(json.dumps(server_version, ensure_ascii=False)
                            if server_version else None),
            created_at=now))
        session.flush()

    # --- pull --------------------------------------------------------------------------

    def _pull(self, client: SyncClient, counts: _Counts,
              tell: Callable[[str], None]) -> None:
        """Page through the feed from the stored cursor.

        While page n is applied, page n+1 is already being fetched on one worker thread (at
        most one page ahead, read only): the server's work and the local apply overlap. The
        cursor still moves only inside the transaction that applies its page, so a crash or
        an error anywhere leaves the stored cursor at the last committed page; a page fetched
        ahead and not applied is simply dropped.
        """
        with self.store.unit_of_work() as session:
            cursor = apply.get_state(session.connection(), apply.CURSOR_KEY)
        stop = threading.Event()

        def fetch(after: str | None) -> dict[str, Any] | None:
            if stop.is_set():  # the run ended before this page was needed
                return None
            return self._with_retry(counts, partial(client.pull, after, self.pull_page),
                                    stop=stop)

        restarted = False
        with ThreadPoolExecutor(max_workers=1, thread_name_prefix="posko-pull") as pool:
            ahead: Future[dict[str, Any] | None] | None = None
            try:
                for _ in range(self.max_pages):
                    try:
                        page = ahead.result() if ahead is not None else fetch(cursor)
                    except RequestRefused as exc:
                        if exc.status == 410 and not restarted:  # the server's DB was replaced
                            restarted = True
                            ahead = None
                            self._reset_cursor()
                            cursor = None
                            continue
                        raise
                    ahead = None
                    assert page is not None  # only a stopped fetch answers None
                    changes = page.get("changes") or []
                    next_cursor = str(page["next_cursor"])
                    if page.get("has_more") and not changes and next_cursor == (cursor or ""):
                        raise BadAnswer(200)  # "more" but no step forward: don't spin on it
                    if page.get("has_more"):
                        ahead = pool.submit(fetch, next_cursor)
                    self._commit_page(changes, next_cursor, counts)
                    cursor = next_cursor
                    counts.pages += 1
                    tell("pull")
                    if not page.get("has_more"):
                        return
            finally:
                # A page fetched ahead that will not be applied: no retries for it; leaving
                # the `with` waits for its request (bounded by the client's deadline).
                stop.set()

    def _commit_page(self, changes: list[dict[str, Any]], next_cursor: str,
                     counts: _Counts) -> None:
        try:
            with self._unit() as conn:
                keep = apply.pending_ticket_uuids(conn)
                result = apply.apply_page(conn, changes, next_cursor, keep_local=keep)
        except (KeyError, TypeError, ValueError) as exc:
            # A page the client's shape check let through but whose data cannot be applied:
            # nothing of it (nor the cursor) was stored. Say so instead of crashing the run.
            if isinstance(exc, PoskoError):
                raise
            log.warning("sync: pulled page not applicable (%s); cursor kept",
                        type(exc).__name__)
            raise BadAnswer(200) from None
        counts.pulled += result.applied

    def _reset_cursor(self) -> None:
        with self._unit() as conn:
            apply.set_state(conn, apply.CURSOR_KEY, "")

    @contextmanager
    def _unit(self) -> Iterator[Any]:
        with self.store.unit_of_work() as session:
            yield session.connection()

    # --- report ------------------------------------------------------------------------

    @staticmethod
    def _report(counts: _Counts, exc: PoskoError | None) -> SyncReport:
        return SyncReport(
            pushed=counts.pushed, parked=counts.parked, conflicts=counts.conflicts,
            pulled=counts.pulled, pages=counts.pages,
            online=counts.online and not isinstance(exc, Offline),
            error=None if exc is None else exc.code,
            message_id="" if exc is None else exc.message_id,
            message_en="" if exc is None else exc.message_en,
            retry_after=exc.retry_after if isinstance(exc, ServerBusy) else None)


__all__ = ["ConflictEntry", "OutboxEntry", "RetryPolicy", "Revoked", "SyncEngine",
           "SyncProgress", "SyncReport", "conflicts", "pending_outbox", "resolve_conflict",
           "retry_parked", "to_change"]
