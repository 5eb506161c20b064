"""A person's identifiers in text written by hand: how names are compared
(`normalise_name`) and how a person's name, phone and NIK are found and removed from free text
and stored JSON (`Identity.patterns`, `scrub`, `scrub_json`).

Pure text, no database: the desk's data requests and erasure (:mod:`posko.store.data_request`)
and the server's erasure (``posko_central.erasure``) share it, so both compare and remove the
same things.

A name is compared exactly after normalisation, nothing fuzzier: case, accents, punctuation,
repeated spaces and a leading honorific ("Ibu", "Bpk.", "H.", "Hj.", "Sdri.", "Mbah", …) do
not count, every other letter does. A data export handed to the wrong person is itself a data
breach, and an erasure must never wipe a namesake's contact details.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

# Leading forms of address that are not part of a name (Indonesian usage).
_HONORIFICS = frozenset({
    "bapak", "bpk", "pak", "ibu", "bu", "sdr", "sdri", "saudara", "saudari", "h", "hj",
    "haji", "hajah", "tn", "tuan", "ny", "nyonya", "nn", "nona", "mbak", "mas", "mbah",
    "kak", "dik", "adik", "om", "tante", "almarhum", "alm",
})
NAME_TOKEN_RE = re.compile(r"[^\W_]+", re.UNICODE)


@lru_cache(maxsize=65536)
def normalise_name(value: str) -> str:
    """The name as compared: accents and case folded, punctuation and extra spaces dropped,
    a leading honorific removed ("Ibu Hj. Siti  Aminah," -> "siti aminah")."""
    decomposed = unicodedata.normalize("NFKD", value)
    folded = "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()
    tokens = NAME_TOKEN_RE.findall(folded)
    while len(tokens) > 1 and tokens[0] in _HONORIFICS:
        tokens.pop(0)
    return " ".join(tokens)


ERASED_TEXT = "[dihapus]"


def phone_pattern(e164: str) -> re.Pattern[str]:
    """The number inside free text in any usual form (+62 812-3456-7890, 0812 3456 7890,
    6281234567890), not as part of a longer digit run."""
    significant = e164[3:] if e164.startswith("+62") else e164.lstrip("+")
    sep = r"[\s\-.()]*"
    body = sep.join(re.escape(d) for d in significant)
    return re.compile(rf"(?<!\d)(?:\+?\s*62{sep}|0{sep})?{body}(?!\d)")


def nik_pattern(nik: str) -> re.Pattern[str]:
    return re.compile(r"(?<!\d)" + r"[\s.\-]?".join(re.escape(d) for d in nik) + r"(?!\d)")


def name_pattern(name: str) -> re.Pattern[str] | None:
    tokens = [t for t in NAME_TOKEN_RE.findall(name) if t]
    if not tokens:
        return None
    return re.compile(r"(?<!\w)" + r"[\s.,]+".join(re.escape(t) for t in tokens) + r"(?!\w)",
                      re.IGNORECASE)


@dataclass
class Identity:
    """The person's identifiers, gathered from the tickets before they are blanked, for
    removing them from free text. Personal data: never logged (repr hides it)."""

    names: set[str] = field(default_factory=set)
    phones: set[str] = field(default_factory=set)  # E.164
    niks: set[str] = field(default_factory=set)

    def __repr__(self) -> str:
        return (f"Identity(names={len(self.names)}, phones={len(self.phones)}, "
                f"niks={len(self.niks)})")

    def patterns(self) -> list[re.Pattern[str]]:
        found: list[re.Pattern[str]] = []
        # Longest names first, so "Siti Aminah Rahma" goes before "Siti Aminah".
        for name in sorted(self.names, key=len, reverse=True):
            pattern = name_pattern(name)
            if pattern is not None:
                found.append(pattern)
        found += [phone_pattern(p) for p in sorted(self.phones)]
        found += [nik_pattern(n) for n in sorted(self.niks)]
        return found


def scrub(value: str | None, patterns: Sequence[re.Pattern[str]]) -> str | None:
    """`value` with every occurrence of the person's identifiers replaced."""
    if not value:
        return value
    for pattern in patterns:
        value = pattern.sub(ERASED_TEXT, value)
    return value


def scrub_json(raw: str | None, patterns: Sequence[re.Pattern[str]],
                follow_ups: set[str], reporter: bool, ticket_uuid: str) -> str | None:
    """A stored JSON document (a conflict's payload or server version) without the
    person: the reporter block of this ticket blanked, their follow-ups' `requested_by`
    emptied, every string scrubbed."""
    if not raw:
        return raw
    try:
        data = json.loads(raw)
    except ValueError:
        return scrub(raw, patterns)

    def walk(node: Any) -> Any:
        if isinstance(node, dict):
            out = {k: walk(v) for k, v in node.items()}
            if reporter and out.get("uuid") == ticket_uuid and isinstance(
                    out.get("reporter"), dict):
                out["reporter"] = {**out["reporter"], "kind": "anonymous", "name": None,
                                   "phone": None, "has_nik": False, "contact": "none"}
            if out.get("uuid") in follow_ups and "requested_by" in out:
                out["requested_by"] = ""
            return out
        if isinstance(node, list):
            return [walk(v) for v in node]
        if isinstance(node, str):
            return scrub(node, patterns)
        return node

    return json.dumps(walk(data), ensure_ascii=False, sort_keys=True)
