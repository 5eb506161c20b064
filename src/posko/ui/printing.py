"""Preview and print a PDF (receipt, queue slip, recap) through Qt's print system.

Qt's own PDF renderer (QtPdf) is in the PySide6-Addons wheel, which also carries WebEngine
and 3D (several hundred MB) that Posko does not use. Pages are therefore rasterised with
pypdfium2 (PDFium, the renderer of Chromium; a ~3 MB wheel) and painted onto the QPrinter as
images at the printer's resolution (capped at 300 dpi: plenty for receipts and reports).

Rules this module keeps:

* Nothing slow runs on the GUI thread: rasterising happens on a worker (the desk's
  :class:`~posko.ui.background.BackgroundRunner`); a direct print paints on the QPrinter in
  the worker too (Qt supports QPainter on a QPrinter outside the GUI thread). The preview
  dialog only draws images already rendered.
* "Save as PDF" is always there (a button in the preview's toolbar and :meth:`PrintJob.
  save_pdf`): it writes the original vector PDF, not a rasterised copy.
* The chosen printer is remembered (setting ``printing/printer``) and preselected next time.
* A printer error never loses the document: the PDF is kept in ``<data dir>/printed/`` and the
  officer is told what to check and where the PDF is.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, tzinfo
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QMarginsF, QObject, QRectF, QSizeF, Signal
from PySide6.QtGui import QAction, QImage, QPageLayout, QPageSize, QPainter
from PySide6.QtPrintSupport import QPrinter, QPrinterInfo, QPrintPreviewDialog
from PySide6.QtWidgets import (
    QAbstractButton,
    QFileDialog,
    QMessageBox,
    QToolBar,
    QWidget,
)

from posko.ui.background import BackgroundRunner
from posko.ui.i18n import fill
from posko.ui.settings import PRINTER_NAME, Settings

if TYPE_CHECKING:
    from posko.domain.models import Ticket
    from posko.receipts import ReceiptSettings
    from posko.ui.context import DeskContext

log = logging.getLogger(__name__)

#: Preview resolution: rolls at a thermal head's 203 dpi, sheets at 150 dpi.
ROLL_DPI = 203
SHEET_DPI = 150
MAX_PRINT_DPI = 300
_ROLL_MAX_WIDTH_PT = 90 * 72 / 25.4  # narrower than 90 mm: a thermal roll

# PDFium must not be entered from two threads at once.
_pdfium_lock = threading.Lock()


class PrintFailed(Exception):
    """The printer refused the job (offline, out of paper, driver error, bad file path)."""


@dataclass(frozen=True, slots=True)
class RenderedPage:
    image: QImage
    width_pt: float
    height_pt: float


def page_sizes(pdf: bytes) -> list[tuple[float, float]]:
    """(width, height) in points of every page."""
    import pypdfium2 as pdfium

    with _pdfium_lock:
        document = pdfium.PdfDocument(pdf)
        try:
            return [(float(w), float(h)) for w, h in
                    (document[i].get_size() for i in range(len(document)))]
        finally:
            document.close()


def rasterise(pdf: bytes, dpi: float | None = None) -> list[RenderedPage]:
    """Every page of `pdf` as an RGB QImage. Safe on a worker thread (QImage is not a widget).

    `dpi` None: 203 dpi for thermal rolls, 150 dpi for sheets.
    """
    import pypdfium2 as pdfium
    import pypdfium2.raw as pdfium_c

    pages: list[RenderedPage] = []
    with _pdfium_lock:
        document = pdfium.PdfDocument(pdf)
        try:
            for index in range(len(document)):
                page = document[index]
                width, height = page.get_size()
                chosen = dpi or (ROLL_DPI if width <= _ROLL_MAX_WIDTH_PT else SHEET_DPI)
                bitmap = page.render(scale=chosen / 72, rev_byteorder=True,
                                     force_bitmap_format=pdfium_c.FPDFBitmap_BGR)
                image = QImage(bytes(bitmap.buffer), bitmap.width, bitmap.height,
                               bitmap.stride, QImage.Format.Format_RGB888).copy()
                image.setDotsPerMeterX(round(chosen / 0.0254))
                image.setDotsPerMeterY(round(chosen / 0.0254))
                pages.append(RenderedPage(image, float(width), float(height)))
                page.close()
        finally:
            document.close()
    return pages


def paint_pages(printer: QPrinter, pages: Sequence[RenderedPage]) -> None:
    """Paint `pages` onto `printer`, each scaled to the printable width (top-aligned). A page
    taller than the paper (a long receipt on a fixed-length roll setting) continues on the
    next sheet. Raises PrintFailed when the printer cannot start or ends in an error state.
    Any thread may call this for a QPrinter that no other thread is using.
    """
    painter = QPainter()
    if not painter.begin(printer):
        raise PrintFailed("begin")
    try:
        first = True
        for page in pages:
            target = QRectF(painter.viewport())
            image = page.image
            scale = target.width() / max(image.width(), 1)
            if image.height() * scale <= target.height() * 1.001:
                slices = [(0, image.height())]
            else:
                step = max(1, int(target.height() / scale))
                slices = [(y, min(step, image.height() - y))
                          for y in range(0, image.height(), step)]
            for top, rows in slices:
                if not first and not printer.newPage():
                    raise PrintFailed("newPage")
                first = False
                source = QRectF(0, top, image.width(), rows)
                destination = QRectF(target.left(), target.top(), target.width(), rows * scale)
                painter.drawImage(destination, image, source)
    finally:
        painter.end()
    if printer.printerState() == QPrinter.PrinterState.Error:
        raise PrintFailed("state")


def configure_printer(printer: QPrinter, width_pt: float, height_pt: float) -> None:
    """Paper as large as the document's first page, no margins (the PDF has its own)."""
    size = QPageSize(QSizeF(width_pt, height_pt), QPageSize.Unit.Point, "Posko",
                     QPageSize.SizeMatchPolicy.FuzzyMatch)
    layout = QPageLayout(size, QPageLayout.Orientation.Portrait, QMarginsF(0, 0, 0, 0),
                         QPageLayout.Unit.Point)
    printer.setPageLayout(layout)
    printer.setFullPage(True)


