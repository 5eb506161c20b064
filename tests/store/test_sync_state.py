"""Per-record sync state (posko.store.sync_state), the outbox's ticket_uuid (migration 0007),
"Kirim ulang", and the rule that nothing unsent ever leaves the outbox but by the server's
answer."""

from __future__ import annotations

import ast
import json
import re
import sqlite3
import time
import uuid
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from alembic import command
from sqlalchemy import func, select

import posko
from posko.domain.models import ExternalRef, FollowUp, Location, Origin, Reporter, Ticket
from posko.domain.status import Status
from posko.secrets import KeyringSecrets
from posko.store import casework, migrate
from posko.store.crypto import NikCipher
from posko.store.database import Store, make_engine, set_meta
from posko.store.desk import desk_identity
from posko.store.models import AuditEntry, OutboxRow, SyncConflict, SyncState
from posko.store.sync_state import (
    LAST_SUCCESS_KEY,
    RESEND_ACTION,
    SERVER_URL_META,
    RecordState,
    resend,
    ticket_sync_detail,
    ticket_sync_states,
)
from posko.store.tickets import bulk_insert, enqueue
from tests.conftest import SAMPLE_NAME, SAMPLE_NIK, SAMPLE_PHONE

NOW = datetime(2026, 11, 28, 3, 0, tzinfo=UTC)
SERVER_MESSAGE = "Nomor laporan eksternal ini sudah tercatat di server."


# --------------------------------------------------------------------------- helpers


def enrol_locally(store: Store, secrets: KeyringSecrets) -> None:
    """What `posko.sync.enrol` leaves behind, without a server (URL in meta, token in the
    keyring): enough for the engine with a stand-in client."""
    from posko.sync.enrolment import token_name

    with store.unit_of_work() as session:
        set_meta(session, SERVER_URL_META, "http://127.0.0.1:9")
    secrets.set(token_name(desk_identity(store).installation_id), "token-uji")


def outbox(store: Store) -> list[OutboxRow]:
    with store.unit_of_work() as session:
        return list(session.scalars(select(OutboxRow).order_by(OutboxRow.id)))


class Answers:
    """A stand-in for SyncClient: answers each pushed change by rule, pulls nothing."""

    def __init__(self, rule: Callable[[dict[str, Any]], dict[str, Any]]) -> None:
        self.rule = rule
        self.pushed: list[dict[str, Any]] = []

    def __call__(self, _url: str, _token: str) -> Answers:
        return self

    def __enter__(self) -> Answers:
        return self

    def __exit__(self, *_exc: object) -> None:
        return None

    def push(self, changes: list[dict[str, Any]], _key: str) -> list[dict[str, Any]]:
        self.pushed.extend(changes)
        return [{"id": c["id"], **self.rule(c)} for c in changes]

    def pull(self, cursor: str | None, limit: int = 500) -> dict[str, Any]:
        return {"changes": [], "next_cursor": cursor or "c0", "has_more": False}

    def put_attachment(self, sha256: str, data: bytes) -> bool:
        return True


ACCEPTED = {"result": "accepted"}


def refused(field: str = "external_refs") -> dict[str, Any]:
    return {"result": "rejected", "error": {"code": "external_ref_taken",
                                            "message_id": SERVER_MESSAGE, "field": field}}


def sync(store: Store, secrets: KeyringSecrets,
         rule: Callable[[dict[str, Any]], dict[str, Any]]) -> Answers:
    from posko.sync import SyncEngine

    answers = Answers(rule)
    report = SyncEngine(store, secrets, sleep=lambda _s: None,
                        client_factory=answers).run_once()
    assert report.error is None
    return answers


def chase(store: Store, ticket: Ticket, *, at: datetime | None = None) -> FollowUp:
    follow_up = FollowUp(ticket_uuid=ticket.uuid, asked_at=at or datetime.now(UTC),
                         officer="budi", requested_by="warga", promise="dicek minggu ini")
    casework.record_chase(store, follow_up)
    return follow_up


