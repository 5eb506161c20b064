"""Ticket merges between desks, through the real reference server: desk A merges and syncs,
desk B pulls the merged statuses and the moved refs / follow-ups (also ones A never saw);
an undo syncs the same way; a merge the server already made elsewhere comes back to the
offline desk as a visible conflict, its local merge reverted, nothing unsent lost."""

from __future__ import annotations

import json
import os
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import pytest
from posko_central import models as cm
from sqlalchemy import select

from posko.domain.models import FollowUp
from posko.domain.status import Status
from posko.secrets import KeyringSecrets
from posko.store.casework import add_note, record_chase
from posko.store.database import Store
from posko.store.desk import initialise_desk
from posko.store.merge import merge_tickets, merges_of, undo_merge
from posko.store.models import (
    ExternalRefRow,
    FollowUpRow,
    NoteRow,
    OutboxRow,
    StatusEventRow,
    SyncConflict,
    TicketRow,
)
from posko.store.search import find_ticket, search
from posko.sync import SyncReport, conflicts, enrol, pending_outbox
from posko.sync.engine import to_change
from posko.ui.context import DeskContext
from tests.conftest import TEST_KECAMATAN
from tests.sync_client.conftest import Central, enrol_device, no_sleep_engine
from tests.ui.conftest import desk_context, desk_settings, open_detail, rows  # noqa: F401

# The ticket detail test needs Qt; headless like the UI tests.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


@pytest.fixture
def desk_b(tmp_path: Path, secrets: KeyringSecrets, central: Central) -> Iterator[Store]:
    """Desk 2 of the same kecamatan, with its own DB, enrolled with `central`."""
    store = Store.open(tmp_path / "desk2.sqlite3")
    initialise_desk(store, secrets, kecamatan_code=TEST_KECAMATAN, desk_number=2)
    enrol(store, secrets, central.url, central.add_device(desk=2))
    yield store
    store.close()


def sync(store: Store, secrets: KeyringSecrets, **engine: Any) -> SyncReport:
    run, _waits = no_sleep_engine(store, secrets, **engine)
    report = run.run_once()
    assert report.error is None, report.error
    return report


def clean_sync(store: Store, secrets: KeyringSecrets, **engine: Any) -> SyncReport:
    report = sync(store, secrets, **engine)
    assert (report.parked, report.conflicts) == (0, 0)
    assert pending_outbox(store) == []
    return report


def chase(store: Store, ticket_uuid: str, who: str = "warga RT 03") -> str:
    follow_up = FollowUp(ticket_uuid=ticket_uuid, asked_at=datetime.now(UTC), officer="budi",
                         requested_by=who, promise="Diteruskan ke dinas",
                         promised_by=date(2030, 1, 2))
    record_chase(store, follow_up)
    return follow_up.uuid


def merge(store: Store, survivor: str, *merged: str) -> str:
    return merge_tickets(store, survivor, list(merged), officer="camat", is_supervisor=True,
                         note="laporan yang sama").uuid


@dataclass(frozen=True)
class State:
    """What a desk and the server must agree on, per ticket."""

    status: str
    refs: frozenset[str]
    follow_ups: frozenset[str]
    events: frozenset[tuple[str, str, str | None]]  # (uuid, status, merged_into)


def server_state(central: Central, uuids: list[str]) -> dict[str, State]:
    found = {}
    with central.db.read() as session:
        for ticket in session.scalars(select(cm.TicketRow).where(cm.TicketRow.uuid.in_(uuids))):
            refs = session.scalars(select(cm.ExternalRefRow).where(
                cm.ExternalRefRow.ticket_id == ticket.id)).all()
            found[ticket.uuid] = State(
                ticket.status, frozenset(f"{r.source} {r.number}" for r in refs),
                frozenset(session.scalars(select(cm.FollowUpRow.uuid).where(
                    cm.FollowUpRow.ticket_id == ticket.id))),
                frozenset(tuple(e) for e in session.execute(
                    select(cm.StatusEventRow.uuid, cm.StatusEventRow.status,
                           cm.StatusEventRow.merged_into)
                    .where(cm.StatusEventRow.ticket_id == ticket.id))))
    return found


