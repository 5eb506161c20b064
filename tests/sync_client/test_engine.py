"""End to end: the desk's SyncEngine against the real reference server and a real SQLite DB."""

from __future__ import annotations

import json
import time
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from posko_central import models as cm
from posko_central.auth import revoke_device
from posko_central.importer import load_demo
from sqlalchemy import delete, func, select

from posko.domain.models import FollowUp
from posko.domain.status import Status
from posko.secrets import KeyringSecrets
from posko.store import casework
from posko.store.database import Store
from posko.store.models import FollowUpRow, NoteRow, OutboxRow, StatusEventRow, SyncState, TicketRow
from posko.store.search import search
from posko.sync import (
    Revoked,
    SyncClient,
    SyncEngine,
    SyncProgress,
    conflicts,
    pending_outbox,
)
from posko.sync.enrolment import META_DEVICE_ID, load_token
from tests.conftest import SAMPLE_NAME, SAMPLE_NIK, SAMPLE_PHONE
from tests.sync_client.conftest import Central, other_desk_push, status_change

Engine = Callable[..., tuple[SyncEngine, list[float]]]


def server_count(central: Central, model: Any, **where: Any) -> int:
    with central.db.read() as session:
        query = select(func.count()).select_from(model)
        for name, value in where.items():
            query = query.where(getattr(model, name) == value)
        return int(session.scalar(query) or 0)


def server_ticket(central: Central, ticket_uuid: str) -> cm.TicketRow:
    with central.db.read() as session:
        row = session.scalar(select(cm.TicketRow).where(cm.TicketRow.uuid == ticket_uuid))
        assert row is not None
        session.expunge(row)
        return row


def outbox_count(store: Store) -> int:
    with store.unit_of_work() as session:
        return int(session.scalar(select(func.count()).select_from(OutboxRow)) or 0)


def test_offline_intakes_arrive_exactly_once(enrolled: Store, central: Central,
                                             intake: Any, engine_factory: Engine) -> None:
    engine, waits = engine_factory()
    first = [intake() for _ in range(5)]
    central.stop()
    offline = engine.run_once()
    assert (offline.online, offline.error, offline.pushed) == (False, "offline", 0)
    assert 0 < len(waits) < engine.retry.attempts  # bounded retries, no real waiting
    assert outbox_count(enrolled) == 5
    more = [intake() for _ in range(3)]  # the desk keeps working offline
    central.start()
    seen: list[SyncProgress] = []
    report = engine.run_once(progress=seen.append)
    assert (report.online, report.error, report.pushed, report.parked) == (True, None, 8, 0)
    assert seen[-1].phase == "done"
    assert seen[-1].pushed == 8
    assert outbox_count(enrolled) == 0
    for ticket in first + more:
        assert server_count(central, cm.TicketRow, uuid=ticket.uuid) == 1
        assert server_count(central, cm.TicketRow, tracking_code=ticket.tracking_code) == 1
    assert server_count(central, cm.TicketRow) == 8
    # The NIK never leaves the desk; the echo of our own tickets changes nothing locally.
    with central.db.read() as session:
        assert all(t.reporter_has_nik for t in session.scalars(select(cm.TicketRow)))
    with enrolled.unit_of_work() as session:
        events = session.scalar(select(func.count()).select_from(StatusEventRow))
        niks = session.scalar(select(func.count()).select_from(TicketRow)
                              .where(TicketRow.reporter_nik_enc.is_not(None)))
    assert (events, niks) == (8, 8)
    again = engine.run_once()
    assert (again.pushed, again.error) == (0, None)
    assert server_count(central, cm.TicketRow) == 8
    # A second device of the same kecamatan sees every ticket exactly once.
    token = central.enrol_raw(desk=2)
    pulled: list[str] = []
    cursor = ""
    for _ in range(20):
        page = SyncClient(central.url, token).pull(cursor, limit=3)
        pulled += [c["uuid"] for c in page["changes"] if c["kind"] == "ticket"]
        cursor = page["next_cursor"]
        if not page["has_more"]:
            break
    assert sorted(pulled) == sorted(t.uuid for t in first + more)


