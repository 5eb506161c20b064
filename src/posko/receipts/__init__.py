"""Paper: receipts (tanda terima) for 58/80 mm thermal rolls and A5/A4 sheets, chase
receipts, queue slips and the Saturday recap, as PDF bytes built with reportlab.

Pure Python (no Qt): the desk window previews and prints these bytes (posko.ui.printing), the
CLI writes them to files. Fonts: DejaVu Sans from resources/fonts, embedded (subset).
"""

from __future__ import annotations

from posko.receipts.qr import qr_payload
from posko.receipts.queue_slip import build_queue_slip, format_queue_number
from posko.receipts.recap import build_recap_pdf, recap_csv
from posko.receipts.receipt import Promise, build_chase_receipt, build_receipt, promise_for
from posko.receipts.settings import KecamatanContact, PaperSize, ReceiptSettings

__all__ = [
    "KecamatanContact",
    "PaperSize",
    "Promise",
    "ReceiptSettings",
    "build_chase_receipt",
    "build_queue_slip",
    "build_recap_pdf",
    "build_receipt",
    "format_queue_number",
    "promise_for",
    "qr_payload",
    "recap_csv",
]
