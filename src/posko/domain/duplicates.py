"""Duplicate suggestions at intake: "is this complaint already a ticket?"

Before saving a new complaint the desk shows existing tickets that are probably the same
problem, so the officer links the citizen to that ticket instead of creating a second one
(agencies hate duplicates, and a citizen chasing "their" ticket should find the real one).

Which tickets are candidates
    Tickets active within the window (default 30 days) before the draft, open or closed:
    the latest of their creation and last update must fall in the window, so a ticket
    closed last week still shows and one closed two months ago does not. Merged tickets are
    skipped (the officer should link to the ticket they were merged into).

When a candidate is suggested (any one is enough)
    * same category *and* nearby: same RT (in the same RW and kelurahan), same RW (same
      kelurahan), or within `radius_m` (default 100 m, haversine) when both have a map point;
    * similar description: token-set similarity >= `text_threshold` (default 0.5);
    * the same phone number (a citizen asking again about their own complaint).

Score (0..1), the sum of
    ======================  ======  ===============================================
    same phone              0.30
    same category           0.15
    location                0.20    same RT 0.20; same RW 0.12; within the radius
                                    0.20 at 0 m falling linearly to 0.10 at the
                                    radius (the best of these, not their sum)
    similar description     0.25    x similarity (only counted from 0.2 up)
    recent                  0.10    x (1 - age / window): newer tickets first
    ======================  ======  ===============================================
    then x 0.9 for a closed ticket (done, rejected, not our authority): still shown, since
    "belum beres" is a reason to reopen it, but an open ticket with the same evidence ranks
    above it. The weights sum to 1.0, so a perfect match scores exactly 1.

Text similarity: lower-case, punctuation removed, common Indonesian function words and
chat abbreviations dropped (:data:`STOPWORDS`), the suffix "-nya" cut off, then the Dice
coefficient of the two token sets (2·|A∩B| / (|A|+|B|)). Simple and fast: no stemming
library and no model, and it runs on every keystroke pause over a few hundred candidates.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum

from posko.domain.errors import InvalidPhone
from posko.domain.models import Ticket
from posko.domain.phone import normalize_phone
from posko.domain.status import Status

WEIGHT_PHONE = 0.30
WEIGHT_CATEGORY = 0.15
WEIGHT_LOCATION = 0.20
WEIGHT_SAME_RW = 0.12
WEIGHT_NEARBY_AT_RADIUS = 0.10
WEIGHT_TEXT = 0.25
WEIGHT_RECENT = 0.10
CLOSED_FACTOR = 0.9
TEXT_SCORE_FLOOR = 0.2  # below this, shared words are noise ("jalan", "rusak")

DEFAULT_RADIUS_M = 100.0
DEFAULT_WINDOW_DAYS = 30
DEFAULT_TEXT_THRESHOLD = 0.5
DEFAULT_MIN_SCORE = 0.1
DEFAULT_LIMIT = 5

EARTH_RADIUS_M = 6_371_008.8  # mean Earth radius (IUGG)

# Function words, forms of address ("pak", "min" for admin) and chat abbreviations: they
# appear in every complaint and say nothing about the problem, so they would make unrelated
# descriptions look alike.
STOPWORDS: frozenset[str] = frozenset(
    {
        "di", "yang", "dan", "ke", "dari", "ini", "itu", "sudah", "belum", "ada", "tidak",
        "dengan", "untuk", "pak", "bu", "mohon",
        "ya", "juga", "sangat", "sekali", "karena", "saya", "kami", "kita", "atau", "pada",
        "dalam", "akan", "agar", "bisa", "tolong",
        "segera", "min", "admin", "kak", "bapak", "ibu", "sih", "dong", "tapi", "tetapi",
        "tersebut", "oleh", "sejak", "sampai", "hingga",
        "lagi", "masih", "jadi", "telah", "pun", "kok", "nih", "tuh", "deh", "lah", "aja", "saja",
        "mas", "mbak",
        "yg", "dgn", "utk", "sdh", "blm", "tdk", "gak", "ga", "nggak", "enggak", "udah",
    }
)

_NON_WORD_RE = re.compile(r"[^\w]+|_")


class ReasonCode(StrEnum):
    SAME_CATEGORY = "same_category"
    SAME_RT = "same_rt"
    SAME_RW = "same_rw"
    NEARBY = "nearby"
    SIMILAR_TEXT = "similar_text"
    SAME_PHONE = "same_phone"
    RECENT = "recent"
    CLOSED = "closed"


@dataclass(frozen=True, slots=True)
class Reason:
    """Why a ticket is suggested, shown next to it so the officer can judge."""

    code: ReasonCode
    distance_m: float | None = None  # NEARBY
    similarity: float | None = None  # SIMILAR_TEXT, 0..1
    age_days: int | None = None  # RECENT
    status: Status | None = None  # CLOSED

    @property
    def label_id(self) -> str:
        match self.code:
            case ReasonCode.SAME_CATEGORY:
                return "Kategori sama"
            case ReasonCode.SAME_RT:
                return "RT sama"
            case ReasonCode.SAME_RW:
                return "RW sama"
            case ReasonCode.NEARBY:
                return f"Berjarak ± {round(self.distance_m or 0)} m"
            case ReasonCode.SIMILAR_TEXT:
                return f"Uraian mirip ({round((self.similarity or 0) * 100)}%)"
            case ReasonCode.SAME_PHONE:
                return "Nomor telepon sama"
            case ReasonCode.RECENT:
                return "Hari ini" if not self.age_days else f"{self.age_days} hari lalu"
            case ReasonCode.CLOSED:
                if self.status is None:
                    return "Sudah ditutup"
                return f"Sudah ditutup ({self.status.label_id})"
        raise AssertionError(self.code)  # pragma: no cover - match is exhaustive

    @property
    def label_en(self) -> str:
        match self.code:
            case ReasonCode.SAME_CATEGORY:
                return "Same category"
            case ReasonCode.SAME_RT:
                return "Same RT"
            case ReasonCode.SAME_RW:
                return "Same RW"
            case ReasonCode.NEARBY:
                return f"About {round(self.distance_m or 0)} m away"
            case ReasonCode.SIMILAR_TEXT:
                return f"Similar description ({round((self.similarity or 0) * 100)}%)"
            case ReasonCode.SAME_PHONE:
                return "Same phone number"
            case ReasonCode.RECENT:
                if not self.age_days:
                    return "Today"
                return "1 day ago" if self.age_days == 1 else f"{self.age_days} days ago"
            case ReasonCode.CLOSED:
                if self.status is None:
                    return "Already closed"
                return f"Already closed ({self.status.label_en})"
        raise AssertionError(self.code)  # pragma: no cover - match is exhaustive


@dataclass(frozen=True, slots=True)
class DuplicateDraft:
    """What the officer has typed so far for the new complaint."""

    category: str
    kelurahan_code: str
    description: str
    created_at: datetime
    rw: int | None = None
    rt: int | None = None
    latitude: float | None = None
    longitude: float | None = None
    phone: str | None = None  # any form; compared after E.164 normalisation


@dataclass(frozen=True, slots=True)
class DuplicateSuggestion:
    ticket_uuid: str
    tracking_code: str
    score: float  # 0..1
    reasons: tuple[Reason, ...]

    def has(self, code: ReasonCode) -> bool:
        return any(r.code is code for r in self.reasons)


def haversine_m(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in metres."""
    phi1, phi2 = math.radians(lat1), math.radians(lat2)
    dphi = phi2 - phi1
    dlambda = math.radians(lon2 - lon1)
    h = math.sin(dphi / 2) ** 2 + math.cos(phi1) * math.cos(phi2) * math.sin(dlambda / 2) ** 2
    return 2 * EARTH_RADIUS_M * math.asin(min(1.0, math.sqrt(h)))


