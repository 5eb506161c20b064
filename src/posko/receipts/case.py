"""The case printout (berkas kasus): one ticket's whole file on A4, for the kecamatan's own
records, a supervisor's review or a meeting with an agency.

Every field, every external reference, the whole timeline (status changes, notes, chases
and supporters, each with who and when), the follow-ups with their promised dates, the SLA
tiers with deadlines and overdue state, photos as thumbnails, page numbers ("Halaman 1 dari
3") and a "Dicetak oleh … pada …" footer on every page. Long descriptions and timelines flow
over as many pages as they need.

Personal data follows the domain's rules: an anonymous reporter is "Anonim" here, as on every
paper except the citizen's own receipt (no name, phone or NIK, not even masked); a named
reporter's NIK is masked and the phone shows its last four digits only. Internal notes are
printed only when asked (`include_internal_notes`).

The content comes from :func:`posko.store.case_file.case_snapshot`; this module only lays it
out (it imports the store's value types for type checking only).
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, tzinfo
from typing import TYPE_CHECKING, Any

from reportlab.lib import colors
from reportlab.lib.enums import TA_LEFT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import CondPageBreak, Flowable, Image, Spacer, Table, TableStyle

from posko.domain.errors import PoskoError
from posko.domain.models import ContactPreference, EventSource, FollowUp, ReporterKind
from posko.receipts import text as tx
from posko.receipts.fonts import BOLD, REGULAR
from posko.receipts.layout import (
    GREY,
    LIGHT_GREY,
    METRICS,
    Rule,
    Styles,
    esc,
    header,
    kecamatan_lines,
    page_count_canvas,
    para,
    render_sheet,
    styles_for,
)
from posko.receipts.recap import category_label, kelurahan_label, origin_label, status_label
from posko.receipts.receipt import masked_nik, masked_phone
from posko.receipts.settings import PaperSize

if TYPE_CHECKING:
    from posko.store.case_file import CaseFile, CasePhoto, CaseSla

_MARGIN = 16 * mm
_TOP = 20 * mm
_BOTTOM = 20 * mm
_RED = colors.Color(0.69, 0.0, 0.125)  # #b00020, the desk's overdue colour
_HEAD_FILL = colors.Color(0.92, 0.92, 0.92)
#: Thumbnails: at most this box on paper, and this many pixels on the long side in the PDF
#: (about 300 dpi at 50 mm: a sharp print, a PDF of tens of kB per photo, not megabytes).
_THUMB_WIDTH = 52 * mm
_THUMB_HEIGHT = 42 * mm
_THUMB_PIXELS = 640
_PHOTOS_PER_ROW = 3
_PRINTED_BY_LIMIT = 60

#: Texts of the case printout: key -> (Bahasa, English); keys not here come from
#: posko.receipts.text.LABELS.
LABELS: dict[str, tuple[str, str]] = {
    "case_title": ("BERKAS KASUS PENGADUAN", "COMPLAINT CASE FILE"),
    "case_running": ("Berkas kasus {code}", "Case file {code}"),
    "case_as_of": ("Keadaan per {when}", "As of {when}"),
    "case_overdue": ("LEWAT TENGGAT SLA", "PAST THE SLA DEADLINE"),
    "case_internal": ("MEMUAT CATATAN INTERNAL — HANYA UNTUK KECAMATAN",
                      "CONTAINS INTERNAL NOTES — KECAMATAN USE ONLY"),
    "printed_by": ("Dicetak oleh {who} pada {when}", "Printed by {who} on {when}"),
    "sec_complaint": ("Data pengaduan", "Complaint"),
    "sec_reporter": ("Pelapor", "Reporter"),
    "sec_description": ("Uraian", "Description"),
    "sec_sla": ("Tenggat SLA", "SLA deadlines"),
    "sec_followups": ("Tindak lanjut dan janji", "Follow-ups and promises"),
    "sec_timeline": ("Riwayat lengkap", "Full timeline"),
    "sec_photos": ("Foto dan lampiran", "Photos and attachments"),
    "origin": ("Asal", "Origin"),
    "received": ("Diterima", "Received"),
    "received_by": ("{when} oleh {who}", "{when} by {who}"),
    "updated": ("Terakhir diperbarui", "Last updated"),
    "map_point": ("Titik peta", "Map point"),
    "field_check": ("Perlu cek lapangan", "Field check needed"),
    "yes": ("Ya", "Yes"),
    "no": ("Tidak", "No"),
    "contact": ("Dihubungi lewat", "Contact by"),
    "contact_phone": ("Telepon", "Phone"),
    "contact_sms": ("SMS", "SMS"),
    "contact_whatsapp": ("WhatsApp", "WhatsApp"),
    "contact_none": ("Tidak perlu dihubungi", "No contact wanted"),
    "consent": ("Persetujuan pelapor", "Reporter's consent"),
    "consent_yes": ("Ya, dicatat", "Yes, recorded"),
    "consent_no": ("Tidak dicatat", "Not recorded"),
    "anonymous_short": ("Anonim", "Anonymous"),
    "col_time": ("Waktu ({zone})", "Time ({zone})"),
    "col_kind": ("Jenis", "Type"),
    "col_detail": ("Keterangan", "Details"),
    "col_by": ("Oleh", "By"),
    "col_stage": ("Tahap", "Stage"),
    "col_rule": ("Ketentuan", "Rule"),
    "col_deadline": ("Tenggat", "Deadline"),
    "col_state": ("Keadaan", "State"),
    "col_asked": ("Ditanyakan", "Asked"),
    "col_asked_by": ("Penanya", "Asked by"),
    "kind_status": ("Status", "Status"),
    "kind_note": ("Catatan", "Note"),
    "kind_internal_note": ("Catatan internal", "Internal note"),
    "kind_chase": ("Tindak lanjut", "Follow-up"),
    "source_desk": ("Meja", "Desk"),
    "source_server": ("Server kota", "City server"),
    "source_agency": ("Instansi", "Agency"),
    "source_citizen": ("Warga", "Citizen"),
    "passed_to": ("diteruskan ke {agency}", "passed to {agency}"),
    "merged_into": ("digabung ke {code}", "merged into {code}"),
    "kind_merge": ("Penggabungan", "Merge"),
    "merge_in": ("Tiket {code} digabung ke tiket ini", "Ticket {code} was merged into this one"),
    "merge_undone": ("Penggabungan tiket {code} dibatalkan", "Merge of ticket {code} undone"),
    "asked_by": ("Ditanyakan oleh {name}", "Asked by {name}"),
    "asked_by_citizen": ("Ditanyakan oleh warga", "Asked by a citizen"),
    "reporter_anonymous": ("pelapor (anonim)", "the reporter (anonymous)"),
    "promise_line": ("Janji: {promise}", "Promise: {promise}"),
    "promise_by": ("paling lambat {date}", "by {date}"),
    "promise_missed": ("TERLEWATI", "MISSED"),
    "calendar_days": ("{n} hari kalender", "{n} calendar days"),
    "hours": ("{n} jam", "{n} hours"),
    "sla_overdue": ("LEWAT TENGGAT", "OVERDUE"),
    "sla_overdue_days": ("LEWAT TENGGAT {n} hari kerja", "OVERDUE by {n} working days"),
    "sla_met": ("terpenuhi {date}", "met {date}"),
    "sla_met_late": ("terpenuhi {date}, terlambat", "met {date}, late"),
    "sla_closed": ("tiket sudah ditutup", "ticket closed"),
    "sla_left": ("sisa {n} hari kerja", "{n} working days left"),
    "sla_due_today": ("hari ini tenggat terakhir", "due today"),
    "internal_left_out": ("{n} catatan internal tidak disertakan.",
                          "{n} internal notes not included."),
    "photo_missing": ("{name} — berkas tidak ada di folder data; pulihkan folder "
                      "'attachments' dari cadangan.",
                      "{name} — the file is missing from the data folder; restore the "
                      "'attachments' folder from a backup."),
    "photo_damaged": ("{name} — berkas rusak (isi tidak cocok dengan sidiknya).",
                      "{name} — the file is damaged (its content does not match its hash)."),
    "photo_unreadable": ("{name} — gambar tidak dapat ditampilkan.",
                         "{name} — the picture cannot be shown."),
    "attachment_line": ("{name} ({kind}, {size})", "{name} ({kind}, {size})"),
}


def t(key: str, language: str, **values: object) -> str:
    """The case printout's label `key` (or a receipt label) in `language`."""
    pair = LABELS.get(key)
    if pair is None:
        return tx.t(key, language, **values)
    text = pair[1] if language == "en" else pair[0]
    return text.format(**values) if values else text


