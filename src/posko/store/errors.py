"""Errors the store shows to people, each with a safe way forward in its message."""

from __future__ import annotations

from posko.domain.errors import PoskoError


class StoreError(PoskoError):
    code = "store_error"


class DatabaseCorrupt(StoreError):
    code = "database_corrupt"


class DatabaseLocked(StoreError):
    code = "database_locked"


class DiskFull(StoreError):
    code = "disk_full"


class NotInitialised(StoreError):
    code = "not_initialised"


class NotFound(StoreError):
    code = "not_found"


def locked_error() -> DatabaseLocked:
    return DatabaseLocked(
        "Basis data sedang dipakai program lain (terkunci). Tutup jendela Posko lain atau "
        "tunggu sebentar, lalu coba lagi. Data Anda belum hilang.",
        "The database is in use by another program (locked). Close the other Posko window or "
        "wait a moment, then try again. Your data is not lost.",
    )


def disk_full_error() -> DiskFull:
    return DiskFull(
        "Disk penuh: data tidak dapat disimpan. Kosongkan ruang disk lalu simpan lagi; "
        "isian formulir tidak hilang dan tidak ada yang tersimpan setengah.",
        "The disk is full: nothing could be saved. Free some disk space and save again; the "
        "form is kept and nothing was half-written.",
    )
