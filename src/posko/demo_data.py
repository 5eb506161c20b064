"""Realistic demo data: a year of complaints at one kecamatan, deterministic by seed.

Pure Python (no Qt, no SQLAlchemy). `generate` streams `DemoCase` values (a ticket, its full
status history and any chases) in chronological order, so the CLI can pipe it into a bulk
insert without holding it in memory. Everything expensive (names, streets, text fragments,
agency names, region lookups) is computed once per call; each case costs a few dozen draws
from one `random.Random`, so 100,000 cases take a few seconds.

What it produces, roughly:

* origins: 55 % desk, 10 % assisted, 35 % app; walk-ins (desk/assisted) come on office days,
  mostly on Saturday mornings (the *posko pengaduan*), app tickets any day and hour;
* app tickets carry external references numbered like their source (QLUE 7 digits, LAPOR 8,
  JAKI 8, ...; about one in eight has two), unique per source: the store enforces that;
* tracking codes from `posko.domain.tracking.make_tracking_code`, with a per-(day, desk)
  sequence in time order. Walk-ins use the `desk` given; app tickets use desk
  `APP_DESK` = 31, the desk number the central server uses for the codes it issues;
* status histories that obey `posko.domain.status.check_transition`: each ticket draws a fate
  (done, done after a rejected follow-up, reopened, stuck in progress, rejected, not our
  authority, merged into an earlier ticket) and the history is cut at `today`, so older
  tickets are further along and stuck ones show up overdue;
* reporters: Indonesian names (some anonymous, some on behalf of the kecamatan), E.164 mobile
  numbers, and for about 40 % of named reporters a structurally valid NIK from the
  kecamatan's (or a neighbouring kecamatan's) code; about 5 % of tickets come from someone
  who reported before (same name, phone and NIK). All of it is synthetic: any match with a
  real person is a coincidence;
* chases (`FollowUp`) on about 15 % of app tickets: a walk-in asking for an update on a
  ticket that was still open.

Tickets are created on the `days` days before `today` (never on `today` itself, so a desk's
live tracking sequence for today cannot collide with demo codes). Datetimes are
timezone-aware, in the kecamatan's local time (WIB/WITA/WIT); no event is at or after
midnight starting `today`.
UUIDs come from the same seeded generator, so the same seed gives the same rows.
"""

from __future__ import annotations

import random
from bisect import bisect
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta, tzinfo
from itertools import accumulate
from zoneinfo import ZoneInfo

from posko import catalogues
from posko.domain.errors import DomainError
from posko.domain.models import (
    ContactPreference,
    EventSource,
    ExternalRef,
    FollowUp,
    Location,
    Origin,
    Reporter,
    ReporterKind,
    Source,
    StatusEvent,
    Ticket,
)
from posko.domain.status import Status
from posko.domain.tracking import EPOCH, MAX_DESK, MAX_SEQUENCE, make_tracking_code

__all__ = ["APP_DESK", "DEFAULT_OFFICERS", "DemoCase", "generate"]

#: Desk number in tracking codes issued by the central server (tickets from the apps).
APP_DESK = MAX_DESK  # 31

DEFAULT_OFFICERS: tuple[str, ...] = (
    "rina.kusuma",
    "agus.prasetyo",
    "dewi.lestari",
    "yusuf.hidayat",
    "sri.wahyuni",
)

# Share of each origin; walk-ins are desk + assisted.
_SHARE_APP = 0.35
_SHARE_ASSISTED_OF_WALKIN = 0.10 / 0.65


@dataclass(frozen=True, slots=True)
class DemoCase:
    """One generated ticket with its whole timeline."""

    ticket: Ticket
    events: tuple[StatusEvent, ...]
    follow_ups: tuple[FollowUp, ...] = ()


# --------------------------------------------------------------------------------------------
# Pools
# --------------------------------------------------------------------------------------------

_MALE = (
    "Budi", "Agus", "Ahmad", "Muhammad", "Slamet", "Joko", "Bambang", "Hendra", "Dedi", "Rudi",
    "Andi", "Eko", "Yusuf", "Rahmat", "Hasan", "Iwan", "Sutrisno", "Suparman", "Wahyu", "Dimas",
    "Rizky", "Fajar", "Arif", "Teguh", "Bayu", "Asep", "Ujang", "Dadang", "Made", "Ketut",
    "Yohanes", "Stefanus", "Hendrik", "Kevin", "Heri", "Samsul", "Nanang", "Rohman", "Zainal",
    "Irfan", "Fikri", "Haris", "Syaiful", "Taufik", "Darto", "Mursid", "Sarmili", "Edi", "Yanto",
    "Imam", "Ilham", "Rangga", "Robert", "Daniel", "Aditya", "Gilang", "Habib", "Ridwan",
)
_FEMALE = (
    "Siti", "Sri", "Dewi", "Ani", "Ratna", "Nur", "Rina", "Yuni", "Wati", "Fitri", "Ayu",
    "Indah", "Putri", "Nurul", "Aminah", "Fatimah", "Maria", "Theresia", "Lina", "Mega", "Rahma",
    "Aisyah", "Kartini", "Suryani", "Endang", "Tuti", "Nining", "Euis", "Neng", "Yanti", "Novi",
    "Dian", "Maya", "Intan", "Sari", "Nadia", "Anisa", "Ida", "Ema", "Rohayati", "Juleha",
    "Marlina", "Susi", "Lia", "Desi", "Wulan", "Kristina", "Veronika", "Mei", "Melati",
)
# Given names usually followed by a second given name ("Muhammad Rizky", "Siti Aminah").
_MALE_FIRST_OF_TWO = frozenset({"Muhammad", "Ahmad"})
_FEMALE_FIRST_OF_TWO = frozenset({"Siti", "Nur", "Sri", "Dewi"})
_BALINESE_FIRST = frozenset({"Made", "Ketut"})
_BALINESE_SECOND = ("Sudarsana", "Suartana", "Wirawan", "Arsana", "Mahendra", "Sukadana")
_SURNAMES = (
    "Santoso", "Wijaya", "Saputra", "Hidayat", "Kurniawan", "Setiawan", "Susanto", "Prasetyo",
    "Nugroho", "Gunawan", "Siregar", "Nasution", "Harahap", "Simanjuntak", "Lubis", "Sitorus",
    "Tanjung", "Hutapea", "Sinaga", "Rahman", "Hakim", "Syahputra", "Firmansyah", "Ramadhan",
    "Permana", "Sutanto", "Halim", "Pratama", "Maulana", "Kusuma", "Wibowo", "Purnomo",
    "Hartono", "Suryadi", "Marpaung", "Manurung", "Batubara", "Tanuwijaya", "Effendi",
    "Sulaiman", "Hasibuan", "Pangaribuan", "Situmorang", "Nainggolan", "Daulay", "Ginting",
    "Tarigan", "Sembiring", "Mahendra", "Iskandar",
)
_FEMALE_SURNAMES = (
    "Wulandari", "Rahayu", "Anggraini", "Puspitasari", "Handayani", "Susanti", "Safitri",
    "Oktaviani", "Maharani", "Pertiwi", "Yuliani", "Kurniasih", "Lestari", "Permatasari",
)
_MOBILE_PREFIXES = (
    "811", "812", "813", "821", "822", "823", "851", "852", "853", "857", "858", "877", "878",
    "895", "896", "897", "898", "899",
)
# Subscriber digits after the 3-digit prefix: 10..12 digits in all after +62. (Some
# descriptions allow 13, but libphonenumber, and so posko.domain.phone, takes at most 12
# national digits for an Indonesian mobile.)
_SUBSCRIBER_LENGTHS = (7, 8, 8, 8, 9, 9)