def test_app_tickets_are_pulled_and_found_offline(enrolled: Store, central: Central,
                                                  engine_factory: Engine) -> None:
    load_demo(central.db, tickets=60, seed=3, same_as_desk=("31.75.04", 150, 1))
    with central.db.read() as session:
        expected = session.scalars(select(cm.TicketRow).where(
            cm.TicketRow.kecamatan_code == "31.75.04")).all()
        sample = next(t for t in expected if t.external_refs)
        sample_code, sample_ref = sample.tracking_code, sample.external_refs[0]
        ref_text = f"{sample_ref.source} {sample_ref.number}"
        sample_words = sample.description.split()[:2]
    engine, _ = engine_factory(pull_page=40)
    started = time.perf_counter()
    report = engine.run_once()
    elapsed = time.perf_counter() - started
    assert report.error is None
    assert report.pages >= 4
    central.stop()  # offline from here on
    with enrolled.unit_of_work() as session:
        local = session.scalar(select(func.count()).select_from(TicketRow))
        cursor = session.get(SyncState, "pull.cursor")
    assert local == len(expected)
    assert cursor is not None
    assert cursor.value
    assert next(t.tracking_code for t in search(enrolled, sample_code)) == sample_code
    assert sample_code in [t.tracking_code for t in search(enrolled, ref_text)]
    assert search(enrolled, " ".join(sample_words))
    print(f"pulled {len(expected)} tickets in {elapsed:.2f} s "
          f"({report.pulled / elapsed:.0f} entities/s)")
    # Offline again: nothing breaks, the cursor stays.
    offline = engine.run_once()
    assert offline.error == "offline"
    assert offline.pulled == 0


def test_chase_reaches_server_and_server_status_reaches_desk(
        enrolled: Store, central: Central, intake: Any, engine_factory: Engine) -> None:
    engine, _ = engine_factory()
    ticket = intake()
    assert engine.run_once().pushed == 1
    central.stop()
    chase = FollowUp(ticket_uuid=ticket.uuid, asked_at=datetime.now(UTC), officer="budi",
                     requested_by="Pak RT", promise="Dicek minggu ini")
    casework.record_chase(enrolled, chase)
    casework.add_note(enrolled, ticket.uuid, "Warga datang lagi", officer="budi")
    assert engine.run_once().error == "offline"
    central.start()
    assert engine.run_once().pushed == 2
    assert server_count(central, cm.FollowUpRow, uuid=chase.uuid) == 1
    assert server_count(central, cm.NoteRow) == 1
    # Another device of the kecamatan (an agency's relay) moves the status on the server.
    token = central.enrol_raw(desk=2)
    change = status_change(ticket.uuid, "verified")
    assert other_desk_push(central, token, change)[0]["result"] == "accepted"
    report = engine.run_once()
    assert report.error is None
    assert report.pulled >= 2
    with enrolled.unit_of_work() as session:
        row = session.scalar(select(TicketRow).where(TicketRow.uuid == ticket.uuid))
        assert row is not None
        assert row.status == "verified"
        assert row.reporter_nik_enc is not None  # the server's copy never wipes the NIK
        events = session.scalars(select(StatusEventRow.uuid)
                                 .where(StatusEventRow.ticket_id == row.id)).all()
        notes = session.scalar(select(func.count()).select_from(NoteRow))
    assert len(events) == 2
    assert change["entity_uuid"] in events
    assert notes == 1  # our note came back as an echo: still one
    assert engine.run_once().pulled == 0


def test_same_ticket_changed_on_both_sides_is_a_conflict(
        enrolled: Store, central: Central, intake: Any, engine_factory: Engine) -> None:
    engine, _ = engine_factory()
    ticket = intake()
    engine.run_once()
    token = central.enrol_raw(desk=2)
    other_desk_push(central, token, status_change(ticket.uuid, "not_our_authority",
                                                  agency="PLN"))
    # Offline on the desk: a status change and a note on the same ticket.
    casework.change_status(enrolled, ticket.uuid, Status.VERIFIED, officer="budi")
    note_uuid = casework.add_note(enrolled, ticket.uuid, "Sudah dicek", officer="budi")
    report = engine.run_once()
    assert (report.error, report.conflicts, report.pushed, report.parked) == (None, 1, 1, 0)
    found = conflicts(enrolled, ticket_uuid=ticket.uuid)
    assert len(found) == 1
    conflict = found[0]
    assert conflict.kind == "status.changed"
    assert conflict.field == "status"
    assert conflict.local_payload["status"] == "verified"
    assert conflict.server_version is not None
    assert conflict.server_version["status"] == "not_our_authority"
    with enrolled.unit_of_work() as session:
        row = session.scalar(select(TicketRow).where(TicketRow.uuid == ticket.uuid))
        assert row is not None
        assert row.status == "not_our_authority"
        assert session.scalar(select(NoteRow).where(NoteRow.uuid == note_uuid)) is not None
    assert server_count(central, cm.NoteRow, uuid=note_uuid) == 1  # the note is not lost
    assert outbox_count(enrolled) == 0