# --------------------------------------------------------------------------- constants


def test_keys_agree_with_the_sync_package() -> None:
    from posko.sync.engine import LAST_SUCCESS_KEY as ENGINE_KEY
    from posko.sync.enrolment import META_SERVER_URL

    assert SERVER_URL_META == META_SERVER_URL
    assert LAST_SUCCESS_KEY == ENGINE_KEY


# --------------------------------------------------------------------------- states


def test_enqueue_records_the_ticket_of_every_change(store: Store, intake) -> None:  # type: ignore[no-untyped-def]
    ticket = intake()
    casework.change_status(store, ticket.uuid, Status.VERIFIED, officer="budi")
    casework.add_note(store, ticket.uuid, "Sudah ditelepon", officer="budi")
    casework.add_external_ref(store, ticket.uuid, ExternalRef.parse(
        "QLUE 4455"), officer="budi")
    chase(store, ticket)
    rows = outbox(store)
    assert [r.kind for r in rows] == ["ticket.created", "status.changed", "note.added",
                                      "external_ref.added", "followup.created"]
    assert {r.ticket_uuid for r in rows} == {ticket.uuid}


def test_a_desk_never_enrolled_says_local_only(store: Store, cipher: NikCipher,  # type: ignore[no-untyped-def]
                                               intake) -> None:
    ticket = intake()
    imported = demo_ticket()
    bulk_insert(store, cipher, [(imported, (), ())])  # no outbox row (an import)
    states = ticket_sync_states(store, [ticket.uuid, imported.uuid])
    assert states[ticket.uuid].state is RecordState.LOCAL_ONLY
    assert states[ticket.uuid].waiting == 1
    assert states[imported.uuid].state is RecordState.LOCAL_ONLY  # never sent anywhere
    assert "belum terdaftar" in states[ticket.uuid].reason.message_id  # type: ignore[union-attr]
    assert "not enrolled" in states[ticket.uuid].reason.message_en  # type: ignore[union-attr]
    detail = ticket_sync_detail(store, ticket.uuid)
    assert detail.badge.state is RecordState.LOCAL_ONLY
    assert not detail.enrolled


def test_a_desk_that_synced_before_and_was_unenrolled(store: Store, cipher: NikCipher,  # type: ignore[no-untyped-def]
                                                      intake) -> None:
    with store.unit_of_work() as session:
        session.add(SyncState(key=LAST_SUCCESS_KEY, value=NOW.isoformat()))
    ticket = intake()
    imported = demo_ticket()
    bulk_insert(store, cipher, [(imported, (), ())])
    states = ticket_sync_states(store, [ticket.uuid, imported.uuid])
    assert states[imported.uuid].state is RecordState.SENT  # pulled from the server once
    assert states[ticket.uuid].state is RecordState.LOCAL_ONLY  # waits for an enrolment


def test_waiting_then_sent_once_the_server_acknowledged(store: Store, secrets: KeyringSecrets,  # type: ignore[no-untyped-def]
                                                        intake) -> None:
    enrol_locally(store, secrets)
    ticket, other = intake(), intake()
    states = ticket_sync_states(store, [ticket.uuid, other.uuid, str(uuid.uuid4())])
    assert states[ticket.uuid].state is RecordState.WAITING
    assert "menunggu dikirim" in states[ticket.uuid].reason.message_id  # type: ignore[union-attr]
    sync(store, secrets, lambda _c: ACCEPTED)
    states = ticket_sync_states(store, [ticket.uuid, other.uuid])
    assert states[ticket.uuid].state is RecordState.SENT
    assert states[other.uuid].state is RecordState.SENT
    assert ticket_sync_detail(store, ticket.uuid).badge.state is RecordState.SENT


