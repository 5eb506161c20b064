from __future__ import annotations

import math
from datetime import datetime, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from posko.domain.duplicates import (
    DuplicateDraft,
    DuplicateSuggestion,
    Reason,
    ReasonCode,
    find_duplicates,
    haversine_m,
    text_similarity,
    text_tokens,
)
from posko.domain.models import Location, Origin, Reporter, ReporterKind, Ticket
from posko.domain.status import Status

NOW = datetime(2026, 6, 20, 9, 0)
KEL = "31.75.04.1001"
OTHER_KEL = "31.75.04.1002"
# Monas, Jakarta.
LAT, LON = -6.1754, 106.8272
# Metres per degree of latitude on a sphere of the IUGG mean radius.
M_PER_DEG_LAT = math.pi * 6_371_008.8 / 180

ROAD = "Jalan berlubang besar di depan sekolah, sudah tiga minggu belum diperbaiki"
ROAD_AGAIN = "Mohon pak, jalan di depan sekolah berlubang besar dan belum diperbaiki!"
RUBBISH = "Sampah menumpuk di pinggir kali, bau sekali"


def draft(**changes: object) -> DuplicateDraft:
    values: dict[str, object] = {
        "category": "jalan",
        "kelurahan_code": KEL,
        "description": ROAD,
        "created_at": NOW,
        "rw": 3,
        "rt": 5,
        "latitude": None,
        "longitude": None,
        "phone": None,
    }
    values.update(changes)
    return DuplicateDraft(**values)  # type: ignore[arg-type]


def ticket(
    uuid: str,
    *,
    category: str = "jalan",
    kelurahan: str = KEL,
    rw: int | None = 3,
    rt: int | None = 5,
    lat: float | None = None,
    lon: float | None = None,
    description: str = RUBBISH,
    phone: str | None = None,
    age_days: float = 2,
    updated_days_ago: float | None = None,
    status: Status = Status.IN_PROGRESS,
) -> Ticket:
    created = NOW - timedelta(days=age_days)
    updated = NOW - timedelta(days=updated_days_ago if updated_days_ago is not None else age_days)
    return Ticket(
        uuid=uuid,
        tracking_code=f"CODE-{uuid}",
        origin=Origin.DESK,
        category=category,
        location=Location(kelurahan, rw=rw, rt=rt, latitude=lat, longitude=lon),
        description=description,
        reporter=Reporter(ReporterKind.NAMED, name="Siti Aminah", phone=phone),
        consent=True,
        officer="petugas1",
        created_at=created,
        updated_at=updated,
        status=status,
    )


def codes(suggestion: DuplicateSuggestion) -> set[ReasonCode]:
    return {r.code for r in suggestion.reasons}


def north(metres: float) -> float:
    return LAT + metres / M_PER_DEG_LAT


# --------------------------------------------------------------------------- text


def test_text_tokens_drop_stopwords_punctuation_and_nya() -> None:
    tokens = text_tokens("Mohon, Pak! Sampahnya di kali BELUM diangkut... sudah 3 minggu.")
    assert tokens == {"sampah", "kali", "diangkut", "minggu"}


def test_text_similarity() -> None:
    assert text_similarity(ROAD, ROAD) == 1.0
    assert text_similarity(ROAD, "") == 0.0
    assert text_similarity("di yang dan", "di yang dan") == 0.0  # stopwords only
    assert text_similarity(ROAD, RUBBISH) == 0.0
    assert text_similarity(ROAD, ROAD_AGAIN) >= 0.5
    # Dice: {jalan, rusak} vs {jalan, rusak, parah, lubang} -> 2*2 / (2+4)
    assert text_similarity("jalan rusak", "Jalan rusak parah, lubang") == pytest.approx(4 / 6)


def test_haversine() -> None:
    assert haversine_m(LAT, LON, LAT, LON) == 0
    assert haversine_m(LAT, LON, north(100), LON) == pytest.approx(100, abs=1e-6)
    # One degree of longitude on the equator.
    assert haversine_m(0, 0, 0, 1) == pytest.approx(M_PER_DEG_LAT, rel=1e-9)
    # Monas to Bundaran HI is a little over 2 km.
    assert 2000 < haversine_m(-6.1754, 106.8272, -6.1950, 106.8230) < 2300


