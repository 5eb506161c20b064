"""The desk's Open311 GeoReport v2 client against the reference server's /open311/v2 facade."""

from __future__ import annotations

import uuid
from datetime import date
from typing import Any

import pytest
import requests

from posko import catalogues
from posko.domain.errors import DomainError
from posko.domain.models import ExternalRef, Source
from posko.domain.status import Status
from posko.domain.tracking import make_tracking_code
from posko.sync import (
    InvalidOpen311Endpoint,
    Offline,
    Open311Client,
    Open311Endpoint,
    Open311Request,
    RequestRefused,
    ServerBusy,
    to_lookup_result,
)
from tests.sync_client.conftest import REPORTER_NAME, Central, enrol_device

OTHER_KECAMATAN = "31.75.03"


def client_for(central: Central, api_key: str | None,
               jurisdiction_id: str | None = None) -> Open311Client:
    return Open311Client(Open311Endpoint(central.url + "/open311/v2/", api_key=api_key,
                                         jurisdiction_id=jurisdiction_id),
                         timeout=(3.0, 10.0))


# ------------------------------------------------------------------------------ real server


def test_pushed_ticket_is_found_by_id_and_by_service_request_id(central: Central) -> None:
    device = enrol_device(central)
    ticket = device.create_ticket()
    code = ticket["tracking_code"]
    with client_for(central, device.token) as client:
        one = client.service_request(code)
        listed = client.find(code)
    assert one is not None
    assert one.service_request_id == code
    assert one.status == "open"
    assert one.posko_status == "received"
    assert one.service_code == "sampah"
    assert one.requested_datetime is not None
    assert one.requested_datetime.tzinfo is not None
    assert [r.service_request_id for r in listed] == [code]
    assert listed[0] == one

    result = to_lookup_result(one)
    assert result.ref == ExternalRef(Source.OPEN311, code)
    assert str(result.ref) == f"OPEN311 {code}"
    assert result.status is Status.RECEIVED
    assert not result.status_guessed
    assert result.category == "sampah"
    assert result.location is not None
    assert result.location.kelurahan_code == ticket["kelurahan_code"]
    assert (result.latitude, result.longitude) == (-6.27, 106.86)
    assert "Jl. Raya Bogor" in result.address
    assert result.description.startswith(catalogues.category("sampah").name_id)
    # Open311 carries no reporter identity, and neither does anything we build from it.
    shown = repr(one) + repr(result)
    assert REPORTER_NAME not in shown
    assert "3456" not in shown


def test_status_change_on_the_server_is_seen(central: Central) -> None:
    device = enrol_device(central)
    ticket = device.create_ticket()
    device.change_status(ticket, Status.REJECTED)
    with client_for(central, device.token) as client:
        found = client.service_request(ticket["tracking_code"])
    assert found is not None
    assert found.status == "closed"
    assert found.extended_status == "no_further_action"
    result = to_lookup_result(found)
    assert result.status is Status.REJECTED
    assert result.open311_status == "closed"


def test_unknown_id_is_none_and_empty(central: Central) -> None:
    device = enrol_device(central)
    device.create_ticket()
    unknown = make_tracking_code("31.75.04", date.today(), 9, 999)
    with client_for(central, device.token) as client:
        assert client.service_request(unknown) is None
        assert client.service_request("tidak-ada") is None
        assert client.service_request("  ") is None
        assert client.find(unknown) == []


def test_wrong_or_missing_api_key_is_refused_with_codes_only(central: Central) -> None:
    device = enrol_device(central)
    ticket = device.create_ticket()
    wrong = "bukan-token-yang-sah-" + uuid.uuid4().hex
    for api_key in (wrong, None):
        with client_for(central, api_key) as client:
            for call in (client.service_request, client.find):
                with pytest.raises(RequestRefused) as caught:
                    call(ticket["tracking_code"])
                assert caught.value.status == 403
                assert caught.value.server_code == "403"
                text = str(caught.value) + caught.value.message_en + caught.value.message_id
                assert wrong not in text
                assert "api_key" not in text  # no description echoed