def test_a_refused_change_needs_attention_with_the_servers_reason(  # type: ignore[no-untyped-def]
        store: Store, secrets: KeyringSecrets, intake) -> None:
    enrol_locally(store, secrets)
    ticket, fine = intake(), intake()
    casework.add_external_ref(store, ticket.uuid, ExternalRef.parse(
        "QLUE 9911"), officer="budi")
    follow_up = chase(store, ticket)
    sync(store, secrets, lambda c: refused() if c["kind"] == "external_ref.added" else ACCEPTED)

    states = ticket_sync_states(store, [ticket.uuid, fine.uuid])
    badge = states[ticket.uuid]
    assert badge.state is RecordState.NEEDS_ATTENTION
    assert (badge.parked, badge.waiting, badge.can_resend) == (1, 0, True)
    assert badge.reason is not None
    assert badge.reason.message_id == (f"Ditolak server kota: {SERVER_MESSAGE} "
                                       "[external_ref_taken, external_refs]")
    assert badge.reason.message_en.startswith("Refused by the city server: ")
    assert states[fine.uuid].state is RecordState.SENT

    detail = ticket_sync_detail(store, ticket.uuid)
    assert detail.badge.state is RecordState.NEEDS_ATTENTION
    assert detail.ticket.state is RecordState.SENT  # the ticket itself reached the server
    assert detail.follow_ups[follow_up.uuid].state is RecordState.SENT
    [record] = detail.records
    assert record.kind == "external_ref.added"
    assert record.state is RecordState.NEEDS_ATTENTION
    assert record.reason == badge.reason


def test_follow_up_states_are_their_own(store: Store, secrets: KeyringSecrets,  # type: ignore[no-untyped-def]
                                        intake) -> None:
    enrol_locally(store, secrets)
    ticket = intake()
    first = chase(store, ticket, at=datetime.now(UTC) - timedelta(hours=1))
    sync(store, secrets, lambda _c: ACCEPTED)
    second = chase(store, ticket)
    detail = ticket_sync_detail(store, ticket.uuid)
    assert detail.follow_ups[first.uuid].state is RecordState.SENT
    assert detail.follow_ups[second.uuid].state is RecordState.WAITING
    assert detail.state_of(second.uuid).state is RecordState.WAITING
    assert detail.badge.state is RecordState.WAITING
    sync(store, secrets, lambda c: refused("promise") if c["kind"] == "followup.created"
         else ACCEPTED)
    detail = ticket_sync_detail(store, ticket.uuid)
    assert detail.follow_ups[first.uuid].state is RecordState.SENT
    assert detail.follow_ups[second.uuid].state is RecordState.NEEDS_ATTENTION
    assert "[external_ref_taken, promise]" in detail.follow_ups[second.uuid].reason.message_id  # type: ignore[union-attr]


def test_status_changes_and_notes_are_listed_per_record(store: Store, secrets: KeyringSecrets,  # type: ignore[no-untyped-def]
                                                        intake) -> None:
    enrol_locally(store, secrets)
    ticket = intake()
    sync(store, secrets, lambda _c: ACCEPTED)
    event = casework.change_status(store, ticket.uuid, Status.VERIFIED, officer="budi")
    note = casework.add_note(store, ticket.uuid, "Cek lokasi besok", officer="budi")
    detail = ticket_sync_detail(store, ticket.uuid)
    assert [(r.kind, r.entity_uuid, r.state) for r in detail.records] == [
        ("status.changed", event.uuid, RecordState.WAITING),
        ("note.added", note, RecordState.WAITING)]
    assert detail.state_of(event.uuid).state is RecordState.WAITING
    assert detail.state_of(str(uuid.uuid4())).state is RecordState.SENT
    assert detail.ticket.state is RecordState.SENT