_GENERIC_STREETS = (
    "Jl. Merdeka", "Jl. Pemuda", "Jl. Diponegoro", "Jl. Pahlawan", "Jl. Kartini", "Jl. Pramuka",
    "Jl. Masjid", "Jl. Melati", "Jl. Mawar", "Jl. Kenanga", "Jl. Anggrek", "Jl. Flamboyan",
    "Jl. Cempaka", "Jl. Dahlia", "Jl. Swadaya", "Jl. Pendidikan", "Jl. Haji Naman",
    "Jl. Kampung Tengah", "Jl. Gotong Royong", "Jl. Persatuan", "Jl. Bhakti", "Jl. Taruna",
    "Jl. Nusantara", "Jl. Pelita", "Jl. Sentosa", "Jl. Damai", "Jl. Rambutan", "Jl. Nangka",
    "Jl. Manggis", "Jl. Delima", "Jl. Sawo", "Jl. Salak", "Jl. Belimbing", "Jl. Kemuning",
    "Jl. Bougenville", "Jl. Inpres", "Jl. Kerja Bakti", "Jl. Mushola", "Jl. Lapangan",
    "Jl. Karya", "Jl. Remaja", "Jl. Haji Ten", "Jl. Kebon Pala", "Jl. Buluh",
)
# Main roads of a few kota/kabupaten, so that demo addresses look local where we know them.
_MAIN_ROADS: dict[str, tuple[str, ...]] = {
    "31.75": (  # Kota Administrasi Jakarta Timur
        "Jl. Raya Bogor", "Jl. Dewi Sartika", "Jl. Mayjen Sutoyo", "Jl. Raya Condet",
        "Jl. Raya Inpres", "Jl. Otto Iskandardinata", "Jl. Kalisari", "Jl. Raya Kalimalang",
        "Jl. Pemuda", "Jl. Pahlawan Revolusi", "Jl. Raya Pondok Gede", "Jl. Batu Ampar",
    ),
    "32.75": (  # Kota Bekasi
        "Jl. Ahmad Yani", "Jl. Juanda", "Jl. Chairil Anwar", "Jl. KH Noer Ali", "Jl. Pekayon",
        "Jl. Cut Meutia", "Jl. Siliwangi", "Jl. Raya Narogong",
    ),
    "36.74": (  # Kota Tangerang Selatan
        "Jl. Raya Serpong", "Jl. Ciater Raya", "Jl. Pajajaran", "Jl. Raya Puspiptek",
        "Jl. WR Supratman", "Jl. Siliwangi", "Jl. Raya Jombang", "Jl. Pahlawan Seribu",
    ),
}
_LOCAL_STREET_SUFFIXES = ("Raya", "Baru", "Dalam", "II", "III", "Timur", "Barat")
_GANGS = (
    "Gg. Masjid", "Gg. Haji Saan", "Gg. Kelor", "Gg. Mangga", "Gg. Swadaya", "Gg. Damai",
    "Gg. Langgar", "Gg. Buntu", "Gg. Sawo", "Gg. H. Muhi", "Gg. Kober", "Gg. Asem", "Gg. Manggis",
)
_KOMPLEKS = (
    "Perumahan Griya Asri", "Komplek Polri", "Komplek Pertamina", "Perumahan Taman Indah",
    "Komplek Dosen", "Perumahan Bumi Permai", "Komplek Departemen Agama", "Perumahan Villa Mas",
)
_LANDMARKS = (
    "", "", "", " depan masjid", " dekat musala", " samping pos RW", " depan SD negeri",
    " dekat pangkalan ojek", " depan minimarket", " dekat pasar", " seberang puskesmas",
    " di mulut gang", " dekat jembatan", " di pertigaan", " samping warung", " dekat gereja",
    " depan kantor kelurahan", " dekat halte", " belakang sekolah", " depan bengkel",
)
_DURATIONS = (
    "sudah 2 hari", "sudah 3 hari", "sudah 4 hari", "sudah 5 hari", "sudah seminggu",
    "sejak minggu lalu", "sudah dua minggu", "sudah lebih dari sebulan", "sejak awal bulan",
    "sejak hujan deras kemarin", "sudah berhari-hari",
)

