"""`posko` command line: set up a desk, load demo data, search, show, back up, check, print
receipts and the session recap to PDF.

Every failure a person can cause (bad kecamatan code, DB locked, disk full, no keyring, ...)
ends with a message in Bahasa Indonesia and English and a non-zero exit code, never a
traceback. Set POSKO_DEBUG=1 to see the traceback of an unexpected error.
"""

from __future__ import annotations

import argparse
import errno
import os
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from posko import __version__
from posko.domain.errors import PoskoError
from posko.paths import DataPaths, resolve_paths
from posko.secrets import DEMO_NOTICE, KeyringSecrets, Secrets, use_demo_file_keyring
from posko.store.errors import disk_full_error

if TYPE_CHECKING:
    from posko.store.database import Store

EXIT_OK = 0
EXIT_UNEXPECTED = 1
EXIT_USER_ERROR = 2
EXIT_INTERRUPTED = 130


class Console:
    """Output in the chosen language; errors always carry both languages."""

    def __init__(self, language: str, out: TextIO, err: TextIO) -> None:
        self.language = language
        self.out = out
        self.err = err

    def say(self, text_id: str, text_en: str) -> None:
        print(text_en if self.language == "en" else text_id, file=self.out)

    def error(self, error: PoskoError) -> None:
        print(f"Galat: {error.message_id}\nError: {error.message_en}", file=self.err)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="posko",
        description="Posko — meja posko pengaduan kecamatan / kecamatan complaint desk.",
    )
    parser.add_argument("--version", action="version", version=f"posko {__version__}")
    parser.add_argument("--db", help="berkas basis data / database file (env POSKO_DB)")
    parser.add_argument("--data-dir", help="folder data / data folder (env POSKO_DATA_DIR)")
    parser.add_argument("--demo", action="store_true",
                        help="profil demo: folder data terpisah dan kunci di berkas biasa / "
                             "demo profile: separate data folder, keys in a plain file")
    parser.add_argument("--lang", choices=("id", "en"),
                        default=os.environ.get("POSKO_LANG", "id"),
                        help="bahasa keluaran / output language (default: id)")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    init = commands.add_parser("init", help="siapkan meja / set up this desk")
    init.add_argument("--kecamatan", required=True, help="kode Kemendagri, mis. 31.75.04")
    init.add_argument("--desk", type=int, default=1, help="nomor meja / desk number (1-31)")
    init.add_argument("--timezone",
                      help="zona waktu / time zone (default: the kecamatan's own, e.g. "
                           "Asia/Jakarta, Asia/Makassar, Asia/Jayapura)")

    demo = commands.add_parser("demo-data", help="isi data contoh / load demo tickets")
    demo.add_argument("--tickets", type=int, default=2000, help="jumlah tiket / how many")
    demo.add_argument("--seed", type=int, default=1)

    search = commands.add_parser("search", help="cari tiket / search tickets")
    search.add_argument("text", nargs="*")
    search.add_argument("--nik", help="cari menurut NIK (pencocokan tepat) / exact NIK lookup")
    search.add_argument("--limit", type=int, default=20)

    show = commands.add_parser("show", help="tampilkan tiket / show one ticket")
    show.add_argument("code", nargs="+", help="kode pelacakan atau nomor aplikasi (QLUE 123)")

    commands.add_parser("backup", help="buat cadangan / make a backup")
    restore = commands.add_parser("restore", help="pulihkan cadangan / restore a backup")
    restore.add_argument("backup", nargs="?", help="berkas cadangan (default: terbaru)")
    commands.add_parser("check", help="periksa basis data / check the database")

    receipt = commands.add_parser("print-receipt",
                                  help="tanda terima sebagai PDF / a receipt as PDF")
    receipt.add_argument("code", nargs="+", help="kode pelacakan atau nomor aplikasi (QLUE 123)")
    receipt.add_argument("--size", default="58mm",
                         help="kertas / paper: 58mm, 80mm, a5, a4 (default: 58mm)")
    receipt.add_argument("--lang", dest="receipt_lang", choices=("id", "en"), default=None,
                         help="bahasa tanda terima / receipt language (default: --lang)")
    receipt.add_argument("--copy", action="store_true",
                         help="cetak SALINAN untuk arsip kantor / print the office COPY")
    receipt.add_argument("--chase", action="store_true",
                         help="tanda terima tindak lanjut terakhir / receipt of the last chase "
                              "(default for app tickets that were chased)")
    receipt.add_argument("--out", required=True, metavar="FILE.pdf",
                         help="berkas PDF tujuan / PDF file to write")

    case = commands.add_parser("print-case",
                               help="berkas kasus lengkap (PDF A4) / full case file (A4 PDF)")
    case.add_argument("code", nargs="+", help="kode pelacakan atau nomor aplikasi (QLUE 123)")
    case.add_argument("--out", required=True, metavar="FILE.pdf",
                      help="berkas PDF tujuan / PDF file to write")
    case.add_argument("--internal-notes", action="store_true",
                      help="sertakan catatan internal / include internal notes")
    case.add_argument("--lang", dest="case_lang", choices=("id", "en"), default=None,
                      help="bahasa berkas / language of the case file (default: --lang)")
    case.add_argument("--by", metavar="NAME",
                      help="nama pencetak di kaki halaman / name in the 'printed by' footer "
                           "(default: the system user)")

    recap = commands.add_parser("recap", help="rekap sesi posko / the session recap (A4 PDF)")
    recap.add_argument("--date", help="tanggal sesi / session date YYYY-MM-DD (default: today)")
    recap.add_argument("--out", required=True, metavar="FILE.pdf",
                       help="berkas PDF tujuan / PDF file to write")
    recap.add_argument("--csv", metavar="FILE.csv",
                       help="juga tulis CSV / also write the figures as CSV")

    officer = commands.add_parser("officer", help="kelola petugas / manage officers")
    officer_commands = officer.add_subparsers(dest="officer_command", required=True,
                                              metavar="ACTION")
    add = officer_commands.add_parser("add", help="tambah petugas / add an officer")
    add.add_argument("--username", required=True)
    add.add_argument("--name", required=True, help="nama lengkap / full name")
    add.add_argument("--role", choices=("officer", "supervisor"), default="officer")
    add.add_argument("--pin-stdin", action="store_true",
                     help="baca PIN dari stdin / read the PIN from standard input")
    officer_commands.add_parser("list", help="daftar petugas / list officers")

    enrol = commands.add_parser("enrol", help="daftarkan meja ke server kota / enrol with "
                                              "the city server")
    enrol.add_argument("url", help="alamat server, mis. https://pengaduan.kota.example")
    enrol.add_argument("code", help="kode pendaftaran sekali pakai / one-time enrolment code")
    sync = commands.add_parser("sync", help="sinkronkan dengan server / sync with the server")
    sync.add_argument("--once", action="store_true", help="sekali saja / one round, then exit")
    sync.add_argument("--interval", type=int, default=60, metavar="SECONDS",
                      help="jeda antar putaran / seconds between rounds (default 60)")
    open311 = commands.add_parser("open311", help="cari laporan di server Open311 / look up "
                                                  "a request on an Open311 GeoReport v2 server")
    open311.add_argument("url", help="mis. https://kota.example/open311/v2")
    open311.add_argument("request_id", help="service_request_id")
    open311.add_argument("--api-key")
    open311.add_argument("--jurisdiction")
    outbox = commands.add_parser("outbox", help="perubahan yang belum terkirim / "
                                                "changes waiting to be sent")
    outbox.add_argument("--retry", action="store_true",
                        help="kirim ulang yang ditahan / retry parked changes")
    _data_request_parser(commands)
    return parser


