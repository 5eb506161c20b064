"""A small HTTP client for the desk <-> central server contract (sync/openapi.yaml).

Every call has a timeout; failures come out as the exceptions below. Exception texts carry
status codes and the server's stable error code, never a request or response body (which
may hold a citizen's name or phone number).
"""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from typing import Any

import requests

from posko import __version__
from posko.domain.errors import PoskoError
from posko.domain.status import Status
from posko.store.search import TicketSummary

log = logging.getLogger("posko.sync")

# (connect, read) seconds. Pages of 500 tickets are a few hundred KB: 30 s read is ample.
DEFAULT_TIMEOUT: tuple[float, float] = (5.0, 30.0)
MAX_RETRY_AFTER = 300.0
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
        super().__init__(f"Server pusat sedang sibuk atau bermasalah (HTTP {status}).",
                         f"The central server is busy or failing (HTTP {status}).")


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
        except (TypeError, ValueError):
            return None
        seconds = (when - datetime.now(UTC)).total_seconds()
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
                 session: requests.Session | None = None) -> None:
        self.base_url = base_url.rstrip("/")
        self.token = token
        self.timeout = timeout
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
        try:
            response = self.session.request(method, self.base_url + path, headers=headers,
                                            timeout=timeout or self.timeout, **kwargs)
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
            raise Revoked()
        if status >= 400:
            code, message_id, message_en = _server_error(response)
            raise RequestRefused(status, code, message_id, message_en)
        return response

    @staticmethod
    def _json(response: requests.Response) -> Any:
        try:
            return response.json()
        except ValueError:
            raise ServerBusy(response.status_code, None) from None

    # --- the contract ------------------------------------------------------------------

    def healthz(self, timeout: float = 3.0) -> bool:
        """True when the server answers /healthz with 200 (the online indicator's probe)."""
        try:
            self._request("GET", "/healthz", auth=False, timeout=(timeout, timeout))
        except SyncError:
            return False
        return True

    def enrol(self, code: str) -> Enrolment:
        response = self._request("POST", "/v1/enrolments", auth=False, json={"code": code})
        body = self._json(response)
        return Enrolment(token=str(body["token"]), device_id=str(body["device_id"]),
                         device_name=str(body["device_name"]),
                         kecamatan_code=str(body["kecamatan_code"]),
                         kecamatan_name=str(body["kecamatan_name"]),
                         desk_number=int(body["desk_number"]))

    def push(self, changes: list[dict[str, Any]], idempotency_key: str) -> list[dict[str, Any]]:
        """POST /v1/changes; returns the per-item results (same order as `changes`)."""
        body = json.dumps({"changes": changes}, ensure_ascii=False, sort_keys=True,
                          separators=(",", ":")).encode("utf-8")
        response = self._request("POST", "/v1/changes", data=body, headers={
            "Content-Type": "application/json", "Idempotency-Key": idempotency_key})
        results = self._json(response).get("results")
        if not isinstance(results, list) or len(results) != len(changes):
            raise ServerBusy(response.status_code, None)
        return results

    def pull(self, cursor: str | None, limit: int = 500) -> dict[str, Any]:
        """GET /v1/changes: {"changes": [...], "next_cursor": str, "has_more": bool}."""
        params: dict[str, Any] = {"limit": limit}
        if cursor:
            params["cursor"] = cursor
        page = self._json(self._request("GET", "/v1/changes", params=params))
        if not isinstance(page, dict) or "next_cursor" not in page:
            raise ServerBusy(200, None)
        return page

    def put_attachment(self, sha256: str, data: bytes) -> bool:
        """PUT /v1/attachments/{sha256}; True when the server stored it now."""
        response = self._request("PUT", f"/v1/attachments/{sha256}", data=data,
                                 headers={"Content-Type": "application/octet-stream"})
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
        body = self._json(response)
        items = body.get("tickets") if isinstance(body, dict) else None
        if not isinstance(items, list):
            raise ServerBusy(response.status_code, None)
        try:
            return [_summary(item) for item in items]
        except (KeyError, TypeError, ValueError):
            log.warning("sync: malformed search answer")
            raise ServerBusy(response.status_code, None) from None


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
