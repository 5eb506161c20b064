"""Open311 GeoReport v2 facade: spec field names, open/closed mapping, errors, scope."""

from __future__ import annotations

import json
import uuid
from collections.abc import Callable
from datetime import UTC, datetime

import pytest
from posko_central.open311 import EXTENDED, open_or_closed

from posko.domain.status import Status
from tests.sync.conftest import Desk, Server

SPEC_FIELDS = {"service_request_id", "status", "status_notes", "service_name", "service_code",
               "description", "agency_responsible", "service_notice", "requested_datetime",
               "updated_datetime", "expected_datetime", "address", "address_id", "zipcode",
               "lat", "long", "media_url"}
IDENTITY = ("Siti", "Aminah", "0812", "6281234567890", "has_nik", "reporter")


def assert_open311_error(answer, status: int) -> None:  # type: ignore[no-untyped-def]
    assert answer.status_code == status, answer.text
    body = answer.json()
    assert isinstance(body, list)
    assert len(body) == 1
    assert set(body[0]) == {"code", "description"}
    assert body[0]["code"] == status


def test_discovery_and_services(server: Server) -> None:
    discovery = server.get("/open311/v2/discovery.json").json()
    assert discovery["endpoints"][0]["specification"] == "http://wiki.open311.org/GeoReport_v2"
    services = server.get("/open311/v2/services.json").json()
    codes = {s["service_code"] for s in services}
    assert {"sampah", "jalan_rusak", "lainnya"} <= codes
    assert all(s["type"] == "realtime" and s["metadata"] is False for s in services)


def test_status_mapping_follows_fixmystreet() -> None:
    assert {s for s in Status if open_or_closed(s) == "closed"} == {
        Status.DONE, Status.REJECTED, Status.NOT_OUR_AUTHORITY, Status.MERGED}
    assert EXTENDED[Status.MERGED] == "duplicate"
    assert EXTENDED[Status.NOT_OUR_AUTHORITY] == "not_councils_responsibility"
    assert EXTENDED[Status.DONE] == "fixed"


def test_requests_fields_filters_and_no_identity(desk: Desk, server: Server) -> None:
    ticket = desk.create_ticket(reporter={"kind": "anonymous", "name": "Siti Aminah",
                                          "phone": "081234567890"})
    closed = desk.create_ticket()
    event = {"uuid": str(uuid.uuid4()), "ticket_uuid": closed["uuid"], "status": "rejected",
             "at": datetime.now(UTC).isoformat(), "actor": "budi", "note": "Pak Budi bilang"}
    desk.push(desk.change("status.changed", event))
    answer = server.get("/open311/v2/requests.json", params={"api_key": desk.token})
    assert answer.status_code == 200, answer.text
    found = {r["service_request_id"]: r for r in answer.json()}
    assert set(found) == {ticket["tracking_code"], closed["tracking_code"]}
    one = found[ticket["tracking_code"]]
    assert set(one) >= SPEC_FIELDS
    assert one["status"] == "open"
    assert one["service_code"] == "sampah"
    assert one["agency_responsible"] == "Dinas Lingkungan Hidup"
    assert one["requested_datetime"].endswith("+07:00")
    assert one["address_id"] == desk.kelurahan()
    assert found[closed["tracking_code"]]["status"] == "closed"
    assert "Pak Budi" not in answer.text  # officers' free text is not published
    for marker in IDENTITY:
        assert marker not in answer.text
    only_closed = server.get("/open311/v2/requests.json",
                             params={"api_key": desk.token, "status": "closed"}).json()
    assert [r["service_request_id"] for r in only_closed] == [closed["tracking_code"]]
    by_id = server.get("/open311/v2/requests.json", params={
        "api_key": desk.token, "service_request_id": ticket["tracking_code"]}).json()
    assert len(by_id) == 1
    window = server.get("/open311/v2/requests.json", params={
        "api_key": desk.token, "start_date": "2000-01-01T00:00:00Z",
        "end_date": "2000-02-01T00:00:00Z"}).json()
    assert window == []
    single = server.get(f"/open311/v2/requests/{ticket['tracking_code']}.json",
                        headers=desk.auth)
    assert single.status_code == 200
    assert single.json()[0]["status"] == "open"


def test_post_request_and_token(desk: Desk, server: Server) -> None:
    form = {"api_key": desk.token, "service_code": "pju", "address_id": desk.kelurahan(),
            "description": "Lampu jalan mati", "first_name": "Siti", "last_name": "Aminah",
            "phone": "0812-3456-7890", "lat": "-6.25", "long": "106.86"}
    answer = server.post("/open311/v2/requests.json", data=form)
    assert answer.status_code == 200, answer.text
    created = answer.json()[0]
    assert set(created) == {"service_request_id", "token", "service_notice", "account_id"}
    token = server.get(f"/open311/v2/tokens/{created['token']}.json",
                       params={"api_key": desk.token}).json()
    assert token == [{"service_request_id": created["service_request_id"],
                      "token": created["token"]}]
    shown = server.get(f"/open311/v2/requests/{created['service_request_id']}.json",
                       params={"api_key": desk.token})
    for marker in IDENTITY:
        assert marker not in shown.text
    # The desk sees the new app ticket, identity included (its own kecamatan).
    items, _ = desk.pull_all()
    ticket = next(i["data"] for i in items if i["kind"] == "ticket"
                  and i["uuid"] == created["token"])
    assert ticket["origin"] == "app"
    assert ticket["reporter"]["name"] == "Siti Aminah"
    assert ticket["tracking_code"].replace("-", "")[7] == "Z"  # desk 31: the server's


