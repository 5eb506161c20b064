"""The personal data the test suite uses, in one place: the NIKs, phone numbers and reporter
names of the tests' data, and a fast search for them in any text (logs, exception texts,
crash files). Used by tests/pii_guard.py.

The registry is built once per session from three sources:

* the constants below (the shared samples of tests/conftest.py and friends);
* the tests' own source, read with `ast`: every string literal shaped like a NIK (16 digits,
  optionally grouped with spaces, dots or hyphens) or an Indonesian mobile number (08...,
  +628..., 628..., any grouping), and every literal passed as a reporter's name
  (``Reporter(name=...)``, ``reporter_name=``, ``requested_by=``, a ``"name"`` inside a
  reporter payload, text typed into a ``nameEdit``, an upper-case ``*NAME`` constant);
* the demo generator's name lists (every given + family name pair it can produce).

Besides the known values, two shapes are personal data whatever their value (the demo
generator and hypothesis make up many): a run of exactly 16 digits that is a structurally
valid NIK, and an E.164 / national Indonesian *mobile* number (+628..., 08...).

Not personal data, on purpose: masked forms (``3175********0003``, ``+62 ***-****-7890``:
4-digit tails are shown to citizens), tracking codes, officers' names (they sign receipts and
appear in the audit log), the kecamatan's own contact numbers, and single given names like
"Budi" (too common a word to tell apart from ordinary text).
"""

from __future__ import annotations

import ast
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from functools import cache
from pathlib import Path

import phonenumbers

from posko import demo_data
from posko.domain.errors import PoskoError
from posko.domain.nik import is_valid_nik
from posko.domain.phone import normalize_phone

TESTS_DIR = Path(__file__).resolve().parent

# The shared samples (tests/conftest.py, tests/sync_client/conftest.py, tests/receipts, ...).
# The scan below finds them too; listing them here keeps them registered if a file moves.
EXPLICIT_NIKS = ("3175046708800003", "3171015708450003", "3171011708450001")
EXPLICIT_PHONES = ("+6281234567890", "0812-3456-7890", "0857-1122-3344")
EXPLICIT_NAMES = ("Siti Aminah", "Rahmawati Kusumaningrum", "Mbah Sarinah", "José Pratama",
                  "Ñoño Łukasz Ğül Đặng Thị")

# Officers are not reporters: their names are printed on receipts and kept in the audit log.
OFFICER_NAMES = frozenset({"Budi Santoso", "Dewi Lestari", "Rina Kusuma", "Agus Prasetyo",
                           "Yusuf Hidayat", "Sri Wahyuni"})
# Upper-case constants ending in NAME that are not people.
_NOT_PERSON_CONSTANTS = ("PRINTER", "DRAFT", "FILE", "SERVICE", "APP", "ORG", "KEY",
                         "HOST", "DB", "TABLE", "COLUMN", "FIELD", "FONT", "DEVICE", "OFFICER",
                         "KECAMATAN", "KELURAHAN", "CATEGORY", "STREET", "USER")

_NIK_LITERAL_RE = re.compile(r"^\s*\d{4}[\s.\-]?\d{2}[\s.\-]?\d{2}[\s.\-]?\d{4}[\s.\-]?\d{4}\s*$")
_PHONE_LITERAL_RE = re.compile(r"^\s*(?:\+?\s*62|0)[\s\-.()]*8[\d\s\-.()]{7,16}\s*$")
_WORD_RE = re.compile(r"\w+")
# Digit runs, possibly grouped ("0812-3456 7890", "3171.01.170845.0001").
_DIGIT_RUN_RE = re.compile(r"[0-9](?:[0-9 .\-/()]*[0-9])?")
_NON_DIGIT_RE = re.compile(r"[^0-9]")
# Generic shapes (any value): a bounded 16-digit run; an Indonesian mobile number.
_ANY_NIK_RE = re.compile(r"(?<![\w.])[0-9]{16}(?![\w.])")
_ANY_MOBILE_RE = re.compile(
    r"(?<![\w.+])(?:\+62[ \-]?|62|0)8[0-9]{2}(?:[ \-]?[0-9]){6,10}(?![\w.])")
_NIK_REFERENCE_DAY = date(2026, 11, 28)


