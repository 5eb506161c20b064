"""A small HTTP client for the desk <-> central server contract (sync/openapi.yaml).

Every call has a timeout; failures come out as the exceptions below. Exception texts carry
status codes and the server's stable error code, never a request or response body (which
may hold a citizen's name or phone number).
"""

from __future__ import annotations

import json
import logging
import math
import time
from dataclasses import dataclass
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from typing import Any

import requests
import urllib3.exceptions

from posko import __version__
from posko.domain.errors import PoskoError
from posko.domain.status import Status
from posko.store.search import TicketSummary

log = logging.getLogger("posko.sync")

# (connect, read) seconds. Pages of 500 tickets are a few hundred KB: 30 s read is ample.
DEFAULT_TIMEOUT: tuple[float, float] = (5.0, 30.0)
MAX_RETRY_AFTER = 300.0
# A whole request, answer included: the read timeout only bounds the gap between two
# packets, so a link that trickles a byte now and then would otherwise hold a sync forever.
DEFAULT_DEADLINE = 300.0
MAX_ANSWER_BYTES = 64 * 1024 * 1024  # a pull page of 1000 tickets is a few MB
_READ_CHUNK = 64 * 1024
MAX_SEARCH_LIMIT = 100  # GET /v1/tickets accepts 1..100
MAX_QUERY_LENGTH = 200


class SyncError(PoskoError):
    code = "sync_error"


class Offline(SyncError):
    """The server cannot be reached (connection refused, DNS, timeout)."""

    code = "offline"

    def __init__(self) -> None:
        super().__init__("Server pusat tidak dapat dihubungi; bekerja offline.",
                         "The central server cannot be reached; working offline.")


class ServerBusy(SyncError):
    """5xx or 429: try again later (after `retry_after` seconds when the server said so)."""

    code = "server_busy"

    def __init__(self, status: int, retry_after: float | None) -> None:
        self.status = status
        self.retry_after = retry_after
        super().__init__(f"Server pusat sedang sibuk atau bermasalah (HTTP {status}). Data "
                         f"tetap aman di meja ini; coba lagi nanti.",
                         f"The central server is busy or failing (HTTP {status}). The data "
                         f"is safe on this desk; try again later.")


class BadAnswer(ServerBusy):
    """A 2xx answer that is cut off, not JSON or not the contract's shape: retry later.

    Seen when a connection breaks inside the answer, or a Wi-Fi login page or a proxy
    answers instead of the server. Nothing of such an answer is applied or stored.
    """

    code = "bad_answer"

    def __init__(self, status: int) -> None:
        self.status = status
        self.retry_after = None
        SyncError.__init__(  # not ServerBusy's: this has its own message
            self,
            f"Jawaban server pusat terpotong atau tidak dapat dibaca (HTTP {status}); "
            f"mungkin ada halaman login Wi-Fi atau proxy di antaranya. Data tetap aman di "
            f"meja ini; coba lagi nanti.",
            f"The central server's answer was cut off or unreadable (HTTP {status}); a Wi-Fi "
            f"login page or a proxy may be in between. The data is safe on this desk; try "
            f"again later.")


class Revoked(SyncError):
    """401/403 on a token we hold: the device was revoked (or the token is gone)."""

    code = "revoked"

    def __init__(self) -> None:
        super().__init__(
            "Perangkat ini tidak lagi terdaftar di server pusat (token dicabut). Meja tetap "
            "bisa bekerja offline; minta kode pendaftaran baru kepada admin.",
            "This device is no longer registered with the central server (token revoked). "
            "The desk keeps working offline; ask the administrator for a new enrolment code.")


class NotEnrolled(SyncError):
    code = "not_enrolled"

    def __init__(self) -> None:
        super().__init__(
            "Meja ini belum terdaftar di server pusat. Jalankan: posko enrol URL KODE",
            "This desk is not enrolled with a central server. Run: posko enrol URL CODE")


