"""The citizen's data export (UU PDP 27/2022 art. 32) as an A4 PDF: everything the desk holds
about one person and how it was processed, for the person themself.

It lays out the JSON document of :func:`posko.store.data_request.build_export` (the same
content, so the paper and the file never disagree): who the person is as stored (names,
phone numbers, the NIK), each ticket where they are the reporter or asked a follow-up, with
its timeline, follow-ups, notes and attachments, what an erasure could do today, and the
processing history (the audit rows) oldest first. Page numbers and a "Dicetak oleh … pada …"
footer on every page, and a band saying the paper holds personal data.

The NIK is printed in full, not masked: this paper is the person's own data handed to the
person (after the officer checked their KTP), and a masked number would hide exactly the
digits a citizen needs to see to notice a typo (see posko.store.data_request).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, tzinfo
from typing import Any

from reportlab.lib import colors
from reportlab.lib.enums import TA_LEFT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import CondPageBreak, Flowable, Spacer, Table, TableStyle

from posko.domain.errors import PoskoError
from posko.receipts import text as tx
from posko.receipts.fonts import BOLD, REGULAR
from posko.receipts.layout import (
    GREY,
    LIGHT_GREY,
    METRICS,
    Rule,
    header,
    page_count_canvas,
    para,
    render_sheet,
    styles_for,
)
from posko.receipts.recap import category_label, origin_label, status_label
from posko.receipts.settings import PaperSize

_MARGIN = 16 * mm
_TOP = 20 * mm
_BOTTOM = 20 * mm
_HEAD_FILL = colors.Color(0.92, 0.92, 0.92)

LABELS: dict[str, tuple[str, str]] = {
    "title": ("DATA PRIBADI YANG KAMI SIMPAN", "PERSONAL DATA WE HOLD"),
    "subtitle": ("Jawaban atas permintaan warga (UU PDP No. 27/2022 Pasal 32)",
                 "Answer to a citizen's request (Indonesian PDP Law 27/2022, art. 32)"),
    "band": ("RAHASIA — DATA PRIBADI. SERAHKAN HANYA KEPADA YANG BERSANGKUTAN.",
             "CONFIDENTIAL — PERSONAL DATA. HAND OVER ONLY TO THE PERSON CONCERNED."),
    "running": ("Data pribadi — permintaan {ref}", "Personal data — request {ref}"),
    "printed_by": ("Dicetak oleh {who} pada {when}", "Printed by {who} on {when}"),
    "page": ("Halaman {page} dari {pages}", "Page {page} of {pages}"),
    "sec_subject": ("Identitas seperti tersimpan", "Identity as stored"),
    "sec_summary": ("Ringkasan", "Summary"),
    "sec_ticket": ("Tiket {code}", "Ticket {code}"),
    "sec_history": ("Riwayat pemrosesan (log audit)", "Processing history (audit log)"),
    "names": ("Nama", "Names"),
    "phones": ("Nomor telepon", "Phone numbers"),
    "niks": ("NIK", "NIK"),
    "matched_by": ("Dicari menurut", "Searched by"),
    "match_nik": ("NIK", "NIK"),
    "match_phone": ("telepon", "phone"),
    "match_name": ("nama", "name"),
    "name_matching": ("Pencocokan nama", "Name matching"),
    "name_matching_text": ("sama persis setelah huruf besar/kecil, aksen, tanda baca dan "
                           "sapaan di depan (Ibu, Bpk., H., Hj., …) diabaikan",
                           "exact, ignoring case, accents, punctuation and a leading "
                           "honorific (Ibu, Bpk., H., Hj., …)"),
    "count_tickets": ("Tiket", "Tickets"),
    "count_reporter": ("sebagai pelapor", "as reporter"),
    "count_follow_ups": ("Tindak lanjut yang ditanyakan", "Follow-ups asked"),
    "count_audit": ("Baris riwayat pemrosesan", "Processing history rows"),
    "retention": ("Masa simpan setelah tiket ditutup", "Retention after a ticket is closed"),
    "days": ("{n} hari", "{n} days"),
    "none": ("-", "-"),
    "nothing": ("Tidak ada data tentang orang ini di meja ini.",
                "This desk holds no data about this person."),
    "role": ("Peran", "Role"),
    "role_reporter": ("Pelapor", "Reporter"),
    "role_requester": ("Penanya tindak lanjut", "Asked for a follow-up"),
    "status": ("Status", "Status"),
    "category": ("Kategori", "Category"),
    "origin": ("Asal", "Origin"),
    "created": ("Dibuat", "Created"),
    "closed": ("Ditutup", "Closed"),
    "address": ("Alamat", "Address"),
    "kelurahan": ("Kelurahan / RW / RT", "Kelurahan / RW / RT"),
    "description": ("Uraian", "Description"),
    "refs": ("Nomor aplikasi", "App numbers"),
    "reporter": ("Pelapor", "Reporter"),
    "contact": ("Dihubungi lewat", "Contact by"),
    "consent": ("Persetujuan", "Consent"),
    "yes": ("Ya", "Yes"),
    "no": ("Tidak", "No"),
    "erasure": ("Penghapusan", "Erasure"),
    "erase_allowed": ("dapat dihapus sekarang", "can be erased now"),
    "erase_open": ("menunggu: tiket masih berjalan", "waits: the ticket is still open"),
    "erase_retention": ("menunggu masa simpan, mulai {date}",
                        "waits for the retention period, from {date}"),
    "erase_unsent": ("menunggu {n} perubahan terkirim ke server",
                     "waits for {n} changes to reach the server"),
    "col_time": ("Waktu", "Time"),
    "col_what": ("Keterangan", "Details"),
    "col_by": ("Oleh", "By"),
    "col_action": ("Tindakan", "Action"),
    "col_ticket": ("Tiket", "Ticket"),
    "events": ("Riwayat status", "Status history"),
    "follow_ups": ("Tindak lanjut", "Follow-ups"),
    "notes": ("Catatan petugas", "Officers' notes"),
    "attachments": ("Lampiran", "Attachments"),
    "asked_by_you": ("ditanyakan oleh Anda ({name})", "asked by you ({name})"),
    "asked_by_other": ("ditanyakan orang lain", "asked by someone else"),
    "promise": ("janji: {text}", "promise: {text}"),
    "promise_by": ("paling lambat {date}", "by {date}"),
    "internal": ("internal", "internal"),
}


def t(key: str, language: str, **values: object) -> str:
    pair = LABELS[key]
    text = pair[1] if language == "en" else pair[0]
    return text.format(**values) if values else text


class _Page:
    def __init__(self, language: str, zone: tzinfo) -> None:
        self.language = language
        self.zone = zone
        self.styles = styles_for(METRICS[PaperSize.A4])
        for style in (self.styles.body, self.styles.label):
            style.fontSize = 9.5
            style.leading = 12
        self.styles.heading_left.fontSize = 12
        self.styles.heading_left.leading = 15
        self.cell = ParagraphStyle("cell", parent=self.styles.body, fontSize=8.5, leading=10.5,
                                   alignment=TA_LEFT)
        self.cell_bold = ParagraphStyle("cell_bold", parent=self.cell, fontName=BOLD)
        self.width = A4[0] - 2 * _MARGIN

    def t(self, key: str, **values: object) -> str:
        return t(key, self.language, **values)

    def when(self, iso: str | None) -> str:
        if not iso:
            return self.t("none")
        moment = datetime.fromisoformat(iso)
        here = tx.local(moment, self.zone)
        return f"{tx.format_short_date(here.date(), self.language)} {here:%H:%M}"

    def day(self, iso: str | None) -> str:
        if not iso:
            return self.t("none")
        return tx.format_short_date(datetime.fromisoformat(iso).date(), self.language)


def _table(rows: list[list[Any]], widths: Sequence[float], *, header_row: bool = True) -> Table:
    table = Table(rows, colWidths=list(widths), repeatRows=1 if header_row else 0,
                  splitInRow=1, hAlign="LEFT")
    style: list[tuple[Any, ...]] = [
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 3), ("RIGHTPADDING", (0, 0), (-1, -1), 3),
        ("TOPPADDING", (0, 0), (-1, -1), 2), ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
        ("LINEBELOW", (0, 0), (-1, -1), 0.25, LIGHT_GREY),
    ]
    if header_row:
        style += [("BACKGROUND", (0, 0), (-1, 0), _HEAD_FILL),
                  ("LINEBELOW", (0, 0), (-1, 0), 0.6, colors.black)]
    table.setStyle(TableStyle(style))
    return table


def _fields(rows: Sequence[tuple[str, str]], page: _Page) -> Table:
    return _table([[para(label, page.cell_bold), para(value, page.cell)]
                   for label, value in rows],
                  [page.width * 0.27, page.width * 0.73], header_row=False)


def _section(title: str, page: _Page) -> list[Flowable]:
    return [CondPageBreak(24 * mm), Spacer(1, 8), para(title, page.styles.heading_left),
            Rule(dashed=False, space=2, weight=0.8), Spacer(1, 2)]


def _sub(title: str, page: _Page) -> list[Flowable]:
    return [CondPageBreak(14 * mm), Spacer(1, 4), para(title, page.styles.label)]


def _subject(data: dict[str, Any], page: _Page) -> list[Flowable]:
    subject = data.get("subject") or {}
    none = page.t("none")
    rows = [
        (page.t("names"), "; ".join(subject.get("names") or []) or none),
        (page.t("phones"), "; ".join(subject.get("phones") or []) or none),
        (page.t("niks"), "; ".join(subject.get("niks") or []) or none),
    ]
    return [*_section(page.t("sec_subject"), page), _fields(rows, page)]


def _summary(data: dict[str, Any], page: _Page) -> list[Flowable]:
    counts = data.get("counts") or {}
    request = data.get("request") or {}
    matched = ", ".join(page.t(f"match_{k}") for k in request.get("matched_by") or [])
    rows = [
        (page.t("matched_by"), matched or page.t("none")),
        (page.t("name_matching"), page.t("name_matching_text")),
        (page.t("count_tickets"), f"{counts.get('tickets', 0)} "
         f"({counts.get('as_reporter', 0)} {page.t('count_reporter')})"),
        (page.t("count_follow_ups"), str(counts.get("follow_ups", 0))),
        (page.t("count_audit"), str(counts.get("audit_rows", 0))),
        (page.t("retention"), page.t("days", n=data.get("retention_days", 0))),
    ]
    flow = [*_section(page.t("sec_summary"), page), _fields(rows, page)]
    if not data.get("tickets"):
        flow += [Spacer(1, 6), para(page.t("nothing"), page.styles.body)]
    return flow


def _erasure_text(erasure: dict[str, Any], page: _Page) -> str:
    reason = erasure.get("reason")
    if erasure.get("allowed_now"):
        return page.t("erase_allowed")
    if reason == "retention":
        return page.t("erase_retention", date=page.day(erasure.get("allowed_from")))
    if reason == "unsent":
        return page.t("erase_unsent", n=erasure.get("unsent", 0))
    return page.t("erase_open")


def _ticket(ticket: dict[str, Any], page: _Page) -> list[Flowable]:
    language = page.language
    none = page.t("none")
    reporter_role = ticket.get("role") == "reporter"
    rows = [
        (page.t("role"), page.t("role_reporter" if reporter_role else "role_requester")),
        (page.t("status"), status_label(str(ticket.get("status")), language)),
        (page.t("category"), category_label(str(ticket.get("category")), language)),
        (page.t("origin"), origin_label(str(ticket.get("origin")), language)),
        (page.t("created"), page.when(ticket.get("created_at"))),
        (page.t("closed"), page.when(ticket.get("closed_at"))),
    ]
    if reporter_role:
        location = ticket.get("location") or {}
        place = " / ".join(str(v) for v in (location.get("kelurahan_code"), location.get("rw"),
                                            location.get("rt")) if v is not None)
        reporter = ticket.get("reporter") or {}
        who = "; ".join(str(v) for v in (reporter.get("name"), reporter.get("phone"),
                                         reporter.get("nik")) if v) or none
        rows += [
            (page.t("kelurahan"), place or none),
            (page.t("address"), str(location.get("address") or none)),
            (page.t("refs"), ", ".join(ticket.get("external_refs") or []) or none),
            (page.t("reporter"), who),
            (page.t("contact"), str(reporter.get("contact") or none)),
            (page.t("consent"), page.t("yes") if reporter.get("consent") else page.t("no")),
            (page.t("description"), tx.clean(str(ticket.get("description") or "")) or none),
        ]
    rows.append((page.t("erasure"), _erasure_text(ticket.get("erasure") or {}, page)))
    flow: list[Flowable] = [*_section(page.t("sec_ticket", code=ticket.get("tracking_code")),
                                      page), _fields(rows, page)]
    widths = [page.width * 0.2, page.width * 0.6, page.width * 0.2]
    head = [para(page.t("col_time"), page.cell_bold), para(page.t("col_what"), page.cell_bold),
            para(page.t("col_by"), page.cell_bold)]
    events = ticket.get("events") or []
    if events:
        body = [[para(page.when(e.get("at")), page.cell),
                 para(" — ".join(v for v in (status_label(str(e.get("status")), language),
                                             e.get("note") or "", e.get("agency") or "") if v),
                      page.cell),
                 para(str(e.get("actor") or ""), page.cell)] for e in events]
        flow += [*_sub(page.t("events"), page), _table([head, *body], widths)]
    follow_ups = ticket.get("follow_ups") or []
    if follow_ups:
        body = []
        for f in follow_ups:
            parts = [page.t("asked_by_you", name=f.get("requested_by") or "")
                     if f.get("asked_by_subject") else page.t("asked_by_other")]
            if f.get("promise"):
                parts.append(page.t("promise", text=f["promise"]))
            if f.get("promised_by"):
                parts.append(page.t("promise_by", date=page.day(f["promised_by"])))
            if f.get("note"):
                parts.append(str(f["note"]))
            body.append([para(page.when(f.get("asked_at")), page.cell),
                         para("; ".join(parts), page.cell),
                         para(str(f.get("officer") or ""), page.cell)])
        flow += [*_sub(page.t("follow_ups"), page), _table([head, *body], widths)]
    notes = ticket.get("notes") or []
    if notes:
        body = [[para(page.when(n.get("at")), page.cell),
                 para((f"({page.t('internal')}) " if n.get("internal") else "")
                      + str(n.get("text") or ""), page.cell),
                 para(str(n.get("officer") or ""), page.cell)] for n in notes]
        flow += [*_sub(page.t("notes"), page), _table([head, *body], widths)]
    attachments = ticket.get("attachments") or []
    if attachments:
        body = [[para(page.when(a.get("created_at")), page.cell),
                 para(f"{a.get('filename')} ({a.get('media_type')}, {a.get('size')} B)",
                      page.cell), para("", page.cell)] for a in attachments]
        flow += [*_sub(page.t("attachments"), page), _table([head, *body], widths)]
    return flow


def _history(data: dict[str, Any], page: _Page) -> list[Flowable]:
    rows = data.get("audit") or []
    head = [para(page.t(k), page.cell_bold)
            for k in ("col_time", "col_by", "col_action", "col_ticket", "col_what")]
    body = [[para(page.when(r.get("at")), page.cell), para(str(r.get("officer")), page.cell),
             para(str(r.get("action")), page.cell),
             para(str(r.get("tracking_code") or ""), page.cell),
             para(str(r.get("detail") or ""), page.cell)] for r in rows]
    w = page.width
    table = _table([head, *body], [w * 0.16, w * 0.14, w * 0.2, w * 0.17, w * 0.33])
    return [*_section(page.t("sec_history"), page), table]


def _canvas(language: str, running: str, footer: str) -> type[Canvas]:
    def decorate(canvas: Canvas, number: int, total: int) -> None:
        width, height = canvas._pagesize
        canvas.setFont(REGULAR, 8)
        canvas.setFillColor(GREY)
        canvas.setStrokeColor(LIGHT_GREY)
        if number > 1:
            canvas.drawString(_MARGIN, height - 12 * mm, running)
            canvas.line(_MARGIN, height - 13.5 * mm, width - _MARGIN, height - 13.5 * mm)
        canvas.line(_MARGIN, 14 * mm, width - _MARGIN, 14 * mm)
        canvas.drawString(_MARGIN, 10 * mm, footer)
        canvas.setFont(BOLD, 8)
        canvas.drawRightString(width - _MARGIN, 10 * mm,
                               t("page", language, page=number, pages=total))

    return page_count_canvas(decorate)


def build_data_export_pdf(data: dict[str, Any], *, language: str = "id",
                          timezone: tzinfo) -> bytes:
    """The export document `data` (posko.store.data_request.EXPORT_FORMAT) as A4 PDF bytes."""
    if language not in ("id", "en"):
        raise PoskoError("Bahasa ekspor harus 'id' atau 'en'.",
                         "The export language must be 'id' or 'en'.", code="invalid_language")
    page = _Page(language, timezone)
    styles = page.styles
    flow: list[Flowable] = header(str(data.get("kecamatan_code", "")), language, PaperSize.A4,
                                  styles, METRICS[PaperSize.A4], tx.t("posko", language))
    band = Table([[para(page.t("band"), ParagraphStyle(
        "band", parent=styles.label, textColor=colors.white, alignment=1))]],
        colWidths=[page.width])
    band.setStyle(TableStyle([("BACKGROUND", (0, 0), (-1, -1), colors.black),
                              ("TOPPADDING", (0, 0), (-1, -1), 3),
                              ("BOTTOMPADDING", (0, 0), (-1, -1), 4)]))
    flow += [Rule(dashed=False), para(page.t("title"), styles.title),
             para(page.t("subtitle"), styles.body_center), Spacer(1, 4), band]
    flow += _subject(data, page)
    flow += _summary(data, page)
    for ticket in data.get("tickets") or []:
        flow += _ticket(ticket, page)
    flow += _history(data, page)
    reference = str((data.get("request") or {}).get("uuid", ""))[:8]
    who = tx.truncate(tx.clean(str(data.get("generated_by") or "")), 60) or "-"
    generated = data.get("generated_at")
    when = (tx.format_datetime(datetime.fromisoformat(generated), timezone, language)
            if generated else "-")
    footer = t("printed_by", language, who=who, when=when)
    running = t("running", language, ref=reference)
    return render_sheet(flow, A4, _MARGIN, running, canvasmaker=_canvas(language, running,
                                                                         footer),
                        top_margin=_TOP, bottom_margin=_BOTTOM)


__all__ = ["build_data_export_pdf"]
