from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from posko.domain.errors import DomainError, InvalidPhone
from posko.domain.phone import (
    is_valid_phone,
    mask_phone,
    national_format,
    normalize_phone,
    search_forms,
)

MOBILE = "+6281234567890"


@pytest.mark.parametrize(
    "typed",
    [
        "081234567890",
        "0812-3456-7890",
        "0812 3456 7890",
        "0812.3456.7890",
        "+6281234567890",
        "+62 812 3456 7890",
        "+62 812-3456-7890",
        "+62-812-3456-7890",
        "+62 (0)812 3456 7890",
        "6281234567890",
        "62 812 3456 7890",
        "62-812-3456-7890",
        "81234567890",
        "  081234567890  ",
    ],
)
def test_every_usual_way_of_writing_a_mobile_number(typed: str) -> None:
    assert normalize_phone(typed) == MOBILE
    assert is_valid_phone(typed)


@pytest.mark.parametrize(
    ("typed", "e164"),
    [
        ("(021) 5550123", "+62215550123"),
        ("021-5550123", "+62215550123"),
        # A bare 62 is the country code, not the North Sumatra area code 0622.
        ("62-21-5550123", "+62215550123"),
        ("0852-1234-5678", "+6285212345678"),
        ("0811-234-567", "+62811234567"),
    ],
)
def test_landlines_and_other_operators(typed: str, e164: str) -> None:
    assert normalize_phone(typed) == e164


def test_normalisation_is_idempotent() -> None:
    assert normalize_phone(normalize_phone("0812 3456 7890")) == MOBILE


@pytest.mark.parametrize(
    ("typed", "code"),
    [
        ("", "invalid_phone_empty"),
        ("   ", "invalid_phone_empty"),
        ("abc", "invalid_phone_format"),
        ("0812-FLOWERS", "invalid_phone_format"),
        ("0812 3456 7890 ext 12", "invalid_phone_format"),
        ("0812+34567890", "invalid_phone_format"),
        ("++6281234567890", "invalid_phone_format"),
        ("0812345", "invalid_phone"),  # too short
        ("0812345678901234", "invalid_phone"),  # too long
        ("0000000000", "invalid_phone"),
        ("+6591234567", "invalid_phone_country"),  # Singapore
        ("+1 202 555 0123", "invalid_phone_country"),
    ],
)
def test_invalid_numbers(typed: str, code: str) -> None:
    with pytest.raises(InvalidPhone) as info:
        normalize_phone(typed)
    assert isinstance(info.value, DomainError)
    assert info.value.code == code
    assert info.value.field == "phone"
    assert info.value.message("id") != info.value.message("en")
    assert not is_valid_phone(typed)


def _assert_no_number_in(exc: DomainError, typed: str) -> None:
    digits = re.sub(r"\D", "", typed)
    for text in (str(exc), repr(exc), exc.message_id, exc.message_en):
        if len(digits) >= 4:
            assert digits not in text
        assert re.search(r"\d{4,}", text) is None, text


@pytest.mark.parametrize(
    "typed", ["0812345", "+6591234567", "0812-FLOWERS", "0812345678901234", "99999999"]
)
def test_messages_never_contain_the_number(typed: str) -> None:
    with pytest.raises(InvalidPhone) as info:
        normalize_phone(typed)
    _assert_no_number_in(info.value, typed)
    assert info.value.__cause__ is None


@given(st.text(alphabet="0123456789+-() ", max_size=20))
def test_any_input_gives_e164_or_a_clean_error(typed: str) -> None:
    try:
        e164 = normalize_phone(typed)
    except InvalidPhone as exc:
        _assert_no_number_in(exc, typed)
    else:
        assert re.fullmatch(r"\+62\d{7,13}", e164)
        assert normalize_phone(e164) == e164


@given(st.from_regex(r"\A08[1-9][0-9]{7,9}\Z"))
def test_local_and_international_forms_agree(local: str) -> None:
    if not is_valid_phone(local):
        return  # not every 08… prefix is allocated; validity is libphonenumber's call
    e164 = normalize_phone(local)
    assert e164 == "+62" + local[1:]
    assert normalize_phone("62" + local[1:]) == e164
    assert normalize_phone("+62 " + local[1:]) == e164
    assert search_forms(e164)[:2] == ["62" + local[1:], local]


def test_mask_shows_only_the_last_four_digits() -> None:
    assert mask_phone(MOBILE) == "+62 ***-****-7890"
    assert mask_phone("0812 3456 7890") == "+62 ***-****-7890"
    # Fixed width: the mask does not tell a landline from a mobile by its length.
    assert len(mask_phone("+62215550123")) == len(mask_phone(MOBILE))
    assert mask_phone("+62215550123").endswith("0123")
    assert re.search(r"\d{5,}", mask_phone(MOBILE)) is None


def test_mask_refuses_an_invalid_number() -> None:
    with pytest.raises(InvalidPhone):
        mask_phone("12345")


def test_national_format() -> None:
    assert national_format(MOBILE) == "0812-3456-7890"
    assert national_format("+62215550123") == "(021) 5550123"


def test_search_forms() -> None:
    assert search_forms(MOBILE) == ["6281234567890", "081234567890", "81234567890"]
    assert search_forms("+62215550123") == ["62215550123", "0215550123", "215550123"]
    # Every way an officer starts typing the number is a prefix of one indexed form.
    for typed in ("6281", "0812", "812", "08123456", "62812345678"):
        assert any(form.startswith(typed) for form in search_forms(MOBILE))