def test_sync_killed_before_local_commit_reruns_without_duplicates(
        enrolled: Store, central: Central, intake: Any, engine_factory: Engine,
        monkeypatch: pytest.MonkeyPatch) -> None:
    engine, _ = engine_factory(push_batch=2)
    tickets = [intake() for _ in range(3)]
    original = SyncEngine._commit_push

    def killed(self: SyncEngine, *args: Any, **kwargs: Any) -> None:
        raise RuntimeError("killed between the server's answer and the local commit")

    monkeypatch.setattr(SyncEngine, "_commit_push", killed)
    with pytest.raises(RuntimeError):
        engine.run_once()
    assert outbox_count(enrolled) == 3  # nothing left the outbox
    assert server_count(central, cm.TicketRow) == 2  # the first batch reached the server
    monkeypatch.setattr(SyncEngine, "_commit_push", original)
    report = engine.run_once()
    assert (report.error, report.pushed) == (None, 3)
    assert server_count(central, cm.TicketRow) == 3
    for ticket in tickets:
        assert server_count(central, cm.TicketRow, uuid=ticket.uuid) == 1
    assert server_count(central, cm.StatusEventRow) == 3
    # The re-run re-sent the first batch with the same key: the server replayed its answer.
    assert server_count(central, cm.IdempotencyRow) == 2


def test_revoked_token_is_reported_and_the_desk_keeps_working(
        enrolled: Store, secrets: KeyringSecrets, central: Central, intake: Any,
        engine_factory: Engine) -> None:
    engine, _ = engine_factory()
    intake()
    revoke_device(central.db, enrolled.require_meta(META_DEVICE_ID))
    report = engine.run_once()
    assert (report.error, report.online, report.pushed) == ("revoked", True, 0)
    assert "dicabut" in report.message_id
    assert "revoked" in report.message_en
    with pytest.raises(Revoked):
        SyncClient(central.url, load_token(enrolled, secrets)).pull(None)
    intake()  # offline work goes on
    assert outbox_count(enrolled) == 2
    assert server_count(central, cm.TicketRow) == 0


class Flaky:
    """Wraps the ASGI app: the first answers to /v1/changes are `status` (+ Retry-After)."""

    def __init__(self, app: Any, status: int, times: int, retry_after: str | None) -> None:
        self.app, self.status, self.left, self.retry_after = app, status, times, retry_after

    async def __call__(self, scope: Any, receive: Any, send: Any) -> None:
        if scope["type"] == "http" and scope["path"] == "/v1/changes" and self.left > 0:
            self.left -= 1
            headers = [(b"content-type", b"application/json")]
            if self.retry_after is not None:
                headers.append((b"retry-after", self.retry_after.encode()))
            await send({"type": "http.response.start", "status": self.status,
                        "headers": headers})
            await send({"type": "http.response.body", "body": b"{}"})
            return
        await self.app(scope, receive, send)


def _make_flaky(central: Central, status: int, times: int,
                retry_after: str | None) -> None:
    central.stop()
    central.app = Flaky(central.app, status, times, retry_after)
    central.start()


@pytest.mark.parametrize(("status", "retry_after"), [(429, "7"), (503, "2")])
def test_busy_server_retry_after_is_honoured(enrolled: Store, central: Central, intake: Any,
                                             engine_factory: Engine, status: int,
                                             retry_after: str) -> None:
    engine, waits = engine_factory()
    intake()
    _make_flaky(central, status, 2, retry_after)
    report = engine.run_once()
    assert (report.error, report.pushed) == (None, 1)
    assert waits == [float(retry_after)] * 2
    assert server_count(central, cm.TicketRow) == 1