# Per category: (openings with slots, details). Slots: street, landmark, dur, rt, rw, n, m, cm.
_TEXTS: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "sampah": (
        (
            "Sampah menumpuk di pinggir {street}{landmark}, {dur} belum diangkut",
            "Ada TPS liar di {street}{landmark}, orang dari luar RT ikut buang sampah di situ",
            "Gerobak sampah di RT {rt:03d}/RW {rw:03d} tidak datang, {dur}",
            "Sampah rumah tangga dibuang sembarangan di lahan kosong di {street}{landmark}",
            "Bak sampah di {street} penuh dan meluber ke jalan, {dur}",
        ),
        (
            "bau dan mengundang lalat", "sampai menutup sebagian badan jalan",
            "warga khawatir jadi sarang tikus dan nyamuk",
            "kalau hujan airnya mengalir ke rumah warga",
            "anak-anak yang lewat ke sekolah terganggu baunya",
        ),
    ),
    "jalan_rusak": (
        (
            "Jalan berlubang cukup dalam di {street}{landmark}",
            "Aspal di {street} mengelupas dan retak sepanjang kurang lebih {m} meter",
            "Bekas galian pipa di {street} tidak ditutup rapi lagi, {dur}",
            "Jalan amblas di {street}{landmark} setelah hujan deras",
            "Tambalan jalan di {street} sudah rusak lagi, lubangnya makin lebar",
        ),
        (
            "sudah beberapa pengendara motor jatuh terutama malam hari",
            "kalau hujan lubangnya tergenang dan tidak kelihatan",
            "mobil harus pelan-pelan sehingga bikin antre",
            "mohon ditambal sebelum ada korban", "lebar lubang kira-kira setengah meter",
        ),
    ),
    "trotoar": (
        (
            "Trotoar di {street}{landmark} rusak, ubinnya lepas dan berlubang",
            "Trotoar di {street} dipakai parkir motor dan lapak, pejalan kaki terpaksa turun "
            "ke jalan",
            "Guiding block di trotoar {street} banyak yang copot",
            "Penutup saluran di trotoar {street}{landmark} patah dan menganga",
            "Trotoar di {street} terlalu tinggi dan tidak ada ram untuk kursi roda",
        ),
        (
            "berbahaya untuk lansia dan anak sekolah", "sudah ada warga yang terperosok",
            "malam hari tidak terlihat karena gelap", "penyandang disabilitas tidak bisa lewat",
        ),
    ),
    "pju": (
        (
            "Lampu PJU di {street}{landmark} mati, {dur}",
            "Beberapa lampu jalan di sepanjang {street} tidak menyala",
            "Lampu jalan di {street} berkedip-kedip dan kadang mati total",
            "Tiang lampu PJU di {street}{landmark} miring dan kabelnya terbuka",
            "Lampu jalan di {street} menyala siang hari tapi mati malam hari",
        ),
        (
            "jalanan jadi gelap dan rawan jambret", "warga takut lewat kalau malam",
            "sudah pernah lapor ke RT tapi belum ada perbaikan",
            "sering terjadi kecelakaan karena gelap",
        ),
    ),
    "banjir_saluran": (
        (
            "Saluran air di {street}{landmark} mampet tertutup sampah dan lumpur",
            "Setiap hujan {street} tergenang air setinggi {cm} cm",
            "Got di RT {rt:03d}/RW {rw:03d} meluap ke jalan, airnya hitam dan bau",
            "Tutup saluran di {street}{landmark} hilang, lubangnya terbuka",
            "Air dari saluran {street} masuk ke rumah warga saat hujan deras",
        ),
        (
            "genangan baru surut setelah berjam-jam", "mohon dikuras dan dinormalisasi",
            "motor banyak yang mogok kalau lewat", "sudah lama tidak pernah dikeruk",
            "warga khawatir banjir kalau musim hujan",
        ),
    ),
    "kebersihan_sungai": (
        (
            "Kali di belakang {street} penuh sampah plastik",
            "Eceng gondok menutupi permukaan kali di dekat {street}",
            "Sampah menyangkut di pintu air dekat {street}, {dur}",
            "Warga membuang sampah ke kali dari jembatan di {street}",
            "Air kali di sekitar {street} hitam dan berbusa",
        ),
        (
            "aliran air jadi tersendat", "bau menyengat sampai ke rumah warga",
            "khawatir meluap kalau hujan deras", "mohon dikirim petugas pembersih badan air",
        ),
    ),
    "parkir_liar": (
        (
            "Banyak mobil parkir di bahu {street}{landmark}",
            "Ada juru parkir liar di {street} yang memungut tarif seenaknya",
            "Motor parkir di trotoar {street} sampai menutup jalur pejalan kaki",
            "Truk dan bus parkir sepanjang malam di {street}",
            "Bengkel di {street} memakai badan jalan untuk parkir kendaraan servis",
        ),
        (
            "jalan jadi menyempit dan macet", "kendaraan warga sulit keluar masuk gang",
            "mohon ditertibkan dan diderek", "terjadi setiap hari terutama sore",
        ),
    ),
    "pkl": (
        (
            "PKL berjualan di trotoar {street}{landmark}",
            "Lapak pedagang di {street} makin banyak dan memakan badan jalan",
            "Pedagang kaki lima di {street} membuang sisa dagangan ke saluran",
            "Gerobak PKL ditinggal di {street} sepanjang malam",
            "Pasar tumpah di {street} setiap pagi",
        ),
        (
            "pejalan kaki terpaksa jalan di badan jalan", "bikin macet dan kotor",
            "mohon ditata, jangan sampai menutup jalan",
            "sudah ditegur warga tapi tidak diindahkan",
        ),
    ),
    "pohon": (
        (
            "Pohon besar di {street}{landmark} miring ke arah jalan",
            "Dahan pohon di {street} patah dan menggantung di atas jalan",
            "Pohon tumbang di {street}{landmark} setelah hujan angin",
            "Ranting pohon di {street} sudah menyentuh kabel listrik",
            "Akar pohon di {street} merusak trotoar dan saluran",
        ),
        (
            "khawatir tumbang menimpa pengendara", "mohon dipangkas sebelum musim hujan",
            "sebagian jalan tertutup", "warga sekitar was-was kalau angin kencang",
        ),
    ),
    "kemacetan": (
        (
            "Macet parah setiap pagi di {street}{landmark}",
            "Lampu lalu lintas di pertigaan {street} mati, {dur}",
            "Angkot ngetem di {street} sehingga menimbulkan macet",
            "Putar balik di {street} selalu bikin antrean panjang",
            "Rambu dilarang parkir di {street} hilang",
        ),
        (
            "perlu petugas untuk mengatur lalu lintas jam sibuk", "anak sekolah sering terlambat",
            "kendaraan saling serobot dan rawan kecelakaan",
            "mohon dikaji ulang pengaturannya",
        ),
    ),
    "fasum_rusak": (
        (
            "Halte di {street} atapnya bocor dan bangkunya rusak",
            "Mainan anak di taman {street}{landmark} patah dan berkarat",
            "Toilet umum di {street} rusak dan tidak ada air, {dur}",
            "Pagar jembatan penyeberangan di {street} lepas",
            "Lampu dan pagar RPTRA dekat {street} rusak",
        ),
        (
            "berbahaya untuk anak-anak", "sudah lama tidak diperbaiki",
            "warga tidak bisa memakai fasilitas itu", "mohon segera diperbaiki",
        ),
    ),
    "bangunan_liar": (
        (
            "Ada bangunan semi permanen di atas saluran {street}{landmark}",
            "Bangunan di {street} sedang dibangun tanpa papan PBG",
            "Warung permanen berdiri di trotoar {street}",
            "Bangunan liar di bantaran kali dekat {street} makin bertambah",
            "Pagar rumah di {street} dimajukan sampai memakan jalan",
        ),
        (
            "saluran jadi sulit dibersihkan", "jalan menyempit", "mohon dicek izinnya",
            "warga sekitar keberatan",
        ),
    ),
    "kebisingan": (
        (
            "Suara musik keras dari tempat hiburan di {street} sampai lewat tengah malam",
            "Proyek bangunan di {street} bekerja sampai malam dengan suara bising",
            "Balap liar dan knalpot bising di {street} setiap malam Minggu",
            "Bengkel las di {street}{landmark} bising dari pagi sampai malam",
            "Sering terjadi tawuran remaja di {street}{landmark}",
        ),
        (
            "warga tidak bisa istirahat", "ada bayi dan lansia yang terganggu",
            "mohon ditertibkan", "sudah ditegur tapi tidak diindahkan",
        ),
    ),
    "adminduk": (
        (
            "E-KTP sudah direkam tapi belum jadi, {dur}",
            "Pengurusan KK di kelurahan belum selesai, sudah bolak-balik",
            "Data di KK salah tulis nama dan tanggal lahir, minta dibantu perbaikan",
            "Mengurus pindah domisili tapi belum dapat surat pindah",
            "Akta kelahiran anak belum terbit, {dur}",
        ),
        (
            "dibutuhkan untuk daftar sekolah", "dibutuhkan untuk mengurus BPJS",
            "mohon informasi kapan bisa diambil",
            "di kelurahan disuruh menunggu tanpa kepastian",
        ),
    ),
    "kesehatan_lingkungan": (
        (
            "Ada {n} warga RT {rt:03d}/RW {rw:03d} terkena DBD, minta fogging",
            "Banyak jentik nyamuk di genangan air di {street}{landmark}",
            "Rumah kosong di {street} jadi sarang nyamuk",
            "Minta pemeriksaan jentik berkala di RW {rw:03d}, kasus DBD bertambah",
            "Limbah dari usaha rumahan di {street} berbau dan mencemari lingkungan",
        ),
        (
            "sudah beberapa warga dirawat", "mohon petugas puskesmas datang",
            "warga khawatir anak-anak tertular", "mohon segera ditangani",
        ),
    ),
    "pmks": (
        (
            "Ada manusia gerobak yang tinggal di {street}{landmark}",
            "Pengemis dan anak jalanan di lampu merah {street}",
            "Ada ODGJ berkeliaran di {street} dan kadang mengamuk",
            "Pengamen memaksa minta uang di {street}",
            "Lansia terlantar tidur di emperan toko di {street}",
        ),
        (
            "mohon dijangkau petugas dinas sosial", "warga kasihan tapi juga khawatir",
            "sudah berhari-hari di lokasi yang sama", "mohon dibantu dan dirujuk ke panti",
        ),
    ),
    "kabel_utilitas": (
        (
            "Kabel menjuntai rendah di {street}{landmark}",
            "Tiang listrik di {street} miring hampir roboh",
            "Kabel optik putus dan tergeletak di {street}, {dur}",
            "Gulungan kabel bekas ditinggal di tiang {street}",
            "Kabel semrawut di {street} menyangkut kendaraan tinggi",
        ),
        (
            "bisa menjerat pengendara motor", "berbahaya kalau hujan",
            "tidak jelas milik provider yang mana", "mohon ditertibkan",
        ),
    ),
    "lainnya": (
        (
            "Minta informasi jadwal posyandu dan pelayanan di kelurahan",
            "Saran agar pelayanan kelurahan juga buka hari Sabtu",
            "Bantuan sosial belum diterima padahal sudah terdaftar",
            "Fasilitas musala di kantor kelurahan kurang terawat",
            "Keluhan pelayanan petugas di loket kelurahan kurang ramah",
        ),
        (
            "mohon ditindaklanjuti", "mohon informasinya",
            "sudah ditanyakan ke RT tapi belum jelas", "supaya warga tidak bolak-balik",
        ),
    ),
}
_GENERIC_TEXTS: tuple[tuple[str, ...], tuple[str, ...]] = (
    ("Ada masalah di {street}{landmark} yang perlu dicek petugas, {dur}",),
    ("mohon ditindaklanjuti", "warga sekitar terganggu"),
)
_TAILS = (
    "", "", "Mohon segera ditindaklanjuti.", "Mohon dicek ke lokasi.", "Terima kasih.",
    "Mohon bantuannya.", "Sudah pernah lapor ke RT/RW tapi belum ada tindakan.",
    "Mohon dikabari kalau sudah ditangani.",
)
_ASSISTED_TAILS = (
    "Pelapor lansia, dibantu petugas mengisi.", "Pelapor minta dikabari lewat telepon.",
    "Disampaikan langsung di posko, dibantu petugas.", "Pelapor tidak memakai aplikasi.",
)
_APP_OPENERS = ("", "", "", "Pak, ", "Mohon bantuannya, ", "Lapor, ", "Tolong, ")
_KECAMATAN_OPENER = "Temuan petugas saat monitoring wilayah: "