@dataclass(frozen=True)
class Leak:
    kind: str  # "nik", "phone", "name"
    value: str  # the registered value (or the matched text for a generic shape)
    context: str  # a few characters around the match

    def __str__(self) -> str:
        return f"{self.kind} {self.value!r} in …{self.context}…"


@dataclass
class Registry:
    niks: set[str] = field(default_factory=set)  # 16 digits
    phones: set[str] = field(default_factory=set)  # E.164
    names: set[str] = field(default_factory=set)  # as typed
    # Derived search structures.
    digit_needles: dict[str, tuple[str, str]] = field(default_factory=dict)
    needle_lengths: tuple[int, ...] = ()
    name_index: dict[str, list[tuple[str, ...]]] = field(default_factory=dict)

    def add_nik(self, text: str) -> None:
        digits = _NON_DIGIT_RE.sub("", text)
        if len(digits) == 16 and digits.isascii() and len(set(digits)) > 2:
            self.niks.add(digits)

    def add_phone(self, text: str) -> None:
        try:
            e164 = normalize_phone(text)
        except PoskoError:
            return
        number = phonenumbers.parse(e164)
        if phonenumbers.number_type(number) in (phonenumbers.PhoneNumberType.MOBILE,
                                                phonenumbers.PhoneNumberType.FIXED_LINE_OR_MOBILE):
            self.phones.add(e164)

    def add_name(self, text: str) -> None:
        name = " ".join(text.split())
        words = tuple(_WORD_RE.findall(name))
        if not words or name in OFFICER_NAMES:
            return
        if len(words) == 1:
            return
        self.names.add(name)

    def build(self) -> Registry:
        needles: dict[str, tuple[str, str]] = {}
        for nik in self.niks:
            needles[nik] = ("nik", nik)
        for e164 in self.phones:
            # The national significant number (after +62 / 0) is inside every written form.
            needles[e164[3:]] = ("phone", e164)
        self.digit_needles = needles
        # Longest first: a NIK or a full number is named rather than a shorter number in it.
        self.needle_lengths = tuple(sorted({len(n) for n in needles}, reverse=True))
        index: dict[str, list[tuple[str, ...]]] = {}
        for name in self.names:
            words = tuple(_WORD_RE.findall(name))
            index.setdefault(words[0], []).append(words)
        self.name_index = index
        return self

    # --- searching ------------------------------------------------------------------

    def leaks(self, text: str) -> list[Leak]:
        """Every known or NIK/mobile-shaped personal datum in `text` (empty when clean)."""
        if not text:
            return []
        found: list[Leak] = []
        found += self._digit_leaks(text)
        found += self._name_leaks(text)
        return found

    def _digit_leaks(self, text: str) -> Iterator[Leak]:
        needles = self.digit_needles
        lengths = self.needle_lengths
        reported: set[int] = set()  # start offsets of runs already reported
        for match in _DIGIT_RUN_RE.finditer(text):
            run = match.group()
            digits = run if run.isdigit() else _NON_DIGIT_RE.sub("", run)
            size = len(digits)
            if size < 9:
                continue
            hit = None
            for length in lengths:
                if length > size:
                    continue
                for start in range(size - length + 1):
                    hit = needles.get(digits[start:start + length])
                    if hit is not None:
                        break
                if hit is not None:
                    break
            if hit is not None:
                reported.add(match.start())
                yield Leak(hit[0], hit[1], _context(text, match.start(), match.end()))
        for match in _ANY_NIK_RE.finditer(text):
            if match.start() not in reported and is_valid_nik(match.group(),
                                                              today=_NIK_REFERENCE_DAY):
                yield Leak("nik", match.group(), _context(text, match.start(), match.end()))
        for match in _ANY_MOBILE_RE.finditer(text):
            if match.start() in reported:
                continue
            raw = match.group()
            try:
                normalize_phone(raw)
            except PoskoError:
                continue
            yield Leak("phone", raw, _context(text, match.start(), match.end()))

    def _name_leaks(self, text: str) -> Iterator[Leak]:
        index = self.name_index
        tokens = _WORD_RE.findall(text)
        for position, token in enumerate(tokens):
            candidates = index.get(token)
            if candidates is None:
                continue
            for words in candidates:
                if tuple(tokens[position:position + len(words)]) == words:
                    start = max(0, text.find(token))
                    yield Leak("name", " ".join(words), _context(text, start, start + 40))
                    break