def test_an_open_conflict_needs_attention_until_resolved(store: Store, intake) -> None:  # type: ignore[no-untyped-def]
    ticket = intake()
    with store.unit_of_work() as session:
        set_meta(session, SERVER_URL_META, "http://127.0.0.1:9")
        session.execute(OutboxRow.__table__.delete())  # as if sent (test set-up only)
        session.add(SyncConflict(ticket_uuid=ticket.uuid, outbox_uuid=str(uuid.uuid4()),
                                 kind="status.changed", code="status_conflict",
                                 field="status", local_payload="{}", created_at=NOW))
    badge = ticket_sync_states(store, [ticket.uuid])[ticket.uuid]
    assert badge.state is RecordState.NEEDS_ATTENTION
    assert (badge.conflicts, badge.can_resend) == (1, False)
    assert "[status_conflict]" in badge.reason.message_id  # type: ignore[union-attr]
    assert "tandai selesai" in badge.reason.message_id  # type: ignore[union-attr]
    assert ticket_sync_detail(store, ticket.uuid).badge.state is RecordState.NEEDS_ATTENTION
    with store.unit_of_work() as session:
        session.execute(SyncConflict.__table__.update().values(resolved_at=NOW))
    assert ticket_sync_states(store, [ticket.uuid])[ticket.uuid].state is RecordState.SENT


def test_a_missing_photo_file_gives_our_own_reason_in_two_languages(  # type: ignore[no-untyped-def]
        store: Store, intake) -> None:
    from posko.sync.engine import ATTACHMENT_FILE_MISSING

    ticket = intake()
    with store.unit_of_work() as session:
        session.execute(OutboxRow.__table__.update().values(
            parked=True, last_error=ATTACHMENT_FILE_MISSING))
    reason = ticket_sync_states(store, [ticket.uuid])[ticket.uuid].reason
    assert reason is not None
    assert reason.message("id").startswith("Berkas foto/lampiran hilang")
    assert reason.message("en").startswith("The photo/attachment file is missing")


# --------------------------------------------------------------------------- resend


def test_resend_unparks_only_that_tickets_rows_and_is_audited(  # type: ignore[no-untyped-def]
        store: Store, secrets: KeyringSecrets, intake) -> None:
    enrol_locally(store, secrets)
    ticket, other = intake(), intake()
    follow_up = chase(store, ticket)
    casework.add_note(store, other.uuid, "Catatan lain", officer="budi")
    sync(store, secrets, lambda c: ACCEPTED if c["kind"] == "ticket.created"
         else refused("note"))
    before = outbox(store)
    assert [r.parked for r in before] == [True, True]

    assert resend(store, ticket.uuid, officer="budi", now=NOW) == 1
    after = outbox(store)
    assert [r.uuid for r in after] == [r.uuid for r in before]  # nothing deleted
    assert [(r.entity_uuid, r.parked) for r in after] == [(follow_up.uuid, False),
                                                          (before[1].entity_uuid, True)]
    assert after[0].last_error == before[0].last_error  # the refusal stays on record
    detail = ticket_sync_detail(store, ticket.uuid)
    assert detail.badge.state is RecordState.WAITING
    assert detail.follow_ups[follow_up.uuid].state is RecordState.WAITING
    assert detail.records[0].reason.message_id.startswith("Dikirim ulang; sebelumnya: ")  # type: ignore[union-attr]
    assert ticket_sync_states(store, [other.uuid])[other.uuid].state is \
        RecordState.NEEDS_ATTENTION
    with store.unit_of_work() as session:
        [entry] = session.scalars(select(AuditEntry).where(AuditEntry.action == RESEND_ACTION))
        assert (entry.officer, entry.entity_uuid, entry.detail) == ("budi", ticket.uuid,
                                                                    "changes=1")
    assert resend(store, ticket.uuid, officer="budi") == 0  # nothing parked: no audit row
    sync(store, secrets, lambda _c: ACCEPTED)
    assert ticket_sync_detail(store, ticket.uuid).badge.state is RecordState.SENT


# --------------------------------------------------------------------------- merge / erasure


