"""The tanda terima: the receipt every walk-in takes home, and the chase receipt.

Personal data on paper follows the domain's rules: the NIK only ever masked
(:func:`posko.domain.nik.mask_nik`), the phone masked except its last four digits
(:func:`posko.domain.phone.mask_phone`). A chase receipt names who asked, not the original
reporter: the person chasing an app ticket is not always the one who sent it.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime

from reportlab.platypus import Flowable, Spacer, Table, TableStyle

from posko import catalogues
from posko.domain.errors import PoskoError
from posko.domain.models import FollowUp, ReporterKind, StatusEvent, Ticket
from posko.domain.nik import mask_nik
from posko.domain.phone import mask_phone
from posko.domain.sla import SlaTier, default_calendar, default_policy, tier_due
from posko.receipts import text as tx
from posko.receipts.layout import (
    METRICS,
    Banner,
    BigCode,
    Metrics,
    Rule,
    Styles,
    boxed,
    esc,
    field_rows,
    fits,
    header,
    para,
    render_roll,
    render_sheet,
    sheet_size,
    signature_block,
    styles_for,
    watermark,
)
from posko.receipts.qr import qr_flowable, qr_payload
from posko.receipts.settings import PaperSize, ReceiptSettings

_DEFAULT_SETTINGS = ReceiptSettings()
PROMISE_TIER = "verification"


@dataclass(frozen=True, slots=True)
class Promise:
    """The SLA promise printed on a receipt: "Verifikasi paling lambat: <date>"."""

    label: str  # "Verifikasi"
    due: datetime  # end of the last day, in the desk's time zone
    tier: SlaTier

    @property
    def due_date(self) -> date:
        return self.due.date()


def promise_for(ticket: Ticket, settings: ReceiptSettings = _DEFAULT_SETTINGS) -> Promise:
    """The first-response promise of `ticket`, counted in the desk's working days.

    The count starts from the day the complaint was received *in the desk's time zone* (a
    complaint typed at 06:30 WIB on Saturday is Friday in UTC). The "verification" tier of the
    policy when it has one, else its first tier that applies to this ticket.
    """
    policy = settings.policy or default_policy()
    calendar = settings.calendar or default_calendar()
    tiers = policy.applicable(ticket.needs_field_check)
    if not tiers:
        raise PoskoError(
            "Kebijakan SLA tidak memiliki tingkat yang berlaku untuk tiket ini.",
            "The SLA policy has no tier that applies to this ticket.",
            code="no_sla_tier",
        )
    tier = next((t for t in tiers if t.key == PROMISE_TIER), tiers[0])
    created = tx.local(ticket.created_at, settings.timezone)
    due = tier_due(tier, calendar, created).astimezone(settings.timezone)
    if tier.key == PROMISE_TIER:
        label = tx.t("verification", settings.language)
    else:
        label = tier.label_en if settings.language == "en" else tier.label_id
    return Promise(label=label, due=due, tier=tier)


# --------------------------------------------------------------------------- field values


def _category_name(code: str, language: str) -> str:
    try:
        return catalogues.category(code).name(language)
    except PoskoError:
        return code


def _location(ticket: Ticket, language: str) -> str:
    loc = ticket.location
    try:
        place = catalogues.kelurahan(loc.kelurahan_code).label
    except PoskoError:
        place = loc.kelurahan_code
    rt = f"{loc.rt:03d}" if loc.rt is not None else "-"
    rw = f"{loc.rw:03d}" if loc.rw is not None else "-"
    # No-break spaces: "RT 003" never splits across two lines of a narrow roll.
    return f"{place}, RT\u00a0{rt} / RW\u00a0{rw}"


def _reporter_name(ticket: Ticket, language: str, limit: int) -> str:
    reporter = ticket.reporter
    if reporter.kind is ReporterKind.ANONYMOUS:
        return tx.t("anonymous", language)
    if reporter.kind is ReporterKind.KECAMATAN:
        return tx.t("kecamatan_reporter", language)
    return tx.truncate(tx.clean(reporter.name), limit) or tx.t("none", language)


def masked_nik(nik: str | None, language: str) -> str:
    """The NIK as it may be printed: masked, "-" when absent, "(disembunyikan)" when the
    stored value is not 16 digits (it is never printed unmasked)."""
    if not nik:
        return tx.t("none", language)
    try:
        return mask_nik(nik)
    except PoskoError:
        return tx.t("hidden", language)


def masked_phone(phone: str | None, language: str) -> str:
    if not phone:
        return tx.t("none", language)
    try:
        return mask_phone(phone)
    except PoskoError:
        return tx.t("hidden", language)


def _refs(ticket: Ticket) -> str:
    return ", ".join(str(r) for r in ticket.external_refs)


# --------------------------------------------------------------------------- blocks


@dataclass(frozen=True, slots=True)
class _Frame:
    settings: ReceiptSettings
    size: PaperSize
    metrics: Metrics
    styles: Styles
    tightness: float = 1.0  # < 1: free text cut shorter so that a sheet stays one page

    @property
    def language(self) -> str:
        return self.settings.language

    @property
    def text_limit(self) -> int:
        return max(24, int(self.metrics.text_limit * self.tightness))

    @property
    def description_limit(self) -> int:
        base = self.settings.description_limit or self.metrics.description_limit
        return max(40, int(base * self.tightness))

    def t(self, key: str, **values: object) -> str:
        return tx.t(key, self.settings.language, **values)


def _frame(settings: ReceiptSettings, tightness: float = 1.0) -> _Frame:
    metrics = METRICS[settings.size]
    styles = styles_for(metrics, roll=settings.size.is_roll)
    return _Frame(settings, settings.size, metrics, styles, tightness)


def _top(frame: _Frame, kecamatan_code: str, code: str) -> list[Flowable]:
    flow: list[Flowable] = []
    if frame.settings.office_copy:
        flow += [Banner(frame.t("office_copy"), frame.metrics.body), Spacer(1, 4)]
    flow += header(kecamatan_code, frame.language, frame.size, frame.styles, frame.metrics,
                   frame.t("posko"))
    flow += [Rule(), para(frame.t("title"), frame.styles.title), Spacer(1, 4)]
    flow.append(BigCode(code, label=frame.t("tracking_code"), min_size=frame.metrics.code_min,
                        max_size=frame.metrics.code_max, label_size=frame.metrics.small))
    return flow


def _check_status(frame: _Frame, code: str) -> list[Flowable]:
    """How to check the status: the code, the kecamatan's channels, and the QR code."""
    contact = frame.settings.contact
    styles = frame.styles
    lines: list[Flowable] = [
        para(frame.t("how_to_check"), styles.label),
        para(f"{esc(frame.t('check_with_code'))} <b>{esc(code)}</b>", styles.body, markup=True),
    ]
    channels: list[tuple[str, str]] = []
    if contact.phone:
        channels.append((frame.t("channel_phone"), contact.phone))
    sms_hint = frame.t("sms_format", code=code)
    if contact.sms and contact.sms == contact.whatsapp:
        channels.append((f"{frame.t('channel_sms')}/{frame.t('channel_whatsapp')}",
                         f"{contact.sms} ({sms_hint})"))
    else:
        if contact.sms:
            channels.append((frame.t("channel_sms"), f"{contact.sms} ({sms_hint})"))
        if contact.whatsapp:
            channels.append((frame.t("channel_whatsapp"), contact.whatsapp))
    if contact.web:
        channels.append((frame.t("channel_web"), contact.web))
    for label, value in channels:
        lines.append(para(f"<b>{esc(label)}:</b> {esc(value)}", styles.body, markup=True))
    if frame.size.is_roll or frame.tightness == 1.0:
        lines.append(para(frame.t("scan_qr"), styles.small))
    qr = qr_flowable(qr_payload(code, contact), frame.metrics.qr)
    if frame.size.is_roll:
        return [*lines, Spacer(1, 3), qr]
    table = Table([[lines, qr]], colWidths=["*", frame.metrics.qr + 6])
    table.setStyle(TableStyle([
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("LEFTPADDING", (0, 0), (-1, -1), 0),
        ("RIGHTPADDING", (0, 0), (-1, -1), 0),
        ("TOPPADDING", (0, 0), (-1, -1), 0),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
        ("ALIGN", (1, 0), (1, 0), "RIGHT"),
    ]))
    return [table]


