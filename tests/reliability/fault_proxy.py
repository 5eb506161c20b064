"""A fault-injecting HTTP/1.1 proxy for the sync tests (issue 8, network faults).

`FaultProxy` listens on 127.0.0.1 only and forwards to one upstream (the reference server).
It runs an asyncio event loop in its own thread, so a test drives it with plain blocking
calls: `start()`, `stop()` (or `with FaultProxy(...) as proxy:`).

It understands just enough HTTP/1.1 to find where each request and each response ends
(Content-Length or chunked), so it can inject a fault into *each exchange* on a kept-alive
client connection, not only into each TCP connection. Before every request it asks the plan
(`plan(exchange) -> Fault`) what to do; the `Exchange` names the connection (its number and
the request's number on it), the method and the path, so a plan can be per connection
(`lambda ex: faults[ex.connection]`), per request, scripted (`ScriptedPlan`) or random.

Every exchange opens a fresh upstream connection (the server's keep-alive timeout never
hides behind the proxy). `proxy.log` records (exchange, fault kind) for every request seen.

Faults (see `Fault`):

* ``pass`` / ``latency`` - forward unchanged (after `delay` seconds);
* ``drop_request`` - send only the first `after_bytes` bytes of the request upstream, then
  close both sides: the server never sees a whole request;
* ``drop_response`` - forward the request, relay only the first `after_bytes` bytes of the
  answer, then close (the server applied the request; the client never heard);
* ``truncate`` - forward, relay the answer's head (with its full Content-Length) and only
  `fraction` of its body, then close;
* ``reset`` - read the request (forward it first when `forward`), then RST the client
  connection (SO_LINGER 0);
* ``stall`` - read the request (forward it first when `forward`) and answer nothing until
  the client gives up (or `max_stall`);
* ``status`` - answer `status` itself (with `Retry-After` when given, an HTML body like a
  reverse proxy's) without forwarding;
* ``replace_status`` - forward, let the server answer, and replace its answer with `status`
  (the nasty one: the server applied a push but the desk never heard);
* ``garbage`` - answer 200 itself with `body` (default: a captive portal's HTML page);
* ``redirect`` - answer 302 itself to a login page on the same host (a captive portal);
* ``trickle`` - forward, then relay the answer `piece` bytes every `interval` seconds: no
  single read ever times out, yet the answer takes ages (a dying mobile link).
"""

from __future__ import annotations

import asyncio
import socket
import struct
import threading
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from contextlib import suppress
from dataclasses import dataclass, field
from typing import Any

KINDS = ("pass", "latency", "drop_request", "drop_response", "truncate", "reset", "stall",
         "status", "replace_status", "garbage", "redirect", "trickle")
REASONS = {200: "OK", 302: "Found", 429: "Too Many Requests", 500: "Internal Server Error",
           502: "Bad Gateway", 503: "Service Unavailable", 504: "Gateway Timeout"}
CAPTIVE_PORTAL = (b"<!DOCTYPE html><html><head><title>Login Wi-Fi</title></head><body>"
                  b"<p>Silakan masuk untuk memakai internet.</p></body></html>")
MAX_HEAD = 64 * 1024


@dataclass(frozen=True, slots=True)
class Fault:
    kind: str = "pass"
    delay: float = 0.0  # seconds before forwarding (every kind)
    after_bytes: int = 0  # drop_request / drop_response
    fraction: float = 0.5  # truncate: share of the body that is sent
    status: int = 502  # status / replace_status
    retry_after: str | None = None  # status / replace_status
    forward: bool = False  # reset / stall: let the server apply the request first
    body: bytes = CAPTIVE_PORTAL  # garbage
    piece: int = 1  # trickle: bytes per write
    interval: float = 0.1  # trickle: seconds between writes

    def __post_init__(self) -> None:
        if self.kind not in KINDS:
            raise ValueError(f"unknown fault kind {self.kind!r}")

    @property
    def label(self) -> str:
        """The kind as counted in reports (status faults carry their code)."""
        if self.kind in ("status", "replace_status"):
            return f"{self.kind}_{self.status}"
        if self.kind in ("reset", "stall") and self.forward:
            return f"{self.kind}_after_forward"
        return self.kind


PASS = Fault()


@dataclass(frozen=True, slots=True)
class Exchange:
    connection: int  # 1, 2, ... in accept order
    number: int  # 1, 2, ... on that connection
    method: str
    path: str


Plan = Callable[[Exchange], Fault]


