"""Status changes, notes, refs, chases and duplicate candidates, each atomic with its outbox row."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest
from sqlalchemy import select

from posko.domain.duplicates import DuplicateDraft
from posko.domain.errors import DomainError, InvalidTransition
from posko.domain.models import ExternalRef, FollowUp, Location, Source
from posko.domain.status import Status
from posko.store.casework import (
    add_external_ref,
    add_note,
    change_status,
    duplicate_suggestions,
    record_chase,
)
from posko.store.database import Store
from posko.store.errors import NotFound
from posko.store.models import OutboxRow
from posko.store.search import find_ticket


def outbox_kinds(store: Store) -> list[str]:
    with store.unit_of_work() as session:
        return list(session.scalars(select(OutboxRow.kind).order_by(OutboxRow.id)))


def test_status_follows_the_state_machine(store: Store, intake) -> None:  # type: ignore[no-untyped-def]
    ticket = intake()
    change_status(store, ticket.uuid, Status.VERIFIED, officer="budi")
    with pytest.raises(InvalidTransition):
        change_status(store, ticket.uuid, Status.DONE, officer="budi")
    detail = find_ticket(store, ticket.tracking_code)
    assert detail is not None
    assert detail.ticket.status is Status.VERIFIED
    assert [e.status for e in detail.events] == [Status.RECEIVED, Status.VERIFIED]
    assert outbox_kinds(store) == ["ticket.created", "status.changed"]


def test_reject_and_merge_need_a_supervisor(store: Store, intake) -> None:  # type: ignore[no-untyped-def]
    ticket, other = intake(), intake()
    with pytest.raises(DomainError) as caught:
        change_status(store, ticket.uuid, Status.REJECTED, officer="budi", note="spam")
    assert caught.value.code == "not_allowed"
    change_status(store, ticket.uuid, Status.MERGED, officer="camat", is_supervisor=True,
                  merged_into=other.tracking_code)
    detail = find_ticket(store, ticket.tracking_code)
    assert detail is not None
    assert detail.events[-1].merged_into == other.tracking_code


def test_notes_refs_and_chases(store: Store, intake) -> None:  # type: ignore[no-untyped-def]
    ticket = intake()
    add_note(store, ticket.uuid, "Warga datang lagi", officer="budi")
    with pytest.raises(DomainError):
        add_note(store, ticket.uuid, "  ", officer="budi")
    add_external_ref(store, ticket.uuid, ExternalRef(Source.QLUE, "555"), officer="budi")
    second = intake()
    with pytest.raises(DomainError) as caught:
        add_external_ref(store, second.uuid, ExternalRef(Source.QLUE, "555"), officer="budi")
    assert ticket.tracking_code in caught.value.message_en
    record_chase(store, FollowUp(ticket_uuid=ticket.uuid, asked_at=datetime.now(UTC),
                                 officer="budi", requested_by="Pak RT",
                                 promise="Diteruskan ke Sudin", promised_by=date(2026, 12, 5)))
    detail = find_ticket(store, "QLUE 555")
    assert detail is not None
    assert detail.ticket.uuid == ticket.uuid
    assert detail.follow_ups[0].promise == "Diteruskan ke Sudin"
    assert outbox_kinds(store).count("followup.created") == 1
    assert "note.added" in outbox_kinds(store)
    with pytest.raises(NotFound):
        add_note(store, "missing", "x", officer="budi")


def test_duplicate_candidates_from_the_db(store: Store, intake) -> None:  # type: ignore[no-untyped-def]
    near = intake(description="Sampah menumpuk di depan pasar, bau sekali")
    intake(category="jalan_rusak", description="Jalan berlubang",
           location=Location("31.75.04.1001", rw=1, rt=1))
    draft = DuplicateDraft(category="sampah", kelurahan_code="31.75.04.1005",
                           description="sampah menumpuk depan pasar", rw=5, rt=3,
                           created_at=datetime.now(UTC) + timedelta(minutes=1))
    suggestions = duplicate_suggestions(store, draft)
    assert [s.ticket_uuid for s in suggestions] == [near.uuid]
    same_phone = duplicate_suggestions(store, DuplicateDraft(
        category="pju", kelurahan_code="31.75.04.1007", description="lampu mati",
        created_at=datetime.now(UTC), phone="0812-3456-7890"))
    assert near.uuid in {s.ticket_uuid for s in same_phone}
