from __future__ import annotations

import re
from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from posko.domain.errors import DomainError, InvalidTrackingCode
from posko.domain.tracking import (
    ALPHABET,
    TrackingCodeParts,
    is_valid,
    make_tracking_code,
    normalize,
    parse,
    validate,
)

# Written out from the design (no 0/O/1/I/L), not read back from the module.
EXPECTED_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"
FORBIDDEN = "0O1IL"
_CHAR = f"[{EXPECTED_ALPHABET}]"
CODE_RE = re.compile(rf"^{_CHAR}{{4}}-{_CHAR}{{4}}-{_CHAR}{{4}}$")

kecamatan_codes = st.builds(
    lambda p, r, d: f"{p:02d}.{r:02d}.{d:02d}",
    st.integers(11, 99),
    st.integers(0, 99),
    st.integers(0, 99),
)
days = st.dates(min_value=date(2024, 1, 1), max_value=date(2100, 12, 31))
desks = st.integers(1, 31)
sequences = st.integers(1, 29791)


def compact(code: str) -> str:
    return code.replace("-", "")


def test_alphabet_has_31_unambiguous_characters() -> None:
    assert ALPHABET == EXPECTED_ALPHABET
    assert len(set(ALPHABET)) == 31
    assert not set(FORBIDDEN) & set(ALPHABET)


def test_known_example_round_trips() -> None:
    code = make_tracking_code("31.75.04", date(2026, 6, 20), 2, 17)
    assert CODE_RE.match(code)
    assert parse(code) == TrackingCodeParts("31.75.04", date(2026, 6, 20), 2, 17)


def test_codes_differ_for_different_intakes() -> None:
    base = ("31.75.04", date(2026, 6, 20), 2, 17)
    variants = [
        ("31.75.05", date(2026, 6, 20), 2, 17),
        ("31.75.04", date(2026, 6, 21), 2, 17),
        ("31.75.04", date(2026, 6, 20), 3, 17),
        ("31.75.04", date(2026, 6, 20), 2, 18),
    ]
    codes = {make_tracking_code(*base)} | {make_tracking_code(*v) for v in variants}
    assert len(codes) == 5


@given(kecamatan_codes, days, desks, sequences)
def test_make_then_parse_round_trips(kec: str, day: date, desk: int, seq: int) -> None:
    code = make_tracking_code(kec, day, desk, seq)
    assert CODE_RE.match(code), code
    assert not set(FORBIDDEN) & set(code)
    assert validate(code) == code
    assert is_valid(code)
    assert parse(code) == TrackingCodeParts(kec, day, desk, seq)


@given(kecamatan_codes, days, desks, sequences)
def test_every_single_substitution_is_detected(
    kec: str, day: date, desk: int, seq: int
) -> None:
    original = compact(make_tracking_code(kec, day, desk, seq))
    for position in range(len(original)):
        for replacement in EXPECTED_ALPHABET:
            if replacement == original[position]:
                continue
            typo = original[:position] + replacement + original[position + 1 :]
            assert not is_valid(typo), (original, position, replacement)


@given(kecamatan_codes, days, desks, sequences)
def test_every_adjacent_transposition_is_detected(
    kec: str, day: date, desk: int, seq: int
) -> None:
    original = compact(make_tracking_code(kec, day, desk, seq))
    for i in range(len(original) - 1):
        a, b = original[i], original[i + 1]
        if a == b:
            continue  # swapping equal characters changes nothing
        swapped = original[:i] + b + a + original[i + 2 :]
        assert not is_valid(swapped), (original, i)
        with pytest.raises(InvalidTrackingCode):
            parse(swapped)


@given(kecamatan_codes, days, desks, sequences)
def test_normalisation_accepts_what_people_type(
    kec: str, day: date, desk: int, seq: int
) -> None:
    code = make_tracking_code(kec, day, desk, seq)
    bare = compact(code)
    for typed in (
        code.lower(),
        bare,
        bare.lower(),
        " ".join(code.split("-")),
        f"  {code}  ",
        " ".join(bare),  # read out character by character
        code.replace("-", " - "),
    ):
        assert normalize(typed) == bare
        assert validate(typed) == code
        assert parse(typed) == parse(code)