class RequestRefused(SyncError):
    """Any other 4xx for a whole request (bad code, bad cursor, body too large...)."""

    code = "request_refused"

    def __init__(self, status: int, server_code: str, message_id: str = "",
                 message_en: str = "") -> None:
        self.status = status
        self.server_code = server_code
        super().__init__(message_id or f"Server menolak permintaan (HTTP {status}, "
                                       f"{server_code}).",
                         message_en or f"The server refused the request (HTTP {status}, "
                                       f"{server_code}).", code=server_code or None)


class ItemRejected(SyncError):
    """One pushed change the server refused (4xx for that item); the rest go on."""

    code = "item_rejected"

    def __init__(self, server_code: str, message_id: str, message_en: str,
                 field: str | None) -> None:
        self.server_code = server_code
        super().__init__(message_id, message_en, field=field)


@dataclass(frozen=True, slots=True)
class Enrolment:
    token: str
    device_id: str
    device_name: str
    kecamatan_code: str
    kecamatan_name: str
    desk_number: int


def _retry_after(response: requests.Response) -> float | None:
    value = response.headers.get("Retry-After")
    if not value:
        return None
    try:
        seconds = float(value)
    except ValueError:
        try:
            when = parsedate_to_datetime(value)
            if when.tzinfo is None:  # "-0000": UTC by RFC 5322
                when = when.replace(tzinfo=UTC)
            seconds = (when - datetime.now(UTC)).total_seconds()
        except (TypeError, ValueError, OverflowError):
            return None
    if math.isnan(seconds):  # "nan" parses as a float; time.sleep(nan) raises
        return None
    return min(max(seconds, 0.0), MAX_RETRY_AFTER)


def _server_error(response: requests.Response) -> tuple[str, str, str]:
    """(code, message_id, message_en) from the contract's Error shape, if present."""
    try:
        body = response.json()
    except ValueError:
        return "", "", ""
    if not isinstance(body, dict):
        return "", "", ""
    # Server messages are fixed texts (no request data is echoed into them).
    return (str(body.get("code", "")), str(body.get("message_id", "")),
            str(body.get("message_en", "")))