def test_changes_about_several_tickets_show_as_waiting_on_each(  # type: ignore[no-untyped-def]
        store: Store, secrets: KeyringSecrets, intake) -> None:
    """Merges and erasures (written by their own modules, with their own kinds) wait in the
    outbox like any change: every ticket they name shows it."""
    enrol_locally(store, secrets)
    survivor, merged, third, erased, bystander = (intake() for _ in range(5))
    sync(store, secrets, lambda _c: ACCEPTED)
    merge_uuid, undo_uuid, erasure_uuid = (str(uuid.uuid4()) for _ in range(3))
    with store.unit_of_work() as session:
        enqueue(session, kind="ticket.merged", entity_uuid=merge_uuid, at=NOW, payload={
            "uuid": merge_uuid, "survivor_uuid": survivor.uuid, "merged": [
                {"ticket_uuid": merged.uuid, "event_uuid": str(uuid.uuid4())}]})
        enqueue(session, kind="ticket.merge_undone", entity_uuid=undo_uuid, at=NOW, payload={
            "uuid": undo_uuid, "merge_uuid": merge_uuid, "restored": [
                {"ticket_uuid": third.uuid, "event_uuid": str(uuid.uuid4()),
                 "status": "received"}]})
        enqueue(session, kind="reporter.erased", entity_uuid=erasure_uuid, at=NOW,
                payload={"uuid": erasure_uuid, "ticket_uuids": [erased.uuid]})
    rows = {r.kind: r for r in outbox(store)}
    assert rows["ticket.merged"].ticket_uuid == survivor.uuid  # derived from the payload
    assert rows["ticket.merge_undone"].ticket_uuid is None
    assert rows["reporter.erased"].ticket_uuid is None

    uuids = [survivor.uuid, merged.uuid, third.uuid, erased.uuid, bystander.uuid]
    states = ticket_sync_states(store, uuids)
    assert [states[u].state for u in uuids] == [RecordState.WAITING] * 4 + [RecordState.SENT]
    assert [states[u].waiting for u in uuids] == [1, 1, 1, 1, 0]  # each row counted once
    for ticket_uuid in uuids[:4]:
        assert ticket_sync_detail(store, ticket_uuid).badge.state is RecordState.WAITING

    sync(store, secrets, lambda c: refused("merge") if c["kind"] == "ticket.merged"
         else ACCEPTED)
    states = ticket_sync_states(store, uuids)
    assert states[merged.uuid].state is RecordState.NEEDS_ATTENTION
    assert states[survivor.uuid].state is RecordState.NEEDS_ATTENTION
    assert states[third.uuid].state is RecordState.SENT
    assert resend(store, merged.uuid, officer="sekcam") == 1  # from the merged ticket too
    assert ticket_sync_states(store, [survivor.uuid])[survivor.uuid].state is \
        RecordState.WAITING

    # The server answers the merge with a conflict (another desk merged one of them first):
    # the conflict names the survivor, and its payload the merged ticket; both need attention.
    with store.unit_of_work() as session:
        row = session.scalar(select(OutboxRow).where(OutboxRow.kind == "ticket.merged"))
        assert row is not None
        session.add(SyncConflict(ticket_uuid=survivor.uuid, outbox_uuid=row.uuid,
                                 kind=row.kind, code="already_merged", field="merged",
                                 local_payload=row.payload, created_at=NOW))
        session.delete(row)  # what the engine does with an answered row (test set-up)
    states = ticket_sync_states(store, [survivor.uuid, merged.uuid, bystander.uuid])
    for ticket_uuid in (survivor.uuid, merged.uuid):
        assert states[ticket_uuid].state is RecordState.NEEDS_ATTENTION
        assert states[ticket_uuid].conflicts == 1
        assert "[already_merged]" in states[ticket_uuid].reason.message_id  # type: ignore[union-attr]
        detail = ticket_sync_detail(store, ticket_uuid)
        assert detail.badge.state is RecordState.NEEDS_ATTENTION
        assert [c.code for c in detail.conflicts] == ["already_merged"]
    assert states[bystander.uuid].state is RecordState.SENT


def test_the_lookup_query_uses_the_ticket_index(store: Store, intake) -> None:  # type: ignore[no-untyped-def]
    from posko.store import sync_state

    intake()
    with store.engine.connect() as conn:
        plan = " ".join(str(row[-1]) for row in conn.exec_driver_sql(
            "EXPLAIN QUERY PLAN " + sync_state._STATES_SQL.replace(":uuids", "?"),
            ('["x"]',)))
    assert "ix_outbox_ticket_uuid" in plan
    assert "ix_sync_conflicts_ticket_uuid" in plan