class PrintJob(QObject):
    """One document to preview, print and save. Keep a reference until it has finished.

    Signals: ``preview_opened`` (the dialog is up), ``printed(str)`` (printer name or output
    file), ``saved(str)`` (a PDF written by "Save as PDF"), ``failed(str)`` (what went wrong,
    for the officer; the PDF has been kept, its path is in :attr:`kept_pdf`).
    """

    preview_opened = Signal()
    printed = Signal(str)
    saved = Signal(str)
    failed = Signal(str)

    def __init__(self, pdf: bytes, *, file_name: str, title: str = "",
                 parent: QWidget | None = None, settings: Settings | None = None,
                 runner: BackgroundRunner | None = None, keep_dir: Path | None = None) -> None:
        super().__init__(parent)
        if not pdf.startswith(b"%PDF"):
            raise ValueError("not a PDF document")
        self.pdf = pdf
        self.file_name = file_name if file_name.lower().endswith(".pdf") else f"{file_name}.pdf"
        self.title = title or self.file_name
        self._parent_widget = parent
        self._settings = settings if settings is not None else Settings()
        self._runner = runner if runner is not None else BackgroundRunner(self)
        self._keep_dir = keep_dir
        self._pages: list[RenderedPage] | None = None
        self._busy_printer: QPrinter | None = None
        self._last_paint_failed = False
        self.dialog: QPrintPreviewDialog | None = None
        self.error_box: QMessageBox | None = None
        self.kept_pdf: Path | None = None

    # ------------------------------------------------------------------ printer choice

    def remembered_printer(self) -> str:
        """The printer chosen last time, if it is still installed."""
        name = self._settings.get(PRINTER_NAME)
        return name if name and name in QPrinterInfo.availablePrinterNames() else ""

    def make_printer(self) -> QPrinter:
        """A printer set up for this document: the remembered one (or the system default),
        paper the size of the document."""
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        name = self.remembered_printer()
        if name:
            printer.setPrinterName(name)
        width, height = page_sizes(self.pdf)[0]
        configure_printer(printer, width, height)
        printer.setDocName(self.title)
        return printer

    def _remember(self, printer: QPrinter) -> None:
        if printer.outputFormat() == QPrinter.OutputFormat.NativeFormat and printer.printerName():
            self._settings.set(PRINTER_NAME, printer.printerName())

    # ------------------------------------------------------------------ preview

    def preview(self) -> None:
        """Render the pages in the background, then open the preview dialog (not modal to the
        application: the desk keeps working)."""
        if self._pages is not None:
            self._open_preview(self._pages)
            return
        pdf = self.pdf
        self._runner.run(lambda: rasterise(pdf), self._open_preview, self._render_failed)

    def _open_preview(self, pages: list[RenderedPage]) -> None:
        self._pages = pages
        printer = self.make_printer()
        dialog = QPrintPreviewDialog(printer, self._parent_widget)
        dialog.setWindowTitle(self.tr("Pratinjau cetak — %1").replace("%1", self.title))
        dialog.paintRequested.connect(self._paint_preview)
        save = QAction(self.tr("Simpan sebagai PDF…"), dialog)
        save.setObjectName("savePdfAction")
        save.setToolTip(self.tr("Simpan dokumen asli sebagai berkas PDF"))
        save.triggered.connect(self.ask_save_pdf)
        toolbar = dialog.findChild(QToolBar)
        if toolbar is not None:
            toolbar.addSeparator()
            toolbar.addAction(save)
        else:  # pragma: no cover - every Qt 6 preview dialog has its toolbar
            dialog.addAction(save)
        dialog.finished.connect(lambda result: self._preview_finished(printer, result))
        self.dialog = dialog
        dialog.open()
        self.preview_opened.emit()

    def _paint_preview(self, printer: QPrinter) -> None:
        # The dialog calls this to draw its preview and again, on the same QPrinter, when the
        # officer presses Print: the outcome of the last call decides in _preview_finished.
        try:
            paint_pages(printer, self._pages or [])
        except PrintFailed:
            log.warning("painting the document for the preview or the printer failed")
            self._last_paint_failed = True
        else:
            self._last_paint_failed = False

    def _preview_finished(self, printer: QPrinter, result: int) -> None:
        self.dialog = None
        if result != QPrintPreviewDialog.DialogCode.Accepted.value:
            return
        if self._last_paint_failed or printer.printerState() == QPrinter.PrinterState.Error:
            self._fail()
            return
        self._remember(printer)
        self.printed.emit(printer.printerName() or printer.outputFileName())

    def _render_failed(self, error: BaseException) -> None:
        log.error("could not render the document for preview: %s", type(error).__name__)
        self._fail(self.tr("Pratinjau tidak dapat dibuat."))

    # ------------------------------------------------------------------ printing

    def print_to(self, printer: QPrinter | None = None) -> None:
        """Print without a dialog, in the background; ``printed`` or ``failed`` follows."""
        if self._busy_printer is not None:
            return  # one print at a time per job: a double click does not print twice
        chosen = printer if printer is not None else self.make_printer()
        self._busy_printer = chosen
        dpi = min(float(chosen.resolution()), MAX_PRINT_DPI)
        pdf = self.pdf

        def work() -> str:
            paint_pages(chosen, rasterise(pdf, dpi))
            return chosen.printerName() or chosen.outputFileName()

        self._runner.run(work, self._print_done, self._print_failed)

    def _print_done(self, name: str) -> None:
        printer, self._busy_printer = self._busy_printer, None
        if printer is not None:
            self._remember(printer)
        self.printed.emit(name)

    def _print_failed(self, error: BaseException) -> None:
        self._busy_printer = None
        if not isinstance(error, PrintFailed):
            log.error("printing failed: %s", type(error).__name__)
        self._fail()

    # ------------------------------------------------------------------ files

    def save_pdf(self, path: Path) -> Path:
        """Write the original PDF to `path` (a few tens of kB: done right here)."""
        target = Path(path)
        if target.suffix.lower() != ".pdf":
            target = target.with_name(target.name + ".pdf")
        target.write_bytes(self.pdf)
        self.saved.emit(str(target))
        return target

    def ask_save_pdf(self) -> None:
        """Ask where to save the PDF ("Save as PDF"), then save it."""
        suggested = str(self.default_save_dir() / self.file_name)
        chosen, _filter = QFileDialog.getSaveFileName(
            self._dialog_parent(), self.tr("Simpan sebagai PDF"), suggested,
            self.tr("Dokumen PDF (*.pdf)"))
        if not chosen:
            return
        try:
            self.save_pdf(Path(chosen))
        except OSError:
            self._show_message(self.tr(
                "PDF tidak dapat disimpan di tempat itu. Pilih folder lain (misalnya Dokumen "
                "atau flashdisk)."))

    def default_save_dir(self) -> Path:
        from PySide6.QtCore import QStandardPaths

        documents = QStandardPaths.writableLocation(
            QStandardPaths.StandardLocation.DocumentsLocation)
        return Path(documents) if documents else Path.home()

    def keep_dir(self) -> Path:
        if self._keep_dir is not None:
            return self._keep_dir
        from posko.paths import resolve_paths

        return resolve_paths().data_dir / "printed"

    def keep_pdf(self) -> Path | None:
        """Keep a copy of the document for a later reprint; None if even that fails."""
        try:
            folder = self.keep_dir()
            folder.mkdir(parents=True, exist_ok=True)
            target = folder / self.file_name
            target.write_bytes(self.pdf)
        except OSError:
            log.error("could not keep the PDF after a printer error")
            return None
        self.kept_pdf = target
        return target

    # ------------------------------------------------------------------ messages

    def _dialog_parent(self) -> QWidget | None:
        return self.dialog if self.dialog is not None else self._parent_widget

    def _fail(self, headline: str | None = None) -> None:
        kept = self.keep_pdf()
        lines = [headline or self.tr("Printer tidak dapat mencetak dokumen ini."), "",
                 self.tr("Periksa: printer menyala dan terhubung (kabel USB/jaringan), kertas "
                         "terpasang dan tidak macet, tutup printer rapat. Lalu coba cetak "
                         "lagi, atau pilih printer lain."), ""]
        if kept is not None:
            lines.append(self.tr("Dokumen tidak hilang: PDF-nya disimpan di\n%1\nCetak ulang "
                                 "dari sana nanti, atau salin ke flashdisk.")
                         .replace("%1", str(kept)))
        else:
            lines.append(self.tr("Gunakan \"Simpan sebagai PDF\" untuk menyimpan dokumen."))
        message = "\n".join(lines)
        self._show_message(message)
        self.failed.emit(message)

    def _show_message(self, message: str) -> None:
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Posko — cetak"), message,
                          QMessageBox.StandardButton.Ok, self._dialog_parent())
        box.setObjectName("printErrorBox")
        self.error_box = box
        box.open()  # window-modal at most: never blocks the desk's event loop


