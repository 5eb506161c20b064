"""Shared layout: sizes and styles per paper, the building blocks every document uses, and
the two renderers (a thermal roll whose height grows with its content, and fixed sheets).

Everything is reportlab platypus: flowables are measured (`wrap`) and drawn (`drawOn`). For a
roll we measure all of them first and then open a page exactly as tall as they need.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_LEFT
from reportlab.lib.pagesizes import A4, A5
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    KeepInFrame,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from posko import catalogues
from posko.domain.errors import PoskoError
from posko.receipts.fonts import BOLD, REGULAR, register_fonts, string_width
from posko.receipts.settings import PaperSize

#: Tall enough for any roll: a measuring pass never runs out of room.
_ROLL_MEASURE_HEIGHT = 100_000.0
GREY = colors.Color(0.35, 0.35, 0.35)
LIGHT_GREY = colors.Color(0.85, 0.85, 0.85)


@dataclass(frozen=True, slots=True)
class Metrics:
    """Sizes (points) of one paper size."""

    margin: float
    body: float  # body text
    small: float
    heading: float  # kecamatan name
    title: float  # "TANDA TERIMA PENGADUAN"
    code_min: float  # the tracking code: never smaller than this
    code_max: float
    qr: float  # QR code side, quiet zone included
    logo: float
    description_limit: int  # characters of the description before "…"
    text_limit: int  # characters of any other free text (address, name, promise)
    queue_number: float  # the queue slip's number

    @property
    def leading(self) -> float:
        return self.body * 1.25


METRICS: dict[PaperSize, Metrics] = {
    # 58 mm rolls print 48 mm wide: 5 mm margins keep everything inside the printable area.
    PaperSize.THERMAL_58: Metrics(margin=5 * mm, body=9, small=7.5, heading=10.5, title=11,
                                  code_min=16, code_max=28, qr=30 * mm, logo=10 * mm,
                                  description_limit=220, text_limit=120, queue_number=72),
    # 80 mm rolls print 72 mm wide.
    PaperSize.THERMAL_80: Metrics(margin=4 * mm, body=10, small=8, heading=12, title=13,
                                  code_min=20, code_max=30, qr=32 * mm, logo=12 * mm,
                                  description_limit=360, text_limit=160, queue_number=96),
    PaperSize.A5: Metrics(margin=10 * mm, body=10, small=8, heading=13, title=14,
                          code_min=24, code_max=30, qr=30 * mm, logo=16 * mm,
                          description_limit=280, text_limit=100, queue_number=120),
    PaperSize.A4: Metrics(margin=18 * mm, body=11.5, small=9, heading=16, title=18,
                          code_min=28, code_max=38, qr=40 * mm, logo=22 * mm,
                          description_limit=600, text_limit=160, queue_number=160),
}


@dataclass(frozen=True, slots=True)
class Styles:
    body: ParagraphStyle
    body_center: ParagraphStyle
    small: ParagraphStyle
    small_center: ParagraphStyle
    heading: ParagraphStyle
    heading_left: ParagraphStyle
    title: ParagraphStyle
    label: ParagraphStyle


def styles_for(metrics: Metrics, *, roll: bool = False) -> Styles:
    """Paragraph styles for one paper size. On a thermal `roll` everything is black: a head
    prints grey as a dither that fades first."""
    register_fonts()
    body = ParagraphStyle("body", fontName=REGULAR, fontSize=metrics.body,
                          leading=metrics.leading, alignment=TA_LEFT)
    small = ParagraphStyle("small", parent=body, fontSize=metrics.small,
                           leading=metrics.small * 1.25,
                           textColor=colors.black if roll else GREY)
    heading = ParagraphStyle("heading", parent=body, fontName=BOLD, fontSize=metrics.heading,
                             leading=metrics.heading * 1.2, alignment=TA_CENTER)
    return Styles(
        body=body,
        body_center=ParagraphStyle("body_center", parent=body, alignment=TA_CENTER),
        small=small,
        small_center=ParagraphStyle("small_center", parent=small, alignment=TA_CENTER),
        heading=heading,
        heading_left=ParagraphStyle("heading_left", parent=heading, alignment=TA_LEFT),
        title=ParagraphStyle("title", parent=heading, fontSize=metrics.title,
                             leading=metrics.title * 1.25),
        label=ParagraphStyle("label", parent=body, fontName=BOLD),
    )


def para(text: str, style: ParagraphStyle, *, markup: bool = False) -> Paragraph:
    """A paragraph of `text`; unless `markup`, the text is escaped (names may hold '<' or '&')."""
    return Paragraph(text if markup else escape(text), style)


def esc(text: str) -> str:
    return escape(text)


# --------------------------------------------------------------------------- blocks


class LogoPlaceholder(Flowable):  # type: ignore[misc]
    """A dashed square where the kecamatan's emblem goes (a real logo comes with Settings)."""

    def __init__(self, size: float, label: str) -> None:
        super().__init__()
        self.size = size
        self.label = label
        self.hAlign = "CENTER"

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return self.size, self.size

    def draw(self) -> None:
        canvas = self.canv
        canvas.saveState()
        canvas.setDash(2, 2)
        canvas.setStrokeColor(GREY)
        canvas.setLineWidth(0.6)
        canvas.roundRect(0, 0, self.size, self.size, self.size / 8)
        canvas.setFillColor(GREY)
        font_size = self.size / 5
        canvas.setFont(BOLD, font_size)
        canvas.drawCentredString(self.size / 2, self.size / 2 - font_size / 3, self.label)
        canvas.restoreState()