def _context(text: str, start: int, end: int) -> str:
    return text[max(0, start - 40):end + 40].replace("\n", "⏎")


# --------------------------------------------------------------------------- the scan


def _string(node: ast.AST | None) -> str | None:
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    return None


def _func_name(node: ast.AST) -> str:
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute):
        return node.attr
    return ""


def _is_name_edit(node: ast.AST) -> bool:
    return isinstance(node, ast.Attribute) and node.attr in ("nameEdit", "requestedByEdit")


def _person_constant(target: str) -> bool:
    if not target.isupper() or not target.endswith("NAME"):
        return False
    return not any(part in target for part in _NOT_PERSON_CONSTANTS)


def scan_source(source: str, registry: Registry) -> None:
    """Add the NIKs, phones and reporter names found in one test module's source."""
    try:
        tree = ast.parse(source)
    except SyntaxError:  # a file being edited by someone else right now
        return
    for node in ast.walk(tree):
        literal = _string(node)
        if literal is not None and len(literal) <= 40:
            if _NIK_LITERAL_RE.match(literal):
                registry.add_nik(literal)
            elif _PHONE_LITERAL_RE.match(literal):
                registry.add_phone(literal)
        if isinstance(node, ast.Call):
            func = _func_name(node.func)
            for keyword in node.keywords:
                value = _string(keyword.value)
                if value is None:
                    continue
                if (keyword.arg == "name" and func == "Reporter") or keyword.arg in (
                        "reporter_name", "requested_by"):
                    registry.add_name(value)
            if func == "Reporter" and len(node.args) >= 2:
                value = _string(node.args[1])
                if value is not None:
                    registry.add_name(value)
            if func in ("keyClicks", "setText") and node.args:
                target = node.args[0] if func == "keyClicks" else node.func
                typed = _string(node.args[1]) if func == "keyClicks" and len(node.args) > 1 \
                    else _string(node.args[0])
                owner = target.value if func == "setText" and isinstance(
                    target, ast.Attribute) else target
                if typed is not None and _is_name_edit(owner):
                    registry.add_name(typed)
        elif isinstance(node, ast.Dict):
            keys = {_string(k): v for k, v in zip(node.keys, node.values, strict=True)
                    if k is not None}
            if "name" in keys and ({"phone", "has_nik", "nik"} & keys.keys()):
                value = _string(keys["name"])
                if value is not None:
                    registry.add_name(value)
        elif isinstance(node, ast.Assign | ast.AnnAssign):
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            value = _string(node.value)
            if value is None:
                continue
            for target in targets:
                if isinstance(target, ast.Name) and _person_constant(target.id):
                    registry.add_name(value)


def demo_names() -> Iterator[str]:
    """Every two-part name the demo generator can make (posko.demo_data._Generator.name)."""
    d = demo_data
    skip = d._FEMALE_FIRST_OF_TWO | d._BALINESE_FIRST
    for given in d._FEMALE:
        families: Iterable[str] = (d._FEMALE if given in d._FEMALE_FIRST_OF_TWO
                                   else d._FEMALE_SURNAMES + d._SURNAMES)
        for family in families:
            if family != given and family not in skip:
                yield f"{given} {family}"
    for given in d._MALE:
        if given in d._MALE_FIRST_OF_TWO:
            families = d._MALE
        elif given in d._BALINESE_FIRST:
            families = d._BALINESE_SECOND
        else:
            families = d._SURNAMES
        for family in families:
            if family != given and family not in skip:
                yield f"{given} {family}"


@cache
def registry() -> Registry:
    known = Registry()
    for nik in EXPLICIT_NIKS:
        known.add_nik(nik)
    for phone in EXPLICIT_PHONES:
        known.add_phone(phone)
    for name in EXPLICIT_NAMES:
        known.add_name(name)
    for path in sorted(TESTS_DIR.rglob("*.py")):
        try:
            source = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):  # a file being written or removed right now
            continue
        scan_source(source, known)
    for name in demo_names():
        known.add_name(name)
    return known.build()
