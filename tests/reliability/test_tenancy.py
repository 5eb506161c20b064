"""Tenancy: a device sees and changes only its own kecamatan (issue 8).

Kecamatan A (31.75.04 Kramatjati) has a ticket with a status change, a note, a follow-up,
an external reference, an attachment (file uploaded) and a second ticket made through
Open311. A device of kecamatan B (31.71.01 Gambir) then tries every endpoint of the server
(the list comes from the route table: a new endpoint fails here until it has a probe)
against A's data. Everything must be refused or empty, A's data must stay as it was, and
no answer may contain anything of A's: tracking codes, UUIDs, reporter name or phone,
address, texts, file name or hash, A's device id or kecamatan code.
"""

from __future__ import annotations

import hashlib
import json
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from typing import Any

import pytest
import requests
from posko_central.agency import add_agency
from posko_central.models import TicketRow
from sqlalchemy import func, select

from posko import catalogues
from posko.domain.tracking import make_tracking_code, normalize
from tests.reliability.server_routes import ROUTES, app_routes, assert_error_shape, route_id
from tests.sync_client.conftest import Central, Device, enrol_device

TIMEOUT = 10
KEC_A = "31.75.04"
KEC_B = "31.71.01"


@dataclass
class World:
    central: Central
    a: Device
    b: Device
    a_ticket: dict[str, Any]
    a_open311: dict[str, str]  # service_request_id, token
    a_content: bytes
    a_entities: dict[str, str]  # kind -> uuid
    b_ticket: dict[str, Any]
    markers: list[str] = field(default_factory=list)

    def url(self, path: str) -> str:
        return self.central.url + path

    @property
    def b_auth(self) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.b.token}"}

    def b_get(self, path: str, **kwargs: Any) -> requests.Response:
        return requests.get(self.url(path), headers=self.b_auth, timeout=TIMEOUT, **kwargs)

    def a_refs(self) -> list[str]:
        """Every way to name A's tickets."""
        code = self.a_ticket["tracking_code"]
        return [code, normalize(code).lower(), self.a_ticket["uuid"],
                self.a_ticket["uuid"].upper(), "QLUE 7777777", "7777777",
                self.a_open311["service_request_id"], self.a_open311["token"]]

    def assert_no_leak(self, *texts: str) -> None:
        for text in texts:
            for marker in self.markers:
                assert marker.lower() not in text.lower(), (marker, text[:500])


def _push(device: Device, *changes: dict[str, Any]) -> list[dict[str, Any]]:
    answer = requests.post(device.central.url + "/v1/changes", json={"changes": list(changes)},
                           headers={"Authorization": f"Bearer {device.token}",
                                    "Idempotency-Key": str(uuid.uuid4())}, timeout=TIMEOUT)
    assert answer.status_code == 200, answer.text
    results: list[dict[str, Any]] = answer.json()["results"]
    return results


def _change(kind: str, payload: dict[str, Any]) -> dict[str, Any]:
    return {"id": str(uuid.uuid4()), "kind": kind, "entity_uuid": payload["uuid"],
            "payload": payload}


def _now() -> str:
    return datetime.now(UTC).isoformat()


def _ticket(device: Device, sequence: int, **overrides: Any) -> dict[str, Any]:
    payload: dict[str, Any] = {
        "uuid": str(uuid.uuid4()),
        "tracking_code": make_tracking_code(device.kecamatan, date.today(), device.desk,
                                            sequence),
        "origin": "desk", "category": "sampah",
        "kelurahan_code": catalogues.kelurahan_of(device.kecamatan)[0].code,
        "rw": 5, "rt": 3, "address": "Jl. Biasa No. 1", "latitude": -6.2, "longitude": 106.8,
        "description": "Sampah menumpuk di pinggir jalan",
        "reporter": {"kind": "named", "name": "Pelapor Biasa", "phone": "0811-1111-2222",
                     "has_nik": False, "contact": "none"},
        "consent": True, "officer": "budi", "status": "received", "needs_field_check": False,
        "external_refs": [], "created_at": _now(), "updated_at": _now(),
    }
    payload.update(overrides)
    return payload


