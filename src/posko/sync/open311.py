"""A client for any Open311 GeoReport v2 endpoint, as an extra lookup source (no Qt).

The desk asks a GeoReport v2 server (the central server's ``/open311/v2`` facade, or a city's
own) about one service request and shows it as an external reference of source OPEN311::

    client = Open311Client(Open311Endpoint("https://kota.example/open311/v2", api_key=token))
    found = client.service_request("31.75.04-...")        # GET requests/{id}.json
    results = [to_lookup_result(r) for r in client.find("31.75.04-...")]

Failures come out as the sync client's exceptions: ``Offline`` (cannot connect, timeout),
``ServerBusy`` (5xx, 429, a garbled answer) and ``RequestRefused`` (any other 4xx, with the
GeoReport error codes only). 404 means "not there": ``None`` or an empty list. Exception texts
never carry a response body, a URL (which holds the api_key) or personal data.

Open311 has no reporter identity, so a lookup result never has one either.
"""

from __future__ import annotations

import logging
import math
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any
from urllib.parse import quote

import requests

from posko import __version__, catalogues
from posko.domain.errors import DomainError, PoskoError
from posko.domain.models import ExternalRef, Location, Source
from posko.domain.status import Status
from posko.sync.client import DEFAULT_TIMEOUT, Offline, RequestRefused, ServerBusy, _retry_after

log = logging.getLogger("posko.sync.open311")

# FixMyStreet's extended statuses (what the central server sends as ``extended_status``), plus
# a few spellings other GeoReport servers use, to our status.
EXTENDED_STATUS: dict[str, Status] = {
    "open": Status.RECEIVED,
    "confirmed": Status.VERIFIED,
    "investigating": Status.VERIFIED,
    "action_scheduled": Status.DISPATCHED,
    "in_progress": Status.IN_PROGRESS,
    "fixed": Status.DONE,
    "closed": Status.DONE,
    "duplicate": Status.MERGED,
    "not_councils_responsibility": Status.NOT_OUR_AUTHORITY,
    "internal_referral": Status.NOT_OUR_AUTHORITY,
    "no_further_action": Status.REJECTED,
    "unable_to_fix": Status.REJECTED,
}


class InvalidOpen311Endpoint(DomainError):
    code = "invalid_open311_endpoint"


# ------------------------------------------------------------------------------ values


@dataclass(frozen=True, slots=True)
class Open311Endpoint:
    """A GeoReport v2 base URL, e.g. ``http://127.0.0.1:8000/open311/v2``.

    ``api_key`` (for the central server: the device token) is kept out of the repr.
    """

    base_url: str
    api_key: str | None = field(default=None, repr=False)
    jurisdiction_id: str | None = None

    def __post_init__(self) -> None:
        url = self.base_url.strip().rstrip("/")
        if not url.lower().startswith(("http://", "https://")) or any(
                c.isspace() for c in url) or len(url) > 2000:
            raise InvalidOpen311Endpoint(
                "Alamat Open311 harus diawali http:// atau https:// dan tanpa spasi.",
                "The Open311 address must start with http:// or https:// and have no spaces.",
                field="base_url")
        object.__setattr__(self, "base_url", url)
        object.__setattr__(self, "api_key", (self.api_key or "").strip() or None)
        object.__setattr__(self, "jurisdiction_id", (self.jurisdiction_id or "").strip() or None)


@dataclass(frozen=True, slots=True)
class Open311Service:
    """One entry of ``services.json``."""

    service_code: str
    service_name: str
    description: str = ""
    metadata: bool = False
    type: str = ""
    keywords: str = ""
    group: str = ""


@dataclass(frozen=True, slots=True)
class Open311Request:
    """One GeoReport v2 service request, with the specification's field names.

    Datetimes are parsed (``None`` when absent or unreadable); ``extended_status`` and
    ``posko_status`` are extensions, present only when the server sends them. ``description``
    is the citizen's own text and may name people: it is kept out of the repr.
    """

    service_request_id: str
    status: str  # "open" or "closed"
    status_notes: str = ""
    service_name: str = ""
    service_code: str = ""
    description: str = field(default="", repr=False)
    agency_responsible: str = ""
    service_notice: str = ""
    requested_datetime: datetime | None = None
    updated_datetime: datetime | None = None
    expected_datetime: datetime | None = None
    address: str = ""
    address_id: str = ""
    zipcode: str = ""
    lat: float | None = None
    long: float | None = None
    media_url: str | None = None
    extended_status: str | None = None
    posko_status: str | None = None

    @classmethod
    def from_json(cls, item: Mapping[str, Any]) -> Open311Request | None:
        """Read one array element; ``None`` when it has no usable service_request_id."""
        request_id = _text(item.get("service_request_id"))
        if not request_id:
            return None
        status = _text(item.get("status")).lower()
        lat, long = _number(item.get("lat")), _number(item.get("long"))
        if lat is None or long is None or not (-90 <= lat <= 90 and -180 <= long <= 180):
            lat = long = None
        return cls(
            service_request_id=request_id,
            status=status if status in ("open", "closed") else "open",
            status_notes=_text(item.get("status_notes")),
            service_name=_text(item.get("service_name")),
            service_code=_text(item.get("service_code")),
            description=_text(item.get("description")),
            agency_responsible=_text(item.get("agency_responsible")),
            service_notice=_text(item.get("service_notice")),
            requested_datetime=_datetime(item.get("requested_datetime")),
            updated_datetime=_datetime(item.get("updated_datetime")),
            expected_datetime=_datetime(item.get("expected_datetime")),
            address=_text(item.get("address")),
            address_id=_text(item.get("address_id")),
            zipcode=_text(item.get("zipcode")),
            lat=lat,
            long=long,
            media_url=_text(item.get("media_url")) or None,
            extended_status=_text(item.get("extended_status")).lower() or None,
            posko_status=_text(item.get("posko_status")).lower() or None,
        )


