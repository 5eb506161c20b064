"""`posko-central`: run the central server and administer it.

    posko-central serve [--db URL] [--data-dir DIR] [--host 127.0.0.1] [--port 8311]
                        [--workers N] [--log-level info] [--log-format json|text]
                        [--max-body BYTES] [--body-timeout 30] [--limit-concurrency 200]
    posko-central add-device --kecamatan 31.75.04 --name "Meja 1" [--desk N] [--json]
    posko-central revoke-device DEVICE_ID
    posko-central list-devices [--kecamatan 31.75.04]
    posko-central agency add --name "Suku Dinas Bina Marga Jakarta Timur" --kecamatan 31.75.04
                             [--kecamatan ...] [--category jalan_rusak ...] [--json]
    posko-central agency list [--kecamatan 31.75.04]
    posko-central agency revoke AGENCY_ID
    posko-central import-app-tickets FILE.jsonl
    posko-central demo-data [--tickets 3000] [--seed 1]
    posko-central demo-setup [--kecamatan 31.75.04] [--desk-tickets 2000] [--desk-seed 1]
    posko-central delete-ticket REF --kecamatan 31.75.04
    posko-central migrate
    posko-central openapi [--output sync/openapi.yaml]

The database: ``--db URL`` (or ``POSKO_CENTRAL_DB``), e.g.
``postgresql+psycopg://user:pass@host/posko``; by default an SQLite file ``central.sqlite3``
in the data folder (``--data-dir``, ``POSKO_CENTRAL_DATA_DIR``, or the platform's user data
folder ``posko-central``). Exit codes: 0 ok, 2 a problem the message explains, 1 a bug.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Sequence
from datetime import timedelta
from pathlib import Path
from typing import Any

import platformdirs

from posko.domain.errors import PoskoError

DEFAULT_PORT = 8311
# Connections plus running requests per worker before uvicorn answers 503 (a city's desks
# sync once a minute; this bounds what slow or stalled clients can hold).
DEFAULT_LIMIT_CONCURRENCY = 200
ENV_DATA_DIR = "POSKO_CENTRAL_DATA_DIR"
DB_FILENAME = "central.sqlite3"


def resolve_db_url(db: str | None, data_dir: str | None) -> str:
    from posko_central.db import sqlite_url

    chosen = db or os.environ.get("POSKO_CENTRAL_DB")
    if chosen:
        return chosen
    base = data_dir or os.environ.get(ENV_DATA_DIR)
    folder = Path(base).expanduser() if base else Path(
        platformdirs.user_data_dir("posko-central", appauthor=False))
    return sqlite_url(folder / DB_FILENAME)


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="posko-central", description=(
        "Server pengaduan pusat untuk meja Posko / the central complaint server for Posko "
        "desks."))
    parser.add_argument("--db", help="SQLAlchemy URL (default: SQLite in the data folder)")
    parser.add_argument("--data-dir", help="data folder for the default SQLite database")
    commands = parser.add_subparsers(dest="command", required=True)

    serve = commands.add_parser("serve", help="jalankan server / run the server")
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--port", type=int, default=DEFAULT_PORT)
    serve.add_argument("--workers", type=int, default=1)
    serve.add_argument("--log-level", default="info",
                       choices=["debug", "info", "warning", "error"])
    serve.add_argument("--log-format", default="json", choices=["json", "text"])
    serve.add_argument("--max-body", type=int, default=None,
                       help="largest request body in bytes (attachments: 20 MiB)")
    serve.add_argument("--body-timeout", type=float, default=None,
                       help="seconds for a request body to arrive after its head, plus "
                            "1 s per 16 KiB received; else 408 (default 30)")
    serve.add_argument("--limit-concurrency", type=int, default=DEFAULT_LIMIT_CONCURRENCY,
                       help="connections and running requests per worker before new ones "
                            f"get 503 (default {DEFAULT_LIMIT_CONCURRENCY}; 0: no limit)")

    add = commands.add_parser("add-device", help="daftarkan meja / register a desk")
    add.add_argument("--kecamatan", required=True, help="Kemendagri code, e.g. 31.75.04")
    add.add_argument("--name", required=True, help='e.g. "Meja 1"')
    add.add_argument("--desk", type=int, help="desk number 1..30 (default: the next free one)")
    add.add_argument("--expires-hours", type=float, default=24.0)
    add.add_argument("--json", action="store_true", help="machine-readable output")

    revoke = commands.add_parser("revoke-device", help="cabut meja / revoke a desk")
    revoke.add_argument("device", help="device id (or its first characters)")

    listing = commands.add_parser("list-devices", help="daftar meja / list desks")
    listing.add_argument("--kecamatan")

    agency = commands.add_parser(
        "agency", help="akses baca instansi (dinas) / read-only agency access")
    agency_commands = agency.add_subparsers(dest="agency_command", required=True)
    agency_add = agency_commands.add_parser("add", help="daftarkan instansi / add an agency")
    agency_add.add_argument("--name", required=True,
                            help='e.g. "Suku Dinas Bina Marga Jakarta Timur"')
    agency_add.add_argument("--kecamatan", required=True, action="append",
                            help="Kemendagri code, e.g. 31.75.04 (repeat for more)")
    agency_add.add_argument("--category", action="append",
                            help="category code (repeat for more; default: the categories "
                                 "whose catalogue agency the name contains)")
    agency_add.add_argument("--json", action="store_true", help="machine-readable output")
    agency_list = agency_commands.add_parser("list", help="daftar instansi / list agencies")
    agency_list.add_argument("--kecamatan")
    agency_revoke = agency_commands.add_parser("revoke", help="cabut instansi / revoke")
    agency_revoke.add_argument("agency", help="agency id (or its first characters)")

    imp = commands.add_parser("import-app-tickets", help="impor tiket aplikasi (JSON lines)")
    imp.add_argument("file", type=Path)

    demo = commands.add_parser("demo-data", help="tiket aplikasi contoh / demo app tickets")
    demo.add_argument("--tickets", type=int, default=3000)
    demo.add_argument("--seed", type=int, default=1)

    setup = commands.add_parser(
        "demo-setup", help="siapkan server demo untuk meja demo / prepare the demo server")
    setup.add_argument("--kecamatan", default="31.75.04", help="the demo desk's kecamatan")
    setup.add_argument("--name", default="Meja 1 (demo)")
    setup.add_argument("--tickets", type=int, default=3000)
    setup.add_argument("--seed", type=int, default=1)
    setup.add_argument("--desk-tickets", type=int, default=2000,
                       help="`posko demo-data --tickets` of the demo desk")
    setup.add_argument("--desk-seed", type=int, default=1,
                       help="`posko demo-data --seed` of the demo desk")

    delete = commands.add_parser("delete-ticket", help="hapus tiket (tombstone)")
    delete.add_argument("ref", help="tracking code, external reference or UUID")
    delete.add_argument("--kecamatan", required=True)

    commands.add_parser("migrate", help="perbarui skema / upgrade the schema")

    spec = commands.add_parser("openapi", help="cetak kontrak OpenAPI (YAML)")
    spec.add_argument("--output", type=Path)
    return parser


def _open(url: str):  # type: ignore[no-untyped-def]
    from posko_central.db import Database, migrate

    db = Database(url)
    migrate(db)
    return db


def cmd_serve(args: argparse.Namespace, url: str) -> int:
    import uvicorn

    from posko_central import logs
    from posko_central.app import ENV_BODY_TIMEOUT, ENV_DB, ENV_MAX_BODY, Settings, create_app

    if args.body_timeout is not None and not 0 < args.body_timeout <= 3600:
        raise PoskoError("--body-timeout harus lebih dari 0 dan paling lama 3600 detik.",
                         "--body-timeout must be more than 0 and at most 3600 seconds.",
                         field="body-timeout")
    if args.limit_concurrency < 0:
        raise PoskoError("--limit-concurrency tidak boleh negatif.",
                         "--limit-concurrency must not be negative.",
                         field="limit-concurrency")
    logs.configure(args.log_level, args.log_format)
    db = _open(url)
    common = {"host": args.host, "port": args.port, "log_config": None, "access_log": False,
              "ws": "none", "lifespan": "off", "timeout_keep_alive": 5,
              "server_header": False, "limit_concurrency": args.limit_concurrency or None}
    if args.workers > 1:
        db.close()
        os.environ[ENV_DB] = url
        if args.max_body:
            os.environ[ENV_MAX_BODY] = str(args.max_body)
        if args.body_timeout is not None:
            os.environ[ENV_BODY_TIMEOUT] = str(args.body_timeout)
        uvicorn.run("posko_central.app:app_from_environment", factory=True,
                    workers=args.workers, **common)
        return 0
    overrides: dict[str, Any] = {}
    if args.max_body is not None:
        overrides["max_body"] = args.max_body
    if args.body_timeout is not None:
        overrides["body_timeout"] = args.body_timeout
    uvicorn.run(create_app(Settings(db_url=url, **overrides), db), **common)
    return 0


def cmd_add_device(args: argparse.Namespace, url: str) -> int:
    from posko_central.auth import add_device

    info, code = add_device(_open(url), args.kecamatan, args.name, desk=args.desk,
                            ttl=timedelta(hours=args.expires_hours))
    expires = (info.created_at + timedelta(hours=args.expires_hours)).isoformat(
        timespec="seconds")
    if args.json:
        print(json.dumps({"device_id": info.public_id, "name": info.name,
                          "kecamatan_code": info.kecamatan_code,
                          "desk_number": info.desk_number, "enrolment_code": code,
                          "expires_at": expires}))
        return 0
    print(f"Perangkat / device: {info.public_id}")
    print(f"Kecamatan: {info.kecamatan_code}   meja / desk: {info.desk_number}   "
          f"nama / name: {info.name}")
    print(f"Kode pendaftaran (sekali pakai) / enrolment code (one use): {code}")
    print(f"Berlaku sampai / valid until: {expires}")
    return 0


def cmd_revoke(args: argparse.Namespace, url: str) -> int:
    from posko_central.auth import revoke_device

    info = revoke_device(_open(url), args.device)
    print(f"Dicabut / revoked: {info.public_id} ({info.kecamatan_code}, meja {info.desk_number})")
    return 0


def cmd_list(args: argparse.Namespace, url: str) -> int:
    from posko_central.auth import list_devices

    for d in list_devices(_open(url), args.kecamatan):
        seen = d.last_seen_at.isoformat(timespec="seconds") if d.last_seen_at else "-"
        print(f"{d.public_id}  {d.kecamatan_code}  meja {d.desk_number:>2}  {d.state:<8}  "
              f"{seen}  {d.name}")
    return 0


def cmd_agency(args: argparse.Namespace, url: str) -> int:
    from posko_central.agency import add_agency, list_agencies, revoke_agency

    db = _open(url)
    try:
        if args.agency_command == "add":
            info, token = add_agency(db, args.name, args.kecamatan, args.category)
            if args.json:
                print(json.dumps({"agency_id": info.public_id, "name": info.name,
                                  "kecamatan_codes": list(info.kecamatan_codes),
                                  "categories": list(info.categories), "token": token}))
                return 0
            print(f"Instansi / agency: {info.public_id}  {info.name}")
            print(f"Kecamatan: {', '.join(info.kecamatan_codes)}")
            print(f"Kategori / categories: {', '.join(info.categories)}")
            print(f"Token (hanya ditampilkan sekali / shown only once): {token}")
            return 0
        if args.agency_command == "revoke":
            info = revoke_agency(db, args.agency)
            print(f"Dicabut / revoked: {info.public_id} ({info.name})")
            return 0
        for a in list_agencies(db, args.kecamatan):
            print(f"{a.public_id}  {a.state:<8}  {','.join(a.kecamatan_codes)}  "
                  f"{','.join(a.categories)}  {a.name}")
        return 0
    finally:
        db.close()


def cmd_import(args: argparse.Namespace, url: str) -> int:
    from posko_central.importer import import_file

    if not args.file.is_file():
        raise PoskoError("Berkas tidak ditemukan.", "The file was not found.", field="file")
    report = import_file(_open(url), args.file)
    print(f"baru / created: {report.created}, diperbarui / updated: {report.updated}, "
          f"tetap / unchanged: {report.unchanged}, salah / errors: {len(report.errors)}")
    for line in report.errors[:50]:
        print(f"  {line}", file=sys.stderr)
    return 2 if report.errors else 0


def cmd_demo(args: argparse.Namespace, url: str) -> int:
    from posko_central.importer import load_demo

    if args.tickets < 1:
        raise PoskoError("Jumlah tiket harus minimal 1.", "The number of tickets must be >= 1.")
    total = load_demo(_open(url), tickets=args.tickets, seed=args.seed)
    print(f"{total:,} tiket aplikasi demo dimuat / demo app tickets loaded (Jakarta Timur).")
    return 0


def cmd_demo_setup(args: argparse.Namespace, url: str) -> int:
    from posko_central.demo import prepare_demo

    if not url.startswith("sqlite:///"):
        raise PoskoError("demo-setup memakai --data-dir (SQLite).",
                         "demo-setup uses --data-dir (SQLite).", field="db")
    folder = Path(url.removeprefix("sqlite:///")).parent
    db_url, code, device_id = prepare_demo(
        folder, kecamatan=args.kecamatan, desk_name=args.name, tickets=args.tickets,
        seed=args.seed, desk_tickets=args.desk_tickets, desk_seed=args.desk_seed)
    print(json.dumps({"db": db_url, "device_id": device_id, "enrolment_code": code,
                      "kecamatan_code": args.kecamatan}))
    return 0


def cmd_delete(args: argparse.Namespace, url: str) -> int:
    from posko_central.service import delete_ticket

    code = delete_ticket(_open(url), args.ref, args.kecamatan)
    print(f"Dihapus / deleted: {code}")
    return 0


def cmd_migrate(args: argparse.Namespace, url: str) -> int:
    _open(url).close()
    print("Skema mutakhir / schema up to date.")
    return 0


def cmd_openapi(args: argparse.Namespace, url: str) -> int:
    from posko_central.spec import openapi_yaml

    text = openapi_yaml()
    if args.output:
        args.output.write_text(text, encoding="utf-8")
    else:
        sys.stdout.write(text)
    return 0


COMMANDS = {
    "serve": cmd_serve, "add-device": cmd_add_device, "revoke-device": cmd_revoke,
    "list-devices": cmd_list, "agency": cmd_agency, "import-app-tickets": cmd_import,
    "demo-data": cmd_demo,
    "demo-setup": cmd_demo_setup,
    "delete-ticket": cmd_delete, "migrate": cmd_migrate, "openapi": cmd_openapi,
}


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    url = resolve_db_url(args.db, args.data_dir)
    try:
        return COMMANDS[args.command](args, url)
    except PoskoError as exc:
        print(f"{exc.message_id}\n{exc.message_en}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(main())