# --------------------------------------------------------------------------- rules


def test_ranking_order() -> None:
    candidates = [
        ticket("rw", rt=9),  # same category, same RW
        ticket("text", category="drainase", kelurahan=OTHER_KEL, description=ROAD_AGAIN),
        ticket("all", description=ROAD_AGAIN, phone="+6281234567890"),
        ticket("rt"),  # same category, same RT
        ticket("none", category="sampah", kelurahan=OTHER_KEL),  # nothing in common
    ]
    result = find_duplicates(draft(phone="0812-3456-7890"), candidates)
    assert [s.ticket_uuid for s in result] == ["all", "rt", "rw", "text"]
    scores = [s.score for s in result]
    assert scores == sorted(scores, reverse=True)
    assert len(set(scores)) == len(scores)
    assert all(0 < s <= 1 for s in scores)
    assert codes(result[0]) >= {
        ReasonCode.SAME_CATEGORY,
        ReasonCode.SAME_RT,
        ReasonCode.SIMILAR_TEXT,
        ReasonCode.SAME_PHONE,
        ReasonCode.RECENT,
    }
    assert ReasonCode.SAME_RW in codes(result[2])
    assert ReasonCode.SAME_RT not in codes(result[2])
    assert codes(result[3]) == {ReasonCode.SIMILAR_TEXT, ReasonCode.RECENT}
    assert result[1].tracking_code == "CODE-rt"


def test_perfect_match_scores_one() -> None:
    twin = ticket("twin", description=ROAD, phone="+6281234567890", age_days=0)
    (only,) = find_duplicates(draft(phone="+6281234567890"), [twin])
    assert only.score == pytest.approx(1.0)


def test_same_rt_needs_the_same_rw_and_kelurahan() -> None:
    result = find_duplicates(
        draft(),
        [ticket("other-rw", rw=4, rt=5), ticket("other-kel", kelurahan=OTHER_KEL)],
    )
    assert result == []


def test_same_category_is_needed_for_a_location_match() -> None:
    assert find_duplicates(draft(), [ticket("sampah", category="sampah")]) == []


@pytest.mark.parametrize(
    ("metres", "radius", "nearby"),
    [(0, 100.0, True), (95, 100.0, True), (105, 100.0, False), (105, 200.0, True),
     (180, 200.0, True), (250, 200.0, False)],
)
def test_radius_boundary(metres: float, radius: float, nearby: bool) -> None:
    here = draft(rw=None, rt=None, latitude=LAT, longitude=LON)
    there = ticket("pt", kelurahan=OTHER_KEL, rw=1, rt=1, lat=north(metres), lon=LON)
    result = find_duplicates(here, [there], radius_m=radius)
    if nearby:
        (suggestion,) = result
        (reason,) = [r for r in suggestion.reasons if r.code is ReasonCode.NEARBY]
        assert reason.distance_m == pytest.approx(metres, abs=0.01)
        assert f"{metres} m" in reason.label_id
    else:
        assert result == []


def test_closer_ranks_higher() -> None:
    here = draft(rw=None, rt=None, latitude=LAT, longitude=LON)
    near = ticket("near", kelurahan=OTHER_KEL, lat=north(10), lon=LON)
    far = ticket("far", kelurahan=OTHER_KEL, lat=north(90), lon=LON)
    assert [s.ticket_uuid for s in find_duplicates(here, [far, near])] == ["near", "far"]


def test_nearby_without_a_map_point_on_either_side_is_not_guessed() -> None:
    here = draft(rw=None, rt=None, latitude=LAT, longitude=LON)
    assert find_duplicates(here, [ticket("nopoint", kelurahan=OTHER_KEL)]) == []


