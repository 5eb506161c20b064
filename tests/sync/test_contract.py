"""sync/openapi.yaml is the contract: the running server serves exactly it, and answers
conform to it whatever the client sends (property-based fuzzing with schemathesis).

Why compare the served document with the file: the server's document is generated from the
code (FastAPI + pydantic), so comparing it with the checked-in file makes any change of the
API show up as a diff of the contract, and the two can never drift apart. A deliberate change
is made with ``posko-central openapi --output sync/openapi.yaml``. Why also fuzz: a document
can be right while the code answers something else; schemathesis checks every answer against
the *checked-in* file (status codes, content types, response schemas, rejection of invalid
data) and that no input gives a 5xx.
"""

from __future__ import annotations

import difflib
import json
import time
from pathlib import Path
from typing import Any

import pytest
import requests
import schemathesis
import yaml
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st
from schemathesis import GenerationMode
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    negative_data_rejection,
    response_schema_conformance,
    status_code_conformance,
)

from tests.sync.conftest import Desk, Server

ROOT = Path(__file__).resolve().parents[2]
CONTRACT = ROOT / "sync" / "openapi.yaml"
CHECKS = [not_a_server_error, status_code_conformance, content_type_conformance,
          response_schema_conformance, negative_data_rejection]


def test_running_server_serves_the_checked_in_contract(server: Server) -> None:
    served = server.get("/openapi.json").json()
    checked_in = yaml.safe_load(CONTRACT.read_text(encoding="utf-8"))
    assert served["openapi"].startswith("3.1")
    if served != checked_in:
        diff = "\n".join(difflib.unified_diff(
            yaml.safe_dump(checked_in, sort_keys=True).splitlines(),
            yaml.safe_dump(served, sort_keys=True).splitlines(),
            "sync/openapi.yaml", "served /openapi.json", lineterm="", n=2))
        pytest.fail("The server's API differs from sync/openapi.yaml. If the change is "
                    "intended, run `posko-central openapi --output sync/openapi.yaml`.\n"
                    + diff[:6000])


def test_every_route_is_in_the_contract(server: Server) -> None:
    paths = yaml.safe_load(CONTRACT.read_text(encoding="utf-8"))["paths"]
    for path in ("/v1/changes", "/v1/enrolments", "/v1/tickets", "/v1/tickets/{ref}",
                 "/v1/attachments/{sha256}", "/healthz", "/open311/v2/discovery.json",
                 "/open311/v2/services.json", "/open311/v2/requests.json",
                 "/open311/v2/requests/{service_request_id}.json",
                 "/open311/v2/tokens/{token}.json"):
        assert path in paths
    assert set(paths["/v1/changes"]) == {"get", "post"}


def _credentials_negated(case: Any) -> bool:
    """A negative case that drops or breaks the credentials must be sent as generated
    (adding a valid token back would turn it into a valid request)."""
    meta = case.meta
    if meta is None:
        return False
    return any(location.name.lower() == "header" and info.mode is GenerationMode.NEGATIVE
               for location, info in meta.components.items())


def fuzz(server: Server, desk: Desk, examples: int, *, derandomize: bool) -> int:
    """Send `examples` generated requests (valid and invalid) to every operation."""
    schema = schemathesis.openapi.from_dict(yaml.safe_load(CONTRACT.read_text(encoding="utf-8")))
    operations = [result.ok() for result in schema.get_all_operations()]
    strategies = [op.as_strategy(generation_mode=mode) for op in operations
                  for mode in (GenerationMode.POSITIVE, GenerationMode.NEGATIVE)]
    sent = 0
    statuses: dict[int, int] = {}

    @settings(max_examples=examples, deadline=None, database=None, derandomize=derandomize,
              suppress_health_check=list(HealthCheck), phases=[Phase.generate, Phase.shrink],
              report_multiple_bugs=False)
    @given(case=st.one_of(strategies))
    def run(case: Any) -> None:
        nonlocal sent
        # Mostly as an enrolled desk, so the fuzzing reaches past authentication; the
        # generated credentials of the other cases test the refusals.
        authenticated = sent % 8 != 7 and not _credentials_negated(case)
        headers = dict(desk.auth) if authenticated else {}
        if authenticated and isinstance(case.query, dict) and "api_key" in case.query:
            case.query["api_key"] = desk.token
        if authenticated and isinstance(case.body, dict) and "api_key" in case.body:
            case.body["api_key"] = desk.token
        response = case.call(base_url=server.url, session=server.session, headers=headers,
                             timeout=15)
        sent += 1
        statuses[response.status_code] = statuses.get(response.status_code, 0) + 1
        case.validate_response(response, checks=CHECKS, headers=headers)

    run()
    print(f"fuzz[{server.backend}]: {sent} requests, statuses {json.dumps(statuses)}")
    return sent


def test_fuzzing_finds_no_server_errors(server: Server, desk: Desk) -> None:
    started = time.monotonic()
    sent = fuzz(server, desk, 200, derandomize=True)
    assert sent >= 200
    assert time.monotonic() - started < 90


@pytest.mark.slow
def test_long_fuzzing_run(server: Server, desk: Desk) -> None:
    """>= 10,000 requests per backend (run with `pytest -m slow`)."""
    assert fuzz(server, desk, 10_000, derandomize=False) >= 10_000


def test_schemathesis_sees_requests_module() -> None:  # keep the import honest
    assert requests.__version__
