"""Dates, labels and text clean-up on paper."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest

from posko.receipts import text as tx


def test_dates_in_both_languages() -> None:
    day = date(2026, 8, 17)
    assert tx.format_date(day, "id") == "Senin, 17 Agustus 2026"
    assert tx.format_date(day, "en") == "Monday, 17 August 2026"
    assert tx.format_short_date(day, "id") == "17 Agu 2026"
    assert tx.format_short_date(day, "en") == "17 Aug 2026"


@pytest.mark.parametrize(("zone", "expected"), [
    ("Asia/Jakarta", "Sabtu, 28 November 2026, 09:15 WIB"),
    ("Asia/Pontianak", "Sabtu, 28 November 2026, 09:15 WIB"),
    ("Asia/Makassar", "Sabtu, 28 November 2026, 10:15 WITA"),
    ("Asia/Jayapura", "Sabtu, 28 November 2026, 11:15 WIT"),
])
def test_datetimes_in_the_desk_time_zone(zone: str, expected: str) -> None:
    moment = datetime(2026, 11, 28, 2, 15, tzinfo=UTC)
    assert tx.format_datetime(moment, ZoneInfo(zone), "id") == expected


def test_zones_without_a_name_print_the_offset() -> None:
    moment = datetime(2026, 11, 28, 2, 15, tzinfo=UTC)
    zone = timezone(timedelta(hours=5, minutes=30))
    assert tx.format_time(moment, zone) == "07:45 UTC+05:30"


def test_naive_times_are_taken_as_utc() -> None:
    assert tx.format_time(datetime(2026, 11, 28, 2, 15), ZoneInfo("Asia/Jakarta")) == "09:15 WIB"


def test_truncate_at_a_word_boundary_with_an_ellipsis() -> None:
    assert tx.truncate("pendek", 10) == "pendek"
    cut = tx.truncate("sampah menumpuk di pinggir jalan raya", 20)
    assert cut.endswith("…")
    assert len(cut) <= 20
    assert cut == "sampah menumpuk di…"
    assert tx.truncate("x" * 50, 10) == "x" * 9 + "…"
    with pytest.raises(ValueError, match="limit"):
        tx.truncate("abc", 0)


def test_clean_drops_control_characters_and_folds_whitespace() -> None:
    assert tx.clean("  Jl.\tRaya\n\nBogor\x00 \u200b") == "Jl. Raya Bogor"
    assert tx.clean(None) == ""
    # Decomposed input (as some phones send it) is composed, so the font finds the glyph.
    assert tx.clean("N\u0303on\u0303o") == "Ñoño"


def test_every_label_has_both_languages() -> None:
    for key, (bahasa, english) in tx.LABELS.items():
        assert bahasa, key
        assert english, key
    assert tx.t("chase_for", "id", ref="QLUE 1") == "Tindak lanjut untuk laporan QLUE 1"
    assert tx.t("chase_for", "en", ref="QLUE 1") == "Follow-up for report QLUE 1"