def test_5xx_without_retry_after_backs_off_with_jitter_and_gives_up(
        enrolled: Store, central: Central, intake: Any, engine_factory: Engine) -> None:
    engine, waits = engine_factory()
    intake()
    _make_flaky(central, 502, 100, None)
    report = engine.run_once()
    assert (report.error, report.online, report.pushed) == ("server_busy", True, 0)
    assert len(waits) == engine.retry.attempts - 1
    for attempt, wait in enumerate(waits, start=1):
        ceiling = min(engine.retry.cap, engine.retry.base * 2 ** (attempt - 1))
        assert ceiling / 2 <= wait <= ceiling
    assert outbox_count(enrolled) == 1


def test_rejected_item_is_parked_with_a_reason_and_the_rest_go_on(
        enrolled: Store, central: Central, intake: Any, engine_factory: Engine) -> None:
    engine, _ = engine_factory()
    lost = intake()
    with enrolled.unit_of_work() as session:  # its creation never reaches the server
        session.execute(delete(OutboxRow).where(OutboxRow.entity_uuid == lost.uuid))
    casework.add_note(enrolled, lost.uuid, "Catatan", officer="budi")
    kept = intake()
    report = engine.run_once()
    assert (report.error, report.pushed, report.parked) == (None, 1, 1)
    assert server_count(central, cm.TicketRow, uuid=kept.uuid) == 1
    entries = pending_outbox(enrolled)
    assert len(entries) == 1
    assert entries[0].parked
    assert entries[0].kind == "note.added"
    assert entries[0].ticket_uuid == lost.uuid
    reason = entries[0].last_error or ""
    assert reason.startswith("ticket_not_found")
    for secret in (SAMPLE_NAME, SAMPLE_NIK, SAMPLE_PHONE, "Catatan"):
        assert secret not in reason
    # Parked rows are not re-sent on every run.
    assert engine.run_once().parked == 0


def test_outbox_items_match_the_contract(enrolled: Store, intake: Any) -> None:
    """Every desk outbox kind validates against the server's PushRequest schema."""
    from posko_central.schemas import PushRequest

    from posko.domain.models import ExternalRef
    from posko.sync.engine import to_change

    ticket = intake()
    casework.change_status(enrolled, ticket.uuid, Status.VERIFIED, officer="budi")
    casework.add_note(enrolled, ticket.uuid, "Catatan", officer="budi")
    casework.add_external_ref(enrolled, ticket.uuid, ExternalRef.parse("QLUE 1234567"),
                              officer="budi")
    casework.record_chase(enrolled, FollowUp(ticket_uuid=ticket.uuid,
                                             asked_at=datetime.now(UTC), officer="budi"))
    with enrolled.unit_of_work() as session:
        rows = session.scalars(select(OutboxRow).order_by(OutboxRow.id)).all()
        changes = [to_change(r) for r in rows]
    assert {c["kind"] for c in changes} == {"ticket.created", "status.changed", "note.added",
                                            "external_ref.added", "followup.created"}
    PushRequest.model_validate_json(json.dumps({"changes": changes}))
    # Deterministic: the same rows give the same body (a retried batch is byte-identical).
    with enrolled.unit_of_work() as session:
        again = [to_change(r) for r in session.scalars(select(OutboxRow).order_by(OutboxRow.id))]
    assert again == changes


def test_pull_throughput_of_the_full_demo(enrolled: Store, central: Central,
                                          engine_factory: Engine) -> None:
    """The demo server's data set (as `start_demo_server` loads it) pulled into a fresh desk."""
    load_demo(central.db, tickets=3000, seed=1, same_as_desk=("31.75.04", 2000, 1))
    engine, _ = engine_factory(pull_page=333)  # pages end mid-ticket: children wait
    started = time.perf_counter()
    report = engine.run_once()
    elapsed = time.perf_counter() - started
    assert report.error is None
    with enrolled.unit_of_work() as session:
        local = session.scalar(select(func.count()).select_from(TicketRow))
        events = session.scalar(select(func.count()).select_from(StatusEventRow))
        follow_ups = session.scalar(select(func.count()).select_from(FollowUpRow))
        orphans = session.get(SyncState, "pull.orphans")
    with central.db.read() as session:
        kec = select(cm.TicketRow.id).where(cm.TicketRow.kecamatan_code == "31.75.04")
        assert local == session.scalar(select(func.count()).where(cm.TicketRow.id.in_(kec)))
        assert events == session.scalar(select(func.count()).select_from(cm.StatusEventRow)
                                        .where(cm.StatusEventRow.ticket_id.in_(kec)))
        assert follow_ups == session.scalar(select(func.count()).select_from(cm.FollowUpRow)
                                            .where(cm.FollowUpRow.ticket_id.in_(kec)))
    assert orphans is None or json.loads(orphans.value) == []
    print(f"full demo: {local} tickets, {report.pulled} entities, {report.pages} pages in "
          f"{elapsed:.2f} s ({report.pulled / elapsed:.0f} entities/s)")
    assert local
    assert elapsed < 60


