"""Ticket merges on the server (`ticket.merged` / `ticket.merge_undone`), over real HTTP, on
SQLite and on PostgreSQL: all-or-nothing, scoped, idempotent, a visible conflict when a ticket
is already merged, everything moved reaches the other desks through the feed, undo."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime
from typing import Any

import pytest
from posko_central import models as cm
from posko_central.merging import MERGE_UNDONE_NOTE
from sqlalchemy import func, select

from tests.sync.conftest import Desk, Server, fresh_kecamatan
from tests.sync.test_api import assert_error


def _now() -> str:
    return datetime.now(UTC).isoformat()


def merge_payload(survivor: dict[str, Any], *merged: dict[str, Any], note: str = "sama",
                  actor: str = "supervisor") -> dict[str, Any]:
    return {"uuid": str(uuid.uuid4()), "survivor_uuid": survivor["uuid"], "at": _now(),
            "actor": actor, "note": note,
            "merged": [{"ticket_uuid": t["uuid"], "event_uuid": str(uuid.uuid4())}
                       for t in merged]}


def undo_payload(merge: dict[str, Any], status: str = "received") -> dict[str, Any]:
    return {"uuid": str(uuid.uuid4()), "merge_uuid": merge["uuid"], "at": _now(),
            "actor": "supervisor",
            "restored": [{"ticket_uuid": m["ticket_uuid"], "event_uuid": str(uuid.uuid4()),
                          "status": status} for m in merge["merged"]]}


def push_one(desk: Desk, kind: str, payload: dict[str, Any]) -> dict[str, Any]:
    answer = desk.push(desk.change(kind, payload))
    assert answer.status_code == 200, answer.text
    result: dict[str, Any] = answer.json()["results"][0]
    return result


def add_ref(desk: Desk, ticket: dict[str, Any], number: str) -> None:
    ref = {"uuid": str(uuid.uuid4()), "ticket_uuid": ticket["uuid"], "source": "QLUE",
           "number": number, "officer": "budi"}
    assert push_one(desk, "external_ref.added", ref)["result"] == "accepted"


def add_follow_up(desk: Desk, ticket: dict[str, Any]) -> str:
    payload = {"uuid": str(uuid.uuid4()), "ticket_uuid": ticket["uuid"], "asked_at": _now(),
               "officer": "ani", "requested_by": "warga", "promise": "dicek Senin"}
    assert push_one(desk, "followup.created", payload)["result"] == "accepted"
    return str(payload["uuid"])


def set_status(desk: Desk, ticket: dict[str, Any], status: str, **extra: str) -> str:
    event = {"uuid": str(uuid.uuid4()), "ticket_uuid": ticket["uuid"], "status": status,
             "at": _now(), "actor": "budi", **extra}
    result = push_one(desk, "status.changed", event)
    assert result["result"] == "accepted", result
    return str(event["uuid"])


def detail(desk: Desk, ticket: dict[str, Any]) -> dict[str, Any]:
    answer = desk.server.get(f"/v1/tickets/{ticket['uuid']}", headers=desk.auth)
    assert answer.status_code == 200, answer.text
    body: dict[str, Any] = answer.json()
    return body


def refs_of(desk: Desk, ticket: dict[str, Any]) -> set[str]:
    return {r["number"] for r in detail(desk, ticket)["external_refs"]}


def follow_ups_of(desk: Desk, ticket: dict[str, Any]) -> set[str]:
    return {f["uuid"] for f in detail(desk, ticket)["follow_ups"]}


def feed_size(server: Server) -> int:
    with server.db.read() as session:
        return int(session.scalar(select(func.max(cm.FeedRow.seq))) or 0)


@pytest.fixture
def other(desk: Desk, desk_factory: Callable[..., Desk]) -> Desk:
    """A second desk of the same kecamatan."""
    return desk_factory(desk.kecamatan)


# ------------------------------------------------------------------------------ merge


def test_merge_moves_everything_and_other_desks_pull_it(desk: Desk, other: Desk) -> None:
    survivor, first, second = (desk.create_ticket() for _ in range(3))
    add_ref(desk, first, "7001")
    add_ref(desk, survivor, "7000")
    # Follow-ups and a ref the merging desk never saw: another desk recorded them.
    unseen = [add_follow_up(other, first), add_follow_up(other, second)]
    add_ref(other, second, "7002")
    note_uuid = str(uuid.uuid4())
    assert push_one(other, "note.added", {"uuid": note_uuid, "ticket_uuid": first["uuid"],
                                          "at": _now(), "officer": "ani",
                                          "text": "catatan tetap di tiketnya"})["result"] \
        == "accepted"
    _, cursor = other.pull_all()

    merge = merge_payload(survivor, first, second, note="laporan yang sama")
    result = push_one(desk, "ticket.merged", merge)
    assert result["result"] == "accepted", result
    assert result["error"] is None

    assert refs_of(desk, survivor) == {"7000", "7001", "7002"}
    assert refs_of(desk, first) == refs_of(desk, second) == set()
    assert follow_ups_of(desk, survivor) == set(unseen)
    for merged, event in zip((first, second), merge["merged"], strict=True):
        body = detail(desk, merged)
        assert body["status"] == "merged"
        last = body["events"][-1]
        assert (last["uuid"], last["status"], last["merged_into"], last["note"],
                last["actor"]) == (event["event_uuid"], "merged", survivor["uuid"],
                                   "laporan yang sama", "supervisor")
        assert body["follow_ups"] == []
    assert [n["uuid"] for n in detail(desk, first)["notes"]] == [note_uuid]  # notes stay
    assert detail(desk, survivor)["status"] == "received"
    # A ref found by number now leads to the survivor.
    found = desk.server.get("/v1/tickets/QLUE 7001", headers=desk.auth)
    assert found.json()["uuid"] == survivor["uuid"]

    # The other desk pulls every change: both merged tickets (status, refs), the survivor
    # (refs), the two events and the moved follow-ups (now on the survivor).
    items, _ = other.pull_all(cursor)
    by_key = {(i["kind"], i["uuid"]): i for i in items}
    assert by_key[("ticket", first["uuid"])]["data"]["status"] == "merged"
    assert by_key[("ticket", first["uuid"])]["data"]["external_refs"] == []
    assert {r["number"] for r in by_key[("ticket", survivor["uuid"])]["data"][
        "external_refs"]} == {"7000", "7001", "7002"}
    for event in merge["merged"]:
        data = by_key[("status_event", event["event_uuid"])]["data"]
        assert (data["status"], data["merged_into"]) == ("merged", survivor["uuid"])
    for fu in unseen:
        assert by_key[("follow_up", fu)]["ticket_uuid"] == survivor["uuid"]
        assert by_key[("follow_up", fu)]["data"]["ticket_uuid"] == survivor["uuid"]
    assert ("note", note_uuid) not in by_key
    with desk.server.db.read() as session:
        actions = session.scalars(select(cm.AuditRow.action)
                                  .where(cm.AuditRow.entity_uuid == merge["uuid"])).all()
    assert actions == ["ticket.merge"]


def test_repeat_is_idempotent_and_other_content_is_not(desk: Desk) -> None:
    survivor, merged, third = (desk.create_ticket() for _ in range(3))
    merge = merge_payload(survivor, merged)
    change = desk.change("ticket.merged", merge)
    first = desk.push(change, key="merge-key")
    assert first.json()["results"][0]["result"] == "accepted"
    assert desk.push(change, key="merge-key").content == first.content  # replay
    seq = feed_size(desk.server)
    # The same merge in a new outbox row (new key): accepted, nothing new.
    again = push_one(desk, "ticket.merged", merge)
    assert again["result"] == "accepted"
    assert feed_size(desk.server) == seq
    assert len(detail(desk, merged)["events"]) == 2
    # Same key, other body: 409, like every kind.
    other_body = desk.change("ticket.merged", dict(merge, note="lain"))
    assert_error(desk.push(other_body, key="merge-key"), 409, "idempotency_key_reused")
    # Same merge UUID, other content: a conflict, nothing applied.
    changed = dict(merge, merged=[{"ticket_uuid": third["uuid"],
                                   "event_uuid": str(uuid.uuid4())}])
    result = push_one(desk, "ticket.merged", changed)
    assert (result["result"], result["error"]["code"]) == ("conflict", "merge_exists")
    assert detail(desk, third)["status"] == "received"
    assert feed_size(desk.server) == seq


def test_scope_and_shape(desk: Desk, desk_factory: Callable[..., Desk]) -> None:
    stranger = desk_factory(fresh_kecamatan())
    survivor, merged = desk.create_ticket(), desk.create_ticket()
    foreign = stranger.create_ticket()
    seq = feed_size(desk.server)
    for payload, field in ((merge_payload(survivor, foreign), "merged"),
                           (merge_payload(foreign, merged), "survivor_uuid"),
                           (merge_payload(survivor, merged, {"uuid": str(uuid.uuid4())}),
                            "merged")):
        result = push_one(desk, "ticket.merged", payload)
        assert (result["result"], result["error"]["code"], result["error"]["field"]) == (
            "rejected", "ticket_not_found", field)
    # All-or-nothing: the in-scope ticket of those merges was not touched.
    assert detail(desk, merged)["status"] == "received"
    for payload in (merge_payload(survivor, merged, survivor),
                    merge_payload(survivor, merged, merged)):
        result = push_one(desk, "ticket.merged", payload)
        assert (result["result"], result["error"]["code"]) == ("rejected", "invalid_merge")
    taken = merge_payload(survivor, merged)
    taken["merged"][0]["event_uuid"] = detail(desk, survivor)["events"][0]["uuid"]
    assert push_one(desk, "ticket.merged", taken)["error"]["code"] == "uuid_taken"
    # The other kecamatan's device can neither merge nor undo this kecamatan's tickets.
    merge = merge_payload(survivor, merged)
    assert push_one(desk, "ticket.merged", merge)["result"] == "accepted"
    seq = feed_size(desk.server)
    result = push_one(stranger, "ticket.merge_undone", undo_payload(merge))
    assert (result["result"], result["error"]["code"]) == ("rejected", "merge_not_found")
    result = push_one(stranger, "ticket.merged", merge)
    assert (result["result"], result["error"]["code"]) == ("rejected", "ticket_not_found")
    assert feed_size(desk.server) == seq
    # Shapes: at least one merged ticket; no unknown fields.
    empty = desk.push(desk.change("ticket.merged", dict(merge_payload(survivor), merged=[])))
    assert_error(empty, 422)
    extra = desk.push(desk.change("ticket.merged", dict(merge_payload(survivor, merged),
                                                        reporter_name="x")))
    assert_error(extra, 422)


def test_already_merged_is_a_conflict_with_the_servers_ticket(desk: Desk, other: Desk) -> None:
    target_a, target_b, contested, innocent = (desk.create_ticket() for _ in range(4))
    add_ref(desk, innocent, "8001")
    assert push_one(desk, "ticket.merged",
                    merge_payload(target_a, contested))["result"] == "accepted"
    seq = feed_size(desk.server)
    # Another desk, offline meanwhile, merged the same ticket (and one more) elsewhere.
    late = merge_payload(target_b, innocent, contested)
    result = push_one(other, "ticket.merged", late)
    assert result["result"] == "conflict"
    assert (result["error"]["code"], result["error"]["field"]) == ("already_merged", "merged")
    assert result["error"]["message_id"]
    assert result["error"]["message_en"]
    server_version = result["server_version"]
    assert (server_version["uuid"], server_version["status"]) == (contested["uuid"], "merged")
    # Nothing of the refused merge happened, not even to the ticket that was free.
    assert feed_size(desk.server) == seq
    assert detail(desk, innocent)["status"] == "received"
    assert refs_of(desk, innocent) == {"8001"}
    assert detail(desk, target_b)["external_refs"] == []
    with desk.server.db.read() as session:
        assert session.scalar(select(cm.TicketMergeRow.id)
                              .where(cm.TicketMergeRow.uuid == late["uuid"])) is None
    # Merged by a plain status change counts too; so does a survivor that is merged.
    by_status, fresh = desk.create_ticket(), desk.create_ticket()
    set_status(desk, by_status, "merged", merged_into=target_a["uuid"])
    result = push_one(other, "ticket.merged", merge_payload(target_b, by_status))
    assert (result["result"], result["error"]["code"]) == ("conflict", "already_merged")
    result = push_one(other, "ticket.merged", merge_payload(contested, fresh))
    assert (result["result"], result["error"]["code"], result["error"]["field"]) == (
        "conflict", "already_merged", "survivor_uuid")
    assert result["server_version"]["uuid"] == contested["uuid"]
    # A ticket closed on the server meanwhile: the state machine's conflict (server wins).
    closed = desk.create_ticket()
    set_status(desk, closed, "rejected")
    result = push_one(other, "ticket.merged", merge_payload(target_b, closed))
    assert result["result"] == "conflict"
    assert result["server_version"]["status"] == "rejected"


# ------------------------------------------------------------------------------ undo


def test_undo_restores_statuses_and_moves_back_exactly_what_moved(desk: Desk,
                                                                  other: Desk) -> None:
    survivor, first, second = (desk.create_ticket() for _ in range(3))
    add_ref(desk, first, "9001")
    set_status(desk, second, "verified")  # the server's status before the merge
    moved = add_follow_up(other, first)
    stays = add_follow_up(desk, survivor)
    merge = merge_payload(survivor, first, second)
    assert push_one(desk, "ticket.merged", merge)["result"] == "accepted"
    # After the merge the survivor gets more: that stays on the survivor after the undo.
    add_ref(desk, survivor, "9002")
    later = add_follow_up(desk, survivor)
    _, cursor = other.pull_all()

    undo = undo_payload(merge, status="received")
    result = push_one(desk, "ticket.merge_undone", undo)
    assert result["result"] == "accepted", result
    assert detail(desk, first)["status"] == "received"
    assert detail(desk, second)["status"] == "verified"  # the server's own previous status
    restored_events = {e["uuid"]: e for t in (first, second)
                       for e in detail(desk, t)["events"]}
    for item in undo["restored"]:
        event = restored_events[item["event_uuid"]]
        assert (event["note"], event["actor"]) == (MERGE_UNDONE_NOTE, "supervisor")
    assert refs_of(desk, first) == {"9001"}
    assert refs_of(desk, survivor) == {"9002"}
    assert follow_ups_of(desk, first) == {moved}
    assert follow_ups_of(desk, survivor) == {stays, later}
    items, _ = other.pull_all(cursor)
    by_key = {(i["kind"], i["uuid"]): i for i in items}
    assert by_key[("ticket", second["uuid"])]["data"]["status"] == "verified"
    assert by_key[("follow_up", moved)]["ticket_uuid"] == first["uuid"]
    assert {r["number"] for r in by_key[("ticket", first["uuid"])]["data"][
        "external_refs"]} == {"9001"}
    for item in undo["restored"]:
        assert ("status_event", item["event_uuid"]) in by_key

    seq = feed_size(desk.server)
    assert push_one(desk, "ticket.merge_undone", undo)["result"] == "accepted"  # repeat
    assert feed_size(desk.server) == seq
    twice = push_one(other, "ticket.merge_undone", undo_payload(merge))
    assert (twice["result"], twice["error"]["code"]) == ("conflict", "merge_already_undone")
    assert twice["server_version"]["uuid"] == survivor["uuid"]
    assert feed_size(desk.server) == seq
    # The same merge sent again after its undo does not merge again.
    assert push_one(desk, "ticket.merged", merge)["result"] == "accepted"
    assert detail(desk, first)["status"] == "received"


def test_undo_refusals(desk: Desk) -> None:
    survivor, merged, outsider, top = (desk.create_ticket() for _ in range(4))
    unknown = push_one(desk, "ticket.merge_undone",
                       undo_payload(merge_payload(survivor, merged)))
    assert (unknown["result"], unknown["error"]["code"]) == ("rejected", "merge_not_found")
    merge = merge_payload(survivor, merged)
    assert push_one(desk, "ticket.merged", merge)["result"] == "accepted"
    wrong = undo_payload(merge)
    wrong["restored"][0]["ticket_uuid"] = outsider["uuid"]
    result = push_one(desk, "ticket.merge_undone", wrong)
    assert (result["result"], result["error"]["code"]) == ("rejected", "restored_mismatch")
    # The survivor merged on into another ticket: undo that merge first (last in, first out).
    onward = merge_payload(top, survivor)
    assert push_one(desk, "ticket.merged", onward)["result"] == "accepted"
    blocked = push_one(desk, "ticket.merge_undone", undo_payload(merge))
    assert (blocked["result"], blocked["error"]["code"]) == ("rejected", "survivor_merged")
    assert detail(desk, merged)["status"] == "merged"
    assert push_one(desk, "ticket.merge_undone", undo_payload(onward))["result"] == "accepted"
    assert push_one(desk, "ticket.merge_undone", undo_payload(merge))["result"] == "accepted"
    assert detail(desk, merged)["status"] == detail(desk, survivor)["status"] == "received"


def test_two_desks_merging_the_same_ticket_at_once(desk: Desk, other: Desk) -> None:
    """Writers are serialised: exactly one merge wins, the other is a conflict."""
    survivors = [desk.create_ticket() for _ in range(2)]
    for _round in range(3):
        contested = desk.create_ticket()
        merges = [merge_payload(survivors[0], contested), merge_payload(survivors[1], contested)]
        with ThreadPoolExecutor(max_workers=2) as pool:
            answers = list(pool.map(lambda pair: push_one(pair[0], "ticket.merged", pair[1]),
                                    zip((desk, other), merges, strict=True)))
        assert sorted(a["result"] for a in answers) == ["accepted", "conflict"]
        winner = merges[[a["result"] for a in answers].index("accepted")]
        events = [e for e in detail(desk, contested)["events"] if e["status"] == "merged"]
        assert [e["merged_into"] for e in events] == [winner["survivor_uuid"]]