# --------------------------------------------------------------------------- small helpers


@dataclass(frozen=True, slots=True)
class _Page:
    """What every block needs: language, time zone, styles and the text width."""

    language: str
    zone: tzinfo
    styles: Styles
    cell: ParagraphStyle  # table text
    cell_bold: ParagraphStyle
    cell_small: ParagraphStyle
    width: float

    def t(self, key: str, **values: object) -> str:
        return t(key, self.language, **values)

    def stamp(self, moment: datetime) -> str:
        """``28 Nov 2026 09:15`` in the desk's time zone (the zone is in the column head)."""
        here = tx.local(moment, self.zone)
        return f"{tx.format_short_date(here.date(), self.language)} {here:%H:%M}"


def _clean(text: str | None) -> str:
    return tx.clean(text)


def _table(rows: list[list[Any]], widths: Sequence[float], *, header_row: bool = True,
           extra: Sequence[tuple[Any, ...]] = ()) -> Table:
    """A ruled table that repeats its head on every page and may split inside a tall row
    (a very long note never overflows a page)."""
    table = Table(rows, colWidths=list(widths), repeatRows=1 if header_row else 0,
                  splitInRow=1, hAlign="LEFT")
    style: list[tuple[Any, ...]] = [
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 3),
        ("RIGHTPADDING", (0, 0), (-1, -1), 3),
        ("TOPPADDING", (0, 0), (-1, -1), 2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
        ("LINEBELOW", (0, 0), (-1, -1), 0.25, LIGHT_GREY),
    ]
    if header_row:
        style += [("BACKGROUND", (0, 0), (-1, 0), _HEAD_FILL),
                  ("LINEBELOW", (0, 0), (-1, 0), 0.6, colors.black)]
    style += list(extra)
    table.setStyle(TableStyle(style))
    return table


