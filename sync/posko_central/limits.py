"""Request body limits, enforced before anything parses the body: size and time.

Size: a declared ``Content-Length`` over the limit is answered 413 without reading the body
into memory (when it declares at most ``DRAIN_CAP`` bytes it is read and discarded, so that
an ordinary HTTP client, which sends the whole body before it reads the answer, sees the
413 and not a reset connection; a larger one is answered at once and the connection
closed). A chunked body is buffered up to the limit.

Time: uvicorn itself has no body read timeout, so a client that sends its headers and then
stalls, or trickles the body a byte now and then, would hold a connection and a worker for
ever. Here the body must arrive within ``body_timeout`` seconds of the request head, plus one
second for every ``min_rate`` bytes received (a large attachment on a slow but honest link
gets the time it needs; a trickle earns next to nothing), and never more than ``max_time``
seconds in all (what the desk itself waits for a whole request). Past that the answer is 408
in the one error shape and the connection is closed. A body within the limits is therefore
read here, in full, and handed to the application from memory (the routes read the whole
body anyway).
"""

from __future__ import annotations

import math
import time

import anyio

from posko_central.errors import error_body, error_response
from posko_central.logs import ASGIApp, Message, Receive, Scope, Send

DEFAULT_BODY_LIMIT = 1024 * 1024  # 1 MiB: a push of 500 changes fits comfortably
DEFAULT_BODY_TIMEOUT = 30.0  # seconds for a body to arrive (stalled or trickled: 408) ...
DEFAULT_BODY_MIN_RATE = 16 * 1024  # ... plus 1 s per this many bytes received ...
DEFAULT_BODY_MAX_TIME = 300.0  # ... and never more (the desk's own whole-request deadline)
DRAIN_CAP = 64 * 1024 * 1024


class _Deadline:
    """When the body must be complete: `timeout` after the head, extended as bytes arrive."""

    def __init__(self, timeout: float, min_rate: int, max_time: float) -> None:
        self.started = time.monotonic()
        self.at = self.started + timeout
        self.latest = self.started + max(timeout, max_time)
        self.min_rate = min_rate

    def remaining(self) -> float:
        return max(self.at - time.monotonic(), 0.0)

    def received(self, size: int) -> None:
        if self.min_rate > 0 and size:
            self.at = min(self.at + size / self.min_rate, self.latest)

    def elapsed(self) -> float:
        return time.monotonic() - self.started


class BodyLimitMiddleware:
    def __init__(self, app: ASGIApp, *, default_limit: int, attachment_limit: int,
                 body_timeout: float = DEFAULT_BODY_TIMEOUT,
                 min_rate: int = DEFAULT_BODY_MIN_RATE,
                 max_time: float = DEFAULT_BODY_MAX_TIME) -> None:
        self.app = app
        self.default_limit = default_limit
        self.attachment_limit = attachment_limit
        self.body_timeout = body_timeout
        self.min_rate = min_rate
        self.max_time = max_time

    def limit_for(self, scope: Scope) -> int:
        if scope.get("method") == "PUT" and str(scope.get("path", "")).startswith(
                "/v1/attachments/"):
            return self.attachment_limit
        return self.default_limit

    async def _reject(self, scope: Scope, receive: Receive, send: Send, limit: int) -> None:
        body = error_body(
            "payload_too_large",
            f"Badan permintaan terlalu besar (maksimal {limit:,} bait).",
            f"The request body is too large (at most {limit:,} bytes).",
        )
        response = error_response(str(scope.get("path", "")), 413, body,
                                  {"Connection": "close"})
        await response(scope, receive, send)

    async def _too_slow(self, scope: Scope, receive: Receive, send: Send,
                        elapsed: float) -> None:
        seconds = max(1, math.floor(elapsed))
        body = error_body(
            "request_timeout",
            f"Badan permintaan datang terlalu lambat (belum lengkap setelah {seconds} "
            "detik); kirim ulang.",
            f"The request body arrived too slowly (not complete after {seconds} seconds); "
            "send it again.",
        )
        response = error_response(str(scope.get("path", "")), 408, body,
                                  {"Connection": "close"})
        await response(scope, receive, send)

    async def _receive(self, receive: Receive, deadline: _Deadline) -> Message | None:
        """The next message, or None when the body's time is up."""
        with anyio.move_on_after(deadline.remaining()):
            message = await receive()
            if message["type"] == "http.request":
                deadline.received(len(message.get("body", b"")))
            return message
        return None

    async def _drain(self, receive: Receive, already: int, deadline: _Deadline) -> None:
        """Read and discard the rest of an oversize body (up to the cap, within time)."""
        total = already
        while total <= DRAIN_CAP:
            message = await self._receive(receive, deadline)
            if message is None or message["type"] != "http.request":
                return
            total += len(message.get("body", b""))
            if not message.get("more_body", False):
                return

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        limit = self.limit_for(scope)
        deadline = _Deadline(self.body_timeout, self.min_rate, self.max_time)
        headers = dict(scope.get("headers", []))
        declared = headers.get(b"content-length")
        if declared is not None:
            try:
                length = int(declared)
            except ValueError:
                length = -1
            if length > limit:
                if length <= DRAIN_CAP:
                    await self._drain(receive, 0, deadline)  # a slow one is cut off (413)
                # Over the cap: answer at once and close; reading it would only cost time.
                await self._reject(scope, receive, send, limit)
                return
        # Within the limit (h11 enforces a declared length), or no declared length (chunked,
        # or no body at all): read it here, up to the limit and within the time allowed.
        chunks: list[bytes] = []
        size = 0
        while True:
            message = await self._receive(receive, deadline)
            if message is None:
                await self._too_slow(scope, receive, send, deadline.elapsed())
                return
            if message["type"] != "http.request":  # a disconnect: the app hears of it
                await self.app(scope, _replay([], message, receive), send)
                return
            chunk = message.get("body", b"")
            size += len(chunk)
            if size > limit:
                if message.get("more_body", False):
                    await self._drain(receive, size, deadline)
                await self._reject(scope, receive, send, limit)
                return
            chunks.append(chunk)
            if not message.get("more_body", False):
                break
        body = chunks[0] if len(chunks) == 1 else b"".join(chunks)
        first: Message = {"type": "http.request", "body": body, "more_body": False}
        await self.app(scope, _replay([first], None, receive), send)


def _replay(messages: list[Message], extra: Message | None, receive: Receive) -> Receive:
    pending = [*messages, *([extra] if extra is not None else [])]

    async def replay() -> Message:
        if pending:
            return pending.pop(0)
        return await receive()

    return replay