def _data_request_parser(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """`posko data-request find|export|erase|pending|run|retention` (UU PDP art. 32)."""
    request = commands.add_parser(
        "data-request", help="permintaan data warga (UU PDP) / a citizen's data request")
    actions = request.add_subparsers(dest="data_request_command", required=True,
                                     metavar="ACTION")
    person = argparse.ArgumentParser(add_help=False)
    person.add_argument("--nik", help="NIK (16 angka); '-' = baca dari stdin / read from stdin")
    person.add_argument("--phone", help="nomor telepon / phone number; '-' = stdin")
    person.add_argument("--name", help="nama lengkap / full name (exact); '-' = stdin")
    by = argparse.ArgumentParser(add_help=False)
    by.add_argument("--by", metavar="NAME",
                    help="petugas yang tercatat di log audit / officer for the audit log "
                         "(default: the system user)")
    actions.add_parser("find", parents=[person],
                       help="cari semua tiket orang itu / find the person's tickets")
    export = actions.add_parser("export", parents=[person, by],
                                help="ekspor PDF + JSON / export PDF + JSON")
    export.add_argument("--out", required=True, metavar="FILE",
                        help="nama berkas tanpa akhiran / file name (FILE.pdf, FILE.json)")
    erase = actions.add_parser("erase", parents=[person, by],
                               help="hapus (anonimkan) / erase (anonymise)")
    erase.add_argument("--yes", action="store_true",
                       help="benar-benar hapus / really erase (without it: only the plan)")
    actions.add_parser("pending", help="permintaan hapus yang menunggu / waiting erasures")
    actions.add_parser("run", parents=[by],
                       help="jalankan penghapusan yang sudah boleh / erase what may be "
                            "erased now")
    retention = actions.add_parser("retention", parents=[by],
                                   help="masa simpan (hari) / retention period (days)")
    retention.add_argument("days", nargs="?", type=int, help="nilai baru / new value")


DEMO_PIN = "1234"


def select_secrets(paths: DataPaths, demo: bool, console: Console) -> Secrets:
    if demo:
        use_demo_file_keyring(paths.demo_keyring_file)
        print(DEMO_NOTICE.format(path=paths.demo_keyring_file), file=console.err)
    return KeyringSecrets()


def open_store(paths: DataPaths, *, full_check: bool = False) -> Store:
    """The desk DB. The full integrity check reads the whole file (about a minute at a million
    tickets), so only `check` and `backup` ask for it; every open still checks the header."""
    from posko.store.database import Store

    return Store.open(paths.db_file, check_integrity=full_check, backup_dir=paths.backup_dir)


def cmd_init(args: argparse.Namespace, paths: DataPaths, console: Console,
             secrets: Secrets) -> int:
    from posko import catalogues
    from posko.store.desk import initialise_desk

    region = catalogues.kecamatan(args.kecamatan)  # refuses unknown codes before any write
    with open_store(paths) as store:
        identity = initialise_desk(
            store, secrets, kecamatan_code=region.code, desk_number=args.desk,
            timezone=args.timezone or catalogues.timezone_name(region.code))
    console.say(
        f"Meja {identity.desk_number} Kecamatan {region.name} ({region.code}) siap.\n"
        f"Basis data: {paths.db_file}",
        f"Desk {identity.desk_number} of Kecamatan {region.name} ({region.code}) is ready.\n"
        f"Database: {paths.db_file}",
    )
    return EXIT_OK


def _progress_printer(total: int, console: Console) -> Callable[[int], None]:
    started = time.monotonic()

    def report(done: int) -> None:
        rate = done / max(time.monotonic() - started, 1e-6)
        print(f"\r  {done:,}/{total:,} tiket ({rate:,.0f}/s)", end="", file=console.err,
              flush=True)
        if done >= total:
            print(file=console.err)

    return report


def cmd_demo_data(args: argparse.Namespace, paths: DataPaths, console: Console,
                  secrets: Secrets) -> int:
    from posko import demo_data
    from posko.store.database import set_meta
    from posko.store.desk import desk_identity, nik_cipher
    from posko.store.tickets import bulk_insert

    if args.tickets < 1:
        raise PoskoError("Jumlah tiket harus minimal 1.", "The number of tickets must be >= 1.")
    with open_store(paths) as store:
        identity = desk_identity(store)
        if store.get_meta("demo_data_seed") is not None:
            raise PoskoError(
                "Basis data ini sudah berisi data demo. Gunakan basis data baru (--db) untuk "
                "data demo lain.",
                "This database already holds demo data. Use a new database (--db) for more.",
            )
        cipher = nik_cipher(store, secrets)
        started = time.monotonic()
        cases = demo_data.generate(identity.kecamatan_code, args.tickets, seed=args.seed,
                                   desk=identity.desk_number)
        inserted = bulk_insert(
            store, cipher, ((c.ticket, c.events, c.follow_ups) for c in cases),
            progress=_progress_printer(args.tickets, console),
        )
        with store.unit_of_work() as session:
            set_meta(session, "demo_data_seed", str(args.seed))
        elapsed = time.monotonic() - started
        demo_officers = _add_demo_officers(store)
    console.say(f"{inserted:,} tiket demo dimuat dalam {elapsed:.1f} detik.",
                f"{inserted:,} demo tickets loaded in {elapsed:.1f} s.")
    if demo_officers:
        console.say(f"Petugas demo (PIN {DEMO_PIN}): {', '.join(demo_officers)}",
                    f"Demo officers (PIN {DEMO_PIN}): {', '.join(demo_officers)}")
    return EXIT_OK


def _add_demo_officers(store: Store) -> list[str]:
    """The demo's officers, only when the desk has none (never touches real accounts)."""
    from posko.demo_data import DEFAULT_OFFICERS
    from posko.store.officers import Role, create_officer, list_officers

    if list_officers(store):
        return []
    added = []
    for index, username in enumerate(DEFAULT_OFFICERS):
        role = Role.SUPERVISOR if index == 0 else Role.OFFICER
        full_name = " ".join(part.capitalize() for part in username.split("."))
        create_officer(store, username=username, full_name=full_name, pin=DEMO_PIN, role=role)
        added.append(f"{username} ({role.value})")
    return added


def cmd_officer(args: argparse.Namespace, paths: DataPaths, console: Console,
                secrets: Secrets) -> int:
    from posko.store.officers import Role, create_officer, list_officers

    with open_store(paths) as store:
        if args.officer_command == "list":
            for info in list_officers(store):
                print(f"{info.username:<24} {info.role.value:<11} {info.full_name}",
                      file=console.out)
            return EXIT_OK
        pin = _read_pin(args.pin_stdin)
        info = create_officer(store, username=args.username, full_name=args.name, pin=pin,
                              role=Role(args.role), created_by="cli")
    console.say(f"Petugas {info.username} ({info.role.value}) ditambahkan.",
                f"Officer {info.username} ({info.role.value}) added.")
    return EXIT_OK


def _read_pin(from_stdin: bool) -> str:
    if from_stdin:
        return sys.stdin.readline().strip()
    import getpass

    first = getpass.getpass("PIN: ")
    if getpass.getpass("PIN (ulangi / again): ") != first:
        raise PoskoError("Kedua PIN tidak sama.", "The two PINs differ.")
    return first


def cmd_search(args: argparse.Namespace, paths: DataPaths, console: Console,
               secrets: Secrets) -> int:
    from posko.store.search import find_by_nik, search

    if args.nik is not None:
        from posko.domain.nik import validate_nik
        from posko.store.desk import nik_cipher

        nik = validate_nik(args.nik)  # a bad NIK is refused before anything is opened
        with open_store(paths) as store:
            found = find_by_nik(store, nik_cipher(store, secrets), nik)
        for code in found:
            print(code, file=console.out)
        console.say(f"{len(found)} tiket dengan NIK ini.", f"{len(found)} tickets with this NIK.")
        return EXIT_OK
    text = " ".join(args.text)
    if not text.strip():
        raise PoskoError("Tulis kata yang dicari, atau gunakan --nik.",
                         "Give some text to search for, or use --nik.")
    with open_store(paths) as store:
        started = time.perf_counter()
        results = search(store, text, limit=args.limit)
        elapsed_ms = (time.perf_counter() - started) * 1000
    for item in results:
        label = item.status.label_en if console.language == "en" else item.status.label_id
        refs = f" [{item.external_refs}]" if item.external_refs else ""
        snippet = item.description if len(item.description) <= 60 else item.description[:59] + "…"
        print(f"{item.tracking_code}  {item.created_at:%Y-%m-%d}  {label:<18} "
              f"{item.category:<22}{refs}  {snippet}", file=console.out)
    console.say(f"{len(results)} hasil ({elapsed_ms:.1f} ms).",
                f"{len(results)} results ({elapsed_ms:.1f} ms).")
    return EXIT_OK


def cmd_show(args: argparse.Namespace, paths: DataPaths, console: Console,
             secrets: Secrets) -> int:
    from posko.domain.nik import mask_nik
    from posko.domain.phone import mask_phone
    from posko.store.desk import nik_cipher
    from posko.store.errors import NotFound
    from posko.store.search import find_ticket

    code = " ".join(args.code)
    with open_store(paths) as store:
        detail = find_ticket(store, code, nik_cipher(store, secrets))
    if detail is None:
        raise NotFound("Tiket tidak ditemukan.", "Ticket not found.")
    t = detail.ticket
    en = console.language == "en"
    lines = [
        f"{'Tracking code' if en else 'Kode pelacakan'}: {t.tracking_code}",
        f"Status: {t.status.label_en if en else t.status.label_id}",
        f"{'Origin' if en else 'Asal'}: {t.origin.value}",
        f"{'Category' if en else 'Kategori'}: {t.category}",
        f"{'External refs' if en else 'Nomor aplikasi'}: "
        + (", ".join(str(r) for r in t.external_refs) or "-"),
        f"{'Location' if en else 'Lokasi'}: {t.location.kelurahan_code} RW {t.location.rw or '-'}"
        f" RT {t.location.rt or '-'}, {t.location.address}",
        f"{'Description' if en else 'Uraian'}: {t.description}",
        f"{'Reporter' if en else 'Pelapor'}: {t.reporter.name or '-'} ({t.reporter.kind.value})",
        f"{'Phone' if en else 'Telepon'}: "
        + (mask_phone(t.reporter.phone) if t.reporter.phone else "-"),
        f"NIK: {mask_nik(t.reporter.nik) if t.reporter.nik else '-'}",
        f"{'Created' if en else 'Dibuat'}: {t.created_at:%Y-%m-%d %H:%M} UTC",
        f"{'Timeline' if en else 'Riwayat'}:",
    ]
    for ev in detail.events:
        label = ev.status.label_en if en else ev.status.label_id
        extra = f" — {ev.note}" if ev.note else ""
        lines.append(f"  {ev.at:%Y-%m-%d %H:%M}  {label:<18} {ev.actor}{extra}")
    for fu in detail.follow_ups:
        due = f" ({'by' if en else 'paling lambat'} {fu.promised_by})" if fu.promised_by else ""
        lines.append(f"  {fu.asked_at:%Y-%m-%d %H:%M}  {'chase' if en else 'tindak lanjut':<18} "
                     f"{fu.officer}: {fu.promise}{due}")
    print("\n".join(lines), file=console.out)
    return EXIT_OK


def cmd_backup(args: argparse.Namespace, paths: DataPaths, console: Console,
               secrets: Secrets) -> int:
    from posko.store.backup import backup_database

    with open_store(paths, full_check=True):  # never back up a damaged or too-new DB
        pass
    target = backup_database(paths.db_file, paths.backup_dir)
    console.say(f"Cadangan dibuat: {target}", f"Backup written: {target}")
    return EXIT_OK


def cmd_restore(args: argparse.Namespace, paths: DataPaths, console: Console,
                secrets: Secrets) -> int:
    from posko.store.backup import latest_backup
    from posko.store.tickets import restore_desk_backup

    chosen = Path(args.backup) if args.backup else latest_backup(paths.backup_dir)
    if chosen is None or not chosen.exists():
        raise PoskoError("Tidak ada cadangan yang dapat dipulihkan.",
                         "There is no backup to restore.")
    moved = restore_desk_backup(chosen, paths.db_file, backup_dir=paths.backup_dir)
    console.say(f"Dipulihkan dari {chosen}." + (f" Berkas lama disimpan di {moved}." if moved
                                                else ""),
                f"Restored from {chosen}." + (f" The old file was kept as {moved}." if moved
                                              else ""))
    return EXIT_OK


def cmd_check(args: argparse.Namespace, paths: DataPaths, console: Console,
              secrets: Secrets) -> int:
    from posko.store import migrate
    from posko.store.backup import latest_backup
    from posko.store.desk import desk_identity, nik_cipher
    from posko.store.search import count_tickets

    with open_store(paths, full_check=True) as store:  # integrity_check and migrations
        identity = desk_identity(store)
        nik_cipher(store, secrets)  # the key must be in the keyring
        tickets = count_tickets(store)
        with store.engine.connect() as conn:
            revision = migrate.current_revision(conn)
    backup = latest_backup(paths.backup_dir)
    console.say(
        f"OK: integritas baik, skema {revision}, {tickets:,} tiket, kecamatan "
        f"{identity.kecamatan_code} meja {identity.desk_number}, kunci NIK ada di keyring.\n"
        f"Cadangan terakhir: {backup or '-'}",
        f"OK: integrity ok, schema {revision}, {tickets:,} tickets, kecamatan "
        f"{identity.kecamatan_code} desk {identity.desk_number}, NIK key present in keyring.\n"
        f"Last backup: {backup or '-'}",
    )
    return EXIT_OK


def write_output(target: str, data: bytes) -> Path:
    """Write a produced file completely or not at all (temp file, then rename)."""
    path = Path(target).expanduser()
    if not path.parent.is_dir():
        raise PoskoError(f"Folder tujuan tidak ada: {path.parent}",
                         f"The target folder does not exist: {path.parent}")
    if path.is_dir():
        raise PoskoError(f"Tujuan adalah folder, bukan berkas: {path}",
                         f"The target is a folder, not a file: {path}")
    partial = path.with_name(f".{path.name}.partial")
    try:
        partial.write_bytes(data)
        os.replace(partial, path)
    except OSError as exc:
        partial.unlink(missing_ok=True)
        if exc.errno == errno.ENOSPC:
            raise
        raise PoskoError(f"Berkas tidak dapat ditulis: {path} (periksa izin folder).",
                         f"Cannot write the file: {path} (check the folder's permissions).",
                         ) from None
    return path


def cmd_print_receipt(args: argparse.Namespace, paths: DataPaths, console: Console,
                      secrets: Secrets) -> int:
    from posko.domain.models import Origin
    from posko.receipts import (
        KecamatanContact,
        PaperSize,
        ReceiptSettings,
        build_chase_receipt,
        build_receipt,
    )
    from posko.store.desk import desk_identity, nik_cipher
    from posko.store.errors import NotFound
    from posko.store.recap import officer_names
    from posko.store.search import find_ticket

    size = PaperSize.parse(args.size)  # refused before anything is opened
    language = args.receipt_lang or console.language
    code = " ".join(args.code)
    with open_store(paths) as store:
        identity = desk_identity(store)
        detail = find_ticket(store, code, nik_cipher(store, secrets))
        if detail is None:
            raise NotFound("Tiket tidak ditemukan.", "Ticket not found.")
        names = officer_names(store)
        contact = KecamatanContact.from_mapping(store.meta())
    ticket = detail.ticket
    settings = ReceiptSettings(size=size, language=language, contact=contact,
                               office_copy=args.copy, timezone=identity.timezone)
    chase = args.chase or (ticket.origin is Origin.APP and bool(detail.follow_ups))
    if chase:
        if not detail.follow_ups:
            raise PoskoError("Tiket ini belum punya catatan tindak lanjut.",
                             "This ticket has no recorded follow-up (chase) yet.")
        follow_up = max(detail.follow_ups, key=lambda f: f.asked_at)
        pdf = build_chase_receipt(ticket, follow_up, detail.events, settings,
                                  officer_name=names.get(follow_up.officer),
                                  kecamatan_code=identity.kecamatan_code)
    else:
        pdf = build_receipt(ticket, settings, officer_name=names.get(ticket.officer),
                            kecamatan_code=identity.kecamatan_code)
    written = write_output(args.out, pdf)
    kind_id, kind_en = ("Tanda terima tindak lanjut", "Follow-up receipt") if chase else (
        "Tanda terima", "Receipt")
    console.say(f"{kind_id} {ticket.tracking_code} ({size.value}) ditulis ke {written}",
                f"{kind_en} {ticket.tracking_code} ({size.value}) written to {written}")
    return EXIT_OK


def cmd_print_case(args: argparse.Namespace, paths: DataPaths, console: Console,
                   secrets: Secrets) -> int:
    import getpass
    from datetime import UTC, datetime

    from posko.receipts.case import build_case_pdf
    from posko.store.case_file import case_snapshot, record_case_printout
    from posko.store.desk import nik_cipher

    language = args.case_lang or console.language
    code = " ".join(args.code)
    if not Path(args.out).expanduser().parent.is_dir():
        raise PoskoError(f"Folder tujuan tidak ada: {Path(args.out).expanduser().parent}",
                         "The target folder does not exist: "
                         f"{Path(args.out).expanduser().parent}")
    printed_by = (args.by or "").strip()
    if not printed_by:
        try:
            printed_by = getpass.getuser()
        except (KeyError, OSError):  # no user name in the environment or the passwd file
            printed_by = "posko"
    now = datetime.now(UTC)
    with open_store(paths) as store:
        case = case_snapshot(store, nik_cipher(store, secrets), code,
                             attachment_dir=paths.attachment_dir, now=now)
        pdf = build_case_pdf(case, lang=language, printed_by=printed_by, printed_at=now,
                             include_internal_notes=args.internal_notes)
        written = write_output(args.out, pdf)
        record_case_printout(store, case.ticket.uuid, officer="cli",
                             internal_notes=args.internal_notes, now=now)
    code = case.ticket.tracking_code
    console.say(f"Berkas kasus {code} ditulis ke {written}",
                f"Case file {code} written to {written}")
    return EXIT_OK


def cmd_recap(args: argparse.Namespace, paths: DataPaths, console: Console,
              secrets: Secrets) -> int:
    from datetime import UTC, date, datetime

    from posko.receipts import build_recap_pdf, recap_csv
    from posko.store.desk import desk_identity
    from posko.store.recap import compute_recap

    day: date | None = None
    if args.date:
        try:
            day = date.fromisoformat(args.date.strip())
        except ValueError:
            raise PoskoError("Tanggal harus berbentuk YYYY-MM-DD, misalnya 2026-11-28.",
                             "The date must look like YYYY-MM-DD, for example 2026-11-28.",
                             ) from None
    for target in filter(None, (args.out, args.csv)):
        if not Path(target).expanduser().parent.is_dir():
            raise PoskoError(f"Folder tujuan tidak ada: {Path(target).expanduser().parent}",
                             "The target folder does not exist: "
                             f"{Path(target).expanduser().parent}")
    with open_store(paths) as store:
        identity = desk_identity(store)
        if day is None:
            day = datetime.now(UTC).astimezone(identity.timezone).date()
        recap = compute_recap(store, day)
    written = [write_output(args.out, build_recap_pdf(recap, language=console.language))]
    if args.csv:
        csv_text = recap_csv(recap, language=console.language)
        written.append(write_output(args.csv, csv_text.encode("utf-8-sig")))
    files = ", ".join(str(p) for p in written)
    console.say(
        f"Rekap {day.isoformat()}: {recap.total} tiket ditangani ({recap.new_tickets} baru, "
        f"{recap.chased_tickets} tindak lanjut), {len(recap.overdue)} lewat SLA. "
        f"Ditulis ke {files}",
        f"Recap {day.isoformat()}: {recap.total} tickets handled ({recap.new_tickets} new, "
        f"{recap.chased_tickets} chased), {len(recap.overdue)} past SLA. Written to {files}",
    )
    return EXIT_OK


def cmd_enrol(args: argparse.Namespace, paths: DataPaths, console: Console,
              secrets: Secrets) -> int:
    from posko.sync import enrol

    with open_store(paths) as store:
        enrolment = enrol(store, secrets, args.url, args.code)
    console.say(
        f"Meja terdaftar sebagai '{enrolment.device_name}' ({enrolment.kecamatan_name}, "
        f"meja {enrolment.desk_number}). Token disimpan di keyring.",
        f"Desk enrolled as '{enrolment.device_name}' ({enrolment.kecamatan_name}, "
        f"desk {enrolment.desk_number}). The token is kept in the keyring.")
    return EXIT_OK


def cmd_sync(args: argparse.Namespace, paths: DataPaths, console: Console,
             secrets: Secrets) -> int:
    from posko.sync import SyncEngine, SyncProgress

    def show(progress: SyncProgress) -> None:
        print(f"\r  {progress.phase}: {progress.pushed} terkirim/pushed, "
              f"{progress.pulled} diterima/pulled ({progress.pages} hal./pages)", end="",
              file=console.err, flush=True)

    with open_store(paths) as store:
        engine = SyncEngine(store, secrets, attachment_dir=paths.attachment_dir)
        while True:
            report = engine.run_once(progress=show)
            print(file=console.err)
            console.say(
                f"Terkirim {report.pushed}, ditahan {report.parked}, konflik "
                f"{report.conflicts}, diterima {report.pulled}."
                + (f" {report.message_id}" if report.error else ""),
                f"Pushed {report.pushed}, parked {report.parked}, conflicts "
                f"{report.conflicts}, pulled {report.pulled}."
                + (f" {report.message_en}" if report.error else ""))
            if args.once:
                return EXIT_USER_ERROR if report.error else EXIT_OK
            time.sleep(max(5, args.interval, report.retry_after or 0))  # the server's wish


def cmd_open311(args: argparse.Namespace, paths: DataPaths, console: Console,
                secrets: Secrets) -> int:
    from posko.store.errors import NotFound
    from posko.sync import Open311Client, Open311Endpoint, to_lookup_result

    endpoint = Open311Endpoint(args.url, args.api_key, args.jurisdiction)
    with Open311Client(endpoint) as client:
        found = client.find(args.request_id)
        if not found:
            single = client.service_request(args.request_id)
            found = [single] if single is not None else []
    if not found:
        raise NotFound("Laporan tidak ditemukan di server itu.",
                       "No such request on that server.")
    en = console.language == "en"
    for request in found:
        result = to_lookup_result(request)
        label = result.status.label_en if en else result.status.label_id
        guessed = (" (estimate)" if en else " (perkiraan)") if result.status_guessed else ""
        updated = f"{result.updated_at:%Y-%m-%d %H:%M}" if result.updated_at else "-"
        print(f"{result.ref}  {label}{guessed}  {updated}\n  {result.description}\n  "
              f"{result.address or '-'}", file=console.out)
    return EXIT_OK


def cmd_outbox(args: argparse.Namespace, paths: DataPaths, console: Console,
               secrets: Secrets) -> int:
    from posko.sync import pending_outbox, retry_parked

    with open_store(paths) as store:
        if args.retry:
            retried = retry_parked(store)
            console.say(f"{retried} perubahan akan dikirim ulang.",
                        f"{retried} changes will be sent again.")
        entries = pending_outbox(store)
    for entry in entries:
        state = "DITAHAN/PARKED" if entry.parked else "menunggu/waiting"
        print(f"{entry.created_at:%Y-%m-%d %H:%M}  {entry.kind:<18} {state:<16} "
              f"{entry.attempts}x  {entry.last_error or ''}", file=console.out)
    console.say(f"{len(entries)} perubahan belum terkirim.",
                f"{len(entries)} changes not yet sent.")
    return EXIT_OK


def _cli_officer(args: argparse.Namespace) -> str:
    import getpass

    name = (getattr(args, "by", None) or "").strip()
    if not name:
        try:
            name = getpass.getuser()
        except (KeyError, OSError):
            name = "posko"
    return name[:64]


def _person_args(args: argparse.Namespace) -> dict[str, str | None]:
    """--nik/--phone/--name, where '-' reads the value from stdin (one line each, in that
    order), so a NIK need not sit in the shell history."""
    values: dict[str, str | None] = {}
    for key in ("nik", "phone", "name"):
        value = getattr(args, key, None)
        if value == "-":
            value = sys.stdin.readline().strip()
        values[key] = value
    return values


def cmd_data_request(args: argparse.Namespace, paths: DataPaths, console: Console,
                     secrets: Secrets) -> int:
    """A citizen's data request. Output names tickets by tracking code only: never the
    NIK, phone or name given (they are personal data)."""
    from posko.store import data_request as dr
    from posko.store.desk import desk_identity, master_key, nik_cipher
    from posko.store.drafts import DraftBox

    action = args.data_request_command
    officer = _cli_officer(args)
    with open_store(paths) as store:
        if action == "retention":
            if args.days is not None:
                dr.set_retention_days(store, args.days, officer=officer, is_supervisor=True)
            days = dr.retention_days(store)
            console.say(f"Masa simpan data pelapor: {days} hari setelah tiket ditutup.",
                        f"Reporter data retention: {days} days after a ticket is closed.")
            return EXIT_OK
        if action == "pending":
            pending = dr.pending_requests(store)
            for item in pending:
                print(f"{item.requested_at:%Y-%m-%d %H:%M}  {item.uuid}  {item.officer:<16} "
                      f"{item.erased} / {item.erased + len(item.waiting)}  "
                      f"{' '.join(item.waiting)}", file=console.out)
            console.say(f"{len(pending)} permintaan hapus menunggu.",
                        f"{len(pending)} erasure requests waiting.")
            return EXIT_OK
        cipher = nik_cipher(store, secrets)
        drafts = DraftBox(paths.data_dir, master_key(store, secrets))
        if action == "run":
            erased = dr.run_pending_erasures(store, cipher, drafts=drafts, officer=officer,
                                             backup_dir=paths.backup_dir)
            console.say(f"{erased} tiket dianonimkan.", f"{erased} tickets anonymised.")
            return EXIT_OK
        query = dr.person_query(**_person_args(args))
        findings = dr.find_person(store, cipher, query)
        zone = desk_identity(store).timezone
        checks = {c.ticket_uuid: c for c in dr.erasure_plan(store, findings)}
        en = console.language == "en"
        for ticket in findings.tickets:
            check = checks[ticket.uuid]
            role = ("reporter" if en else "pelapor") if ticket.as_reporter else (
                f"{'asked' if en else 'penanya'} x{len(ticket.follow_up_uuids)}")
            when = (f" {check.allowed_from.astimezone(zone):%Y-%m-%d}"
                    if check.allowed_from and not check.allowed else "")
            print(f"{ticket.tracking_code}  {role:<14} {','.join(ticket.matched_by):<14} "
                  f"{ticket.status.label_en if en else ticket.status.label_id:<18} "
                  f"{check.reason}{when}", file=console.out)
        console.say(f"{len(findings.tickets)} tiket ({len(findings.reporter_tickets)} sebagai "
                    f"pelapor, {findings.follow_up_count} tindak lanjut).",
                    f"{len(findings.tickets)} tickets ({len(findings.reporter_tickets)} as "
                    f"reporter, {findings.follow_up_count} follow-ups).")
        if action == "export":
            folder = Path(args.out).expanduser().parent
            if not folder.is_dir():
                raise PoskoError(f"Folder tujuan tidak ada: {folder}",
                                 f"The target folder does not exist: {folder}")
            json_path, pdf_path = dr.write_export(
                store, cipher, findings, Path(args.out).expanduser(), officer=officer,
                is_supervisor=True, language=console.language, timezone=zone)
            console.say(f"Ditulis: {pdf_path} dan {json_path}",
                        f"Written: {pdf_path} and {json_path}")
        elif action == "erase":
            if not findings.tickets:
                return EXIT_OK
            if not args.yes:
                raise PoskoError(
                    "Belum ada yang dihapus. Periksa daftar di atas, lalu ulangi dengan --yes.",
                    "Nothing was erased. Check the list above, then run again with --yes.",
                    code="confirmation_needed")
            outcome = dr.request_erasure(store, cipher, findings, officer=officer,
                                         is_supervisor=True, drafts=drafts,
                                         backup_dir=paths.backup_dir)
            console.say(f"Permintaan {outcome.request_uuid}: {len(outcome.erased)} tiket "
                        f"dianonimkan sekarang, {len(outcome.waiting)} menunggu.",
                        f"Request {outcome.request_uuid}: {len(outcome.erased)} tickets "
                        f"anonymised now, {len(outcome.waiting)} waiting.")
    return EXIT_OK


COMMANDS: dict[str, Callable[[argparse.Namespace, DataPaths, Console, Secrets], int]] = {
    "init": cmd_init,
    "demo-data": cmd_demo_data,
    "search": cmd_search,
    "show": cmd_show,
    "backup": cmd_backup,
    "restore": cmd_restore,
    "check": cmd_check,
    "print-receipt": cmd_print_receipt,
    "print-case": cmd_print_case,
    "recap": cmd_recap,
    "officer": cmd_officer,
    "enrol": cmd_enrol,
    "sync": cmd_sync,
    "outbox": cmd_outbox,
    "open311": cmd_open311,
    "data-request": cmd_data_request,
}


def main(argv: Sequence[str] | None = None, *, out: TextIO | None = None,
         err: TextIO | None = None) -> int:
    args = build_parser().parse_args(argv)
    console = Console(args.lang, out or sys.stdout, err or sys.stderr)
    paths = resolve_paths(data_dir=args.data_dir, db_file=args.db, demo=args.demo)
    try:
        secrets = select_secrets(paths, args.demo, console)
        return COMMANDS[args.command](args, paths, console, secrets)
    except PoskoError as exc:
        console.error(exc)
        return EXIT_USER_ERROR
    except KeyboardInterrupt:
        console.say("Dibatalkan.", "Cancelled.")
        return EXIT_INTERRUPTED
    except Exception as exc:  # last resort: never a traceback in front of an officer
        from posko.store.database import translate_db_error

        translated = translate_db_error(exc)
        if isinstance(translated, PoskoError):
            console.error(translated)
            return EXIT_USER_ERROR
        if isinstance(exc, OSError) and exc.errno == errno.ENOSPC:
            console.error(disk_full_error())
            return EXIT_USER_ERROR
        if os.environ.get("POSKO_DEBUG"):
            raise
        # Only the type name: exception text may quote input that holds personal data.
        console.error(PoskoError(
            f"Terjadi kesalahan tak terduga ({type(exc).__name__}). Data yang sudah tersimpan "
            "tidak terpengaruh. Jalankan lagi dengan POSKO_DEBUG=1 untuk rincian.",
            f"An unexpected error occurred ({type(exc).__name__}). Saved data is not affected. "
            "Run again with POSKO_DEBUG=1 for details.",
        ))
        return EXIT_UNEXPECTED


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
