"""Concurrent writers never make a pull skip or repeat a change.

Several desks push tickets at once while another desk pages through the feed with a small
page size. A delay is injected between taking the feed sequence numbers and committing, to
widen the window in which a naive implementation would let a later number become visible
before an earlier one (and so be skipped by a cursor that already moved past it).
"""

from __future__ import annotations

import random
import threading
import time
from collections.abc import Callable
from typing import Any

import pytest
from posko_central import service

from tests.sync.conftest import Desk, fresh_kecamatan

WRITERS = 4
TICKETS_PER_WRITER = 20


def test_concurrent_writers_never_make_a_pull_skip_or_repeat(
        desk_factory: Callable[..., Desk], monkeypatch: pytest.MonkeyPatch) -> None:
    kecamatan = fresh_kecamatan()
    writers = [desk_factory(kecamatan, name=f"Meja {i}") for i in range(WRITERS)]
    reader = desk_factory(kecamatan, name="Pembaca")
    original = service.write_feed
    rng = random.Random(6)

    def slow_write_feed(session: Any, touches: Any) -> None:
        original(session, touches)
        time.sleep(rng.random() * 0.05)  # sequence taken, not yet committed

    monkeypatch.setattr(service, "write_feed", slow_write_feed)
    written: list[str] = []
    errors: list[BaseException] = []
    lock = threading.Lock()

    def write(desk: Desk) -> None:
        try:
            for _ in range(TICKETS_PER_WRITER):
                ticket = desk.create_ticket()
                with lock:
                    written.append(ticket["uuid"])
        except BaseException as exc:  # reported below
            errors.append(exc)

    threads = [threading.Thread(target=write, args=(w,)) for w in writers]
    for thread in threads:
        thread.start()
    seen: list[tuple[str, str]] = []
    cursor: str | None = None
    deadline = time.monotonic() + 120
    while any(t.is_alive() for t in threads):
        assert time.monotonic() < deadline, "writers did not finish"
        # Mostly large pages (to stay at the head of the feed, where a skip would happen),
        # sometimes tiny ones (paging).
        page, cursor = reader.pull_all(cursor, limit=rng.choice((2, 50, 50, 50)))
        seen += [(item["kind"], item["uuid"]) for item in page]
    for thread in threads:
        thread.join(30)
    assert not errors, errors
    page, cursor = reader.pull_all(cursor, limit=3)
    seen += [(item["kind"], item["uuid"]) for item in page]

    assert len(seen) == len(set(seen)), "a change was pulled twice"
    tickets = [uuid for kind, uuid in seen if kind == "ticket"]
    assert sorted(tickets) == sorted(written), "a change was skipped"
    assert len(written) == WRITERS * TICKETS_PER_WRITER
    events = [uuid for kind, uuid in seen if kind == "status_event"]
    assert len(events) == len(written)
