from __future__ import annotations

import itertools

import pytest

from posko.domain.errors import DomainError, InvalidTransition
from posko.domain.status import TERMINAL_STATUSES, Status, can_transition, check_transition

S = Status

# The state machine of DESIGN.md ("Domain rules" / Status), written out by hand so that a
# change to ALLOWED_TRANSITIONS has to be a deliberate change to this table as well.
SIDE_EXITS = {S.REJECTED, S.NOT_OUR_AUTHORITY, S.MERGED}
EXPECTED: dict[Status, set[Status]] = {
    S.RECEIVED: {S.VERIFIED, *SIDE_EXITS},
    S.VERIFIED: {S.DISPATCHED, *SIDE_EXITS},
    S.DISPATCHED: {S.IN_PROGRESS, *SIDE_EXITS},
    S.IN_PROGRESS: {S.AWAITING_VALIDATION, *SIDE_EXITS},
    S.AWAITING_VALIDATION: {S.DONE, S.FOLLOWUP_REJECTED, *SIDE_EXITS},
    S.FOLLOWUP_REJECTED: {S.IN_PROGRESS, *SIDE_EXITS},
    S.DONE: {S.REOPENED},  # "belum beres"
    S.REOPENED: {S.IN_PROGRESS, *SIDE_EXITS},
    S.REJECTED: set(),
    S.NOT_OUR_AUTHORITY: set(),
    S.MERGED: set(),
}

# Enough detail for every transition that needs some.
DETAILS = {"agency": "Dinas Bina Marga", "merged_into": "7F3K-C8H2-22AX", "note": "alasan"}

ALL_PAIRS = list(itertools.product(Status, Status))
ALLOWED_PAIRS = [(a, b) for a, b in ALL_PAIRS if b in EXPECTED[a]]
FORBIDDEN_PAIRS = [(a, b) for a, b in ALL_PAIRS if b not in EXPECTED[a]]


def test_the_table_covers_every_status() -> None:
    assert set(EXPECTED) == set(Status)
    # 7 open statuses x (3 side exits + 1 step forward), awaiting_validation has a second
    # step forward, and done -> reopened.
    assert len(ALLOWED_PAIRS) == 7 * 4 + 1 + 1
    assert len(ALLOWED_PAIRS) + len(FORBIDDEN_PAIRS) == len(Status) ** 2


@pytest.mark.parametrize(("current", "new"), ALLOWED_PAIRS)
def test_allowed_transition(current: Status, new: Status) -> None:
    assert can_transition(current, new)
    check_transition(current, new, **DETAILS)  # does not raise


@pytest.mark.parametrize(("current", "new"), FORBIDDEN_PAIRS)
def test_forbidden_transition(current: Status, new: Status) -> None:
    assert not can_transition(current, new)
    with pytest.raises(InvalidTransition) as info:
        check_transition(current, new, **DETAILS)
    assert isinstance(info.value, DomainError)
    assert info.value.code == "invalid_transition"
    # The message names both statuses in each language, so the officer sees what happened.
    assert current.label_id in info.value.message("id")
    assert new.label_id in info.value.message("id")
    assert current.label_en in info.value.message("en")
    assert new.label_en in info.value.message("en")


def test_no_status_transitions_to_itself() -> None:
    for status in Status:
        assert not can_transition(status, status)


@pytest.mark.parametrize(
    "current", [s for s in Status if S.NOT_OUR_AUTHORITY in EXPECTED[s]]
)
@pytest.mark.parametrize("agency", [None, "", "   "])
def test_not_our_authority_needs_the_agency(current: Status, agency: str | None) -> None:
    with pytest.raises(InvalidTransition) as info:
        check_transition(current, S.NOT_OUR_AUTHORITY, agency=agency)
    assert info.value.field == "agency"
    check_transition(current, S.NOT_OUR_AUTHORITY, agency="Dinas SDA")


@pytest.mark.parametrize("current", [s for s in Status if S.MERGED in EXPECTED[s]])
@pytest.mark.parametrize("merged_into", [None, "", " \t"])
def test_merged_needs_the_surviving_ticket(current: Status, merged_into: str | None) -> None:
    with pytest.raises(InvalidTransition) as info:
        check_transition(current, S.MERGED, merged_into=merged_into)
    assert info.value.field == "merged_into"
    check_transition(current, S.MERGED, merged_into="7F3K-C8H2-22AX")


@pytest.mark.parametrize(
    ("current", "new"),
    [(S.AWAITING_VALIDATION, S.FOLLOWUP_REJECTED), (S.DONE, S.REOPENED)],
)
@pytest.mark.parametrize("note", ["", "   "])
def test_rejecting_a_followup_and_reopening_need_a_note(
    current: Status, new: Status, note: str
) -> None:
    with pytest.raises(InvalidTransition) as info:
        check_transition(current, new, note=note)
    assert info.value.field == "note"
    check_transition(current, new, note="warga bilang belum beres")


def test_other_transitions_need_no_details() -> None:
    check_transition(S.RECEIVED, S.VERIFIED)
    check_transition(S.AWAITING_VALIDATION, S.DONE)
    check_transition(S.RECEIVED, S.REJECTED)


def test_happy_path_and_both_loops() -> None:
    path = [
        S.RECEIVED, S.VERIFIED, S.DISPATCHED, S.IN_PROGRESS, S.AWAITING_VALIDATION,
        S.FOLLOWUP_REJECTED, S.IN_PROGRESS, S.AWAITING_VALIDATION, S.DONE,
        S.REOPENED, S.IN_PROGRESS, S.AWAITING_VALIDATION, S.DONE,
    ]
    for current, new in itertools.pairwise(path):
        check_transition(current, new, note="alasan")


BAHASA_LABELS = {
    S.RECEIVED: "diterima",
    S.VERIFIED: "diverifikasi",
    S.DISPATCHED: "didisposisikan",
    S.IN_PROGRESS: "diproses",
    S.AWAITING_VALIDATION: "menunggu validasi",
    S.DONE: "selesai",
    S.FOLLOWUP_REJECTED: "TL ditolak",
    S.REOPENED: "dibuka kembali",
    S.REJECTED: "ditolak",
    S.NOT_OUR_AUTHORITY: "bukan wewenang",
    S.MERGED: "digabung",
}


@pytest.mark.parametrize(("status", "label"), BAHASA_LABELS.items())
def test_bahasa_labels(status: Status, label: str) -> None:
    assert status.label_id == label
    assert status.label_en
    assert status.label_en != status.label_id


def test_code_identifiers_are_stable() -> None:
    # Stored in the DB and sent to the server: renaming one is a migration.
    assert [s.value for s in Status] == [
        "received", "verified", "dispatched", "in_progress", "awaiting_validation", "done",
        "followup_rejected", "reopened", "rejected", "not_our_authority", "merged",
    ]
    assert Status("in_progress") is S.IN_PROGRESS


def test_terminal_statuses() -> None:
    assert {S.DONE, S.REJECTED, S.NOT_OUR_AUTHORITY, S.MERGED} == TERMINAL_STATUSES
    for status in Status:
        assert status.is_open is (status not in TERMINAL_STATUSES)
    # Only "done" can leave the terminal set (a citizen reopens it); side exits are final.
    for status in TERMINAL_STATUSES - {S.DONE}:
        assert not any(can_transition(status, other) for other in Status)
