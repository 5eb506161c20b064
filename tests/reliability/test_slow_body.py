"""Slow bodies (slowloris) on the reference server (issue 8).

uvicorn has no body read timeout: a client that sent its headers and then stalled, or
trickled its body a byte now and then, held a connection and a worker for ever. The body
middleware (posko_central.limits) now gives the body `body_timeout` seconds after the
request head (plus 1 s per 16 KiB received, at most 300 s) and answers 408 in the one error
shape (Open311: GeoReport v2's array), then closes the connection. Here the timeout is 1 s,
so the whole file takes a few seconds; the slow clients are raw sockets (no client library
finishing the body for us).
"""

from __future__ import annotations

import contextlib
import json
import socket
import time
from collections.abc import Iterator
from typing import Any

import pytest
import requests
from posko_central import cli
from posko_central.limits import DEFAULT_BODY_TIMEOUT, BodyLimitMiddleware, _Deadline

from tests.reliability.server_routes import serve_backend

BODY_TIMEOUT = 1.0
TIMEOUT = 10


@pytest.fixture(scope="module")
def server(request: pytest.FixtureRequest,
           tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    with serve_backend("sqlite", request, tmp_path_factory,
                       body_timeout=BODY_TIMEOUT) as running:
        yield running


def _port(server: Any) -> int:
    return int(server.url.rsplit(":", 1)[1])


def _open(server: Any, head: str, first_bytes: bytes = b"") -> socket.socket:
    sock = socket.create_connection(("127.0.0.1", _port(server)), timeout=TIMEOUT)
    sock.sendall(head.encode("latin-1") + first_bytes)
    return sock


def _answer(sock: socket.socket, *, deadline: float,
            already: bytes = b"") -> tuple[bytes, bytes, bool]:
    """(head, body, closed): read until the server closes the connection or `deadline`."""
    data = already
    closed = False
    while time.monotonic() < deadline:
        sock.settimeout(max(0.05, deadline - time.monotonic()))
        try:
            chunk = sock.recv(65536)
        except TimeoutError:
            break
        except ConnectionResetError:
            closed = True
            break
        if not chunk:
            closed = True
            break
        data += chunk
    head, _, body = data.partition(b"\r\n\r\n")
    return head, body, closed


def _post_head(path: str, length: int | None, content_type: str = "application/json",
               *, close: bool = False) -> str:
    size = (f"Content-Length: {length}\r\n" if length is not None
            else "Transfer-Encoding: chunked\r\n")
    connection = "Connection: close\r\n" if close else ""
    return (f"POST {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: {content_type}\r\n"
            f"{size}{connection}\r\n")


def test_stalled_and_trickled_bodies_get_408_and_the_connection_closed(server: Any) -> None:
    started = time.monotonic()
    stalled = {
        # headers, then part of the declared body, then nothing
        "declared": _open(server, _post_head("/v1/enrolments", 100), b'{"code": "AB'),
        # headers only
        "nothing": _open(server, _post_head("/v1/enrolments", 40)),
        # chunked: one chunk, then nothing
        "chunked": _open(server, _post_head("/v1/enrolments", None), b"5\r\n{\"cod\r\n"),
        # Open311 answers in its own error format
        "open311": _open(server, _post_head("/open311/v2/requests.json", 500,
                                            "application/x-www-form-urlencoded"), b"api_k"),
    }
    trickle = _open(server, _post_head("/v1/enrolments", 1000))
    # The trickle keeps sending (no single read ever waits long), yet the body is late.
    received = b""
    trickle.setblocking(False)
    for _ in range(100):
        if b"\r\n\r\n" in received or time.monotonic() - started > BODY_TIMEOUT + 3:
            break
        try:
            trickle.sendall(b" ")
        except (BlockingIOError, BrokenPipeError, ConnectionResetError):
            break
        with contextlib.suppress(BlockingIOError):
            received += trickle.recv(65536)
        time.sleep(0.05)
    trickle.setblocking(True)
    head, _, _ = _answer(trickle, deadline=time.monotonic() + 3, already=received)
    assert head.startswith(b"HTTP/1.1 408"), head[:200]
    assert time.monotonic() - started >= BODY_TIMEOUT
    trickle.close()

    answers = {}
    for name, sock in stalled.items():
        answers[name] = _answer(sock, deadline=started + BODY_TIMEOUT + 5)
        sock.close()
    elapsed = time.monotonic() - started
    for name, (head, body, closed) in answers.items():
        assert head.startswith(b"HTTP/1.1 408"), (name, head[:200])
        assert b"connection: close" in head.lower(), name
        assert closed, name  # the worker and the connection are free again
        document = json.loads(body)
        if name == "open311":
            assert document == [{"code": 408, "description": document[0]["description"]}]
        else:
            assert set(document) == {"code", "message_id", "message_en", "field", "errors"}
            assert document["code"] == "request_timeout"
            assert "detik" in document["message_id"]
            assert "seconds" in document["message_en"]
            assert "AB" not in body.decode()  # nothing of what was sent is echoed
    assert BODY_TIMEOUT <= elapsed < BODY_TIMEOUT + 4
    # and the server is as good as before
    assert requests.get(server.url + "/healthz", timeout=TIMEOUT).status_code == 200


def test_the_server_answers_others_while_bodies_stall(server: Any) -> None:
    stalled = [_open(server, _post_head("/v1/enrolments", 100), b"{") for _ in range(8)]
    try:
        started = time.monotonic()
        for _ in range(5):
            assert requests.get(server.url + "/healthz", timeout=TIMEOUT).status_code == 200
        answer = requests.post(server.url + "/v1/enrolments", json={"code": "AAAA-BBBB-CCCC"},
                               timeout=TIMEOUT)
        assert answer.status_code == 400  # a whole body is read and answered at once
        assert time.monotonic() - started < BODY_TIMEOUT
    finally:
        for sock in stalled:
            sock.close()


def test_a_body_that_arrives_in_time_is_served(server: Any) -> None:
    """Slow but in time (a 2G link): every byte is handed to the route."""
    body = json.dumps({"code": "AAAA-BBBB-CCCC"}).encode()
    sock = _open(server, _post_head("/v1/enrolments", len(body), close=True))
    try:
        for start in range(0, len(body), 8):
            sock.sendall(body[start:start + 8])
            time.sleep(BODY_TIMEOUT / 10)
        head, answer, _ = _answer(sock, deadline=time.monotonic() + 0.5 + BODY_TIMEOUT)
    finally:
        sock.close()
    assert head.startswith(b"HTTP/1.1 400"), head[:200]
    assert json.loads(answer)["code"] == "enrolment_code_invalid"


def test_a_large_body_on_a_slow_honest_link_earns_more_time(server: Any) -> None:
    """Beyond `body_timeout`, every 16 KiB received buys a second: an attachment on a slow
    link is not cut off, a trickle is (above)."""
    body = json.dumps({"code": "AAAA-BBBB-CCCC"}).encode() + b" " * (64 * 1024)
    sock = _open(server, _post_head("/v1/enrolments", len(body), close=True))
    started = time.monotonic()
    try:
        for start in range(0, len(body), 8 * 1024):  # ~40 KiB/s
            sock.sendall(body[start:start + 8 * 1024])
            time.sleep(BODY_TIMEOUT / 5)
        head, answer, _ = _answer(sock, deadline=time.monotonic() + 3)
    finally:
        sock.close()
    assert time.monotonic() - started > 1.5 * BODY_TIMEOUT
    assert head.startswith(b"HTTP/1.1 400"), head[:200]
    assert json.loads(answer)["code"] == "enrolment_code_invalid"


def test_the_extra_time_is_capped() -> None:
    deadline = _Deadline(1.0, 16 * 1024, 2.0)
    assert 0.9 < deadline.remaining() <= 1.0
    deadline.received(16 * 1024)
    assert 1.9 < deadline.remaining() <= 2.0
    deadline.received(100 * 1024 * 1024)
    assert deadline.remaining() <= 2.0
    flat = _Deadline(1.0, 0, 300.0)  # min_rate 0: no extension at all
    flat.received(100 * 1024 * 1024)
    assert flat.remaining() <= 1.0


def test_a_slow_oversize_body_is_cut_off_too(server: Any) -> None:
    """A declared oversize body is drained (so the client sees its 413), but not for ever."""
    sock = _open(server, _post_head("/v1/enrolments", 2 * 1024 * 1024), b"x" * 1000)
    try:
        started = time.monotonic()
        head, _, closed = _answer(sock, deadline=started + BODY_TIMEOUT + 3)
    finally:
        sock.close()
    assert head.startswith(b"HTTP/1.1 413"), head[:200]
    assert closed
    assert time.monotonic() - started < BODY_TIMEOUT + 2


def test_serve_passes_the_timeout_and_the_concurrency_limit(
        monkeypatch: pytest.MonkeyPatch, tmp_path: Any) -> None:
    import uvicorn
    from posko_central import logs

    runs: list[tuple[Any, dict[str, Any]]] = []
    monkeypatch.setattr(logs, "configure", lambda *_args: None)  # keep pytest's logging
    monkeypatch.setattr(uvicorn, "run", lambda app, **kwargs: runs.append((app, kwargs)))
    url = f"sqlite:///{tmp_path / 'central.sqlite3'}"
    assert cli.main(["--db", url, "serve", "--body-timeout", "2.5",
                     "--limit-concurrency", "7"]) == 0
    assert cli.main(["--db", url, "serve"]) == 0
    assert cli.main(["--db", url, "serve", "--limit-concurrency", "0"]) == 0
    limits = [kwargs["limit_concurrency"] for _, kwargs in runs]
    assert limits == [7, cli.DEFAULT_LIMIT_CONCURRENCY, None]
    timeouts = [next(m.kwargs["body_timeout"] for m in app.user_middleware
                     if m.cls is BodyLimitMiddleware) for app, _ in runs]
    assert timeouts == [2.5, DEFAULT_BODY_TIMEOUT, DEFAULT_BODY_TIMEOUT]
    assert cli.main(["--db", url, "serve", "--body-timeout", "0"]) == 2
