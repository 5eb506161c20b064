"""posko.store.database helpers that stand on their own."""

from __future__ import annotations

from posko.store.database import IN_CHUNK, in_chunks


def test_in_chunks_covers_every_value_once_in_bounded_slices() -> None:
    values = list(range(2 * IN_CHUNK + 7))
    chunks = list(in_chunks(values))
    assert [len(c) for c in chunks] == [IN_CHUNK, IN_CHUNK, 7]
    assert [v for c in chunks for v in c] == values
    assert list(in_chunks([], 3)) == []
    assert [list(c) for c in in_chunks("abcde", 2)] == [["a", "b"], ["c", "d"], ["e"]]