# --------------------------------------------------------------------------- migration 0007


def demo_ticket(**overrides: Any) -> Ticket:
    values: dict[str, Any] = dict(
        uuid=str(uuid.uuid4()), tracking_code="", origin=Origin.APP, category="sampah",
        location=Location("31.75.04.1005", rw=5, rt=3, address="Jl. Raya Bogor No. 12"),
        description="Sampah menumpuk", reporter=Reporter(name=SAMPLE_NAME), consent=True,
        officer="budi", created_at=NOW, updated_at=NOW, status=Status.RECEIVED)
    values.update(overrides)
    if not values["tracking_code"]:
        from posko.domain.tracking import make_tracking_code

        values["tracking_code"] = make_tracking_code("31.75.04", date(2026, 11, 28), 7,
                                                     int(time.monotonic_ns() % 29000) + 1)
    return Ticket(**values)


@pytest.fixture
def db_at_0006(db_path: Path) -> Path:
    engine = make_engine(db_path)
    with engine.begin() as conn:
        command.upgrade(migrate.alembic_config(conn), "0006")
    engine.dispose()
    return db_path


def test_migration_backfills_the_ticket_of_each_kind(db_at_0006: Path) -> None:
    t = {name: str(uuid.uuid4()) for name in ("created", "status", "note", "ref", "chase",
                                                "photo", "survivor", "merged", "erased")}
    e = {name: str(uuid.uuid4()) for name in t}
    rows = [
        ("ticket.created", t["created"], {"uuid": t["created"]}),
        ("status.changed", e["status"], {"uuid": e["status"], "ticket_uuid": t["status"]}),
        ("note.added", e["note"], {"uuid": e["note"], "ticket_uuid": t["note"]}),
        ("external_ref.added", t["ref"], {"ticket_uuid": t["ref"], "number": "1"}),
        ("followup.created", e["chase"], {"uuid": e["chase"], "ticket_uuid": t["chase"]}),
        ("attachment.added", e["photo"], {"uuid": e["photo"], "ticket_uuid": t["photo"]}),
        ("ticket.merged", e["survivor"], {"uuid": e["survivor"],
                                          "survivor_uuid": t["survivor"],
                                          "merged": [{"ticket_uuid": t["merged"]}]}),
        ("ticket.merge_undone", e["merged"], {"uuid": e["merged"],
                                              "restored": [{"ticket_uuid": t["merged"]}]}),
        ("reporter.erased", e["erased"], {"uuid": e["erased"], "ticket_uuids": [t["erased"]]}),
        ("note.added", e["created"], "not json {"),
    ]
    with sqlite3.connect(db_at_0006) as conn:
        conn.executemany(
            "INSERT INTO outbox (uuid, created_at, kind, entity_uuid, payload, attempts, "
            "parked) VALUES (?, ?, ?, ?, ?, 0, 0)",
            [(str(uuid.uuid4()), "2026-11-28 03:00:00.000000", kind, entity,
              payload if isinstance(payload, str) else json.dumps(payload))
             for kind, entity, payload in rows])
    with Store.open(db_at_0006) as store:
        found = [(r.kind, r.ticket_uuid) for r in outbox(store)]
    assert found == [
        ("ticket.created", t["created"]), ("status.changed", t["status"]),
        ("note.added", t["note"]), ("external_ref.added", t["ref"]),
        ("followup.created", t["chase"]), ("attachment.added", t["photo"]),
        ("ticket.merged", t["survivor"]), ("ticket.merge_undone", None),
        ("reporter.erased", None), ("note.added", None)]

    # Down to 0006 and up again (idempotent, nothing lost on the way).
    with Store.open(db_at_0006) as store:
        with store.engine.begin() as conn:
            command.downgrade(migrate.alembic_config(conn), "0006")
            assert "ticket_uuid" not in {c[1] for c in conn.exec_driver_sql(
                "PRAGMA table_info(outbox)")}
        with store.engine.begin() as conn:
            migrate.upgrade_to_head(conn)
        assert [(r.kind, r.ticket_uuid) for r in outbox(store)] == found


