"""The /v1 contract over real HTTP, on SQLite and on PostgreSQL."""

from __future__ import annotations

import hashlib
import json
import uuid
from collections.abc import Callable
from datetime import UTC, datetime, timedelta

import pytest
import requests
from posko_central.auth import add_device, revoke_device
from posko_central.service import delete_ticket

from tests.sync.conftest import Desk, Server, fresh_kecamatan

ERROR_KEYS = {"code", "message_id", "message_en", "field", "errors"}


def assert_error(answer: requests.Response, status: int, code: str | None = None) -> dict:
    assert answer.status_code == status, answer.text
    assert answer.headers["content-type"].startswith("application/json")
    body = answer.json()
    assert set(body) == ERROR_KEYS, body
    if code is not None:
        assert body["code"] == code, body
    return body


# ------------------------------------------------------------------------------ enrolment


def test_enrolment_code_is_single_use(server: Server) -> None:
    _, code = add_device(server.db, fresh_kecamatan(), "Meja 1")
    first = server.post("/v1/enrolments", json={"code": code.lower().replace("-", " ")})
    assert first.status_code == 201, first.text
    body = first.json()
    assert body["token"].startswith("pkc_")
    assert body["desk_number"] == 1
    assert body["kecamatan_name"].startswith("Kecamatan")
    again = server.post("/v1/enrolments", json={"code": code})
    assert_error(again, 400, "enrolment_code_invalid")


def test_expired_enrolment_code_is_refused(server: Server) -> None:
    _, code = add_device(server.db, fresh_kecamatan(), "Meja 1", ttl=timedelta(seconds=-1))
    assert_error(server.post("/v1/enrolments", json={"code": code}), 400,
                 "enrolment_code_expired")
    # and stays dead
    assert_error(server.post("/v1/enrolments", json={"code": code}), 400,
                 "enrolment_code_invalid")


def test_unknown_and_malformed_enrolment(server: Server) -> None:
    assert_error(server.post("/v1/enrolments", json={"code": "AAAA-BBBB-CCCC"}), 400)
    body = assert_error(server.post("/v1/enrolments", json={}), 422, "invalid_request")
    assert body["errors"][0]["field"] == "code"
    assert_error(server.post("/v1/enrolments", data=b"{not json",
                             headers={"Content-Type": "application/json"}), 400,
                 "malformed_json")


def test_desk_numbers_are_assigned_per_kecamatan(server: Server) -> None:
    kecamatan = fresh_kecamatan()
    first, _ = add_device(server.db, kecamatan, "Meja 1")
    second, _ = add_device(server.db, kecamatan, "Meja 2")
    assert (first.desk_number, second.desk_number) == (1, 2)


# ------------------------------------------------------------------------------ auth


@pytest.mark.parametrize("path", ["/v1/changes", "/v1/tickets?q=x", "/v1/tickets/ABC",
                                  "/v1/attachments/" + "0" * 64])
def test_missing_and_garbage_tokens_are_401(server: Server, path: str) -> None:
    assert_error(server.get(path), 401, "missing_token")
    garbage = server.get(path, headers={"Authorization": "Bearer pkc_nonsense"})
    assert_error(garbage, 401, "invalid_token")
    assert garbage.headers["www-authenticate"].startswith("Bearer")
    assert_error(server.get(path, headers={"Authorization": "Basic dXNlcjpwYXNz"}), 401)


def test_revoked_device_is_refused(server: Server, desk: Desk) -> None:
    assert server.get("/v1/changes", headers=desk.auth).status_code == 200
    revoke_device(server.db, desk.device_id[:8])
    assert_error(server.get("/v1/changes", headers=desk.auth), 401, "device_revoked")
    assert_error(desk.push(desk.change("ticket.created", desk.ticket_payload())), 401)


# ------------------------------------------------------------------------------ push / pull


