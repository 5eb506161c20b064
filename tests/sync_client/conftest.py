"""A real posko-central (the reference server) on 127.0.0.1 for the desk's sync tests.

Each test gets its own server database (SQLite in tmp_path) so desk numbers never clash;
the server can be stopped and started again on the same port ("server down / up").
"""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
import requests
import uvicorn
from posko_central.app import Settings, create_app
from posko_central.auth import add_device
from posko_central.db import Database, migrate, sqlite_url

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