def _section(title: str, page: _Page) -> list[Flowable]:
    # A heading never sits alone at the foot of a page.
    return [CondPageBreak(24 * mm), Spacer(1, 8), para(title, page.styles.heading_left),
            Rule(dashed=False, space=2, weight=0.8), Spacer(1, 2)]


def _fields(rows: Sequence[tuple[str, str]], page: _Page) -> Table:
    data = [[para(label, page.cell_bold), para(value, page.styles.body, markup=True)]
            for label, value in rows]
    return _table(data, [page.width * 0.27, page.width * 0.73], header_row=False)


def _size(size: int) -> str:
    if size >= 1024 * 1024:
        return f"{size / (1024 * 1024):.1f} MB"
    return f"{max(1, size // 1024)} kB"


def _rule_text(line: CaseSla, language: str) -> str:
    if line.unit == "working_days":
        return t("working_days", language, n=line.amount)
    if line.unit == "calendar_days":
        return t("calendar_days", language, n=line.amount)
    return t("hours", language, n=line.amount)


# --------------------------------------------------------------------------- blocks


def _top(case: CaseFile, page: _Page, include_internal_notes: bool) -> list[Flowable]:
    ticket = case.ticket
    styles = page.styles
    flow: list[Flowable] = header(case.kecamatan_code, page.language, PaperSize.A4, styles,
                                  METRICS[PaperSize.A4], page.t("posko"))
    flow += [Rule(dashed=False), para(page.t("case_title"), styles.title), Spacer(1, 6)]
    status_style = ParagraphStyle("case_status", parent=styles.body, alignment=2)  # right
    status = status_label(ticket.status, page.language)
    as_of = tx.format_datetime(case.as_of, page.zone, page.language)
    right = (f"<b>{esc(page.t('current_status'))}: {esc(status)}</b><br/>"
             f"<font size=\"8\" color=\"#595959\">{esc(page.t('case_as_of', when=as_of))}"
             "</font>")
    top = Table([[para(f"{esc(page.t('tracking_code'))}<br/>"
                       f"<font name=\"{BOLD}\" size=\"22\">{esc(ticket.tracking_code)}</font>",
                       ParagraphStyle("code_block", parent=styles.small, leading=26,
                                      textColor=colors.black), markup=True),
                  para(right, status_style, markup=True)]],
                colWidths=[page.width * 0.5, page.width * 0.5])
    top.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
                             ("LEFTPADDING", (0, 0), (-1, -1), 0),
                             ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                             ("BOTTOMPADDING", (0, 0), (-1, -1), 2)]))
    flow.append(top)
    bands: list[tuple[str, colors.Color]] = []
    if case.overdue:
        bands.append((page.t("case_overdue"), _RED))
    if include_internal_notes:
        bands.append((page.t("case_internal"), colors.black))
    for text, colour in bands:
        band = Table([[para(text, ParagraphStyle("band", parent=styles.label,
                                                 textColor=colors.white, alignment=1))]],
                     colWidths=[page.width])
        band.setStyle(TableStyle([("BACKGROUND", (0, 0), (-1, -1), colour),
                                  ("TOPPADDING", (0, 0), (-1, -1), 3),
                                  ("BOTTOMPADDING", (0, 0), (-1, -1), 4)]))
        flow += [Spacer(1, 4), band]
    return flow