_PROMISE_MIN_LIMIT = 90
#: Names under the signature lines: one or two lines at most (the full name is above).
_SIGNATURE_NAME_LIMIT = 48


def _bottom(frame: _Frame, code: str, officer: str, citizen: str,
            printed_at: datetime | None) -> list[Flowable]:
    officer = tx.truncate(officer, _SIGNATURE_NAME_LIMIT) if officer else officer
    citizen = tx.truncate(citizen, _SIGNATURE_NAME_LIMIT) if citizen else citizen
    flow: list[Flowable] = [Rule()]
    flow += _check_status(frame, code)
    flow += [
        Rule(),
        signature_block((frame.t("signature_officer"), officer),
                        (frame.t("signature_citizen"), citizen), frame.styles,
                        space=frame.metrics.body * (3.5 if frame.size.is_roll else 3.0)),
    ]
    if printed_at is not None:
        stamp = tx.format_datetime(printed_at, frame.settings.timezone, frame.language)
        flow += [Spacer(1, 4), para(f"{frame.t('printed')}: {stamp}", frame.styles.small_center)]
    if frame.settings.office_copy and frame.size.is_roll:
        flow += [Spacer(1, 4), Banner(frame.t("office_copy"), frame.metrics.body)]
    return flow


#: Sheets: free text is cut shorter step by step until the receipt fits one page; only what
#: still does not fit (absurd input) is shrunk as a whole.
_TIGHTNESS_STEPS = (1.0, 0.6, 0.35)