def preview_pdf(pdf: bytes, *, file_name: str, title: str = "", parent: QWidget | None = None,
                settings: Settings | None = None, runner: BackgroundRunner | None = None,
                on_printed: Callable[[str], Any] | None = None) -> PrintJob:
    """Open the print preview of `pdf` (rendered in the background) and return the job.

    The job is parented to `parent` (kept alive with it). Typical use from a page::

        pdf = build_receipt(ticket, receipt_settings(ctx.settings, ctx.identity.timezone))
        preview_pdf(pdf, file_name=f"tanda-terima-{ticket.tracking_code}.pdf",
                    parent=self, settings=ctx.settings, runner=ctx.runner)
    """
    job = PrintJob(pdf, file_name=file_name, title=title, parent=parent, settings=settings,
                   runner=runner)
    if on_printed is not None:
        job.printed.connect(on_printed)
    job.preview()
    return job


def receipt_settings(settings: Settings, timezone: tzinfo, **overrides: Any) -> ReceiptSettings:
    """The ReceiptSettings chosen in the desk's Settings (paper size, language); `overrides`
    set any other field, e.g. ``contact=KecamatanContact.from_mapping(store.meta())`` or
    ``office_copy=True``."""
    from posko.receipts import PaperSize, ReceiptSettings
    from posko.ui.settings import LANGUAGE, PAPER_SIZE

    values: dict[str, Any] = {"size": PaperSize.parse(settings.get(PAPER_SIZE)),
                              "language": settings.get(LANGUAGE), "timezone": timezone}
    values.update(overrides)
    return ReceiptSettings(**values)