def _location(case: CaseFile) -> str:
    loc = case.ticket.location
    place = kelurahan_label(loc.kelurahan_code)
    parts = [place]
    if loc.rw is not None:
        parts.append(f"RW\u00a0{loc.rw:03d}")
    if loc.rt is not None:
        parts.append(f"RT\u00a0{loc.rt:03d}")
    return ", ".join(parts)


def _complaint(case: CaseFile, page: _Page) -> list[Flowable]:
    ticket = case.ticket
    language = page.language
    none = page.t("none")
    officer = case.officer_label(ticket.officer) if ticket.officer else none
    # The tracking code and the current status head the first page (and the code every
    # other page): not repeated here.
    rows = [
        (page.t("origin"), esc(origin_label(ticket.origin.value, language))),
        (page.t("category"), esc(category_label(ticket.category, language))),
        (page.t("location"), esc(_location(case))),
        (page.t("address"), esc(_clean(ticket.location.address) or none)),
    ]
    loc = ticket.location
    if loc.latitude is not None and loc.longitude is not None:
        rows.append((page.t("map_point"), f"{loc.latitude:.6f}, {loc.longitude:.6f}"))
    rows += [
        (page.t("field_check"), page.t("yes") if ticket.needs_field_check else page.t("no")),
        (page.t("received"), esc(page.t("received_by", when=tx.format_datetime(
            ticket.created_at, page.zone, language), who=_clean(officer)))),
        (page.t("updated"), esc(tx.format_datetime(ticket.updated_at, page.zone, language))),
        (page.t("app_refs"),
         "<br/>".join(f"<b>{esc(str(ref))}</b>" for ref in ticket.external_refs) or none),
    ]
    return [*_section(page.t("sec_complaint"), page), _fields(rows, page)]


_CONTACT_KEYS = {
    ContactPreference.PHONE: "contact_phone",
    ContactPreference.SMS: "contact_sms",
    ContactPreference.WHATSAPP: "contact_whatsapp",
    ContactPreference.NONE: "contact_none",
}


def _reporter(case: CaseFile, page: _Page) -> list[Flowable]:
    ticket = case.ticket
    reporter = ticket.reporter
    language = page.language
    rows: list[tuple[str, str]]
    if reporter.kind is ReporterKind.ANONYMOUS:
        # Nothing of who they are: not the name, not even a masked phone or NIK.
        rows = [(page.t("reporter"), esc(page.t("anonymous")))]
    elif reporter.kind is ReporterKind.KECAMATAN:
        rows = [(page.t("reporter"), esc(page.t("kecamatan_reporter")))]
    else:
        rows = [
            (page.t("reporter"), esc(_clean(reporter.name) or page.t("none"))),
            (page.t("nik"), esc(masked_nik(reporter.nik, language))),
            (page.t("phone"), esc(masked_phone(reporter.phone, language))),
            (page.t("contact"), esc(page.t(_CONTACT_KEYS[reporter.contact]))),
        ]
    rows.append((page.t("consent"),
                 page.t("consent_yes") if ticket.consent else page.t("consent_no")))
    return [*_section(page.t("sec_reporter"), page), _fields(rows, page)]