def test_server_stopped_is_offline(central: Central) -> None:
    device = enrol_device(central)
    ticket = device.create_ticket()
    client = client_for(central, device.token)
    central.stop()
    with pytest.raises(Offline) as caught:
        client.service_request(ticket["tracking_code"])
    assert device.token not in str(caught.value)
    assert caught.value.__cause__ is None
    with pytest.raises(Offline):
        client.find(ticket["tracking_code"])
    with pytest.raises(Offline):
        client.services()
    client.close()


def test_another_kecamatans_ticket_is_not_visible(central: Central) -> None:
    ours = enrol_device(central)
    theirs = enrol_device(central, OTHER_KECAMATAN, desk=1)
    their_ticket = theirs.create_ticket()
    our_ticket = ours.create_ticket()
    with client_for(central, ours.token) as client:
        assert client.service_request(their_ticket["tracking_code"]) is None
        assert client.service_request(their_ticket["uuid"]) is None
        assert client.find(their_ticket["tracking_code"]) == []
        assert client.service_request(our_ticket["tracking_code"]) is not None
    # Asking for their jurisdiction with our key looks exactly like "not found".
    with client_for(central, ours.token, jurisdiction_id=OTHER_KECAMATAN) as client:
        assert client.service_request(their_ticket["tracking_code"]) is None
        assert client.find(their_ticket["tracking_code"]) == []
    with client_for(central, theirs.token, jurisdiction_id=OTHER_KECAMATAN) as client:
        seen = client.service_request(their_ticket["tracking_code"])
        assert seen is not None
        assert seen.service_request_id == their_ticket["tracking_code"]


def test_services_are_the_catalogue(central: Central) -> None:
    with client_for(central, None) as client:
        services = client.services()
    assert [s.service_code for s in services] == [c.code for c in catalogues.categories()]
    assert services[0].service_name == catalogues.categories()[0].name_id


# ------------------------------------------------------------------------------ no server


class CannedSession(requests.Session):
    """Answers every GET with one canned response and records the calls' keyword args."""

    def __init__(self, status: int, body: bytes, headers: dict[str, str] | None = None) -> None:
        super().__init__()
        self.status, self.body, self.extra = status, body, headers or {}
        self.calls: list[tuple[str, dict[str, Any]]] = []

    def get(self, url: str | bytes, **kwargs: Any) -> requests.Response:  # type: ignore[override]
        self.calls.append((str(url), kwargs))
        response = requests.Response()
        response.status_code = self.status
        response._content = self.body
        response.headers.update({"Content-Type": "application/json", **self.extra})
        response.url = str(url)
        return response


def canned(status: int, body: bytes, **headers: str) -> tuple[Open311Client, CannedSession]:
    session = CannedSession(status, body, headers)
    endpoint = Open311Endpoint("https://kota.example/open311/v2", api_key="k",
                               jurisdiction_id="kota.example")
    return Open311Client(endpoint, session=session), session


@pytest.mark.parametrize("status", [500, 502, 503, 429])
def test_5xx_and_429_are_server_busy(status: int) -> None:
    client, _ = canned(status, b"<html>Siti Aminah</html>", **{"Retry-After": "7"})
    with pytest.raises(ServerBusy) as caught:
        client.service_request("123")
    assert caught.value.status == status
    assert caught.value.retry_after == 7.0
    assert "Siti" not in str(caught.value)


def test_garbled_answers_are_server_busy() -> None:
    for body in (b"not json", b'{"hello": 1}', b'"text"'):
        client, _ = canned(200, body)
        with pytest.raises(ServerBusy):
            client.find("123")


def test_refusal_keeps_codes_not_descriptions() -> None:
    body = b'[{"code": 400, "description": "Nama Siti Aminah tidak sah"},' \
           b' {"code": "bad_date", "description": "x"}]'
    client, _ = canned(400, body)
    with pytest.raises(RequestRefused) as caught:
        client.find("123")
    assert caught.value.server_code == "400,bad_date"
    assert "Siti" not in str(caught.value)


def test_every_call_has_a_timeout_and_sends_key_and_jurisdiction() -> None:
    client, session = canned(200, b"[]")
    client.service_request("a/b 1")
    client.find("123")
    client.services()
    assert len(session.calls) == 3
    for _url, kwargs in session.calls:
        assert kwargs["timeout"] is not None
        assert kwargs["params"]["jurisdiction_id"] == "kota.example"
    assert session.calls[0][0] == "https://kota.example/open311/v2/requests/a%2Fb%201.json"
    assert session.calls[0][1]["params"]["api_key"] == "k"
    assert session.calls[1][1]["params"]["service_request_id"] == "123"
    assert "api_key" not in session.calls[2][1]["params"]


