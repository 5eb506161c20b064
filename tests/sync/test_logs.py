"""Logs are structured, carry request ids, and never hold personal data."""

from __future__ import annotations

import json
import logging
import os
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest
import requests
from posko_central.auth import add_device
from posko_central.db import Database, migrate, sqlite_url
from posko_central.logs import JsonFormatter, RequestIdFilter

from tests.sync.conftest import TIMEOUT, Desk, Server, free_port

NAME = "Rahmawati Kusumaningrum"
PHONE_TYPED = "0857-1122-3344"
PHONE_DIGITS = "85711223344"
NIK = "3175046708800003"
CLIENT_LOGGERS = ("urllib3", "requests")
SECRETS = (NAME, "Rahmawati", "Kusumaningrum", PHONE_DIGITS, "1122-3344", NIK)


def push_personal_data(desk: Desk) -> None:
    payload = desk.ticket_payload(reporter={"kind": "anonymous", "name": NAME,
                                            "phone": PHONE_TYPED, "has_nik": True},
                                  description=f"Saya {NAME}, hubungi {PHONE_TYPED}")
    assert desk.push(desk.change("ticket.created", payload)).status_code == 200
    # A rejected item and a 422 that carry the data too.
    bad = desk.ticket_payload(reporter={"kind": "named", "name": NAME, "phone": "12345"})
    desk.push(desk.change("ticket.created", bad))
    nik = desk.ticket_payload(reporter={"kind": "named", "name": NAME, "nik": NIK})
    assert desk.push(desk.change("ticket.created", nik)).status_code == 422
    desk.server.get("/v1/tickets", params={"q": f"{NAME} {PHONE_TYPED}"}, headers=desk.auth)
    desk.server.get(f"/v1/tickets/{PHONE_TYPED}", headers=desk.auth)
    desk.server.get("/open311/v2/requests.json", params={"api_key": desk.token})


class Capture(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.addFilter(RequestIdFilter())
        self.setFormatter(JsonFormatter())
        self.lines: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        if record.name.startswith(CLIENT_LOGGERS):
            return  # the test's own HTTP client, in the same process
        self.lines.append(self.format(record))
        self.lines.append(repr(record.args))


def test_no_personal_data_in_debug_logs(server: Server, desk: Desk) -> None:
    root = logging.getLogger()
    capture = Capture()
    old_level = root.level
    root.addHandler(capture)
    root.setLevel(logging.DEBUG)
    try:
        push_personal_data(desk)
    finally:
        root.removeHandler(capture)
        root.setLevel(old_level)
    text = "\n".join(capture.lines)
    assert '"route": "/v1/changes"' in text
    assert '"status": 200' in text
    assert '"route": "/v1/tickets/{ref}"' in text  # the template, not the typed phone
    for secret in SECRETS:
        assert secret not in text, secret
    entries = [json.loads(line) for line in capture.lines if line.startswith("{")]
    access = [e for e in entries if e["logger"] == "posko_central.access"]
    assert all(len(e["request_id"]) == 32 for e in access)
    # Enrolment has no device yet; its access line (from the fixture) may still arrive while
    # the capture runs, because the server logs after the answer is sent.
    assert {e["device"] for e in access
            if e["route"].startswith("/v1/") and e["route"] != "/v1/enrolments"} == {
        desk.device_id}


def test_serve_command_logs_json_without_personal_data(tmp_path: Path) -> None:
    """The real `posko-central serve` at --log-level debug, in its own process."""
    url = sqlite_url(tmp_path / "central.sqlite3")
    db = Database(url)
    migrate(db)
    _, code = add_device(db, "31.75.04", "Meja log")
    db.close()
    port = free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith("POSKO_CENTRAL")}
    process = subprocess.Popen(
        [sys.executable, "-m", "posko_central.cli", "--db", url, "serve", "--port", str(port),
         "--log-level", "debug"], stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                if requests.get(base + "/healthz", timeout=2).status_code == 200:
                    break
            except requests.RequestException:
                pass
            assert time.monotonic() < deadline, "serve did not start"
            assert process.poll() is None, "serve exited"
            time.sleep(0.1)
        with requests.Session() as session:
            token = session.post(base + "/v1/enrolments", json={"code": code},
                                 timeout=TIMEOUT).json()["token"]
            server = Server(base, None, "sqlite", session)  # type: ignore[arg-type]
            desk = Desk(server, token, "31.75.04", 1, "-")
            push_personal_data(desk)
            answer = session.get(base + "/healthz", headers={"X-Request-ID": "trace-me-1"},
                                 timeout=TIMEOUT)
            assert answer.headers["x-request-id"] == "trace-me-1"
    finally:
        process.terminate()
        try:
            _, err = process.communicate(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
            _, err = process.communicate(timeout=20)
    text = err.decode("utf-8", "replace")
    lines = [json.loads(line) for line in text.splitlines() if line.startswith("{")]
    assert any(e.get("request_id") == "trace-me-1" for e in lines)
    assert any(e.get("route") == "/v1/changes" for e in lines)
    assert any(e.get("level") == "debug" for e in lines) or lines
    for secret in SECRETS:
        assert secret not in text, secret
    assert "GET /v1/tickets?q=" not in text  # uvicorn's access log is off


@pytest.mark.parametrize("value", ["../etc", "x" * 65, "ä"])
def test_bad_request_ids_are_replaced(server: Server, value: str) -> None:
    answer = server.get("/healthz", headers={"X-Request-ID": value.encode().decode("latin-1")})
    assert answer.headers["x-request-id"] != value
    assert len(answer.headers["x-request-id"]) == 32
    assert uuid.UUID(answer.headers["x-request-id"])