def _description(case: CaseFile, page: _Page) -> list[Flowable]:
    flow = _section(page.t("sec_description"), page)
    paragraphs = [_clean(p) for p in case.ticket.description.splitlines()]
    for text in filter(None, paragraphs):
        flow += [para(text, page.styles.body), Spacer(1, 3)]
    return flow


def _sla_state(line: CaseSla, case: CaseFile, page: _Page) -> str:
    language = page.language
    if line.overdue:
        text = (page.t("sla_overdue_days", n=line.working_days_late) if line.working_days_late
                else page.t("sla_overdue"))
        return f"<font color=\"#b00020\"><b>{esc(text)}</b></font>"
    if line.met_at is not None:
        when = tx.format_short_date(line.met_at.date(), language)
        key = "sla_met_late" if line.met_late else "sla_met"
        return esc(page.t(key, date=when))
    if not case.ticket.status.is_open:
        return esc(page.t("sla_closed"))
    if line.working_days_left > 0:
        return esc(page.t("sla_left", n=line.working_days_left))
    return esc(page.t("sla_due_today"))


def _sla(case: CaseFile, page: _Page) -> list[Flowable]:
    flow = _section(page.t("sec_sla"), page)
    if not case.sla:
        return [*flow, para(page.t("recap_none"), page.styles.small)]
    rows: list[list[Any]] = [[para(page.t(k), page.cell_bold) for k in
                              ("col_stage", "col_rule", "col_deadline", "col_state")]]
    extra: list[tuple[Any, ...]] = []
    for index, line in enumerate(case.sla, start=1):
        due = tx.format_datetime(line.due, page.zone, page.language)
        if line.unit != "hours":  # the end of the day: the date says it all
            due = tx.format_date(line.due.date(), page.language)
        rows.append([para(line.label(page.language), page.cell),
                     para(_rule_text(line, page.language), page.cell),
                     para(due, page.cell),
                     para(_sla_state(line, case, page), page.cell, markup=True)])
        if line.overdue:
            extra.append(("LINEBEFORE", (0, index), (0, index), 2.5, _RED))
    widths = [page.width * w for w in (0.30, 0.16, 0.26, 0.28)]
    return [*flow, _table(rows, widths, extra=extra)]


def _promise_missed(follow_up: FollowUp, case: CaseFile) -> bool:
    return (follow_up.promised_by is not None and case.ticket.status.is_open
            and follow_up.promised_by < case.as_of.date())


def _asked_by(follow_up: FollowUp, case: CaseFile, page: _Page) -> str:
    """Who asked. On an anonymous complaint, a chase by the reporter themself (same name)
    must not name them: the case file would undo the anonymity."""
    name = _clean(follow_up.requested_by)
    reporter = case.ticket.reporter
    if (name and reporter.kind is ReporterKind.ANONYMOUS and reporter.name
            and name.casefold() == _clean(reporter.name).casefold()):
        return page.t("reporter_anonymous")
    return name