@pytest.fixture
def world(central: Central) -> World:
    a = enrol_device(central, KEC_A, desk=1)
    b = enrol_device(central, KEC_B, desk=1)
    assert catalogues.kecamatan(KEC_A).label != catalogues.kecamatan(KEC_B).label
    a_ticket = _ticket(
        a, 1, address="Gang Kelinci Merah 77", description="Lampu jalan padam zamrud-A",
        reporter={"kind": "named", "name": "Wulandari Kusumawati", "phone": "0813-9876-5432",
                  "has_nik": True, "contact": "whatsapp"},
        external_refs=[{"source": "QLUE", "number": "7777777"}])
    content = b"foto rahasia kecamatan A"
    sha = hashlib.sha256(content).hexdigest()
    entities = {"event": str(uuid.uuid4()), "note": str(uuid.uuid4()),
                "follow_up": str(uuid.uuid4()), "attachment": str(uuid.uuid4()),
                "external_ref": str(uuid.uuid4())}
    results = _push(
        a, _change("ticket.created", a_ticket),
        _change("status.changed", {"uuid": entities["event"], "ticket_uuid": a_ticket["uuid"],
                                   "status": "verified", "at": _now(), "actor": "budi",
                                   "note": "Dicek oleh Pak Haryanto"}),
        _change("note.added", {"uuid": entities["note"], "ticket_uuid": a_ticket["uuid"],
                               "at": _now(), "officer": "budi",
                               "text": "Catatan rahasia safir-A"}),
        _change("followup.created", {"uuid": entities["follow_up"],
                                     "ticket_uuid": a_ticket["uuid"], "asked_at": _now(),
                                     "officer": "budi", "requested_by": "Ibu Kartikasari",
                                     "promise": "Janji diperbaiki lusa"}),
        _change("external_ref.added", {"uuid": entities["external_ref"],
                                       "ticket_uuid": a_ticket["uuid"], "source": "LAPOR",
                                       "number": "LAP-8888888"}),
        _change("attachment.added", {"uuid": entities["attachment"],
                                     "ticket_uuid": a_ticket["uuid"],
                                     "filename": "bukti-rumah-wulandari.jpg",
                                     "media_type": "image/jpeg", "size": len(content),
                                     "sha256": sha}))
    assert [r["result"] for r in results] == ["accepted"] * 6, results
    put = requests.put(f"{central.url}/v1/attachments/{sha}", data=content,
                       headers={"Authorization": f"Bearer {a.token}"}, timeout=TIMEOUT)
    assert put.status_code == 201, put.text
    created = requests.post(central.url + "/open311/v2/requests.json", data={
        "api_key": a.token, "service_code": "jalan_rusak",
        "address_id": catalogues.kelurahan_of(KEC_A)[1].code,
        "address_string": "Jalan Nilam Ungu 12", "description": "Lubang besar giok-A",
        "first_name": "Sulistyowati", "last_name": "Prameswari", "phone": "0857-1234-9999"},
        timeout=TIMEOUT)
    assert created.status_code == 200, created.text
    a_open311 = created.json()[0]
    b_ticket = _ticket(b, 1)
    assert _push(b, _change("ticket.created", b_ticket))[0]["result"] == "accepted"
    world = World(central, a, b, a_ticket, a_open311, content, entities, b_ticket)
    a_device = central.devices[0]
    world.markers = [
        a_ticket["tracking_code"], normalize(a_ticket["tracking_code"]), a_ticket["uuid"],
        a_open311["service_request_id"], normalize(a_open311["service_request_id"]),
        a_open311["token"], *entities.values(), "Wulandari", "Kusumawati", "9876-5432",
        "6281398765432", "Gang Kelinci", "zamrud-A", "Haryanto", "safir-A", "Kartikasari",
        "Janji diperbaiki",
        "7777777", "8888888", "bukti-rumah", sha, "Sulistyowati", "Prameswari", "Nilam Ungu",
        "giok-A", "1234-9999", "12349999", a_device, KEC_A, a.token,
    ]
    return world


