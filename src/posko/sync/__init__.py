"""The desk's sync client (pure Python; no Qt): enrolment, push of the outbox, pull of the
change feed. The UI and the CLI call `enrol`, `SyncEngine.run_once` and `pending_outbox`;
`Open311Client` looks a request up on any GeoReport v2 endpoint."""

from posko.sync.client import (
    BadAnswer,
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
from posko.sync.open311 import (
    InvalidOpen311Endpoint,
    LookupResult,
    Open311Client,
    Open311Endpoint,
    Open311Request,
    Open311Service,
    to_lookup_result,
)

__all__ = [
    "BadAnswer",
    "ConflictEntry",
    "EnrolmentMismatch",
    "InvalidOpen311Endpoint",
    "ItemRejected",
    "LookupResult",
    "NotEnrolled",
    "Offline",
    "Open311Client",
    "Open311Endpoint",
    "Open311Request",
    "Open311Service",
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
    "to_lookup_result",
]
