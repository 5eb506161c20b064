"""GET /v1/changes builds its page from plain rows (issue 9, the pull's fast path): the page
must be exactly what the pydantic models of the contract would have produced, on SQLite and
on PostgreSQL, and must never carry another kecamatan's data."""

from __future__ import annotations

import hashlib
import json
import uuid
from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

from posko_central import schemas as s
from posko_central import service
from posko_central.auth import Caller
from posko_central.errors import json_bytes
from posko_central.models import FeedRow
from posko_central.service import delete_ticket
from sqlalchemy import update

from tests.sync.conftest import Desk, Server


def _now(microsecond: int | None = None) -> str:
    now = datetime.now(UTC)
    return (now if microsecond is None else now.replace(microsecond=microsecond)).isoformat()


def _busy_ticket(desk: Desk, server: Server) -> dict[str, Any]:
    """A ticket with every kind of feed entity (and awkward values) attached."""
    ticket = desk.create_ticket(
        external_refs=[{"source": "QLUE", "number": str(uuid.uuid4().int)[:12]},
                       {"source": "JAKI", "number": str(uuid.uuid4().int)[:10]}],
        created_at=_now(0), updated_at=_now(0), rw=None, rt=None, latitude=None,
        longitude=None, description="Jalan rusak ‘parah’ — \"lubang\" besar\ndi depan")
    t = ticket["uuid"]
    content = uuid.uuid4().bytes * 10  # one file per ticket (blobs are per kecamatan)
    sha = hashlib.sha256(content).hexdigest()
    changes = [
        desk.change("status.changed", {"uuid": str(uuid.uuid4()), "ticket_uuid": t,
                                       "status": "verified", "at": _now(), "actor": "budi",
                                       "note": "Dicek"}),
        desk.change("note.added", {"uuid": str(uuid.uuid4()), "ticket_uuid": t,
                                   "at": _now(120000), "officer": "budi", "text": "Catatan"}),
        desk.change("followup.created", {"uuid": str(uuid.uuid4()), "ticket_uuid": t,
                                         "asked_at": _now(), "officer": "budi",
                                         "promise": "Ditanyakan", "promised_by": "2030-01-02"}),
        desk.change("followup.created", {"uuid": str(uuid.uuid4()), "ticket_uuid": t,
                                         "asked_at": _now(), "officer": "budi"}),
        desk.change("attachment.added", {"uuid": str(uuid.uuid4()), "ticket_uuid": t,
                                         "filename": "foto.jpg", "media_type": "image/jpeg",
                                         "size": len(content), "sha256": sha}),
        desk.change("attachment.added", {"uuid": str(uuid.uuid4()), "ticket_uuid": t,
                                         "filename": "belum.pdf",
                                         "media_type": "application/pdf", "size": 3,
                                         "sha256": "0" * 64}),
    ]
    results = desk.push(*changes).json()["results"]
    assert [r["result"] for r in results] == ["accepted"] * len(changes)
    assert server.put(f"/v1/attachments/{sha}", data=content, headers={
        **desk.auth, "Content-Type": "application/octet-stream"}).status_code == 201
    return ticket


def _reference(server: Server, caller: Caller, ticket_uuid: str) -> dict[tuple[str, str], Any]:
    """What the pydantic mapping (`ticket_detail`, TicketOut & co.) says each entity is."""
    detail = service.ticket_detail(server.db, caller, ticket_uuid).model_dump(mode="json")
    found: dict[tuple[str, str], Any] = {
        ("ticket", ticket_uuid): s.TicketOut.model_validate(detail).model_dump(mode="json")}
    for kind, key in (("status_event", "events"), ("note", "notes"),
                      ("follow_up", "follow_ups"), ("attachment", "attachments")):
        for entity in detail[key]:
            found[(kind, entity["uuid"])] = entity
    return found


def test_pull_pages_equal_the_pydantic_answer(desk: Desk, desk_factory: Callable[..., Desk],
                                              server: Server) -> None:
    stranger = desk_factory()  # another kecamatan, busy at the same time
    ours = [_busy_ticket(desk, server) for _ in range(2)]
    theirs = _busy_ticket(stranger, server)
    gone = desk.create_ticket()
    delete_ticket(server.db, gone["tracking_code"], desk.kecamatan)
    caller = Caller(0, desk.device_id, desk.kecamatan, desk.desk_number)
    expected: dict[tuple[str, str], Any] = {}
    for ticket in ours:
        expected.update(_reference(server, caller, ticket["uuid"]))

    items: list[dict[str, Any]] = []
    cursor = None
    for _ in range(50):
        params: dict[str, Any] = {"limit": 3}
        if cursor:
            params["cursor"] = cursor
        answer = server.get("/v1/changes", params=params, headers=desk.auth)
        assert answer.status_code == 200
        assert answer.headers["content-type"] == "application/json"
        page = answer.json()
        # Valid against the contract's model, and byte for byte what FastAPI would have sent
        # for that model.
        model = s.PullResponse.model_validate(page)
        assert answer.content == json_bytes(model.model_dump(mode="json"))
        items += page["changes"]
        cursor = page["next_cursor"]
        if not page["has_more"]:
            break
    assert theirs["uuid"] not in json.dumps(items)
    upserts = {(i["kind"], i["uuid"]): i["data"] for i in items if i["op"] == "upsert"}
    assert upserts == expected
    assert {i["ticket_uuid"] for i in items} == {t["uuid"] for t in ours} | {gone["uuid"]}
    assert [i for i in items if i["op"] == "delete"] == [
        {"kind": "ticket", "op": "delete", "uuid": gone["uuid"], "ticket_uuid": gone["uuid"],
         "data": None}]


def test_a_feed_row_naming_another_kecamatans_entity_sends_no_data(
        desk: Desk, desk_factory: Callable[..., Desk], server: Server) -> None:
    """Belt and braces: even a damaged feed (a row of this kecamatan naming a ticket of
    another) never carries the other kecamatan's data."""
    stranger = desk_factory()
    theirs = _busy_ticket(stranger, server)
    _, cursor = desk.pull_all()
    caller = Caller(0, desk.device_id, desk.kecamatan, desk.desk_number)
    foreign = _reference(server, Caller(0, stranger.device_id, stranger.kecamatan, 1),
                         theirs["uuid"])
    moved = update(FeedRow).where(FeedRow.ticket_uuid == theirs["uuid"])
    with server.db.write() as session:
        session.execute(moved.values(kecamatan_code=desk.kecamatan))
    try:
        page = service.pull(server.db, caller, cursor, 1000)
        assert {(i["kind"], i["uuid"]) for i in page["changes"]} == set(foreign)
        assert all(item["data"] is None for item in page["changes"])
        assert theirs["description"] not in json.dumps(page)
    finally:
        with server.db.write() as session:
            session.execute(moved.values(kecamatan_code=stranger.kecamatan))
