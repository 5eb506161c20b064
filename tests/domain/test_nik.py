from __future__ import annotations

import re
from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from posko.domain.errors import DomainError, InvalidNik
from posko.domain.nik import (
    is_valid_nik,
    mask_nik,
    nik_birth_date,
    nik_is_female,
    nik_region_code,
    normalize_nik,
    validate_nik,
)

TODAY = date(2026, 6, 1)

# Kemendagri province codes, written out here rather than read from the module under test.
PROVINCES = [
    "11", "12", "13", "14", "15", "16", "17", "18", "19", "21",
    "31", "32", "33", "34", "35", "36",
    "51", "52", "53",
    "61", "62", "63", "64", "65",
    "71", "72", "73", "74", "75", "76",
    "81", "82",
    "91", "92", "93", "94", "95", "96",
]

MALE_1945 = "3171011708450001"  # 17 Aug 1945, Jakarta Selatan, district 01
FEMALE_1945 = "3171015708450003"  # same day + 40


def make_nik(
    province: str = "31",
    regency: int = 71,
    district: int = 1,
    birth: date = date(1990, 5, 17),
    female: bool = False,
    serial: int = 1,
) -> str:
    day = birth.day + (40 if female else 0)
    return (
        f"{province}{regency:02d}{district:02d}{day:02d}{birth.month:02d}"
        f"{birth.year % 100:02d}{serial:04d}"
    )


def test_make_nik_helper_matches_the_documented_layout() -> None:
    assert make_nik() == "3171011705900001"
    assert make_nik(birth=date(1945, 8, 17), female=True, serial=3) == FEMALE_1945


# --------------------------------------------------------------------------- valid


def test_valid_male_nik() -> None:
    assert validate_nik(MALE_1945, today=TODAY) == MALE_1945
    assert is_valid_nik(MALE_1945, today=TODAY)
    assert nik_birth_date(MALE_1945, today=TODAY) == date(1945, 8, 17)
    assert not nik_is_female(MALE_1945)
    assert nik_region_code(MALE_1945) == "31.71.01"


def test_valid_female_nik_adds_40_to_the_day() -> None:
    assert validate_nik(FEMALE_1945, today=TODAY) == FEMALE_1945
    assert nik_birth_date(FEMALE_1945, today=TODAY) == date(1945, 8, 17)
    assert nik_is_female(FEMALE_1945)


@pytest.mark.parametrize(
    "typed",
    [
        "3171 0117 0845 0001",
        "3171.01.170845.0001",
        "3171-01-170845-0001",
        " 3171011708450001 ",
        "3171\u00a00117\t0845 0001",  # no-break space pasted from a chat app
    ],
)
def test_separators_are_dropped(typed: str) -> None:
    assert normalize_nik(typed) == MALE_1945
    assert validate_nik(typed, today=TODAY) == MALE_1945


@pytest.mark.parametrize("province", ["65", "92", "93", "95", "96"])
def test_provinces_missing_from_stdnum_are_accepted(province: str) -> None:
    nik = make_nik(province=province, regency=1)
    assert validate_nik(nik, today=TODAY) == nik
    assert nik_region_code(nik) == f"{province}.01.01"


def test_region_code_has_three_parts() -> None:
    assert nik_region_code(make_nik(province="32", regency=75, district=4)) == "32.75.04"


def test_feb_29_in_a_leap_year_is_valid() -> None:
    nik = make_nik(birth=date(2000, 2, 29))
    assert nik_birth_date(nik, today=TODAY) == date(2000, 2, 29)
    female = make_nik(birth=date(1988, 2, 29), female=True)
    assert female[6:8] == "69"
    assert nik_birth_date(female, today=TODAY) == date(1988, 2, 29)
    assert nik_is_female(female)


@pytest.mark.parametrize(
    ("yy_date", "expected"),
    [
        (date(2010, 3, 4), date(2010, 3, 4)),  # a child: not 1910
        (date(1930, 3, 4), date(1930, 3, 4)),  # "30" is in the future as 2030
        (date(2026, 5, 31), date(2026, 5, 31)),  # born yesterday
        (date(1926, 6, 2), date(1926, 6, 2)),  # "26-06-02" is tomorrow as 2026: so 1926
    ],
)
def test_birth_century_is_the_latest_that_is_not_in_the_future(
    yy_date: date, expected: date
) -> None:
    assert nik_birth_date(make_nik(birth=yy_date), today=TODAY) == expected


# --------------------------------------------------------------------------- invalid


def _code_of(text: str) -> str:
    with pytest.raises(InvalidNik) as info:
        validate_nik(text, today=TODAY)
    assert isinstance(info.value, DomainError)
    assert info.value.field == "nik"
    return info.value.code


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("", "invalid_nik_length"),
        ("317101170845000", "invalid_nik_length"),  # 15 digits
        ("31710117084500011", "invalid_nik_length"),  # 17 digits
        ("317101170845000X", "invalid_nik_format"),
        ("3171O11708450001", "invalid_nik_format"),  # letter O for zero
        ("3171011708450001a", "invalid_nik_format"),
        ("317101170845000\u0661", "invalid_nik_format"),  # Arabic-Indic digit one
        ("9971011708450001", "invalid_nik_province"),
        ("2071011708450001", "invalid_nik_province"),
        ("0071011708450001", "invalid_nik_province"),
        ("3100011708450001", "invalid_nik_region"),  # regency 00
        ("3171001708450001", "invalid_nik_region"),  # district 00
        ("3171010008450001", "invalid_nik_birth_date"),  # day 00
        ("3171013208450001", "invalid_nik_birth_date"),  # day 32
        ("3171014008450001", "invalid_nik_birth_date"),  # day 40 = woman's day 0
        ("3171017208450001", "invalid_nik_birth_date"),  # day 72 = woman's day 32
        ("3171018108450001", "invalid_nik_birth_date"),  # day 81: stdnum takes it as 1
        ("3171011713450001", "invalid_nik_birth_date"),  # month 13
        ("3171011700450001", "invalid_nik_birth_date"),  # month 00
        ("3171013104450001", "invalid_nik_birth_date"),  # 31 April
        ("3171012902010001", "invalid_nik_birth_date"),  # 29 Feb 2001 / 1901
        ("3171016902010001", "invalid_nik_birth_date"),  # the same, for a woman
        ("3171013002000001", "invalid_nik_birth_date"),  # 30 Feb
        ("3171011708450000", "invalid_nik_serial"),
    ],
)
def test_invalid_nik_has_a_specific_reason(text: str, code: str) -> None:
    assert _code_of(text) == code
    assert not is_valid_nik(text, today=TODAY)