def _follow_ups(case: CaseFile, page: _Page) -> list[Flowable]:
    flow = _section(page.t("sec_followups"), page)
    if not case.follow_ups:
        return [*flow, para(page.t("recap_none"), page.styles.small)]
    rows: list[list[Any]] = [[para(page.t(k), page.cell_bold) for k in
                              ("col_asked", "col_asked_by", "col_officer", "col_promise",
                               "col_promised_by")]]
    for follow_up in case.follow_ups:
        by = page.t("none")
        if follow_up.promised_by is not None:
            by = esc(tx.format_short_date(follow_up.promised_by, page.language))
            if _promise_missed(follow_up, case):
                by += f"<br/><font color=\"#b00020\"><b>{esc(page.t('promise_missed'))}</b></font>"
        promise = esc(_clean(follow_up.promise) or page.t("none"))
        if follow_up.note:
            promise += f"<br/><font color=\"#595959\">{esc(_clean(follow_up.note))}</font>"
        rows.append([para(page.stamp(follow_up.asked_at), page.cell),
                     para(_asked_by(follow_up, case, page) or page.t("none"), page.cell),
                     para(case.officer_label(follow_up.officer), page.cell),
                     para(promise, page.cell, markup=True),
                     para(by, page.cell, markup=True)])
    widths = [page.width * w for w in (0.18, 0.17, 0.18, 0.31, 0.16)]
    return [*flow, _table(rows, widths)]


def _zone(case: CaseFile) -> str:
    return tx.zone_abbreviation(tx.local(case.as_of, case.timezone))


@dataclass(frozen=True, slots=True)
class _Entry:
    at: datetime
    order: int  # same instant: status, then chase, then note
    kind: str
    detail: str  # markup
    who: str  # markup


def _timeline_entries(case: CaseFile, page: _Page,
                      include_internal_notes: bool) -> list[_Entry]:
    language = page.language
    entries: list[_Entry] = []
    sources = {source: page.t(f"source_{source.value}") for source in EventSource}
    small = "<font size=\"7\" color=\"#595959\">{}</font>"
    for event in case.events:
        text = f"<b>{esc(status_label(event.status, language))}</b>"
        if event.agency:
            text += " — " + esc(page.t("passed_to", agency=_clean(event.agency)))
        if event.merged_into:
            text += " — " + esc(page.t("merged_into", code=case.merge_code(event.merged_into)))
        if event.note:
            text += ": " + esc(_clean(event.note))
        who = esc(case.officer_label(_clean(event.actor)) or page.t("none"))
        who += "<br/>" + small.format(esc(sources[event.source]))
        entries.append(_Entry(event.at, 0, page.t("kind_status"), text, who))
    for follow_up in case.follow_ups:
        name = _asked_by(follow_up, case, page)
        text = esc(page.t("asked_by", name=name) if name else page.t("asked_by_citizen"))
        if follow_up.note:
            text += ": " + esc(_clean(follow_up.note))
        if follow_up.promise or follow_up.promised_by:
            promise = page.t("promise_line", promise=_clean(follow_up.promise)
                             or page.t("none"))
            if follow_up.promised_by is not None:
                promise += " (" + page.t("promise_by", date=tx.format_short_date(
                    follow_up.promised_by, language)) + ")"
            text += f"<br/><b>{esc(promise)}</b>"
        who = esc(case.officer_label(follow_up.officer) or page.t("none"))
        who += "<br/>" + small.format(esc(sources[EventSource.DESK]))
        entries.append(_Entry(follow_up.asked_at, 1, page.t("kind_chase"), text, who))
    for note in case.notes:
        if note.internal and not include_internal_notes:
            continue
        kind = page.t("kind_internal_note" if note.internal else "kind_note")
        who = esc(case.officer_label(note.officer) or page.t("none"))
        who += "<br/>" + small.format(esc(sources[EventSource.DESK]))
        entries.append(_Entry(note.at, 2, kind, esc(_clean(note.text)), who))
    entries += _merge_entries(case, page, sources[EventSource.DESK])
    entries.sort(key=lambda e: (e.at, e.order))
    return entries


def _merge_entries(case: CaseFile, page: _Page, desk: str) -> list[_Entry]:
    """On the survivor: one line per ticket merged into it (and one per undo). A merge the
    server refused never happened there and is not printed."""
    entries: list[_Entry] = []
    small = "<font size=\"7\" color=\"#595959\">{}</font>"
    for record in case.merges:
        if record.survivor_uuid != case.ticket.uuid or record.state == "refused":
            continue
        for uuid, code in zip(record.merged_uuids, record.merged_codes, strict=False):
            text = esc(page.t("merge_in", code=code or uuid))
            if record.note:
                text += ": " + esc(_clean(record.note))
            who = esc(case.officer_label(record.officer) or page.t("none"))
            entries.append(_Entry(record.at, 0, page.t("kind_merge"), text,
                                  who + "<br/>" + small.format(esc(desk))))
            if record.undone_at is not None:
                who = esc(case.officer_label(record.undone_by or "") or page.t("none"))
                entries.append(_Entry(record.undone_at, 0, page.t("kind_merge"),
                                      esc(page.t("merge_undone", code=code or uuid)),
                                      who + "<br/>" + small.format(esc(desk))))
    return entries