def test_thirty_day_window() -> None:
    candidates = [
        ticket("29d", age_days=29),
        ticket("31d", age_days=31),
        # Created long ago, but closed last week: still in the window.
        ticket("closed-recently", age_days=40, updated_days_ago=5, status=Status.DONE),
        ticket("closed-long-ago", age_days=90, updated_days_ago=45, status=Status.DONE),
    ]
    found = {s.ticket_uuid for s in find_duplicates(draft(), candidates, limit=None)}
    assert found == {"29d", "closed-recently"}
    wider = find_duplicates(draft(), candidates, window_days=60, limit=None)
    assert {s.ticket_uuid for s in wider} == {"29d", "31d", "closed-recently", "closed-long-ago"}


def test_recent_reason_gives_the_age_and_newer_ranks_higher() -> None:
    result = find_duplicates(draft(), [ticket("old", age_days=20), ticket("new", age_days=1)])
    assert [s.ticket_uuid for s in result] == ["new", "old"]
    ages = {
        s.ticket_uuid: next(r.age_days for r in s.reasons if r.code is ReasonCode.RECENT)
        for s in result
    }
    assert ages == {"new": 1, "old": 20}


def test_same_phone_alone_is_enough() -> None:
    stranger = ticket(
        "phone", category="sampah", kelurahan=OTHER_KEL, rw=9, rt=9, phone="+6281234567890"
    )
    (suggestion,) = find_duplicates(draft(phone="62 812 3456 7890"), [stranger])
    assert codes(suggestion) == {ReasonCode.SAME_PHONE, ReasonCode.RECENT}
    assert find_duplicates(draft(phone="0812-9999-0000"), [stranger]) == []
    assert find_duplicates(draft(phone=None), [stranger]) == []
    # A malformed phone on either side matches nothing rather than failing.
    assert find_duplicates(draft(phone="12"), [stranger]) == []


def test_legacy_stored_phone_is_normalised_before_comparing() -> None:
    legacy = ticket("legacy", category="sampah", kelurahan=OTHER_KEL, phone="0812-3456-7890")
    (suggestion,) = find_duplicates(draft(phone="+6281234567890"), [legacy])
    assert ReasonCode.SAME_PHONE in codes(suggestion)


def test_closed_ticket_is_flagged_and_ranks_below_an_open_twin() -> None:
    done = ticket("done", status=Status.DONE, description=ROAD_AGAIN)
    open_ = ticket("open", status=Status.IN_PROGRESS, description=ROAD_AGAIN)
    result = find_duplicates(draft(), [done, open_])
    assert [s.ticket_uuid for s in result] == ["open", "done"]
    (closed,) = [r for r in result[1].reasons if r.code is ReasonCode.CLOSED]
    assert closed.status is Status.DONE
    assert "selesai" in closed.label_id
    assert ReasonCode.CLOSED not in codes(result[0])
    assert result[1].score == pytest.approx(result[0].score * 0.9)


def test_merged_tickets_are_not_suggested() -> None:
    assert find_duplicates(draft(), [ticket("m", status=Status.MERGED)]) == []


def test_min_score_and_limit() -> None:
    candidates = [ticket(f"t{i}", age_days=i + 1) for i in range(8)]
    assert len(find_duplicates(draft(), candidates)) == 5  # the default limit
    assert len(find_duplicates(draft(), candidates, limit=None)) == 8
    assert [s.ticket_uuid for s in find_duplicates(draft(), candidates, limit=2)] == ["t0", "t1"]
    assert find_duplicates(draft(), candidates, limit=0) == []
    everything = find_duplicates(draft(), candidates, limit=None)
    cut = everything[3].score
    above = find_duplicates(draft(), candidates, limit=None, min_score=cut)
    assert [s.ticket_uuid for s in above] == [s.ticket_uuid for s in everything[:4]]
    assert find_duplicates(draft(), candidates, min_score=1.01) == []


@pytest.mark.parametrize(
    "kwargs", [{"radius_m": 0}, {"window_days": 0}, {"limit": -1}]
)
def test_bad_parameters(kwargs: dict[str, float]) -> None:
    with pytest.raises(ValueError, match="must be"):
        find_duplicates(draft(), [], **kwargs)  # type: ignore[arg-type]