def preview_ticket_receipt(ctx: DeskContext, ticket: Ticket, parent: QWidget, *, reprint: bool,
                           button: QAbstractButton, keep_job: Callable[[Any], None]) -> None:
    """Build a ticket's tanda terima off the GUI thread (with the kecamatan's own contact
    channels from the desk DB), then open its print preview. `button` is disabled meanwhile
    (no double prints); `keep_job` receives the PrintJob so the caller keeps it alive."""
    from posko.receipts import KecamatanContact, build_receipt
    from posko.ui.context import show_error

    officer = ctx.officer
    officer_name = (officer.full_name if officer is not None
                    and officer.username == ticket.officer else None)
    printed_at = datetime.now(UTC) if reprint else None

    def work() -> bytes:
        settings = receipt_settings(ctx.settings, ctx.identity.timezone,
                                    contact=KecamatanContact.from_mapping(ctx.store.meta()))
        return build_receipt(ticket, settings, officer_name=officer_name,
                             printed_at=printed_at)

    def done(pdf: bytes) -> None:
        button.setEnabled(True)
        keep_job(preview_pdf(
            pdf, file_name=f"tanda-terima-{ticket.tracking_code}.pdf",
            title=fill(QCoreApplication.translate("PrintJob", "Tanda terima %1"),
                       ticket.tracking_code),
            parent=parent, settings=ctx.settings, runner=ctx.runner))

    def failed(error: BaseException) -> None:
        button.setEnabled(True)
        show_error(parent, error)

    button.setEnabled(False)
    ctx.runner.run(work, done, failed)