def desk_state(store: Store, uuids: list[str]) -> dict[str, State]:
    found = {}
    with store.unit_of_work() as session:
        for ticket in session.scalars(select(TicketRow).where(TicketRow.uuid.in_(uuids))):
            refs = session.scalars(select(ExternalRefRow).where(
                ExternalRefRow.ticket_id == ticket.id)).all()
            found[ticket.uuid] = State(
                ticket.status, frozenset(f"{r.source} {r.number}" for r in refs),
                frozenset(session.scalars(select(FollowUpRow.uuid).where(
                    FollowUpRow.ticket_id == ticket.id))),
                frozenset(tuple(e) for e in session.execute(
                    select(StatusEventRow.uuid, StatusEventRow.status,
                           StatusEventRow.merged_into)
                    .where(StatusEventRow.ticket_id == ticket.id))))
    return found


def found_by_search(store: Store, typed: str) -> set[str]:
    return {summary.uuid for summary in search(store, typed)}


# ------------------------------------------------------------------------------ happy path


@pytest.mark.parametrize("pull_page", [1, 1000], ids=["page-per-item", "one-page"])
def test_merge_and_undo_reach_the_other_desk(enrolled: Store, desk_b: Store, central: Central,
                                             secrets: KeyringSecrets, intake: Any,
                                             pull_page: int) -> None:
    survivor = intake().uuid
    first = intake(external_refs=("QLUE 7001",)).uuid
    second = intake().uuid
    tickets = [survivor, first, second]
    asked = chase(enrolled, first)
    clean_sync(enrolled, secrets)
    clean_sync(desk_b, secrets, pull_page=pull_page)  # desk B knows the three tickets
    # A third device of the kecamatan adds a ref and a chase on the second ticket that
    # desk A never pulls before it merges: the server moves them too.
    other = enrol_device(central, desk=3)
    unseen_ref = {"uuid": str(uuid.uuid4()), "ticket_uuid": second, "source": "JAKI",
                  "number": "5555", "officer": "ani"}
    other.push("external_ref.added", unseen_ref)
    unseen_chase = {"uuid": str(uuid.uuid4()), "ticket_uuid": second,
                    "asked_at": datetime.now(UTC).isoformat(), "officer": "ani",
                    "requested_by": "warga", "promise": "dicek"}
    other.push("followup.created", unseen_chase)

    merge_uuid = merge(enrolled, survivor, first, second)
    report = clean_sync(enrolled, secrets)
    assert report.pushed == 1
    server = server_state(central, tickets)
    assert server[first].status == server[second].status == "merged"
    assert server[survivor].refs == {"QLUE 7001", "JAKI 5555"}
    assert server[survivor].follow_ups == {asked, unseen_chase["uuid"]}
    # Desk A pulled what it did not know, onto the survivor; both desks match the server.
    assert desk_state(enrolled, tickets) == server
    clean_sync(desk_b, secrets, pull_page=pull_page)
    assert desk_state(desk_b, tickets) == server
    merged_events = {e for e in server[first].events if e[1] == "merged"}
    assert [e[2] for e in merged_events] == [survivor]
    found = find_ticket(desk_b, "QLUE 7001")
    assert found is not None
    assert found.ticket.uuid == survivor
    assert found_by_search(desk_b, "7001") == {survivor}  # the search index moved too
    assert found_by_search(desk_b, "5555") == {survivor}

    undo_merge(enrolled, merge_uuid, officer="camat", is_supervisor=True)
    clean_sync(enrolled, secrets)
    server = server_state(central, tickets)
    assert server[first].status == server[second].status == "received"
    assert server[first].refs == {"QLUE 7001"}
    assert server[second].refs == {"JAKI 5555"}
    assert server[first].follow_ups == {asked}
    assert server[second].follow_ups == {unseen_chase["uuid"]}
    assert desk_state(enrolled, tickets) == server
    clean_sync(desk_b, secrets, pull_page=pull_page)
    assert desk_state(desk_b, tickets) == server
    assert found_by_search(desk_b, "7001") == {first}
    assert found_by_search(desk_b, "5555") == {second}