def test_reason_labels_are_bilingual() -> None:
    reasons = [
        Reason(ReasonCode.SAME_CATEGORY),
        Reason(ReasonCode.SAME_RT),
        Reason(ReasonCode.SAME_RW),
        Reason(ReasonCode.NEARBY, distance_m=42.4),
        Reason(ReasonCode.SIMILAR_TEXT, similarity=0.734),
        Reason(ReasonCode.SAME_PHONE),
        Reason(ReasonCode.RECENT, age_days=3),
        Reason(ReasonCode.RECENT, age_days=0),
        Reason(ReasonCode.CLOSED, status=Status.REJECTED),
        Reason(ReasonCode.CLOSED),
    ]
    for reason in reasons:
        assert reason.label_id
        assert reason.label_en
        assert reason.label_id != reason.label_en
    assert "42 m" in reasons[3].label_id
    assert "42 m" in reasons[3].label_en
    assert "73%" in reasons[4].label_id
    assert reasons[6].label_id == "3 hari lalu"
    assert reasons[6].label_en == "3 days ago"
    assert "ditolak" in reasons[8].label_id
    assert "rejected" in reasons[8].label_en


def test_no_candidates() -> None:
    assert find_duplicates(draft(), []) == []


# --------------------------------------------------------------------------- properties

WORDS = ["jalan", "rusak", "sampah", "banjir", "lampu", "mati", "kali", "got", "di", "yang"]

candidate_tickets = st.builds(
    lambda i, cat, kel, rw, rt, words, phone, age, status: ticket(
        f"c{i}",
        category=cat,
        kelurahan=kel,
        rw=rw,
        rt=rt,
        description=" ".join(words) or "x",
        phone=phone,
        age_days=age,
        status=status,
    ),
    st.integers(0, 10_000),
    st.sampled_from(["jalan", "sampah"]),
    st.sampled_from([KEL, OTHER_KEL]),
    st.integers(1, 3),
    st.integers(1, 3),
    st.lists(st.sampled_from(WORDS), max_size=6),
    st.sampled_from([None, "+6281234567890", "+6281299990000"]),
    st.floats(0, 45),
    st.sampled_from(list(Status)),
)


@given(
    candidates=st.lists(candidate_tickets, max_size=8, unique_by=lambda t: t.uuid),
    words=st.lists(st.sampled_from(WORDS), min_size=1, max_size=6),
    phone=st.sampled_from([None, "081234567890"]),
)
def test_suggestions_are_sound(
    candidates: list[Ticket], words: list[str], phone: str | None
) -> None:
    the_draft = draft(description=" ".join(words), rw=2, rt=2, phone=phone)
    result = find_duplicates(the_draft, candidates, limit=None, min_score=0)
    by_uuid = {t.uuid: t for t in candidates}
    scores = [s.score for s in result]
    assert scores == sorted(scores, reverse=True)
    for suggestion in result:
        assert 0 <= suggestion.score <= 1
        source = by_uuid[suggestion.ticket_uuid]
        reasons = codes(suggestion)
        # Every suggestion passed at least one rule of the design.
        assert (
            ReasonCode.SAME_PHONE in reasons
            or ReasonCode.SIMILAR_TEXT in reasons
            or (
                ReasonCode.SAME_CATEGORY in reasons
                and reasons & {ReasonCode.SAME_RT, ReasonCode.SAME_RW, ReasonCode.NEARBY}
            )
        )
        assert source.status is not Status.MERGED
        assert (ReasonCode.CLOSED in reasons) is (not source.status.is_open)
        assert max(source.created_at, source.updated_at) >= NOW - timedelta(days=30)
    # Nothing in the window with a shared phone was left out.
    if phone is not None:
        expected = {
            t.uuid
            for t in candidates
            if t.reporter.phone == "+6281234567890"
            and t.status is not Status.MERGED
            and t.created_at >= NOW - timedelta(days=30)
        }
        assert expected <= {s.ticket_uuid for s in result}
