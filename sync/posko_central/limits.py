"""Request body size limits, enforced before anything parses the body.

A declared ``Content-Length`` over the limit is answered 413 without reading the body into
memory (when it declares at most ``DRAIN_CAP`` bytes it is read and discarded, so that an
ordinary HTTP client, which sends the whole body before it reads the answer, sees the 413
and not a reset connection; a larger one is answered at once and the connection closed). A
chunked body is buffered up to the limit and then handed to the application.
"""

from __future__ import annotations

from posko_central.errors import error_body, error_response
from posko_central.logs import ASGIApp, Message, Receive, Scope, Send

DEFAULT_BODY_LIMIT = 1024 * 1024  # 1 MiB: a push of 500 changes fits comfortably
DRAIN_CAP = 64 * 1024 * 1024


class BodyLimitMiddleware:
    def __init__(self, app: ASGIApp, *, default_limit: int, attachment_limit: int) -> None:
        self.app = app
        self.default_limit = default_limit
        self.attachment_limit = attachment_limit

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

    async def _drain(self, receive: Receive, already: int) -> None:
        total = already
        while total <= DRAIN_CAP:
            message = await receive()
            if message["type"] != "http.request":
                return
            total += len(message.get("body", b""))
            if not message.get("more_body", False):
                return

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        limit = self.limit_for(scope)
        headers = dict(scope.get("headers", []))
        declared = headers.get(b"content-length")
        if declared is not None:
            try:
                length = int(declared)
            except ValueError:
                length = -1
            if length > limit:
                if length <= DRAIN_CAP:
                    await self._drain(receive, 0)
                # Over the cap: answer at once and close; reading it would only cost time.
                await self._reject(scope, receive, send, limit)
                return
            await self.app(scope, receive, send)  # h11 enforces the declared length
            return
        # No declared length (chunked, or no body at all): buffer up to the limit.
        chunks: list[bytes] = []
        size = 0
        while True:
            message = await receive()
            if message["type"] != "http.request":
                await self.app(scope, _replay([], message, receive), send)
                return
            chunk = message.get("body", b"")
            size += len(chunk)
            if size > limit:
                if message.get("more_body", False):
                    await self._drain(receive, size)
                await self._reject(scope, receive, send, limit)
                return
            chunks.append(chunk)
            if not message.get("more_body", False):
                break
        body = b"".join(chunks)
        first: Message = {"type": "http.request", "body": body, "more_body": False}
        await self.app(scope, _replay([first], None, receive), send)


def _replay(messages: list[Message], extra: Message | None, receive: Receive) -> Receive:
    pending = [*messages, *([extra] if extra is not None else [])]

    async def replay() -> Message:
        if pending:
            return pending.pop(0)
        return await receive()

    return replay
