"""The pull fetches page n+1 while page n is applied (issue 9); the cursor must still move only
with a committed page, and a page fetched ahead that is never applied must leave no trace."""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

from posko_central import models as cm
from posko_central.importer import load_demo
from sqlalchemy import func, select

from posko.store.database import Store
from posko.store.models import SyncState, TicketRow
from posko.sync import SyncClient, SyncEngine
from posko.sync.apply import CURSOR_KEY
from tests.sync_client.conftest import Central

Engine = Callable[..., tuple[SyncEngine, list[float]]]


def stored_cursor(store: Store) -> str | None:
    with store.unit_of_work() as session:
        row = session.get(SyncState, CURSOR_KEY)
        return row.value if row is not None else None


def local_tickets(store: Store) -> int:
    with store.unit_of_work() as session:
        return int(session.scalar(select(func.count()).select_from(TicketRow)) or 0)


class Recording(SyncClient):
    """A real client that logs the pulls (cursor, thread) and can spoil the n-th page."""

    def __init__(self, url: str, token: str, spoil: int | None, log: list[Any]) -> None:
        super().__init__(url, token)
        self.spoil = spoil
        self.log = log

    def pull(self, cursor: str | None, limit: int = 500) -> dict[str, Any]:
        page = super().pull(cursor, limit)
        self.log.append((cursor, page["next_cursor"], threading.current_thread().name))
        if len(self.log) == self.spoil:
            # Right shape, data that cannot be applied: the engine refuses the whole page.
            page["changes"] = [{"kind": "ticket", "op": "upsert", "uuid": "u",
                                "ticket_uuid": "u", "data": {"uuid": "u"}}]
        return page


def test_a_page_that_fails_to_apply_keeps_the_cursor_of_the_last_committed_one(
        enrolled: Store, central: Central, engine_factory: Engine) -> None:
    load_demo(central.db, tickets=60, seed=3, same_as_desk=("31.75.04", 150, 1))
    with central.db.read() as session:
        expected = session.scalar(select(func.count()).select_from(cm.TicketRow).where(
            cm.TicketRow.kecamatan_code == "31.75.04"))
    log: list[Any] = []
    engine, _ = engine_factory(
        pull_page=25, client_factory=lambda url, token: Recording(url, token, 3, log))
    report = engine.run_once()
    assert report.error == "bad_answer"
    assert report.pages == 2  # pages 1 and 2 committed, page 3 refused
    # Page 4 may have been fetched ahead while page 3 was refused; never applied.
    assert len(log) in (3, 4)
    committed = log[1][1]
    assert stored_cursor(enrolled) == committed  # the cursor after page 2, not after 3 or 4
    # Pages after the first are fetched on the engine's worker thread.
    assert all(name.startswith("posko-pull") for _, _, name in log[1:])
    # Each page was asked for with the cursor of the page before it.
    assert all(log[i][0] == log[i - 1][1] for i in range(1, len(log)))

    log.clear()
    engine, _ = engine_factory(
        pull_page=25, client_factory=lambda url, token: Recording(url, token, None, log))
    report = engine.run_once()
    assert report.error is None
    assert log[0][0] == committed  # resumed after page 2, not from the start
    assert local_tickets(enrolled) == expected
    assert report.pages == len(log)  # no page was fetched twice or left over