def _timeline(case: CaseFile, page: _Page, include_internal_notes: bool) -> list[Flowable]:
    flow = _section(page.t("sec_timeline"), page)
    entries = _timeline_entries(case, page, include_internal_notes)
    if entries:
        rows: list[list[Any]] = [[para(page.t(k, zone=_zone(case)), page.cell_bold) for k in
                                  ("col_time", "col_kind", "col_detail", "col_by")]]
        for entry in entries:
            rows.append([para(page.stamp(entry.at), page.cell),
                         para(entry.kind, page.cell),
                         para(entry.detail, page.cell, markup=True),
                         para(entry.who, page.cell, markup=True)])
        widths = [page.width * w for w in (0.18, 0.13, 0.46, 0.23)]
        flow.append(_table(rows, widths))
    else:
        flow.append(para(page.t("recap_none"), page.styles.small))
    hidden = case.internal_note_count if not include_internal_notes else 0
    if hidden:
        flow += [Spacer(1, 3), para(page.t("internal_left_out", n=hidden), page.styles.small)]
    return flow


def thumbnail(photo: CasePhoto, max_width: float = _THUMB_WIDTH,
              max_height: float = _THUMB_HEIGHT) -> Image | None:
    """The photo scaled down into a `max_width` x `max_height` box (points), re-encoded as a
    small JPEG; None when the file is gone or is not a picture Pillow can read."""
    if photo.path is None or not photo.is_image:
        return None
    try:
        from PIL import Image as PILImage
        from PIL import ImageOps

        with PILImage.open(photo.path) as opened:
            picture = ImageOps.exif_transpose(opened)  # phone photos lie on their side
            picture.thumbnail((_THUMB_PIXELS, _THUMB_PIXELS))
            if picture.mode != "RGB":
                picture = picture.convert("RGB")
            buffer = io.BytesIO()
            picture.save(buffer, "JPEG", quality=82)
            width, height = picture.size
    except Exception:  # any unreadable or hostile file: a placeholder line, never a crash
        return None
    scale = min(max_width / max(width, 1), max_height / max(height, 1))
    buffer.seek(0)
    return Image(buffer, width=width * scale, height=height * scale)


def _photos(case: CaseFile, page: _Page) -> list[Flowable]:
    if not case.photos:
        return []
    flow = _section(page.t("sec_photos"), page)
    cells: list[list[Flowable]] = []
    lines: list[str] = []
    for photo in case.photos:
        name = _clean(photo.filename)
        if photo.problem:
            lines.append(page.t(f"photo_{photo.problem}", name=name))
            continue
        if not photo.is_image:
            lines.append(page.t("attachment_line", name=name, kind=photo.media_type,
                                size=_size(photo.size)))
            continue
        image = thumbnail(photo)
        if image is None:
            lines.append(page.t("photo_unreadable", name=name))
            continue
        caption = f"{name}<br/>{esc(page.stamp(photo.added_at))} · {_size(photo.size)}"
        cells.append([image, Spacer(1, 2), para(caption, page.cell_small, markup=True)])
    if cells:
        column = page.width / _PHOTOS_PER_ROW
        grid: list[list[Any]] = []
        for start in range(0, len(cells), _PHOTOS_PER_ROW):
            row: list[Any] = list(cells[start:start + _PHOTOS_PER_ROW])
            row += [""] * (_PHOTOS_PER_ROW - len(row))
            grid.append(row)
        table = Table(grid, colWidths=[column] * _PHOTOS_PER_ROW, hAlign="LEFT")
        table.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"),
                                   ("LEFTPADDING", (0, 0), (-1, -1), 0),
                                   ("RIGHTPADDING", (0, 0), (-1, -1), 6),
                                   ("TOPPADDING", (0, 0), (-1, -1), 2),
                                   ("BOTTOMPADDING", (0, 0), (-1, -1), 8)]))
        flow.append(table)
    for line in lines:
        flow.append(para(f"▢ {line}", page.styles.small))
    return flow


