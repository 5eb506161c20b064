"""The Saturday recap for the camat/sekcam: an A4 PDF (tables, a bar chart, page numbers) and
the same figures as CSV. The numbers come from :func:`posko.store.recap.compute_recap`; this
module only lays them out (it imports the store's value types for type checking only)."""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, tzinfo
from typing import TYPE_CHECKING, Any
from zoneinfo import ZoneInfo

from reportlab.graphics.charts.barcharts import HorizontalBarChart
from reportlab.graphics.shapes import Drawing
from reportlab.lib import colors
from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, KeepTogether, Spacer, Table, TableStyle

from posko import catalogues
from posko.domain.errors import PoskoError
from posko.domain.status import Status
from posko.domain.text import spreadsheet_cell
from posko.receipts import text as tx
from posko.receipts.fonts import BOLD, REGULAR, string_width
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
from posko.receipts.settings import PaperSize

if TYPE_CHECKING:
    from posko.store.recap import Count, Recap

#: Overdue tickets listed in the PDF (all of them go to the CSV).
DEFAULT_OVERDUE_LIMIT = 60
#: Categories shown as bars (the rest are summed into "other").
CHART_BARS = 12
_MARGIN = 16 * mm
_TOP = 22 * mm
_BOTTOM = 18 * mm
_BAR = colors.Color(0.16, 0.38, 0.62)
_HEAD_FILL = colors.Color(0.92, 0.92, 0.92)


def category_label(code: str, language: str) -> str:
    if code == "chase":
        return code
    try:
        return catalogues.category(code).name(language)
    except PoskoError:
        return code


def kelurahan_label(code: str) -> str:
    try:
        return catalogues.kelurahan(code).name
    except PoskoError:
        return code


def origin_label(key: str, language: str) -> str:
    known = {"desk", "assisted", "chase", "app"}
    return tx.t(f"origin_{key}", language) if key in known else key


def status_label(key: str | Status, language: str) -> str:
    try:
        status = Status(key)
    except ValueError:
        return str(key)
    return status.label_en if language == "en" else status.label_id


# --------------------------------------------------------------------------- PDF


def _number_style(styles: Styles, bold: bool = False) -> ParagraphStyle:
    return ParagraphStyle("number", parent=styles.label if bold else styles.body,
                          alignment=TA_RIGHT)


def _table(rows: list[list[Any]], widths: Sequence[float], *, numeric_columns: Sequence[int] = (),
           header_row: bool = True) -> Table:
    table = Table(rows, colWidths=list(widths), repeatRows=1 if header_row else 0)
    style: list[tuple[Any, ...]] = [
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 3),
        ("RIGHTPADDING", (0, 0), (-1, -1), 3),
        ("TOPPADDING", (0, 0), (-1, -1), 1.5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 1.5),
        ("LINEBELOW", (0, 0), (-1, -1), 0.25, LIGHT_GREY),
    ]
    if header_row:
        style += [("BACKGROUND", (0, 0), (-1, 0), _HEAD_FILL),
                  ("LINEBELOW", (0, 0), (-1, 0), 0.6, colors.black)]
    for column in numeric_columns:
        style.append(("ALIGN", (column, 0), (column, -1), "RIGHT"))
    table.setStyle(TableStyle(style))
    return table


def _counts_table(title: str, counts: Sequence[Count], label: Callable[[str], str],
                  styles: Styles, width: float, language: str) -> list[Flowable]:
    flow: list[Flowable] = [para(title, styles.label), Spacer(1, 2)]
    if not counts:
        return [*flow, para(tx.t("recap_none", language), styles.small)]
    head = [para(tx.t("col_item", language), styles.label),
            para(tx.t("col_count", language), _number_style(styles, True))]
    rows: list[list[Any]] = [head]
    number = _number_style(styles)
    rows += [[para(label(c.key), styles.body), para(str(c.count), number)] for c in counts]
    total = sum(c.count for c in counts)
    rows.append([para("Total", styles.label), para(str(total), _number_style(styles, True))])
    table = _table(rows, [width * 0.78, width * 0.22], numeric_columns=[1])
    table.setStyle(TableStyle([("LINEABOVE", (0, -1), (-1, -1), 0.6, colors.black)]))
    return [*flow, table]


def _side_by_side(left: list[Flowable], right: list[Flowable], width: float) -> Table:
    gap = 6 * mm
    column = (width - gap) / 2
    table = Table([[left, "", right]], colWidths=[column, gap, column])
    table.setStyle(TableStyle([
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 0),
        ("RIGHTPADDING", (0, 0), (-1, -1), 0),
        ("TOPPADDING", (0, 0), (-1, -1), 0),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
    ]))
    return table