def test_merge_change_matches_the_contract(enrolled: Store, intake: Any) -> None:
    """The outbox row of a merge goes out as the contract's change, desk-only keys dropped."""
    survivor, merged = intake().uuid, intake().uuid
    merge(enrolled, survivor, merged)
    with enrolled.unit_of_work() as session:
        row = session.scalars(select(OutboxRow).where(OutboxRow.kind == "ticket.merged")).one()
        row.payload = json.dumps({**json.loads(row.payload), "desk_only": 1})
        session.flush()
        change = to_change(row)
    assert change["kind"] == "ticket.merged"
    assert change["entity_uuid"] == change["payload"]["uuid"]
    assert set(change["payload"]) == {"uuid", "survivor_uuid", "at", "actor", "note", "merged"}
    assert [m["ticket_uuid"] for m in change["payload"]["merged"]] == [merged]


# ------------------------------------------------------------------------------ conflict


def outbox_rows(store: Store) -> list[tuple[str, str, str]]:
    with store.unit_of_work() as session:
        return [(r.uuid, r.kind, r.payload) for r in
                session.scalars(select(OutboxRow).order_by(OutboxRow.id))]


def server_has(central: Central, kind: str, payload: dict[str, Any]) -> bool:
    model = {"followup.created": cm.FollowUpRow, "note.added": cm.NoteRow,
             "ticket.merged": cm.TicketMergeRow}[kind]
    with central.db.read() as session:
        return session.scalar(select(model.id).where(model.uuid == payload["uuid"])) is not None


def test_a_merge_made_elsewhere_first_is_a_visible_conflict(
        enrolled: Store, desk_b: Store, central: Central, secrets: KeyringSecrets,
        intake: Any) -> None:
    contested = intake(external_refs=("QLUE 8001",)).uuid
    kept_a, kept_b = intake().uuid, intake().uuid
    tickets = [contested, kept_a, kept_b]
    clean_sync(enrolled, secrets)
    clean_sync(desk_b, secrets)
    # Desk B, offline: a chase on the contested ticket, a note on its chosen survivor, then
    # the merge (which moves the chase and the ref to its survivor locally).
    asked = chase(desk_b, contested, "warga RW 05")
    add_note(desk_b, kept_b, "dicek petugas lapangan", officer="budi")
    merge_b = merge(desk_b, kept_b, contested)
    assert desk_state(desk_b, [kept_b])[kept_b].refs == {"QLUE 8001"}
    waiting = outbox_rows(desk_b)
    assert [kind for _, kind, _ in waiting] == ["followup.created", "note.added",
                                                "ticket.merged"]
    # Desk A merged the same ticket into another one and synced first.
    merge(enrolled, kept_a, contested)
    clean_sync(enrolled, secrets)

    report = sync(desk_b, secrets)
    assert (report.pushed, report.conflicts, report.parked) == (2, 1, 0)
    assert pending_outbox(desk_b) == []
    # Every waiting row is accounted for: on the server, or kept as a conflict.
    with desk_b.unit_of_work() as session:
        kept = {c.outbox_uuid: c for c in session.scalars(select(SyncConflict))}
    for row_uuid, kind, payload in waiting:
        if kind == "ticket.merged":
            assert row_uuid in kept
            assert json.loads(kept[row_uuid].local_payload)["uuid"] == merge_b
            assert not server_has(central, kind, json.loads(payload))
        else:
            assert server_has(central, kind, json.loads(payload)), kind
    # The refusal is visible on the ticket it was about and on B's chosen survivor.
    for ticket_uuid in (contested, kept_b):
        shown = conflicts(desk_b, ticket_uuid=ticket_uuid)
        assert [(c.kind, c.code) for c in shown] == [("ticket.merged", "already_merged")]
        assert shown[0].server_version is not None
        assert shown[0].server_version["status"] == "merged"
    assert conflicts(desk_b, ticket_uuid=kept_a) == []
    [record] = merges_of(desk_b, kept_b)
    assert (record.uuid, record.state, record.refused_code) == (merge_b, "refused",
                                                                "already_merged")
    # Desk B now holds exactly what the server holds: A's merge, B's chase on the ticket
    # it was asked about, B's note, nothing of B's merge.
    server = server_state(central, tickets)
    assert desk_state(desk_b, tickets) == server
    assert server[kept_a].refs == {"QLUE 8001"}
    assert server[contested].follow_ups == {asked}
    assert server[kept_b].status == "received"
    found = find_ticket(desk_b, "QLUE 8001")
    assert found is not None
    assert found.ticket.uuid == kept_a
    assert found_by_search(desk_b, "8001") == {kept_a}
    with desk_b.unit_of_work() as session:
        assert session.scalar(select(NoteRow.text).join(TicketRow)
                              .where(TicketRow.uuid == kept_b)) == "dicek petugas lapangan"
    # Nothing more to send; the next sync changes nothing.
    assert clean_sync(desk_b, secrets).pushed == 0
    assert desk_state(desk_b, tickets) == server