def _a_state(world: World) -> str:
    """A's ticket as A sees it (to show that nothing of B's attempts reached it)."""
    answer = requests.get(world.url(f"/v1/tickets/{world.a_ticket['uuid']}"),
                          headers={"Authorization": f"Bearer {world.a.token}"},
                          timeout=TIMEOUT)
    assert answer.status_code == 200, answer.text
    body = answer.json()
    body.pop("overdue")
    return json.dumps(body, sort_keys=True)


def _not_found_like_nothing(world: World, path_of: Callable[[str], str], ref: str,
                            nothing: str, **kwargs: Any) -> None:
    theirs = world.b_get(path_of(ref), **kwargs)
    unknown = world.b_get(path_of(nothing), **kwargs)
    assert_error_shape(theirs, 404)
    assert theirs.json() == unknown.json(), ref  # indistinguishable from "does not exist"
    world.assert_no_leak(theirs.text)


# ------------------------------------------------------------------------------ probes


def probe_healthz(world: World) -> None:
    answer = world.b_get("/healthz")
    assert answer.status_code == 200
    world.assert_no_leak(answer.text)


def probe_enrolments(world: World) -> None:
    for code in (world.a.token, world.a_ticket["tracking_code"], "AAAA-BBBB-CCCC"):
        answer = requests.post(world.url("/v1/enrolments"), json={"code": code[:32]},
                               timeout=TIMEOUT)
        assert_error_shape(answer, 400)
        world.assert_no_leak(answer.text)


def probe_push(world: World) -> None:
    before = _a_state(world)
    a_uuid, b_uuid = world.a_ticket["uuid"], world.b_ticket["uuid"]
    b = world.b
    changes = [
        _change("status.changed", {"uuid": str(uuid.uuid4()), "ticket_uuid": a_uuid,
                                   "status": "rejected", "at": _now(), "actor": "x",
                                   "note": "bukan urusan"}),
        _change("note.added", {"uuid": str(uuid.uuid4()), "ticket_uuid": a_uuid, "at": _now(),
                               "officer": "x", "text": "hai"}),
        _change("followup.created", {"uuid": str(uuid.uuid4()), "ticket_uuid": a_uuid,
                                     "asked_at": _now(), "officer": "x"}),
        _change("external_ref.added", {"uuid": str(uuid.uuid4()), "ticket_uuid": a_uuid,
                                       "source": "QLUE", "number": "1231231"}),
        _change("attachment.added", {"uuid": str(uuid.uuid4()), "ticket_uuid": a_uuid,
                                     "filename": "x.jpg", "media_type": "image/jpeg",
                                     "size": 1, "sha256": "0" * 64}),
        # A's ticket UUID, A's tracking code, A's kelurahan for a new ticket of B's
        _change("ticket.created", _ticket(b, 2, uuid=a_uuid)),
        _change("ticket.created", _ticket(b, 3, tracking_code=world.a_ticket["tracking_code"])),
        _change("ticket.created", _ticket(b, 4, kelurahan_code=world.a_ticket["kelurahan_code"])),
        _change("ticket.created", _ticket(b, 5, external_refs=[
            {"source": "QLUE", "number": "7777777"}])),
        # A's child UUIDs reused on B's own ticket
        _change("note.added", {"uuid": world.a_entities["note"], "ticket_uuid": b_uuid,
                               "at": _now(), "officer": "x", "text": "hai"}),
        _change("status.changed", {"uuid": world.a_entities["event"], "ticket_uuid": b_uuid,
                                   "status": "verified", "at": _now(), "actor": "x"}),
        _change("followup.created", {"uuid": world.a_entities["follow_up"],
                                     "ticket_uuid": b_uuid, "asked_at": _now(),
                                     "officer": "x"}),
        _change("attachment.added", {"uuid": world.a_entities["attachment"],
                                     "ticket_uuid": b_uuid, "filename": "x.jpg",
                                     "media_type": "image/jpeg", "size": 1,
                                     "sha256": "0" * 64}),
        _change("external_ref.added", {"uuid": str(uuid.uuid4()), "ticket_uuid": b_uuid,
                                       "source": "LAPOR", "number": "LAP-8888888"}),
    ]
    results = _push(b, *changes)
    assert [r["result"] for r in results].count("accepted") == 0, results
    # Writing into A's ticket is answered exactly like writing into a ticket that does not
    # exist.
    for result in results[:5]:
        assert result["error"]["code"] == "ticket_not_found", result
    for result in results:
        # `id` and `entity_uuid` repeat what B sent; the rest is the server's answer.
        world.assert_no_leak(json.dumps({k: v for k, v in result.items()
                                         if k not in ("id", "entity_uuid")}))
        if result["server_version"] is not None:
            assert result["server_version"]["uuid"] == b_uuid
    assert _a_state(world) == before
    with world.central.db.read() as session:
        assert session.scalar(select(func.count()).select_from(TicketRow).where(
            TicketRow.kecamatan_code == KEC_A)) == 2


