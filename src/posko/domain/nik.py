"""NIK (Nomor Induk Kependudukan): structure checks, masking and the parts it encodes.

A NIK is 16 digits ``PPRRSSDDMMYYXXXX``: province (2), regency/city (2), district (2), the
birth date DDMMYY (40 is added to the day for women) and a serial (4). The structure can be
checked offline; whether the number is really registered can only be asked of Dukcapil, and
Posko never needs to: the NIK is optional and only helps to find a citizen's tickets again.

``python-stdnum`` (``stdnum.id.nik``) does the format, length and province checks. Its
exceptions are translated into :class:`~posko.domain.errors.InvalidNik` with one bilingual
message per failure. We add three checks it lacks, because each lets through a number that
cannot be a NIK:

* the day field must be 01..31 or 41..71 (stdnum takes the day modulo 40, so ``81`` passes
  as day 1);
* the regency and district codes are never ``00`` in Kemendagri's numbering;
* the serial starts at ``0001`` (Dukcapil numbers people from one), so ``0000`` is refused.

stdnum's province table predates Kalimantan Utara (65, 2012) and the Papua provinces created
in 2022 (92, 93, 95, 96), so those codes are accepted here as well; a NIK keeps the code it
was issued with, so old and new codes both occur.

UU PDP 27/2022: the NIK is personal data. No message raised here ever contains the number
(messages reach logs and crash reports): they say what is wrong, never what was typed.
"""

from __future__ import annotations

import re
from datetime import date

from stdnum import exceptions as stdnum_exceptions
from stdnum.id import nik as stdnum_nik

from posko.domain.errors import InvalidNik

NIK_LENGTH = 16

# Kemendagri province codes missing from stdnum's table (see the module docstring).
_PROVINCES_MISSING_FROM_STDNUM = frozenset({"65", "92", "93", "95", "96"})

# Officers copy NIKs from KTP photocopies and forms written as "3171 0117 0845 0001",
# "3171.01.170845.0001" or with hyphens; any whitespace (including no-break spaces pasted
# from chat apps) is dropped too.
_SEPARATORS_RE = re.compile(r"[\s.\-]")

_FEMALE_DAY_OFFSET = 40


def normalize_nik(text: str) -> str:
    """Drop spaces, dots and hyphens. Does not validate: see :func:`validate_nik`."""
    return _SEPARATORS_RE.sub("", text)


def _is_ascii_digits(text: str) -> bool:
    # str.isdigit() also accepts e.g. Arabic-Indic or superscript digits.
    return text.isascii() and text.isdigit()


def _century_birth_date(digits: str, today: date) -> date | None:
    """The birth date encoded in a 16-digit string, or None when no such day exists.

    The year has two digits: we take the latest century that does not put the birth in the
    future (a NIK holder born in "26" is 2026 if that day has passed, otherwise 1926).
    """
    day = int(digits[6:8])
    month = int(digits[8:10])
    yy = int(digits[10:12])
    if day > _FEMALE_DAY_OFFSET:
        day -= _FEMALE_DAY_OFFSET
    # Both 01..31 and 41..71 map to 1..31; anything else (00, 32..40, 72..99) is impossible.
    if not 1 <= day <= 31:
        return None
    for century in (2000, 1900):
        try:
            candidate = date(century + yy, month, day)
        except ValueError:
            continue
        if candidate <= today:
            return candidate
    return None


def _length_error(digits: str) -> InvalidNik:
    if len(digits) < NIK_LENGTH:
        return InvalidNik(
            "NIK terlalu pendek: harus tepat 16 angka.",
            "The NIK is too short: it must be exactly 16 digits.",
            code="invalid_nik_length",
            field="nik",
        )
    return InvalidNik(
        "NIK terlalu panjang: harus tepat 16 angka.",
        "The NIK is too long: it must be exactly 16 digits.",
        code="invalid_nik_length",
        field="nik",
    )


_NOT_DIGITS = (
    "NIK hanya boleh berisi angka (spasi, titik dan tanda hubung boleh).",
    "A NIK may contain digits only (spaces, dots and hyphens are allowed).",
)
_UNKNOWN_PROVINCE = (
    "Kode provinsi pada NIK (dua angka pertama) tidak dikenal.",
    "The province code of the NIK (its first two digits) is unknown.",
)
_ZERO_REGION = (
    "Kode kabupaten/kota dan kecamatan pada NIK (angka ke-3 sampai ke-6) tidak boleh 00.",
    "The regency and district codes of the NIK (digits 3 to 6) cannot be 00.",
)
_BAD_BIRTH_DATE = (
    "Tanggal lahir pada NIK (angka ke-7 sampai ke-12) tidak mungkin; untuk perempuan "
    "tanggalnya ditambah 40.",
    "The birth date in the NIK (digits 7 to 12) is impossible; for women 40 is added to "
    "the day.",
)
_ZERO_SERIAL = (
    "Nomor urut pada NIK (empat angka terakhir) tidak boleh 0000.",
    "The serial of the NIK (its last four digits) cannot be 0000.",
)


