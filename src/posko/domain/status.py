"""The ticket status state machine, mapped to what JAKI/CRM (v2) and SP4N-LAPOR! show.

Happy path: received -> verified -> dispatched -> in_progress -> awaiting_validation -> done.
From awaiting_validation the kecamatan may reject the agency's follow-up (followup_rejected),
which goes back to in_progress; a citizen saying "belum beres" reopens a done ticket
(reopened), which also goes back to in_progress. Side exits from any open status: rejected,
not_our_authority (naming the agency it was passed to) and merged (naming the survivor).
"""

from __future__ import annotations

from enum import StrEnum

from posko.domain.errors import InvalidTransition


class Status(StrEnum):
    RECEIVED = "received"
    VERIFIED = "verified"
    DISPATCHED = "dispatched"
    IN_PROGRESS = "in_progress"
    AWAITING_VALIDATION = "awaiting_validation"
    DONE = "done"
    FOLLOWUP_REJECTED = "followup_rejected"
    REOPENED = "reopened"
    REJECTED = "rejected"
    NOT_OUR_AUTHORITY = "not_our_authority"
    MERGED = "merged"

    @property
    def label_id(self) -> str:
        return _LABELS[self][0]

    @property
    def label_en(self) -> str:
        return _LABELS[self][1]

    @property
    def is_open(self) -> bool:
        """Still somebody's work (counts against SLA and shows in the overdue list)."""
        return self not in TERMINAL_STATUSES


_LABELS: dict[Status, tuple[str, str]] = {
    Status.RECEIVED: ("diterima", "received"),
    Status.VERIFIED: ("diverifikasi", "verified"),
    Status.DISPATCHED: ("didisposisikan", "dispatched"),
    Status.IN_PROGRESS: ("diproses", "in progress"),
    Status.AWAITING_VALIDATION: ("menunggu validasi", "awaiting validation"),
    Status.DONE: ("selesai", "done"),
    Status.FOLLOWUP_REJECTED: ("TL ditolak", "follow-up rejected"),
    Status.REOPENED: ("dibuka kembali", "reopened"),
    Status.REJECTED: ("ditolak", "rejected"),
    Status.NOT_OUR_AUTHORITY: ("bukan wewenang", "not our authority"),
    Status.MERGED: ("digabung", "merged"),
}

TERMINAL_STATUSES: frozenset[Status] = frozenset(
    {Status.DONE, Status.REJECTED, Status.NOT_OUR_AUTHORITY, Status.MERGED}
)

_SIDE_EXITS: frozenset[Status] = frozenset(
    {Status.REJECTED, Status.NOT_OUR_AUTHORITY, Status.MERGED}
)

ALLOWED_TRANSITIONS: dict[Status, frozenset[Status]] = {
    Status.RECEIVED: frozenset({Status.VERIFIED}) | _SIDE_EXITS,
    Status.VERIFIED: frozenset({Status.DISPATCHED}) | _SIDE_EXITS,
    Status.DISPATCHED: frozenset({Status.IN_PROGRESS}) | _SIDE_EXITS,
    Status.IN_PROGRESS: frozenset({Status.AWAITING_VALIDATION}) | _SIDE_EXITS,
    Status.AWAITING_VALIDATION: frozenset({Status.DONE, Status.FOLLOWUP_REJECTED})
    | _SIDE_EXITS,
    Status.FOLLOWUP_REJECTED: frozenset({Status.IN_PROGRESS}) | _SIDE_EXITS,
    Status.REOPENED: frozenset({Status.IN_PROGRESS}) | _SIDE_EXITS,
    Status.DONE: frozenset({Status.REOPENED}),
    Status.REJECTED: frozenset(),
    Status.NOT_OUR_AUTHORITY: frozenset(),
    Status.MERGED: frozenset(),
}


def can_transition(current: Status, new: Status) -> bool:
    return new in ALLOWED_TRANSITIONS[current]


def check_transition(
    current: Status,
    new: Status,
    *,
    agency: str | None = None,
    merged_into: str | None = None,
    note: str = "",
) -> None:
    """Raise InvalidTransition unless `current -> new` is allowed with the given details.

    not_our_authority must name the agency the ticket was passed to; merged must name the
    surviving ticket; followup_rejected and reopened need a note saying why.
    """
    if new not in ALLOWED_TRANSITIONS[current]:
        allowed = ", ".join(sorted(s.label_id for s in ALLOWED_TRANSITIONS[current])) or "-"
        allowed_en = ", ".join(sorted(s.label_en for s in ALLOWED_TRANSITIONS[current])) or "-"
        raise InvalidTransition(
            f"Status tidak dapat diubah dari '{current.label_id}' ke '{new.label_id}'. "
            f"Yang diperbolehkan: {allowed}.",
            f"Status cannot change from '{current.label_en}' to '{new.label_en}'. "
            f"Allowed: {allowed_en}.",
        )
    if new is Status.NOT_OUR_AUTHORITY and not (agency and agency.strip()):
        raise InvalidTransition(
            "Status 'bukan wewenang' harus menyebut instansi tujuan.",
            "Status 'not our authority' must name the agency it was passed to.",
            field="agency",
        )
    if new is Status.MERGED and not (merged_into and merged_into.strip()):
        raise InvalidTransition(
            "Status 'digabung' harus menyebut tiket tujuan penggabungan.",
            "Status 'merged' must name the ticket it was merged into.",
            field="merged_into",
        )
    if new in (Status.FOLLOWUP_REJECTED, Status.REOPENED) and not note.strip():
        raise InvalidTransition(
            f"Status '{new.label_id}' memerlukan catatan alasan.",
            f"Status '{new.label_en}' needs a note giving the reason.",
            field="note",
        )
