"""A real posko-central (the reference server) on 127.0.0.1 for the desk's sync tests.

Each test gets its own server database (SQLite in tmp_path) so desk numbers never clash;
the server can be stopped and started again on the same port ("server down / up").
"""

from __future__ import annotations

import socket
import threading
import time
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import pytest
import requests
import uvicorn
from posko_central.app import Settings, create_app
from posko_central.auth import add_device
from posko_central.db import Database, migrate, sqlite_url

from posko import catalogues
from posko.domain.status import Status
from posko.domain.tracking import make_tracking_code
from posko.secrets import KeyringSecrets
from posko.store.database import Store
from posko.sync import SyncEngine, enrol

TIMEOUT = 10


class _Thread:
    """uvicorn in a background thread on a given 127.0.0.1 port (re-bindable)."""

    def __init__(self, app: Any, port: int) -> None:
        self.sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM, socket.IPPROTO_TCP)
        self.sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self.sock.bind(("127.0.0.1", port))
        self.port = int(self.sock.getsockname()[1])
        config = uvicorn.Config(app, log_config=None, access_log=False, ws="none",
                                lifespan="off", timeout_keep_alive=1)
        self.server = uvicorn.Server(config)
        self.thread = threading.Thread(target=self.server.run,
                                       kwargs={"sockets": [self.sock]}, daemon=True)

    def start(self) -> None:
        self.thread.start()
        deadline = time.monotonic() + 20
        while not self.server.started:
            if time.monotonic() > deadline or not self.thread.is_alive():
                raise RuntimeError("the test server did not start")
            time.sleep(0.01)

    def stop(self) -> None:
        self.server.should_exit = True
        self.thread.join(20)
        assert not self.thread.is_alive(), "the test server did not stop"
        self.sock.close()


@dataclass
class Central:
    """The reference server: its DB (for direct checks) and a stoppable HTTP front."""

    db: Database
    port: int = 0
    app: Any = None
    _thread: _Thread | None = None
    devices: list[str] = field(default_factory=list)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self) -> None:
        assert self._thread is None
        self._thread = _Thread(self.app, self.port)
        self.port = self._thread.port
        self._thread.start()

    def stop(self) -> None:
        if self._thread is not None:
            self._thread.stop()
            self._thread = None

    @property
    def running(self) -> bool:
        return self._thread is not None

    def add_device(self, kecamatan: str = "31.75.04", desk: int = 1,
                   name: str = "Meja uji") -> str:
        info, code = add_device(self.db, kecamatan, name, desk=desk)
        self.devices.append(info.public_id)
        return code

    def enrol_raw(self, kecamatan: str = "31.75.04", desk: int = 2) -> str:
        """A second device's bearer token (the 'other desk' of the same kecamatan)."""
        code = self.add_device(kecamatan, desk, name=f"Meja {desk}")
        answer = requests.post(self.url + "/v1/enrolments", json={"code": code},
                               timeout=TIMEOUT)
        assert answer.status_code == 201, answer.status_code
        return str(answer.json()["token"])


@pytest.fixture
def central(tmp_path: Path) -> Iterator[Central]:
    url = sqlite_url(tmp_path / "central.sqlite3")
    db = Database(url)
    migrate(db)
    server = Central(db=db, app=create_app(Settings(db_url=url), db))
    server.start()
    try:
        yield server
    finally:
        server.stop()
        db.close()


def no_sleep_engine(store: Store, secrets: KeyringSecrets, **kwargs: Any) -> tuple[
        SyncEngine, list[float]]:
    """An engine whose backoff waits are recorded instead of slept."""
    waits: list[float] = []
    engine = SyncEngine(store, secrets, sleep=waits.append, **kwargs)
    return engine, waits


@pytest.fixture
def enrolled(store: Store, secrets: KeyringSecrets, central: Central) -> Store:
    """The test desk (31.75.04, desk 1) enrolled with `central`."""
    enrol(store, secrets, central.url, central.add_device())
    return store