def test_foreign_server_answer_is_mapped() -> None:
    body = (b'[{"service_request_id": 638344, "status": "closed", "status_notes": "Duplicate",'
            b' "service_name": "Sampah", "service_code": "006", "description": "Pak Budi",'
            b' "requested_datetime": "2010-04-14T06:37:38-08:00",'
            b' "updated_datetime": "2010-04-14T06:37:38-08:00", "address": "8TH AVE",'
            b' "lat": "37.76", "long": -122.4, "media_url": ""}]')
    client, _ = canned(200, body)
    found = client.service_request("638344")
    assert found is not None
    assert found.service_request_id == "638344"
    assert (found.lat, found.long) == (37.76, -122.4)
    assert found.media_url is None
    assert "Pak Budi" not in repr(found)
    result = to_lookup_result(found)
    assert result.ref == ExternalRef(Source.OPEN311, "638344")
    assert result.status is Status.DONE
    assert result.status_guessed
    assert result.category == "sampah"  # by exact service name
    assert result.location is None
    assert result.description == "Sampah — Duplicate"


@pytest.mark.parametrize(("fields", "expected"), [
    ({"status": "open"}, Status.RECEIVED),
    ({"status": "open", "updated_datetime": "2024-01-02T00:00:00+07:00"}, Status.IN_PROGRESS),
    ({"status": "closed"}, Status.DONE),
    ({"status": "open", "extended_status": "action_scheduled"}, Status.DISPATCHED),
    ({"status": "closed", "extended_status": "not_councils_responsibility"},
     Status.NOT_OUR_AUTHORITY),
    ({"status": "closed", "extended_status": "in_progress"}, Status.DONE),  # inconsistent
    ({"status": "open", "posko_status": "awaiting_validation"}, Status.AWAITING_VALIDATION),
    ({"status": "open", "posko_status": "nonsense"}, Status.RECEIVED),
])
def test_status_guess(fields: dict[str, str], expected: Status) -> None:
    item = {"service_request_id": "X-1", "requested_datetime": "2024-01-01T00:00:00+07:00",
            **fields}
    req = Open311Request.from_json(item)
    assert req is not None
    assert to_lookup_result(req).status is expected


def test_endpoint_validation_and_repr() -> None:
    endpoint = Open311Endpoint(" http://127.0.0.1:8000/open311/v2/ ", api_key=" rahasia ",
                               jurisdiction_id="")
    assert endpoint.base_url == "http://127.0.0.1:8000/open311/v2"
    assert endpoint.api_key == "rahasia"
    assert endpoint.jurisdiction_id is None
    assert "rahasia" not in repr(endpoint)
    for bad in ("ftp://x", "127.0.0.1:8000", "http://a b"):
        with pytest.raises(InvalidOpen311Endpoint):
            Open311Endpoint(bad)


def test_unusable_id_cannot_become_an_external_ref() -> None:
    req = Open311Request.from_json({"service_request_id": "a b", "status": "open"})
    assert req is not None
    with pytest.raises(DomainError):
        to_lookup_result(req)
    assert Open311Request.from_json({"status": "open"}) is None


def test_cli_open311_lookup(central: Central) -> None:
    import io

    from posko import cli

    device = enrol_device(central)
    code = device.create_ticket()["tracking_code"]
    out, err = io.StringIO(), io.StringIO()
    assert cli.main(["open311", central.url + "/open311/v2", code, "--api-key", device.token],
                    out=out, err=err) == 0, err.getvalue()
    assert f"OPEN311 {code}" in out.getvalue()
    assert "diterima" in out.getvalue()
    assert REPORTER_NAME not in out.getvalue()
    missing = io.StringIO()
    assert cli.main(["open311", central.url + "/open311/v2", "NOPE-NOPE", "--api-key",
                     device.token], out=io.StringIO(), err=missing) == cli.EXIT_USER_ERROR
    assert "tidak ditemukan" in missing.getvalue()
    assert device.token not in missing.getvalue()