def probe_pull(world: World) -> None:
    answer = world.b_get("/v1/changes", params={"limit": 1000})
    assert answer.status_code == 200
    body = answer.json()
    assert any(item["uuid"] == world.b_ticket["uuid"] for item in body["changes"])
    world.assert_no_leak(answer.text)
    # A's cursor (the feed is one sequence) gives B nothing of A's either
    mine = requests.get(world.url("/v1/changes"), params={"limit": 1},
                        headers={"Authorization": f"Bearer {world.a.token}"}, timeout=TIMEOUT)
    later = world.b_get("/v1/changes", params={"cursor": mine.json()["next_cursor"]})
    assert later.status_code == 200
    world.assert_no_leak(later.text)


def probe_search(world: World) -> None:
    own = world.b_get("/v1/tickets", params={"q": "sampah"})
    assert [t["uuid"] for t in own.json()["tickets"]] == [world.b_ticket["uuid"]]
    for term in ("Wulandari", "0813-9876-5432", "6281398765432", "Kelinci", "zamrud",
                 "7777777", "LAP-8888888", world.a_ticket["tracking_code"],
                 normalize(world.a_ticket["tracking_code"]), world.a_open311["service_request_id"],
                 "Sulistyowati", "giok", "lampu", "a", "%", "_", "' OR '1'='1"):
        answer = world.b_get("/v1/tickets", params={"q": term})
        assert answer.status_code == 200, term
        assert answer.json()["tickets"] in ([], own.json()["tickets"]), term
        world.assert_no_leak(answer.text)


def probe_ticket(world: World) -> None:
    for ref in world.a_refs():
        _not_found_like_nothing(world, lambda r: f"/v1/tickets/{r}", ref, "QLUE 1")


def probe_attachment_get(world: World) -> None:
    sha = hashlib.sha256(world.a_content).hexdigest()
    _not_found_like_nothing(world, lambda r: f"/v1/attachments/{r}", sha, "f" * 64)


def probe_attachment_put(world: World) -> None:
    sha = hashlib.sha256(world.a_content).hexdigest()
    # B's upload of the same bytes is B's own new file: no "already there" oracle.
    answer = requests.put(world.url(f"/v1/attachments/{sha}"), data=world.a_content,
                          headers=world.b_auth, timeout=TIMEOUT)
    assert answer.status_code == 201, answer.text
    assert answer.json()["created"] is True
    wrong = requests.put(world.url(f"/v1/attachments/{sha}"), data=b"other bytes",
                         headers=world.b_auth, timeout=TIMEOUT)
    unknown = requests.put(world.url(f"/v1/attachments/{'e' * 64}"), data=b"other bytes",
                           headers=world.b_auth, timeout=TIMEOUT)
    assert_error_shape(wrong, 422)
    assert wrong.json() == unknown.json()
    # B's upload does not show up as A's attachment being uploaded in B's feed
    world.assert_no_leak(world.b_get("/v1/changes").text)