class SyncClient:
    """`requests.Session` bound to one server URL and (optionally) one device token."""

    def __init__(self, base_url: str, token: str | None = None, *,
                 timeout: tuple[float, float] = DEFAULT_TIMEOUT,
                 deadline: float | None = DEFAULT_DEADLINE,
                 max_answer: int = MAX_ANSWER_BYTES,
                 session: requests.Session | None = None) -> None:
        self.base_url = base_url.rstrip("/")
        self.token = token
        self.timeout = timeout
        self.deadline = deadline
        self.max_answer = max_answer
        self.session = session or requests.Session()
        self.session.headers["User-Agent"] = f"posko-desk/{__version__}"

    def close(self) -> None:
        self.session.close()

    def __enter__(self) -> SyncClient:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # --- plumbing ----------------------------------------------------------------------

    def _request(self, method: str, path: str, *, auth: bool = True,
                 timeout: tuple[float, float] | None = None, **kwargs: Any) -> requests.Response:
        headers = dict(kwargs.pop("headers", {}) or {})
        if auth:
            if not self.token:
                raise NotEnrolled()
            headers["Authorization"] = f"Bearer {self.token}"
        started = time.monotonic()
        try:
            # No redirects: the contract has none, and following a Wi-Fi login page's 302
            # would turn a push into a GET somewhere else. A 3xx is a BadAnswer below.
            response = self.session.request(method, self.base_url + path, headers=headers,
                                            timeout=timeout or self.timeout,
                                            allow_redirects=False, stream=True, **kwargs)
            self._read_answer(response, started)
        except (requests.ConnectionError, requests.Timeout) as exc:
            log.info("sync: server unreachable (%s)", type(exc).__name__)
            raise Offline() from None
        except requests.RequestException as exc:
            log.warning("sync: request failed (%s)", type(exc).__name__)
            raise Offline() from None
        status = response.status_code
        if status == 429 or status >= 500:
            raise ServerBusy(status, _retry_after(response))
        if auth and status in (401, 403):
            if _server_error(response)[0]:
                raise Revoked()
            # Not the contract's Error: a proxy or a Wi-Fi login page refused us, not the
            # server. Never tell the officer the device was revoked because of that.
            raise BadAnswer(status)
        if status >= 400:
            code, message_id, message_en = _server_error(response)
            raise RequestRefused(status, code, message_id, message_en)
        if status >= 300:
            raise BadAnswer(status)
        return response

    def _read_answer(self, response: requests.Response, started: float) -> None:
        """Read the whole body into `response` within the deadline and the size limit.

        (What `response.content` does, but one network read at a time, so that a trickling
        answer meets the deadline and an endless one the size limit.)
        """
        chunks: list[bytes] = []
        size = 0
        try:
            while True:
                chunk = response.raw.read1(_READ_CHUNK, decode_content=True)
                if not chunk:
                    break
                size += len(chunk)
                if size > self.max_answer:
                    log.warning("sync: answer larger than %d bytes", self.max_answer)
                    raise BadAnswer(response.status_code)
                if self.deadline is not None and time.monotonic() - started > self.deadline:
                    log.info("sync: answer slower than %.0f s", self.deadline)
                    raise Offline()
                chunks.append(chunk)
        except (urllib3.exceptions.HTTPError, OSError) as exc:
            response.close()
            log.info("sync: answer broken off (%s)", type(exc).__name__)
            raise Offline() from None
        except BaseException:
            response.close()
            raise
        response._content = b"".join(chunks)  # requests' own cache, as .content fills it
        response._content_consumed = True

    @staticmethod
    def _json(response: requests.Response) -> Any:
        """The body as JSON; BadAnswer (retryable) when it is cut off or not JSON at all."""
        try:
            return response.json()
        except (ValueError, RecursionError):
            log.info("sync: unreadable answer (HTTP %d, %d bytes)", response.status_code,
                     len(response.content))
            raise BadAnswer(response.status_code) from None

    @classmethod
    def _json_object(cls, response: requests.Response) -> dict[str, Any]:
        body = cls._json(response)
        if not isinstance(body, dict):
            raise BadAnswer(response.status_code)
        return body

    # --- the contract ------------------------------------------------------------------

    def healthz(self, timeout: float = 3.0) -> bool:
        """True when the server answers /healthz with 200 and its JSON (the online
        indicator's probe): a Wi-Fi login page answering 200 in its place is not online."""
        try:
            response = self._request("GET", "/healthz", auth=False,
                                     timeout=(timeout, timeout))
            body = self._json_object(response)
        except SyncError:
            return False
        return response.status_code == 200 and body.get("status") == "ok"

    def enrol(self, code: str, nonce: str | None = None) -> Enrolment:
        """POST /v1/enrolments. With a `nonce`, a repeat of the same code and nonce (after a
        lost answer) is answered again with a fresh token (posko.sync.enrolment)."""
        sent: dict[str, str] = {"code": code}
        if nonce is not None:
            sent["nonce"] = nonce
        response = self._request("POST", "/v1/enrolments", auth=False, json=sent)
        body = self._json_object(response)
        try:
            return Enrolment(token=str(body["token"]), device_id=str(body["device_id"]),
                             device_name=str(body["device_name"]),
                             kecamatan_code=str(body["kecamatan_code"]),
                             kecamatan_name=str(body["kecamatan_name"]),
                             desk_number=int(body["desk_number"]))
        except (KeyError, TypeError, ValueError):
            raise BadAnswer(response.status_code) from None

    def push(self, changes: list[dict[str, Any]], idempotency_key: str) -> list[dict[str, Any]]:
        """POST /v1/changes; returns the per-item results (same order as `changes`)."""
        body = json.dumps({"changes": changes}, ensure_ascii=False, sort_keys=True,
                          separators=(",", ":")).encode("utf-8")
        response = self._request("POST", "/v1/changes", data=body, headers={
            "Content-Type": "application/json", "Idempotency-Key": idempotency_key})
        results = self._json_object(response).get("results")
        # One answer per change, in order, for exactly these changes: a row leaves the outbox
        # on its own answer only.
        if (not isinstance(results, list) or len(results) != len(changes)
                or not all(isinstance(r, dict) and r.get("id") == c["id"]
                           and r.get("result") in PUSH_RESULTS
                           for r, c in zip(results, changes, strict=True))):
            raise BadAnswer(response.status_code)
        return results

    def pull(self, cursor: str | None, limit: int = 500) -> dict[str, Any]:
        """GET /v1/changes: {"changes": [...], "next_cursor": str, "has_more": bool}."""
        params: dict[str, Any] = {"limit": limit}
        if cursor:
            params["cursor"] = cursor
        response = self._request("GET", "/v1/changes", params=params)
        page = self._json_object(response)
        if not _valid_page(page):
            raise BadAnswer(response.status_code)
        return page

    def put_attachment(self, sha256: str, data: bytes) -> bool:
        """PUT /v1/attachments/{sha256}; True when the server stored it now.

        Only the contract's own answer (the same sha256 echoed back) counts as stored: any
        other 2xx (a Wi-Fi login page, a cut-off answer) is a BadAnswer, so the outbox row
        stays until the file is really there.
        """
        response = self._request("PUT", f"/v1/attachments/{sha256}", data=data,
                                 headers={"Content-Type": "application/octet-stream"})
        body = self._json_object(response)
        if response.status_code not in (200, 201) or body.get("sha256") != sha256:
            raise BadAnswer(response.status_code)
        return response.status_code == 201

    def search(self, q: str, limit: int = 20) -> list[TicketSummary]:
        """GET /v1/tickets?q=&limit=: this kecamatan's tickets on the server, best first.

        Control characters are dropped and the query is cut to the contract's 200 characters;
        an empty query asks nothing and finds nothing. A malformed answer is ServerBusy.
        """
        printable = "".join(ch if ch.isprintable() else " " for ch in q)
        text = printable.strip()[:MAX_QUERY_LENGTH].strip()
        if not text:
            return []
        params = {"q": text, "limit": min(max(int(limit), 1), MAX_SEARCH_LIMIT)}
        response = self._request("GET", "/v1/tickets", params=params)
        items = self._json_object(response).get("tickets")
        if not isinstance(items, list):
            raise BadAnswer(response.status_code)
        try:
            return [_summary(item) for item in items]
        except (KeyError, TypeError, ValueError):
            log.warning("sync: malformed search answer")
            raise BadAnswer(response.status_code) from None