def text_tokens(text: str) -> frozenset[str]:
    """The content words of a Bahasa description, as a set."""
    tokens: set[str] = set()
    for raw in _NON_WORD_RE.split(text.lower()):
        # "sampahnya" and "sampah" are the same rubbish.
        word = raw[:-3] if raw.endswith("nya") and len(raw) > 5 else raw
        if len(word) > 1 and word not in STOPWORDS:
            tokens.add(word)
    return frozenset(tokens)


def token_similarity(a: frozenset[str], b: frozenset[str]) -> float:
    """Dice coefficient of two token sets (0 when either is empty)."""
    if not a or not b:
        return 0.0
    return 2 * len(a & b) / (len(a) + len(b))


def text_similarity(a: str, b: str) -> float:
    return token_similarity(text_tokens(a), text_tokens(b))


def _e164_or_none(phone: str | None) -> str | None:
    if not phone:
        return None
    try:
        return normalize_phone(phone)
    except InvalidPhone:
        # A malformed stored number simply does not match anything.
        return None


def find_duplicates(
    draft: DuplicateDraft,
    candidates: Iterable[Ticket],
    *,
    radius_m: float = DEFAULT_RADIUS_M,
    window_days: int = DEFAULT_WINDOW_DAYS,
    text_threshold: float = DEFAULT_TEXT_THRESHOLD,
    min_score: float = DEFAULT_MIN_SCORE,
    limit: int | None = DEFAULT_LIMIT,
) -> list[DuplicateSuggestion]:
    """Rank `candidates` as possible duplicates of `draft`, best first (see module doc).

    Ties are broken by the newer ticket first, then by tracking code, so the order is
    stable. `limit=None` returns every suggestion.
    """
    if radius_m <= 0 or window_days <= 0:
        raise ValueError("radius_m and window_days must be positive")
    if limit is not None and limit < 0:
        raise ValueError("limit must be >= 0 or None")
    window = timedelta(days=window_days)
    cutoff = draft.created_at - window
    draft_tokens = text_tokens(draft.description)
    draft_phone = _e164_or_none(draft.phone)
    draft_point = (
        (draft.latitude, draft.longitude)
        if draft.latitude is not None and draft.longitude is not None
        else None
    )

    scored: list[tuple[float, datetime, str, DuplicateSuggestion]] = []
    for ticket in candidates:
        if ticket.status is Status.MERGED:
            continue
        if max(ticket.created_at, ticket.updated_at) < cutoff:
            continue
        reasons: list[Reason] = []
        score = 0.0

        same_category = ticket.category == draft.category
        if same_category:
            reasons.append(Reason(ReasonCode.SAME_CATEGORY))
            score += WEIGHT_CATEGORY

        location = ticket.location
        location_score = 0.0
        same_kelurahan = location.kelurahan_code == draft.kelurahan_code
        same_rw = same_kelurahan and draft.rw is not None and location.rw == draft.rw
        if same_rw and draft.rt is not None and location.rt == draft.rt:
            reasons.append(Reason(ReasonCode.SAME_RT))
            location_score = WEIGHT_LOCATION
        elif same_rw:
            reasons.append(Reason(ReasonCode.SAME_RW))
            location_score = WEIGHT_SAME_RW
        if (
            draft_point is not None
            and location.latitude is not None
            and location.longitude is not None
        ):
            distance = haversine_m(*draft_point, location.latitude, location.longitude)
            if distance <= radius_m:
                reasons.append(Reason(ReasonCode.NEARBY, distance_m=distance))
                nearby = WEIGHT_LOCATION - (
                    (WEIGHT_LOCATION - WEIGHT_NEARBY_AT_RADIUS) * distance / radius_m
                )
                location_score = max(location_score, nearby)
        score += location_score
        nearby_match = location_score > 0

        similarity = token_similarity(draft_tokens, text_tokens(ticket.description))
        similar_text = similarity >= text_threshold
        if similar_text:
            reasons.append(Reason(ReasonCode.SIMILAR_TEXT, similarity=similarity))
        if similarity >= TEXT_SCORE_FLOOR:
            score += WEIGHT_TEXT * similarity

        stored_phone = ticket.reporter.phone
        same_phone = (
            draft_phone is not None
            and stored_phone is not None
            # Stored numbers are E.164 already; parse only the odd legacy one.
            and (
                stored_phone == draft_phone
                if stored_phone.startswith("+")
                else _e164_or_none(stored_phone) == draft_phone
            )
        )
        if same_phone:
            reasons.append(Reason(ReasonCode.SAME_PHONE))
            score += WEIGHT_PHONE

        if not ((same_category and nearby_match) or similar_text or same_phone):
            continue

        age = max(timedelta(0), draft.created_at - ticket.created_at)
        reasons.append(Reason(ReasonCode.RECENT, age_days=age.days))
        # Age against the window, capped: a ticket created long ago but updated recently
        # gets no recency bonus rather than a negative one.
        score += WEIGHT_RECENT * max(0.0, 1 - age / window)

        if not ticket.status.is_open:
            reasons.append(Reason(ReasonCode.CLOSED, status=ticket.status))
            score *= CLOSED_FACTOR

        score = min(1.0, max(0.0, score))
        if score < min_score:
            continue
        suggestion = DuplicateSuggestion(
            ticket_uuid=ticket.uuid,
            tracking_code=ticket.tracking_code,
            score=score,
            reasons=tuple(reasons),
        )
        scored.append((score, ticket.created_at, ticket.tracking_code, suggestion))

    # Best score first, then the newer ticket, then the tracking code for a stable order.
    scored.sort(key=lambda item: item[2])
    scored.sort(key=lambda item: (item[0], item[1]), reverse=True)
    suggestions = [item[3] for item in scored]
    return suggestions if limit is None else suggestions[:limit]