def test_messages_are_bilingual_and_distinct() -> None:
    messages = set()
    for text in ("123", "31710117084500x1", "9971011708450001", "3171013208450001",
                 "3171011708450000", "3100011708450001"):
        with pytest.raises(InvalidNik) as info:
            validate_nik(text, today=TODAY)
        assert info.value.message("id") != info.value.message("en")
        assert "NIK" in info.value.message("id")
        assert "NIK" in info.value.message("en")
        messages.add(info.value.message("en"))
    assert len(messages) == 6


def _assert_no_personal_data(exc: BaseException, typed: str) -> None:
    digits = re.sub(r"\D", "", typed)
    texts = [str(exc), repr(exc), *map(str, exc.args)]
    if isinstance(exc, DomainError):
        texts += [exc.message_id, exc.message_en]
    for text in texts:
        if len(digits) >= 5:  # shorter strings occur in any text ("16", "40")
            assert digits not in text
        # No run of 5+ digits at all: a message may name a rule ("16", "0000"), never a
        # chunk of somebody's number.
        assert re.search(r"\d{5,}", text) is None, text


@pytest.mark.parametrize(
    "text",
    [
        "317101170845000",
        "9971011708450001",
        "3171018108450001",
        "3171011708450000",
        "3100011708450001",
        "31710117084500011",
        "317101170845000X",
    ],
)
def test_no_exception_message_contains_the_input(text: str) -> None:
    with pytest.raises(InvalidNik) as info:
        validate_nik(text, today=TODAY)
    _assert_no_personal_data(info.value, text)
    # The stdnum exception must not ride along as the cause/context into a traceback.
    assert info.value.__cause__ is None
    assert info.value.__context__ is None or info.value.__suppress_context__


@given(st.text(alphabet="0123456789 .-", min_size=1, max_size=20))
def test_no_message_ever_contains_the_digits_of_random_input(text: str) -> None:
    try:
        validate_nik(text, today=TODAY)
    except InvalidNik as exc:
        _assert_no_personal_data(exc, text)


def test_derived_values_refuse_an_invalid_nik_without_leaking_it() -> None:
    bad = "9971011708450001"
    for function in (nik_birth_date, nik_is_female, nik_region_code):
        with pytest.raises(InvalidNik) as info:
            function(bad)
        _assert_no_personal_data(info.value, bad)


# --------------------------------------------------------------------------- masking


def test_mask_shows_region_and_serial_only() -> None:
    assert mask_nik("3171011708450003") == "3171********0003"
    assert mask_nik("3171 0157 0845 0003") == "3171********0003"


@pytest.mark.parametrize("text", ["", "3171", "31710117084500031", "3171O11708450003"])
def test_mask_refuses_what_is_not_16_digits(text: str) -> None:
    with pytest.raises(InvalidNik) as info:
        mask_nik(text)
    _assert_no_personal_data(info.value, text)


# --------------------------------------------------------------------------- properties

births = st.dates(min_value=date(1927, 1, 1), max_value=TODAY)


@given(
    province=st.sampled_from(PROVINCES),
    regency=st.integers(1, 99),
    district=st.integers(1, 99),
    birth=births,
    female=st.booleans(),
    serial=st.integers(1, 9999),
)
def test_every_well_formed_nik_round_trips(
    province: str, regency: int, district: int, birth: date, female: bool, serial: int
) -> None:
    nik = make_nik(province, regency, district, birth, female, serial)
    assert validate_nik(nik, today=TODAY) == nik
    assert nik_birth_date(nik, today=TODAY) == birth
    assert nik_is_female(nik) is female
    assert nik_region_code(nik) == f"{province}.{regency:02d}.{district:02d}"
    masked = mask_nik(nik)
    assert re.fullmatch(r"\d{4}\*{8}\d{4}", masked)
    assert masked[:4] == nik[:4]
    assert masked[-4:] == nik[-4:]
    # The birth date never survives masking.
    assert nik[6:12] not in masked


@given(nik=st.from_regex(r"\A[0-9]{16}\Z"))
def test_validate_either_returns_the_digits_or_raises_invalid_nik(nik: str) -> None:
    try:
        result = validate_nik(nik, today=TODAY)
    except InvalidNik as exc:
        _assert_no_personal_data(exc, nik)
        assert not is_valid_nik(nik, today=TODAY)
    else:
        assert result == nik
        assert is_valid_nik(nik, today=TODAY)
        assert nik[:2] in PROVINCES
        assert nik[12:] != "0000"
        day = int(nik[6:8])
        assert 1 <= day <= 31 or 41 <= day <= 71