# --------------------------------------------------------------------------- nothing unsent lost

SRC = Path(posko.__file__).parent
_DELETE_SQL = re.compile(r"\b(delete\s+from|drop\s+table(\s+if\s+exists)?|truncate)\s+"
                         r"[\"'`]?outbox\b", re.I)
# The only code that may remove outbox rows, each for a reason tied to the server's answer.
# A new entry here needs the same kind of reason, or the change it deletes is lost.
ALLOWED = {
    # The transaction that records the server's answer: accepted -> gone; conflict -> gone,
    # kept whole (local_payload) in sync_conflicts beside the server's version.
    ("sync/engine.py", "SyncEngine._commit_push"):
        "server acknowledgement",
    # Carrying an erasure into a *backup copy* of the DB: the erasure only runs on the live
    # desk once no outbox row there mentions the ticket (all acknowledged by the server), so
    # the copy's rows about it are changes the server already has; left in the copy, a
    # restore would send the erased name again.
    ("store/data_request/copies.py", "_erase_in_copy"):
        "acknowledged on the live desk before the erasure ran",
    # Downgrading the initial schema to "base" drops the table (a developer's operation).
    ("store/migrations/versions/0001_initial_schema.py", "downgrade"):
        "schema downgrade to base",
}


def _mentions_outbox(node: ast.AST) -> bool:
    for sub in ast.walk(node):
        if isinstance(sub, ast.Name) and sub.id == "OutboxRow":
            return True
        if isinstance(sub, ast.Constant) and isinstance(sub.value, str) and (
                sub.value == "outbox" or _DELETE_SQL.search(sub.value)):
            return True
    return False


def _deletes_outbox(call: ast.Call, scope_mentions_outbox: bool = False) -> bool:
    func = call.func
    name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
    if name in ("delete", "drop_table", "execute", "exec_driver_sql", "text",
                "executescript"):
        if name in ("delete", "drop_table") and any(_mentions_outbox(a) for a in call.args):
            return True
        if name == "delete" and call.args and scope_mentions_outbox:
            return True  # session.delete(row) in a function that handles outbox rows
        if name == "delete" and isinstance(func, ast.Attribute) and _mentions_outbox(
                func.value):
            return True  # OutboxRow.__table__.delete(), session.query(OutboxRow).delete()
        return any(isinstance(s, ast.Constant) and isinstance(s.value, str)
                   and _DELETE_SQL.search(s.value) for a in call.args for s in ast.walk(a))
    return False