_VERIFY_NOTES = (
    "Lokasi dan uraian sudah diverifikasi.", "Sudah dicek ke lokasi oleh PPSU kelurahan.",
    "Diverifikasi dengan foto dari pelapor.", "Sudah dikonfirmasi ke ketua RT setempat.",
)
_PROGRESS_NOTES = (
    "Petugas sudah dijadwalkan ke lokasi.", "Sedang ditangani petugas lapangan.",
    "Menunggu ketersediaan material.", "Tim sudah survei lokasi.",
    "Masuk jadwal penanganan minggu ini.",
)
_AWAITING_NOTES = (
    "Sudah ditangani, foto hasil terlampir.", "Pekerjaan selesai, mohon divalidasi.",
    "Penanganan selesai dikerjakan petugas.",
)
_DONE_NOTES = (
    "Hasil penanganan sudah dicek dan sesuai.", "Divalidasi kecamatan; pelapor sudah dikabari.",
    "Selesai, dikonfirmasi pelapor.", "Selesai ditangani.",
)
_FOLLOWUP_REJECTED_NOTES = (
    "Foto hasil penanganan tidak menunjukkan lokasi yang dilaporkan.",
    "Penanganan belum tuntas, masih ada sisa di lokasi.",
    "Yang diperbaiki bukan titik yang dilaporkan warga.",
)
_REOPEN_NOTES = (
    "Pelapor datang ke posko: belum beres.", "Warga menyampaikan masalah muncul lagi.",
    "Menurut pelapor perbaikannya hanya sementara.",
)
_REJECT_NOTES = (
    "Lokasi tidak jelas dan pelapor tidak dapat dihubungi.",
    "Bukan pengaduan; pertanyaan informasi sudah dijawab langsung.",
    "Uraian tidak lengkap; pelapor diminta melapor ulang dengan foto.",
    "Di luar wilayah kecamatan.",
)
_PROMISES = (
    "Akan ditanyakan ke {agency} dan dikabari lewat SMS.",
    "Sudah diteruskan ulang ke {agency}; petugas dijadwalkan turun.",
    "Dibahas di rapat koordinasi Senin bersama {agency}.",
    "Kecamatan akan mengecek lokasi bersama PPSU dan menghubungi {agency}.",
    "Dimintakan pembaruan status ke {agency}.",
)
_OTHER_AGENCIES: dict[str, tuple[str, ...]] = {
    "jalan_rusak": (
        "Balai Besar Pelaksanaan Jalan Nasional (jalan nasional)", "Pengelola jalan tol",
        "Pengembang perumahan (jalan belum diserahkan)",
    ),
    "pju": ("PT PLN (Persero)", "Pengelola kawasan swasta"),
    "banjir_saluran": ("Balai Besar Wilayah Sungai (Kementerian PUPR)", "PT Kereta Api Indonesia"),
    "kebersihan_sungai": ("Balai Besar Wilayah Sungai (Kementerian PUPR)",),
    "kemacetan": ("Satlantas Polres setempat", "Badan Pengelola Transportasi Jabodetabek"),
    "kabel_utilitas": ("PT PLN (Persero)", "PT Telkom Indonesia", "Penyedia jaringan swasta"),
    "adminduk": ("Kantor Imigrasi", "Kantor Urusan Agama (KUA)"),
    "kebisingan": ("Polsek setempat",),
    "pmks": ("Polsek setempat",),
}
_GENERIC_OTHER_AGENCIES = (
    "Polsek setempat", "Badan Pertanahan Nasional (BPN)", "Pengelola kawasan swasta",
    "PT Kereta Api Indonesia",
)

# Where app tickets come from, by kota/kabupaten or province (first match wins).
_APP_SOURCES: tuple[tuple[str, tuple[tuple[Source, float], ...]], ...] = (
    ("31", ((Source.JAKI, 0.5), (Source.QLUE, 0.25), (Source.LAPOR, 0.25))),
    ("32.75", ((Source.POT, 0.6), (Source.LAPOR, 0.4))),
    ("36.74", ((Source.SMART_TANGSEL, 0.6), (Source.LAPOR, 0.4))),
    ("", ((Source.LAPOR, 0.75), (Source.WEB, 0.25))),
)
# (digits, first number) of each source's report numbers: synthetic, sequential per source.
_REF_FORMATS: dict[Source, tuple[int, int]] = {
    Source.QLUE: (7, 3_100_000),
    Source.LAPOR: (8, 11_000_000),
    Source.JAKI: (8, 52_000_000),
    Source.POT: (6, 120_000),
    Source.SMART_TANGSEL: (6, 210_000),
    Source.WEB: (7, 1_400_000),
}
_SHARE_TWO_REFS = 0.12
# Share of tickets filed by someone who reported before.
_SHARE_REPEAT_REPORTER = 0.05
# Chance that an app ticket still open two days after it came in is chased at the desk;
# gives about 15 % of all app tickets.
_CHASE_CHANCE = 0.17

