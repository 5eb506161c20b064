"""Hostile input to the reference server (issue 8): every one is refused with a 4xx in the
server's one error shape (Open311: GeoReport v2's array), never a 5xx, without reading more
than the limit into memory, without writing any file, and the server stays healthy.

* oversize bodies, declared (``Content-Length``) and chunked, on every endpoint with a body;
  a declared length far over the cap is answered at once, before any body byte is sent;
* JSON nested 100,000 levels deep (Python's parser would raise RecursionError);
* bytes that are not UTF-8 in bodies, forms, query strings, paths and headers;
* SQL-looking strings in every string field of every change kind and in every query
  parameter (SQLite and PostgreSQL): stored verbatim or refused, never executed;
* path traversal in attachment hashes and file names (``../``, absolute paths, ``\\``,
  NUL, URL-encoded variants);
* huge attachments, and a few hundred oversize requests with the server's memory watched
  (tracemalloc: the server runs in this process).
"""

from __future__ import annotations

import hashlib
import json
import os
import socket
import time
import tracemalloc
import uuid
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
import requests
from posko_central.limits import DEFAULT_BODY_LIMIT, DRAIN_CAP
from posko_central.models import TicketRow
from sqlalchemy import func, select, text

from posko import catalogues
from posko.store.attachments import MAX_ATTACHMENT_BYTES
from tests.reliability.server_routes import assert_error_shape, serve_backend
from tests.sync.conftest import (  # noqa: F401  (pg_cluster: a fixture, used by name)
    Desk,
    Server,
    enrol,
    fresh_kecamatan,
    pg_cluster,
)
from tests.sync_client.conftest import Central, enrol_device

