"""Tracking codes: printable, unique without the network, and typo-evident over the phone.

A code is 12 characters from a 31-letter alphabet with no 0/O/1/I/L, printed in three groups
of four, e.g. ``7F3K-C8H2-22AX``:

    KKKK  the kecamatan (Kemendagri code PP.KK.CC packed into four characters)
    DDD   the day it was issued (days since 2024-01-01)
    N     the desk number (1..31)
    SSS   the sequence number of that desk on that day (1..29791)
    C     a check character

The check character makes the weighted sum of all twelve values (weights 1..12) divisible
by 31. Because 31 is prime and every weight is non-zero and below 31, changing any single
character changes the sum by w*(a-b) != 0 (mod 31), and swapping two adjacent different
characters changes it by (a-b)*(w_i - w_{i+1}) = -(a-b) != 0 (mod 31): both are detected.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from posko.domain.errors import InvalidTrackingCode

ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"
BASE = len(ALPHABET)  # 31, a prime: the check character relies on it
_VALUE = {ch: i for i, ch in enumerate(ALPHABET)}

EPOCH = date(2024, 1, 1)
CODE_LENGTH = 12
_KEC_CHARS, _DAY_CHARS, _DESK_CHARS, _SEQ_CHARS = 4, 3, 1, 3
MAX_DESK = BASE**_DESK_CHARS  # 31
MAX_SEQUENCE = BASE**_SEQ_CHARS  # 29791
MAX_DAYS = BASE**_DAY_CHARS  # 29791 days, until 2105
_CHECK_WEIGHT = CODE_LENGTH
_CHECK_WEIGHT_INVERSE = pow(_CHECK_WEIGHT, -1, BASE)
_MAX_KECAMATAN_VALUE = (99 - 11) * 10_000 + 99 * 100 + 99  # packs "99.99.99"

_KECAMATAN_RE = re.compile(r"^(\d{2})\.(\d{2})\.(\d{2})$")
_SEPARATORS_RE = re.compile(r"[\s\-_.]")


@dataclass(frozen=True, slots=True)
class TrackingCodeParts:
    kecamatan_code: str
    day: date
    desk: int
    sequence: int


def _encode(value: int, width: int) -> str:
    chars = []
    for _ in range(width):
        value, digit = divmod(value, BASE)
        chars.append(ALPHABET[digit])
    return "".join(reversed(chars))


def _decode(text: str) -> int:
    value = 0
    for ch in text:
        value = value * BASE + _VALUE[ch]
    return value


def _check_char(payload: str) -> str:
    weighted = sum((i + 1) * _VALUE[ch] for i, ch in enumerate(payload))
    return ALPHABET[(-weighted * _CHECK_WEIGHT_INVERSE) % BASE]


def _pack_kecamatan(kecamatan_code: str) -> int:
    match = _KECAMATAN_RE.match(kecamatan_code)
    if not match:
        raise InvalidTrackingCode(
            "Kode kecamatan harus berbentuk PP.KK.CC, misalnya 31.75.04.",
            "The kecamatan code must look like PP.KK.CC, for example 31.75.04.",
            field="kecamatan",
        )
    province, regency, district = (int(g) for g in match.groups())
    if province < 11:
        raise InvalidTrackingCode(
            "Kode provinsi tidak dikenal.", "Unknown province code.", field="kecamatan"
        )
    return (province - 11) * 10_000 + regency * 100 + district


def _unpack_kecamatan(value: int) -> str:
    province, rest = divmod(value, 10_000)
    regency, district = divmod(rest, 100)
    return f"{province + 11:02d}.{regency:02d}.{district:02d}"


def format_code(compact: str) -> str:
    """Group a 12-character code as XXXX-XXXX-XXXX for printing and reading aloud."""
    return "-".join(compact[i : i + 4] for i in range(0, len(compact), 4))


def make_tracking_code(kecamatan_code: str, day: date, desk: int, sequence: int) -> str:
    """Build the printable tracking code (with hyphens) for one intake."""
    if not 1 <= desk <= MAX_DESK:
        raise InvalidTrackingCode(
            f"Nomor meja harus 1 sampai {MAX_DESK}.",
            f"The desk number must be from 1 to {MAX_DESK}.",
            field="desk",
        )
    if not 1 <= sequence <= MAX_SEQUENCE:
        raise InvalidTrackingCode(
            f"Nomor urut harian habis (maksimal {MAX_SEQUENCE} per meja per hari).",
            f"The daily sequence is exhausted (at most {MAX_SEQUENCE} per desk per day).",
            field="sequence",
        )
    days = (day - EPOCH).days
    if not 0 <= days < MAX_DAYS:
        raise InvalidTrackingCode(
            "Tanggal di luar rentang kode pelacakan.",
            "The date is outside the tracking code range.",
            field="day",
        )
    payload = (
        _encode(_pack_kecamatan(kecamatan_code), _KEC_CHARS)
        + _encode(days, _DAY_CHARS)
        + _encode(desk - 1, _DESK_CHARS)
        + _encode(sequence - 1, _SEQ_CHARS)
    )
    return format_code(payload + _check_char(payload))


def normalize(text: str) -> str:
    """Upper-case and drop spaces/hyphens, so `7f3k c8h2-22ax` compares equal to the code."""
    return _SEPARATORS_RE.sub("", text).upper()


def validate(text: str) -> str:
    """Return the canonical (hyphenated) form of a typed code, or raise InvalidTrackingCode.

    The message says which character is wrong where it can, so the officer can ask again.
    """
    compact = normalize(text)
    if len(compact) != CODE_LENGTH:
        raise InvalidTrackingCode(
            f"Kode pelacakan harus {CODE_LENGTH} karakter (tertulis {len(compact)}).",
            f"A tracking code has {CODE_LENGTH} characters ({len(compact)} given).",
        )
    for position, ch in enumerate(compact, start=1):
        if ch not in _VALUE:
            hint_id = hint_en = ""
            if ch in "0O":
                hint_id, hint_en = " (huruf O dan angka 0 tidak dipakai)", " (O and 0 are not used)"
            elif ch in "1IL":
                hint_id = " (angka 1, huruf I dan L tidak dipakai)"
                hint_en = " (1, I and L are not used)"
            raise InvalidTrackingCode(
                f"Karakter ke-{position} '{ch}' tidak ada dalam kode pelacakan{hint_id}.",
                f"Character {position} '{ch}' cannot appear in a tracking code{hint_en}.",
            )
    payload, check = compact[:-1], compact[-1]
    if _check_char(payload) != check:
        raise InvalidTrackingCode(
            "Kode pelacakan tidak cocok dengan karakter pemeriksanya; mohon periksa lagi "
            "setiap karakter.",
            "The tracking code does not match its check character; please re-check each "
            "character.",
        )
    if _decode(compact[:_KEC_CHARS]) > _MAX_KECAMATAN_VALUE:
        # Check-valid but no kecamatan code packs to it: not a code any desk issued.
        raise InvalidTrackingCode(
            "Kode pelacakan ini tidak pernah diterbitkan (bagian kecamatan tidak sah).",
            "No desk ever issued this tracking code (its kecamatan part is impossible).",
        )
    return format_code(compact)


def is_valid(text: str) -> bool:
    try:
        validate(text)
    except InvalidTrackingCode:
        return False
    return True


def parse(text: str) -> TrackingCodeParts:
    """Validate a code and take it apart."""
    compact = normalize(validate(text))
    kec, rest = compact[:_KEC_CHARS], compact[_KEC_CHARS:]
    day, rest = rest[:_DAY_CHARS], rest[_DAY_CHARS:]
    desk, seq = rest[:_DESK_CHARS], rest[_DESK_CHARS : _DESK_CHARS + _SEQ_CHARS]
    return TrackingCodeParts(
        kecamatan_code=_unpack_kecamatan(_decode(kec)),
        day=EPOCH + timedelta(days=_decode(day)),
        desk=_decode(desk) + 1,
        sequence=_decode(seq) + 1,
    )