@pytest.mark.parametrize(("form", "field"), [
    ({}, "service_code"),
    ({"service_code": "nope", "address_id": "31.75.04.1001", "description": "x"}, None),
    ({"service_code": "pju", "address_id": "99.99.99.9999", "description": "x"}, None),
    ({"service_code": "pju", "description": "x"}, None),
    ({"service_code": "pju", "address_id": "{kel}", "description": "x", "phone": "12"}, None),
    ({"service_code": "pju", "address_id": "{kel}", "description": "x", "lat": "abc"}, None),
])
def test_post_errors_are_400_arrays(desk: Desk, server: Server, form: dict[str, str],
                                    field: str | None) -> None:
    data = {k: v.replace("{kel}", desk.kelurahan()) for k, v in form.items()}
    answer = server.post("/open311/v2/requests.json", data={**data, "api_key": desk.token})
    assert_open311_error(answer, 400)


def test_errors_and_scope(desk: Desk, desk_factory: Callable[..., Desk],
                          server: Server) -> None:
    ticket = desk.create_ticket()
    assert_open311_error(server.get("/open311/v2/requests.json"), 403)
    assert_open311_error(server.get("/open311/v2/requests.json",
                                    params={"api_key": "pkc_wrong"}), 403)
    assert_open311_error(server.post("/open311/v2/requests.json", data={"x": "y"}), 403)
    stranger = desk_factory()
    theirs = server.get(f"/open311/v2/requests/{ticket['tracking_code']}.json",
                        params={"api_key": stranger.token})
    assert_open311_error(theirs, 404)
    listed = server.get("/open311/v2/requests.json", params={
        "api_key": stranger.token, "service_request_id": ticket["tracking_code"]})
    assert listed.json() == []
    assert_open311_error(server.get(f"/open311/v2/tokens/{ticket['uuid']}.json",
                                    params={"api_key": stranger.token}), 404)
    assert_open311_error(server.get("/open311/v2/requests.json", params={
        "api_key": desk.token, "jurisdiction_id": stranger.kecamatan}), 404)
    assert_open311_error(server.get("/open311/v2/requests.json", params={
        "api_key": desk.token, "start_date": "yesterday"}), 400)
    assert_open311_error(server.get("/open311/v2/requests.json", params={
        "api_key": desk.token, "status": "pending"}), 400)
    assert_open311_error(server.get("/open311/v2/nothing.json"), 404)
    big = server.post("/open311/v2/requests.json", data=b"x" * (2 * 1024 * 1024),
                      headers={"Content-Type": "application/x-www-form-urlencoded"})
    assert_open311_error(big, 413)


# Every reporter kind, with what a desk may keep at the kecamatan: none of it is Open311's.
_REPORTERS = {
    "named": {"kind": "named", "name": "Rahmawati Kusumaningrum", "phone": "0857-1122-3344",
              "has_nik": True, "contact": "whatsapp"},
    "anonymous": {"kind": "anonymous", "name": "Mbah Sarinah", "phone": "0812-3456-7890",
                  "has_nik": True, "contact": "sms"},
    "kecamatan": {"kind": "kecamatan", "name": None, "phone": None, "has_nik": False,
                  "contact": "none"},
}
_IDENTITY = ("Rahmawati", "Kusumaningrum", "Sarinah", "0857", "1122-3344", "6285711223344",
             "0812", "3456-7890", "6281234567890", "has_nik", "whatsapp", "reporter",
             "first_name", "last_name", "email", "phone", "nik", "warga@example.org",
             "José Pratama")


def test_no_reporter_kind_ever_shows_identity(desk: Desk, server: Server) -> None:
    """Privacy by default (issue 11 part 3): GeoReport v2 has no required reporter field, so
    the facade sends none for any kind of reporter: not a name, phone, e-mail or NIK (nor
    whether there is one), for named and anonymous citizens alike."""
    created = {kind: desk.create_ticket(reporter=reporter)
               for kind, reporter in _REPORTERS.items()}
    posted = server.post("/open311/v2/requests.json", data={
        "api_key": desk.token, "service_code": "pju", "address_id": desk.kelurahan(),
        "description": "Lampu jalan mati", "first_name": "José", "last_name": "Pratama",
        "email": "warga@example.org", "phone": "0857-1122-3344"})
    assert posted.status_code == 200, posted.text
    code = posted.json()[0]["service_request_id"]
    codes = [t["tracking_code"] for t in created.values()] + [code]
    listed = server.get("/open311/v2/requests.json", params={"api_key": desk.token})
    assert {r["service_request_id"] for r in listed.json()} >= set(codes)
    texts = [listed.text, server.get("/open311/v2/requests.json", params={
        "api_key": desk.token, "service_request_id": ",".join(codes)}).text]
    for ref in codes + [t["uuid"] for t in created.values()]:
        single = server.get(f"/open311/v2/requests/{ref}.json", params={"api_key": desk.token})
        assert single.status_code == 200, single.text
        texts.append(single.text)
    for text in texts:
        for marker in _IDENTITY:
            assert marker.lower() not in text.lower(), marker
    # The server does keep them for the kecamatan's own desks (so the check above can fail).
    pulled = json.dumps(desk.pull_all()[0], ensure_ascii=False)
    assert "Mbah Sarinah" in pulled
    assert "José Pratama" in pulled
    assert "warga@example.org" not in pulled  # an e-mail is not even stored
