"""The wire format: pydantic models that FastAPI validates and turns into the OpenAPI document.

Only shapes and sizes live here (422 when they are wrong). The rules of the domain (status
transitions, RW/RT ranges, phone numbers, tracking codes, consent, known categories and
kelurahan) are checked per change item with :mod:`posko.domain` and answered as ``rejected``
or ``conflict`` in the push result.

Every string forbids control characters (NUL would break PostgreSQL, and none belongs in a
complaint) and, through pydantic's Rust core, lone surrogates. Datetimes must carry a
timezone and lie between 2000 and 2100.
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Annotated, Literal
from uuid import UUID

from pydantic import (
    AfterValidator,
    AwareDatetime,
    BaseModel,
    ConfigDict,
    Field,
    StringConstraints,
)

from posko.domain.models import ContactPreference, Origin, ReporterKind, Source
from posko.domain.status import Status
from posko.store.attachments import MAX_ATTACHMENT_BYTES

LINE_PATTERN = r"^[^\x00-\x1f\x7f]*$"  # one line: no control characters at all
TEXT_PATTERN = r"^[^\x00-\x08\x0b\x0c\x0e-\x1f\x7f]*$"  # tabs and line breaks allowed

MAX_BATCH = 500
MAX_PAGE = 1000


MEDIA_TYPE_PATTERN = r"^[A-Za-z0-9][A-Za-z0-9!#$&^_.+-]*/[A-Za-z0-9][A-Za-z0-9!#$&^_.+-]*$"

# One line of text, at most N characters (NonEmptyN: at least one).
Line32 = Annotated[str, StringConstraints(max_length=32, pattern=LINE_PATTERN)]
Line64 = Annotated[str, StringConstraints(max_length=64, pattern=LINE_PATTERN)]
Line200 = Annotated[str, StringConstraints(max_length=200, pattern=LINE_PATTERN)]
NonEmpty20 = Annotated[str, StringConstraints(min_length=1, max_length=20, pattern=LINE_PATTERN)]
NonEmpty32 = Annotated[str, StringConstraints(min_length=1, max_length=32, pattern=LINE_PATTERN)]
NonEmpty64 = Annotated[str, StringConstraints(min_length=1, max_length=64, pattern=LINE_PATTERN)]
NonEmpty255 = Annotated[str, StringConstraints(min_length=1, max_length=255,
                                               pattern=LINE_PATTERN)]
# Free text with line breaks.
Text500 = Annotated[str, StringConstraints(max_length=500, pattern=TEXT_PATTERN)]
Text2000 = Annotated[str, StringConstraints(max_length=2000, pattern=TEXT_PATTERN)]
NonEmptyText5000 = Annotated[str, StringConstraints(min_length=1, max_length=5000,
                                                    pattern=TEXT_PATTERN)]
NonEmptyText10000 = Annotated[str, StringConstraints(min_length=1, max_length=10_000,
                                                     pattern=TEXT_PATTERN)]
MediaType = Annotated[str, StringConstraints(max_length=100, pattern=MEDIA_TYPE_PATTERN)]


_EARLIEST = datetime(2000, 1, 1, tzinfo=UTC)
_LATEST = datetime(2100, 1, 1, tzinfo=UTC)


def _in_range(value: datetime) -> datetime:
    # Compare the year first: converting year 1 or 9999 with an offset can overflow.
    if not 1999 <= value.year <= 2100 or not _EARLIEST <= value <= _LATEST:
        raise ValueError("must be between 2000-01-01 and 2100-01-01")
    return value


def _date_in_range(value: date) -> date:
    if not 2000 <= value.year < 2100:
        raise ValueError("must be between 2000-01-01 and 2099-12-31")
    return value


Timestamp = Annotated[AwareDatetime, AfterValidator(_in_range)]
Day = Annotated[date, AfterValidator(_date_in_range)]
Officer = Line64
KelurahanCode = Annotated[str, StringConstraints(pattern=r"^\d{2}\.\d{2}\.\d{2}\.\d{4}$")]
KecamatanCode = Annotated[str, StringConstraints(pattern=r"^\d{2}\.\d{2}\.\d{2}$")]
Sha256 = Annotated[str, StringConstraints(pattern=r"^[0-9a-f]{64}$")]
Coordinate = Annotated[float, Field(allow_inf_nan=False)]


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


# ------------------------------------------------------------------------------ errors


class FieldError(BaseModel):
    code: str = Field(description="Stable machine-readable code, e.g. `missing`.")
    message_id: str = Field(description="Message in Bahasa Indonesia.")
    message_en: str = Field(description="Message in English.")
    field: str | None = Field(description="The field it is about, e.g. `changes[0].payload.uuid`.")


class Error(FieldError):
    """The one error shape of every 4xx answer (Open311 keeps its own array format)."""

    errors: list[FieldError] = Field(
        default_factory=list, description="Per-field errors (422 only; empty otherwise).")


# ------------------------------------------------------------------------------ enrolment


EnrolmentNonce = Annotated[str, StringConstraints(min_length=22, max_length=128,
                                                  pattern=r"^[A-Za-z0-9_-]+$")]


class EnrolmentRequest(Strict):
    code: NonEmpty32 = Field(description="The one-time code printed by `posko-central "
                                          "add-device` (hyphens and spaces are ignored).")
    nonce: EnrolmentNonce | None = Field(
        default=None,
        description="Optional, recommended: a random secret the desk makes once per "
                    "enrolment attempt (e.g. 32 random bytes, base64url) and sends again "
                    "when it retries after a lost answer. The same code with the same nonce, "
                    "until the code expires (24 hours from issue), is answered again like the "
                    "first time (201, same device) with a new token; the token issued before "
                    "stops working. A used code with another nonce, or without one, is "
                    "refused like an unknown code. The server keeps only its SHA-256.")


class EnrolmentResponse(BaseModel):
    token: str = Field(description="Bearer token of this device; shown once, stored hashed.")
    device_id: str
    device_name: str
    kecamatan_code: str
    kecamatan_name: str
    desk_number: int = Field(description="Desk number to use in tracking codes (1..30).")


# ------------------------------------------------------------------------------ tickets


class ReporterIn(Strict):
    kind: ReporterKind = ReporterKind.NAMED
    name: Line200 | None = None
    phone: Line32 | None = Field(default=None, description="Any Indonesian form; stored "
                                                             "as E.164.")
    has_nik: bool = Field(default=False, description="The desk holds a NIK for this "
                          "reporter. The NIK itself is never sent to the server.")
    contact: ContactPreference = ContactPreference.NONE


class ExternalRefIn(Strict):
    source: Source
    number: NonEmpty64


class TicketIn(Strict):
    """A ticket as the desk's outbox stores it (`posko.store.mapping.ticket_payload`)."""

    uuid: UUID
    tracking_code: NonEmpty20
    origin: Origin
    category: NonEmpty64
    kelurahan_code: KelurahanCode
    rw: int | None = None
    rt: int | None = None
    address: Text500 = ""
    latitude: Coordinate | None = None
    longitude: Coordinate | None = None
    description: NonEmptyText10000
    reporter: ReporterIn
    consent: bool
    officer: Officer = ""
    status: Literal[Status.RECEIVED] = Status.RECEIVED
    needs_field_check: bool = False
    external_refs: list[ExternalRefIn] = Field(default_factory=list, max_length=10)
    created_at: Timestamp
    updated_at: Timestamp
    initial_event_uuid: UUID | None = Field(
        default=None, description="UUID of the desk's first (received) status event; when "
        "absent the server derives uuid5(ticket uuid, 'received').")