@dataclass(frozen=True, slots=True)
class LookupResult:
    """An Open311 request as our model shows it: an OPEN311 external ref plus best guesses.

    ``status_guessed`` is False only when the server gave our own status (``posko_status``).
    ``category`` is a catalogue code when the service matches one, else ``None``.
    ``location`` is set when ``address_id`` is a known kelurahan code.
    """

    ref: ExternalRef
    status: Status
    status_guessed: bool
    open311_status: str
    category: str | None
    service_name: str
    agency: str
    description: str
    address: str
    location: Location | None
    latitude: float | None
    longitude: float | None
    requested_at: datetime | None
    updated_at: datetime | None
    expected_at: datetime | None
    media_url: str | None


# ------------------------------------------------------------------------------ parsing


def _text(value: Any) -> str:
    if value is None or isinstance(value, (dict, list)):
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value).strip()


def _number(value: Any) -> float | None:
    if value is None or isinstance(value, bool) or value == "":
        return None
    try:
        number = float(value)
    except (TypeError, ValueError):
        return None
    return number if math.isfinite(number) else None


def _datetime(value: Any) -> datetime | None:
    text = _text(value)
    if not text:
        return None
    try:
        # Python 3.11 reads W3C dates, including a trailing "Z".
        return datetime.fromisoformat(text)
    except ValueError:
        return None


def _items(body: Any) -> list[Mapping[str, Any]]:
    """The array of a GeoReport answer (a few servers wrap it in an object)."""
    if isinstance(body, dict):
        for key in ("service_requests", "requests", "services"):
            if isinstance(body.get(key), list):
                body = body[key]
                break
    if not isinstance(body, list):
        raise ValueError("not a GeoReport array")
    return [item for item in body if isinstance(item, dict)]


def _error_codes(response: requests.Response) -> str:
    """The GeoReport error array's codes ("403" or "400,400"); descriptions are dropped."""
    try:
        body = response.json()
    except ValueError:
        return ""
    if isinstance(body, dict):
        body = [body]
    if not isinstance(body, list):
        return ""
    codes = []
    for item in body:
        if isinstance(item, dict):
            code = _text(item.get("code"))
            # Only short tokens: an error code, never free text.
            if code and len(code) <= 40 and code.replace("_", "").isalnum():
                codes.append(code)
    return ",".join(dict.fromkeys(codes))


# ------------------------------------------------------------------------------ client