def test_merge_and_its_undo_both_refused_leave_nothing_parked(
        enrolled: Store, desk_b: Store, central: Central, secrets: KeyringSecrets,
        intake: Any) -> None:
    contested, kept_a, kept_b = intake().uuid, intake().uuid, intake().uuid
    tickets = [contested, kept_a, kept_b]
    clean_sync(enrolled, secrets)
    clean_sync(desk_b, secrets)
    merge_b = merge(desk_b, kept_b, contested)
    undo_merge(desk_b, merge_b, officer="camat", is_supervisor=True)
    merge(enrolled, kept_a, contested)
    clean_sync(enrolled, secrets)

    report = sync(desk_b, secrets)
    assert (report.pushed, report.conflicts, report.parked) == (0, 2, 0)
    assert pending_outbox(desk_b) == []
    for ticket_uuid in (contested, kept_b):
        shown = conflicts(desk_b, ticket_uuid=ticket_uuid)
        assert [(c.kind, c.code) for c in shown] == [
            ("ticket.merged", "already_merged"), ("ticket.merge_undone", "merge_not_found")]
    assert desk_state(desk_b, tickets) == server_state(central, tickets)
    assert desk_state(desk_b, [contested])[contested].status == Status.MERGED.value


def test_a_pull_before_the_merge_is_sent_keeps_the_local_merge(
        enrolled: Store, central: Central, secrets: KeyringSecrets, intake: Any) -> None:
    """Tickets named by a waiting merge are held: a pull neither puts the merged ticket's
    status back nor moves its refs back before the push has answered."""
    survivor, merged = intake().uuid, intake(external_refs=("QLUE 9001",)).uuid
    clean_sync(enrolled, secrets)
    merge(enrolled, survivor, merged)
    # Meanwhile another desk moved the merged ticket on the server: it comes in the feed.
    other = enrol_device(central, desk=3)
    other.change_status({"uuid": merged}, Status.VERIFIED)
    report = sync(enrolled, secrets, max_batches=0)  # pull only: the merge still waits
    assert report.pulled >= 1
    local = desk_state(enrolled, [survivor, merged])
    assert local[merged].status == "merged"
    assert local[merged].refs == frozenset()
    assert local[survivor].refs == {"QLUE 9001"}
    clean_sync(enrolled, secrets)  # the server accepts the merge (verified -> merged)
    server = server_state(central, [survivor, merged])
    assert server[merged].status == "merged"
    assert desk_state(enrolled, [survivor, merged]) == server


def test_the_ticket_detail_shows_the_refused_merge(
        qtbot, desk_context: DeskContext, enrolled: Store,  # type: ignore[no-untyped-def]  # noqa: F811
        desk_b: Store, secrets: KeyringSecrets, intake: Any) -> None:
    contested, kept_here, kept_there = intake().uuid, intake().uuid, intake().uuid
    clean_sync(enrolled, secrets)
    clean_sync(desk_b, secrets)
    merge(enrolled, kept_here, contested)  # this desk, offline
    merge(desk_b, kept_there, contested)  # the other desk syncs first
    clean_sync(desk_b, secrets)
    assert sync(enrolled, secrets).conflicts == 1
    for ticket_uuid in (contested, kept_here):
        dialog = open_detail(qtbot, desk_context, ticket_uuid)
        assert not dialog.ui.conflictsGroup.isHidden()
        [shown] = rows(dialog.ui.conflictsTree)
        assert shown[1] == "Penggabungan"
        assert shown[2] == "laporan yang sama"  # the note of the merge this desk sent
        assert shown[3] == f"status {Status.MERGED.label_id}"  # the server's ticket
        dialog.close()
