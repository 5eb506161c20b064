"""Merging tickets (store/merge.py): what moves, the events, the outbox rows of the merge
contract, supervisors only, same-day undo, and the local revert when the server refuses."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import func, select

from posko.domain.errors import DomainError, InvalidTransition
from posko.domain.models import ExternalRef, FollowUp, Source
from posko.domain.status import Status
from posko.store.audit_log import AUDIT_ACTIONS
from posko.store.casework import add_external_ref, add_note, change_status, record_chase
from posko.store.database import Store
from posko.store.merge import (
    UNDO_NOTE,
    default_survivor,
    merge_candidates,
    merge_tickets,
    merges_of,
    revert_merge_locally,
    undo_allowed,
    undo_merge,
)
from posko.store.models import AuditEntry, OutboxRow, TicketMergeRow
from posko.store.search import TicketDetail, find_ticket, search
from tests.conftest import SAMPLE_NAME, SAMPLE_NIK, SAMPLE_PHONE

JAKARTA = ZoneInfo("Asia/Jakarta")
# 10:00 in Jakarta on a Saturday.
MORNING = datetime(2026, 11, 28, 3, 0, tzinfo=UTC)


def outbox(store: Store) -> list[tuple[str, str, str, dict]]:  # type: ignore[type-arg]
    with store.unit_of_work() as session:
        return [(r.uuid, r.kind, r.entity_uuid, json.loads(r.payload)) for r in
                session.scalars(select(OutboxRow).order_by(OutboxRow.id))]


def detail(store: Store, uuid: str) -> TicketDetail:
    found = find_ticket(store, uuid)
    assert found is not None
    return found


def chase(store: Store, ticket_uuid: str, who: str, at: datetime) -> str:
    follow_up = FollowUp(ticket_uuid=ticket_uuid, asked_at=at, officer="budi",
                         requested_by=who, promise="Diteruskan ke dinas",
                         promised_by=date(2026, 12, 5))
    record_chase(store, follow_up)
    return follow_up.uuid


@pytest.fixture
def three(store: Store, intake):  # type: ignore[no-untyped-def]
    """Three tickets about one pile of rubbish: refs, chases and notes on the later two."""
    first = intake(now=MORNING - timedelta(days=3))
    second = intake(now=MORNING - timedelta(days=2), external_refs=("QLUE 7001",))
    third = intake(now=MORNING - timedelta(days=1), external_refs=("JAKI 88", "LAPOR 9"))
    chase(store, second.uuid, "Pak RT", MORNING - timedelta(hours=30))
    chase(store, third.uuid, "Bu RW (dukungan)", MORNING - timedelta(hours=20))
    add_note(store, third.uuid, "Foto dari warga menyusul", officer="budi",
             now=MORNING - timedelta(hours=19))
    change_status(store, third.uuid, Status.VERIFIED, officer="budi",
                  now=MORNING - timedelta(hours=18))
    return first, second, third


def merge(store: Store, survivor: str, merged: list[str], **kwargs):  # type: ignore[no-untyped-def]
    values = {"officer": "sekcam", "is_supervisor": True, "note": "Lokasi sama",
              "now": MORNING}
    values.update(kwargs)
    return merge_tickets(store, survivor, merged, **values)  # type: ignore[arg-type]


def test_merge_moves_refs_and_follow_ups_and_keeps_notes(store: Store, three) -> None:  # type: ignore[no-untyped-def]
    first, second, third = three
    record = merge(store, first.uuid, [second.uuid, third.uuid])
    assert record.state == "active"
    assert record.merged_uuids == (second.uuid, third.uuid)
    assert record.merged_codes == (second.tracking_code, third.tracking_code)
    survivor = detail(store, first.uuid)
    assert survivor.ticket.status is Status.RECEIVED
    assert sorted(str(r) for r in survivor.ticket.external_refs) == [
        "JAKI 88", "LAPOR 9", "QLUE 7001"]
    assert sorted(f.requested_by for f in survivor.follow_ups) == ["Bu RW (dukungan)",
                                                                    "Pak RT"]
    for ticket in (second, third):
        gone = detail(store, ticket.uuid)
        assert gone.ticket.status is Status.MERGED
        assert gone.ticket.external_refs == ()
        assert gone.follow_ups == ()
        last = gone.events[-1]
        assert (last.status, last.merged_into, last.note, last.actor) == (
            Status.MERGED, first.uuid, "Lokasi sama", "sekcam")
    # The note stays with the ticket it describes.
    assert [n.text for n in detail(store, third.uuid).notes] == ["Foto dari warga menyusul"]
    assert detail(store, first.uuid).notes == ()
    # The survivor's own timeline has no status change from the merge.
    assert [e.status for e in survivor.events] == [Status.RECEIVED]
    # A ref typed at the desk now finds the survivor (search index follows the move).
    assert [s.uuid for s in search(store, "QLUE 7001")] == [first.uuid]
    assert detail(store, "JAKI 88").ticket.uuid == first.uuid


def test_outbox_rows_follow_the_contract_and_nothing_is_deleted(store: Store, three) -> None:  # type: ignore[no-untyped-def]
    first, second, third = three
    before = outbox(store)
    record = merge(store, first.uuid, [second.uuid, third.uuid])
    after = outbox(store)
    assert after[:len(before)] == before
    assert len(after) == len(before) + 1
    _uuid, kind, entity, payload = after[-1]
    events = {t.uuid: detail(store, t.uuid).events[-1].uuid for t in (second, third)}
    assert (kind, entity) == ("ticket.merged", record.uuid)
    assert payload == {
        "uuid": record.uuid, "survivor_uuid": first.uuid, "at": MORNING.isoformat(),
        "actor": "sekcam", "note": "Lokasi sama",
        "merged": [{"ticket_uuid": second.uuid, "event_uuid": events[second.uuid]},
                   {"ticket_uuid": third.uuid, "event_uuid": events[third.uuid]}]}
    assert datetime.fromisoformat(payload["at"]).utcoffset() == timedelta(0)

    later = MORNING + timedelta(hours=2)
    undo_merge(store, record.uuid, officer="camat", is_supervisor=True, now=later,
               timezone=JAKARTA)
    final = outbox(store)
    assert final[:len(after)] == after
    assert len(final) == len(after) + 1
    undo_uuid, kind, entity, payload = final[-1]
    restoring = {t.uuid: detail(store, t.uuid).events[-1] for t in (second, third)}
    assert (kind, entity) == ("ticket.merge_undone", payload["uuid"])
    assert undo_uuid != payload["uuid"]  # the row's Idempotency-Key is its own
    assert payload == {
        "uuid": payload["uuid"], "merge_uuid": record.uuid, "at": later.isoformat(),
        "actor": "camat",
        "restored": [
            {"ticket_uuid": second.uuid, "event_uuid": restoring[second.uuid].uuid,
             "status": "received"},
            {"ticket_uuid": third.uuid, "event_uuid": restoring[third.uuid].uuid,
             "status": "verified"}]}


def test_only_supervisors_merge_and_undo(store: Store, three) -> None:  # type: ignore[no-untyped-def]
    first, second, _third = three
    count = len(outbox(store))
    with pytest.raises(DomainError) as caught:
        merge(store, first.uuid, [second.uuid], officer="budi", is_supervisor=False)
    assert caught.value.code == "not_allowed"
    assert detail(store, second.uuid).ticket.status is Status.RECEIVED
    record = merge(store, first.uuid, [second.uuid])
    with pytest.raises(DomainError) as caught:
        undo_merge(store, record.uuid, officer="budi", is_supervisor=False, now=MORNING,
                   timezone=JAKARTA)
    assert caught.value.code == "not_allowed"
    assert len(outbox(store)) == count + 1
    assert merges_of(store, first.uuid)[0].state == "active"


def test_survivor_and_merged_ticket_rules(store: Store, three, intake) -> None:  # type: ignore[no-untyped-def]
    first, second, third = three
    with pytest.raises(DomainError) as caught:
        merge(store, first.uuid, [first.uuid])
    assert caught.value.code == "merge_too_few"
    done = intake(now=MORNING - timedelta(days=4))
    for status in (Status.VERIFIED, Status.DISPATCHED, Status.IN_PROGRESS,
                   Status.AWAITING_VALIDATION, Status.DONE):
        change_status(store, done.uuid, status, officer="budi", now=MORNING - timedelta(days=1))
    count = len(outbox(store))
    with pytest.raises(InvalidTransition) as failed:
        merge(store, first.uuid, [second.uuid, done.uuid])
    assert done.tracking_code in failed.value.message_id
    # All or nothing: the allowed one was not merged either.
    assert detail(store, second.uuid).ticket.status is Status.RECEIVED
    assert [str(r) for r in detail(store, second.uuid).ticket.external_refs] == ["QLUE 7001"]
    assert len(outbox(store)) == count
    with store.unit_of_work() as session:
        assert session.scalar(select(func.count()).select_from(TicketMergeRow)) == 0
    # A done ticket may survive; a merged one may not, nor be merged again.
    merge(store, done.uuid, [second.uuid])
    with pytest.raises(DomainError) as caught:
        merge(store, second.uuid, [third.uuid])
    assert caught.value.code == "merge_survivor_merged"
    with pytest.raises(InvalidTransition):
        merge(store, third.uuid, [second.uuid])
    # Duplicates in the list count once.
    record = merge(store, first.uuid, [third.uuid, third.uuid, first.uuid])
    assert record.merged_uuids == (third.uuid,)


def test_undo_restores_statuses_and_moves_back_exactly(store: Store, three) -> None:  # type: ignore[no-untyped-def]
    first, second, third = three
    add_external_ref(store, first.uuid, ExternalRef(Source.POT, "1"), officer="budi",
                     now=MORNING - timedelta(hours=5))
    record = merge(store, first.uuid, [second.uuid, third.uuid])
    # Something added to the survivor after the merge stays with it.
    chase(store, first.uuid, "Warga lain", MORNING + timedelta(minutes=30))
    assert undo_allowed(merges_of(store, first.uuid)[0], now=MORNING + timedelta(hours=3),
                        timezone=JAKARTA)
    undo_merge(store, record.uuid, officer="camat", is_supervisor=True,
               now=MORNING + timedelta(hours=3), timezone=JAKARTA)
    survivor = detail(store, first.uuid)
    assert [str(r) for r in survivor.ticket.external_refs] == ["POT 1"]
    assert [f.requested_by for f in survivor.follow_ups] == ["Warga lain"]
    assert [str(r) for r in detail(store, second.uuid).ticket.external_refs] == ["QLUE 7001"]
    assert sorted(str(r) for r in detail(store, third.uuid).ticket.external_refs) == [
        "JAKI 88", "LAPOR 9"]
    assert [f.requested_by for f in detail(store, third.uuid).follow_ups] == [
        "Bu RW (dukungan)"]
    for ticket, status in ((second, Status.RECEIVED), (third, Status.VERIFIED)):
        events = detail(store, ticket.uuid).events
        assert detail(store, ticket.uuid).ticket.status is status
        assert [(e.status, e.note) for e in events[-2:]] == [
            (Status.MERGED, "Lokasi sama"), (status, UNDO_NOTE)]
    assert [s.uuid for s in search(store, "JAKI 88")] == [third.uuid]
    [undone] = merges_of(store, second.uuid)
    assert (undone.state, undone.undone_by) == ("undone", "camat")
    assert undone.undone_at == MORNING + timedelta(hours=3)
    # Once only.
    with pytest.raises(DomainError) as caught:
        undo_merge(store, record.uuid, officer="camat", is_supervisor=True,
                   now=MORNING + timedelta(hours=4), timezone=JAKARTA)
    assert caught.value.code == "merge_already_undone"
    # The tickets can be merged again afterwards.
    merge(store, first.uuid, [second.uuid], now=MORNING + timedelta(hours=5))
    assert detail(store, second.uuid).ticket.status is Status.MERGED


def test_undo_on_another_day_is_refused(store: Store, three) -> None:  # type: ignore[no-untyped-def]
    first, second, _third = three
    # 23:30 in Jakarta: past midnight there half an hour later, though the same UTC day.
    late = datetime(2026, 11, 28, 16, 30, tzinfo=UTC)
    record = merge(store, first.uuid, [second.uuid], now=late)
    count = len(outbox(store))
    next_day = late + timedelta(minutes=40)
    assert not undo_allowed(merges_of(store, first.uuid)[0], now=next_day, timezone=JAKARTA)
    with pytest.raises(DomainError) as caught:
        undo_merge(store, record.uuid, officer="camat", is_supervisor=True, now=next_day,
                   timezone=JAKARTA)
    assert caught.value.code == "merge_undo_too_late"
    assert detail(store, second.uuid).ticket.status is Status.MERGED
    assert len(outbox(store)) == count
    # Under UTC it would still be the same day: the desk's time zone decides.
    assert undo_allowed(merges_of(store, first.uuid)[0], now=next_day, timezone=UTC)


def test_undo_is_blocked_while_the_survivor_is_merged_elsewhere(store: Store, three) -> None:  # type: ignore[no-untyped-def]
    first, second, third = three
    inner = merge(store, second.uuid, [third.uuid])
    outer = merge(store, first.uuid, [second.uuid], now=MORNING + timedelta(minutes=5))
    with pytest.raises(DomainError) as caught:
        undo_merge(store, inner.uuid, officer="camat", is_supervisor=True,
                   now=MORNING + timedelta(hours=1), timezone=JAKARTA)
    assert caught.value.code == "merge_undo_blocked"
    undo_merge(store, outer.uuid, officer="camat", is_supervisor=True,
               now=MORNING + timedelta(hours=1), timezone=JAKARTA)
    undo_merge(store, inner.uuid, officer="camat", is_supervisor=True,
               now=MORNING + timedelta(hours=2), timezone=JAKARTA)
    assert sorted(str(r) for r in detail(store, third.uuid).ticket.external_refs) == [
        "JAKI 88", "LAPOR 9"]
    assert [str(r) for r in detail(store, second.uuid).ticket.external_refs] == ["QLUE 7001"]
    assert detail(store, first.uuid).ticket.external_refs == ()


def _state(store: Store, uuid: str) -> tuple[object, ...]:
    found = detail(store, uuid)
    return (found.ticket.status, sorted(str(r) for r in found.ticket.external_refs),
            sorted(f.uuid for f in found.follow_ups), [e.uuid for e in found.events],
            [n.text for n in found.notes])


def test_revert_merge_locally_restores_exactly_without_outbox(store: Store, three) -> None:  # type: ignore[no-untyped-def]
    tickets = three
    before = {t.uuid: _state(store, t.uuid) for t in tickets}
    record = merge(store, tickets[0].uuid, [tickets[1].uuid, tickets[2].uuid])
    rows = outbox(store)
    with store.unit_of_work() as session:
        revert_merge_locally(session, record.uuid, reason_code="already_merged")
    assert {t.uuid: _state(store, t.uuid) for t in tickets} == before
    assert outbox(store) == rows  # nothing written, nothing deleted
    assert [s.uuid for s in search(store, "QLUE 7001")] == [tickets[1].uuid]
    [refused] = merges_of(store, tickets[1].uuid)
    assert (refused.state, refused.refused_code) == ("refused", "already_merged")
    with pytest.raises(DomainError) as caught:
        undo_merge(store, record.uuid, officer="camat", is_supervisor=True, now=MORNING,
                   timezone=JAKARTA)
    assert caught.value.code == "merge_refused"
    # A second call (a repeated answer) changes nothing.
    with store.unit_of_work() as session:
        revert_merge_locally(session, record.uuid, reason_code="other")
    assert merges_of(store, tickets[1].uuid)[0].refused_code == "already_merged"


def test_revert_after_a_local_undo_removes_the_merge_from_the_timeline(store: Store, three) -> None:  # type: ignore[no-untyped-def]
    tickets = three
    before = {t.uuid: _state(store, t.uuid) for t in tickets}
    record = merge(store, tickets[0].uuid, [tickets[1].uuid, tickets[2].uuid])
    undo_merge(store, record.uuid, officer="camat", is_supervisor=True,
               now=MORNING + timedelta(hours=1), timezone=JAKARTA)
    rows = outbox(store)
    with store.unit_of_work() as session:
        revert_merge_locally(session, record.uuid, reason_code="already_merged")
    assert {t.uuid: _state(store, t.uuid) for t in tickets} == before
    assert outbox(store) == rows


def test_merges_of_lists_both_sides_and_candidates(store: Store, three) -> None:  # type: ignore[no-untyped-def]
    first, second, third = three
    candidates = merge_candidates(store, [third.uuid, first.uuid, second.uuid, "nope"])
    assert [c.tracking_code for c in candidates] == [third.tracking_code, first.tracking_code,
                                                     second.tracking_code]
    assert [(c.ref_count, c.follow_up_count) for c in candidates] == [(2, 1), (0, 0), (1, 1)]
    assert default_survivor(candidates) == first.uuid
    record = merge(store, third.uuid, [first.uuid, second.uuid])
    assert [m.uuid for m in merges_of(store, first.uuid)] == [record.uuid]
    assert [m.uuid for m in merges_of(store, third.uuid)] == [record.uuid]
    assert merges_of(store, third.uuid)[0].code_of(first.uuid) == first.tracking_code
    after = merge_candidates(store, [first.uuid, second.uuid, third.uuid])
    assert default_survivor(after) == third.uuid  # the only one not merged
    assert [(c.ref_count, c.follow_up_count) for c in after] == [(0, 0), (0, 0), (3, 2)]


def test_audit_rows_name_the_survivor_without_personal_data(store: Store, three) -> None:  # type: ignore[no-untyped-def]
    first, second, third = three
    assert {"ticket.merge", "ticket.merge_undo"} <= set(AUDIT_ACTIONS)
    record = merge(store, first.uuid, [second.uuid, third.uuid])
    undo_merge(store, record.uuid, officer="camat", is_supervisor=True,
               now=MORNING + timedelta(hours=1), timezone=JAKARTA)
    with store.unit_of_work() as session:
        entries = session.scalars(select(AuditEntry).where(
            AuditEntry.action.in_(["ticket.merge", "ticket.merge_undo"]))
            .order_by(AuditEntry.id)).all()
        rows = [(e.action, e.officer, e.entity, e.entity_uuid, e.detail) for e in entries]
    assert [r[:4] for r in rows] == [("ticket.merge", "sekcam", "ticket", first.uuid),
                                     ("ticket.merge_undo", "camat", "ticket", first.uuid)]
    assert second.tracking_code in rows[0][4]
    assert record.uuid in rows[0][4]
    for *_rest, text in rows:
        for secret in (SAMPLE_NAME, SAMPLE_NIK, SAMPLE_PHONE, SAMPLE_PHONE[3:], "Lokasi sama"):
            assert secret not in text


def _case_text(store: Store, uuid: str, tmp_path, language: str = "id") -> str:  # type: ignore[no-untyped-def]
    from posko.receipts.case import build_case_pdf
    from posko.store.case_file import case_snapshot
    from tests.receipts.helpers import reader

    case = case_snapshot(store, None, uuid, attachment_dir=tmp_path, now=MORNING,
                         timezone=JAKARTA)
    pdf = build_case_pdf(case, lang=language, printed_by="Dewi", printed_at=MORNING)
    return " ".join(" ".join(page.extract_text() for page in reader(pdf).pages).split())


def test_case_printouts_carry_the_merge_lines(store: Store, three, tmp_path) -> None:  # type: ignore[no-untyped-def]
    first, second, third = three
    record = merge(store, first.uuid, [second.uuid, third.uuid])
    survivor = _case_text(store, first.uuid, tmp_path)
    for code in (second.tracking_code, third.tracking_code):
        assert f"Tiket {code} digabung ke tiket ini: Lokasi sama" in survivor
    assert "QLUE 7001" in survivor  # the moved refs are the survivor's now
    merged = _case_text(store, second.uuid, tmp_path)
    assert f"digabung ke {first.tracking_code}: Lokasi sama" in merged
    assert first.uuid not in merged
    english = _case_text(store, first.uuid, tmp_path, "en")
    assert f"Ticket {second.tracking_code} was merged into this one" in english
    undo_merge(store, record.uuid, officer="camat", is_supervisor=True,
               now=MORNING + timedelta(minutes=10), timezone=JAKARTA)
    assert f"Penggabungan tiket {third.tracking_code} dibatalkan" in _case_text(
        store, first.uuid, tmp_path)