class Rule(Flowable):  # type: ignore[misc]
    """A horizontal line across the available width (dashed: a thermal receipt's divider)."""

    def __init__(self, *, dashed: bool = True, space: float = 4, weight: float = 0.6) -> None:
        super().__init__()
        self.dashed = dashed
        self.space = space
        self.weight = weight
        self.width = 0.0

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        self.width = available_width
        return available_width, 2 * self.space

    def draw(self) -> None:
        canvas = self.canv
        canvas.saveState()
        if self.dashed:
            canvas.setDash(3, 2)
        canvas.setLineWidth(self.weight)
        canvas.line(0, self.space, self.width, self.space)
        canvas.restoreState()


class Banner(Flowable):  # type: ignore[misc]
    """White bold text on a black band ("SALINAN", "TINDAK LANJUT"): survives a faded roll."""

    def __init__(self, text: str, size: float) -> None:
        super().__init__()
        self.text = text
        self.size = size
        self.width = 0.0

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        self.width = available_width
        # Shrink to fit rather than wrap: a band is one line.
        natural = string_width(self.text, True, self.size)
        limit = available_width - 4
        if natural > limit:
            self.size = self.size * limit / natural
        return available_width, self.size * 1.8

    def draw(self) -> None:
        canvas = self.canv
        height = self.size * 1.8
        canvas.saveState()
        canvas.setFillColor(colors.black)
        canvas.rect(0, 0, self.width, height, stroke=0, fill=1)
        canvas.setFillColor(colors.white)
        canvas.setFont(BOLD, self.size)
        canvas.drawCentredString(self.width / 2, height / 2 - self.size * 0.35, self.text)
        canvas.restoreState()