class StatusChangeIn(Strict):
    uuid: UUID
    ticket_uuid: UUID
    status: Status
    at: Timestamp
    actor: Officer
    source: Literal["desk", "citizen"] = "desk"
    note: Text2000 = ""
    agency: Line200 | None = None
    merged_into: Line64 | None = None


class NoteIn(Strict):
    uuid: UUID
    ticket_uuid: UUID
    at: Timestamp
    officer: Officer
    text: NonEmptyText5000


class FollowUpIn(Strict):
    uuid: UUID
    ticket_uuid: UUID
    asked_at: Timestamp
    officer: Officer
    requested_by: Line200 = ""
    promise: Text2000 = ""
    promised_by: Day | None = None
    note: Text2000 = ""


class ExternalRefAddedIn(Strict):
    uuid: UUID
    ticket_uuid: UUID
    source: Source
    number: NonEmpty64
    officer: Officer = ""


class AttachmentIn(Strict):
    uuid: UUID
    ticket_uuid: UUID
    filename: NonEmpty255 = Field(description="A bare file name: with '/', '\\', a drive "
                                  "('C:') or as '.' or '..' the change is rejected "
                                  "(`invalid_filename`).")
    media_type: MediaType
    size: int = Field(ge=0, le=MAX_ATTACHMENT_BYTES)
    sha256: Sha256
    officer: Officer = ""
    created_at: Timestamp | None = None


