"""Photo and document files, stored beside the DB under their SHA-256 (content-addressed).

The same photo attached twice is stored once. The file is written (and fsynced) before the
row that refers to it is committed, so a crash can leave an unreferenced file but never a
row pointing at nothing. A new complaint's photos are staged (copied) first and their rows
go into the intake's own transaction (`record_intake(..., attachments=...)`): a full disk
while copying a photo saves nothing, so saving again cannot make a second ticket.
"""

from __future__ import annotations

import hashlib
import mimetypes
import os
import shutil
import tempfile
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from posko.domain.errors import DomainError
from posko.domain.models import Attachment
from posko.store.database import Store, audit
from posko.store.errors import NotFound
from posko.store.models import AttachmentRow, TicketRow
from posko.store.tickets import enqueue

MAX_ATTACHMENT_BYTES = 20 * 1024 * 1024
_CHUNK = 1024 * 1024


def blob_path(attachment_dir: Path, sha256: str) -> Path:
    return attachment_dir / sha256[:2] / sha256


def _hash_file(path: Path) -> tuple[str, int]:
    digest = hashlib.sha256()
    size = 0
    with path.open("rb") as handle:
        while chunk := handle.read(_CHUNK):
            digest.update(chunk)
            size += len(chunk)
    return digest.hexdigest(), size


def _copy_durably(source: Path, target: Path) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, temp_name = tempfile.mkstemp(dir=target.parent, prefix=".incoming-")
    try:
        with os.fdopen(fd, "wb") as out, source.open("rb") as src:
            shutil.copyfileobj(src, out, _CHUNK)
            out.flush()
            os.fsync(out.fileno())
        os.replace(temp_name, target)
    except BaseException:
        Path(temp_name).unlink(missing_ok=True)
        raise


@dataclass(frozen=True, slots=True)
class StagedFile:
    """A file already stored (durably) under its hash, not yet referred to by any row."""

    filename: str
    media_type: str
    size: int
    sha256: str


def stage_file(attachment_dir: Path, source: Path) -> StagedFile:
    """Check `source` and store its bytes under their hash (no DB write)."""
    if not source.is_file():
        raise DomainError("Berkas lampiran tidak ditemukan.", "The attachment file was not found.",
                          code="attachment_missing", field="attachment")
    sha256, size = _hash_file(source)
    if size > MAX_ATTACHMENT_BYTES:
        raise DomainError(
            f"Lampiran terlalu besar (maksimal {MAX_ATTACHMENT_BYTES // (1024 * 1024)} MB).",
            f"The attachment is too large (at most {MAX_ATTACHMENT_BYTES // (1024 * 1024)} MB).",
            code="attachment_too_large", field="attachment",
        )
    target = blob_path(attachment_dir, sha256)
    if not target.exists():
        _copy_durably(source, target)
    media_type = mimetypes.guess_type(source.name)[0] or "application/octet-stream"
    return StagedFile(filename=source.name[:255], media_type=media_type, size=size,
                      sha256=sha256)


def attach_staged(session: Session, ticket_id: int, ticket_uuid: str, staged: StagedFile, *,
                  officer: str, at: datetime) -> Attachment:
    """The attachment row, its outbox row and audit entry, in the caller's transaction."""
    attachment = Attachment(ticket_uuid=ticket_uuid, filename=staged.filename,
                            media_type=staged.media_type, size=staged.size,
                            sha256=staged.sha256, created_at=at)
    session.add(AttachmentRow(uuid=attachment.uuid, ticket_id=ticket_id,
                              filename=attachment.filename, media_type=staged.media_type,
                              size=staged.size, sha256=staged.sha256, created_at=at))
    enqueue(session, kind="attachment.added", entity_uuid=attachment.uuid, at=at,
            ticket_uuid=ticket_uuid,
            payload={"uuid": attachment.uuid, "ticket_uuid": ticket_uuid,
                     "filename": attachment.filename, "media_type": staged.media_type,
                     "size": staged.size, "sha256": staged.sha256})
    audit(session, officer=officer, action="attachment.add", entity="ticket",
          entity_uuid=ticket_uuid, detail=f"sha256={staged.sha256} size={staged.size}", at=at)
    return attachment


def add_attachment(store: Store, attachment_dir: Path, ticket_uuid: str, source: Path, *,
                   officer: str, now: datetime | None = None) -> Attachment:
    staged = stage_file(attachment_dir, source)
    at = now or datetime.now(UTC)
    with store.unit_of_work() as session:
        ticket_id = session.scalar(select(TicketRow.id).where(TicketRow.uuid == ticket_uuid))
        if ticket_id is None:
            raise NotFound("Tiket tidak ditemukan.", "Ticket not found.")
        attachment = attach_staged(session, ticket_id, ticket_uuid, staged, officer=officer,
                                   at=at)
    return attachment


def open_attachment(attachment_dir: Path, attachment: Attachment) -> Path:
    """The stored file, verified against its hash; a clear error when it is gone or altered."""
    path = blob_path(attachment_dir, attachment.sha256)
    if not path.is_file():
        raise NotFound(
            "Berkas lampiran hilang dari folder data. Pulihkan folder 'attachments' dari "
            "cadangan; data tiket lainnya aman.",
            "The attachment file is missing from the data folder. Restore the 'attachments' "
            "folder from a backup; the rest of the ticket is safe.",
        )
    if _hash_file(path)[0] != attachment.sha256:
        raise NotFound(
            "Berkas lampiran rusak (isi tidak cocok dengan sidiknya).",
            "The attachment file is damaged (its content does not match its hash).",
        )
    return path
