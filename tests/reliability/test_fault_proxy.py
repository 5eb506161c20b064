"""The fault proxy itself: each fault is observable by a plain `requests` or socket client.

The upstream is a tiny threaded HTTP/1.1 server that counts the POSTs it *applied* (read in
full), so a test can tell "the server never saw it" from "applied, but the client never
heard".
"""

from __future__ import annotations

import json
import random
import socket
import threading
import time
from collections.abc import Iterator
from contextlib import suppress
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import pytest
import requests

from tests.reliability.fault_proxy import (
    CAPTIVE_PORTAL,
    KINDS,
    Fault,
    FaultProxy,
    ScriptedPlan,
    random_fault,
)

BODY = b"x" * 5000


class Upstream(ThreadingHTTPServer):
    daemon_threads = True
    applied = 0


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server: Upstream

    def log_message(self, format: str, *args: Any) -> None:
        pass

    def _send(self, status: int, body: bytes, **headers: str) -> None:
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        for name, value in headers.items():
            self.send_header(name.replace("_", "-"), value)
        self.end_headers()
        try:
            self.wfile.write(body)
        except OSError:
            self.close_connection = True  # the proxy dropped the client's answer

    def do_GET(self) -> None:
        if self.path == "/chunked":
            self.send_response(200)
            self.send_header("Transfer-Encoding", "chunked")
            self.end_headers()
            for part in (b"eins-", b"zwei-", b"drei"):
                self.wfile.write(f"{len(part):x}\r\n".encode() + part + b"\r\n")
            self.wfile.write(b"0\r\n\r\n")
            return
        self._send(200, BODY)

    def do_POST(self) -> None:
        if "Content-Length" not in self.headers:
            return  # cut off inside the head (http.server takes EOF as its end)
        length = int(self.headers["Content-Length"])
        data = self.rfile.read(length)
        if len(data) < length:
            return  # cut off: nothing applied
        self.server.applied += 1
        self._send(200, json.dumps({"applied": self.server.applied, "size": length}).encode())


@pytest.fixture
def upstream() -> Iterator[Upstream]:
    server = Upstream(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05},
                              daemon=True)
    thread.start()
    try:
        yield server
    finally:
        server.shutdown()
        server.server_close()
        thread.join(10)


@pytest.fixture
def proxy(upstream: Upstream) -> Iterator[FaultProxy]:
    with FaultProxy(("127.0.0.1", upstream.server_address[1]), max_stall=5) as running:
        yield running
    assert running.errors == []


def script(proxy: FaultProxy, *faults: Fault) -> None:
    proxy.plan = ScriptedPlan(faults)


def post(proxy: FaultProxy, session: requests.Session | None = None,
         timeout: float = 5) -> requests.Response:
    http = session or requests
    return http.post(proxy.url + "/v1/changes", data=b'{"changes": []}' * 20,
                     timeout=timeout)


def raw_exchange(proxy: FaultProxy, request: bytes, timeout: float = 5) -> bytes:
    with socket.create_connection(("127.0.0.1", proxy.port), timeout=timeout) as sock:
        sock.sendall(request)
        parts = []
        while True:
            chunk = sock.recv(65536)
            if not chunk:
                return b"".join(parts)
            parts.append(chunk)


GET = b"GET /data HTTP/1.1\r\nHost: x\r\n\r\n"


def test_pass_keeps_the_connection_alive_and_relays_chunked(proxy: FaultProxy) -> None:
    with requests.Session() as session:
        assert session.get(proxy.url + "/data", timeout=5).content == BODY
        assert session.get(proxy.url + "/chunked", timeout=5).content == b"eins-zwei-drei"
        assert post(proxy, session).json()["applied"] == 1
    exchanges = [exchange for exchange, _ in proxy.log]
    assert [(e.connection, e.number) for e in exchanges] == [(1, 1), (1, 2), (1, 3)]
    assert [e.path for e in exchanges] == ["/data", "/chunked", "/v1/changes"]
    assert proxy.counts() == {"pass": 3}


def test_latency_delays_the_answer(proxy: FaultProxy) -> None:
    script(proxy, Fault("latency", delay=0.3))
    started = time.monotonic()
    assert requests.get(proxy.url + "/data", timeout=5).content == BODY
    assert time.monotonic() - started >= 0.3


def test_drop_mid_request_never_reaches_the_server(proxy: FaultProxy,
                                                   upstream: Upstream) -> None:
    script(proxy, Fault("drop_request", after_bytes=60))
    with pytest.raises(requests.ConnectionError):
        post(proxy)
    assert post(proxy).json()["applied"] == 1  # only the second one was applied