class ScriptedPlan:
    """Faults in order, one per exchange; `default` once the script has run out."""

    def __init__(self, faults: Iterable[Fault], default: Fault = PASS) -> None:
        self._faults = list(faults)
        self._default = default
        self._lock = threading.Lock()

    def __call__(self, exchange: Exchange) -> Fault:
        with self._lock:
            return self._faults.pop(0) if self._faults else self._default

    @property
    def left(self) -> int:
        with self._lock:
            return len(self._faults)


class _Drop(Exception):
    """Close the client connection now (the fault has been delivered)."""


@dataclass
class _Head:
    raw: bytes
    first_line: str
    headers: list[tuple[str, str]] = field(default_factory=list)

    def get(self, name: str) -> str | None:
        wanted = name.lower()
        for key, value in self.headers:
            if key.lower() == wanted:
                return value
        return None


async def _read_head(reader: asyncio.StreamReader) -> _Head | None:
    try:
        raw = await reader.readuntil(b"\r\n\r\n")
    except asyncio.IncompleteReadError as exc:
        if exc.partial:
            raise _Drop() from None
        return None  # the peer closed between messages
    except asyncio.LimitOverrunError:
        raise _Drop() from None
    lines = raw[:-4].decode("latin-1").split("\r\n")
    head = _Head(raw, lines[0])
    for line in lines[1:]:
        name, _, value = line.partition(":")
        head.headers.append((name.strip(), value.strip()))
    return head


async def _read_chunked(reader: asyncio.StreamReader) -> bytes:
    """The raw chunked body, trailers included (relayed as it came)."""
    parts: list[bytes] = []
    while True:
        size_line = await reader.readuntil(b"\r\n")
        parts.append(size_line)
        size = int(size_line.split(b";")[0].strip(), 16)
        if size == 0:
            while True:
                trailer = await reader.readuntil(b"\r\n")
                parts.append(trailer)
                if trailer == b"\r\n":
                    return b"".join(parts)
        parts.append(await reader.readexactly(size + 2))


async def _read_body(reader: asyncio.StreamReader, head: _Head, *,
                     response_to: str | None = None) -> tuple[bytes, bool]:
    """(body, closes): the message body after `head`; closes=True when it ran to EOF."""
    if response_to is not None:
        status = int(head.first_line.split()[1])
        if response_to == "HEAD" or status in (204, 304) or 100 <= status < 200:
            return b"", False
    if (head.get("Transfer-Encoding") or "").lower() == "chunked":
        return await _read_chunked(reader), False
    length = head.get("Content-Length")
    if length is not None:
        return await reader.readexactly(int(length)), False
    if response_to is None:
        return b"", False  # a request without a body
    return await reader.read(), True


def _answer(status: int, body: bytes, *, retry_after: str | None = None,
            content_type: str = "text/html", location: str | None = None) -> bytes:
    lines = [f"HTTP/1.1 {status} {REASONS.get(status, 'Error')}",
             f"Content-Type: {content_type}", f"Content-Length: {len(body)}",
             "Connection: close"]
    if retry_after is not None:
        lines.append(f"Retry-After: {retry_after}")
    if location is not None:
        lines.append(f"Location: {location}")
    return ("\r\n".join(lines) + "\r\n\r\n").encode("latin-1") + body


def _error_page(status: int) -> bytes:
    reason = REASONS.get(status, "Error")
    return (f"<html><head><title>{status} {reason}</title></head><body><center><h1>{status} "
            f"{reason}</h1></center><hr><center>nginx</center></body></html>").encode()