class Open311Client:
    """GET-only GeoReport v2 client bound to one endpoint. Every call has a timeout."""

    def __init__(self, endpoint: Open311Endpoint, session: requests.Session | None = None, *,
                 timeout: tuple[float, float] = DEFAULT_TIMEOUT) -> None:
        self.endpoint = endpoint
        self.timeout = timeout
        self._own_session = session is None
        self.session = session or requests.Session()

    def close(self) -> None:
        if self._own_session:
            self.session.close()

    def __enter__(self) -> Open311Client:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # --- plumbing ----------------------------------------------------------------------

    def _get(self, path: str, params: Mapping[str, str] | None = None,
             *, with_key: bool = True) -> Any | None:
        """GET base_url + path; the decoded JSON, or None on 404."""
        query: dict[str, str] = dict(params or {})
        if self.endpoint.jurisdiction_id:
            query["jurisdiction_id"] = self.endpoint.jurisdiction_id
        if with_key and self.endpoint.api_key:
            query["api_key"] = self.endpoint.api_key
        try:
            response = self.session.get(
                self.endpoint.base_url + path, params=query, timeout=self.timeout,
                headers={"Accept": "application/json",
                         "User-Agent": f"posko-desk/{__version__}"})
        except requests.RequestException as exc:
            # The exception text holds the URL, and so the api_key: never passed on.
            log.info("open311: server unreachable (%s)", type(exc).__name__)
            raise Offline() from None
        status = response.status_code
        if status == 429 or status >= 500:
            raise ServerBusy(status, _retry_after(response))
        if status == 404:
            return None
        if status >= 400:
            raise RequestRefused(status, _error_codes(response))
        try:
            return response.json()
        except ValueError:
            log.info("open311: answer is not JSON (HTTP %s)", status)
            raise ServerBusy(status, None) from None

    def _requests(self, body: Any, status: int = 200) -> list[Open311Request]:
        try:
            items = _items(body)
        except ValueError:
            log.info("open311: answer is not a GeoReport array")
            raise ServerBusy(status, None) from None
        return [req for item in items if (req := Open311Request.from_json(item)) is not None]

    # --- GeoReport v2 ------------------------------------------------------------------

    def service_request(self, request_id: str) -> Open311Request | None:
        """GET requests/{id}.json: the request, or None when the server does not know it."""
        request_id = request_id.strip()
        if not request_id:
            return None
        body = self._get(f"/requests/{quote(request_id, safe='')}.json")
        if body is None:
            return None
        found = self._requests(body)
        exact = [r for r in found if r.service_request_id == request_id]
        return next(iter(exact or found), None)

    def find(self, service_request_id: str) -> list[Open311Request]:
        """GET requests.json?service_request_id=…: the matches (empty when none)."""
        wanted = service_request_id.strip()
        if not wanted:
            return []
        body = self._get("/requests.json", {"service_request_id": wanted})
        return [] if body is None else self._requests(body)

    def services(self) -> list[Open311Service]:
        """GET services.json: the server's service (category) list."""
        body = self._get("/services.json", with_key=False)
        if body is None:
            return []
        try:
            items = _items(body)
        except ValueError:
            raise ServerBusy(200, None) from None
        return [Open311Service(service_code=_text(i.get("service_code")),
                               service_name=_text(i.get("service_name")),
                               description=_text(i.get("description")),
                               metadata=i.get("metadata") is True or
                               _text(i.get("metadata")).lower() == "true",
                               type=_text(i.get("type")), keywords=_text(i.get("keywords")),
                               group=_text(i.get("group")))
                for i in items if _text(i.get("service_code"))]


# ------------------------------------------------------------------------------ mapping


def guess_status(req: Open311Request) -> tuple[Status, bool]:
    """(our status, guessed?): posko_status when given, else extended_status, else
    closed -> done and open -> in_progress once updated after the request, else received."""
    if req.posko_status:
        try:
            return Status(req.posko_status), False
        except ValueError:
            pass
    if req.extended_status in EXTENDED_STATUS:
        mapped = EXTENDED_STATUS[req.extended_status]
        if mapped.is_open == (req.status == "open"):
            return mapped, True
    if req.status == "closed":
        return Status.DONE, True
    if (req.requested_datetime is not None and req.updated_datetime is not None
            and _later(req.updated_datetime, req.requested_datetime)):
        return Status.IN_PROGRESS, True
    return Status.RECEIVED, True


def _later(a: datetime, b: datetime) -> bool:
    try:
        return a > b
    except TypeError:  # one naive, one aware
        return a.replace(tzinfo=None) > b.replace(tzinfo=None)


def guess_category(req: Open311Request) -> str | None:
    """A catalogue category code when the service code (or exact name) matches one."""
    code = req.service_code.strip().lower()
    try:
        return catalogues.category(code).code
    except PoskoError:
        pass
    name = catalogues.fold(req.service_name)
    if name:
        for category in catalogues.categories():
            if name in (catalogues.fold(category.name_id), catalogues.fold(category.name_en)):
                return category.code
    return None


def _location(req: Open311Request) -> Location | None:
    if not req.address_id:
        return None
    try:
        kelurahan = catalogues.kelurahan(req.address_id)
        return Location(kelurahan.code, address=req.address[:500], latitude=req.lat,
                        longitude=req.long)
    except PoskoError:
        return None


def to_lookup_result(req: Open311Request) -> LookupResult:
    """Our view of an Open311 request. Raises DomainError when its id cannot be an external
    reference number (empty, spaces, more than 64 characters)."""
    status, guessed = guess_status(req)
    description = " — ".join(part for part in (req.service_name, req.status_notes) if part)
    return LookupResult(
        ref=ExternalRef(Source.OPEN311, req.service_request_id),
        status=status,
        status_guessed=guessed,
        open311_status=req.status,
        category=guess_category(req),
        service_name=req.service_name,
        agency=req.agency_responsible,
        description=description,
        address=req.address,
        location=_location(req),
        latitude=req.lat,
        longitude=req.long,
        requested_at=req.requested_datetime,
        updated_at=req.updated_datetime,
        expected_at=req.expected_datetime,
        media_url=req.media_url,
    )


__all__ = [
    "EXTENDED_STATUS",
    "InvalidOpen311Endpoint",
    "LookupResult",
    "Open311Client",
    "Open311Endpoint",
    "Open311Request",
    "Open311Service",
    "guess_category",
    "guess_status",
    "to_lookup_result",
]
