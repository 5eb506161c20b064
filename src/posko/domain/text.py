"""Free text typed at the desk: what may be stored, and how long it may be.

Officers paste from chat apps, Word and KTP scans, so the text of a complaint can hold
control characters (NUL, vertical tabs, a stray ESC), Windows line ends or, through a broken
clipboard, unpaired UTF-16 surrogates. The limits and the character rules follow the sync
contract (``sync/openapi.yaml``: a reporter's name is one line of at most 200 characters, an
address at most 500, a description 1 to 10,000, no control characters but tabs and line
breaks), so that nothing the desk saves is refused later by the city server and parked in the
outbox for ever.

* Control characters are dropped (in one-line fields every whitespace control becomes a
  space); Windows and old Mac line ends become ``\\n``. What is left is stripped at both ends.
  Format characters (zero-width joiners in emoji, right-to-left marks) and combining marks are
  kept: they are part of the text.
* An unpaired surrogate cannot be stored (SQLite and the server take UTF-8): refused with a
  field error rather than guessed at.
* Text longer than the limit is refused with a field error (cut silently, a complaint would
  lose its end).

No message here quotes the text: it may be personal data.
"""

from __future__ import annotations

import re

from posko.domain.errors import DomainError

MAX_NAME = 200
MAX_ADDRESS = 500
MAX_DESCRIPTION = 10_000
MAX_PHONE = 32  # the raw phone field as the server accepts it (any Indonesian form)

# C0 and C1 controls and DEL; tabs and line breaks are handled separately.
_CONTROLS_RE = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x84\x86-\x9f]")
_LINE_SPACES_RE = re.compile(r"[\t\n\v\f\r\x1c-\x1f\x85\u2028\u2029]")
_TEXT_BREAKS_RE = re.compile(r"\r\n?|[\v\f\x1c-\x1e\x85\u2028\u2029]")
_SURROGATE_RE = re.compile(r"[\ud800-\udfff]")


def _check_encodable(text: str, field: str) -> None:
    if _SURROGATE_RE.search(text):
        raise DomainError(
            "Teks berisi karakter rusak (dari salinan yang terpotong). Ketik ulang bagian "
            "tersebut.",
            "The text holds a broken character (from a damaged copy and paste). Type that "
            "part again.",
            code="invalid_text_encoding",
            field=field,
        )


def _check_length(text: str, limit: int, field: str) -> None:
    if len(text) > limit:
        raise DomainError(
            f"Teks terlalu panjang: paling banyak {limit} karakter ({len(text)} diketik).",
            f"The text is too long: at most {limit} characters ({len(text)} typed).",
            code="text_too_long",
            field=field,
        )


def clean_line(text: str, *, field: str, limit: int) -> str:
    """One line of text (a name, an address): see the module docstring."""
    if not text.isprintable():  # fast path: most text has nothing to clean
        _check_encodable(text, field)
        text = _CONTROLS_RE.sub("", _LINE_SPACES_RE.sub(" ", text))
    text = text.strip()
    _check_length(text, limit, field)
    return text


def clean_text(text: str, *, field: str, limit: int) -> str:
    """Free text with line breaks (a description): see the module docstring."""
    if not text.isprintable():
        _check_encodable(text, field)
        text = _CONTROLS_RE.sub("", _TEXT_BREAKS_RE.sub("\n", text))
    text = text.strip()
    _check_length(text, limit, field)
    return text


# Cells a spreadsheet would run as a formula (CSV injection) start with one of these.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_cell(value: object) -> str:
    """Text for a CSV cell that a spreadsheet will not run as a formula: formula-like text
    gets a leading apostrophe; plain numbers (-5, +62...) are left as they are."""
    text = "" if value is None else str(value)
    if text.startswith(_FORMULA_START) and not _is_number(text):
        return "'" + text
    return text


def _is_number(text: str) -> bool:
    try:
        float(text)
    except ValueError:
        return False
    return True
