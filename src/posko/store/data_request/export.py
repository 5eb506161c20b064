"""Exporting everything the desk holds about a person, with its processing history.

`build_export` returns one JSON-ready dict (documented in `EXPORT_FORMAT`), which
`write_export` writes as ``.json`` and, through :mod:`posko.receipts.data_export`, as an A4
``.pdf``. The NIK is shown in full: it is the person's own data, handed to the person after
the officer checked their KTP, and only the full number lets them see a typo in what was
stored (the right to correct, art. 6, starts there). Only supervisors may export, as only
they may unmask a NIK. Every export is audited (one ``data_request.export`` row per ticket
and one summary row; no personal data in ``detail``).
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from datetime import UTC, datetime, tzinfo
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import selectinload

from posko.domain.identity import Identity
from posko.domain.models import new_uuid
from posko.store.crypto import NikCipher
from posko.store.data_request.find import PersonFindings, _aware
from posko.store.data_request.query import DATA_REQUEST_ACTIONS, EXPORT_ACTION, not_allowed
from posko.store.data_request.retention import erasure_plan, retention_days
from posko.store.database import Store, audit, in_chunks
from posko.store.models import AuditEntry, TicketRow

#: The export's JSON document, version 1 (keys in English, values as stored):
EXPORT_FORMAT = """
{
  "format": "posko.data_export", "version": 1,
  "generated_at": ISO-8601 UTC, "generated_by": officer username,
  "kecamatan_code": "31.75.04", "desk_number": 1, "timezone": "Asia/Jakarta",
  "request": {"uuid": export uuid (the audit rows name it), "matched_by": ["nik"|"phone"|"name"],
              "name_matching": how names were compared},
  "subject": {"names": [...], "phones": [E.164...], "niks": [16 digits...]},
  "tickets": [{
      "uuid", "tracking_code", "role": "reporter" | "requester", "matched_by": [...],
      "origin", "category", "status", "created_at", "updated_at", "closed_at" (or null),
      "location": {"kelurahan_code", "rw", "rt", "address", "latitude", "longitude"},
      "description", "external_refs": ["QLUE 123", ...], "needs_field_check",
      "reporter": {"kind", "name", "phone", "nik", "contact", "consent"}  (reporter role only),
      "events": [{"uuid", "at", "status", "actor", "source", "note", "agency", "merged_into"}],
      "follow_ups": [{"uuid", "asked_at", "officer", "asked_by_subject", "requested_by"
                      (the subject's own entries only, else null), "promise", "promised_by",
                      "note"}],
      "notes": [{"at", "officer", "text", "internal"}],          (reporter role only)
      "attachments": [{"filename", "media_type", "size", "sha256", "created_at"}],
      "erasure": {"allowed_now", "reason", "allowed_from", "unsent"}
  }],
  "audit": [{"id", "at", "officer", "action", "entity", "entity_uuid", "tracking_code",
             "detail"}],   every audit row about the tickets (for a ticket where the person
                           only asked a follow-up: the rows about follow-ups and data
                           requests), oldest first: the processing history
  "retention_days": N,
  "counts": {"tickets", "as_reporter", "follow_ups", "audit_rows"}
}
"""
NAME_MATCHING = ("exact after folding case and accents, dropping punctuation, extra spaces "
                 "and a leading honorific (Ibu, Bpk., H., Hj., ...)")
# For a ticket where the person only asked: the processing of *their* data on it.
_REQUESTER_ACTIONS = ("ticket.chase", *DATA_REQUEST_ACTIONS)


def _iso(value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, datetime):
        return _aware(value).astimezone(UTC).isoformat()
    return str(value.isoformat())


def build_export(store: Store, cipher: NikCipher | None, findings: PersonFindings, *,
                 officer: str, is_supervisor: bool, now: datetime | None = None,
                 export_uuid: str | None = None) -> dict[str, Any]:
    """Everything held about the person, with its processing history (see EXPORT_FORMAT).
    Supervisors only; audited (per ticket and once for the export)."""
    if not is_supervisor:
        raise not_allowed()
    from posko.store.desk import desk_identity

    at = now or datetime.now(UTC)
    export_uuid = export_uuid or new_uuid()
    identity = desk_identity(store)
    by_uuid = {t.uuid: t for t in findings.tickets}
    checks = {c.ticket_uuid: c for c in erasure_plan(store, findings, now=at)}
    subject = Identity()
    if findings.query.nik:
        subject.niks.add(findings.query.nik)
    if findings.query.phone:
        subject.phones.add(findings.query.phone)
    if findings.query.name:
        subject.names.add(findings.query.name)
    tickets_out: list[dict[str, Any]] = []
    audit_out: list[dict[str, Any]] = []
    with store.unit_of_work() as session:
        uuids = list(by_uuid)
        rows: list[TicketRow] = []
        for chunk in in_chunks(uuids):
            rows += session.scalars(
                select(TicketRow).options(
                    selectinload(TicketRow.external_refs), selectinload(TicketRow.events),
                    selectinload(TicketRow.follow_ups), selectinload(TicketRow.notes),
                    selectinload(TicketRow.attachments))
                .where(TicketRow.uuid.in_(chunk))).all()
        rows.sort(key=lambda r: (r.created_at, r.tracking_code))
        codes = {r.uuid: r.tracking_code for r in rows}
        for row in rows:
            found = by_uuid[row.uuid]
            mine = set(found.follow_up_uuids)
            entry: dict[str, Any] = {
                "uuid": row.uuid, "tracking_code": row.tracking_code,
                "role": "reporter" if found.as_reporter else "requester",
                "matched_by": list(found.matched_by), "origin": row.origin,
                "category": row.category, "status": row.status,
                "created_at": _iso(row.created_at), "updated_at": _iso(row.updated_at),
                "closed_at": _iso(found.closed_at),
            }
            follow_ups = [{
                "uuid": f.uuid, "asked_at": _iso(f.asked_at), "officer": f.officer,
                "asked_by_subject": f.uuid in mine,
                "requested_by": f.requested_by if f.uuid in mine else None,
                "promise": f.promise, "promised_by": _iso(f.promised_by), "note": f.note,
            } for f in row.follow_ups if found.as_reporter or f.uuid in mine]
            for f in row.follow_ups:
                if f.uuid in mine and f.requested_by:
                    subject.names.add(f.requested_by)
            if found.as_reporter:
                nik = None
                if row.reporter_nik_enc and cipher is not None:
                    nik = cipher.decrypt(row.reporter_nik_enc)
                    subject.niks.add(nik)
                if row.reporter_name:
                    subject.names.add(row.reporter_name)
                if row.reporter_phone:
                    subject.phones.add(row.reporter_phone)
                entry.update({
                    "location": {"kelurahan_code": row.kelurahan_code, "rw": row.rw,
                                 "rt": row.rt, "address": row.address,
                                 "latitude": row.latitude, "longitude": row.longitude},
                    "description": row.description,
                    "external_refs": [f"{r.source} {r.number}" for r in row.external_refs],
                    "needs_field_check": row.needs_field_check,
                    "reporter": {"kind": row.reporter_kind, "name": row.reporter_name,
                                 "phone": row.reporter_phone, "nik": nik,
                                 "contact": row.contact_preference, "consent": row.consent},
                    "events": [{"uuid": e.uuid, "at": _iso(e.at), "status": e.status,
                                "actor": e.actor, "source": e.source, "note": e.note,
                                "agency": e.agency, "merged_into": e.merged_into}
                               for e in sorted(row.events, key=lambda e: (e.at, e.id))],
                    "notes": [{"at": _iso(n.at), "officer": n.officer, "text": n.text,
                               "internal": n.internal} for n in row.notes],
                    "attachments": [{"filename": a.filename, "media_type": a.media_type,
                                     "size": a.size, "sha256": a.sha256,
                                     "created_at": _iso(a.created_at)}
                                    for a in sorted(row.attachments,
                                                    key=lambda a: (a.created_at, a.id))],
                })
            entry["follow_ups"] = follow_ups
            check = checks.get(row.uuid)
            entry["erasure"] = {
                "allowed_now": bool(check and check.allowed),
                "reason": check.reason if check else "open",
                "allowed_from": _iso(check.allowed_from) if check else None,
                "unsent": check.unsent if check else 0}
            tickets_out.append(entry)
        requester_only = {u for u, t in by_uuid.items() if not t.as_reporter}
        for chunk in in_chunks(uuids):
            for entry_row in session.scalars(select(AuditEntry).where(
                    AuditEntry.entity_uuid.in_(chunk))):
                if (entry_row.entity_uuid in requester_only
                        and entry_row.action not in _REQUESTER_ACTIONS):
                    continue
                audit_out.append({
                    "id": entry_row.id, "at": _iso(entry_row.at), "officer": entry_row.officer,
                    "action": entry_row.action, "entity": entry_row.entity,
                    "entity_uuid": entry_row.entity_uuid,
                    "tracking_code": codes.get(entry_row.entity_uuid or ""),
                    "detail": entry_row.detail or ""})
        audit_out.sort(key=lambda a: (a["at"], a["id"]))
        matched = ",".join(findings.query.kinds)
        for row in rows:
            audit(session, officer=officer, action=EXPORT_ACTION, entity="ticket",
                  entity_uuid=row.uuid, at=at, detail=f"request={export_uuid} matched_by="
                  f"{matched} role={'reporter' if by_uuid[row.uuid].as_reporter else 'requester'}")
        audit(session, officer=officer, action=EXPORT_ACTION, entity="data_request",
              entity_uuid=export_uuid, at=at,
              detail=f"matched_by={matched} tickets={len(rows)} "
                     f"follow_ups={findings.follow_up_count} audit_rows={len(audit_out)}")
    return {
        "format": "posko.data_export", "version": 1, "generated_at": _iso(at),
        "generated_by": officer, "kecamatan_code": identity.kecamatan_code,
        "desk_number": identity.desk_number, "timezone": str(identity.timezone),
        "request": {"uuid": export_uuid, "matched_by": list(findings.query.kinds),
                    "name_matching": NAME_MATCHING},
        "subject": {"names": sorted(subject.names), "phones": sorted(subject.phones),
                    "niks": sorted(subject.niks)},
        "tickets": tickets_out,
        "audit": audit_out,
        "retention_days": retention_days(store),
        "counts": {"tickets": len(tickets_out),
                   "as_reporter": sum(1 for t in tickets_out if t["role"] == "reporter"),
                   "follow_ups": findings.follow_up_count, "audit_rows": len(audit_out)},
    }


def _write_atomic(target: Path, data: bytes) -> None:
    partial = target.with_name(target.name + ".part")
    try:
        with partial.open("wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(partial, target)
    except BaseException:
        partial.unlink(missing_ok=True)
        raise


def write_export(store: Store, cipher: NikCipher | None, findings: PersonFindings,
                 target: Path, *, officer: str, is_supervisor: bool, language: str = "id",
                 timezone: tzinfo | None = None, now: datetime | None = None,
                 progress: Callable[[str], None] | None = None) -> tuple[Path, Path]:
    """Write ``<target>.json`` and ``<target>.pdf`` (any suffix of `target` is replaced);
    returns both paths. Each file is written beside and moved into place whole."""
    from posko.receipts.data_export import build_data_export_pdf

    base = Path(target)
    if base.suffix.lower() in (".json", ".pdf"):
        base = base.with_suffix("")
    json_path = base.with_name(base.name + ".json")
    pdf_path = base.with_name(base.name + ".pdf")
    if progress:
        progress("collect")
    data = build_export(store, cipher, findings, officer=officer, is_supervisor=is_supervisor,
                        now=now)
    if progress:
        progress("json")
    _write_atomic(json_path, json.dumps(data, ensure_ascii=False, indent=2).encode("utf-8"))
    if progress:
        progress("pdf")
    zone = timezone
    if zone is None:
        from posko.store.desk import desk_identity

        zone = desk_identity(store).timezone
    _write_atomic(pdf_path, build_data_export_pdf(data, language=language, timezone=zone))
    if progress:
        progress("done")
    return json_path, pdf_path