class BigCode(Flowable):  # type: ignore[misc]
    """The tracking code in very large type, in a box, as big as the width allows.

    One line when it fits at `min_size` or more; otherwise (58 mm rolls) one group of four per
    line, followed by the whole code on one small line for copying.
    """

    def __init__(self, code: str, *, label: str, min_size: float, max_size: float,
                 label_size: float) -> None:
        super().__init__()
        self.code = code
        self.label = label
        self.min_size = min_size
        self.max_size = max_size
        self.label_size = label_size
        self.width = 0.0
        self.size = max_size
        self.lines: tuple[str, ...] = (code,)
        self.padding = 0.0

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        self.width = available_width
        self.padding = max(3.0, self.label_size * 0.6)
        inner = available_width - 2 * self.padding
        # 8 % air on each line: a code touching its box is harder to read. A code that fits
        # on one line only without the air gets the minimum size rather than three lines.
        fits = inner / max(string_width(self.code, True, 1), 1e-6)
        if fits >= self.min_size:
            self.lines = (self.code,)
            self.size = min(self.max_size, max(self.min_size, 0.92 * fits))
        else:
            groups = tuple(g for g in self.code.split("-") if g) or (self.code,)
            widest = max(string_width(g, True, 1) for g in groups)
            self.lines = groups
            self.size = min(self.max_size, 0.92 * inner / max(widest, 1e-6))
        return available_width, self._height()

    @property
    def stacked(self) -> bool:
        return len(self.lines) > 1

    def _height(self) -> float:
        height = 2 * self.padding + self.label_size * 1.4 + len(self.lines) * self.size * 1.1
        if self.stacked:
            height += self.label_size * 1.5
        return height

    def draw(self) -> None:
        canvas = self.canv
        height = self._height()
        centre = self.width / 2
        canvas.saveState()
        canvas.setLineWidth(1.4)
        canvas.roundRect(0, 0, self.width, height, 4)
        y = height - self.padding - self.label_size
        canvas.setFont(REGULAR, self.label_size)
        canvas.drawCentredString(centre, y, self.label)
        y -= self.label_size * 0.4
        canvas.setFont(BOLD, self.size)
        for line in self.lines:
            y -= self.size * 1.1
            canvas.drawCentredString(centre, y + self.size * 0.18, line)
        if self.stacked:
            y -= self.label_size * 1.4
            canvas.setFont(BOLD, self.label_size)
            canvas.drawCentredString(centre, y + self.label_size * 0.2, self.code)
        canvas.restoreState()


class BigText(Flowable):  # type: ignore[misc]
    """One line of bold text, centred, at `max_size` or smaller if the width needs it."""

    def __init__(self, text: str, max_size: float) -> None:
        super().__init__()
        self.text = text
        self.size = max_size
        self.max_size = max_size
        self.width = 0.0

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        self.width = available_width
        natural = string_width(self.text, True, 1)
        self.size = min(self.max_size, 0.95 * available_width / max(natural, 1e-6))
        return available_width, self.size * 1.05

    def draw(self) -> None:
        self.canv.setFont(BOLD, self.size)
        self.canv.drawCentredString(self.width / 2, self.size * 0.15, self.text)


def signature_block(left: tuple[str, str], right: tuple[str, str], styles: Styles,
                    space: float) -> Table:
    """Two signature places side by side: a caption ("Petugas,"), room to sign, a line, and
    the name under it in brackets (wrapped, never cut)."""
    caption = styles.small_center
    name_style = ParagraphStyle("signature_name", parent=styles.small_center,
                                textColor=colors.black)

    def name(text: str) -> Paragraph:
        return para(f"( {text} )" if text else "", name_style)

    table = Table(
        [[para(left[0], caption), "", para(right[0], caption)],
         ["", "", ""],
         [name(left[1]), "", name(right[1])]],
        colWidths=["42%", "*", "42%"], rowHeights=[None, space, None],
    )
    table.setStyle(TableStyle([
        ("LEFTPADDING", (0, 0), (-1, -1), 0),
        ("RIGHTPADDING", (0, 0), (-1, -1), 0),
        ("TOPPADDING", (0, 0), (-1, -1), 1),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 1),
        ("LINEABOVE", (0, 2), (0, 2), 0.6, colors.black),
        ("LINEABOVE", (2, 2), (2, 2), 0.6, colors.black),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
    ]))
    return table


def kecamatan_lines(kecamatan_code: str, language: str) -> tuple[str, str]:
    """("Kecamatan Kramatjati", "Kota Administrasi Jakarta Timur, Daerah Khusus Ibukota
    Jakarta") from the region catalogue; the bare code when the catalogue does not know it."""
    try:
        path = catalogues.region_path(kecamatan_code)
    except PoskoError:
        return (f"Kecamatan {kecamatan_code}", "")
    names = {r.level: r for r in path}
    kecamatan = names.get(catalogues.RegionLevel.KECAMATAN)
    title = kecamatan.label if kecamatan else path[-1].label
    wider = [r.name for r in path if r.level < catalogues.RegionLevel.KECAMATAN]
    return title, ", ".join(reversed(wider))