def _render(settings: ReceiptSettings, make_flow: Callable[[_Frame], list[Flowable]],
            title_key: str, code: str) -> bytes:
    frame = _frame(settings)
    title = f"{frame.t(title_key).title()} {code}"
    decorate = watermark(frame.t("watermark")) if settings.office_copy else None
    if frame.size.is_roll:
        return render_roll(make_flow(frame), frame.size, title, decorate=decorate)
    page_width, page_height = sheet_size(frame.size)
    margin = frame.metrics.margin
    for tightness in _TIGHTNESS_STEPS:
        flow = make_flow(_frame(settings, tightness))
        if fits(flow, page_width - 2 * margin, page_height - 2 * margin):
            break
    return render_sheet(flow, (page_width, page_height), margin, title, decorate=decorate,
                        single_page=True)


def _description(frame: _Frame, description: str, share: float = 1.0) -> list[Flowable]:
    limit = max(40, int(frame.description_limit * share))
    text = tx.truncate(tx.clean(description), limit) or frame.t("none")
    return [para(f"<b>{esc(frame.t('description'))}:</b> {esc(text)}", frame.styles.body,
                 markup=True)]


def _promise_box(frame: _Frame, lines: Sequence[tuple[str, str]]) -> list[Flowable]:
    """Bold promises in a ruled box: what the citizen can hold the kecamatan to."""
    content: list[Flowable] = []
    for label, value in lines:
        content.append(para(f"{esc(label)}: <b>{esc(value)}</b>", frame.styles.body,
                            markup=True))
    return [Spacer(1, 4), boxed(content, weight=1.2), Spacer(1, 2)]


# --------------------------------------------------------------------------- documents


def build_receipt(ticket: Ticket, settings: ReceiptSettings = _DEFAULT_SETTINGS, *,
                  officer_name: str | None = None, kecamatan_code: str | None = None,
                  printed_at: datetime | None = None) -> bytes:
    """The tanda terima of a new complaint, as PDF bytes.

    `officer_name` is printed instead of the officer's username when given; `kecamatan_code`
    (default: the ticket's) names the office in the header; `printed_at` adds a "Dicetak"
    line (for reprints).
    """
    promise = promise_for(ticket, settings)

    def flow(frame: _Frame) -> list[Flowable]:
        limit = frame.text_limit
        language = frame.language
        code = ticket.tracking_code
        officer = tx.clean(officer_name) or ticket.officer or frame.t("none")
        result = _top(frame, kecamatan_code or ticket.kecamatan_code, code)
        if frame.tightness == 1.0:
            result.append(para(frame.t("keep_receipt"), frame.styles.small_center))
        result.append(Rule())
        rows = [
            (frame.t("date"),
             tx.format_datetime(ticket.created_at, settings.timezone, language)),
            (frame.t("officer"), tx.truncate(officer, limit)),
            (frame.t("category"), _category_name(ticket.category, language)),
            (frame.t("location"), _location(ticket, language)),
            (frame.t("address"),
             tx.truncate(tx.clean(ticket.location.address), limit) or frame.t("none")),
        ]
        if ticket.external_refs:
            rows.append((frame.t("app_refs"), _refs(ticket)))
        rows += [
            (frame.t("reporter"), _reporter_name(ticket, language, limit)),
            (frame.t("nik"), masked_nik(ticket.reporter.nik, language)),
            (frame.t("phone"), masked_phone(ticket.reporter.phone, language)),
        ]
        result += field_rows(rows, frame.size, frame.styles)
        result += [Spacer(1, 3), *_description(frame, ticket.description)]
        due_text = tx.format_date(promise.due_date, language)
        if promise.tier.unit == "working_days":
            due_text += f" ({frame.t('working_days', n=promise.tier.amount)})"
        result += _promise_box(frame, [(frame.t("promise", label=promise.label), due_text)])
        citizen = (tx.truncate(tx.clean(ticket.reporter.name), limit)
                   if ticket.reporter.kind is ReporterKind.NAMED else "")
        result += _bottom(frame, code, officer, citizen, printed_at)
        return result

    return _render(settings, flow, "title", ticket.tracking_code)


