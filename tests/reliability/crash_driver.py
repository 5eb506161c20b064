"""The desk as a killable process, for the crash-safety kill loop (tests/reliability).

Run as `python tests/reliability/crash_driver.py --db D --keyring K --journal J --seed N`.
It opens the real desk DB (the same `Store.open` the desk uses on start), then loops:
walk-in intakes (`record_intake`, a quarter with a photo), chases (`record_chase`) and syncs
(`SyncEngine.run_once` against the real reference server). After each intake or chase
*returns* (its transaction is committed), one JSON line goes to the journal, flushed and
fsynced: every line in the journal is a change the desk promised was saved. The supervisor
SIGKILLs this process at random moments; nothing here tries to be nice about it.

`--final` does a few more saves, then syncs until the outbox is empty, and exits 0.

Keys come from a keyrings.alt file keyring at `--keyring` (a file in the test's temp dir that
the supervisor filled); no other keyring is touched. Only 127.0.0.1 is contacted.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import sys
import time
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

READY = "driver-ready"


def _cursor_before_page() -> None:
    """Bug: the pull cursor is committed before the page it belongs to (own transaction)."""
    from posko.sync import apply
    from posko.sync.engine import SyncEngine

    def commit_page(self: Any, changes: list[dict[str, Any]], next_cursor: str,
                    counts: Any) -> None:
        with self._unit() as conn:
            apply.set_state(conn, apply.CURSOR_KEY, next_cursor)
        with self._unit() as conn:
            result = apply.apply_page(conn, changes, next_cursor,
                                      keep_local=apply.pending_ticket_uuids(conn))
        counts.pulled += result.applied

    SyncEngine._commit_page = commit_page  # type: ignore[method-assign]


BUGS = {"cursor-before-page": _cursor_before_page}


def file_secrets(path: Path) -> Any:
    """KeyringSecrets over a keyrings.alt file keyring at `path` (never the user's keyring)."""
    from keyrings.alt.file import PlaintextKeyring

    from posko.secrets import KeyringSecrets

    backend = PlaintextKeyring()
    backend.file_path = str(path)  # type: ignore[attr-defined]
    return KeyringSecrets(backend)


def _journal(handle: Any, record: dict[str, Any]) -> None:
    handle.write(json.dumps(record, sort_keys=True) + "\n")
    handle.flush()
    os.fsync(handle.fileno())


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--db", required=True, type=Path)
    parser.add_argument("--keyring", required=True, type=Path)
    parser.add_argument("--journal", required=True, type=Path)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--max-ops", type=int, default=5000)
    parser.add_argument("--max-seconds", type=float, default=60.0)
    parser.add_argument("--final", action="store_true")
    parser.add_argument("--bug", choices=sorted(BUGS), default=None,
                        help="plant a known crash-safety bug (the harness must catch it)")
    args = parser.parse_args(argv)
    if args.bug:
        BUGS[args.bug]()

    from sqlalchemy import select

    from posko.domain.models import FollowUp, Location, Origin, Reporter
    from posko.store.attachments import stage_file
    from posko.store.casework import record_chase
    from posko.store.database import Store
    from posko.store.desk import nik_cipher
    from posko.store.models import TicketRow
    from posko.store.tickets import record_intake
    from posko.sync import RetryPolicy, SyncEngine, pending_outbox

    rng = random.Random(args.seed)
    secrets = file_secrets(args.keyring)
    store = Store.open(args.db)
    cipher = nik_cipher(store, secrets)
    attachments = args.db.parent / "attachments"
    engine = SyncEngine(store, secrets, sleep=lambda s: time.sleep(min(s, 0.05)),
                        attachment_dir=attachments,
                        retry=RetryPolicy(attempts=3, base=0.02, cap=0.05, max_total_wait=0.2),
                        push_batch=rng.choice((1, 3, 50)), pull_page=rng.choice((2, 7, 500)))
    deadline = time.monotonic() + args.max_seconds
    print(READY, flush=True)

    with args.journal.open("a", encoding="utf-8") as journal:
        def intake(n: int) -> None:
            staged = []
            if rng.random() < 0.25:  # a photo: its file, its row, its upload
                photo = args.db.parent / f"photo-{args.seed}-{n}.jpg"
                photo.write_bytes(b"\xff\xd8\xff" + f"{args.seed}-{n}".encode() * 200)
                staged.append(stage_file(attachments, photo))
            ticket = record_intake(
                store, cipher, origin=Origin.DESK, category=rng.choice(
                    ("sampah", "jalan_rusak", "banjir_saluran")),
                location=Location("31.75.04.1005", rw=rng.randint(1, 12),
                                  rt=rng.randint(1, 15), address=f"Jl. Uji No. {n}"),
                description=f"Pengaduan uji ketahanan nomor {n} dari seed {args.seed}",
                reporter=Reporter(name="Warga Uji", phone="081234567890"),
                consent=True, officer="budi", attachments=staged)
            _journal(journal, {"kind": "intake", "uuid": ticket.uuid,
                               "code": ticket.tracking_code,
                               "photos": [f.sha256 for f in staged]})

        def chase(n: int) -> None:
            with store.unit_of_work() as session:
                uuids = list(session.scalars(select(TicketRow.uuid).order_by(TicketRow.id)))
            if not uuids:
                return
            follow_up = FollowUp(ticket_uuid=rng.choice(uuids), asked_at=datetime.now(UTC),
                                 officer="budi", requested_by="Warga Uji",
                                 promise=f"dicek ulang {n}",
                                 promised_by=date.today() + timedelta(days=5))
            record_chase(store, follow_up)
            _journal(journal, {"kind": "chase", "uuid": follow_up.uuid,
                               "ticket_uuid": follow_up.ticket_uuid})

        ops = 3 if args.final else args.max_ops
        for n in range(ops):
            if time.monotonic() > deadline:
                break
            roll = rng.random()
            if roll < 0.6:
                intake(n)
            elif roll < 0.75:
                chase(n)
            else:
                engine.run_once()

    if args.final:
        for _ in range(20):
            report = engine.run_once()
            if report.error is None and not pending_outbox(store):
                break
        else:
            print(f"final sync did not empty the outbox: {report.error}", file=sys.stderr)
            return 3
    store.close()
    return 0


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
    sys.exit(main())