# --------------------------------------------------------------------------- pages


def _case_canvas(language: str, running: str, kecamatan: str, footer: str) -> type[Canvas]:
    """Every page gets "Halaman X dari Y" and the "Dicetak oleh … pada …" footer, pages
    after the first a running head with the tracking code."""

    def decorate(canvas: Canvas, page: int, total: int) -> None:
        width, height = canvas._pagesize
        canvas.setFont(REGULAR, 8)
        canvas.setFillColor(GREY)
        canvas.setStrokeColor(LIGHT_GREY)
        if page > 1:
            canvas.drawString(_MARGIN, height - 12 * mm, running)
            canvas.drawRightString(width - _MARGIN, height - 12 * mm, kecamatan)
            canvas.line(_MARGIN, height - 13.5 * mm, width - _MARGIN, height - 13.5 * mm)
        canvas.line(_MARGIN, 14 * mm, width - _MARGIN, 14 * mm)
        canvas.drawString(_MARGIN, 10 * mm, footer)
        canvas.setFont(BOLD, 8)
        canvas.drawRightString(width - _MARGIN, 10 * mm,
                               tx.t("recap_page", language, page=page, pages=total))

    return page_count_canvas(decorate)


def build_case_pdf(case_data: CaseFile, *, lang: str = "id", printed_by: str,
                   printed_at: datetime, include_internal_notes: bool = False) -> bytes:
    """The case file of one ticket as an A4 PDF (bytes), in Bahasa Indonesia (`lang` "id",
    the default) or English ("en"). `printed_by` (the officer's name) and `printed_at` go
    into the footer of every page; internal notes are printed only with
    `include_internal_notes`."""
    if lang not in ("id", "en"):
        raise PoskoError("Bahasa berkas kasus harus 'id' atau 'en'.",
                         "The case file language must be 'id' or 'en'.",
                         code="invalid_language")
    case = case_data
    metrics = METRICS[PaperSize.A4]
    styles = styles_for(metrics)
    for style in (styles.body, styles.label):
        style.fontSize = 9.5
        style.leading = 12
    styles.small.fontSize = 8
    styles.small.leading = 10
    styles.heading_left.fontSize = 12
    styles.heading_left.leading = 15
    cell = ParagraphStyle("cell", parent=styles.body, fontSize=8.5, leading=10.5,
                          alignment=TA_LEFT)
    page = _Page(
        language=lang, zone=case.timezone, styles=styles, cell=cell,
        cell_bold=ParagraphStyle("cell_bold", parent=cell, fontName=BOLD),
        cell_small=ParagraphStyle("cell_small", parent=cell, fontSize=7.5, leading=9,
                                  textColor=GREY),
        width=A4[0] - 2 * _MARGIN,
    )
    flow = _top(case, page, include_internal_notes)
    flow += _complaint(case, page)
    flow += _reporter(case, page)
    flow += _description(case, page)
    flow += _sla(case, page)
    flow += _follow_ups(case, page)
    flow += _timeline(case, page, include_internal_notes)
    flow += _photos(case, page)

    code = case.ticket.tracking_code
    who = tx.truncate(_clean(printed_by), _PRINTED_BY_LIMIT) or t("none", lang)
    footer = t("printed_by", lang, who=who,
               when=tx.format_datetime(printed_at, case.timezone, lang))
    kecamatan, _wider = kecamatan_lines(case.kecamatan_code, lang)
    canvas = _case_canvas(lang, t("case_running", lang, code=code), kecamatan, footer)
    title = t("case_running", lang, code=code)
    return render_sheet(flow, A4, _MARGIN, title, canvasmaker=canvas, top_margin=_TOP,
                        bottom_margin=_BOTTOM)
