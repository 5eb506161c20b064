"""Read-only agency access (issue 11 part 3): an agency sees the tickets dispatched to it in
its kecamatan, with the reporter's kind only; device and agency tokens never cross over; an
anonymous reporter's kept identity reaches the desks of its own kecamatan and nobody else.

Runs against real servers (SQLite and PostgreSQL) on 127.0.0.1.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from posko_central import cli
from posko_central.agency import AGENCY_TOKEN_PREFIX, add_agency, revoke_agency
from posko_central.auth import hash_secret
from posko_central.models import AgencyRow, AuditRow
from sqlalchemy import select

from posko import catalogues
from tests.sync.conftest import Desk, Server, fresh_kecamatan

# Who made the complaints (must never reach an agency) and officers' free text that may
# name people (not shown to agencies either).
NAMED = {"kind": "named", "name": "Rahmawati Kusumaningrum", "phone": "0857-1122-3344",
         "has_nik": True, "contact": "whatsapp"}
ANONYMOUS = {"kind": "anonymous", "name": "Mbah Sarinah", "phone": "0812-3456-7890",
             "has_nik": True, "contact": "phone"}
KECAMATAN = {"kind": "kecamatan", "name": None, "phone": None, "has_nik": False,
             "contact": "none"}
IDENTITY = ("Rahmawati", "Kusumaningrum", "Sarinah", "0857", "1122-3344", "6285711223344",
            "0812", "3456-7890", "6281234567890", "has_nik", "whatsapp", "Pak Haryanto",
            "Ibu Kartikasari", "catatan-rahasia", "foto-rumah")
AGENCY_NAME = "Suku Dinas Lingkungan Hidup Jakarta Timur"


def _now(offset: float = 0) -> str:
    return (datetime.now(UTC) + timedelta(seconds=offset)).isoformat()


def _event(desk: Desk, ticket: dict[str, Any], status: str, offset: float,
           **extra: Any) -> dict[str, Any]:
    payload = {"uuid": str(uuid.uuid4()), "ticket_uuid": ticket["uuid"], "status": status,
               "at": _now(offset), "actor": "budi", **extra}
    return desk.change("status.changed", payload)


def dispatch(desk: Desk, ticket: dict[str, Any], note: str = "") -> None:
    answer = desk.push(_event(desk, ticket, "verified", 1, note=note),
                       _event(desk, ticket, "dispatched", 2, note="Didisposisikan."))
    assert answer.status_code == 200, answer.text
    assert [r["result"] for r in answer.json()["results"]] == ["accepted"] * 2, answer.text


def agency_get(server: Server, token: str, path: str, **params: Any) -> Any:
    return server.get(path, params=params, headers={"Authorization": f"Bearer {token}"})


def all_pages(server: Server, token: str, cursor: str | None = None,
              limit: int = 50) -> tuple[list[dict[str, Any]], str, list[str]]:
    tickets: list[dict[str, Any]] = []
    texts: list[str] = []
    for _ in range(100):
        params: dict[str, Any] = {"limit": limit}
        if cursor:
            params["cursor"] = cursor
        answer = agency_get(server, token, "/v1/agency/tickets", **params)
        assert answer.status_code == 200, answer.text
        texts.append(answer.text)
        page = answer.json()
        tickets += page["tickets"]
        cursor = page["next_cursor"]
        if not page["has_more"]:
            return tickets, cursor, texts
    raise AssertionError("the agency feed did not end")


def assert_no_identity(*texts: str) -> None:
    for text in texts:
        for marker in IDENTITY:
            assert marker.lower() not in text.lower(), marker


@pytest.fixture
def kecamatan_desk(desk_factory: Callable[..., Desk]) -> Desk:
    return desk_factory()


def test_agency_sees_its_dispatched_tickets_without_reporter_identity(
        kecamatan_desk: Desk, server: Server) -> None:
    desk = kecamatan_desk
    named = desk.create_ticket(reporter=NAMED, address="Jl. Mawar 3")
    anonymous = desk.create_ticket(reporter=ANONYMOUS, address="Jl. Melati 4")
    on_behalf = desk.create_ticket(reporter=KECAMATAN, address="Jl. Kenanga 5")
    not_yet = desk.create_ticket(reporter=ANONYMOUS, address="Jl. Anggrek 6")
    other_category = desk.create_ticket(reporter=NAMED, category="jalan_rusak")
    passed_by_name = desk.create_ticket(reporter=ANONYMOUS, category="jalan_rusak")
    for ticket in (named, anonymous, on_behalf, other_category):
        dispatch(desk, ticket, note="Dicek oleh Pak Haryanto")
    desk.push(_event(desk, passed_by_name, "not_our_authority", 1, agency=AGENCY_NAME,
                     note="Bukan wewenang kami"))
    note = {"uuid": str(uuid.uuid4()), "ticket_uuid": anonymous["uuid"], "at": _now(3),
            "officer": "budi", "text": "catatan-rahasia: rumahnya di sebelah masjid"}
    chase = {"uuid": str(uuid.uuid4()), "ticket_uuid": anonymous["uuid"], "asked_at": _now(4),
             "officer": "budi", "requested_by": "Ibu Kartikasari",
             "promise": "Ditanyakan ke dinas", "promised_by": "2030-01-31",
             "note": "Ibu Kartikasari minta dikabari"}
    photo = {"uuid": str(uuid.uuid4()), "ticket_uuid": anonymous["uuid"],
             "filename": "foto-rumah.jpg", "media_type": "image/jpeg", "size": 3,
             "sha256": "a" * 64}
    answer = desk.push(desk.change("note.added", note), desk.change("followup.created", chase),
                       desk.change("attachment.added", photo))
    assert [r["result"] for r in answer.json()["results"]] == ["accepted"] * 3, answer.text

    info, token = add_agency(server.db, AGENCY_NAME, [desk.kecamatan])
    assert token.startswith(AGENCY_TOKEN_PREFIX)
    assert "sampah" in info.categories
    assert "jalan_rusak" not in info.categories

    tickets, _cursor, texts = all_pages(server, token)
    by_code = {t["tracking_code"]: t for t in tickets}
    assert set(by_code) == {named["tracking_code"], anonymous["tracking_code"],
                            on_behalf["tracking_code"], passed_by_name["tracking_code"]}
    assert_no_identity(*texts)
    assert {k: by_code[t["tracking_code"]]["reporter"]["kind"] for k, t in (
        ("named", named), ("anonymous", anonymous), ("kecamatan", on_behalf))} == {
        "named": "named", "anonymous": "anonymous", "kecamatan": "kecamatan"}
    assert set(by_code[named["tracking_code"]]["reporter"]) == {"kind", "label_id",
                                                                "label_en"}
    kecamatan_label = by_code[on_behalf["tracking_code"]]["reporter"]["label_id"]
    assert kecamatan_label.startswith("Atas nama")
    assert catalogues.kecamatan(desk.kecamatan).label in kecamatan_label
    shown = by_code[anonymous["tracking_code"]]
    assert shown["address"] == "Jl. Melati 4"  # the complaint itself is the agency's work
    assert shown["description"] == anonymous["description"]
    assert shown["status"] == "dispatched"

    detail = agency_get(server, token, f"/v1/agency/tickets/{anonymous['tracking_code']}")
    assert detail.status_code == 200, detail.text
    assert_no_identity(detail.text)
    body = detail.json()
    assert [e["status"] for e in body["events"]] == ["received", "verified", "dispatched"]
    assert {e["by"] for e in body["events"]} == {"kecamatan"}
    assert all(e["note"] == "" for e in body["events"])  # officers' free text stays home
    assert body["follow_ups"] == [{"asked_at": body["follow_ups"][0]["asked_at"],
                                   "promise": "Ditanyakan ke dinas",
                                   "promised_by": "2030-01-31"}]
    for key in ("notes", "attachments", "officer", "consent"):
        assert key not in body
    # Every way to name a ticket that is not the agency's gets the 404 of a missing one.
    unknown = agency_get(server, token, "/v1/agency/tickets/QLUE 1")
    assert unknown.status_code == 404
    for ticket in (not_yet, other_category):
        for ref in (ticket["tracking_code"], ticket["uuid"]):
            answer = agency_get(server, token, f"/v1/agency/tickets/{ref}")
            assert answer.status_code == 404, ref
            assert answer.json() == unknown.json()
    passed = agency_get(server, token, f"/v1/agency/tickets/{passed_by_name['uuid']}")
    assert passed.status_code == 200
    assert_no_identity(passed.text)

    # The same tickets through the kecamatan's own desk do carry the identity (the markers
    # are real, so the checks above can fail).
    own = desk.server.get(f"/v1/tickets/{anonymous['uuid']}", headers=desk.auth).text
    assert "Mbah Sarinah" in own
    assert "Kartikasari" in own
    assert "catatan-rahasia" in own


def test_the_cursor_pages_each_ticket_once_and_brings_later_changes(
        kecamatan_desk: Desk, server: Server) -> None:
    desk = kecamatan_desk
    tickets = [desk.create_ticket(reporter=ANONYMOUS) for _ in range(5)]
    for ticket in tickets:
        dispatch(desk, ticket)
    late = desk.create_ticket(reporter=ANONYMOUS)  # not dispatched yet: not the agency's
    _info, token = add_agency(server.db, "Dinas Lingkungan Hidup", [desk.kecamatan],
                              ["sampah"])
    paged, cursor, _ = all_pages(server, token, limit=2)
    assert [t["uuid"] for t in paged] == [t["uuid"] for t in tickets]
    nothing, same, _ = all_pages(server, token, cursor)
    assert nothing == []
    assert same == cursor
    # The agency's own progress (pushed by the kecamatan's desk) moves one ticket forward.
    desk.push(_event(desk, tickets[2], "in_progress", 5))
    later, cursor, texts = all_pages(server, token, cursor)
    assert [(t["uuid"], t["status"]) for t in later] == [(tickets[2]["uuid"], "in_progress")]
    assert_no_identity(*texts)
    # A chase (tindak lanjut) is news for the agency too; an internal note is not.
    chase = {"uuid": str(uuid.uuid4()), "ticket_uuid": tickets[0]["uuid"], "asked_at": _now(6),
             "officer": "budi", "requested_by": "Ibu Kartikasari", "promise": "Dicek besok"}
    note = {"uuid": str(uuid.uuid4()), "ticket_uuid": tickets[1]["uuid"], "at": _now(7),
            "officer": "budi", "text": "catatan-rahasia"}
    desk.push(desk.change("followup.created", chase), desk.change("note.added", note))
    chased, cursor, texts = all_pages(server, token, cursor)
    assert [(t["uuid"], t["follow_up_count"]) for t in chased] == [(tickets[0]["uuid"], 1)]
    assert_no_identity(*texts)
    # Dispatched after the agency had caught up: it comes on the next page all the same.
    dispatch(desk, late)
    assert [t["uuid"] for t in all_pages(server, token, cursor)[0]] == [late["uuid"]]
    bad = agency_get(server, token, "/v1/agency/tickets", cursor="!!")
    assert bad.status_code == 422
    foreign = agency_get(server, token, "/v1/agency/tickets", cursor="ZGVhZGJlZWY6MTA")
    assert foreign.status_code == 410


def test_other_kecamatan_and_other_categories_stay_invisible(
        desk_factory: Callable[..., Desk], server: Server) -> None:
    mine = desk_factory()
    theirs = desk_factory()
    ticket = mine.create_ticket(reporter=ANONYMOUS)
    dispatch(mine, ticket)
    _info, elsewhere = add_agency(server.db, "Dinas Lingkungan Hidup", [theirs.kecamatan])
    tickets, _, _texts = all_pages(server, elsewhere)
    assert tickets == []
    for ref in (ticket["tracking_code"], ticket["uuid"]):
        assert agency_get(server, elsewhere, f"/v1/agency/tickets/{ref}").status_code == 404
    _info, roads = add_agency(server.db, "Dinas Bina Marga", [mine.kecamatan])
    assert all_pages(server, roads)[0] == []
    assert agency_get(server, roads, f"/v1/agency/tickets/{ticket['uuid']}").status_code == 404
    _info, both = add_agency(server.db, "Dinas Lingkungan Hidup",
                             [mine.kecamatan, theirs.kecamatan])
    assert [t["uuid"] for t in all_pages(server, both)[0]] == [ticket["uuid"]]


def test_tokens_do_not_cross_between_desks_and_agencies(kecamatan_desk: Desk,
                                                        server: Server) -> None:
    desk = kecamatan_desk
    ticket = desk.create_ticket(reporter=ANONYMOUS)
    dispatch(desk, ticket)
    _info, token = add_agency(server.db, "Dinas Lingkungan Hidup", [desk.kecamatan])
    agency_auth = {"Authorization": f"Bearer {token}"}
    for path in ("/v1/agency/tickets", f"/v1/agency/tickets/{ticket['uuid']}"):
        refused = server.get(path, headers=desk.auth)
        assert refused.status_code == 401, path
        assert refused.json()["code"] == "invalid_token"
        assert server.get(path).json()["code"] == "missing_token"
        assert server.get(path, headers=agency_auth).status_code == 200
    for path in ("/v1/changes", "/v1/tickets?q=sampah", f"/v1/tickets/{ticket['uuid']}"):
        answer = server.get(path, headers=agency_auth)
        assert answer.status_code == 401, path
        assert answer.json()["code"] == "invalid_token"
    pushed = server.post("/v1/changes", json={"changes": []},
                         headers={**agency_auth, "Idempotency-Key": "k1"})
    assert pushed.status_code in (401, 422)
    assert server.get("/open311/v2/requests.json",
                      params={"api_key": token}).status_code == 403
    assert server.get(f"/open311/v2/requests/{ticket['tracking_code']}.json",
                      headers=agency_auth).status_code == 403
    with server.db.read() as session:  # only the hash is kept
        row = session.scalar(select(AgencyRow).where(AgencyRow.token_hash == hash_secret(token)))
        assert row is not None
        assert token not in json.dumps({c.name: str(getattr(row, c.name))
                                        for c in AgencyRow.__table__.columns})
    revoke_agency(server.db, row.public_id)
    gone = server.get("/v1/agency/tickets", headers=agency_auth)
    assert gone.status_code == 401
    assert gone.json()["code"] == "agency_revoked"


def test_anonymous_identity_stays_in_its_kecamatan(desk_factory: Callable[..., Desk],
                                                   server: Server) -> None:
    """Item 6: the desks of the same kecamatan may pull the kept name and phone (the
    kecamatan's scope); another kecamatan's desk, Open311 and agencies never see them."""
    kecamatan = fresh_kecamatan()
    first = desk_factory(kecamatan, desk=1)
    second = desk_factory(kecamatan, desk=2)
    stranger = desk_factory()
    ticket = first.create_ticket(reporter=ANONYMOUS)
    dispatch(first, ticket)
    items, _ = second.pull_all()
    pulled = next(i["data"] for i in items if i["kind"] == "ticket"
                  and i["uuid"] == ticket["uuid"])
    assert pulled["reporter"]["kind"] == "anonymous"
    assert pulled["reporter"]["name"] == "Mbah Sarinah"
    assert pulled["reporter"]["phone"] == "+6281234567890"
    foreign_items, _ = stranger.pull_all()
    foreign_text = json.dumps(foreign_items)
    assert ticket["uuid"] not in foreign_text
    for path in (f"/v1/tickets/{ticket['uuid']}", "/v1/tickets?q=Sarinah",
                 "/v1/tickets?q=081234567890"):
        answer = server.get(path, headers=stranger.auth)
        assert_no_identity(answer.text)
        assert ticket["tracking_code"] not in answer.text
    open311 = server.get("/open311/v2/requests.json", params={"api_key": first.token})
    assert ticket["tracking_code"] in open311.text
    assert_no_identity(open311.text)
    single = server.get(f"/open311/v2/requests/{ticket['tracking_code']}.json",
                        params={"api_key": first.token})
    assert single.status_code == 200
    assert_no_identity(single.text)
    _info, token = add_agency(server.db, "Dinas Lingkungan Hidup", [kecamatan])
    agency_tickets, _, texts = all_pages(server, token)
    assert [t["uuid"] for t in agency_tickets] == [ticket["uuid"]]
    assert_no_identity(*texts)


def test_cli_adds_lists_and_revokes_agencies(server: Server,
                                             capsys: pytest.CaptureFixture[str]) -> None:
    kecamatan = fresh_kecamatan()
    url = server.db.url
    assert cli.main(["--db", url, "agency", "add", "--name",
                     "Suku Dinas Bina Marga Jakarta Timur", "--kecamatan", kecamatan,
                     "--json"]) == 0
    added = json.loads(capsys.readouterr().out)
    assert added["token"].startswith(AGENCY_TOKEN_PREFIX)
    assert added["kecamatan_codes"] == [kecamatan]
    assert "jalan_rusak" in added["categories"]
    answer = server.get("/v1/agency/tickets",
                        headers={"Authorization": f"Bearer {added['token']}"})
    assert answer.status_code == 200
    assert cli.main(["--db", url, "agency", "list", "--kecamatan", kecamatan]) == 0
    listed = capsys.readouterr().out
    assert added["agency_id"] in listed
    assert "active" in listed
    assert added["token"] not in listed
    assert cli.main(["--db", url, "agency", "revoke", added["agency_id"][:8]]) == 0
    capsys.readouterr()
    assert cli.main(["--db", url, "agency", "list", "--kecamatan", kecamatan]) == 0
    assert "revoked" in capsys.readouterr().out
    assert server.get("/v1/agency/tickets", headers={
        "Authorization": f"Bearer {added['token']}"}).status_code == 401
    # A name that says nothing about its categories needs --category.
    assert cli.main(["--db", url, "agency", "add", "--name", "Kantor Lain",
                     "--kecamatan", kecamatan]) == 2
    assert "--category" in capsys.readouterr().err
    assert cli.main(["--db", url, "agency", "add", "--name", "Kantor Lain", "--kecamatan",
                     kecamatan, "--category", "pju", "--category", "sampah"]) == 0
    out = capsys.readouterr().out
    assert "pju, sampah" in out
    assert "hanya ditampilkan sekali" in out
    with server.db.read() as session:
        actions = session.scalars(select(AuditRow.action).where(
            AuditRow.entity_uuid == added["agency_id"])).all()
    assert sorted(actions) == ["agency.add", "agency.revoke"]