def test_push_then_pull_round_trip(desk: Desk, desk_factory: Callable[..., Desk]) -> None:
    ticket = desk.create_ticket(external_refs=[{"source": "QLUE", "number": "7654321"}])
    event = {"uuid": str(uuid.uuid4()), "ticket_uuid": ticket["uuid"], "status": "verified",
             "at": datetime.now(UTC).isoformat(), "actor": "budi", "note": "Dicek ke lokasi"}
    note = {"uuid": str(uuid.uuid4()), "ticket_uuid": ticket["uuid"],
            "at": datetime.now(UTC).isoformat(), "officer": "budi", "text": "Warga menelpon"}
    chase = {"uuid": str(uuid.uuid4()), "ticket_uuid": ticket["uuid"],
             "asked_at": datetime.now(UTC).isoformat(), "officer": "budi",
             "promise": "Ditanyakan ke dinas", "promised_by": "2030-01-02", "note": ""}
    answer = desk.push(desk.change("status.changed", event), desk.change("note.added", note),
                       desk.change("followup.created", chase))
    assert [r["result"] for r in answer.json()["results"]] == ["accepted"] * 3

    # Another desk of the same kecamatan sees everything, in order, once.
    other = desk_factory(desk.kecamatan)
    items, _ = other.pull_all(limit=2)
    kinds = [(i["kind"], i["uuid"]) for i in items]
    assert len(kinds) == len(set(kinds))
    by_kind = {i["kind"]: i for i in items}
    pulled = by_kind["ticket"]["data"]
    assert pulled["status"] == "verified"
    assert pulled["tracking_code"] == ticket["tracking_code"]
    assert pulled["reporter"] == {"kind": "named", "name": "Siti Aminah",
                                  "phone": "+6281234567890", "has_nik": True,
                                  "contact": "whatsapp"}
    assert pulled["external_refs"] == [{"source": "QLUE", "number": "7654321"}]
    assert by_kind["note"]["data"]["text"] == "Warga menelpon"
    assert by_kind["follow_up"]["data"]["promised_by"] == "2030-01-02"
    statuses = [i["data"]["status"] for i in items if i["kind"] == "status_event"]
    assert statuses == ["received", "verified"]

    detail = other.server.get(f"/v1/tickets/{ticket['tracking_code']}", headers=other.auth)
    assert detail.status_code == 200
    assert [e["status"] for e in detail.json()["events"]] == ["received", "verified"]


def test_cursor_continues_and_is_stable(desk: Desk, server: Server) -> None:
    desk.create_ticket()
    items, cursor = desk.pull_all()
    assert items
    again, same = desk.pull_all(cursor)
    assert again == []
    assert same == cursor
    later = desk.create_ticket()
    fresh, _ = desk.pull_all(cursor)
    assert {i["ticket_uuid"] for i in fresh} == {later["uuid"]}
    # Opaque but checked.
    assert_error(server.get("/v1/changes", params={"cursor": "bm9wZQ"}, headers=desk.auth),
                 400, "invalid_cursor")
    foreign = "ZGVhZGJlZWY6MTA"  # "deadbeef:10": another server database
    assert_error(server.get("/v1/changes", params={"cursor": foreign}, headers=desk.auth),
                 410, "cursor_unknown")
    assert_error(server.get("/v1/changes", params={"limit": 0}, headers=desk.auth), 422)


def test_idempotent_replay_is_byte_identical(desk: Desk) -> None:
    change = desk.change("ticket.created", desk.ticket_payload())
    first = desk.push(change, key="outbox-row-1")
    assert first.status_code == 200
    assert "idempotent-replayed" not in first.headers
    # Same JSON with another key order and spacing: still "the same body".
    body = json.dumps({"changes": [dict(reversed(list(change.items())))]}, indent=2)
    second = desk.server.post("/v1/changes", data=body.encode(), headers={
        **desk.auth, "Idempotency-Key": "outbox-row-1", "Content-Type": "application/json"})
    assert second.status_code == 200
    assert second.content == first.content
    assert second.headers["idempotent-replayed"] == "true"
    items, _ = desk.pull_all()
    assert sum(1 for i in items if i["kind"] == "ticket") == 1


def test_same_key_other_body_is_409(desk: Desk) -> None:
    desk.push(desk.change("ticket.created", desk.ticket_payload()), key="k-409")
    answer = desk.push(desk.change("ticket.created", desk.ticket_payload()), key="k-409")
    assert_error(answer, 409, "idempotency_key_reused")


def test_keys_are_per_device(desk: Desk, desk_factory: Callable[..., Desk]) -> None:
    other = desk_factory(desk.kecamatan)
    assert desk.push(desk.change("ticket.created", desk.ticket_payload()),
                     key="shared").status_code == 200
    answer = other.push(other.change("ticket.created", other.ticket_payload()), key="shared")
    assert answer.status_code == 200
    assert answer.json()["results"][0]["result"] == "accepted"


