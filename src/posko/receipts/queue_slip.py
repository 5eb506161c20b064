"""The queue slip (nomor antrean) a walk-in takes at the door: kecamatan, date, a big
number and the time it was taken."""

from __future__ import annotations

from datetime import datetime

from reportlab.platypus import Flowable, Spacer

from posko.domain.errors import PoskoError
from posko.receipts import text as tx
from posko.receipts.layout import (
    METRICS,
    BigText,
    Rule,
    header,
    para,
    render_roll,
    render_sheet,
    sheet_size,
    styles_for,
)
from posko.receipts.settings import ReceiptSettings

_DEFAULT_SETTINGS = ReceiptSettings()


def format_queue_number(number: int) -> str:
    """``7`` -> ``007``: three digits read out well ("nol-nol-tujuh") and sort as printed."""
    return f"{number:03d}"


def build_queue_slip(number: int, issued_at: datetime, kecamatan_code: str,
                     settings: ReceiptSettings = _DEFAULT_SETTINGS) -> bytes:
    """The slip for queue `number`, taken at `issued_at`, as PDF bytes (58/80 mm rolls; A5
    and A4 work too)."""
    if number < 1:
        raise PoskoError("Nomor antrean harus minimal 1.", "A queue number must be at least 1.",
                         code="invalid_queue_number")
    size = settings.size
    metrics = METRICS[size]
    styles = styles_for(metrics, roll=size.is_roll)
    language = settings.language
    here = tx.local(issued_at, settings.timezone)
    flow: list[Flowable] = [
        *header(kecamatan_code, language, size, styles, metrics, tx.t("posko", language)),
        Rule(),
        para(tx.t("queue_title", language), styles.title),
        Spacer(1, 2),
        BigText(format_queue_number(number), metrics.queue_number),
        Spacer(1, 4),
        para(tx.format_date(here.date(), language), styles.body_center),
        para(f"{tx.t('queue_taken', language)}: <b>{tx.format_time(here, settings.timezone)}</b>",
             styles.body_center, markup=True),
        Rule(),
        para(tx.t("queue_wait", language), styles.small_center),
    ]
    title = f"{tx.t('queue_title', language).title()} {format_queue_number(number)}"
    if size.is_roll:
        return render_roll(flow, size, title)
    return render_sheet(flow, sheet_size(size), metrics.margin, title, single_page=True)