MAX_MERGED = 50


class MergedTicketIn(Strict):
    ticket_uuid: UUID = Field(description="A ticket merged away into the survivor.")
    event_uuid: UUID = Field(description="UUID of its `merged` status event.")


class TicketMergeIn(Strict):
    """Tickets merged into one survivor (`posko.store.merge.merge_tickets`)."""

    uuid: UUID = Field(description="The merge's UUID (undo names it).")
    survivor_uuid: UUID
    at: Timestamp
    actor: Officer
    note: Text2000 = ""
    merged: list[MergedTicketIn] = Field(
        min_length=1, max_length=MAX_MERGED,
        description="Each becomes `merged` (merged_into = survivor_uuid); the server moves "
                    "ALL its external refs and follow-ups to the survivor. A ticket the "
                    "server has already merged gives `conflict` with code `already_merged` "
                    "and the server's version of that ticket; nothing of the merge is "
                    "applied.")


class RestoredTicketIn(Strict):
    ticket_uuid: UUID
    event_uuid: UUID = Field(description="UUID of the status event that restores it.")
    status: Status = Field(description="The status the desk restored. The server restores "
                                       "the status it had before the merge (server wins "
                                       "on status).")


class MergeUndoIn(Strict):
    """A merge undone (`posko.store.merge.undo_merge`)."""

    uuid: UUID = Field(description="The undo's UUID.")
    merge_uuid: UUID
    at: Timestamp
    actor: Officer
    restored: list[RestoredTicketIn] = Field(
        min_length=1, max_length=MAX_MERGED,
        description="Exactly the merge's merged tickets; the server moves back exactly "
                    "what that merge moved.")


MAX_ERASED_FOLLOW_UPS = 500


class ReporterErasedIn(Strict):
    """A citizen's erasure request carried out on one ticket (UU PDP art. 32;
    `posko.store.data_request`). Names uuids only: never the person's name, phone or NIK."""

    uuid: UUID = Field(description="This erasure's UUID (one per ticket and execution).")
    ticket_uuid: UUID
    at: Timestamp
    actor: Officer
    reporter: bool = Field(default=True, description="Anonymise the ticket's reporter (name, "
                           "phone, has_nik, contact; a named reporter becomes anonymous) and "
                           "remove their name and phone from the ticket's free text.")
    follow_ups: list[UUID] = Field(
        default_factory=list, max_length=MAX_ERASED_FOLLOW_UPS,
        description="Follow-ups of this ticket the person asked: `requested_by` is emptied "
                    "and their name removed from the follow-up's text. An unknown ticket "
                    "(or one of another kecamatan) is accepted with nothing to do.")


class _Change(Strict):
    id: UUID = Field(description="The desk's outbox row UUID.")
    entity_uuid: UUID = Field(description="UUID of the entity the change is about; must "
                                          "equal `payload.uuid`.")
    created_at: Timestamp | None = None


class TicketCreated(_Change):
    kind: Literal["ticket.created"]
    payload: TicketIn


class StatusChanged(_Change):
    kind: Literal["status.changed"]
    payload: StatusChangeIn


class NoteAdded(_Change):
    kind: Literal["note.added"]
    payload: NoteIn


class FollowUpCreated(_Change):
    kind: Literal["followup.created"]
    payload: FollowUpIn


class ExternalRefAdded(_Change):
    kind: Literal["external_ref.added"]
    payload: ExternalRefAddedIn


class AttachmentAdded(_Change):
    kind: Literal["attachment.added"]
    payload: AttachmentIn


class TicketMerged(_Change):
    kind: Literal["ticket.merged"]
    payload: TicketMergeIn


