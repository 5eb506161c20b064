"""Real servers on 127.0.0.1 for the contract tests: SQLite always, PostgreSQL too.

PostgreSQL: a throwaway cluster in a temp folder, started once per session with the
server binaries found on this machine (Debian's ``/usr/lib/postgresql/*/bin``, or on PATH).
initdb refuses to run as root, so as root the cluster belongs to the ``postgres`` OS user
(``runuser``). The PostgreSQL half is skipped, with the reason, only when no initdb exists.
"""

from __future__ import annotations

import glob
import itertools
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
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
from posko.domain.tracking import make_tracking_code

TIMEOUT = 10  # seconds, for every HTTP call of the tests


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


# ------------------------------------------------------------------------------ PostgreSQL


def _pg_bindir() -> Path | None:
    candidates = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"), reverse=True)
    found = shutil.which("initdb")
    if found:
        candidates.append(found)
    return Path(candidates[0]).parent if candidates else None


@dataclass
class PgCluster:
    host: str
    port: int
    user: str
    counter: Iterator[int] = field(default_factory=itertools.count)

    def new_database(self) -> str:
        import psycopg

        name = f"posko_test_{next(self.counter)}_{uuid.uuid4().hex[:6]}"
        with psycopg.connect(host=self.host, port=self.port, user=self.user, dbname="postgres",
                             autocommit=True, connect_timeout=10) as conn:
            conn.execute(f'CREATE DATABASE "{name}"')
        return f"postgresql+psycopg://{self.user}@{self.host}:{self.port}/{name}"


@pytest.fixture(scope="session")
def pg_cluster() -> Iterator[PgCluster]:
    bindir = _pg_bindir()
    if bindir is None:
        pytest.skip("no PostgreSQL server binaries (initdb) on this machine; install "
                    "Debian's postgresql to run the contract tests against PostgreSQL")
    as_root = os.geteuid() == 0
    prefix: list[str] = []
    user = pwd.getpwuid(os.geteuid()).pw_name
    folder = Path(tempfile.mkdtemp(prefix="posko-pg-"))
    if as_root:
        try:
            owner = pwd.getpwnam("postgres")
        except KeyError:
            pytest.skip("running as root and there is no 'postgres' user to own the cluster")
        os.chown(folder, owner.pw_uid, owner.pw_gid)
        prefix = ["runuser", "-u", "postgres", "--"]
        user = "postgres"
    data = folder / "data"
    port = free_port()
    env = dict(os.environ, LC_ALL="C.UTF-8", LANG="C.UTF-8")
    subprocess.run([*prefix, str(bindir / "initdb"), "-D", str(data), "-A", "trust", "-U", user,
                    "-E", "UTF8", "--no-sync"], check=True, capture_output=True, timeout=120,
                   env=env)
    options = (f"-c listen_addresses=127.0.0.1 -p {port} -k {folder} -c fsync=off "
               "-c synchronous_commit=off -c full_page_writes=off -c max_connections=200")
    subprocess.run([*prefix, str(bindir / "pg_ctl"), "-D", str(data), "-o", options, "-l",
                    str(folder / "log"), "-w", "-t", "60", "start"], check=True,
                   capture_output=True, timeout=90, env=env)
    try:
        yield PgCluster("127.0.0.1", port, user)
    finally:
        subprocess.run([*prefix, str(bindir / "pg_ctl"), "-D", str(data), "-m", "immediate",
                        "-w", "-t", "30", "stop"], check=False, capture_output=True, timeout=60)
        shutil.rmtree(folder, ignore_errors=True)


# ------------------------------------------------------------------------------ servers


@dataclass
class Server:
    url: str
    db: Database
    backend: str
    session: requests.Session

    def get(self, path: str, **kwargs: Any) -> requests.Response:
        return self.session.get(self.url + path, timeout=TIMEOUT, **kwargs)

    def post(self, path: str, **kwargs: Any) -> requests.Response:
        return self.session.post(self.url + path, timeout=TIMEOUT, **kwargs)

    def put(self, path: str, **kwargs: Any) -> requests.Response:
        return self.session.put(self.url + path, timeout=TIMEOUT, **kwargs)


class ServerThread:
    """uvicorn serving an app in a background thread on a free 127.0.0.1 port."""

    def __init__(self, app: Any) -> None:
        # proto=IPPROTO_TCP explicitly: asyncio sets TCP_NODELAY only on sockets that say
        # so, and without it every answer waits ~40 ms for a delayed ACK.
        self.sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM, socket.IPPROTO_TCP)
        self.sock.bind(("127.0.0.1", 0))
        self.port = int(self.sock.getsockname()[1])
        config = uvicorn.Config(app, log_config=None, access_log=False, ws="none",
                                lifespan="off", timeout_keep_alive=5)
        self.server = uvicorn.Server(config)
        self.thread = threading.Thread(target=self.server.run,
                                       kwargs={"sockets": [self.sock]}, daemon=True)

    def __enter__(self) -> str:
        self.thread.start()
        deadline = time.monotonic() + 20
        while not self.server.started:
            if time.monotonic() > deadline or not self.thread.is_alive():
                raise RuntimeError("the test server did not start")
            time.sleep(0.02)
        return f"http://127.0.0.1:{self.port}"

    def __exit__(self, *exc: object) -> None:
        self.server.should_exit = True
        self.thread.join(20)
        self.sock.close()