# Moves a time between 21:00 and 07:00 to between 07:00 and 17:00.
_NIGHT_SHIFT = timedelta(hours=10)

_UUID_MASK = ~((0xF000 << 64) | (0xC000 << 48)) & ((1 << 128) - 1)
_UUID_BITS = (0x4000 << 64) | (0x8000 << 48)


def local_timezone(region_code: str) -> tzinfo:
    return ZoneInfo(catalogues.timezone_name(region_code))


def _local_agency(cat: catalogues.Category, province: str, kota: str, kec_name: str) -> str:
    """The agency's local office: "Suku Dinas Bina Marga Jakarta Timur" in Jakarta (whose
    kota have branch offices), "Dinas Bina Marga Kota Bekasi" elsewhere."""
    agency = cat.agency_id
    if cat.code == "lainnya":
        return f"Kecamatan {kec_name}"
    if province == "31":
        short = kota.removeprefix("Kota Administrasi ").removeprefix("Kabupaten Administrasi ")
        if agency.startswith("Dinas "):
            agency = "Suku " + agency
        return f"{agency} {short}"
    return f"{agency.removeprefix('Suku ')} {kota}"


def _error(message_id: str, message_en: str, field: str) -> DomainError:
    return DomainError(message_id, message_en, code="invalid_demo_parameters", field=field)


# --------------------------------------------------------------------------------------------
# The generator
# --------------------------------------------------------------------------------------------