TIMEOUT = 30
BODY_ENDPOINTS = [("POST", "/v1/changes"), ("POST", "/v1/enrolments"),
                  ("POST", "/open311/v2/requests.json")]


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def backend(request: pytest.FixtureRequest,
            tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    with serve_backend(request.param, request, tmp_path_factory) as server:
        yield server


@pytest.fixture
def desk(backend: Server) -> Desk:
    return enrol(backend, fresh_kecamatan())


def _auth(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


def _headers(path: str, token: str) -> dict[str, str]:
    kind = ("application/x-www-form-urlencoded" if path.startswith("/open311/")
            else "application/json")
    return {**_auth(token), "Idempotency-Key": str(uuid.uuid4()), "Content-Type": kind}


def _healthy(url: str, token: str) -> None:
    assert requests.get(url + "/healthz", timeout=TIMEOUT).status_code == 200
    still = requests.get(url + "/v1/changes", headers=_auth(token), timeout=TIMEOUT)
    assert still.status_code == 200, still.text


def _raw_http(port: int, request: bytes, *, wait: float = 10) -> bytes:
    """Send raw bytes and read the answer's head (no client library cleaning them up)."""
    with socket.create_connection(("127.0.0.1", port), timeout=wait) as sock:
        sock.sendall(request)
        data = b""
        deadline = time.monotonic() + wait
        while b"\r\n\r\n" not in data and time.monotonic() < deadline:
            chunk = sock.recv(65536)
            if not chunk:
                break
            data += chunk
        return data


# ------------------------------------------------------------------------------ oversize


@pytest.mark.parametrize(("method", "path"), BODY_ENDPOINTS)
def test_declared_oversize_bodies_are_413(central: Central, method: str, path: str) -> None:
    device = enrol_device(central)
    body = b"x" * (DEFAULT_BODY_LIMIT + 1)
    answer = requests.request(method, central.url + path, data=body,
                              headers=_headers(path, device.token), timeout=TIMEOUT)
    body_json = assert_error_shape(answer, 413)
    if not path.startswith("/open311/"):
        assert body_json["code"] == "payload_too_large"
    _healthy(central.url, device.token)


@pytest.mark.parametrize(("method", "path"), BODY_ENDPOINTS)
def test_chunked_oversize_bodies_are_413(central: Central, method: str, path: str) -> None:
    device = enrol_device(central)
    chunk = b" " * 65536
    sent = 0

    def chunks() -> Iterator[bytes]:  # no Content-Length: chunked transfer encoding
        nonlocal sent
        for _ in range(40):  # 2.5 MiB
            sent += 1
            yield chunk

    answer = requests.request(method, central.url + path, data=chunks(),
                              headers=_headers(path, device.token), timeout=TIMEOUT)
    assert_error_shape(answer, 413)
    _healthy(central.url, device.token)


def test_a_huge_declared_length_is_answered_before_the_body(central: Central) -> None:
    """Content-Length far over the cap: 413 at once, without waiting for (or reading) a
    single body byte."""
    device = enrol_device(central)
    for path in ("/v1/changes", f"/v1/attachments/{'a' * 64}"):
        method = "PUT" if "attachments" in path else "POST"
        head = (f"{method} {path} HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer {device.token}\r\n"
                f"Idempotency-Key: k\r\nContent-Type: application/json\r\n"
                f"Content-Length: {DRAIN_CAP * 1000}\r\n\r\n").encode()
        started = time.monotonic()
        answer = _raw_http(central.port, head, wait=10)
        assert answer.startswith(b"HTTP/1.1 413"), answer[:200]
        assert b"connection: close" in answer.lower()
        assert time.monotonic() - started < 5
    _healthy(central.url, device.token)


def test_huge_attachments_are_refused(central: Central) -> None:
    device = enrol_device(central)
    huge = b"\0" * (MAX_ATTACHMENT_BYTES + 1)
    sha = hashlib.sha256(huge).hexdigest()
    declared = requests.put(f"{central.url}/v1/attachments/{sha}", data=huge,
                            headers=_auth(device.token), timeout=TIMEOUT)
    assert assert_error_shape(declared, 413)["code"] == "payload_too_large"

    def chunks() -> Iterator[bytes]:
        view = memoryview(huge)
        for start in range(0, len(huge), 1024 * 1024):
            yield bytes(view[start:start + 1024 * 1024])

    chunked = requests.put(f"{central.url}/v1/attachments/{sha}", data=chunks(),
                           headers=_auth(device.token), timeout=TIMEOUT)
    assert_error_shape(chunked, 413)
    exact = huge[:-1]
    fits = requests.put(f"{central.url}/v1/attachments/{hashlib.sha256(exact).hexdigest()}",
                        data=exact, headers=_auth(device.token), timeout=TIMEOUT)
    assert fits.status_code == 201, fits.text
    # and a change announcing a file over the limit is refused by the schema
    ticket = device.create_ticket()
    attachment = {"uuid": str(uuid.uuid4()), "ticket_uuid": ticket["uuid"],
                  "filename": "besar.mp4", "media_type": "video/mp4",
                  "size": MAX_ATTACHMENT_BYTES + 1, "sha256": sha}
    answer = requests.post(central.url + "/v1/changes", headers=_headers("/v1", device.token),
                           json={"changes": [{"id": str(uuid.uuid4()),
                                              "kind": "attachment.added",
                                              "entity_uuid": attachment["uuid"],
                                              "payload": attachment}]}, timeout=TIMEOUT)
    assert assert_error_shape(answer, 422)["field"] == "changes[0].payload.size"
    _healthy(central.url, device.token)


def test_hundreds_of_oversize_requests_keep_memory_bounded(central: Central) -> None:
    """The server (in this process) never holds an oversize body: the peak of traced
    memory over 300 oversize requests stays far below one such body."""
    device = enrol_device(central)
    push_body = b"[" + b" " * (8 * DEFAULT_BODY_LIMIT) + b"]"  # 8 MiB, declared
    attachment = b"\0" * (MAX_ATTACHMENT_BYTES + 1)  # 20 MiB + 1, declared
    chunk = b" " * 65536
    session = requests.Session()
    headers = _headers("/v1", device.token)

    def chunks() -> Iterator[bytes]:
        for _ in range(32):  # 2 MiB, chunked
            yield chunk

    def one_round(count: int) -> None:
        for number in range(count):
            if number % 10 == 9:
                answer = session.put(f"{central.url}/v1/attachments/{'b' * 64}",
                                     data=attachment, headers=headers, timeout=TIMEOUT)
            elif number % 2:
                answer = session.post(central.url + "/v1/changes", data=chunks(),
                                      headers=headers, timeout=TIMEOUT)
            else:
                answer = session.post(central.url + "/v1/changes", data=push_body,
                                      headers=headers, timeout=TIMEOUT)
            assert answer.status_code == 413, answer.text[:200]

    one_round(10)  # warm up: imports, caches, connection pools
    tracemalloc.start()
    try:
        before, _ = tracemalloc.get_traced_memory()
        tracemalloc.reset_peak()
        started = time.monotonic()
        one_round(300)
        elapsed = time.monotonic() - started
        after, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    session.close()
    print(f"300 oversize requests in {elapsed:.1f} s; traced memory: before "
          f"{before / 1e6:.1f} MB, after {after / 1e6:.1f} MB, peak {peak / 1e6:.1f} MB")
    # Chunked bodies are buffered up to the 1 MiB limit (measured peak: about 3.5 MB, with
    # the client's own copies), declared ones not at all; one 8 MiB push body or one 20 MiB
    # attachment held in memory would break this.
    assert peak - before < 6 * DEFAULT_BODY_LIMIT
    assert after - before < DEFAULT_BODY_LIMIT  # nothing accumulates
    _healthy(central.url, device.token)


# ------------------------------------------------------------------------------ nesting


@pytest.mark.parametrize("depth", [1_000, 100_000])
@pytest.mark.parametrize("path", ["/v1/changes", "/v1/enrolments"])
def test_deeply_nested_json_is_400_not_500(central: Central, depth: int, path: str) -> None:
    device = enrol_device(central)
    bodies = [
        b"[" * depth + b"]" * depth,
        b'{"a":' * depth + b"1" + b"}" * depth,
        b'{"changes": [{"kind": "note.added", "payload": ' + b"[" * depth + b"]" * depth
        + b"}]}",
        b"[" * depth,  # never closed
    ]
    for body in bodies:
        assert len(body) < DEFAULT_BODY_LIMIT
        answer = requests.post(central.url + path, data=body,
                               headers=_headers(path, device.token), timeout=TIMEOUT)
        error = assert_error_shape(answer, (400, 422))
        assert error["code"] in ("malformed_body", "malformed_json", "invalid_request")
    _healthy(central.url, device.token)


# ------------------------------------------------------------------------------ bad UTF-8

BAD_UTF8 = [b"\xff", b"\xfe\xff", b"\xc0\xaf", b"\xed\xa0\x80", b"\xf8\x88\x80\x80\x80",
            b"caf\xe9", b"\x80"]


@pytest.mark.parametrize("raw", BAD_UTF8, ids=lambda r: r.hex())
def test_invalid_utf8_is_refused(central: Central, raw: bytes) -> None:
    device = enrol_device(central)
    kelurahan = catalogues.kelurahan_of("31.75.04")[0].code
    json_bodies = [b'{"code": "' + raw + b'"}', b'{"changes": [{"kind": "' + raw + b'"}]}',
                   raw]
    for path in ("/v1/changes", "/v1/enrolments"):
        for body in json_bodies:
            answer = requests.post(central.url + path, data=body,
                                   headers=_headers(path, device.token), timeout=TIMEOUT)
            assert_error_shape(answer, (400, 422))
    percent = "".join(f"%{b:02X}" for b in raw).encode()
    for description in (raw, percent):
        form = (b"api_key=" + device.token.encode() + b"&service_code=sampah&address_id="
                + kelurahan.encode() + b"&description=Lubang" + description)
        answer = requests.post(central.url + "/open311/v2/requests.json", data=form,
                               headers=_headers("/open311/", device.token), timeout=TIMEOUT)
        assert_error_shape(answer, 400)
    # Query strings and paths: decoded leniently by the framework; never a 5xx, never data.
    for path in (f"/v1/tickets?q={percent.decode()}", f"/v1/tickets/{percent.decode()}",
                 f"/v1/changes?cursor={percent.decode()}",
                 f"/open311/v2/requests/{percent.decode()}.json?api_key={device.token}"):
        answer = requests.get(central.url + path, headers=_auth(device.token), timeout=TIMEOUT)
        assert answer.status_code < 500, (path, answer.text)
        if answer.status_code >= 400:
            assert_error_shape(answer, answer.status_code)
        else:
            assert answer.json() == {"tickets": []}
    head = (b"GET /v1/tickets?q=" + raw + b" HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer "
            + device.token.encode() + b"\r\nX-Request-ID: " + raw + b"\r\n\r\n")
    answer = _raw_http(central.port, head)
    assert answer[:12] in (b"HTTP/1.1 200", b"HTTP/1.1 400", b"HTTP/1.1 422"), answer[:200]
    key = requests.post(central.url + "/v1/changes", data=b'{"changes": []}', timeout=TIMEOUT,
                        headers={**_headers("/v1", device.token),
                                 "Idempotency-Key": raw.decode("latin-1")})
    assert_error_shape(key, 422)
    with central.db.read() as session:  # nothing with U+FFFD was stored
        for (description,) in session.execute(select(TicketRow.description)):
            assert "\ufffd" not in description
    _healthy(central.url, device.token)


# ------------------------------------------------------------------------------ SQL


SQLISH = [
    "'; DROP TABLE tickets; --",
    "\" OR \"1\"=\"1",
    "1' UNION SELECT token_hash FROM devices --",
    "%' OR '%'='",
    "\\'; DELETE FROM devices WHERE '1'='1",
    "$$; DROP TABLE devices; $$",
    "0x27 OR 1=1",
    "%",
    "_",
    "\\",
    "';",
    "Robert'); DROP TABLE students;--",
]


def _push(desk: Desk, kind: str, payload: dict[str, Any]) -> dict[str, Any]:
    answer = desk.push(desk.change(kind, payload))
    assert answer.status_code < 500, answer.text
    if answer.status_code != 200:
        assert_error_shape(answer, (400, 422))
        return {"result": "refused"}
    result: dict[str, Any] = answer.json()["results"][0]
    return result


def _tables_intact(server: Server) -> None:
    with server.db.read() as session:
        for table in ("tickets", "devices", "notes", "follow_ups", "status_events",
                      "attachments", "external_refs", "feed"):
            session.execute(text(f"SELECT COUNT(*) FROM {table}")).scalar_one()


@pytest.mark.parametrize("value", SQLISH)
def test_sql_in_every_string_field_is_stored_verbatim_or_refused(
        backend: Server, desk: Desk, value: str) -> None:
    ticket = desk.ticket_payload(address=value, description=value, officer=value[:64],
                                 reporter={"kind": "named", "name": value, "phone": None,
                                           "has_nik": False, "contact": "none"},
                                 external_refs=[{"source": "OTHER",
                                                 "number": value.replace(" ", "")[:64]}])
    result = _push(desk, "ticket.created", ticket)
    assert result["result"] == "accepted", result
    stored = backend.get(f"/v1/tickets/{ticket['uuid']}", headers=desk.auth).json()
    assert stored["address"] == value.strip()
    assert stored["description"] == value.strip()
    assert stored["reporter"]["name"] == value.strip()
    # every other string field of every change kind
    for kind, payload in [
        ("ticket.created", desk.ticket_payload(tracking_code=value[:20])),
        ("ticket.created", desk.ticket_payload(category=value[:64])),
        ("ticket.created", desk.ticket_payload(
            reporter={"kind": "named", "name": "A", "phone": value[:32]})),
        ("status.changed", {"uuid": str(uuid.uuid4()), "ticket_uuid": ticket["uuid"],
                            "status": "not_our_authority", "at": _now(), "actor": value[:64],
                            "note": value, "agency": value[:200]}),
        ("status.changed", {"uuid": str(uuid.uuid4()), "ticket_uuid": ticket["uuid"],
                            "status": "merged", "at": _now(), "actor": "x", "note": value,
                            "merged_into": value[:64]}),
        ("note.added", {"uuid": str(uuid.uuid4()), "ticket_uuid": ticket["uuid"],
                        "at": _now(), "officer": value[:64], "text": value}),
        ("followup.created", {"uuid": str(uuid.uuid4()), "ticket_uuid": ticket["uuid"],
                              "asked_at": _now(), "officer": value[:64],
                              "requested_by": value, "promise": value, "note": value}),
        ("external_ref.added", {"uuid": str(uuid.uuid4()), "ticket_uuid": ticket["uuid"],
                                "source": "LAPOR", "number": value[:64],
                                "officer": value[:64]}),
        ("attachment.added", {"uuid": str(uuid.uuid4()), "ticket_uuid": ticket["uuid"],
                              "filename": value, "media_type": value[:100], "size": 1,
                              "sha256": "0" * 64, "officer": value[:64]}),
        ("attachment.added", {"uuid": str(uuid.uuid4()), "ticket_uuid": ticket["uuid"],
                              "filename": "foto.jpg", "media_type": "image/jpeg", "size": 1,
                              "sha256": "0" * 64, "officer": value[:64]}),
    ]:
        result = _push(desk, kind, payload)
        assert result["result"] in ("accepted", "rejected", "conflict", "refused"), result
    pulled = backend.get("/v1/changes", params={"limit": 1000}, headers=desk.auth)
    assert pulled.status_code == 200
    _tables_intact(backend)
    with backend.db.read() as session:
        assert session.scalar(select(func.count()).select_from(TicketRow).where(
            TicketRow.kecamatan_code == desk.kecamatan)) >= 1


@pytest.mark.parametrize("value", SQLISH)
def test_sql_in_every_query_parameter_and_path(backend: Server, desk: Desk,
                                               value: str) -> None:
    mine = desk.create_ticket(description="Saluran mampet di gang")
    other = desk.create_ticket(description="Literal 100% _sama_ \\ tanda")
    found = backend.get("/v1/tickets", params={"q": value}, headers=desk.auth)
    assert found.status_code == 200, found.text
    uuids = {t["uuid"] for t in found.json()["tickets"]}
    # LIKE wildcards are escaped: "%" and "_" match only tickets that contain them
    assert mine["uuid"] not in uuids
    if value in ("%", "_", "\\"):
        assert other["uuid"] in uuids
    token = desk.token
    probes: list[tuple[str, dict[str, str]]] = [
        (f"/v1/tickets/{requests.utils.quote(value, safe='')}", {}),
        ("/v1/changes", {"cursor": value}),
        ("/v1/changes", {"limit": value}),
        ("/v1/tickets", {"q": value, "limit": value}),
        ("/open311/v2/requests.json", {"api_key": value}),
        ("/open311/v2/services.json", {"jurisdiction_id": value}),
        (f"/open311/v2/requests/{requests.utils.quote(value, safe='')}.json",
         {"api_key": token}),
        (f"/open311/v2/tokens/{requests.utils.quote(value, safe='')}.json",
         {"api_key": token}),
    ]
    for name in ("service_request_id", "service_code", "status", "start_date", "end_date",
                 "jurisdiction_id"):
        probes.append(("/open311/v2/requests.json", {"api_key": token, name: value}))
    for path, params in probes:
        answer = backend.get(path, params=params, headers=desk.auth)
        assert answer.status_code < 500, (path, params, answer.text)
        if answer.status_code >= 400:
            assert_error_shape(answer, answer.status_code)
        assert mine["description"] not in answer.text or path.startswith("/v1/changes"), path
    form = {"api_key": token, "service_code": "sampah",
            "address_id": catalogues.kelurahan_of(desk.kecamatan)[0].code,
            "description": value, "address_string": value, "first_name": value,
            "last_name": value, "phone": "", "jurisdiction_id": ""}
    created = backend.post("/open311/v2/requests.json", data=form)
    assert created.status_code == 200, created.text
    shown = backend.get(f"/open311/v2/requests/{created.json()[0]['service_request_id']}.json",
                        params={"api_key": token})
    assert shown.json()[0]["description"] == value.strip()
    for name in ("service_code", "address_id", "lat", "long", "phone", "jurisdiction_id"):
        answer = backend.post("/open311/v2/requests.json", data={**form, name: value})
        assert answer.status_code < 500, (name, answer.text)
        assert_error_shape(answer, (400, 404))
    key = backend.post("/v1/changes", json={"changes": []},
                       headers={**desk.auth, "Idempotency-Key": value})
    assert key.status_code in (400, 422), key.text
    _tables_intact(backend)
    assert backend.get("/healthz").status_code == 200


def test_the_longest_open311_name_fits_the_column(backend: Server, desk: Desk) -> None:
    """Found by this harness: first_name + " " + last_name (100 + 1 + 100) did not fit the
    200-character column, which PostgreSQL answered with a 500."""
    form = {"api_key": desk.token, "service_code": "sampah",
            "address_id": catalogues.kelurahan_of(desk.kecamatan)[0].code,
            "description": "Lubang", "first_name": "A" * 100, "last_name": "B" * 100}
    answer = backend.post("/open311/v2/requests.json", data=form)
    assert_error_shape(answer, 400)
    fits = backend.post("/open311/v2/requests.json", data={**form, "last_name": "B" * 99})
    assert fits.status_code == 200, fits.text


# ------------------------------------------------------------------------------ traversal

TRAVERSAL_PATHS = [
    "../../../../etc/passwd", "..%2F..%2F..%2Fetc%2Fpasswd", "%2e%2e%2f%2e%2e%2fetc%2fpasswd",
    "%252e%252e%252fetc%252fpasswd", "..\\..\\windows\\win.ini", "..%5c..%5cwin.ini",
    "/etc/passwd", "%2Fetc%2Fpasswd", "a" * 64 + "%00.jpg", "a" * 64 + "/../" + "b" * 64,
    "A" * 64, "a" * 63, "a" * 65, "%00", "....//....//etc/passwd", "%c0%ae%c0%ae%c0%af",
]


def _files(*roots: Path) -> set[str]:
    found: set[str] = set()
    for root in roots:
        for folder, _dirs, names in os.walk(root):
            found.update(os.path.join(folder, name) for name in names)
    return found


def test_path_traversal_in_hashes_and_file_names(central: Central, tmp_path: Path) -> None:
    device = enrol_device(central)
    ticket = device.create_ticket()
    watched = (tmp_path, Path.cwd())
    before = _files(*watched)
    for target in TRAVERSAL_PATHS:
        for method in ("GET", "PUT"):
            answer = requests.request(method, f"{central.url}/v1/attachments/{target}",
                                      data=b"root:x:0:0" if method == "PUT" else None,
                                      headers=_auth(device.token), timeout=TIMEOUT)
            assert_error_shape(answer, (404, 405, 422))
            assert b"root:" not in answer.content
        for path in (f"/v1/tickets/{target}", f"/open311/v2/requests/{target}.json",
                     f"/open311/v2/tokens/{target}.json"):
            answer = requests.get(central.url + path, params={"api_key": device.token},
                                  headers=_auth(device.token), timeout=TIMEOUT)
            assert_error_shape(answer, (404, 422))
    refused_names = ["../../../../etc/passwd", "/etc/passwd", "..\\..\\win.ini",
                     "C:\\Windows\\win.ini", "c:foto.jpg", "..", ".", "foto/../../x.jpg",
                     "\\\\server\\share\\x.jpg", " ../x.jpg"]
    kept_names = ["..%2F..%2Fetc%2Fpasswd", "%2e%2e%2f", "foto..jpg", "...", "C .jpg"]
    for name in [*refused_names, *kept_names, "foto\x00.jpg", "foto\n.jpg"]:
        content = name.encode()
        payload = {"uuid": str(uuid.uuid4()), "ticket_uuid": ticket["uuid"], "filename": name,
                   "media_type": "image/jpeg", "size": len(content),
                   "sha256": hashlib.sha256(content).hexdigest()}
        answer = requests.post(central.url + "/v1/changes",
                               headers=_headers("/v1", device.token), timeout=TIMEOUT,
                               json={"changes": [{"id": str(uuid.uuid4()),
                                                  "kind": "attachment.added",
                                                  "entity_uuid": payload["uuid"],
                                                  "payload": payload}]})
        if "\x00" in name or "\n" in name:
            assert assert_error_shape(answer, 422)["field"] == "changes[0].payload.filename"
            continue
        assert answer.status_code == 200, answer.text
        result = answer.json()["results"][0]
        if name in refused_names:
            assert result["result"] == "rejected", name
            assert result["error"]["code"] == "invalid_filename"
            if len(name) > 3:
                assert name not in json.dumps(result["error"])  # not echoed
        else:
            assert result["result"] == "accepted", (name, result)
            put = requests.put(f"{central.url}/v1/attachments/{payload['sha256']}",
                               data=content, headers=_auth(device.token), timeout=TIMEOUT)
            assert put.status_code == 201
    detail = requests.get(f"{central.url}/v1/tickets/{ticket['uuid']}",
                          headers=_auth(device.token), timeout=TIMEOUT).json()
    assert sorted(a["filename"] for a in detail["attachments"]) == sorted(kept_names)
    created = _files(*watched) - before
    # The server keeps files in its database: nothing new on disk but SQLite's own files.
    assert all(Path(p).name.startswith("central.sqlite3") for p in created), created
    _healthy(central.url, device.token)


def _now() -> str:
    return datetime.now(UTC).isoformat()
