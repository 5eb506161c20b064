"""FTS5 search-as-you-type and exact lookup, against a real SQLite file."""

from __future__ import annotations

import pytest
from sqlalchemy import delete, update

from posko.domain.models import ExternalRef, Reporter, ReporterKind, Source
from posko.domain.tracking import normalize
from posko.store.database import Store
from posko.store.models import ExternalRefRow, TicketRow
from posko.store.search import count_tickets, find_ticket, fts_query, search


def codes(store: Store, text: str) -> list[str]:
    return [item.tracking_code for item in search(store, text)]


@pytest.fixture
def three(intake):  # type: ignore[no-untyped-def]
    first = intake(external_refs=["QLUE 1234567"])
    second = intake(category="jalan_rusak", description="Jalan berlubang besar dekat sekolah",
                    reporter=Reporter(name="José Pratama", phone="+6285711112222"),
                    external_refs=["LAPOR 99887766", "JAKI 5550001"])
    third = intake(description="Lampu jalan padam di gang Kelinci",
                   reporter=Reporter(kind=ReporterKind.ANONYMOUS))
    return first, second, third


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("samp", [0]),  # description prefix, 4 letters
        ("ja", [0, 1, 2]),  # 2 letters: "jalan" in every description
        ("siti", [0]),  # reporter name
        ("jose", [1]),  # diacritics folded
        ("JOSÉ", [1]),
        ("0812", [0]),  # national phone form
        ("62857", [1]),  # E.164 digits
        ("0857-1111 2222", [1]),  # phone typed with separators
        ("qlue 123", [0]),  # external ref, prefix of the number
        ("99887766", [1]),
        ("jaki", [1]),
        ("gang kelinci", [2]),
        ("bogor", [0, 1, 2]),  # address shared by all
        ("tidakada", []),
    ],
)
def test_search_matches_fragments(store: Store, three, typed: str, expected: list[int]) -> None:  # type: ignore[no-untyped-def]
    assert sorted(codes(store, typed)) == sorted(three[i].tracking_code for i in expected)


def test_tracking_code_fragments_with_and_without_hyphens(store: Store, three) -> None:  # type: ignore[no-untyped-def]
    code = three[1].tracking_code
    assert codes(store, code) == [code]
    assert codes(store, normalize(code)) == [code]
    assert code in codes(store, code[:6].lower())


@pytest.mark.parametrize("typed", ['"', "AND", "NEAR(", "*", "title:x", "a OR", "'; DROP TABLE"])
def test_fts_syntax_in_input_is_harmless(store: Store, three, typed: str) -> None:  # type: ignore[no-untyped-def]
    search(store, typed)  # must not raise
    assert count_tickets(store) == 3


def test_empty_input_searches_nothing(store: Store, three) -> None:  # type: ignore[no-untyped-def]
    assert fts_query("   ") is None
    assert search(store, "") == []


def test_index_follows_updates_deletes_and_new_refs(store: Store, three) -> None:  # type: ignore[no-untyped-def]
    first = three[0]
    with store.unit_of_work() as session:
        session.execute(update(TicketRow).where(TicketRow.uuid == first.uuid)
                        .values(description="Pohon tumbang menutup jalan"))
    assert codes(store, "pohon") == [first.tracking_code]
    assert first.tracking_code not in codes(store, "sampah")

    with store.unit_of_work() as session:
        ticket_id = session.query(TicketRow.id).filter(TicketRow.uuid == first.uuid).scalar()
        session.add(ExternalRefRow(ticket_id=ticket_id, source="POT", number="777"))
    assert codes(store, "pot 777") == [first.tracking_code]

    with store.unit_of_work() as session:
        session.execute(delete(ExternalRefRow).where(ExternalRefRow.number == "777"))
    assert codes(store, "pot 777") == []

    with store.unit_of_work() as session:
        session.execute(delete(TicketRow).where(TicketRow.uuid == first.uuid))
    assert codes(store, "pohon") == []


def test_find_ticket_by_code_typed_loosely_or_by_ref(store: Store, three, cipher) -> None:  # type: ignore[no-untyped-def]
    second = three[1]
    loose = normalize(second.tracking_code).lower()
    assert find_ticket(store, loose).ticket.uuid == second.uuid  # type: ignore[union-attr]
    by_ref = find_ticket(store, "LAPOR 99887766")
    assert by_ref is not None
    assert by_ref.ticket.uuid == second.uuid
    assert ExternalRef(Source.JAKI, "5550001") in by_ref.ticket.external_refs
    assert find_ticket(store, "99887766").ticket.uuid == second.uuid  # type: ignore[union-attr]
    assert find_ticket(store, "QLUE 99887766") is None  # right number, wrong system
    assert find_ticket(store, "nothing-like-this") is None
    assert find_ticket(store, "ABC 123") is None  # unknown system: no match, no error


def test_find_ticket_returns_timeline(store: Store, three) -> None:  # type: ignore[no-untyped-def]
    detail = find_ticket(store, three[0].tracking_code)
    assert detail is not None
    assert [e.status.value for e in detail.events] == ["received"]
    assert detail.events[0].actor == "budi"


def test_newest_added_first(store: Store, three) -> None:  # type: ignore[no-untyped-def]
    """Results come in index order, newest first: broad prefixes stay fast on big desks."""
    assert codes(store, "bogor") == [t.tracking_code for t in reversed(three)]
    assert codes(store, "bogor")[:1] == [three[2].tracking_code]