def header(kecamatan_code: str, language: str, size: PaperSize, styles: Styles,
           metrics: Metrics, subtitle: str) -> list[Flowable]:
    """Logo placeholder, kecamatan name, its kota/provinsi, and `subtitle` (Posko Pengaduan)."""
    from posko.receipts.text import t

    title, wider = kecamatan_lines(kecamatan_code, language)
    logo = LogoPlaceholder(metrics.logo, t("logo", language))
    lines: list[Flowable] = [para(title.upper(), styles.heading if size.is_roll
                                  else styles.heading_left)]
    if wider:
        lines.append(para(wider, styles.small_center if size.is_roll else styles.small))
    lines.append(para(subtitle, styles.small_center if size.is_roll else styles.small))
    if size.is_roll:
        return [logo, Spacer(1, 2), *lines]
    table = Table([[logo, lines]], colWidths=[metrics.logo + 4 * mm, "*"])
    table.setStyle(TableStyle([
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("LEFTPADDING", (0, 0), (-1, -1), 0),
        ("RIGHTPADDING", (0, 0), (-1, -1), 0),
        ("TOPPADDING", (0, 0), (-1, -1), 0),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
    ]))
    return [table]


def field_rows(rows: Sequence[tuple[str, str]], size: PaperSize,
               styles: Styles) -> list[Flowable]:
    """Label/value pairs: "Label: value" paragraphs on a roll, a two-column table on sheets."""
    if size.is_roll:
        return [para(f"<b>{esc(label)}:</b> {esc(value)}", styles.body, markup=True)
                for label, value in rows]
    # Percentages, not points: a sheet shrunk to fit its page lays out in a wider frame.
    table = Table(
        [[para(label, styles.label), para(value, styles.body)] for label, value in rows],
        colWidths=["27%", "73%"],
    )
    table.setStyle(TableStyle([
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 0),
        ("RIGHTPADDING", (0, 0), (-1, -1), 4),
        ("TOPPADDING", (0, 0), (-1, -1), 1),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 1),
        ("LINEBELOW", (0, 0), (-1, -2), 0.25, LIGHT_GREY),
    ]))
    return [table]


def boxed(flowables: list[Flowable], *, weight: float = 1.0,
          padding: float = 4) -> Table:
    """`flowables` inside a ruled box as wide as the content."""
    table = Table([[flowables]], colWidths=["100%"])
    table.setStyle(TableStyle([
        ("BOX", (0, 0), (-1, -1), weight, colors.black),
        ("LEFTPADDING", (0, 0), (-1, -1), padding),
        ("RIGHTPADDING", (0, 0), (-1, -1), padding),
        ("TOPPADDING", (0, 0), (-1, -1), padding),
        ("BOTTOMPADDING", (0, 0), (-1, -1), padding),
    ]))
    return table


# --------------------------------------------------------------------------- rendering


PageDecorator = Callable[[Canvas, float, float], None]


def _new_canvas(buffer: io.BytesIO, width: float, height: float, title: str) -> Canvas:
    canvas = Canvas(buffer, pagesize=(width, height), pageCompression=1)
    canvas.setTitle(title)
    canvas.setAuthor("Posko")
    canvas.setCreator("Posko (reportlab)")
    return canvas


def render_roll(flowables: Sequence[Flowable], size: PaperSize, title: str, *,
                decorate: PageDecorator | None = None) -> bytes:
    """One page as wide as the roll and exactly as tall as the content (plus margins)."""
    metrics = METRICS[size]
    width = size.width
    available = width - 2 * metrics.margin
    measured: list[tuple[Flowable, float, float, float, float]] = []
    total = 0.0
    for flowable in flowables:
        w, h = flowable.wrap(available, _ROLL_MEASURE_HEIGHT)
        before = flowable.getSpaceBefore() if measured else 0.0
        after = flowable.getSpaceAfter()
        measured.append((flowable, w, h, before, after))
        total += before + h + after
    height = total + 2 * metrics.margin
    buffer = io.BytesIO()
    canvas = _new_canvas(buffer, width, height, title)
    if decorate is not None:
        decorate(canvas, width, height)
    y = height - metrics.margin
    for flowable, w, h, before, after in measured:
        y -= before + h
        align = getattr(flowable, "hAlign", "LEFT")
        x = metrics.margin
        if align in ("CENTER", "CENTRE"):
            x += (available - w) / 2
        elif align == "RIGHT":
            x += available - w
        flowable.drawOn(canvas, x, y)
        y -= after
    canvas.showPage()
    canvas.save()
    return buffer.getvalue()