def outbox_deleters() -> set[tuple[str, str]]:
    found: set[tuple[str, str]] = set()
    for path in sorted(SRC.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        relative = path.relative_to(SRC).as_posix()

        def visit(node: ast.AST, scope: str, rel: str = relative,
                  outbox_scope: bool = False) -> None:
            for child in ast.iter_child_nodes(node):
                if isinstance(child, ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef):
                    visit(child, f"{scope}.{child.name}" if scope else child.name,
                          outbox_scope=_mentions_outbox(child))
                    continue
                if isinstance(child, ast.Call) and _deletes_outbox(child, outbox_scope):
                    found.add((rel, scope or "<module>"))
                elif isinstance(child, ast.Constant) and isinstance(child.value, str) \
                        and _DELETE_SQL.search(child.value):
                    found.add((rel, scope or "<module>"))  # SQL kept in a constant
                visit(child, scope, outbox_scope=outbox_scope)

        visit(tree, "")
    return found


def test_only_the_servers_answer_deletes_outbox_rows() -> None:
    """Every place in src/posko that removes outbox rows (ORM delete, SQL text, table drop)
    is known: the engine's commit of the server's answer. A merge, an erasure, a restore or
    a clean-up that deleted unsent changes would show up here."""
    assert outbox_deleters() == set(ALLOWED)


def test_the_walk_finds_a_deleting_function(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """The check above can fail: each way of deleting is found."""
    package = tmp_path / "pkg"
    package.mkdir()
    (package / "a.py").write_text(
        "def orm(s):\n    s.execute(delete(OutboxRow).where(OutboxRow.id == 1))\n"
        "def raw(c):\n    c.exec_driver_sql('DELETE FROM outbox WHERE parked = 1')\n"
        "class K:\n    def table(self, s):\n        s.execute(OutboxRow.__table__.delete())\n"
        "CLEAN = 'delete from \"outbox\"'\n"
        "def one(s):\n    row = s.get(OutboxRow, 1)\n    s.delete(row)\n"
        "def fine(s, note):\n    s.execute(delete(NoteRow))\n    s.delete(note)\n",
        encoding="utf-8")
    monkeypatch.setattr(f"{__name__}.SRC", package)
    assert outbox_deleters() == {("a.py", "orm"), ("a.py", "raw"), ("a.py", "K.table"),
                                 ("a.py", "<module>"), ("a.py", "one")}


def test_outbox_rows_cannot_vanish_with_their_ticket(store: Store) -> None:
    """No foreign key cascades into the outbox and no trigger touches it: deleting or
    anonymising a ticket leaves its unsent changes where they are."""
    with store.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA foreign_key_list(outbox)").all() == []
        triggers = conn.exec_driver_sql(
            "SELECT name, sql FROM sqlite_master WHERE type = 'trigger'").all()
    assert not [name for name, sql in triggers if re.search(r"\boutbox\b", sql or "", re.I)]


def test_only_accepted_or_conflict_answers_remove_rows(store: Store,  # type: ignore[no-untyped-def]
                                                       secrets: KeyringSecrets,
                                                       intake) -> None:
    """The engine's side of the rule: refused rows stay (parked), unreachable servers keep
    everything, a conflict is kept whole in sync_conflicts, only `accepted` removes a row."""
    from posko.sync import SyncEngine
    from posko.sync.client import Offline

    enrol_locally(store, secrets)
    tickets = [intake() for _ in range(3)]
    answers = {tickets[0].uuid: ACCEPTED, tickets[1].uuid: refused(),
               tickets[2].uuid: {"result": "conflict",
                                 "error": {"code": "status_conflict", "field": "status"}}}

    class Down(Answers):
        def push(self, changes: list[dict[str, Any]], _key: str) -> list[dict[str, Any]]:
            raise Offline()

    down = Down(lambda _c: ACCEPTED)
    report = SyncEngine(store, secrets, sleep=lambda _s: None, client_factory=down).run_once()
    assert report.error == "offline"
    assert len(outbox(store)) == 3

    sync(store, secrets, lambda c: answers[c["entity_uuid"]])
    left = outbox(store)
    assert [(r.ticket_uuid, r.parked) for r in left] == [(tickets[1].uuid, True)]
    with store.unit_of_work() as session:
        [kept] = session.scalars(select(SyncConflict))
        assert kept.ticket_uuid == tickets[2].uuid
        assert json.loads(kept.local_payload)["uuid"] == tickets[2].uuid
        assert session.scalar(select(func.count()).select_from(OutboxRow)) == 1


def test_no_personal_data_in_the_resend_audit(store: Store, intake) -> None:  # type: ignore[no-untyped-def]
    ticket = intake()
    with store.unit_of_work() as session:
        session.execute(OutboxRow.__table__.update().values(parked=True, last_error="x: y"))
    resend(store, ticket.uuid, officer="budi")
    with store.unit_of_work() as session:
        details = [a.detail for a in session.scalars(select(AuditEntry))]
    for value in (SAMPLE_NAME, SAMPLE_NIK, SAMPLE_PHONE, "Sampah"):
        assert not any(value in d for d in details)