def test_tombstone_deletes_the_ticket_locally(enrolled: Store, central: Central, intake: Any,
                                              engine_factory: Engine) -> None:
    from posko_central.service import delete_ticket

    engine, _ = engine_factory()
    ticket = intake()
    engine.run_once()
    delete_ticket(central.db, ticket.uuid, "31.75.04")  # e.g. a UU PDP erasure request
    report = engine.run_once()
    assert report.error is None
    with enrolled.unit_of_work() as session:
        assert session.scalar(select(TicketRow).where(TicketRow.uuid == ticket.uuid)) is None
        assert session.scalar(select(func.count()).select_from(StatusEventRow)) == 0
    assert search(enrolled, ticket.tracking_code) == []


def test_a_row_that_breaks_the_whole_batch_is_found_and_parked(
        enrolled: Store, central: Central, intake: Any, engine_factory: Engine) -> None:
    """A 422 for the whole request (one malformed row) must not block the outbox."""
    engine, _ = engine_factory()
    first, broken, last = intake(), intake(), intake()
    with enrolled.unit_of_work() as session:
        row = session.scalars(select(OutboxRow)
                              .where(OutboxRow.entity_uuid == broken.uuid)).one()
        payload = json.loads(row.payload)
        payload["nik"] = "3175046708800003"  # the server refuses NIKs outright (422)
        row.payload = json.dumps(payload)
    report = engine.run_once()
    assert (report.pushed, report.parked) == (2, 1)
    assert server_count(central, cm.TicketRow, uuid=first.uuid) == 1
    assert server_count(central, cm.TicketRow, uuid=last.uuid) == 1
    assert server_count(central, cm.TicketRow, uuid=broken.uuid) == 0
    entries = pending_outbox(enrolled)
    assert [e.parked for e in entries] == [True]
    assert (entries[0].last_error or "").startswith("422")
    assert "3175046708800003" not in (entries[0].last_error or "")


def test_attachments_upload_once_and_a_rerun_sends_nothing_again(
        enrolled: Store, central: Central, intake: Any, engine_factory: Engine,
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from posko.store.attachments import add_attachment

    folder = tmp_path / "attachments"
    photo = tmp_path / "lubang.jpg"
    photo.write_bytes(b"\xff\xd8\xff" + b"jalan berlubang" * 500)
    ticket = intake()
    added = add_attachment(enrolled, folder, ticket.uuid, photo, officer="budi")
    uploads: list[str] = []
    engine, _ = engine_factory(attachment_dir=folder)
    original_put = SyncClient.put_attachment

    def counting_put(self: SyncClient, sha256: str, data: bytes) -> bool:
        uploads.append(sha256)
        return original_put(self, sha256, data)

    monkeypatch.setattr(SyncClient, "put_attachment", counting_put)
    report = engine.run_once()
    assert report.error is None
    assert uploads == [added.sha256]
    assert server_count(central, cm.AttachmentRow, sha256=added.sha256) == 1
    assert server_count(central, cm.BlobRow, sha256=added.sha256) == 1
    # The same photo on a second ticket: the server already has the bytes.
    second = intake()
    add_attachment(enrolled, folder, second.uuid, photo, officer="budi")
    assert engine.run_once().error is None
    assert uploads == [added.sha256]
    assert server_count(central, cm.AttachmentRow, sha256=added.sha256) == 2
    assert pending_outbox(enrolled) == []
