"""Indonesian phone numbers: one stored form (E.164), masked and searchable forms.

Citizens give numbers as ``0812-3456-7890``, ``+62 812 3456 7890``, ``62812…`` (the form
WhatsApp shows), ``+62 (0)812…`` or a landline ``(021) 555-0123``. All are stored as E.164
(``+6281234567890``) so that the same person is found whichever way the number was typed.
Parsing and validity come from Google's libphonenumber port, ``phonenumbers`` (region ID).

Only Indonesian numbers (+62) are accepted: Posko contacts people by phone, SMS or WhatsApp
from a kecamatan office, and a foreign number typed by mistake is likelier than a real one.

The number is personal data (UU PDP 27/2022): no message raised here contains it.
"""

from __future__ import annotations

import re

import phonenumbers
from phonenumbers import NumberParseException, PhoneNumber, PhoneNumberFormat

from posko.domain.errors import InvalidPhone

REGION = "ID"
COUNTRY_CODE = 62

# What people write around the digits. Letters are refused on purpose: libphonenumber
# would read "0812-FLOWERS" as a vanity number and "ext. 12" as an extension.
_ALLOWED_RE = re.compile(r"^\+?[\d\s\-.()/]*$")
_NON_DIGITS_RE = re.compile(r"\D")

#: How :func:`mask_phone` hides the number. Fixed width (so the length is hidden too) and
#: ASCII only, because thermal receipt printers do not all have a bullet glyph.
MASK_TEMPLATE = "+62 ***-****-{last4}"


def _error(message_id: str, message_en: str, code: str = "invalid_phone") -> InvalidPhone:
    return InvalidPhone(message_id, message_en, code=code, field="phone")


def _parse(text: str) -> PhoneNumber:
    stripped = text.strip()
    if not stripped:
        raise _error(
            "Nomor telepon kosong.", "The phone number is empty.", "invalid_phone_empty"
        )
    if not _ALLOWED_RE.match(stripped):
        raise _error(
            "Nomor telepon hanya boleh berisi angka, spasi, tanda hubung, kurung dan '+' di "
            "depan.",
            "A phone number may contain only digits, spaces, hyphens, brackets and a "
            "leading '+'.",
            "invalid_phone_format",
        )
    digits = _NON_DIGITS_RE.sub("", stripped)
    if stripped.startswith("+"):
        candidate = "+" + digits
    elif digits.startswith(str(COUNTRY_CODE)):
        # "62…" without the plus is how WhatsApp and many forms show a number. Read it as
        # the country code: an Indonesian national number is dialled with a leading 0, so a
        # bare 62 never starts a national number (libphonenumber would otherwise take
        # "6221…" as the North Sumatra area code 0622).
        candidate = "+" + digits
    else:
        candidate = digits
    try:
        return phonenumbers.parse(candidate, REGION)
    except NumberParseException:
        raise _error(
            "Nomor telepon tidak dapat dibaca.",
            "The phone number cannot be read.",
            "invalid_phone_format",
        ) from None


def normalize_phone(text: str) -> str:
    """Return the E.164 form (``+6281234567890``) or raise :class:`InvalidPhone`."""
    number = _parse(text)
    if number.country_code != COUNTRY_CODE:
        raise _error(
            "Hanya nomor telepon Indonesia (+62) yang dapat dicatat.",
            "Only Indonesian phone numbers (+62) can be recorded.",
            "invalid_phone_country",
        )
    if not phonenumbers.is_valid_number_for_region(number, REGION):
        raise _error(
            "Nomor telepon tidak valid: periksa jumlah angka dan awalannya (misalnya 08… "
            "atau +62…).",
            "The phone number is not valid: check the number of digits and the prefix "
            "(for example 08… or +62…).",
        )
    return phonenumbers.format_number(number, PhoneNumberFormat.E164)


def is_valid_phone(text: str) -> bool:
    try:
        normalize_phone(text)
    except InvalidPhone:
        return False
    return True


def _national_significant(e164: str) -> str:
    """The digits after +62 of a number already normalised (re-normalised to be safe)."""
    normalized = normalize_phone(e164)
    return normalized[1 + len(str(COUNTRY_CODE)) :]


def mask_phone(e164: str) -> str:
    """``+62 ***-****-7890``: only the last four digits, enough for a citizen to recognise
    their own number on a receipt or a screen without exposing it to the next person in
    the queue. See :data:`MASK_TEMPLATE`.
    """
    return MASK_TEMPLATE.format(last4=_national_significant(e164)[-4:])


def national_format(e164: str) -> str:
    """The number as Indonesians write it: ``0812-3456-7890``, ``(021) 5550123``."""
    number = phonenumbers.parse(normalize_phone(e164), REGION)
    return phonenumbers.format_number(number, PhoneNumberFormat.NATIONAL)


def search_forms(e164: str) -> list[str]:
    """Digit strings to index for prefix search (search-as-you-type).

    An officer types whatever the citizen says: ``6281…`` (from WhatsApp), ``081…`` (the
    usual form) or ``81…`` (after dropping the 0). Indexing all three makes each of these a
    prefix match. Most specific first; no duplicates.
    """
    significant = _national_significant(e164)
    forms = [f"{COUNTRY_CODE}{significant}", f"0{significant}", significant]
    return list(dict.fromkeys(forms))