def test_never_a_second_ticket_for_a_uuid(desk: Desk) -> None:
    payload = desk.create_ticket()
    again = desk.push(desk.change("ticket.created", payload))  # new key, same ticket
    assert again.json()["results"][0]["result"] == "accepted"
    changed = dict(payload, tracking_code=desk.ticket_payload()["tracking_code"])
    conflict = desk.push(desk.change("ticket.created", changed)).json()["results"][0]
    assert conflict["result"] == "conflict"
    assert conflict["server_version"]["tracking_code"] == payload["tracking_code"]
    items, _ = desk.pull_all()
    assert [i["uuid"] for i in items if i["kind"] == "ticket"] == [payload["uuid"]]


def test_domain_rules_reject_items_not_the_batch(desk: Desk) -> None:
    good = desk.ticket_payload()
    bad_phone = desk.ticket_payload(reporter={"kind": "named", "name": "Budi",
                                              "phone": "12345"})
    no_consent = desk.ticket_payload(consent=False)
    bad_rw = desk.ticket_payload(rw=1000)
    unknown_category = desk.ticket_payload(category="unknown_thing")
    other_kelurahan = desk.ticket_payload(kelurahan_code="31.71.01.1001")
    wrong_desk = desk.ticket_payload()
    wrong_desk["tracking_code"] = desk.ticket_payload()["tracking_code"]  # fine
    bad_code = desk.ticket_payload(tracking_code="ABCD-EFGH-JKMN")
    results = desk.push(*[desk.change("ticket.created", p) for p in (
        good, bad_phone, no_consent, bad_rw, unknown_category, other_kelurahan, bad_code)]
    ).json()["results"]
    assert [r["result"] for r in results] == ["accepted"] + ["rejected"] * 6
    codes = [r["error"]["code"] for r in results[1:]]
    assert codes[0].startswith("invalid_phone")
    assert codes[1:] == ["invalid_ticket", "invalid_location", "unknown_category",
                         "wrong_kecamatan", "invalid_tracking_code"]
    assert results[2]["error"]["field"] == "consent"
    for result in results[1:]:
        assert result["error"]["message_id"]
        assert result["error"]["message_en"]


def test_tracking_code_must_be_this_desks(desk: Desk, desk_factory: Callable[..., Desk]) -> None:
    other = desk_factory(desk.kecamatan)
    stolen = desk.ticket_payload()
    result = other.push(other.change("ticket.created", stolen)).json()["results"][0]
    assert result["error"]["code"] == "tracking_code_wrong_desk"


def test_status_server_wins_and_rules_apply(desk: Desk) -> None:
    ticket = desk.create_ticket()

    def status(new: str, **extra: str) -> dict:
        event = {"uuid": str(uuid.uuid4()), "ticket_uuid": ticket["uuid"], "status": new,
                 "at": datetime.now(UTC).isoformat(), "actor": "budi", **extra}
        return desk.push(desk.change("status.changed", event)).json()["results"][0]

    skipped = status("done")
    assert skipped["result"] == "conflict"
    assert skipped["server_version"]["status"] == "received"
    assert status("not_our_authority")["error"]["field"] == "agency"
    assert status("not_our_authority", agency="Dinas Bina Marga")["result"] == "accepted"
    assert status("verified")["result"] == "conflict"  # terminal now


def test_external_ref_and_attachment(desk: Desk, server: Server) -> None:
    ticket = desk.create_ticket()
    ref = {"uuid": str(uuid.uuid4()), "ticket_uuid": ticket["uuid"], "source": "JAKI",
           "number": "55512345", "officer": "budi"}
    assert desk.push(desk.change("external_ref.added", ref)).json()["results"][0][
        "result"] == "accepted"
    # the same number on another ticket of this kecamatan: conflict naming the holder
    second = desk.create_ticket()
    clash = dict(ref, uuid=str(uuid.uuid4()), ticket_uuid=second["uuid"])
    result = desk.push(desk.change("external_ref.added", clash)).json()["results"][0]
    assert result["result"] == "conflict"
    assert result["server_version"]["uuid"] == ticket["uuid"]
    found = server.get("/v1/tickets/JAKI 55512345", headers=desk.auth)
    assert found.json()["uuid"] == ticket["uuid"]

    content = b"\x89PNG fake photo bytes" * 100
    sha = hashlib.sha256(content).hexdigest()
    meta = {"uuid": str(uuid.uuid4()), "ticket_uuid": ticket["uuid"], "filename": "foto.png",
            "media_type": "image/png", "size": len(content), "sha256": sha}
    result = desk.push(desk.change("attachment.added", meta)).json()["results"][0]
    assert result["result"] == "accepted"
    assert result["upload_needed"] is True
    url = f"/v1/attachments/{sha}"
    headers = {**desk.auth, "Content-Type": "application/octet-stream"}
    assert server.put(url, data=content, headers=headers).status_code == 201
    repeat = server.put(url, data=content, headers=headers)
    assert repeat.status_code == 200
    assert repeat.json()["created"] is False
    assert server.get(url, headers=desk.auth).content == content
    assert_error(server.put(url, data=b"other bytes", headers=headers), 422, "hash_mismatch")
    detail = server.get(f"/v1/tickets/{ticket['uuid']}", headers=desk.auth).json()
    assert detail["attachments"][0]["uploaded"] is True