class FaultProxy:
    """A 127.0.0.1 proxy in front of `upstream` (host, port) that injects `plan`'s faults."""

    def __init__(self, upstream: tuple[str, int], plan: Plan | None = None, *,
                 max_stall: float = 30.0, upstream_timeout: float = 30.0) -> None:
        self.upstream = upstream
        self.plan: Plan = plan or (lambda _exchange: PASS)
        self.max_stall = max_stall
        self.upstream_timeout = upstream_timeout
        self.port = 0
        self.log: list[tuple[Exchange, str]] = []
        self._lock = threading.Lock()
        self._loop: asyncio.AbstractEventLoop | None = None
        self._thread: threading.Thread | None = None
        self._ready = threading.Event()
        self._stopping: asyncio.Event | None = None
        self._tasks: set[asyncio.Task[Any]] = set()
        self._connections = 0
        self._error: BaseException | None = None
        self.errors: list[str] = []  # unexpected exceptions in the proxy itself (type names)

    # --- life cycle (called from the test's thread) -------------------------------------

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self) -> FaultProxy:
        assert self._thread is None, "already started"
        self._ready.clear()
        self._thread = threading.Thread(target=self._run, name="fault-proxy", daemon=True)
        self._thread.start()
        if not self._ready.wait(10) or self._error is not None:
            raise RuntimeError("the fault proxy did not start") from self._error
        return self

    def stop(self) -> None:
        if self._thread is None:
            return
        loop, stopping = self._loop, self._stopping
        if loop is not None and stopping is not None and not loop.is_closed():
            with suppress(RuntimeError):  # the loop ended on its own
                loop.call_soon_threadsafe(stopping.set)
        self._thread.join(20)
        assert not self._thread.is_alive(), "the fault proxy did not stop"
        self._thread = None

    def __enter__(self) -> FaultProxy:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    def counts(self) -> Counter[str]:
        """How many exchanges met each fault (by `Fault.label`)."""
        with self._lock:
            return Counter(label for _exchange, label in self.log)

    # --- the loop thread ---------------------------------------------------------------

    def _run(self) -> None:
        loop = asyncio.new_event_loop()
        self._loop = loop
        try:
            loop.run_until_complete(self._serve())
        except BaseException as exc:  # reported by start(); never silently half-running
            self._error = exc
            self._ready.set()
        finally:
            with suppress(Exception):
                loop.run_until_complete(loop.shutdown_asyncgens())
            loop.close()

    async def _serve(self) -> None:
        self._stopping = asyncio.Event()
        server = await asyncio.start_server(self._accept, "127.0.0.1", self.port or 0)
        try:
            self.port = int(server.sockets[0].getsockname()[1])
            self._ready.set()
            await self._stopping.wait()
        finally:
            # Let asyncio finish accepting connections the kernel already holds: closing the
            # server while one is half accepted leaks its socket (an asyncio 3.11 bug).
            for _ in range(4):
                await asyncio.sleep(0.005)
            server.close()
            # Cancel the connection handlers; a connection accepted just now is still in
            # asyncio's own accept task and gets its handler later: let those run (they see
            # `_stopping` and close their socket) until no task but this one is left.
            me = asyncio.current_task()
            for _ in range(500):
                others = [task for task in asyncio.all_tasks()
                          if task is not me and not task.done()]
                if not others:
                    break
                for task in others:
                    if task in self._tasks:
                        task.cancel()
                await asyncio.sleep(0.002)
            await server.wait_closed()
            for _ in range(3):  # let closed transports release their sockets
                await asyncio.sleep(0)

    async def _accept(self, reader: asyncio.StreamReader,
                      writer: asyncio.StreamWriter) -> None:
        task = asyncio.current_task()
        assert task is not None
        self._tasks.add(task)
        self._connections += 1
        number = self._connections
        try:
            if self._stopping is None or self._stopping.is_set():
                return
            await self._connection(number, reader, writer)
        except asyncio.CancelledError:
            pass  # the proxy stops (swallowed: 3.11's stream callback logs a re-raise)
        except (TimeoutError, _Drop, ConnectionError, asyncio.IncompleteReadError,
                asyncio.LimitOverrunError, OSError):
            pass  # a delivered fault, or the client or upstream went away
        except Exception as exc:  # a bug in the proxy or the plan: the test checks `errors`
            with self._lock:
                self.errors.append(type(exc).__name__)
        finally:
            self._tasks.discard(task)
            writer.close()
            with suppress(Exception, asyncio.CancelledError):
                await writer.wait_closed()

    async def _connection(self, connection: int, reader: asyncio.StreamReader,
                          writer: asyncio.StreamWriter) -> None:
        for exchange_number in range(1, 100_000):
            head = await _read_head(reader)
            if head is None:
                return
            body, _ = await _read_body(reader, head)
            method, _, rest = head.first_line.partition(" ")
            exchange = Exchange(connection, exchange_number, method,
                                rest.rpartition(" ")[0] or rest)
            fault = self.plan(exchange)
            with self._lock:
                self.log.append((exchange, fault.label))
            if fault.delay > 0:
                await asyncio.sleep(fault.delay)
            keep_open = await self._exchange(fault, method, head.raw + body, reader, writer)
            closing = (head.get("Connection") or "").lower() == "close"
            if not keep_open or closing:
                return

    async def _exchange(self, fault: Fault, method: str, request: bytes,
                        reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> bool:
        """Deliver one exchange with `fault`; False when the client connection must close."""
        kind = fault.kind
        if kind == "status":
            await self._send(writer, _answer(fault.status, _error_page(fault.status),
                                             retry_after=fault.retry_after))
            return False
        if kind == "garbage":
            await self._send(writer, _answer(200, fault.body))
            return False
        if kind == "redirect":
            await self._send(writer, _answer(302, CAPTIVE_PORTAL, location="/login-wifi"))
            return False
        if kind == "drop_request":
            cut = max(0, min(fault.after_bytes, len(request) - 1))
            await self._upstream(request[:cut], method, partial=True)
            return False
        if kind in ("reset", "stall") and not fault.forward:
            await self._fault_without_answer(fault, reader, writer)
            return False
        answer, closes = await self._upstream(request, method)
        if kind in ("reset", "stall"):
            await self._fault_without_answer(fault, reader, writer)
            return False
        if kind == "replace_status":
            await self._send(writer, _answer(fault.status, _error_page(fault.status),
                                             retry_after=fault.retry_after))
            return False
        if kind == "drop_response":
            await self._send(writer, answer[:max(0, min(fault.after_bytes, len(answer) - 1))])
            return False
        if kind == "trickle":
            for start in range(0, len(answer), max(1, fault.piece)):
                await self._send(writer, answer[start:start + max(1, fault.piece)])
                await asyncio.sleep(fault.interval)
            return not closes
        if kind == "truncate":
            head_end = answer.find(b"\r\n\r\n") + 4
            body_len = len(answer) - head_end
            keep = min(int(body_len * fault.fraction), body_len - 1) if body_len else 0
            await self._send(writer, answer[:head_end + max(0, keep)])
            return False
        await self._send(writer, answer)  # pass / latency
        return not closes

    async def _fault_without_answer(self, fault: Fault, reader: asyncio.StreamReader,
                                    writer: asyncio.StreamWriter) -> None:
        if fault.kind == "reset":
            sock = writer.get_extra_info("socket")
            if sock is not None:
                sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
            writer.transport.abort()
            return
        # stall: hold the connection, say nothing, until the client gives up
        with suppress(asyncio.TimeoutError):
            await asyncio.wait_for(reader.read(), self.max_stall)

    @staticmethod
    async def _send(writer: asyncio.StreamWriter, data: bytes) -> None:
        if data:
            writer.write(data)
            await writer.drain()

    async def _upstream(self, request: bytes, method: str, *,
                        partial: bool = False) -> tuple[bytes, bool]:
        """Send `request` on a fresh upstream connection; (raw answer, answer ran to EOF)."""
        host, port = self.upstream
        up_reader, up_writer = await asyncio.wait_for(
            asyncio.open_connection(host, port), self.upstream_timeout)
        try:
            up_writer.write(request)
            await up_writer.drain()
            if partial:
                return b"", True
            head = await asyncio.wait_for(_read_head(up_reader), self.upstream_timeout)
            if head is None:
                raise _Drop()
            body, closes = await asyncio.wait_for(
                _read_body(up_reader, head, response_to=method), self.upstream_timeout)
            closes = closes or (head.get("Connection") or "").lower() == "close"
            return head.raw + body, closes
        finally:
            up_writer.close()
            with suppress(Exception):
                await up_writer.wait_closed()


def random_fault(rng: Any, kinds: Sequence[str], *, latency: float = 0.05,
                 stall_forward: bool | None = None) -> Fault:
    """One fault of a random kind from `kinds`, with random parameters (seeded `rng`)."""
    kind = rng.choice(list(kinds))
    if kind == "pass":
        return PASS
    if kind == "latency":
        return Fault("latency", delay=rng.uniform(0, latency))
    if kind == "drop_request":
        return Fault("drop_request", after_bytes=rng.randint(0, 400))
    if kind == "drop_response":
        return Fault("drop_response", after_bytes=rng.randint(0, 400))
    if kind == "truncate":
        return Fault("truncate", fraction=rng.uniform(0.0, 0.95))
    if kind in ("reset", "stall"):
        forward = rng.random() < 0.5 if stall_forward is None else stall_forward
        return Fault(kind, forward=forward)
    if kind in ("status", "replace_status"):
        status = rng.choice([500, 502, 503, 429])
        retry_after = rng.choice([None, "0", "1", "3", "120"])
        return Fault(kind, status=status, retry_after=retry_after)
    if kind == "redirect":
        return Fault("redirect")
    if kind == "trickle":
        return Fault("trickle", piece=rng.randint(1, 64), interval=rng.uniform(0.05, 0.3))
    if kind != "garbage":
        raise ValueError(f"no random parameters for {kind!r}")
    return Fault("garbage", body=rng.choice([CAPTIVE_PORTAL, b"[]", b"{}", b"{\"results\"",
                                             b"[" * 100_000]))
