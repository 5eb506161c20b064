"""Building blocks: the big code's fitting, the roll renderer, fitting a sheet."""

from __future__ import annotations

import pytest
from reportlab.lib.units import mm
from reportlab.platypus import Spacer

from posko.receipts.layout import (
    METRICS,
    BigCode,
    fits,
    kecamatan_lines,
    para,
    render_roll,
    styles_for,
)
from posko.receipts.settings import PaperSize
from tests.receipts.helpers import CODE, page_sizes, pdf_text


def big(code: str, width: float, low: float = 16, high: float = 28) -> BigCode:
    block = BigCode(code, label="Kode", min_size=low, max_size=high, label_size=7.5)
    block.wrap(width, 1000)
    return block


def test_code_on_one_line_when_it_fits() -> None:
    block = big(CODE, 200 * mm)
    assert block.lines == (CODE,)
    assert block.size == 28


def test_code_stacked_by_group_on_a_58mm_roll() -> None:
    block = big(CODE, 48 * mm)
    assert block.lines == ("8YXQ", "3592", "222J")
    assert 16 <= block.size <= 28
    assert block.stacked


def test_code_at_minimum_size_when_only_that_fits() -> None:
    block = big("WWWW-MMMM-WWWW", 128 * mm, low=24, high=30)
    assert block.lines == ("WWWW-MMMM-WWWW",)
    assert block.size == 24


def test_roll_height_follows_content() -> None:
    styles = styles_for(METRICS[PaperSize.THERMAL_58], roll=True)
    short = render_roll([para("satu", styles.body)], PaperSize.THERMAL_58, "t")
    tall = render_roll([para("satu", styles.body), Spacer(1, 300)], PaperSize.THERMAL_58, "t")
    (w1, h1), (w2, h2) = page_sizes(short)[0], page_sizes(tall)[0]
    assert w1 == w2 == pytest.approx(58 * mm)
    assert h2 == pytest.approx(h1 + 300, abs=0.5)
    assert pdf_text(short) == "satu"


def test_fits_measures_a_stack() -> None:
    assert fits([Spacer(1, 100), Spacer(1, 100)], 100, 300)
    assert not fits([Spacer(1, 200), Spacer(1, 200)], 100, 300)


def test_kecamatan_header_lines() -> None:
    assert kecamatan_lines("31.75.04", "id") == (
        "Kecamatan Kramatjati",
        "Kota Administrasi Jakarta Timur, Daerah Khusus Ibukota Jakarta")
    assert kecamatan_lines("99.99.99", "id") == ("Kecamatan 99.99.99", "")