@pytest.fixture
def engine_factory(store: Store, secrets: KeyringSecrets) -> Callable[..., tuple[
        SyncEngine, list[float]]]:
    def make(**kwargs: Any) -> tuple[SyncEngine, list[float]]:
        return no_sleep_engine(store, secrets, **kwargs)

    return make


# --- other devices of the city, talking to `central` directly (shared by several test files)

REPORTER_NAME = "Siti Aminah"
REPORTER_PHONE = "0812-3456-7890"


def other_desk_push(central: Central, token: str, *changes: dict[str, Any]) -> list[Any]:
    answer = requests.post(central.url + "/v1/changes", json={"changes": list(changes)},
                           headers={"Authorization": f"Bearer {token}",
                                    "Idempotency-Key": str(uuid.uuid4())}, timeout=TIMEOUT)
    assert answer.status_code == 200, answer.status_code
    results: list[Any] = answer.json()["results"]
    return results


def status_change(ticket_uuid: str, status: str, **extra: Any) -> dict[str, Any]:
    event_uuid = str(uuid.uuid4())
    return {"id": str(uuid.uuid4()), "kind": "status.changed", "entity_uuid": event_uuid,
            "payload": {"uuid": event_uuid, "ticket_uuid": ticket_uuid, "status": status,
                        "at": datetime.now(UTC).isoformat(), "actor": "dinas", **extra}}


@dataclass
class Device:
    central: Central
    token: str
    kecamatan: str
    desk: int

    def push(self, kind: str, payload: dict[str, Any]) -> None:
        change = {"id": str(uuid.uuid4()), "kind": kind, "entity_uuid": payload["uuid"],
                  "created_at": datetime.now(UTC).isoformat(), "payload": payload}
        answer = requests.post(self.central.url + "/v1/changes", json={"changes": [change]},
                               headers={"Authorization": f"Bearer {self.token}",
                                        "Idempotency-Key": str(uuid.uuid4())},
                               timeout=TIMEOUT)
        assert answer.status_code == 200, answer.status_code
        assert answer.json()["results"][0]["result"] == "accepted"

    def create_ticket(self, sequence: int = 1) -> dict[str, Any]:
        now = datetime.now(UTC).isoformat()
        payload = {
            "uuid": str(uuid.uuid4()),
            "tracking_code": make_tracking_code(self.kecamatan, date.today(), self.desk,
                                                sequence),
            "origin": "desk", "category": "sampah",
            "kelurahan_code": catalogues.kelurahan_of(self.kecamatan)[0].code,
            "rw": 5, "rt": 3, "address": "Jl. Raya Bogor No. 12",
            "latitude": -6.27, "longitude": 106.86,
            "description": "Sampah menumpuk di pinggir jalan sudah tiga hari",
            "reporter": {"kind": "named", "name": REPORTER_NAME, "phone": REPORTER_PHONE,
                         "has_nik": True, "contact": "whatsapp"},
            "consent": True, "officer": "budi", "status": "received",
            "needs_field_check": False, "external_refs": [],
            "created_at": now, "updated_at": now,
        }
        self.push("ticket.created", payload)
        return payload

    def change_status(self, ticket: dict[str, Any], status: Status) -> None:
        self.push("status.changed", {
            "uuid": str(uuid.uuid4()), "ticket_uuid": ticket["uuid"], "status": status.value,
            "at": datetime.now(UTC).isoformat(), "actor": "budi", "source": "desk"})


def enrol_device(central: Central, kecamatan: str = "31.75.04", desk: int = 1) -> Device:
    code = central.add_device(kecamatan, desk)
    answer = requests.post(central.url + "/v1/enrolments", json={"code": code},
                           timeout=TIMEOUT)
    assert answer.status_code == 201, answer.status_code
    body = answer.json()
    return Device(central, str(body["token"]), kecamatan, int(body["desk_number"]))