def database_url(backend: str, request: pytest.FixtureRequest,
                 tmp_factory: pytest.TempPathFactory) -> str:
    if backend == "postgresql":
        cluster: PgCluster = request.getfixturevalue("pg_cluster")
        return cluster.new_database()
    return sqlite_url(tmp_factory.mktemp("central") / "central.sqlite3")


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def server(request: pytest.FixtureRequest,
           tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    url = database_url(request.param, request, tmp_path_factory)
    db = Database(url)
    migrate(db)
    app = create_app(Settings(db_url=url), db)
    with ServerThread(app) as base, requests.Session() as session:
        yield Server(base, db, request.param, session)
    db.close()


# ------------------------------------------------------------------------------ helpers


def _kecamatan_pool() -> Iterator[str]:
    for province in ("31", "32", "36"):
        for city in catalogues.subregions(province):
            for kec in catalogues.subregions(city.code):
                if catalogues.subregions(kec.code):
                    yield kec.code


_POOL = _kecamatan_pool()
_POOL_LOCK = threading.Lock()


def fresh_kecamatan() -> str:
    """A kecamatan no other test uses (tests share a server per module)."""
    with _POOL_LOCK:
        return next(_POOL)


@dataclass
class Desk:
    """An enrolled device, with helpers to build the changes a desk pushes."""

    server: Server
    token: str
    kecamatan: str
    desk_number: int
    device_id: str
    sequence: Iterator[int] = field(default_factory=lambda: itertools.count(1))

    @property
    def auth(self) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.token}"}

    def kelurahan(self) -> str:
        return catalogues.kelurahan_of(self.kecamatan)[0].code

    def ticket_payload(self, **overrides: Any) -> dict[str, Any]:
        now = datetime.now(UTC)
        code = make_tracking_code(self.kecamatan, date.today(), self.desk_number,
                                  next(self.sequence))
        payload: dict[str, Any] = {
            "uuid": str(uuid.uuid4()), "tracking_code": code, "origin": "desk",
            "category": "sampah", "kelurahan_code": self.kelurahan(), "rw": 5, "rt": 3,
            "address": "Jl. Raya Bogor No. 12", "latitude": -6.27, "longitude": 106.86,
            "description": "Sampah menumpuk di pinggir jalan sudah tiga hari",
            "reporter": {"kind": "named", "name": "Siti Aminah", "phone": "0812-3456-7890",
                         "has_nik": True, "contact": "whatsapp"},
            "consent": True, "officer": "budi", "status": "received",
            "needs_field_check": False, "external_refs": [],
            "created_at": now.isoformat(), "updated_at": now.isoformat(),
        }
        payload.update(overrides)
        return payload

    @staticmethod
    def change(kind: str, payload: dict[str, Any]) -> dict[str, Any]:
        return {"id": str(uuid.uuid4()), "kind": kind, "entity_uuid": payload["uuid"],
                "created_at": datetime.now(UTC).isoformat(), "payload": payload}

    def push(self, *changes: dict[str, Any], key: str | None = None,
             body: Any = None) -> requests.Response:
        return self.server.post(
            "/v1/changes", json={"changes": list(changes)} if body is None else body,
            headers={**self.auth, "Idempotency-Key": key or str(uuid.uuid4())})

    def create_ticket(self, **overrides: Any) -> dict[str, Any]:
        payload = self.ticket_payload(**overrides)
        answer = self.push(self.change("ticket.created", payload))
        assert answer.status_code == 200, answer.text
        assert answer.json()["results"][0]["result"] == "accepted", answer.text
        return payload

    def pull_all(self, cursor: str | None = None, limit: int = 100) -> tuple[list[dict[str, Any]],
                                                                            str]:
        items: list[dict[str, Any]] = []
        while True:
            params: dict[str, Any] = {"limit": limit}
            if cursor:
                params["cursor"] = cursor
            answer = self.server.get("/v1/changes", params=params, headers=self.auth)
            assert answer.status_code == 200, answer.text
            page = answer.json()
            items += page["changes"]
            cursor = page["next_cursor"]
            if not page["has_more"]:
                return items, cursor


def enrol(server: Server, kecamatan: str, name: str = "Meja uji",
          desk: int | None = None) -> Desk:
    _info, code = add_device(server.db, kecamatan, name, desk=desk)
    answer = server.post("/v1/enrolments", json={"code": code})
    assert answer.status_code == 201, answer.text
    body = answer.json()
    return Desk(server, body["token"], kecamatan, body["desk_number"], body["device_id"])


@pytest.fixture
def desk_factory(server: Server) -> Callable[..., Desk]:
    def make(kecamatan: str | None = None, **kwargs: Any) -> Desk:
        return enrol(server, kecamatan or fresh_kecamatan(), **kwargs)

    return make


@pytest.fixture
def desk(desk_factory: Callable[..., Desk]) -> Desk:
    return desk_factory()
