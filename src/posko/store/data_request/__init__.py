"""Citizen data requests (UU PDP 27/2022 art. 32): find everything this desk holds about one
person, export it with its processing history, and erase (anonymise) it once the retention
period allows.

One job a module, lower ones first (each imports only those above it):

* :mod:`.query` — the person as the officer identifies them, the errors and audit action
  names the others share (names are compared and scrubbed by :mod:`posko.domain.identity`,
  pure text shared with the server's erasure);
* :mod:`.find` — finding every ticket and follow-up about the person;
* :mod:`.retention` — the retention period and when a ticket may be erased;
* :mod:`.anonymise` — carrying out erasure targets in one database, then compacting it;
* :mod:`.copies` — carrying erasures into backups and kept copies;
* :mod:`.erasure` — erasure requests and the pending runs;
* :mod:`.export` — the export (JSON and PDF).

Callers import from this package; the names below are its public face.
"""

from posko.domain.identity import Identity, normalise_name, scrub
from posko.store.data_request.copies import erase_in_copies
from posko.store.data_request.erasure import (
    ErasureOutcome,
    PendingRequest,
    pending_requests,
    request_erasure,
    run_pending_erasures,
)
from posko.store.data_request.export import EXPORT_FORMAT, build_export, write_export
from posko.store.data_request.find import FoundTicket, PersonFindings, find_person
from posko.store.data_request.query import (
    DATA_REQUEST_ACTIONS,
    ERASE_ACTION,
    ERASE_REQUEST_ACTION,
    EXPORT_ACTION,
    RETENTION_ACTION,
    PersonQuery,
    person_query,
)
from posko.store.data_request.retention import (
    DEFAULT_RETENTION_DAYS,
    ErasureCheck,
    erasure_plan,
    retention_days,
    set_retention_days,
)

__all__ = [
    "DATA_REQUEST_ACTIONS", "DEFAULT_RETENTION_DAYS", "ERASE_ACTION", "ERASE_REQUEST_ACTION",
    "EXPORT_ACTION", "EXPORT_FORMAT", "RETENTION_ACTION", "ErasureCheck", "ErasureOutcome",
    "FoundTicket", "Identity", "PendingRequest", "PersonFindings", "PersonQuery",
    "build_export", "erase_in_copies", "erasure_plan", "find_person", "normalise_name",
    "pending_requests", "person_query", "request_erasure", "retention_days",
    "run_pending_erasures", "scrub", "set_retention_days", "write_export",
]
