"""The QR code: what it holds, and that a phone camera (zxing-cpp) reads it back."""

from __future__ import annotations

import io

import pytest
import zxingcpp
from PIL import Image
from reportlab.pdfgen.canvas import Canvas

from posko.receipts import KecamatanContact, qr_payload
from posko.receipts.qr import qr_flowable, qr_modules
from tests.receipts.helpers import CODE, decode_qr


def test_payload_is_the_status_url_with_the_code() -> None:
    assert qr_payload(CODE, KecamatanContact()) == f"https://posko.example/cek?kode={CODE}"
    assert qr_payload(CODE, KecamatanContact(status_url_template="")) == CODE


@pytest.mark.parametrize("payload", [CODE, "https://pengaduan.example/status?kode=" + CODE,
                                     "x" * 200])
def test_flowable_decodes_to_its_payload(payload: str) -> None:
    flowable = qr_flowable(payload, 100)
    assert flowable.wrap(500, 500) == (100, 100)
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=(140, 140))
    flowable.drawOn(canvas, 20, 20)
    canvas.save()
    assert decode_qr(buffer.getvalue()) == [payload]


def test_module_matrix_is_a_valid_qr_symbol() -> None:
    modules = qr_modules(f"https://posko.example/cek?kode={CODE}")
    size = len(modules)
    assert all(len(row) == size for row in modules)
    assert (size - 17) % 4 == 0  # versions 1..40 are 21, 25, ... modules wide
    # The three finder patterns: a dark 7x7 ring around a dark 3x3 centre.
    for top, left in ((0, 0), (0, size - 7), (size - 7, 0)):
        ring = [modules[top][left + i] for i in range(7)] + [modules[top + 6][left + i]
                                                             for i in range(7)]
        assert all(ring)
        assert not modules[top + 1][left + 1]
        assert all(modules[top + 2 + r][left + 2 + c] for r in range(3) for c in range(3))


def test_decoder_finds_nothing_in_a_blank_image() -> None:
    # The decoding helper can fail: a white page holds no QR code.
    blank = Image.new("L", (200, 200), 255)
    assert zxingcpp.read_barcodes(blank) == []