def validate_nik(text: str, *, today: date | None = None) -> str:
    """Return the 16 digits of a well-formed NIK, or raise :class:`InvalidNik`.

    `today` is the reference for the birth century (default: the current date).
    """
    digits = normalize_nik(text)
    reference = today or date.today()
    if not digits:  # stdnum calls "" a format error; for the officer it is too short
        raise _length_error(digits)
    try:
        stdnum_nik.validate(digits)
    except stdnum_exceptions.InvalidLength:
        raise _length_error(digits) from None
    except stdnum_exceptions.InvalidFormat:
        raise InvalidNik(*_NOT_DIGITS, code="invalid_nik_format", field="nik") from None
    except stdnum_exceptions.InvalidComponent:
        # stdnum raises the same exception for the date and the province: tell them apart.
        if _century_birth_date(digits, reference) is None:
            raise InvalidNik(
                *_BAD_BIRTH_DATE, code="invalid_nik_birth_date", field="nik"
            ) from None
        if digits[:2] not in _PROVINCES_MISSING_FROM_STDNUM:
            raise InvalidNik(
                *_UNKNOWN_PROVINCE, code="invalid_nik_province", field="nik"
            ) from None
    except stdnum_exceptions.ValidationError:
        raise InvalidNik(
            "NIK tidak valid.", "The NIK is not valid.", field="nik"
        ) from None
    # `from None` everywhere: a chained stdnum traceback would only add noise to the log.
    if not _is_ascii_digits(digits):  # stdnum guarantees it today; do not rely on it
        raise InvalidNik(*_NOT_DIGITS, code="invalid_nik_format", field="nik")
    if digits[2:4] == "00" or digits[4:6] == "00":
        raise InvalidNik(*_ZERO_REGION, code="invalid_nik_region", field="nik")
    if _century_birth_date(digits, reference) is None:
        raise InvalidNik(*_BAD_BIRTH_DATE, code="invalid_nik_birth_date", field="nik")
    if digits[12:] == "0000":
        raise InvalidNik(*_ZERO_SERIAL, code="invalid_nik_serial", field="nik")
    return digits


def is_valid_nik(text: str, *, today: date | None = None) -> bool:
    try:
        validate_nik(text, today=today)
    except InvalidNik:
        return False
    return True


def mask_nik(nik: str) -> str:
    """``3171********0003``: the region (4) and the serial (4) only.

    The birth date in the middle is hidden too: with the name, it is enough to impersonate
    someone. Only the structure is checked (16 digits), so a stored NIK can always be shown
    masked even if a rule has become stricter since it was saved.
    """
    digits = normalize_nik(nik)
    if len(digits) != NIK_LENGTH or not _is_ascii_digits(digits):
        raise InvalidNik(
            "NIK untuk ditampilkan harus 16 angka.",
            "A NIK to display must be 16 digits.",
            code="invalid_nik_format",
            field="nik",
        )
    return digits[:4] + "*" * (NIK_LENGTH - 8) + digits[-4:]


def nik_birth_date(nik: str, *, today: date | None = None) -> date:
    """The birth date encoded in a valid NIK (century chosen as in :func:`validate_nik`)."""
    reference = today or date.today()
    digits = validate_nik(nik, today=reference)
    birth = _century_birth_date(digits, reference)
    if birth is None:  # pragma: no cover - validate_nik has already refused it
        raise InvalidNik(*_BAD_BIRTH_DATE, code="invalid_nik_birth_date", field="nik")
    return birth


def nik_is_female(nik: str) -> bool:
    """Women have 40 added to the day of birth."""
    digits = validate_nik(nik)
    return int(digits[6:8]) > _FEMALE_DAY_OFFSET


def nik_region_code(nik: str) -> str:
    """The Kemendagri district code the NIK was issued in, e.g. ``31.71.01``."""
    digits = validate_nik(nik)
    return f"{digits[0:2]}.{digits[2:4]}.{digits[4:6]}"