class _Generator:
    """Holds the precomputed pools and the running counters of one `generate` call."""

    def __init__(
        self,
        kecamatan_code: str,
        count: int,
        seed: int,
        desk: int,
        today: date,
        days: int,
        officers: tuple[str, ...],
    ) -> None:
        self.kec = catalogues.kecamatan(kecamatan_code)
        path = catalogues.region_path(self.kec.code)
        province, kota = path[0], path[1]
        self.count, self.desk, self.today, self.days = count, desk, today, days
        self.officers = officers
        self.rng = random.Random(f"posko-demo:{seed}:{self.kec.code}:{desk}")
        rng = self.rng
        self.tz = local_timezone(province.code)
        self.cutoff = datetime(today.year, today.month, today.day, tzinfo=self.tz)

        # Kelurahan, each with its own weight, RW/RT counts and local street names.
        self.kelurahan = catalogues.kelurahan_of(self.kec.code)
        if not self.kelurahan:
            raise _error(
                "Kecamatan ini tidak memiliki kelurahan/desa dalam katalog.",
                "This kecamatan has no kelurahan/village in the catalogue.",
                "kecamatan",
            )
        self.kel_cum = list(accumulate(0.5 + 1.5 * rng.random() for _ in self.kelurahan))
        self.kel_rw = [rng.randint(8, 15) for _ in self.kelurahan]
        self.kel_rt = [[rng.randint(8, 20) for _ in range(15)] for _ in self.kelurahan]
        main_roads = _MAIN_ROADS.get(kota.code, ())
        self.kel_streets: list[tuple[str, ...]] = []
        for kel in self.kelurahan:
            local = tuple(
                f"Jl. {kel.name} {suffix}" for suffix in rng.sample(_LOCAL_STREET_SUFFIXES, 3)
            )
            generic = tuple(rng.sample(_GENERIC_STREETS, 12))
            # Local names and main roads come up more often than the generic ones.
            self.kel_streets.append(local * 3 + main_roads * 2 + generic)

        # NIK prefixes: mostly this kecamatan, some its neighbours in the same kota.
        own = self.kec.code.replace(".", "")
        neighbours = [
            r.code.replace(".", "")
            for r in catalogues.subregions(kota.code)
            if r.code != self.kec.code
        ]
        self.nik_prefixes = [own] * 4 + (rng.sample(neighbours, min(4, len(neighbours))) or [own])
        self.birth_first = date(today.year - 85, 1, 1).toordinal()
        self.birth_span = date(today.year - 17, 1, 1).toordinal() - self.birth_first

        # Categories with their weights and local agency names.
        self.categories = catalogues.categories()
        weights = {
            "sampah": 16, "jalan_rusak": 12, "banjir_saluran": 10, "pju": 8, "parkir_liar": 7,
            "pkl": 6, "trotoar": 5, "pohon": 5, "kebersihan_sungai": 4, "kemacetan": 4,
            "fasum_rusak": 4, "adminduk": 5, "kebisingan": 3, "bangunan_liar": 3,
            "kesehatan_lingkungan": 3, "pmks": 2, "kabel_utilitas": 3, "lainnya": 3,
        }
        self.cat_cum = list(accumulate(weights.get(c.code, 2) for c in self.categories))
        self.cat_agency = [
            _local_agency(c, province.code, kota.name, self.kec.name) for c in self.categories
        ]
        self.cat_texts = [_TEXTS.get(c.code, _GENERIC_TEXTS) for c in self.categories]
        self.cat_others = [
            _OTHER_AGENCIES.get(c.code, _GENERIC_OTHER_AGENCIES) for c in self.categories
        ]
        # Named reporters with a phone seen lately: some come back with another complaint.
        self.regulars: list[Reporter] = []
        # Recent tracking codes per category: candidates for a duplicate to be merged into.
        self.recent: list[list[str]] = [[] for _ in self.categories]

        # App sources and their numbering.
        for prefix, sources in _APP_SOURCES:
            if self.kec.code.startswith(prefix):
                self.app_sources = [s for s, _ in sources]
                self.app_cum = list(accumulate(w for _, w in sources))
                break
        expected = max(1.0, count * _SHARE_APP * (1 + _SHARE_TWO_REFS))
        self.ref_next: dict[Source, int] = {}
        self.ref_gap: dict[Source, int] = {}
        for index, source in enumerate(self.app_sources):
            digits, start = _REF_FORMATS[source]
            share = self.app_cum[index] - (self.app_cum[index - 1] if index else 0.0)
            room = 10**digits - start
            self.ref_next[source] = start + rng.randrange(1000)
            self.ref_gap[source] = max(1, min(60, int(1.6 * room / (expected * share + 1))))

    # -- small helpers -------------------------------------------------------------------

    def uuid(self) -> str:
        h = f"{(self.rng.getrandbits(128) & _UUID_MASK) | _UUID_BITS:032x}"
        return f"{h[:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-{h[20:]}"

    def name(self, female: bool) -> str:
        r = self.rng.random
        x = r()
        if female:
            given = _FEMALE[int(r() * len(_FEMALE))]
            if given in _FEMALE_FIRST_OF_TWO:
                family = _FEMALE[int(r() * len(_FEMALE))] if x < 0.85 else ""
            elif x < 0.3:
                family = _FEMALE_SURNAMES[int(r() * len(_FEMALE_SURNAMES))]
            elif x < 0.75:
                family = _SURNAMES[int(r() * len(_SURNAMES))]
            else:
                family = ""
            title = "Hj. " if r() < 0.05 else ""
        else:
            given = _MALE[int(r() * len(_MALE))]
            if given in _MALE_FIRST_OF_TWO:
                family = _MALE[int(r() * len(_MALE))] if x < 0.85 else ""
            elif given in _BALINESE_FIRST:
                family = _BALINESE_SECOND[int(r() * len(_BALINESE_SECOND))]
            elif x < 0.75:
                family = _SURNAMES[int(r() * len(_SURNAMES))]
            else:
                family = ""
            title = "H. " if r() < 0.05 else ""
        if family == given or family in _FEMALE_FIRST_OF_TWO or family in _BALINESE_FIRST:
            family = ""
        return f"{title}{given} {family}" if family else f"{title}{given}"

    def phone(self) -> str:
        r = self.rng.random
        length = _SUBSCRIBER_LENGTHS[int(r() * len(_SUBSCRIBER_LENGTHS))]
        prefix = _MOBILE_PREFIXES[int(r() * len(_MOBILE_PREFIXES))]
        return f"+62{prefix}{self.rng.randrange(10**length):0{length}d}"

    def nik(self, female: bool) -> str:
        r = self.rng.random
        born = date.fromordinal(self.birth_first + int(r() * self.birth_span))
        day = born.day + 40 if female else born.day
        prefix = self.nik_prefixes[int(r() * len(self.nik_prefixes))]
        serial = 1 + int(r() ** 2 * 2999)
        return f"{prefix}{day:02d}{born.month:02d}{born.year % 100:02d}{serial:04d}"

    def reporter(self, origin: Origin) -> Reporter:
        r = self.rng.random
        x = r()
        regulars = self.regulars
        if x < _SHARE_REPEAT_REPORTER and regulars:
            # Someone who reported before (same name, phone, NIK): fodder for the search by
            # phone and for duplicate suggestions.
            return regulars[int(r() * len(regulars))]
        x = r()
        if origin is Origin.DESK:
            kind = (
                ReporterKind.NAMED if x < 0.8
                else ReporterKind.ANONYMOUS if x < 0.92 else ReporterKind.KECAMATAN
            )
        elif origin is Origin.ASSISTED:
            kind = ReporterKind.NAMED if x < 0.95 else ReporterKind.ANONYMOUS
        else:
            kind = ReporterKind.NAMED if x < 0.85 else ReporterKind.ANONYMOUS
        if kind is ReporterKind.KECAMATAN:
            return Reporter(kind=kind)
        if kind is ReporterKind.ANONYMOUS:
            if r() < 0.3:  # identity stays at the kecamatan: a number to call back
                return Reporter(kind=kind, phone=self.phone(), contact=ContactPreference.SMS)
            return Reporter(kind=kind)
        female = r() < 0.5
        has_phone = r() < (0.6 if origin is Origin.ASSISTED else 0.8)
        phone = self.phone() if has_phone else None
        nik = self.nik(female) if r() < 0.4 else None
        if phone is None:
            contact = ContactPreference.NONE
        else:
            y = r()
            contact = (
                ContactPreference.WHATSAPP if y < 0.55
                else ContactPreference.SMS if y < 0.7
                else ContactPreference.PHONE if y < 0.9 else ContactPreference.NONE
            )
        reporter = Reporter(
            kind=kind, name=self.name(female), phone=phone, nik=nik, contact=contact
        )
        if phone is not None:
            regulars.append(reporter)
            if len(regulars) > 200:
                del regulars[0]
        return reporter

    def location(self) -> tuple[Location, str]:
        """A location and the street name to mention in the description."""
        r = self.rng.random
        k = bisect(self.kel_cum, r() * self.kel_cum[-1])
        kel = self.kelurahan[k]
        rw = 1 + int(r() * self.kel_rw[k])
        rt = 1 + int(r() * self.kel_rt[k][rw - 1])
        streets = self.kel_streets[k]
        street = streets[int(r() * len(streets))]
        number = 1 + int(r() ** 2 * 150)
        x = r()
        if x < 0.5:
            address = f"{street} No. {number}"
        elif x < 0.7:
            address = f"{street} {_GANGS[int(r() * len(_GANGS))]} No. {number}"
        elif x < 0.78:
            block = "ABCDEFG"[int(r() * 7)]
            address = f"{_KOMPLEKS[int(r() * len(_KOMPLEKS))]} Blok {block}{number % 40 + 1}"
            street = address.split(" Blok ")[0]
        else:
            address = street
        return Location(kelurahan_code=kel.code, rw=rw, rt=rt, address=address), street

    def description(self, c: int, origin: Origin, kind: ReporterKind, street: str,
                    location: Location) -> str:
        r = self.rng.random
        openings, details = self.cat_texts[c]
        opening = openings[int(r() * len(openings))].format(
            street=street,
            landmark=_LANDMARKS[int(r() * len(_LANDMARKS))],
            dur=_DURATIONS[int(r() * len(_DURATIONS))],
            rt=location.rt or 1,
            rw=location.rw or 1,
            n=2 + int(r() * 6),
            m=10 * (2 + int(r() * 20)),
            cm=10 * (2 + int(r() * 6)),
        )
        text = opening
        if r() < 0.8:
            text = f"{text}, {details[int(r() * len(details))]}"
        text += "."
        if origin is Origin.ASSISTED:
            text = f"{text} {_ASSISTED_TAILS[int(r() * len(_ASSISTED_TAILS))]}"
        else:
            tail = _TAILS[int(r() * len(_TAILS))]
            if tail:
                text = f"{text} {tail}"
        if kind is ReporterKind.KECAMATAN:
            text = _KECAMATAN_OPENER + text
        elif origin is Origin.APP:
            opener = _APP_OPENERS[int(r() * len(_APP_OPENERS))]
            if opener:
                text = opener + text[0].lower() + text[1:]
            if r() < 0.1:
                text = text.lower()
        return text

    def external_refs(self) -> tuple[ExternalRef, ...]:
        r = self.rng.random
        first = self.app_sources[bisect(self.app_cum, r() * self.app_cum[-1])]
        sources = [first]
        if r() < _SHARE_TWO_REFS and len(self.app_sources) > 1:
            others = [s for s in self.app_sources if s is not first]
            sources.append(others[int(r() * len(others))])
        refs = []
        for source in sources:
            number = self.ref_next[source]
            self.ref_next[source] = number + 1 + int(r() * self.ref_gap[source])
            refs.append(ExternalRef(source, str(number)))
        return tuple(refs)

    # -- the timeline --------------------------------------------------------------------

    def timeline(
        self, ticket_uuid: str, c: int, origin: Origin, created: datetime, field_check: bool,
        officer: str,
    ) -> tuple[list[StatusEvent], datetime | None, bool]:
        """The events up to the cut-off, when the ticket stopped being open (or None), and
        whether the ticket may be named as the survivor of a later merge."""
        rng = self.rng
        r = rng.random
        officers = self.officers
        agency = self.cat_agency[c]
        app = origin is Origin.APP
        desk_source = EventSource.SERVER if app else EventSource.DESK
        cutoff = self.cutoff
        uuid = self.uuid

        def kec_officer() -> str:
            return officers[int(r() * len(officers))]

        if app:
            first = StatusEvent(
                ticket_uuid, Status.RECEIVED, created, "system", EventSource.SERVER,
                "Diterima dari aplikasi.", uuid=uuid(),
            )
        else:
            first = StatusEvent(
                ticket_uuid, Status.RECEIVED, created, officer, EventSource.DESK,
                "Diterima di posko pengaduan kecamatan." if origin is Origin.DESK
                else "Diterima dengan pendampingan petugas; persetujuan lisan dicatat.",
                uuid=uuid(),
            )
        events = [first]
        at = created
        closed_at: datetime | None = None

        def add(status: Status, hours: float, actor: str, source: EventSource, note: str,
                agency_name: str | None = None, merged_into: str | None = None) -> bool:
            nonlocal at, closed_at
            at = at + timedelta(hours=hours)
            if source is not EventSource.CITIZEN and not 7 <= at.hour < 21:
                at = at + _NIGHT_SHIFT  # officers and agencies work 07:00-21:00
            if at >= cutoff:
                return False
            events.append(StatusEvent(
                ticket_uuid, status, at, actor, source, note, agency_name, merged_into,
                uuid=uuid(),
            ))
            if not status.is_open:
                closed_at = at
            return True

        def pick(pool: tuple[str, ...]) -> str:
            return pool[int(r() * len(pool))]

        fate = r()
        # Side exits early in the life of a ticket.
        if fate < 0.03:
            if r() < 0.5 and not add(Status.VERIFIED, 0.2 + 30 * r() ** 2, kec_officer(),
                                     desk_source, pick(_VERIFY_NOTES)):
                return events, closed_at, False
            add(Status.REJECTED, 1 + 48 * r(), kec_officer(), desk_source, pick(_REJECT_NOTES))
            return events, closed_at, False
        if 0.03 <= fate < 0.07:
            survivors = self.recent[c]
            if survivors:
                survivor = survivors[int(r() * len(survivors))]
                add(Status.MERGED, 0.5 + 24 * r(), kec_officer(), desk_source,
                    f"Laporan sama dengan {survivor}; digabung.", merged_into=survivor)
                return events, closed_at, False
            fate = 1.0  # nothing to merge into yet: an ordinary ticket
        if not add(Status.VERIFIED, 0.2 + 60 * r() ** 2, kec_officer(), desk_source,
                   pick(_VERIFY_NOTES)):
            return events, closed_at, True
        if 0.07 <= fate < 0.12:
            if r() < 0.5 and not add(Status.DISPATCHED, 0.5 + 36 * r() ** 2, kec_officer(),
                                     desk_source, f"Didisposisikan ke {agency}."):
                return events, closed_at, True
            other = pick(self.cat_others[c])
            add(Status.NOT_OUR_AUTHORITY, 2 + 72 * r(), kec_officer(), desk_source,
                f"Bukan kewenangan {agency}; diteruskan ke {other}.", agency_name=other)
            return events, closed_at, False
        if not add(Status.DISPATCHED, 0.5 + 36 * r() ** 2, kec_officer(), desk_source,
                   f"Didisposisikan ke {agency}."):
            return events, closed_at, True
        if 0.12 <= fate < 0.14:  # the agency never picks it up
            return events, closed_at, True
        work_days = 40.0 if field_check else 10.0
        rounds = 2 if 0.20 <= fate < 0.26 else 1
        for round_ in range(rounds):
            if not add(Status.IN_PROGRESS, 2 + 100 * r() ** 2 if round_ == 0 else 2 + 48 * r(),
                       agency, EventSource.AGENCY, pick(_PROGRESS_NOTES)):
                return events, closed_at, True
            if 0.14 <= fate < 0.20:  # stuck in progress: shows up overdue
                return events, closed_at, True
            if not add(Status.AWAITING_VALIDATION, 4 + 24 * work_days * r() ** 2, agency,
                       EventSource.AGENCY, pick(_AWAITING_NOTES)):
                return events, closed_at, True
            if round_ + 1 < rounds and not add(
                Status.FOLLOWUP_REJECTED, 2 + 48 * r(), kec_officer(), desk_source,
                pick(_FOLLOWUP_REJECTED_NOTES),
            ):
                return events, closed_at, True
        if not add(Status.DONE, 1 + 70 * r() ** 2, kec_officer(), desk_source,
                   pick(_DONE_NOTES)):
            return events, closed_at, True
        if 0.26 <= fate < 0.30:  # "belum beres": reopened by the citizen
            if not add(Status.REOPENED, 24 + 20 * 24 * r(), "warga", EventSource.CITIZEN,
                       pick(_REOPEN_NOTES)):
                return events, closed_at, True
            closed_at = None
            if not add(Status.IN_PROGRESS, 2 + 48 * r(), agency, EventSource.AGENCY,
                       pick(_PROGRESS_NOTES)):
                return events, closed_at, True
            if r() < 0.3:
                return events, closed_at, True
            if not add(Status.AWAITING_VALIDATION, 4 + 24 * work_days * r() ** 2, agency,
                       EventSource.AGENCY, pick(_AWAITING_NOTES)):
                return events, closed_at, True
            add(Status.DONE, 1 + 70 * r() ** 2, kec_officer(), desk_source, pick(_DONE_NOTES))
        return events, closed_at, True

    def follow_ups(self, ticket: Ticket, reporter_name: str | None, c: int,
                   closed_at: datetime | None) -> tuple[FollowUp, ...]:
        """Walk-ins chasing an app ticket while it was still open."""
        r = self.rng.random
        start = ticket.created_at + timedelta(days=2)
        end = closed_at if closed_at is not None else self.cutoff
        if end <= start or r() >= _CHASE_CHANCE:
            return ()
        result: list[FollowUp] = []
        window = (end - start).total_seconds()
        at = start + timedelta(seconds=int(r() * window))
        for _ in range(2):
            # Chases happen at the Saturday posko when one falls inside the window.
            saturday = at.date() + timedelta(days=(5 - at.weekday()) % 7)
            snapped = datetime(saturday.year, saturday.month, saturday.day, 8, tzinfo=self.tz)
            snapped += timedelta(seconds=int(r() * 4 * 3600))
            if snapped < end:
                at = snapped
            x = r()
            if reporter_name and x < 0.6:
                requested_by = reporter_name
            elif x < 0.85:
                requested_by = self.name(r() < 0.5)
            else:
                requested_by = ""
            refs = ", ".join(str(ref) for ref in ticket.external_refs)
            result.append(FollowUp(
                ticket_uuid=ticket.uuid,
                asked_at=at,
                officer=self.officers[int(r() * len(self.officers))],
                requested_by=requested_by,
                promise=_PROMISES[int(r() * len(_PROMISES))].format(agency=self.cat_agency[c]),
                promised_by=at.date() + timedelta(days=2 + int(r() * 12)),
                note=f"Warga menanyakan perkembangan laporan {refs}.",
                uuid=self.uuid(),
            ))
            at = at + timedelta(days=7 + int(r() * 14))
            if at >= end or r() < 0.75:
                break
        return tuple(result)

    # -- one case ------------------------------------------------------------------------

    def case(self, origin: Origin, created: datetime, tracking_code: str) -> DemoCase:
        r = self.rng.random
        c = bisect(self.cat_cum, r() * self.cat_cum[-1])
        cat = self.categories[c]
        ticket_uuid = self.uuid()
        reporter = self.reporter(origin)
        location, street = self.location()
        description = self.description(c, origin, reporter.kind, street, location)
        refs = self.external_refs() if origin is Origin.APP else ()
        officer = "" if origin is Origin.APP else self.officers[int(r() * len(self.officers))]
        events, closed_at, survivor = self.timeline(
            ticket_uuid, c, origin, created, cat.needs_field_check,
            officer or self.officers[0],
        )
        last = events[-1]
        ticket = Ticket(
            uuid=ticket_uuid,
            tracking_code=tracking_code,
            origin=origin,
            category=cat.code,
            location=location,
            description=description,
            reporter=reporter,
            consent=True,
            officer=officer,
            created_at=created,
            updated_at=last.at,
            status=last.status,
            external_refs=refs,
            needs_field_check=cat.needs_field_check,
        )
        follow_ups: tuple[FollowUp, ...] = ()
        if origin is Origin.APP:
            follow_ups = self.follow_ups(ticket, reporter.name, c, closed_at)
            if follow_ups and follow_ups[-1].asked_at > ticket.updated_at:
                ticket = replace(ticket, updated_at=follow_ups[-1].asked_at)
        if survivor:
            recent = self.recent[c]
            recent.append(tracking_code)
            if len(recent) > 8:
                del recent[0]
        return DemoCase(ticket=ticket, events=tuple(events), follow_ups=follow_ups)

    # -- the year --------------------------------------------------------------------------

    def day_counts(self, total: int, weights: list[float]) -> list[int]:
        """Split `total` over the days in proportion to jittered weights (largest remainder)."""
        rng = self.rng
        jittered = [w * (0.7 + 0.6 * rng.random()) for w in weights]
        scale = sum(jittered)
        if total == 0 or scale == 0:
            return [0] * len(weights)
        exact = [total * w / scale for w in jittered]
        counts = [int(e) for e in exact]
        short = total - sum(counts)
        by_remainder = sorted(range(len(exact)), key=lambda i: counts[i] - exact[i])
        for i in by_remainder[:short]:
            counts[i] += 1
        return counts

    def plan(self) -> None:
        """How many walk-ins and app tickets each day gets; refuses a plan that would run a
        desk's daily sequence out."""
        first_day = self.today - timedelta(days=self.days)
        self.day_list = [first_day + timedelta(days=i) for i in range(self.days)]
        n_app = round(self.count * _SHARE_APP)
        n_walkin = self.count - n_app
        # Walk-ins: office days, mostly the Saturday posko. Apps: any day, growing use.
        walkin_weights = [
            6.0 if d.weekday() == 5 else 0.0 if d.weekday() == 6 else 1.0 for d in self.day_list
        ]
        app_weights = [
            (0.8 + 0.4 * i / max(1, self.days - 1))
            * (0.6 if d.weekday() == 6 else 0.75 if d.weekday() == 5 else 1.0)
            for i, d in enumerate(self.day_list)
        ]
        if not any(walkin_weights):  # a one-day range on a Sunday
            walkin_weights = [1.0] * len(self.day_list)
        self.walkin_counts = self.day_counts(n_walkin, walkin_weights)
        self.app_counts = self.day_counts(n_app, app_weights)
        if max(self.walkin_counts + self.app_counts, default=0) > MAX_SEQUENCE:
            raise _error(
                f"Terlalu banyak tiket untuk {self.days} hari: satu meja paling banyak "
                f"{MAX_SEQUENCE} tiket per hari.",
                f"Too many tickets for {self.days} days: a desk issues at most {MAX_SEQUENCE} "
                "tickets a day.",
                "count",
            )

    def run(self) -> Iterator[DemoCase]:
        rng = self.rng
        r = rng.random
        tz = self.tz
        for day, n_walk, n_app_day in zip(
            self.day_list, self.walkin_counts, self.app_counts, strict=True
        ):
            if not n_walk and not n_app_day:
                continue
            start = datetime(day.year, day.month, day.day, tzinfo=tz)
            if day.weekday() == 5:  # Saturday posko: 07:30-12:30
                w_from, w_span = 27_000, 18_000
            else:  # office hours 08:00-15:30
                w_from, w_span = 28_800, 27_000
            # (seconds after midnight, is_app)
            slots = [(w_from + int(r() * w_span), False) for _ in range(n_walk)]
            slots.extend((18_000 + int(r() ** 0.8 * 68_000), True) for _ in range(n_app_day))
            slots.sort()
            walk_seq = app_seq = 0
            for seconds, is_app in slots:
                created = start + timedelta(seconds=seconds)
                if is_app:
                    app_seq += 1
                    code = make_tracking_code(self.kec.code, day, APP_DESK, app_seq)
                    origin = Origin.APP
                else:
                    walk_seq += 1
                    code = make_tracking_code(self.kec.code, day, self.desk, walk_seq)
                    origin = Origin.ASSISTED if r() < _SHARE_ASSISTED_OF_WALKIN else Origin.DESK
                yield self.case(origin, created, code)


