"""The desk's sync client (pure Python; no Qt): enrolment, push of the outbox, pull of the
change feed. The UI and the CLI call `enrol`, `SyncEngine.run_once` and `pending_outbox`."""

from posko.sync.client import (
    ItemRejected,
    NotEnrolled,
    Offline,
    RequestRefused,
    Revoked,
    ServerBusy,
    SyncClient,
    SyncError,
)
from posko.sync.engine import (
    ConflictEntry,
    OutboxEntry,
    RetryPolicy,
    SyncEngine,
    SyncProgress,
    SyncReport,
    conflicts,
    pending_outbox,
    resolve_conflict,
    retry_parked,
)
from posko.sync.enrolment import EnrolmentMismatch, enrol, forget_enrolment

__all__ = [
    "ConflictEntry",
    "EnrolmentMismatch",
    "ItemRejected",
    "NotEnrolled",
    "Offline",
    "OutboxEntry",
    "RequestRefused",
    "RetryPolicy",
    "Revoked",
    "ServerBusy",
    "SyncClient",
    "SyncEngine",
    "SyncError",
    "SyncProgress",
    "SyncReport",
    "conflicts",
    "enrol",
    "forget_enrolment",
    "pending_outbox",
    "resolve_conflict",
    "retry_parked",
]