class TicketMergeUndone(_Change):
    kind: Literal["ticket.merge_undone"]
    payload: MergeUndoIn


class ReporterErased(_Change):
    kind: Literal["reporter.erased"]
    payload: ReporterErasedIn


Change = Annotated[
    TicketCreated | StatusChanged | NoteAdded | FollowUpCreated | ExternalRefAdded
    | AttachmentAdded | TicketMerged | TicketMergeUndone | ReporterErased,
    Field(discriminator="kind"),
]
CHANGE_KINDS = ("ticket.created", "status.changed", "note.added", "followup.created",
                "external_ref.added", "attachment.added", "ticket.merged",
                "ticket.merge_undone", "reporter.erased")


class PushRequest(Strict):
    changes: list[Change] = Field(min_length=1, max_length=MAX_BATCH)


# ------------------------------------------------------------------------------ answers


class ReporterOut(BaseModel):
    kind: ReporterKind
    name: str | None
    phone: str | None
    has_nik: bool
    contact: ContactPreference


class ExternalRefOut(BaseModel):
    source: Source
    number: str


class TicketOut(BaseModel):
    uuid: str
    tracking_code: str
    origin: Origin
    category: str
    kecamatan_code: str
    kelurahan_code: str
    rw: int | None
    rt: int | None
    address: str
    latitude: float | None
    longitude: float | None
    description: str
    reporter: ReporterOut
    consent: bool
    officer: str
    status: Status
    needs_field_check: bool
    external_refs: list[ExternalRefOut]
    created_at: datetime
    updated_at: datetime


class StatusEventOut(BaseModel):
    uuid: str
    ticket_uuid: str
    status: Status
    at: datetime
    actor: str
    source: str
    note: str
    agency: str | None
    merged_into: str | None


class NoteOut(BaseModel):
    uuid: str
    ticket_uuid: str
    at: datetime
    officer: str
    text: str


class FollowUpOut(BaseModel):
    uuid: str
    ticket_uuid: str
    asked_at: datetime
    officer: str
    requested_by: str
    promise: str
    promised_by: date | None
    note: str


class AttachmentOut(BaseModel):
    uuid: str
    ticket_uuid: str
    filename: str
    media_type: str
    size: int
    sha256: str
    created_at: datetime
    uploaded: bool


class ChangeResult(BaseModel):
    id: str
    kind: str
    entity_uuid: str
    result: Literal["accepted", "conflict", "rejected"]
    error: FieldError | None = Field(description="Why it was a conflict or rejected.")
    server_version: TicketOut | None = Field(
        description="On conflict: the ticket as the server has it (server wins on status).")
    upload_needed: bool = Field(
        description="attachment.added: the file is not on the server yet; PUT it to "
                    "/v1/attachments/{sha256}.")


class PushResponse(BaseModel):
    results: list[ChangeResult]


FeedData = TicketOut | StatusEventOut | NoteOut | FollowUpOut | AttachmentOut


class FeedItem(BaseModel):
    kind: Literal["ticket", "status_event", "note", "follow_up", "attachment"]
    op: Literal["upsert", "delete"] = Field(
        description="`delete` is a tombstone: remove the entity (for a ticket: with "
                    "everything attached to it).")
    uuid: str
    ticket_uuid: str
    data: FeedData | None = Field(description="The entity's current state; null for a "
                                              "tombstone.")


class PullResponse(BaseModel):
    changes: list[FeedItem]
    next_cursor: str = Field(description="Pass as `cursor` for the next page; store it only "
                                         "after this page is committed locally.")
    has_more: bool


class TicketDetail(TicketOut):
    events: list[StatusEventOut]
    follow_ups: list[FollowUpOut]
    notes: list[NoteOut]
    attachments: list[AttachmentOut]
    resolution_due: datetime = Field(description="SLA resolution deadline (posko.domain.sla).")
    overdue: bool


class SearchResponse(BaseModel):
    tickets: list[TicketOut]


class AttachmentUploaded(BaseModel):
    sha256: str
    size: int
    created: bool = Field(description="False when the file was already there (a no-op).")


class Health(BaseModel):
    status: Literal["ok"]
    version: str
    database: str
