"""Which tickets a pull must leave as they are here: those with changes still waiting to be
pushed (`posko.sync.apply.pending_ticket_uuids`)."""

from __future__ import annotations

from typing import Any

from sqlalchemy import delete, update

from posko.domain.models import FollowUp
from posko.domain.status import Status
from posko.store.casework import add_note, change_status, record_chase
from posko.store.database import Store
from posko.store.merge import merge_tickets, undo_merge
from posko.store.models import OutboxRow
from posko.sync.apply import pending_ticket_uuids


def pending(store: Store) -> frozenset[str]:
    with store.engine.connect() as conn:
        return pending_ticket_uuids(conn)


def sent(store: Store) -> None:
    """What the engine does once the server accepted every waiting change."""
    with store.unit_of_work() as session:
        session.execute(delete(OutboxRow))


def test_every_kind_of_waiting_change_holds_its_ticket(store: Store, intake: Any) -> None:
    created, noted, chased, changed, parked = (intake() for _ in range(5))
    sent(store)
    assert pending(store) == frozenset()

    created_again = intake()  # ticket.created
    add_note(store, noted.uuid, "sudah dicek", officer="budi")
    record_chase(store, FollowUp(ticket_uuid=chased.uuid, asked_at=created_again.created_at,
                                 officer="budi", requested_by="warga"))
    change_status(store, changed.uuid, Status.VERIFIED, officer="budi")
    change_status(store, parked.uuid, Status.VERIFIED, officer="budi")
    with store.unit_of_work() as session:  # refused by the server: set aside, not waiting
        session.execute(update(OutboxRow).where(OutboxRow.ticket_uuid == parked.uuid)
                        .values(parked=True))
    assert pending(store) == {created_again.uuid, noted.uuid, chased.uuid, changed.uuid}
    assert created.uuid not in pending(store)


def test_a_waiting_merge_and_its_undo_hold_every_ticket_they_name(store: Store,
                                                                   intake: Any) -> None:
    survivor, first, second = intake(), intake(), intake()
    sent(store)
    record = merge_tickets(store, survivor.uuid, [first.uuid, second.uuid], officer="sekcam",
                           is_supervisor=True)
    assert pending(store) == {survivor.uuid, first.uuid, second.uuid}
    sent(store)
    undo_merge(store, record.uuid, officer="sekcam", is_supervisor=True)
    assert pending(store) == {survivor.uuid, first.uuid, second.uuid}
