"""Property-based fuzzing of every operation of the reference server (issue 8).

schemathesis generates valid and invalid requests from the checked-in contract
(``sync/openapi.yaml``) for every operation; almost all carry a real device token so they
get past authentication and into the handlers, against the real app over HTTP, on SQLite
and on PostgreSQL. Every answer is checked (no 5xx; status code, content type and body as
documented; invalid data refused), the requests are counted, and ``/healthz`` must answer
afterwards.

Default run: a few hundred requests per backend. The long run (``-m slow``) sends at least
``POSKO_FUZZ_REQUESTS`` (default 10,000) requests per backend::

    POSKO_FUZZ_REQUESTS=10000 .venv/bin/python -m pytest -m slow \\
        tests/reliability/test_server_fuzz.py -p no:cacheprovider -s

(`-s` prints the figures: requests, statuses, 5xx count, duration.)
"""

from __future__ import annotations

import json
import os
import time
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
import schemathesis
import yaml
from hypothesis import HealthCheck, Phase, given, seed, settings
from hypothesis import strategies as st
from schemathesis import GenerationMode
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    negative_data_rejection,
    response_schema_conformance,
    status_code_conformance,
)

from tests.reliability.server_routes import serve_backend
from tests.sync.conftest import (  # noqa: F401  (pg_cluster: a fixture, used by name)
    Desk,
    Server,
    enrol,
    fresh_kecamatan,
    pg_cluster,
)

CONTRACT = Path(__file__).resolve().parents[2] / "sync" / "openapi.yaml"
CHECKS = [not_a_server_error, status_code_conformance, content_type_conformance,
          response_schema_conformance, negative_data_rejection]
DEFAULT_REQUESTS = 300  # per backend, in the default run
LONG_REQUESTS = int(os.environ.get("POSKO_FUZZ_REQUESTS", "10000"))
LONG_TIME_LIMIT = float(os.environ.get("POSKO_FUZZ_SECONDS", "3000"))  # per backend


@dataclass
class FuzzStats:
    sent: int = 0
    statuses: dict[int, int] = field(default_factory=dict)
    per_operation: dict[str, int] = field(default_factory=dict)
    seconds: float = 0.0

    @property
    def server_errors(self) -> int:
        return sum(n for status, n in self.statuses.items() if status >= 500)

    def summary(self, backend: str) -> str:
        return (f"fuzz[{backend}]: {self.sent} requests in {self.seconds:.1f} s, 5xx: "
                f"{self.server_errors}, statuses {json.dumps(dict(sorted(self.statuses.items())))}"
                f", operations {len(self.per_operation)}")


def _credentials_negated(case: Any) -> bool:
    """A negative case that breaks the credentials is sent as generated (adding a valid token
    back would make it a valid request)."""
    meta = case.meta
    if meta is None:
        return False
    return any(location.name.lower() == "header" and info.mode is GenerationMode.NEGATIVE
               for location, info in meta.components.items())


def _operations() -> list[Any]:
    schema = schemathesis.openapi.from_dict(yaml.safe_load(CONTRACT.read_text(encoding="utf-8")))
    return [result.ok() for result in schema.get_all_operations()]


def fuzz(server: Server, token: str, target: int, *, time_limit: float) -> FuzzStats:
    """Send generated requests to every operation until `target` were sent (or time runs
    out: the caller's assertion on the count then fails)."""
    operations = _operations()
    strategies = [op.as_strategy(generation_mode=mode) for op in operations
                  for mode in (GenerationMode.POSITIVE, GenerationMode.NEGATIVE)]
    stats = FuzzStats()
    auth = {"Authorization": f"Bearer {token}"}
    started = time.monotonic()

    def send(case: Any) -> None:
        # One in eight is sent without the desk's token, so the refusals are fuzzed too.
        authenticated = stats.sent % 8 != 7 and not _credentials_negated(case)
        headers = dict(auth) if authenticated else {}
        if authenticated and isinstance(case.query, dict) and "api_key" in case.query:
            case.query["api_key"] = token
        if authenticated and isinstance(case.body, dict) and "api_key" in case.body:
            case.body["api_key"] = token
        response = case.call(base_url=server.url, session=server.session, headers=headers,
                             timeout=30)
        stats.sent += 1
        stats.statuses[response.status_code] = stats.statuses.get(response.status_code, 0) + 1
        label = case.operation.label
        stats.per_operation[label] = stats.per_operation.get(label, 0) + 1
        case.validate_response(response, checks=CHECKS, headers=headers)

    rounds = 0
    while stats.sent < target and time.monotonic() - started < time_limit and rounds < 1000:
        batch = min(target - stats.sent, 2000)

        @seed(rounds)  # reproducible: round n always generates the same requests
        @settings(max_examples=batch, deadline=None, database=None,
                  suppress_health_check=list(HealthCheck), phases=[Phase.generate, Phase.shrink],
                  report_multiple_bugs=False)
        @given(case=st.one_of(strategies))
        def run(case: Any) -> None:
            send(case)

        run()
        rounds += 1
    stats.seconds = time.monotonic() - started
    return stats


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def backend(request: pytest.FixtureRequest,
            tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    """The real app over HTTP on 127.0.0.1, on SQLite and on PostgreSQL. The enrolment
    brake is opened wide so that generated codes reach the enrolment code (the brake itself
    is tested in test_auth.py)."""
    with serve_backend(request.param, request, tmp_path_factory,
                       enrol_failures_per_address=10**9,
                       enrol_failures_overall=10**9) as server:
        yield server


def _seed_data(desk: Desk) -> None:
    """Something to find: a ticket with a note, so lookups and pulls return real rows."""
    ticket = desk.create_ticket()
    note = {"uuid": str(uuid.uuid4()), "ticket_uuid": ticket["uuid"],
            "at": ticket["created_at"], "officer": "budi", "text": "Warga menelpon"}
    assert desk.push(desk.change("note.added", note)).status_code == 200


def _assert_healthy(server: Server) -> None:
    answer = server.get("/healthz")
    assert answer.status_code == 200, answer.text
    assert answer.json()["status"] == "ok"


def test_fuzzing_every_operation_gives_no_server_error(backend: Server) -> None:
    server = backend
    desk = enrol(server, fresh_kecamatan())
    _seed_data(desk)
    stats = fuzz(server, desk.token, DEFAULT_REQUESTS, time_limit=120)
    print(stats.summary(server.backend))
    assert stats.sent >= DEFAULT_REQUESTS, stats.summary(server.backend)
    assert stats.server_errors == 0
    assert len(stats.per_operation) == len(_operations())  # every operation was reached
    assert sum(n for status, n in stats.statuses.items() if status < 300) > 0
    _assert_healthy(server)


@pytest.mark.slow
def test_long_fuzzing_run(backend: Server) -> None:
    """At least POSKO_FUZZ_REQUESTS (10,000) requests per backend; `-m slow`."""
    server = backend
    desk = enrol(server, fresh_kecamatan())
    _seed_data(desk)
    stats = fuzz(server, desk.token, LONG_REQUESTS, time_limit=LONG_TIME_LIMIT)
    print(stats.summary(server.backend))
    assert stats.sent >= LONG_REQUESTS, stats.summary(server.backend)
    assert stats.server_errors == 0
    assert len(stats.per_operation) == len(_operations())
    _assert_healthy(server)