def probe_open311_list(world: World) -> None:
    own = world.b_get("/open311/v2/requests.json", params={"api_key": world.b.token})
    assert own.status_code == 200
    assert [r["service_request_id"] for r in own.json()] == [world.b_ticket["tracking_code"]]
    world.assert_no_leak(own.text)
    ids = ",".join(world.a_refs())
    listed = world.b_get("/open311/v2/requests.json",
                         params={"api_key": world.b.token, "service_request_id": ids})
    assert listed.json() == []
    for params in ({"service_code": "sampah,jalan_rusak"}, {"status": "open"},
                   {"start_date": "2000-01-01T00:00:00Z"}):
        answer = world.b_get("/open311/v2/requests.json",
                             params={"api_key": world.b.token, **params})
        assert answer.status_code == 200
        world.assert_no_leak(answer.text)
    other = world.b_get("/open311/v2/requests.json",
                        params={"api_key": world.b.token, "jurisdiction_id": KEC_A})
    nowhere = world.b_get("/open311/v2/requests.json",
                          params={"api_key": world.b.token, "jurisdiction_id": "99.99.99"})
    assert_error_shape(other, 404)
    assert other.json() == nowhere.json()


def probe_open311_post(world: World) -> None:
    before = _a_state(world)
    form = {"api_key": world.b.token, "service_code": "sampah",
            "address_id": world.a_ticket["kelurahan_code"], "description": "coba"}
    answer = requests.post(world.url("/open311/v2/requests.json"), data=form,
                           timeout=TIMEOUT)
    assert_error_shape(answer, 400)
    world.assert_no_leak(answer.text)
    own_kelurahan = catalogues.kelurahan_of(KEC_B)[0].code
    answer = requests.post(world.url("/open311/v2/requests.json"), timeout=TIMEOUT, data={
        **form, "address_id": own_kelurahan, "jurisdiction_id": KEC_A})
    assert_error_shape(answer, 404)
    assert _a_state(world) == before
    with world.central.db.read() as session:
        assert session.scalar(select(func.count()).select_from(TicketRow).where(
            TicketRow.kecamatan_code == KEC_A)) == 2


def probe_open311_get(world: World) -> None:
    for ref in world.a_refs():
        _not_found_like_nothing(world, lambda r: f"/open311/v2/requests/{r}.json", ref,
                                "QLUE 1", params={"api_key": world.b.token})


def probe_open311_token(world: World) -> None:
    for ref in (world.a_open311["token"], world.a_ticket["uuid"]):
        _not_found_like_nothing(world, lambda r: f"/open311/v2/tokens/{r}.json", ref,
                                str(uuid.uuid4()), params={"api_key": world.b.token})


def probe_open311_public(world: World) -> None:
    for path in ("/open311/v2/discovery.json", "/open311/v2/services.json"):
        for params in ({}, {"jurisdiction_id": KEC_B}, {"api_key": world.b.token}):
            answer = world.b_get(path, params=params)
            assert answer.status_code == 200
            world.assert_no_leak(answer.text)


def probe_agency(world: World) -> None:
    """Agency routes: device tokens (A's too) are refused; an agency of B (every category)
    sees B's dispatched ticket and nothing of A's, even once A's ticket is dispatched; an
    agency of A sees A's ticket but none of its reporter's identity or officers' texts."""
    every = [c.code for c in catalogues.categories()]
    for token in (world.b.token, world.a.token):
        for path in ("/v1/agency/tickets", f"/v1/agency/tickets/{world.a_ticket['uuid']}"):
            answer = requests.get(world.url(path), headers={"Authorization": f"Bearer {token}"},
                                  timeout=TIMEOUT)
            assert_error_shape(answer, 401)
            world.assert_no_leak(answer.text)
    for device, ticket in ((world.b, world.b_ticket), (world.a, world.a_ticket)):
        statuses = ("verified", "dispatched") if device is world.b else ("dispatched",)
        _push(device, *[_change("status.changed", {
            "uuid": str(uuid.uuid4()), "ticket_uuid": ticket["uuid"], "status": status,
            "at": _now(), "actor": "budi"}) for status in statuses])
    b_token = add_agency(world.central.db, "Dinas Lingkungan Hidup", [KEC_B], every)[1]
    b_auth = {"Authorization": f"Bearer {b_token}"}
    listed = requests.get(world.url("/v1/agency/tickets"), headers=b_auth, timeout=TIMEOUT)
    assert [t["uuid"] for t in listed.json()["tickets"]] == [world.b_ticket["uuid"]]
    world.assert_no_leak(listed.text)
    for ref in world.a_refs():
        theirs = requests.get(world.url(f"/v1/agency/tickets/{ref}"), headers=b_auth,
                              timeout=TIMEOUT)
        unknown = requests.get(world.url("/v1/agency/tickets/QLUE 1"), headers=b_auth,
                               timeout=TIMEOUT)
        assert_error_shape(theirs, 404)
        assert theirs.json() == unknown.json(), ref
        world.assert_no_leak(theirs.text)
    a_token = add_agency(world.central.db, "Dinas Lingkungan Hidup", [KEC_A], every)[1]
    a_auth = {"Authorization": f"Bearer {a_token}"}
    texts = [requests.get(world.url("/v1/agency/tickets"), headers=a_auth,
                          timeout=TIMEOUT).text,
             requests.get(world.url(f"/v1/agency/tickets/{world.a_ticket['uuid']}"),
                          headers=a_auth, timeout=TIMEOUT).text]
    assert world.a_ticket["tracking_code"] in texts[0]  # A's agency does see the complaint
    for text in texts:
        for marker in ("Wulandari", "Kusumawati", "9876-5432", "6281398765432", "Haryanto",
                       "safir-A", "Kartikasari", "bukti-rumah", "Sulistyowati",
                       "Prameswari", "1234-9999", world.b_ticket["uuid"]):
            assert marker.lower() not in text.lower(), marker