def latest_event(events: Sequence[StatusEvent]) -> StatusEvent | None:
    return max(events, key=lambda e: e.at) if events else None


def build_chase_receipt(ticket: Ticket, follow_up: FollowUp,
                        events: Sequence[StatusEvent] = (),
                        settings: ReceiptSettings = _DEFAULT_SETTINGS, *,
                        officer_name: str | None = None, kecamatan_code: str | None = None,
                        printed_at: datetime | None = None) -> bytes:
    """The receipt of a chase (tindak lanjut): the same frame, with the ticket's current status,
    its last update and the promise recorded at the chase (`follow_up`)."""
    zone = settings.timezone
    last = latest_event(events)

    def flow(frame: _Frame) -> list[Flowable]:
        limit = frame.text_limit
        language = frame.language
        code = ticket.tracking_code
        officer = tx.clean(officer_name) or follow_up.officer or frame.t("none")
        result = _top(frame, kecamatan_code or ticket.kecamatan_code, code)
        result += [Spacer(1, 4), Banner(frame.t("chase_band"), frame.metrics.body),
                   Spacer(1, 3)]
        refs = ", ".join(str(r) for r in ticket.external_refs) or code
        result.append(para(f"<b>{esc(frame.t('chase_for', ref=refs))}</b>",
                           frame.styles.body, markup=True))
        result.append(Rule())
        requested_by = tx.truncate(tx.clean(follow_up.requested_by), limit)
        rows = [
            (frame.t("date"), tx.format_datetime(follow_up.asked_at, zone, language)),
            (frame.t("officer"), tx.truncate(officer, limit)),
            (frame.t("requested_by"), requested_by or frame.t("none")),
            (frame.t("category"), _category_name(ticket.category, language)),
            (frame.t("location"), _location(ticket, language)),
        ]
        result += field_rows(rows, frame.size, frame.styles)
        # Only a reminder of which complaint this is: half the receipt's description.
        result += [Spacer(1, 3), *_description(frame, ticket.description, 0.5)]

        status_label = ticket.status.label_en if language == "en" else ticket.status.label_id
        if last is not None:
            last_label = last.status.label_en if language == "en" else last.status.label_id
            update = f"{tx.format_datetime(last.at, zone, language)} — {last_label}"
            note = tx.truncate(tx.clean(last.note), max(24, limit // 2))
            if note:
                update += f" ({note})"
        else:
            update = frame.t("no_update")
        status_rows = [(frame.t("current_status"), status_label),
                       (frame.t("last_update"), update)]
        result += [Spacer(1, 3), *field_rows(status_rows, frame.size, frame.styles)]

        # The promise is what the citizen holds the kecamatan to: cut last and least.
        promise_limit = max(limit, _PROMISE_MIN_LIMIT)
        promises = [(frame.t("chase_promise"),
                     tx.truncate(tx.clean(follow_up.promise), promise_limit)
                     or frame.t("none"))]
        if follow_up.promised_by is not None:
            promises.append((frame.t("promised_by"),
                             tx.format_date(follow_up.promised_by, language)))
        result += _promise_box(frame, promises)
        result += _bottom(frame, code, officer, requested_by, printed_at)
        return result

    return _render(settings, flow, "chase_band", ticket.tracking_code)