PUSH_RESULTS = frozenset({"accepted", "conflict", "rejected"})
FEED_OPS = frozenset({"upsert", "delete"})


def _valid_page(page: dict[str, Any]) -> bool:
    """The contract's PullResponse shape (what apply_page relies on), item by item."""
    changes = page.get("changes")
    cursor = page.get("next_cursor")
    if (not isinstance(changes, list) or not isinstance(cursor, str) or not cursor
            or not isinstance(page.get("has_more"), bool)):
        return False
    return all(isinstance(item, dict) and isinstance(item.get("kind"), str)
               and item.get("op") in FEED_OPS and isinstance(item.get("uuid"), str)
               and isinstance(item.get("ticket_uuid"), str)
               and (item.get("data") is None or isinstance(item.get("data"), dict))
               for item in changes)


def _summary(item: dict[str, Any]) -> TicketSummary:
    """A contract TicketOut as the desk's search row (refs as "SRC number ..." text)."""
    refs = " ".join(f"{ref['source']} {ref['number']}" for ref in item.get("external_refs", []))
    created = datetime.fromisoformat(str(item["created_at"]))
    if created.tzinfo is None:
        created = created.replace(tzinfo=UTC)
    return TicketSummary(
        uuid=str(item["uuid"]), tracking_code=str(item["tracking_code"]),
        status=Status(item["status"]), category=str(item["category"]),
        kelurahan_code=str(item["kelurahan_code"]), address=str(item.get("address") or ""),
        description=str(item.get("description") or ""), created_at=created,
        external_refs=refs, origin=str(item.get("origin") or "app"),
        needs_field_check=bool(item.get("needs_field_check", False)))