@pytest.mark.parametrize("bad", list(FORBIDDEN + FORBIDDEN.lower()))
@pytest.mark.parametrize("position", [1, 6, 12])
def test_forbidden_characters_are_reported_with_their_position(bad: str, position: int) -> None:
    code = compact(make_tracking_code("31.75.04", date(2026, 6, 20), 2, 17))
    typo = code[: position - 1] + bad + code[position:]
    with pytest.raises(InvalidTrackingCode) as info:
        validate(typo)
    assert f"ke-{position} " in info.value.message("id")
    assert f"Character {position} " in info.value.message("en")
    assert bad.upper() in info.value.message("en")
    assert not is_valid(typo)


@pytest.mark.parametrize("text", ["", "ABCD-EFGH-JKM", "ABCD-EFGH-JKMNP", "ABCDEFGHJKMNPQ"])
def test_wrong_length(text: str) -> None:
    with pytest.raises(InvalidTrackingCode) as info:
        validate(text)
    assert "12" in info.value.message("id")
    assert isinstance(info.value, DomainError)


def test_other_characters_are_refused() -> None:
    code = compact(make_tracking_code("31.75.04", date(2026, 6, 20), 2, 17))
    with pytest.raises(InvalidTrackingCode, match="Character 3"):
        validate(code[:2] + "#" + code[3:])


@pytest.mark.parametrize("desk", [0, 32, -1])
def test_desk_out_of_range(desk: int) -> None:
    with pytest.raises(InvalidTrackingCode) as info:
        make_tracking_code("31.75.04", date(2026, 6, 20), desk, 1)
    assert info.value.field == "desk"


@pytest.mark.parametrize("sequence", [0, 29792, -5])
def test_sequence_out_of_range(sequence: int) -> None:
    with pytest.raises(InvalidTrackingCode) as info:
        make_tracking_code("31.75.04", date(2026, 6, 20), 1, sequence)
    assert info.value.field == "sequence"


def test_sequence_and_desk_limits_are_usable() -> None:
    code = make_tracking_code("99.99.99", date(2026, 6, 20), 31, 29791)
    assert parse(code) == TrackingCodeParts("99.99.99", date(2026, 6, 20), 31, 29791)
    first = make_tracking_code("11.00.00", date(2024, 1, 1), 1, 1)
    assert parse(first) == TrackingCodeParts("11.00.00", date(2024, 1, 1), 1, 1)


@pytest.mark.parametrize(
    "day", [date(2023, 12, 31), date(2024, 1, 1) + timedelta(days=31**3), date(2200, 1, 1)]
)
def test_date_out_of_range(day: date) -> None:
    with pytest.raises(InvalidTrackingCode) as info:
        make_tracking_code("31.75.04", day, 1, 1)
    assert info.value.field == "day"


def test_last_representable_day() -> None:
    last = date(2024, 1, 1) + timedelta(days=31**3 - 1)
    assert parse(make_tracking_code("31.75.04", last, 1, 1)).day == last


@pytest.mark.parametrize("kec", ["3175.04", "31.75.4", "31-75-04", "", "10.75.04", "00.00.00"])
def test_bad_kecamatan_code(kec: str) -> None:
    with pytest.raises(InvalidTrackingCode) as info:
        make_tracking_code(kec, date(2026, 6, 20), 1, 1)
    assert info.value.field == "kecamatan"


def test_parse_refuses_a_kecamatan_no_code_can_hold() -> None:
    # "ZZZZ" decodes to province 103: make_tracking_code can never produce it, but the
    # check character alone cannot know that. Computed here with the documented rule.
    values = {ch: i for i, ch in enumerate(EXPECTED_ALPHABET)}
    payload = "ZZZZ" + "222" + "2" + "222"
    weighted = sum((i + 1) * values[ch] for i, ch in enumerate(payload))
    check = next(c for c in EXPECTED_ALPHABET if (weighted + 12 * values[c]) % 31 == 0)
    # The checksum is fine, but there is no province 103.
    with pytest.raises(InvalidTrackingCode):
        parse(payload + check)
    assert not is_valid(payload + check)
