"""Posko: desk software for walk-in complaint posts (posko pengaduan) at kecamatan offices."""

__version__ = "0.1.0"