def test_tombstone_after_delete(desk: Desk, server: Server) -> None:
    ticket = desk.create_ticket()
    _, cursor = desk.pull_all()
    delete_ticket(server.db, ticket["tracking_code"], desk.kecamatan)
    items, _ = desk.pull_all(cursor)
    assert items == [{"kind": "ticket", "op": "delete", "uuid": ticket["uuid"],
                      "ticket_uuid": ticket["uuid"], "data": None}]
    assert_error(server.get(f"/v1/tickets/{ticket['uuid']}", headers=desk.auth), 404)


def test_search_and_lookup(desk: Desk, server: Server) -> None:
    ticket = desk.create_ticket(description="Lampu PJU mati di depan masjid",
                                external_refs=[{"source": "LAPOR", "number": "87654321"}])
    code = ticket["tracking_code"]

    def search(q: str) -> list[str]:
        answer = server.get("/v1/tickets", params={"q": q}, headers=desk.auth)
        assert answer.status_code == 200, answer.text
        return [t["uuid"] for t in answer.json()["tickets"]]

    for q in ("pju masjid", code.replace("-", "").lower()[:8], "87654321", "siti amin",
              "0812-3456", "raya bogor"):
        assert ticket["uuid"] in search(q), q
    assert search("tidak ada yang cocok zzz") == []
    assert search("100%_") == []
    for ref in (code, code.replace("-", " ").lower(), "LAPOR 87654321", "lapor:87654321",
                ticket["uuid"]):
        answer = server.get(f"/v1/tickets/{ref}", headers=desk.auth)
        assert answer.status_code == 200, ref
        body = answer.json()
        assert body["uuid"] == ticket["uuid"]
        assert body["overdue"] is False
        assert body["resolution_due"] > body["created_at"]
    assert_error(server.get("/v1/tickets/QLUE 1", headers=desk.auth), 404, "not_found")


# ------------------------------------------------------------------------------ tenancy


def test_tenant_isolation_everywhere(desk: Desk, desk_factory: Callable[..., Desk],
                                     server: Server) -> None:
    ticket = desk.create_ticket(external_refs=[{"source": "QLUE", "number": "1212121"}])
    content = b"secret photo"
    sha = hashlib.sha256(content).hexdigest()
    server.put(f"/v1/attachments/{sha}", data=content, headers=desk.auth)
    stranger = desk_factory()  # another kecamatan
    assert stranger.kecamatan != desk.kecamatan
    items, _ = stranger.pull_all()
    assert ticket["uuid"] not in json.dumps(items)
    for ref in (ticket["tracking_code"], ticket["uuid"], "QLUE 1212121"):
        mine = server.get(f"/v1/tickets/{ref}", headers=desk.auth)
        theirs = server.get(f"/v1/tickets/{ref}", headers=stranger.auth)
        assert mine.status_code == 200
        body = assert_error(theirs, 404, "not_found")
        nowhere = server.get("/v1/tickets/QLUE 999999999", headers=stranger.auth).json()
        assert body == nowhere  # indistinguishable from a ticket that does not exist
    found = server.get("/v1/tickets", params={"q": "siti"}, headers=stranger.auth).json()
    assert ticket["uuid"] not in json.dumps(found)
    assert_error(server.get(f"/v1/attachments/{sha}", headers=stranger.auth), 404)
    # Writing into another kecamatan's ticket: rejected exactly like an unknown ticket.
    note = {"uuid": str(uuid.uuid4()), "ticket_uuid": ticket["uuid"],
            "at": datetime.now(UTC).isoformat(), "officer": "x", "text": "hai"}
    unknown = dict(note, uuid=str(uuid.uuid4()), ticket_uuid=str(uuid.uuid4()))
    results = stranger.push(stranger.change("note.added", note),
                            stranger.change("note.added", unknown)).json()["results"]
    assert results[0]["error"] == results[1]["error"]
    assert results[0]["error"]["code"] == "ticket_not_found"
    # and creating a ticket in another kecamatan's kelurahan is refused
    foreign = stranger.ticket_payload(kelurahan_code=desk.kelurahan())
    result = stranger.push(stranger.change("ticket.created", foreign)).json()["results"][0]
    assert result["error"]["code"] == "wrong_kecamatan"
    assert result["server_version"] is None