def generate(
    kecamatan_code: str,
    count: int,
    *,
    seed: int = 1,
    desk: int = 1,
    today: date | None = None,
    officers: Sequence[str] = DEFAULT_OFFICERS,
    days: int = 365,
) -> Iterator[DemoCase]:
    """Stream `count` demo cases for one kecamatan over the `days` days before `today`.

    Deterministic: the same arguments give the same cases (UUIDs included). Walk-ins get
    tracking codes of desk `desk` (1..30); app tickets those of the server's desk 31.
    Raises UnknownRegion for an unknown kecamatan and DomainError (code
    "invalid_demo_parameters") for other bad arguments, before yielding anything.
    """
    if count < 0:
        raise _error("Jumlah tiket tidak boleh negatif.", "The count cannot be negative.",
                     "count")
    if not 1 <= desk < APP_DESK:
        raise _error(
            f"Nomor meja harus 1 sampai {APP_DESK - 1} ({APP_DESK} dipakai server pusat).",
            f"The desk number must be 1 to {APP_DESK - 1} ({APP_DESK} is the central server's).",
            "desk",
        )
    officer_names = tuple(officers)
    if not officer_names or not all(o.strip() and len(o) <= 64 for o in officer_names):
        raise _error(
            "Daftar petugas harus berisi nama pengguna yang tidak kosong.",
            "The officers must be non-empty usernames.",
            "officers",
        )
    day = today if today is not None else date.today()
    if days < 1 or day - timedelta(days=days) < EPOCH:
        raise _error(
            f"Rentang tanggal harus dimulai pada atau setelah {EPOCH.isoformat()}.",
            f"The date range must start on or after {EPOCH.isoformat()}.",
            "today",
        )
    generator = _Generator(kecamatan_code, count, seed, desk, day, days, officer_names)
    generator.plan()
    return generator.run()