def _chart(counts: Sequence[Count], language: str, width: float, font_size: float) -> Drawing:
    """Horizontal bars: tickets per category, biggest on top."""
    shown = list(counts[:CHART_BARS])
    rest = sum(c.count for c in counts[CHART_BARS:])
    labels = [category_label(c.key, language) for c in shown]
    values = [c.count for c in shown]
    if rest:
        labels.append(tx.t("recap_chart_rest", language, n=len(counts) - CHART_BARS))
        values.append(rest)
    # HorizontalBarChart draws the first category at the bottom: reverse for biggest on top.
    labels.reverse()
    values.reverse()
    bar_height = font_size * 1.9
    label_width = min(width * 0.42,
                      max(string_width(label, False, font_size) for label in labels) + 8)
    chart_height = bar_height * len(values)
    drawing = Drawing(width, chart_height + font_size * 3)
    chart = HorizontalBarChart()
    chart.x = label_width
    chart.y = font_size * 2
    chart.width = width - label_width - font_size * 3
    chart.height = chart_height
    chart.data = [values]
    chart.bars[0].fillColor = _BAR
    chart.bars[0].strokeColor = None
    chart.barLabelFormat = "%d"
    chart.barLabels.fontName = BOLD
    chart.barLabels.fontSize = font_size
    chart.barLabels.boxAnchor = "w"
    chart.barLabels.dx = 3
    chart.categoryAxis.categoryNames = labels
    chart.categoryAxis.labels.fontName = REGULAR
    chart.categoryAxis.labels.fontSize = font_size
    chart.categoryAxis.labels.boxAnchor = "e"
    chart.categoryAxis.labels.dx = -4
    chart.categoryAxis.strokeColor = GREY
    chart.valueAxis.valueMin = 0
    top = max(values) if values else 1
    step = max(1, -(-top // 5))
    chart.valueAxis.valueMax = step * 5 + (step if top >= step * 5 else 0)
    chart.valueAxis.valueStep = step
    chart.valueAxis.labels.fontName = REGULAR
    chart.valueAxis.labels.fontSize = font_size * 0.9
    chart.valueAxis.strokeColor = GREY
    chart.valueAxis.visibleGrid = True
    chart.valueAxis.gridStrokeColor = LIGHT_GREY
    chart.groupSpacing = bar_height * 0.25
    drawing.add(chart)
    return drawing


@dataclass(frozen=True, slots=True)
class _RecapStyles(Styles):
    table: ParagraphStyle


def _with_table_style(styles: Styles) -> _RecapStyles:
    table = ParagraphStyle("table", parent=styles.body, fontSize=8.5, leading=10.5)
    return _RecapStyles(**{f: getattr(styles, f) for f in Styles.__slots__}, table=table)


def _numbered_canvas(language: str, left: str, right: str) -> type[Canvas]:
    """A running header and a centred "Halaman X dari Y" on every page."""

    def decorate(canvas: Canvas, page: int, total: int) -> None:
        width, height = canvas._pagesize
        canvas.setFont(REGULAR, 8)
        canvas.setFillColor(GREY)
        canvas.drawString(_MARGIN, height - 12 * mm, left)
        canvas.drawRightString(width - _MARGIN, height - 12 * mm, right)
        canvas.setStrokeColor(LIGHT_GREY)
        canvas.line(_MARGIN, height - 13.5 * mm, width - _MARGIN, height - 13.5 * mm)
        canvas.drawCentredString(width / 2, 10 * mm,
                                 tx.t("recap_page", language, page=page, pages=total))

    return page_count_canvas(decorate)


def build_recap_pdf(recap: Recap, *, language: str = "id",
                    generated_at: datetime | None = None,
                    overdue_limit: int = DEFAULT_OVERDUE_LIMIT) -> bytes:
    """The recap as an A4 PDF (bytes)."""
    metrics = METRICS[PaperSize.A4]
    styles = styles_for(metrics)
    for style in (styles.body, styles.label):
        style.fontSize = 9.5
        style.leading = 12
    styles.small.fontSize = 8
    styles.small.leading = 10
    styles = _with_table_style(styles)
    zone: tzinfo = ZoneInfo(recap.timezone)
    width = A4[0] - 2 * _MARGIN
    day_text = tx.format_date(recap.day, language)
    kecamatan, _wider = kecamatan_lines(recap.kecamatan_code, language)
    generated = tx.format_datetime(generated_at or datetime.now(UTC), zone, language)

    def t(key: str, **values: object) -> str:
        return tx.t(key, language, **values)


    flow: list[Flowable] = header(recap.kecamatan_code, language, PaperSize.A4, styles,
                                  metrics, t("posko"))
    flow += [
        Rule(dashed=False),
        para(t("recap_title"), styles.title),
        para(f"{t('recap_session')}: {day_text} · {t('recap_generated')}: {generated}",
             styles.small_center),
        Spacer(1, 8),
    ]

    queue = recap.queue
    summary_rows = [
        [para(t("recap_total"), styles.label), str(recap.total)],
        [para(t("recap_new"), styles.body), str(recap.new_tickets)],
        [para(t("recap_chases"), styles.body), str(len(recap.chases))],
        [para(t("recap_overdue_total"), styles.body), str(len(recap.overdue))],
        [para(t("recap_queue"), styles.body), f"{queue.served} / {queue.waiting} / {queue.left}"],
    ]
    summary = _table(summary_rows, [width * 0.7, width * 0.3], numeric_columns=[1],
                     header_row=False)
    summary.setStyle(TableStyle([("FONTNAME", (1, 0), (1, -1), BOLD),
                                 ("FONTSIZE", (1, 0), (1, -1), 11)]))
    flow += [para(t("recap_summary"), styles.heading_left), Spacer(1, 3), summary,
             Spacer(1, 10)]

    half = (width - 6 * mm) / 2
    flow.append(_side_by_side(
        _counts_table(t("recap_by_origin"), recap.by_origin,
                      lambda k: origin_label(k, language), styles, half, language),
        _counts_table(t("recap_by_status"), recap.by_status,
                      lambda k: status_label(k, language), styles, half, language),
        width))
    flow.append(Spacer(1, 12))

    chart: list[Flowable] = [para(t("recap_chart"), styles.heading_left), Spacer(1, 3)]
    if recap.by_category:
        chart.append(_chart(recap.by_category, language, width, 8.5))
    else:
        chart.append(para(t("recap_none"), styles.small))
    flow += [KeepTogether(chart), Spacer(1, 12)]

    flow.append(_side_by_side(
        _counts_table(t("recap_by_category"), recap.by_category,
                      lambda k: category_label(k, language), styles, half, language),
        _counts_table(t("recap_by_kelurahan"), recap.by_kelurahan, kelurahan_label, styles,
                      half, language),
        width))
    flow.append(Spacer(1, 12))

    # Per officer
    officer_flow: list[Flowable] = [para(t("recap_officers"), styles.heading_left),
                                    Spacer(1, 3)]
    if recap.officers:
        bold_number = _number_style(styles, True)
        rows: list[list[Any]] = [[para(t("col_officer"), styles.label),
                                  para(t("recap_new"), bold_number),
                                  para(t("recap_chases"), bold_number),
                                  para(t("recap_status_updates"), bold_number)]]
        for officer in recap.officers:
            name = officer.full_name if officer.full_name == officer.username else (
                f"{officer.full_name} ({officer.username})")
            number = _number_style(styles)
            rows.append([para(tx.clean(name), styles.body),
                         para(str(officer.new_tickets), number),
                         para(str(officer.chases), number),
                         para(str(officer.status_updates), number)])
        officer_flow.append(_table(rows, [width * 0.46, width * 0.18, width * 0.18,
                                          width * 0.18], numeric_columns=[1, 2, 3]))
    else:
        officer_flow.append(para(t("recap_none"), styles.small))
    flow += [KeepTogether(officer_flow), Spacer(1, 12)]

    # Chases and their promises
    flow += [para(t("recap_chase_list"), styles.heading_left), Spacer(1, 3)]
    if recap.chases:
        rows = [[para(t(key), styles.label) for key in
                 ("col_code", "col_ref", "col_officer", "col_promise", "col_promised_by",
                  "col_status")]]
        cell = styles.table
        for chase in recap.chases:
            rows.append([
                para(chase.tracking_code, cell),
                para(", ".join(chase.external_refs) or "-", cell),
                para(tx.clean(chase.officer) or "-", cell),
                para(tx.truncate(tx.clean(chase.promise), 140) or "-", cell),
                para(tx.format_short_date(chase.promised_by, language)
                     if chase.promised_by else "-", cell),
                para(status_label(chase.status, language), cell),
            ])
        flow.append(_table(rows, [w * width for w in (0.18, 0.16, 0.14, 0.28, 0.11, 0.13)]))
    else:
        flow.append(para(t("recap_none"), styles.small))
    flow.append(Spacer(1, 12))

    # Past SLA
    flow += [para(t("recap_overdue"), styles.heading_left), Spacer(1, 3)]
    if recap.overdue:
        rows = [[para(t(key), styles.label) for key in
                 ("col_code", "category", "location", "col_status", "col_due", "col_late")]]
        cell = styles.table
        late = ParagraphStyle("late", parent=cell, alignment=TA_RIGHT)
        rows[0][-1] = para(t("col_late"), _number_style(styles, True))
        for item in recap.overdue[:overdue_limit]:
            code = esc(item.tracking_code)
            if item.external_refs:
                code += f"<br/><font size=\"7\">{esc(', '.join(item.external_refs))}</font>"
            rows.append([
                para(code, cell, markup=True),
                para(category_label(item.category, language), cell),
                para(kelurahan_label(item.kelurahan_code), cell),
                para(status_label(item.status, language), cell),
                para(tx.format_short_date(item.due_at.date(), language), cell),
                para(str(item.days_late), late),
            ])
        flow.append(_table(rows, [w * width for w in (0.22, 0.26, 0.16, 0.14, 0.12, 0.10)]))
        hidden = len(recap.overdue) - overdue_limit
        if hidden > 0:
            flow += [Spacer(1, 3), para(t("recap_overdue_more", n=hidden), styles.small)]
    else:
        flow.append(para(t("recap_none"), styles.small))

    title = f"{t('recap_title').title()} {recap.day.isoformat()}"
    canvas = _numbered_canvas(language, f"{t('recap_title')} — {kecamatan}", day_text)
    return render_sheet(flow, A4, _MARGIN, title, canvasmaker=canvas, top_margin=_TOP,
                        bottom_margin=_BOTTOM)


# --------------------------------------------------------------------------- CSV

_CSV_HEADER = {
    "id": ("bagian", "kunci", "label", "jumlah", "tanggal", "keterangan"),
    "en": ("section", "key", "label", "count", "date", "detail"),
}


def recap_csv(recap: Recap, *, language: str = "id") -> str:
    """Every figure of the recap, one row each (long format), for a spreadsheet.

    Columns: section, key, label, count, date, detail. Sections: summary, category, kelurahan,
    origin, status, officer_new/officer_chases/officer_updates, queue, chase, overdue. Write
    it with ``encoding="utf-8-sig"`` so that Excel reads the diacritics right.
    """
    lang = "en" if language == "en" else "id"
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(_CSV_HEADER[lang])
    day = recap.day.isoformat()

    def row(section: str, key: str, label: str, count: object = "", when: str = "",
            detail: str = "") -> None:
        writer.writerow([spreadsheet_cell(value)
                         for value in (section, key, label, count, when, detail)])

    row("summary", "total", tx.t("recap_total", lang), recap.total, day)
    row("summary", "new", tx.t("recap_new", lang), recap.new_tickets, day)
    row("summary", "chased_tickets", tx.t("recap_chases", lang), recap.chased_tickets, day)
    row("summary", "chases", tx.t("recap_chases", lang), len(recap.chases), day)
    row("summary", "overdue", tx.t("recap_overdue_total", lang), len(recap.overdue), day)
    for c in recap.by_category:
        row("category", c.key, category_label(c.key, lang), c.count, day)
    for c in recap.by_kelurahan:
        row("kelurahan", c.key, kelurahan_label(c.key), c.count, day)
    for c in recap.by_origin:
        row("origin", c.key, origin_label(c.key, lang), c.count, day)
    for c in recap.by_status:
        row("status", c.key, status_label(c.key, lang), c.count, day)
    for o in recap.officers:
        row("officer_new", o.username, o.full_name, o.new_tickets, day)
        row("officer_chases", o.username, o.full_name, o.chases, day)
        row("officer_updates", o.username, o.full_name, o.status_updates, day)
    row("queue", "served", "served", recap.queue.served, day)
    row("queue", "waiting", "waiting", recap.queue.waiting, day)
    row("queue", "left", "left", recap.queue.left, day)
    for chase in recap.chases:
        row("chase", chase.tracking_code, ", ".join(chase.external_refs), "",
            chase.promised_by.isoformat() if chase.promised_by else "",
            tx.clean(chase.promise))
    for item in recap.overdue:
        row("overdue", item.tracking_code, category_label(item.category, lang), item.days_late,
            item.due_at.date().isoformat(),
            f"{status_label(item.status, lang)}; {kelurahan_label(item.kelurahan_code)}"
            + (f"; {', '.join(item.external_refs)}" if item.external_refs else ""))
    return out.getvalue()