PROBES: dict[tuple[str, str], Callable[[World], None]] = {
    ("GET", "/healthz"): probe_healthz,
    ("POST", "/v1/enrolments"): probe_enrolments,
    ("POST", "/v1/changes"): probe_push,
    ("GET", "/v1/changes"): probe_pull,
    ("GET", "/v1/tickets"): probe_search,
    ("GET", "/v1/tickets/{ref}"): probe_ticket,
    ("GET", "/v1/attachments/{sha256}"): probe_attachment_get,
    ("PUT", "/v1/attachments/{sha256}"): probe_attachment_put,
    ("GET", "/open311/v2/discovery.json"): probe_open311_public,
    ("GET", "/open311/v2/services.json"): probe_open311_public,
    ("GET", "/open311/v2/requests.json"): probe_open311_list,
    ("POST", "/open311/v2/requests.json"): probe_open311_post,
    ("GET", "/open311/v2/requests/{service_request_id}.json"): probe_open311_get,
    ("GET", "/open311/v2/tokens/{token}.json"): probe_open311_token,
    ("GET", "/v1/agency/tickets"): probe_agency,
    ("GET", "/v1/agency/tickets/{ref}"): probe_agency,
}


@pytest.mark.parametrize("route", ROUTES, ids=route_id)
def test_no_endpoint_crosses_the_kecamatan_boundary(world: World,
                                                   route: tuple[str, str]) -> None:
    assert route in app_routes(world.central.app)
    probe = PROBES.get(route)
    assert probe is not None, (
        f"{route_id(route)} has no tenancy probe: add one to tests/reliability/test_tenancy.py")
    probe(world)


def test_a_sees_its_own_data(world: World) -> None:
    """The markers are real: A's own answers do contain them (so the probes can fail)."""
    auth = {"Authorization": f"Bearer {world.a.token}"}
    pulled = requests.get(world.url("/v1/changes"), headers=auth, timeout=TIMEOUT).text
    for marker in ("Wulandari", "safir-A", "Kartikasari", "bukti-rumah", "7777777",
                   world.a_ticket["tracking_code"], world.a_open311["token"]):
        assert marker in pulled, marker
    found = requests.get(world.url("/v1/tickets"), params={"q": "Wulandari"}, headers=auth,
                         timeout=TIMEOUT).json()["tickets"]
    assert [t["uuid"] for t in found] == [world.a_ticket["uuid"]]
    listed = requests.get(world.url("/open311/v2/requests.json"),
                          params={"api_key": world.a.token}, timeout=TIMEOUT)
    assert world.a_open311["service_request_id"] in listed.text
    sha = hashlib.sha256(world.a_content).hexdigest()
    assert requests.get(world.url(f"/v1/attachments/{sha}"), headers=auth,
                        timeout=TIMEOUT).content == world.a_content
    assert set(PROBES) == set(ROUTES)