def fits(flowables: Sequence[Flowable], width: float, height: float) -> bool:
    """Whether `flowables` stacked fit in a `width` x `height` frame (measuring only; 1 %
    kept free, as platypus rounds a little differently when it lays the page out)."""
    height *= 0.99
    total = 0.0
    for index, flowable in enumerate(flowables):
        _w, h = flowable.wrap(width, _ROLL_MEASURE_HEIGHT)
        total += h + flowable.getSpaceAfter() + (flowable.getSpaceBefore() if index else 0.0)
        if total > height:
            return False
    return True


def sheet_size(size: PaperSize) -> tuple[float, float]:
    width, height = A5 if size is PaperSize.A5 else A4
    return float(width), float(height)


def render_sheet(flowables: Sequence[Flowable], pagesize: tuple[float, float], margin: float,
                 title: str, *, decorate: PageDecorator | None = None,
                 canvasmaker: type[Canvas] = Canvas, top_margin: float | None = None,
                 bottom_margin: float | None = None, single_page: bool = False) -> bytes:
    """Fixed pages (A5/A4). With `single_page`, content too tall for one page is shrunk to fit
    (a receipt is one sheet); otherwise it continues on the next page (the recap)."""
    top = margin if top_margin is None else top_margin
    bottom = margin if bottom_margin is None else bottom_margin
    width, height = pagesize
    frame = Frame(margin, bottom, width - 2 * margin, height - top - bottom, id="content",
                  leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)

    def on_page(canvas: Canvas, _document: object) -> None:
        if decorate is not None:
            decorate(canvas, width, height)

    buffer = io.BytesIO()
    document = BaseDocTemplate(
        buffer, pagesize=pagesize, leftMargin=margin, rightMargin=margin, topMargin=top,
        bottomMargin=bottom, title=title, author="Posko", creator="Posko (reportlab)",
        pageCompression=1,
        pageTemplates=[PageTemplate(id="page", frames=[frame], onPage=on_page)],
    )
    story = list(flowables)
    if single_page:
        story = [KeepInFrame(frame.width, frame.height, story, mode="shrink")]
    document.build(story, canvasmaker=canvasmaker)
    return buffer.getvalue()


def watermark(text: str) -> PageDecorator:
    """A large light diagonal word across the page (the office copy's "SALINAN")."""

    def draw(canvas: Canvas, width: float, height: float) -> None:
        canvas.saveState()
        canvas.setFillColor(colors.Color(0.88, 0.88, 0.88))
        size = min(width, height) / 5
        canvas.setFont(BOLD, size)
        canvas.translate(width / 2, height / 2)
        canvas.rotate(35)
        canvas.drawCentredString(0, -size / 3, text)
        canvas.restoreState()

    return draw


# Draws on one finished page: (canvas, page number, total pages). Called between
# saveState/restoreState, so it may change fonts and colours freely.
NumberedPageDecorator = Callable[[Canvas, int, int], None]


def page_count_canvas(decorate: NumberedPageDecorator) -> type[Canvas]:
    """A canvas class that holds every page back until the document is done, so each page
    can be decorated knowing the total ("Halaman X dari Y")."""

    class PageCountCanvas(Canvas):  # type: ignore[misc]
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self._pages: list[dict[str, Any]] = []

        def showPage(self) -> None:  # noqa: N802 - reportlab's name
            self._pages.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            total = len(self._pages)
            for state in self._pages:
                self.__dict__.update(state)
                self.saveState()
                decorate(self, self._pageNumber, total)
                self.restoreState()
                super().showPage()
            super().save()

    return PageCountCanvas