# ------------------------------------------------------------------------------ bad input


def test_oversize_bodies_are_413(desk: Desk, server: Server) -> None:
    big = b'{"changes": [' + b" " * (1024 * 1024 + 10) + b"]}"
    answer = server.post("/v1/changes", data=big, headers={
        **desk.auth, "Idempotency-Key": "big", "Content-Type": "application/json"})
    assert_error(answer, 413, "payload_too_large")

    def chunks():  # no Content-Length: chunked transfer encoding
        for _ in range(20):
            yield b" " * 65536

    chunked = server.post("/v1/changes", data=chunks(), headers={
        **desk.auth, "Idempotency-Key": "big2", "Content-Type": "application/json"})
    assert_error(chunked, 413, "payload_too_large")
    huge = b"x" * (20 * 1024 * 1024 + 1)
    sha = hashlib.sha256(huge).hexdigest()
    assert_error(server.put(f"/v1/attachments/{sha}", data=huge, headers=desk.auth), 413)


@pytest.mark.parametrize("body", [
    b"", b"{", b"[]", b'{"changes": []}', b'{"changes": "x"}', b'{"changes": [{}]}',
    b'{"changes": [{"kind": "ticket.exploded"}]}', b"\xff\xfe", b'"\\ud800"',
    b'{"changes": [{"kind": "note.added", "id": "x", "entity_uuid": "y", "payload": {}}]}',
])
def test_malformed_pushes_are_4xx(desk: Desk, server: Server, body: bytes) -> None:
    answer = server.post("/v1/changes", data=body, headers={
        **desk.auth, "Idempotency-Key": str(uuid.uuid4()), "Content-Type": "application/json"})
    assert 400 <= answer.status_code < 500, answer.text
    assert set(answer.json()) == ERROR_KEYS


def test_validation_errors_name_fields_and_never_echo_input(desk: Desk) -> None:
    payload = desk.ticket_payload(rt="tiga", description="x" * 10_001,
                                  created_at="2025-01-01T00:00:00",  # no time zone
                                  reporter={"kind": "named", "name": "Siti\x00Aminah",
                                            "nik": "3175046708800003"})
    body = assert_error(desk.push(desk.change("ticket.created", payload)), 422)
    fields = {e["field"] for e in body["errors"]}
    assert {"changes[0].payload.rt", "changes[0].payload.description",
            "changes[0].payload.created_at", "changes[0].payload.reporter.name",
            "changes[0].payload.reporter.nik"} <= fields
    text = json.dumps(body)
    assert "3175046708800003" not in text
    assert "Siti" not in text
    assert "tiga" not in text
    missing_key = desk.server.post("/v1/changes", json={"changes": []}, headers=desk.auth)
    assert "Idempotency-Key" in {e["field"] for e in missing_key.json()["errors"]}


def test_unknown_routes_and_methods_use_the_error_shape(server: Server) -> None:
    assert_error(server.get("/v2/nothing"), 404, "not_found")
    assert_error(server.session.delete(server.url + "/v1/changes", timeout=10), 405,
                 "method_not_allowed")


def test_healthz(server: Server) -> None:
    answer = server.get("/healthz")
    assert answer.status_code == 200
    assert answer.json()["database"] == server.backend
    assert len(answer.headers["x-request-id"]) == 32
    kept = server.get("/healthz", headers={"X-Request-ID": "desk-42.abc"})
    assert kept.headers["x-request-id"] == "desk-42.abc"