def test_drop_mid_response_after_the_server_applied(proxy: FaultProxy,
                                                    upstream: Upstream) -> None:
    script(proxy, Fault("drop_response", after_bytes=10))
    assert raw_exchange(proxy, GET) == b"HTTP/1.1 2"  # 10 bytes, then the connection ends
    script(proxy, Fault("drop_response", after_bytes=10))
    with pytest.raises(requests.ConnectionError):
        post(proxy)
    assert upstream.applied == 1
    # Cut inside the header lines, http.client takes EOF as the end of the head: the client
    # sees a 200 with an empty body (so a JSON client must not trust a bare 200).
    script(proxy, Fault("drop_response", after_bytes=20))
    answer = post(proxy)
    assert (answer.status_code, answer.content) == (200, b"")
    assert upstream.applied == 2


def test_truncated_body_keeps_the_full_content_length(proxy: FaultProxy) -> None:
    script(proxy, Fault("truncate", fraction=0.5))
    answer = raw_exchange(proxy, GET)
    head, _, body = answer.partition(b"\r\n\r\n")
    assert b"Content-Length: 5000" in head
    assert len(body) == 2500
    script(proxy, Fault("truncate", fraction=0.1))
    with pytest.raises(requests.exceptions.ChunkedEncodingError):
        requests.get(proxy.url + "/data", timeout=5)


def test_reset_sends_rst(proxy: FaultProxy, upstream: Upstream) -> None:
    script(proxy, Fault("reset"))
    with socket.create_connection(("127.0.0.1", proxy.port), timeout=5) as sock:
        sock.sendall(GET)
        with pytest.raises(ConnectionResetError):
            sock.recv(100)
    script(proxy, Fault("reset", forward=True))
    with pytest.raises(requests.ConnectionError):
        post(proxy)
    assert upstream.applied == 1
    assert proxy.counts() == {"reset": 1, "reset_after_forward": 1}


def test_stall_until_the_client_times_out(proxy: FaultProxy, upstream: Upstream) -> None:
    script(proxy, Fault("stall"), Fault("stall", forward=True))
    for expected_applied in (0, 1):
        started = time.monotonic()
        with pytest.raises(requests.exceptions.ReadTimeout):
            post(proxy, timeout=0.3)
        assert 0.3 <= time.monotonic() - started < 3
        assert upstream.applied == expected_applied


def test_trickle_defeats_the_read_timeout(proxy: FaultProxy) -> None:
    script(proxy, Fault("trickle", piece=40, interval=0.05))  # ~5.2 KB in ~6.5 s
    started = time.monotonic()
    received = 0
    with requests.get(proxy.url + "/data", timeout=(1, 0.5), stream=True) as answer:
        for chunk in answer.iter_content(100):  # never a 0.5 s gap: no ReadTimeout
            received += len(chunk)
            if time.monotonic() - started > 1.5:
                break  # yet far too slow
    assert 0 < received < len(BODY)


@pytest.mark.parametrize(("status", "retry_after"), [(500, None), (502, None), (503, "7"),
                                                     (429, "120")])
def test_the_proxy_answers_itself(proxy: FaultProxy, upstream: Upstream, status: int,
                                  retry_after: str | None) -> None:
    script(proxy, Fault("status", status=status, retry_after=retry_after))
    answer = post(proxy)
    assert answer.status_code == status
    assert answer.headers.get("Retry-After") == retry_after
    assert b"nginx" in answer.content
    assert upstream.applied == 0


def test_replace_status_after_the_server_applied(proxy: FaultProxy,
                                                 upstream: Upstream) -> None:
    script(proxy, Fault("replace_status", status=502))
    assert post(proxy).status_code == 502
    assert upstream.applied == 1  # the nasty case: applied, but the client heard 502
    assert proxy.counts() == {"replace_status_502": 1}


def test_garbage_is_a_200_that_is_not_json(proxy: FaultProxy) -> None:
    script(proxy, Fault("garbage"))
    answer = requests.get(proxy.url + "/data", timeout=5)
    assert answer.status_code == 200
    assert answer.content == CAPTIVE_PORTAL
    with pytest.raises(requests.JSONDecodeError):
        answer.json()


def test_stop_closes_idle_connections_and_the_port(upstream: Upstream) -> None:
    proxy = FaultProxy(("127.0.0.1", upstream.server_address[1])).start()
    session = requests.Session()
    try:
        assert session.get(proxy.url + "/data", timeout=5).status_code == 200
        with socket.create_connection(("127.0.0.1", proxy.port), timeout=5) as idle:
            proxy.stop()
            with suppress(ConnectionResetError):  # RST: closed before it was accepted
                assert idle.recv(10) == b""  # the proxy closed it
        with pytest.raises(requests.ConnectionError):
            session.get(proxy.url + "/data", timeout=5)
        port = proxy.port
        proxy.start()  # the network is back, on the same port
        assert proxy.port == port
        assert session.get(proxy.url + "/data", timeout=5).content == BODY
    finally:
        session.close()
        proxy.stop()


def test_random_faults_cover_every_kind() -> None:
    rng = random.Random(1)
    for kind in KINDS:
        assert random_fault(rng, [kind]).kind == kind
