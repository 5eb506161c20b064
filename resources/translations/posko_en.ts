<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="id_ID">
<context>
    <name>AssistedWizard</name>
    <message>
        <location filename="../../src/posko/ui/assisted.py" line="118"/>
        <source>Lanjut  ›</source>
        <translation>Next  ›</translation>
    </message>
    <message>
        <location filename="../../src/posko/ui/assisted.py" line="119"/>
        <source>‹  Kembali</source>
        <translation>‹  Back</translation>
    </message>
    <message>
        <location filename="../../src/posko/ui/assisted.py" line="120"/>
        <source>Simpan pengaduan</source>
        <translation>Save complaint</translation>
    </message>
    <message>
        <location filename="../../src/posko/ui/assisted.py" line="121"/>
        <source>Selesai</source>
        <translation>Finish</translation>
    </message>
    <message>
        <location filename="../../src/posko/ui/assisted.py" line="122"/>
        <source>Batal</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../src/posko/ui/assisted.py" line="201"/>
        <source>Buka pratinjau tanda terima untuk dicetak.</source>
        <translation>Open the receipt preview to print it.</translation>
    </message>
    <message>
        <location filename="../../src/posko/ui/assisted.py" line="298"/>
        <source>Akan dicatat sebagai %1.</source>
        <translation>Will be recorded as %1.</translation>
    </message>
    <message>
        <location filename="../../src/posko/ui/assisted.py" line="329"/>
        <source>Pilih salah satu jenis masalah.</source>
        <translation>Choose one kind of problem.</translation>
    </message>
    <message>
        <location filename="../../src/posko/ui/assisted.py" line="332"/>
        <source>Pilih kelurahan tempat kejadian.</source>
        <translation>Choose the kelurahan where it happened.</translation>
    </message>
    <message>
        <location filename="../../src/posko/ui/assisted.py" line="348"/>
        <source>Ceritakan masalahnya dulu, walau singkat.</source>
        <translation>Describe the problem first, even briefly.</translation>
    </message>
    <message>
        <location filename="../../src/posko/ui/assisted.py" line="356"/>
        <source>Tulis nama warga, atau centang &apos;Tanpa nama&apos;.</source>
        <translation>Type the citizen&apos;s name, or tick &apos;No name&apos;.</translation>
    </message>
    <message>
        <location filename="../../src/posko/ui/assisted.py" line="403"/>
        <source>Persetujuan dicatat atas nama petugas: %1</source>
        <translation>Consent recorded by officer: %1</translation>
    </message>
    <message>
        <location filename="../../src/posko/ui/assisted.py" line="435"/>
        <source>Masalah</source>
        <translation>Problem</translation>
    </message>
    <message>
        <location filename="../../src/posko/ui/assisted.py" line="437"/>
        <source>Kelurahan %1</source>
        <translation>Kelurahan %1</translation>
    </message>
    <message>
        <location filename="../../src/posko/ui/assisted.py" line="439"/>
        <source>RW %1</source>
        <translation>RW %1</translation>
    </message>
    <message>
        <location filename="../../src/posko/ui/assisted.py" line="441"/>
        <source>RT %1</source>
        <translation>RT %1</translation>
    </message>
    <message>
        <location filename="../../src/posko/ui/assisted.py" line="444"/>
        <source>Tempat</source>
        <translation>Place</translation>
    </message>
    <message>
        <location filename="../../src/posko/ui/assisted.py" line="445"/>
        <source>Cerita</source>
        <translation>Story</translation>
    </message>
    <message>
        <location filename="../../src/posko/ui/assisted.py" line="446"/>
        <source>Nama</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../src/posko/ui/assisted.py" line="446"/>
        <source>Tanpa nama (anonim)</source>
        <translation>No name (anonymous)</translation>
    </message>
    <message>
        <location filename="../../src/posko/ui/assisted.py" line="453"/>
        <source>Telepon</source>
        <translation>Phone</translation>
    </message>
    <message>
        <location filename="../../src/posko/ui/assisted.py" line="453"/>
        <location filename="../../src/posko/ui/assisted.py" line="455"/>
        <source>tidak diisi</source>
        <translation>not given</translation>
    </message>
    <message>
        <location filename="../../src/posko/ui/assisted.py" line="454"/>
        <source>NIK</source>
        <translation>NIK</translation>
    </message>
    <message>
        <location filename="../../src/posko/ui/assisted.py" line="468"/>
        <source>Bacakan teks persetujuan kepada warga, lalu centang kotak persetujuan.</source>
        <translation>Read the consent text to the citizen, then tick the consent box.</translation>
    </message>
    <message>
        <location filename="../../src/posko/ui/assisted.py" line="495"/>
        <source>Menyimpan…</source>
        <translation>Saving…</translation>
    </message>
    <message>
        <location filename="../../forms/assisted_wizard.ui" line="9"/>
        <source>Mode pendampingan</source>
        <translation>Assisted mode</translation>
    </message>
    <message>
        <location filename="../../forms/assisted_wizard.ui" line="44"/>
        <source>Ada jawaban yang belum selesai dari pendampingan sebelumnya.</source>
        <translation>There are unfinished answers from an earlier assisted session.</translation>
    </message>
    <message>
        <location filename="../../forms/assisted_wizard.ui" line="54"/>
        <source>Pulihkan</source>
        <translation>Restore</translation>
    </message>
    <message>
        <location filename="../../forms/assisted_wizard.ui" line="61"/>
        <source>Abaikan</source>
        <translation>Ignore</translation>
    </message>
    <message>
        <location filename="../../forms/assisted_wizard.ui" line="74"/>
        <source>Apa yang terjadi?</source>
        <translation>What happened?</translation>
    </message>
    <message>
        <location filename="../../forms/assisted_wizard.ui" line="84"/>
        <source>Pilih satu yang paling sesuai.</source>
        <translation>Choose the one that fits best.</translation>
    </message>
    <message>
        <location filename="../../forms/assisted_wizard.ui" line="121"/>
        <source>Di mana tempatnya?</source>
        <translation>Where is it?</translation>
    </message>
    <message>
        <location filename="../../forms/assisted_wizard.ui" line="131"/>
        <source>&amp;Kelurahan</source>
        <translation>&amp;Kelurahan</translation>
    </message>
    <message>
        <location filename="../../forms/assisted_wizard.ui" line="146"/>
        <source>R&amp;W</source>
        <translation>R&amp;W</translation>
    </message>
    <message>
        <location filename="../../forms/assisted_wizard.ui" line="159"/>
        <source>mis. 005</source>
        <translation>e.g. 005</translation>
    </message>
    <message>
        <location filename="../../forms/assisted_wizard.ui" line="166"/>
        <source>R&amp;T</source>
        <translation>R&amp;T</translation>
    </message>
    <message>
        <location filename="../../forms/assisted_wizard.ui" line="179"/>
        <source>mis. 003</source>
        <translation>e.g. 003</translation>
    </message>
    <message>
        <location filename="../../forms/assisted_wizard.ui" line="188"/>
        <source>&amp;Alamat atau patokan (jalan, gang, dekat apa)</source>
        <translation>&amp;Address or landmark (street, alley, near what)</translation>
    </message>
    <message>
        <location filename="../../forms/assisted_wizard.ui" line="201"/>
        <source>mis. Jl. Raya Bogor, depan masjid</source>
        <translation>e.g. Jl. Raya Bogor, in front of the mosque</translation>
    </message>
    <message>
        <location filename="../../forms/assisted_wizard.ui" line="225"/>
        <source>Ceritakan lebih lanjut.</source>
        <translation>Tell us more.</translation>
    </message>
    <message>
        <location filename="../../forms/assisted_wizard.ui" line="235"/>
        <source>Tuliskan dengan kata-kata warga: apa masalahnya, sejak kapan, siapa yang terdampak.</source>
        <translation>Write it in the citizen&apos;s words: what the problem is, since when, who is affected.</translation>
    </message>
    <message>
        <location filename="../../forms/assisted_wizard.ui" line="272"/>
        <source>Siapa nama Bapak/Ibu?</source>
        <translation>What is your name?</translation>
    </message>
    <message>
        <location filename="../../forms/assisted_wizard.ui" line="289"/>
        <source>Tanpa nama (warga tidak ingin menyebutkan nama)</source>
        <translation>No name (the citizen prefers not to give one)</translation>
    </message>
    <message>
        <location filename="../../forms/assisted_wizard.ui" line="296"/>
        <source>Nama hanya disimpan di kecamatan dan tidak diberikan kepada dinas.</source>
        <translation>The name stays at the kecamatan and is not given to the agencies.</translation>
    </message>
    <message>
        <location filename="../../forms/assisted_wizard.ui" line="333"/>
        <source>Nomor telepon atau WhatsApp (boleh dikosongkan)</source>
        <translation>Phone or WhatsApp number (may be left empty)</translation>
    </message>
    <message>
        <location filename="../../forms/assisted_wizard.ui" line="348"/>
        <source>mis. 0812-3456-7890</source>
        <translation>e.g. 0812-3456-7890</translation>
    </message>
    <message>
        <location filename="../../forms/assisted_wizard.ui" line="367"/>
        <source>Dipakai untuk mengabarkan perkembangan pengaduan.</source>
        <translation>Used to tell you how the complaint is progressing.</translation>
    </message>
    <message>
        <location filename="../../forms/assisted_wizard.ui" line="394"/>
        <source>NIK (nomor di KTP) — boleh dikosongkan</source>
        <translation>NIK (the number on the ID card) — may be left empty</translation>
    </message>
    <message>
        <location filename="../../forms/assisted_wizard.ui" line="409"/>
        <source>16 angka</source>
        <translation>16 digits</translation>
    </message>
    <message>
        <location filename="../../forms/assisted_wizard.ui" line="431"/>
        <source>NIK disimpan terkunci (terenkripsi) dan hanya ditampilkan tersamar.</source>
        <translation>The NIK is stored locked (encrypted) and only ever shown masked.</translation>
    </message>
    <message>
        <location filename="../../forms/assisted_wizard.ui" line="458"/>
        <source>Apakah ini sudah benar?</source>
        <translation>Is this correct?</translation>
    </message>
    <message>
        <location filename="../../forms/assisted_wizard.ui" line="468"/>
        <source>Petugas: bacakan ringkasan ini kepada warga. Jika ada yang salah, tekan Kembali.</source>
        <translation>Officer: read this summary to the citizen. If anything is wrong, press Back.</translation>
    </message>
    <message>
        <location filename="../../forms/assisted_wizard.ui" line="508"/>
        <source>Persetujuan warga</source>
        <translation>Citizen&apos;s consent</translation>
    </message>
    <message>
        <location filename="../../forms/assisted_wizard.ui" line="518"/>
        <source>Petugas membacakan: “Data Bapak/Ibu (nama, telepon, NIK) hanya dipakai kecamatan untuk menangani pengaduan ini dan mengabarkan perkembangannya. Dinas dan petugas lapangan hanya melihat isi pengaduan, bukan siapa yang melapor. NIK disimpan terkunci. Apakah Bapak/Ibu setuju?”</source>
        <translation>The officer reads aloud: “Your data (name, phone, NIK) is used by the kecamatan only to handle this complaint and to tell you how it progresses. Agencies and field officers see only the complaint, not who made it. The NIK is stored locked. Do you agree?”</translation>
    </message>
    <message>
        <location filename="../../forms/assisted_wizard.ui" line="528"/>
        <source>Persetujuan dibacakan dan disetujui secara lisan</source>
        <translation>Consent read aloud and given verbally</translation>
    </message>
    <message>
        <location filename="../../forms/assisted_wizard.ui" line="569"/>
        <source>Pengaduan sudah tersimpan. Kode pelacakan:</source>
        <translation>The complaint is saved. Tracking code:</translation>
    </message>
    <message>
        <location filename="../../forms/assisted_wizard.ui" line="589"/>
        <source>Simpan kode ini. Untuk menanyakan perkembangan, sebutkan kode ini kepada petugas kecamatan.</source>
        <translation>Keep this code. To ask about progress, give this code to a kecamatan officer.</translation>
    </message>
    <message>
        <location filename="../../forms/assisted_wizard.ui" line="601"/>
        <source>Cetak tanda terima</source>
        <translation>Print receipt</translation>
    </message>
</context>
<context>
    <name>AuditLog</name>
    <message>
        <location filename="../../src/posko/ui/audit_log.py" line="47"/>
        <source>Tiket dibuat</source>
        <translation>Ticket created</translation>
    </message>
    <message>
        <location filename="../../src/posko/ui/audit_log.py" line="48"/>
        <source>Status diubah</source>
        <translation>Status changed</translation>
    </message>
    <message>
        <location filename="../../src/posko/ui/audit_log.py" line="49"/>
        <source>Catatan ditambahkan</source>
        <translation>Note added</translation>
    </message>
    <message>
        <location filename="../../src/posko/ui/audit_log.py" line="50"/>
        <source>Nomor aplikasi ditambahkan</source>
        <translation>App number added</translation>
    </message>
    <message>
        <location filename="../../src/posko/ui/audit_log.py" line="51"/>
        <source>Tindak lanjut dicatat</source>
        <translation>Chase recorded</translation>
    </message>
    <message>
        <location filename="../../src/posko/ui/audit_log.py" line="52"/>
        <source>Berkas kasus dicetak</source>
        <translation>Case file printed</translation>
    </message>
    <message>
        <location filename="../../src/posko/ui/audit_log.py" line="53"/>
        <source>Lampiran ditambahkan</source>
        <translation>Attachment added</translation>
    </message>
    <message>
        <location filename="../../src/posko/ui/audit_log.py" line="54"/>
        <source>NIK lengkap dilihat</source>
        <translation>Full NIK viewed</translation>
    </message>
    <message>
        <location filename="../../src/posko/ui/audit_log.py" line="55"/>
        <source>Masuk</source>
        <translation>Signed in</translation>
    </message>
    <message>
        <location filename="../../src/posko/ui/audit_log.py" line="56"/>
        <source>Gagal masuk</source>
        <translation>Sign-in failed</translation>
    </message>
    <message>
        <location filename="../../src/posko/ui/audit_log.py" line="57"/>
        <source>Petugas dibuat</source>
        <translation>Officer created</translation>
    </message>
    <message>
        <location filename="../../src/posko/ui/audit_log.py" line="58"/>
        <source>Nomor antrean diambil</source>
        <translation>Queue number taken</translation>
    </message>
    <message>
        <location filename="../../src/posko/ui/audit_log.py" line="59"/>
        <source>Nomor antrean dipanggil</source>
        <translation>Queue number called</translation>
    </message>
    <message>
        <location filename="../../src/posko/ui/audit_log.py" line="60"/>
        <source>Antrean dilayani</source>
        <translation>Queue visitor served</translation>
    </message>
    <message>
        <location filename="../../src/posko/ui/audit_log.py" line="61"/>
        <source>Antrean pergi</source>
        <translation>Queue visitor left</translation>
    </message>
    <message>
        <location filename="../../src/posko/ui/audit_log.py" line="62"/>
        <source>Meja disiapkan</source>
        <translation>Desk set up</translation>
    </message>
    <message>
        <location filename="../../src/posko/ui/audit_log.py" line="63"/>
        <source>Meja didaftarkan ke server</source>
        <translation>Desk enrolled with the server</translation>
    </message>
    <message>
        <location filename="../../src/posko/ui/audit_log.py" line="65"/>
        <source>Nomor dilompati setelah pemulihan</source>
        <translation>Numbers skipped after restore</translation>
    </message>
    <message>
        <location filename="../../src/posko/ui/audit_log.py" line="66"/>
        <source>Log audit diekspor</source>
        <translation>Audit log exported</translation>
    </message>
</context>
<context>
    <name>AuditLogDialog</name>
    <message>
        <location filename="../../src/posko/ui/audit_log.py" line="136"/>
        <source>Tutup</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../src/posko/ui/audit_log.py" line="149"/>
        <source>Semua petugas</source>
        <translation>All officers</translation>
    </message>
    <message>
        <location filename="../../src/posko/ui/audit_log.py" line="165"/>
        <source>Semua tindakan</source>
        <translation>All actions</translation>
    </message>
    <message>
        <location filename="../../src/posko/ui/audit_log.py" line="166"/>
        <source>Semua perubahan tiket</source>
        <translation>All ticket changes</translation>
    </message>
    <message>
        <location filename="../../src/posko/ui/audit_log.py" line="174"/>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <location filename="../../src/posko/ui/audit_log.py" line="176"/>
        <source>Sistem (otomatis)</source>
        <translation>System (automatic)</translation>
    </message>
    <message>
        <location filename="../../src/posko/ui/audit_log.py" line="200"/>
        <source>Memuat…</source>
        <translation>Loading…</translation>
    </message>
    <message>
        <location filename="../../src/posko/ui/audit_log.py" line="226"/>
        <source>%1 entri pertama ditampilkan</source>
        <translation>First %1 entries shown</translation>
    </message>
    <message>
        <location filename="../../src/posko/ui/audit_log.py" line="228"/>
        <source>%1 entri</source>
        <translation>%1 entries</translation>
    </message>
    <message>
        <location filename="../../src/posko/ui/audit_log.py" line="230"/>
        <source>Tidak ada entri yang cocok.</source>
        <translation>No matching entries.</translation>
    </message>
    <message>
        <location filename="../../src/posko/ui/audit_log.py" line="252"/>
        <source>Ekspor log audit</source>
        <translation>Export audit log</translation>
    </message>
    <message>
        <location filename="../../src/posko/ui/audit_log.py" line="253"/>
        <source>Berkas CSV (*.csv)</source>
        <translation>CSV files (*.csv)</translation>
    </message>
    <message>
        <location filename="../../src/posko/ui/audit_log.py" line="265"/>
        <source>Mengekspor…</source>
        <translation>Exporting…</translation>
    </message>
    <message>
        <location filename="../../src/posko/ui/audit_log.py" line="270"/>
        <source>%1 entri diekspor ke %2</source>
        <translation>%1 entries exported to %2</translation>
    </message>
    <message>
        <location filename="../../src/posko/ui/audit_log.py" line="279"/>
        <source>Berkas tidak dapat disimpan di tempat itu. Pilih folder lain.</source>
        <translation>The file cannot be saved there. Choose another folder.</translation>
    </message>
    <message>
        <location filename="../../forms/audit_log.ui" line="9"/>
        <source>Log audit</source>
        <translation>Audit log</translation>
    </message>
    <message>
        <location filename="../../forms/audit_log.ui" line="15"/>
        <source>Siapa melihat NIK lengkap atau mengubah apa, dan kapan. Waktu menurut zona waktu kecamatan.</source>
        <translation>Who saw a full NIK or changed what, and when. Times are in the kecamatan&apos;s time zone.</translation>
    </message>
    <message>
        <location filename="../../forms/audit_log.ui" line="27"/>
        <source>&amp;Petugas</source>
        <translation>&amp;Officer</translation>
    </message>
    <message>
        <location filename="../../forms/audit_log.ui" line="40"/>
        <source>&amp;Tindakan</source>
        <translation>&amp;Action</translation>
    </message>
    <message>
        <location filename="../../forms/audit_log.ui" line="53"/>
        <source>T&amp;iket</source>
        <translation>T&amp;icket</translation>
    </message>
    <message>
        <location filename="../../forms/audit_log.ui" line="63"/>
        <source>kode pelacakan atau UUID</source>
        <translation>tracking code or UUID</translation>
    </message>
    <message>
        <location filename="../../forms/audit_log.ui" line="73"/>
        <source>&amp;Batasi tanggal</source>
        <translation>&amp;Limit dates</translation>
    </message>
    <message>
        <location filename="../../forms/audit_log.ui" line="85"/>
        <source>dari</source>
        <translation>from</translation>
    </message>
    <message>
        <location filename="../../forms/audit_log.ui" line="105"/>
        <source>sampai</source>
        <translation>to</translation>
    </message>
    <message>
        <location filename="../../forms/audit_log.ui" line="147"/>
        <source>T&amp;ampilkan</source>
        <translation>&amp;Show</translation>
    </message>
    <message>
        <location filename="../../forms/audit_log.ui" line="192"/>
        <source>&amp;Muat lebih banyak</source>
        <translation>Load &amp;more</translation>
    </message>
    <message>
        <location filename="../../forms/audit_log.ui" line="202"/>
        <source>&amp;Ekspor CSV…</source>
        <translation>&amp;Export CSV…</translation>
    </message>
</context>
<context>
    <name>AuditTableModel</name>
    <message>
        <location filename="../../src/posko/ui/audit_log.py" line="90"/>
        <source>Waktu</source>
        <translation>Time</translation>
    </message>
    <message>
        <location filename="../../src/posko/ui/audit_log.py" line="91"/>
        <source>Petugas</source>
        <translation>Officer</translation>
    </message>
    <message>
        <location filename="../../src/posko/ui/audit_log.py" line="92"/>
        <source>Tindakan</source>
        <translation>Action</translation>
    </message>
    <message>
        <location filename="../../src/posko/ui/audit_log.py" line="93"/>
        <source>Tiket</source>
        <translation>Ticket</translation>
    </message>
    <message>
        <location filename="../../src/posko/ui/audit_log.py" line="94"/>
        <source>Keterangan</source>
        <translation>Detail</translation>
    </message>
</context>
<context>
    <name>ChaseDialog</name>
    <message>
        <location filename="../../src/posko/ui/chase.py" line="39"/>
        <source>Minta tindak lanjut — %1</source>
        <translation>Request follow-up — %1</translation>
    </message>
    <message>
        <location filename="../../src/posko/ui/chase.py" line="41"/>
        <source>Warga menanyakan perkembangan tiket %1. Catat apa yang disampaikan kepadanya.</source>
        <translation>A citizen asks about ticket %1. Record what they were told.</translation>
    </message>
    <message>
        <location filename="../../src/posko/ui/chase.py" line="48"/>
        <source>Tanggal janji diisi dari tenggat tindak lanjut instansi (SLA); ubah bila perlu.</source>
        <translation>The promised date comes from the agency follow-up deadline (SLA); change it if needed.</translation>
    </message>
    <message>
        <location filename="../../src/posko/ui/chase.py" line="50"/>
        <source>Simpan</source>
        <translation>Save</translation>
    </message>
    <message>
        <location filename="../../src/posko/ui/chase.py" line="51"/>
        <source>Batal</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../src/posko/ui/chase.py" line="67"/>
        <source>Tuliskan apa yang disampaikan atau dijanjikan kepada warga.</source>
        <translation>Write what the citizen was told or promised.</translation>
    </message>
    <message>
        <location filename="../../forms/chase_dialog.ui" line="9"/>
        <source>Minta tindak lanjut</source>
        <translation>Request follow-up</translation>
    </message>
    <message>
        <location filename="../../forms/chase_dialog.ui" line="27"/>
        <source>&amp;Yang menanyakan</source>
        <translation>&amp;Asked by</translation>
    </message>
    <message>
        <location filename="../../forms/chase_dialog.ui" line="40"/>
        <source>nama warga; kosongkan bila tidak mau menyebut nama</source>
        <translation>citizen&apos;s name; leave empty if they prefer not to give it</translation>
    </message>
    <message>
        <location filename="../../forms/chase_dialog.ui" line="47"/>
        <source>&amp;Disampaikan kepada warga</source>
        <translation>&amp;Told to the citizen</translation>
    </message>
    <message>
        <location filename="../../forms/chase_dialog.ui" line="60"/>
        <source>mis. Kecamatan meminta dinas memberi kabar; warga akan ditelepon.</source>
        <translation>e.g. The kecamatan asks the agency for news; the citizen will be called.</translation>
    </message>
    <message>
        <location filename="../../forms/chase_dialog.ui" line="67"/>
        <source>&amp;Dijanjikan paling lambat</source>
        <translation>&amp;Promised by</translation>
    </message>
    <message>
        <location filename="../../forms/chase_dialog.ui" line="87"/>
        <source>&amp;Catatan petugas</source>
        <translation>Officer&apos;s &amp;note</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <location filename="../../src/posko/ui/context.py" line="52"/>
        <source>Posko</source>
        <translation>Posko</translation>
    </message>
    <message>
        <location filename="../../src/posko/ui/context.py" line="57"/>
        <source>Terjadi kesalahan tak terduga. Data yang sudah tersimpan aman; coba lagi. Jika berulang, hubungi admin.</source>
        <translation>An unexpected error occurred. Saved data is safe; please try again. If it keeps happening, contact the administrator.</translation>
    </message>
</context>
<context>
    <name>IntakePage</name>
    <message>
        <location filename="../../src/posko/ui/intake_page.py" line="164"/>
        <source>Warga (bernama)</source>
        <extracomment>Where an error about a domain field is shown on this page (its error labels).</extracomment>
        <translation>Citizen (named)</translation>
    </message>
    <message>
        <location filename="../../src/posko/ui/intake_page.py" line="165"/>
        <source>Warga tanpa nama (anonim)</source>
        <translation>Citizen without a name (anonymous)</translation>
    </message>
    <message>
        <location filename="../../src/posko/ui/intake_page.py" line="166"/>
        <source>Atas nama kecamatan (temuan petugas)</source>
        <translation>On behalf of the kecamatan (officer&apos;s finding)</translation>
    </message>
    <message>
        <location filename="../../src/posko/ui/intake_page.py" line="169"/>
        <source>Telepon</source>
        <translation>Phone</translation>
    </message>
    <message>
        <location filename="../../src/posko/ui/intake_page.py" line="170"/>
        <source>SMS</source>
        <translation>SMS</translation>
    </message>
    <message>
        <location filename="../../src/posko/ui/intake_page.py" line="171"/>
        <source>WhatsApp</source>
        <translation>WhatsApp</translation>
    </message>
    <message>
        <location filename="../../src/posko/ui/intake_page.py" line="172"/>
        <source>Tidak perlu dihubungi</source>
        <translation>No contact needed</translation>
    </message>
    <message>
        <location filename="../../src/posko/ui/intake_page.py" line="183"/>
        <source>Melayani nomor antrean %1</source>
        <translation>Serving queue number %1</translation>
    </message>
    <message>
        <location filename="../../src/posko/ui/intake_page.py" line="414"/>
        <source>Mungkin sudah pernah dilaporkan (%1)</source>
        <translation>Possibly reported already (%1)</translation>
    </message>
    <message>
        <location filename="../../src/posko/ui/intake_page.py" line="440"/>
        <source>Warga datang melaporkan hal yang sama (dukungan).</source>
        <translation>A citizen came to report the same thing (support).</translation>
    </message>
    <message>
        <location filename="../../src/posko/ui/intake_page.py" line="450"/>
        <source>Dicatat sebagai dukungan untuk tiket:</source>
        <translation>Recorded as support for ticket:</translation>
    </message>
    <message>
        <location filename="../../src/posko/ui/intake_page.py" line="459"/>
        <source>Pilih foto</source>
        <translation>Choose photo</translation>
    </message>
    <message>
        <location filename="../../src/posko/ui/intake_page.py" line="459"/>
        <source>Gambar (*.jpg *.jpeg *.png *.heic)</source>
        <translation>Images (*.jpg *.jpeg *.png *.heic)</translation>
    </message>
    <message>
        <location filename="../../src/posko/ui/intake_page.py" line="470"/>
        <location filename="../../forms/intake_page.ui" line="103"/>
        <source>Belum ada foto</source>
        <translation>No photos yet</translation>
    </message>
    <message>
        <location filename="../../src/posko/ui/intake_page.py" line="511"/>
        <location filename="../../forms/intake_page.ui" line="207"/>
        <source>Tersimpan. Kode pelacakan:</source>
        <translation>Saved. Tracking code:</translation>
    </message>
    <message>
        <location filename="../../forms/intake_page.ui" line="17"/>
        <source>&amp;Kategori</source>
        <translation>&amp;Category</translation>
    </message>
    <message>
        <location filename="../../forms/intake_page.ui" line="29"/>
        <source>Ke&amp;lurahan</source>
        <translation>Ke&amp;lurahan</translation>
    </message>
    <message>
        <location filename="../../forms/intake_page.ui" line="41"/>
        <source>R&amp;W / RT</source>
        <translation>R&amp;W / RT</translation>
    </message>
    <message>
        <location filename="../../forms/intake_page.ui" line="48"/>
        <source>RW</source>
        <translation>RW</translation>
    </message>
    <message>
        <location filename="../../forms/intake_page.ui" line="49"/>
        <source>RT</source>
        <translation>RT</translation>
    </message>
    <message>
        <location filename="../../forms/intake_page.ui" line="56"/>
        <source>&amp;Alamat</source>
        <translation>&amp;Address</translation>
    </message>
    <message>
        <location filename="../../forms/intake_page.ui" line="62"/>
        <source>mis. Jl. Raya Bogor No. 12, depan masjid</source>
        <translation>e.g. Jl. Raya Bogor No. 12, in front of the mosque</translation>
    </message>
    <message>
        <location filename="../../forms/intake_page.ui" line="68"/>
        <source>Titik &amp;peta</source>
        <translation>&amp;Map point</translation>
    </message>
    <message>
        <location filename="../../forms/intake_page.ui" line="75"/>
        <source>lintang, mis. -6.2754</source>
        <translation>latitude, e.g. -6.2754</translation>
    </message>
    <message>
        <location filename="../../forms/intake_page.ui" line="76"/>
        <source>bujur, mis. 106.8650</source>
        <translation>longitude, e.g. 106.8650</translation>
    </message>
    <message>
        <location filename="../../forms/intake_page.ui" line="83"/>
        <source>&amp;Uraian</source>
        <translation>&amp;Description</translation>
    </message>
    <message>
        <location filename="../../forms/intake_page.ui" line="89"/>
        <source>Apa yang terjadi, sejak kapan, seberapa parah</source>
        <translation>What happened, since when, how bad</translation>
    </message>
    <message>
        <location filename="../../forms/intake_page.ui" line="95"/>
        <source>&amp;Foto</source>
        <translation>&amp;Photos</translation>
    </message>
    <message>
        <location filename="../../forms/intake_page.ui" line="102"/>
        <source>Lampirkan foto…</source>
        <translation>Attach photo…</translation>
    </message>
    <message>
        <location filename="../../forms/intake_page.ui" line="110"/>
        <source>&amp;Jenis pelapor</source>
        <translation>&amp;Reporter type</translation>
    </message>
    <message>
        <location filename="../../forms/intake_page.ui" line="122"/>
        <source>&amp;Nama pelapor</source>
        <translation>Reporter &amp;name</translation>
    </message>
    <message>
        <location filename="../../forms/intake_page.ui" line="134"/>
        <source>&amp;Telepon</source>
        <translation>&amp;Phone</translation>
    </message>
    <message>
        <location filename="../../forms/intake_page.ui" line="140"/>
        <source>0812… atau +62…</source>
        <translation>0812… or +62…</translation>
    </message>
    <message>
        <location filename="../../forms/intake_page.ui" line="146"/>
        <source>NI&amp;K (opsional)</source>
        <translation>NI&amp;K (optional)</translation>
    </message>
    <message>
        <location filename="../../forms/intake_page.ui" line="158"/>
        <source>&amp;Dihubungi lewat</source>
        <translation>&amp;Contact by</translation>
    </message>
    <message>
        <location filename="../../forms/intake_page.ui" line="172"/>
        <source>&amp;Pelapor setuju datanya dicatat dan diteruskan ke instansi terkait</source>
        <translation>The reporter &amp;agrees to the data being recorded and passed to the agency concerned</translation>
    </message>
    <message>
        <location filename="../../forms/intake_page.ui" line="178"/>
        <source>Data pribadi Anda (nama, telepon, NIK) hanya dipakai untuk menindaklanjuti pengaduan ini dan disimpan di kecamatan sesuai UU 27/2022 tentang Pelindungan Data Pribadi. Instansi yang menangani hanya melihat isi pengaduan, bukan identitas Anda.</source>
        <translation>Your personal data (name, phone, NIK) is used only to follow up this complaint and is kept at the kecamatan under Law 27/2022 on Personal Data Protection. The agency handling it sees the complaint, not who you are.</translation>
    </message>
    <message>
        <location filename="../../forms/intake_page.ui" line="190"/>
        <source>&amp;Simpan pengaduan (Ctrl+S)</source>
        <translation>&amp;Save complaint (Ctrl+S)</translation>
    </message>
    <message>
        <location filename="../../forms/intake_page.ui" line="191"/>
        <source>Ctrl+S</source>
        <translation>Ctrl+S</translation>
    </message>
    <message>
        <location filename="../../forms/intake_page.ui" line="197"/>
        <source>&amp;Kosongkan</source>
        <translation>C&amp;lear</translation>
    </message>
    <message>
        <location filename="../../forms/intake_page.ui" line="218"/>
        <source>&amp;Cetak tanda terima</source>
        <translation>&amp;Print receipt</translation>
    </message>
    <message>
        <location filename="../../forms/intake_page.ui" line="228"/>
        <source>Mungkin sudah pernah dilaporkan</source>
        <translation>Possibly reported already</translation>
    </message>
    <message>
        <location filename="../../forms/intake_page.ui" line="235"/>
        <source>Buka tiket ini</source>
        <translation>Open this ticket</translation>
    </message>
    <message>
        <location filename="../../forms/intake_page.ui" line="240"/>
        <source>Catat sebagai dukungan/tindak lanjut tiket ini</source>
        <translation>Record as support/follow-up of this ticket</translation>
    </message>
</context>
<context>
    <name>LookupPage</name>
    <message>
        <location filename="../../src/posko/ui/lookup_page.py" line="187"/>
        <source>Cari juga tiket kecamatan ini di server kota (termasuk dari meja lain dan aplikasi).</source>
        <translation>Also search this kecamatan&apos;s tickets on the city server (including other desks and the apps).</translation>
    </message>
    <message>
        <location filename="../../src/posko/ui/lookup_page.py" line="189"/>
        <source>Sedang luring: pencarian di server tersedia setelah meja terhubung ke server kota.</source>
        <translation>Offline: searching the server becomes available once this desk is connected to the city server.</translation>
    </message>
    <message>
        <location filename="../../src/posko/ui/lookup_page.py" line="201"/>
        <source>Cari nomor laporan ini di server Open311 yang diatur di Pengaturan.</source>
        <translation>Look this report number up on the Open311 server set in Settings.</translation>
    </message>
    <message>
        <location filename="../../src/posko/ui/lookup_page.py" line="203"/>
        <source>Atur alamat Open311 di Pengaturan untuk memakai pencarian ini.</source>
        <translation>Set an Open311 address in Settings to use this search.</translation>
    </message>
    <message>
        <location filename="../../src/posko/ui/lookup_page.py" line="215"/>
        <location filename="../../src/posko/ui/lookup_page.py" line="221"/>
        <source>Ketik dulu yang dicari.</source>
        <translation>Type what to search for first.</translation>
    </message>
    <message>
        <location filename="../../src/posko/ui/lookup_page.py" line="240"/>
        <source>Mencari di server kota…</source>
        <translation>Searching the city server…</translation>
    </message>
    <message>
        <location filename="../../src/posko/ui/lookup_page.py" line="243"/>
        <source>Mencari di Open311…</source>
        <translation>Searching Open311…</translation>
    </message>
    <message>
        <location filename="../../src/posko/ui/lookup_page.py" line="306"/>
        <source>%1 hasil</source>
        <translation>%1 results</translation>
    </message>
    <message>
        <location filename="../../src/posko/ui/lookup_page.py" line="312"/>
        <source>Open311 tidak terjangkau; hasil lokal saja.</source>
        <translation>Open311 cannot be reached; local results only.</translation>
    </message>
    <message>
        <location filename="../../src/posko/ui/lookup_page.py" line="314"/>
        <source>Open311 menolak permintaan (HTTP %1): periksa kunci API di Pengaturan. Hasil lokal saja.</source>
        <translation>Open311 refused the request (HTTP %1): check the API key in Settings. Local results only.</translation>
    </message>
    <message>
        <location filename="../../src/posko/ui/lookup_page.py" line="318"/>
        <source>Open311 tidak dapat dipakai: %1 Hasil lokal saja.</source>
        <translation>Open311 cannot be used: %1 Local results only.</translation>
    </message>
    <message>
        <location filename="../../src/posko/ui/lookup_page.py" line="321"/>
        <source>%1 hasil (%2 dari Open311)</source>
        <translation>%1 results (%2 from Open311)</translation>
    </message>
    <message>
        <location filename="../../src/posko/ui/lookup_page.py" line="325"/>
        <source>Server tidak terjangkau; hasil lokal saja.</source>
        <translation>The server cannot be reached; local results only.</translation>
    </message>
    <message>
        <location filename="../../src/posko/ui/lookup_page.py" line="327"/>
        <source>Server tidak dapat dipakai: %1 Hasil lokal saja.</source>
        <translation>The server cannot be used: %1 Local results only.</translation>
    </message>
    <message>
        <location filename="../../src/posko/ui/lookup_page.py" line="330"/>
        <source>%1 hasil (%2 hanya ada di server)</source>
        <translation>%1 results (%2 only on the server)</translation>
    </message>
    <message>
        <location filename="../../src/posko/ui/lookup_page.py" line="349"/>
        <source>Tiket ini baru ada di server kota. Sinkronkan meja dulu untuk membukanya.</source>
        <translation>This ticket is only on the city server so far. Sync the desk first to open it.</translation>
    </message>
    <message>
        <location filename="../../src/posko/ui/lookup_page.py" line="353"/>
        <source>Laporan ini dari Open311, bukan tiket meja ini; tidak bisa dibuka di sini.</source>
        <translation>This report comes from Open311, not from this desk; it cannot be opened here.</translation>
    </message>
    <message>
        <location filename="../../forms/lookup_page.ui" line="9"/>
        <source>Cari tiket: kode pelacakan, nomor aplikasi (QLUE/JAKI/LAPOR…), nama, telepon, atau jalan.</source>
        <translation>Find a ticket: tracking code, app number (QLUE/JAKI/LAPOR…), name, phone or street.</translation>
    </message>
    <message>
        <location filename="../../forms/lookup_page.ui" line="18"/>
        <source>mis. QLUE 1234567, 0812…, Jl. Raya Bogor</source>
        <translation>e.g. QLUE 1234567, 0812…, Jl. Raya Bogor</translation>
    </message>
    <message>
        <location filename="../../forms/lookup_page.ui" line="28"/>
        <source>Cari di server juga</source>
        <translation>Search the server too</translation>
    </message>
    <message>
        <location filename="../../forms/lookup_page.ui" line="35"/>
        <source>Cari di Open311</source>
        <translation>Search Open311</translation>
    </message>
</context>
<context>
    <name>LookupTableModel</name>
    <message>
        <location filename="../../src/posko/ui/lookup_page.py" line="91"/>
        <source>Hanya ada di server kota; belum tersinkron ke meja ini.</source>
        <translation>Only on the city server; not yet synced to this desk.</translation>
    </message>
    <message>
        <location filename="../../src/posko/ui/lookup_page.py" line="93"/>
        <source>[Open311]</source>
        <translation>[Open311]</translation>
    </message>
    <message>
        <location filename="../../src/posko/ui/lookup_page.py" line="94"/>
        <source>Dari sumber Open311; bukan tiket meja ini. Status dan kategori menurut server Open311.</source>
        <translation>From the Open311 source; not a ticket of this desk. Status and category as the Open311 server gives them.</translation>
    </message>
    <message>
        <location filename="../../src/posko/ui/lookup_page.py" line="90"/>
        <source>[server]</source>
        <translation>[server]</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../src/posko/ui/main_window.py" line="96"/>
        <source>Posko — Kecamatan %1, Meja %2</source>
        <translation>Posko — Kecamatan %1, Desk %2</translation>
    </message>
    <message>
        <location filename="../../src/posko/ui/main_window.py" line="99"/>
        <source>Petugas: %1 · Kecamatan %2 · Meja %3</source>
        <translation>Officer: %1 · Kecamatan %2 · Desk %3</translation>
    </message>
    <message>
        <location filename="../../src/posko/ui/main_window.py" line="56"/>
        <source>● Luring (offline)</source>
        <translation>● Offline</translation>
    </message>
    <message>
        <location filename="../../src/posko/ui/main_window.py" line="59"/>
        <source>Sinkron terakhir: belum pernah</source>
        <translation>Last sync: never</translation>
    </message>
    <message>
        <location filename="../../src/posko/ui/main_window.py" line="60"/>
        <source>Sinkronkan sekarang</source>
        <translation>Sync now</translation>
    </message>
    <message>
        <location filename="../../src/posko/ui/main_window.py" line="159"/>
        <source>Rincian tiket belum tersedia.</source>
        <translation>Ticket details are not available yet.</translation>
    </message>
    <message>
        <location filename="../../src/posko/ui/main_window.py" line="183"/>
        <source>Tiket %1 tersimpan.</source>
        <translation>Ticket %1 saved.</translation>
    </message>
    <message>
        <location filename="../../src/posko/ui/main_window.py" line="193"/>
        <source>Menunggu dikirim: %1</source>
        <translation>Waiting to send: %1</translation>
    </message>
    <message>
        <location filename="../../src/posko/ui/main_window.py" line="224"/>
        <source>Formulir belum disimpan</source>
        <translation>Form not saved</translation>
    </message>
    <message>
        <location filename="../../src/posko/ui/main_window.py" line="225"/>
        <source>Pengaduan yang sedang diisi belum disimpan. Tutup juga? Isian disimpan sebagai draf dan ditawarkan lagi saat Posko dibuka.</source>
        <translation>The complaint being typed is not saved. Close anyway? It is kept as a draft and offered again when Posko opens.</translation>
    </message>
    <message>
        <location filename="../../src/posko/ui/main_window.py" line="244"/>
        <source>Pulihkan isian?</source>
        <translation>Restore the form?</translation>
    </message>
    <message>
        <location filename="../../src/posko/ui/main_window.py" line="245"/>
        <source>Ada pengaduan yang belum sempat disimpan (misalnya karena listrik padam). Pulihkan isiannya?</source>
        <translation>A complaint was not saved (for example after a power cut). Restore what was typed?</translation>
    </message>
    <message>
        <location filename="../../forms/main_window.ui" line="9"/>
        <source>Posko</source>
        <translation>Posko</translation>
    </message>
    <message>
        <location filename="../../forms/main_window.ui" line="16"/>
        <source>Petugas: -</source>
        <translation>Officer: -</translation>
    </message>
    <message>
        <location filename="../../forms/main_window.ui" line="27"/>
        <source>&amp;Antrean</source>
        <translation>&amp;Queue</translation>
    </message>
    <message>
        <location filename="../../forms/main_window.ui" line="33"/>
        <source>Pengaduan &amp;baru</source>
        <translation>&amp;New complaint</translation>
    </message>
    <message>
        <location filename="../../forms/main_window.ui" line="39"/>
        <source>&amp;Cari tiket</source>
        <translation>&amp;Find ticket</translation>
    </message>
    <message>
        <location filename="../../forms/main_window.ui" line="50"/>
        <source>&amp;Berkas</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <location filename="../../forms/main_window.ui" line="57"/>
        <source>&amp;Meja</source>
        <translation>&amp;Desk</translation>
    </message>
    <message>
        <location filename="../../forms/main_window.ui" line="66"/>
        <source>&amp;Tampilan</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <location filename="../../forms/main_window.ui" line="79"/>
        <source>Mode &amp;pendampingan (warga lansia)</source>
        <translation>&amp;Assisted mode (elderly citizens)</translation>
    </message>
    <message>
        <location filename="../../forms/main_window.ui" line="82"/>
        <source>Ctrl+M</source>
        <translation>Ctrl+M</translation>
    </message>
    <message>
        <location filename="../../forms/main_window.ui" line="87"/>
        <source>&amp;Pengaturan…</source>
        <translation>&amp;Settings…</translation>
    </message>
    <message>
        <location filename="../../forms/main_window.ui" line="90"/>
        <source>Ctrl+,</source>
        <translation>Ctrl+,</translation>
    </message>
    <message>
        <location filename="../../forms/main_window.ui" line="95"/>
        <source>&amp;Log audit…</source>
        <translation>&amp;Audit log…</translation>
    </message>
    <message>
        <location filename="../../forms/main_window.ui" line="98"/>
        <source>Siapa melihat NIK lengkap atau mengubah apa, dan kapan (khusus supervisor)</source>
        <translation>Who saw a full NIK or changed what, and when (supervisors only)</translation>
    </message>
    <message>
        <location filename="../../forms/main_window.ui" line="103"/>
        <source>&amp;Keluar akun petugas</source>
        <translation>&amp;Sign out</translation>
    </message>
    <message>
        <location filename="../../forms/main_window.ui" line="108"/>
        <source>&amp;Tutup aplikasi</source>
        <translation>&amp;Quit</translation>
    </message>
    <message>
        <location filename="../../forms/main_window.ui" line="111"/>
        <source>Ctrl+Q</source>
        <translation>Ctrl+Q</translation>
    </message>
    <message>
        <location filename="../../forms/main_window.ui" line="116"/>
        <source>Perbesar tulisan</source>
        <translation>Larger text</translation>
    </message>
    <message>
        <location filename="../../forms/main_window.ui" line="119"/>
        <source>Ctrl++</source>
        <translation>Ctrl++</translation>
    </message>
    <message>
        <location filename="../../forms/main_window.ui" line="124"/>
        <source>Perkecil tulisan</source>
        <translation>Smaller text</translation>
    </message>
    <message>
        <location filename="../../forms/main_window.ui" line="127"/>
        <source>Ctrl+-</source>
        <translation>Ctrl+-</translation>
    </message>
    <message>
        <location filename="../../forms/main_window.ui" line="132"/>
        <source>Ukuran tulisan normal</source>
        <translation>Normal text size</translation>
    </message>
    <message>
        <location filename="../../forms/main_window.ui" line="135"/>
        <source>Ctrl+0</source>
        <translation>Ctrl+0</translation>
    </message>
</context>
<context>
    <name>NikReveal</name>
    <message>
        <location filename="../../src/posko/ui/nik_reveal.py" line="35"/>
        <source>Tampilkan NIK</source>
        <translation>Show NIK</translation>
    </message>
    <message>
        <location filename="../../src/posko/ui/nik_reveal.py" line="37"/>
        <source>Tampilkan NIK lengkap selama %1 detik. Tercatat di log audit.</source>
        <translation>Show the full NIK for %1 seconds. Recorded in the audit log.</translation>
    </message>
</context>
<context>
    <name>PrintJob</name>
    <message>
        <location filename="../../src/posko/ui/printing.py" line="231"/>
        <source>Pratinjau cetak — %1</source>
        <extracomment>Preview resolution: rolls at a thermal head&apos;s 203 dpi, sheets at 150 dpi.</extracomment>
        <translation>Print preview — %1</translation>
    </message>
    <message>
        <location filename="../../src/posko/ui/printing.py" line="233"/>
        <source>Simpan sebagai PDF…</source>
        <translation>Save as PDF…</translation>
    </message>
    <message>
        <location filename="../../src/posko/ui/printing.py" line="235"/>
        <source>Simpan dokumen asli sebagai berkas PDF</source>
        <translation>Save the original document as a PDF file</translation>
    </message>
    <message>
        <location filename="../../src/posko/ui/printing.py" line="271"/>
        <source>Pratinjau tidak dapat dibuat.</source>
        <translation>The preview could not be made.</translation>
    </message>
    <message>
        <location filename="../../src/posko/ui/printing.py" line="317"/>
        <source>Simpan sebagai PDF</source>
        <translation>Save as PDF</translation>
    </message>
    <message>
        <location filename="../../src/posko/ui/printing.py" line="318"/>
        <source>Dokumen PDF (*.pdf)</source>
        <translation>PDF documents (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../src/posko/ui/printing.py" line="325"/>
        <source>PDF tidak dapat disimpan di tempat itu. Pilih folder lain (misalnya Dokumen atau flashdisk).</source>
        <translation>The PDF cannot be saved there. Choose another folder (for example Documents or a USB stick).</translation>
    </message>
    <message>
        <location filename="../../src/posko/ui/printing.py" line="362"/>
        <source>Printer tidak dapat mencetak dokumen ini.</source>
        <translation>The printer cannot print this document.</translation>
    </message>
    <message>
        <location filename="../../src/posko/ui/printing.py" line="363"/>
        <source>Periksa: printer menyala dan terhubung (kabel USB/jaringan), kertas terpasang dan tidak macet, tutup printer rapat. Lalu coba cetak lagi, atau pilih printer lain.</source>
        <translation>Check: the printer is on and connected (USB/network cable), paper is loaded and not jammed, the cover is closed. Then print again, or choose another printer.</translation>
    </message>
    <message>
        <location filename="../../src/posko/ui/printing.py" line="367"/>
        <source>Dokumen tidak hilang: PDF-nya disimpan di
%1
Cetak ulang dari sana nanti, atau salin ke flashdisk.</source>
        <translation>Nothing is lost: the PDF was kept at
%1
Reprint it from there later, or copy it to a USB stick.</translation>
    </message>
    <message>
        <location filename="../../src/posko/ui/printing.py" line="371"/>
        <source>Gunakan &quot;Simpan sebagai PDF&quot; untuk menyimpan dokumen.</source>
        <translation>Use &quot;Save as PDF&quot; to keep the document.</translation>
    </message>
    <message>
        <location filename="../../src/posko/ui/printing.py" line="377"/>
        <source>Posko — cetak</source>
        <translation>Posko — printing</translation>
    </message>
    <message>
        <location filename="../../src/posko/ui/printing.py" line="439"/>
        <source>Tanda terima %1</source>
        <translation>Receipt %1</translation>
    </message>
</context>
<context>
    <name>QueuePage</name>
    <message>
        <location filename="../../src/posko/ui/queue_page.py" line="37"/>
        <source>menunggu</source>
        <translation>waiting</translation>
    </message>
    <message>
        <location filename="../../src/posko/ui/queue_page.py" line="38"/>
        <source>sedang dilayani</source>
        <translation>being served</translation>
    </message>
    <message>
        <location filename="../../src/posko/ui/queue_page.py" line="39"/>
        <source>selesai dilayani</source>
        <translation>served</translation>
    </message>
    <message>
        <location filename="../../src/posko/ui/queue_page.py" line="40"/>
        <source>pulang</source>
        <translation>went home</translation>
    </message>
    <message>
        <location filename="../../src/posko/ui/queue_page.py" line="60"/>
        <source>Menunggu: %1 · Sudah dilayani: %2 · Total hari ini: %3</source>
        <translation>Waiting: %1 · Served: %2 · Total today: %3</translation>
    </message>
    <message>
        <location filename="../../src/posko/ui/queue_page.py" line="70"/>
        <source>Nomor antrean baru: %1</source>
        <translation>New queue number: %1</translation>
    </message>
    <message>
        <location filename="../../src/posko/ui/queue_page.py" line="81"/>
        <source>Tidak ada yang menunggu</source>
        <translation>Nobody is waiting</translation>
    </message>
    <message>
        <location filename="../../src/posko/ui/queue_page.py" line="85"/>
        <source>Dipanggil: nomor %1</source>
        <translation>Called: number %1</translation>
    </message>
    <message>
        <location filename="../../src/posko/ui/queue_page.py" line="95"/>
        <location filename="../../forms/queue_page.ui" line="50"/>
        <source>Belum ada nomor dipanggil</source>
        <translation>No number called yet</translation>
    </message>
    <message>
        <location filename="../../forms/queue_page.ui" line="11"/>
        <source>Ambil nomor antrean (F2)</source>
        <translation>Take a queue number (F2)</translation>
    </message>
    <message>
        <location filename="../../forms/queue_page.ui" line="14"/>
        <source>F2</source>
        <translation>F2</translation>
    </message>
    <message>
        <location filename="../../forms/queue_page.ui" line="21"/>
        <source>Panggil berikutnya (F3)</source>
        <translation>Call next (F3)</translation>
    </message>
    <message>
        <location filename="../../forms/queue_page.ui" line="24"/>
        <source>F3</source>
        <translation>F3</translation>
    </message>
    <message>
        <location filename="../../forms/queue_page.ui" line="31"/>
        <source>Tandai pulang</source>
        <translation>Mark as gone home</translation>
    </message>
    <message>
        <location filename="../../forms/queue_page.ui" line="57"/>
        <source>-</source>
        <translation>-</translation>
    </message>
    <message>
        <location filename="../../forms/queue_page.ui" line="74"/>
        <source>Nomor</source>
        <translation>Number</translation>
    </message>
    <message>
        <location filename="../../forms/queue_page.ui" line="79"/>
        <source>Jam ambil</source>
        <translation>Taken at</translation>
    </message>
    <message>
        <location filename="../../forms/queue_page.ui" line="84"/>
        <source>Keadaan</source>
        <translation>State</translation>
    </message>
    <message>
        <location filename="../../forms/queue_page.ui" line="89"/>
        <source>Petugas</source>
        <translation>Officer</translation>
    </message>
    <message>
        <location filename="../../forms/queue_page.ui" line="94"/>
        <source>Tiket</source>
        <translation>Ticket</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../src/posko/ui/settings_dialog.py" line="102"/>
        <source>Bahasa Indonesia</source>
        <translation>Bahasa Indonesia</translation>
    </message>
    <message>
        <location filename="../../src/posko/ui/settings_dialog.py" line="102"/>
        <source>English</source>
        <translation>English</translation>
    </message>
    <message>
        <location filename="../../src/posko/ui/settings_dialog.py" line="107"/>
        <source>Struk termal 58 mm</source>
        <translation>58 mm thermal roll</translation>
    </message>
    <message>
        <location filename="../../src/posko/ui/settings_dialog.py" line="108"/>
        <source>Struk termal 80 mm</source>
        <translation>80 mm thermal roll</translation>
    </message>
    <message>
        <location filename="../../src/posko/ui/settings_dialog.py" line="109"/>
        <source>Kertas A5</source>
        <translation>A5 sheet</translation>
    </message>
    <message>
        <location filename="../../src/posko/ui/settings_dialog.py" line="109"/>
        <source>Kertas A4</source>
        <translation>A4 sheet</translation>
    </message>
    <message>
        <location filename="../../src/posko/ui/settings_dialog.py" line="120"/>
        <source>Printer bawaan sistem</source>
        <translation>System default printer</translation>
    </message>
    <message>
        <location filename="../../src/posko/ui/settings_dialog.py" line="122"/>
        <source> detik</source>
        <translation> seconds</translation>
    </message>
    <message>
        <location filename="../../src/posko/ui/settings_dialog.py" line="128"/>
        <source>Simpan</source>
        <translation>Save</translation>
    </message>
    <message>
        <location filename="../../src/posko/ui/settings_dialog.py" line="129"/>
        <source>Batal</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../src/posko/ui/settings_dialog.py" line="151"/>
        <source>(tersimpan di keyring)</source>
        <translation>(kept in the keyring)</translation>
    </message>
    <message>
        <location filename="../../src/posko/ui/settings_dialog.py" line="153"/>
        <source>(tersimpan di keyring) Isi kunci baru hanya untuk menggantinya.</source>
        <translation>(kept in the keyring) Enter a new key only to replace it.</translation>
    </message>
    <message>
        <location filename="../../src/posko/ui/settings_dialog.py" line="156"/>
        <location filename="../../forms/settings_dialog.ui" line="321"/>
        <source>kosongkan bila server tidak memintanya</source>
        <translation>leave empty if the server does not ask for one</translation>
    </message>
    <message>
        <location filename="../../src/posko/ui/settings_dialog.py" line="158"/>
        <source>Belum ada kunci API. Kunci disimpan di keyring sistem, bukan di pengaturan.</source>
        <translation>No API key yet. The key is kept in the system keyring, not in the settings.</translation>
    </message>
    <message>
        <location filename="../../src/posko/ui/settings_dialog.py" line="180"/>
        <source>Terdaftar di %1.</source>
        <translation>Enrolled with %1.</translation>
    </message>
    <message>
        <location filename="../../src/posko/ui/settings_dialog.py" line="181"/>
        <source>Belum terdaftar: meja bekerja luring dan menyimpan semua data.</source>
        <translation>Not enrolled: the desk works offline and keeps all data.</translation>
    </message>
    <message>
        <location filename="../../src/posko/ui/settings_dialog.py" line="191"/>
        <source>Isi kode pendaftaran dari admin kota.</source>
        <translation>Enter the enrolment code from the city administrator.</translation>
    </message>
    <message>
        <location filename="../../src/posko/ui/settings_dialog.py" line="195"/>
        <source>Mendaftarkan…</source>
        <translation>Enrolling…</translation>
    </message>
    <message>
        <location filename="../../forms/settings_dialog.ui" line="9"/>
        <source>Pengaturan</source>
        <translation>Settings</translation>
    </message>
    <message>
        <location filename="../../forms/settings_dialog.ui" line="15"/>
        <source>Meja ini</source>
        <translation>This desk</translation>
    </message>
    <message>
        <location filename="../../forms/settings_dialog.ui" line="21"/>
        <source>Kecamatan</source>
        <translation>Kecamatan</translation>
    </message>
    <message>
        <location filename="../../forms/settings_dialog.ui" line="35"/>
        <source>Nomor meja</source>
        <translation>Desk number</translation>
    </message>
    <message>
        <location filename="../../forms/settings_dialog.ui" line="49"/>
        <source>Kecamatan dan nomor meja diubah oleh admin dengan perintah: posko init</source>
        <translation>The kecamatan and desk number are changed by an administrator with: posko init</translation>
    </message>
    <message>
        <location filename="../../forms/settings_dialog.ui" line="62"/>
        <source>Tampilan</source>
        <translation>Display</translation>
    </message>
    <message>
        <location filename="../../forms/settings_dialog.ui" line="68"/>
        <source>&amp;Bahasa</source>
        <translation>&amp;Language</translation>
    </message>
    <message>
        <location filename="../../forms/settings_dialog.ui" line="81"/>
        <source>&amp;Ukuran huruf jendela</source>
        <translation>Window &amp;font size</translation>
    </message>
    <message>
        <location filename="../../forms/settings_dialog.ui" line="110"/>
        <source>Huruf mode &amp;pendampingan</source>
        <translation>&amp;Assisted mode font</translation>
    </message>
    <message>
        <location filename="../../forms/settings_dialog.ui" line="142"/>
        <source>Pencetakan tanda terima</source>
        <translation>Receipt printing</translation>
    </message>
    <message>
        <location filename="../../forms/settings_dialog.ui" line="148"/>
        <source>&amp;Kertas</source>
        <translation>&amp;Paper</translation>
    </message>
    <message>
        <location filename="../../forms/settings_dialog.ui" line="161"/>
        <source>P&amp;rinter</source>
        <translation>P&amp;rinter</translation>
    </message>
    <message>
        <location filename="../../forms/settings_dialog.ui" line="184"/>
        <source>Sinkronisasi dan simpan otomatis</source>
        <translation>Sync and autosave</translation>
    </message>
    <message>
        <location filename="../../forms/settings_dialog.ui" line="190"/>
        <source>Alamat &amp;server kota</source>
        <translation>City &amp;server address</translation>
    </message>
    <message>
        <location filename="../../forms/settings_dialog.ui" line="217"/>
        <source>Simpan &amp;draf setiap</source>
        <translation>Save a &amp;draft every</translation>
    </message>
    <message>
        <location filename="../../forms/settings_dialog.ui" line="240"/>
        <source>Kode &amp;pendaftaran</source>
        <translation>&amp;Enrolment code</translation>
    </message>
    <message>
        <location filename="../../forms/settings_dialog.ui" line="252"/>
        <source>kode sekali pakai dari admin kota</source>
        <translation>one-time code from the city administrator</translation>
    </message>
    <message>
        <location filename="../../forms/settings_dialog.ui" line="259"/>
        <source>&amp;Daftarkan meja</source>
        <translation>&amp;Enrol this desk</translation>
    </message>
    <message>
        <location filename="../../forms/settings_dialog.ui" line="278"/>
        <source>Sumber pencarian Open311 (opsional)</source>
        <translation>Open311 lookup source (optional)</translation>
    </message>
    <message>
        <location filename="../../forms/settings_dialog.ui" line="284"/>
        <source>Alamat &amp;Open311</source>
        <translation>&amp;Open311 address</translation>
    </message>
    <message>
        <location filename="../../forms/settings_dialog.ui" line="311"/>
        <source>&amp;Jurisdiction ID</source>
        <translation>&amp;Jurisdiction ID</translation>
    </message>
    <message>
        <location filename="../../forms/settings_dialog.ui" line="328"/>
        <source>&amp;Kunci API</source>
        <translation>API &amp;key</translation>
    </message>
    <message>
        <location filename="../../forms/settings_dialog.ui" line="355"/>
        <source>Token perangkat dan kunci enkripsi NIK tidak disimpan di sini; keduanya ada di keyring sistem.</source>
        <translation>The device token and the NIK encryption key are not kept here; both live in the system keyring.</translation>
    </message>
</context>
<context>
    <name>SignInDialog</name>
    <message>
        <location filename="../../src/posko/ui/sign_in.py" line="30"/>
        <source>Belum ada petugas terdaftar. Tambahkan dengan perintah: posko officer add --username NAMA --name &quot;Nama Lengkap&quot; --role supervisor</source>
        <translation>No officers are registered yet. Add one with: posko officer add --username NAME --name &quot;Full Name&quot; --role supervisor</translation>
    </message>
    <message>
        <location filename="../../src/posko/ui/sign_in.py" line="34"/>
        <source>Masuk</source>
        <translation>Sign in</translation>
    </message>
    <message>
        <location filename="../../src/posko/ui/sign_in.py" line="39"/>
        <source>Batal</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../forms/sign_in.ui" line="9"/>
        <source>Masuk petugas</source>
        <translation>Officer sign-in</translation>
    </message>
    <message>
        <location filename="../../forms/sign_in.ui" line="15"/>
        <source>Pilih nama Anda dan masukkan PIN.</source>
        <translation>Choose your name and enter your PIN.</translation>
    </message>
    <message>
        <location filename="../../forms/sign_in.ui" line="24"/>
        <source>&amp;Petugas</source>
        <translation>&amp;Officer</translation>
    </message>
    <message>
        <location filename="../../forms/sign_in.ui" line="37"/>
        <source>P&amp;IN</source>
        <translation>P&amp;IN</translation>
    </message>
</context>
<context>
    <name>Startup</name>
    <message>
        <location filename="../../src/posko/ui/startup.py" line="53"/>
        <source>Pulihkan cadangan terbaru (%1)? Berkas yang rusak disimpan dengan nama lain, tidak dihapus. Perubahan setelah waktu cadangan itu yang belum tersinkron tidak ada di cadangan.</source>
        <translation>Restore the newest backup (%1)? The damaged file is kept under another name, not deleted. Changes made after that backup that were not yet synced are not in it.</translation>
    </message>
    <message>
        <location filename="../../src/posko/ui/startup.py" line="73"/>
        <source>Cadangan tidak dapat dipulihkan (berkas tidak dapat ditulis). Hubungi admin.</source>
        <translation>The backup could not be restored (the file cannot be written). Contact the administrator.</translation>
    </message>
    <message>
        <location filename="../../src/posko/ui/startup.py" line="80"/>
        <source>Cadangan %1 dipulihkan. Berkas yang rusak disimpan sebagai %2. Sinkronkan sekarang agar perubahan dari server kembali.</source>
        <translation>Backup %1 restored. The damaged file was kept as %2. Sync now so that the changes from the server come back.</translation>
    </message>
</context>
<context>
    <name>SyncStatus</name>
    <message>
        <location filename="../../src/posko/ui/sync_status.py" line="73"/>
        <source>Meja belum terdaftar di server kota (Pengaturan, atau posko enrol URL KODE). Semua data tetap tersimpan di meja ini dan akan dikirim nanti.</source>
        <translation>This desk is not enrolled with the city server yet (Settings, or posko enrol URL CODE). All data stays saved on this desk and will be sent later.</translation>
    </message>
    <message>
        <location filename="../../src/posko/ui/sync_status.py" line="96"/>
        <source>● Daring (online)</source>
        <translation>● Online</translation>
    </message>
    <message>
        <location filename="../../src/posko/ui/sync_status.py" line="99"/>
        <source>● Luring (offline)</source>
        <translation>● Offline</translation>
    </message>
    <message>
        <location filename="../../src/posko/ui/sync_status.py" line="121"/>
        <source>Menyinkronkan…</source>
        <translation>Syncing…</translation>
    </message>
    <message>
        <location filename="../../src/posko/ui/sync_status.py" line="139"/>
        <source>Menyinkronkan: %1 terkirim, %2 diterima</source>
        <translation>Syncing: %1 sent, %2 received</translation>
    </message>
    <message>
        <location filename="../../src/posko/ui/sync_status.py" line="150"/>
        <source>Sinkron gagal: %1</source>
        <translation>Sync failed: %1</translation>
    </message>
    <message>
        <location filename="../../src/posko/ui/sync_status.py" line="153"/>
        <source>Sinkron terakhir: %1 (%2 terkirim, %3 diterima)</source>
        <translation>Last sync: %1 (%2 sent, %3 received)</translation>
    </message>
    <message>
        <location filename="../../src/posko/ui/sync_status.py" line="161"/>
        <source>Sinkron gagal; data tetap aman di meja ini.</source>
        <translation>Sync failed; the data stays safe on this desk.</translation>
    </message>
    <message>
        <location filename="../../src/posko/ui/sync_status.py" line="167"/>
        <source>Sinkronkan sekarang</source>
        <translation>Sync now</translation>
    </message>
</context>
<context>
    <name>TicketDetailDialog</name>
    <message>
        <location filename="../../src/posko/ui/ticket_detail.py" line="163"/>
        <source>Tutup</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../src/posko/ui/ticket_detail.py" line="208"/>
        <location filename="../../src/posko/ui/ticket_detail.py" line="209"/>
        <source>Tiket tidak ditemukan</source>
        <translation>Ticket not found</translation>
    </message>
    <message>
        <location filename="../../src/posko/ui/ticket_detail.py" line="218"/>
        <source>Tiket %1</source>
        <translation>Ticket %1</translation>
    </message>
    <message>
        <location filename="../../src/posko/ui/ticket_detail.py" line="239"/>
        <source>Datang langsung ke meja</source>
        <translation>Walk-in at the desk</translation>
    </message>
    <message>
        <location filename="../../src/posko/ui/ticket_detail.py" line="240"/>
        <source>Dibantu petugas (mode pendampingan)</source>
        <translation>Helped by an officer (assisted mode)</translation>
    </message>
    <message>
        <location filename="../../src/posko/ui/ticket_detail.py" line="241"/>
        <source>Dari aplikasi</source>
        <translation>From an app</translation>
    </message>
    <message>
        <location filename="../../src/posko/ui/ticket_detail.py" line="253"/>
        <source>RW %1</source>
        <translation>RW %1</translation>
    </message>
    <message>
        <location filename="../../src/posko/ui/ticket_detail.py" line="255"/>
        <source>RT %1</source>
        <translation>RT %1</translation>
    </message>
    <message>
        <location filename="../../src/posko/ui/ticket_detail.py" line="264"/>
        <source>Anonim (identitas hanya disimpan di kecamatan)</source>
        <translation>Anonymous (identity kept at the kecamatan only)</translation>
    </message>
    <message>
        <location filename="../../src/posko/ui/ticket_detail.py" line="266"/>
        <source>Anonim: %1 (tidak diteruskan ke instansi)</source>
        <translation>Anonymous: %1 (not passed to agencies)</translation>
    </message>
    <message>
        <location filename="../../src/posko/ui/ticket_detail.py" line="268"/>
        <source>Atas nama kecamatan (temuan petugas)</source>
        <translation>On behalf of the kecamatan (officer&apos;s own finding)</translation>
    </message>
    <message>
        <location filename="../../src/posko/ui/ticket_detail.py" line="272"/>
        <location filename="../../src/posko/ui/ticket_detail.py" line="273"/>
        <source>tidak ada</source>
        <translation>none</translation>
    </message>
    <message>
        <location filename="../../src/posko/ui/ticket_detail.py" line="276"/>
        <location filename="../../forms/ticket_detail.ui" line="188"/>
        <source>Telepon</source>
        <translation>Phone</translation>
    </message>
    <message>
        <location filename="../../src/posko/ui/ticket_detail.py" line="277"/>
        <source>SMS</source>
        <translation>SMS</translation>
    </message>
    <message>
        <location filename="../../src/posko/ui/ticket_detail.py" line="278"/>
        <source>WhatsApp</source>
        <translation>WhatsApp</translation>
    </message>
    <message>
        <location filename="../../src/posko/ui/ticket_detail.py" line="279"/>
        <source>Tidak perlu dihubungi</source>
        <translation>No contact needed</translation>
    </message>
    <message>
        <location filename="../../src/posko/ui/ticket_detail.py" line="281"/>
        <source>%1, %2</source>
        <translation>%1, %2</translation>
    </message>
    <message>
        <location filename="../../src/posko/ui/ticket_detail.py" line="283"/>
        <source>Ya, dicatat</source>
        <translation>Yes, recorded</translation>
    </message>
    <message>
        <location filename="../../src/posko/ui/ticket_detail.py" line="284"/>
        <source>Tidak dicatat</source>
        <translation>Not recorded</translation>
    </message>
    <message>
        <location filename="../../src/posko/ui/ticket_detail.py" line="289"/>
        <source>(belum ada)</source>
        <translation>(none yet)</translation>
    </message>
    <message>
        <location filename="../../src/posko/ui/ticket_detail.py" line="296"/>
        <source>%1 — berkas hilang; pulihkan folder &apos;attachments&apos; dari cadangan</source>
        <translation>%1 — file missing; restore the &apos;attachments&apos; folder from a backup</translation>
    </message>
    <message>
        <location filename="../../src/posko/ui/ticket_detail.py" line="300"/>
        <location filename="../../src/posko/ui/ticket_detail.py" line="433"/>
        <location filename="../../src/posko/ui/ticket_detail.py" line="440"/>
        <source>(tidak ada)</source>
        <translation>(none)</translation>
    </message>
    <message>
        <location filename="../../src/posko/ui/ticket_detail.py" line="305"/>
        <source>Meja</source>
        <translation>Desk</translation>
    </message>
    <message>
        <location filename="../../src/posko/ui/ticket_detail.py" line="306"/>
        <source>Server kota</source>
        <translation>City server</translation>
    </message>
    <message>
        <location filename="../../src/posko/ui/ticket_detail.py" line="307"/>
        <source>Instansi</source>
        <translation>Agency</translation>
    </message>
    <message>
        <location filename="../../src/posko/ui/ticket_detail.py" line="308"/>
        <source>Warga</source>
        <translation>Citizen</translation>
    </message>
    <message>
        <location filename="../../src/posko/ui/ticket_detail.py" line="314"/>
        <source>diteruskan ke %1</source>
        <translation>passed to %1</translation>
    </message>
    <message>
        <location filename="../../src/posko/ui/ticket_detail.py" line="316"/>
        <source>digabung ke %1</source>
        <translation>merged into %1</translation>
    </message>
    <message>
        <location filename="../../src/posko/ui/ticket_detail.py" line="319"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../src/posko/ui/ticket_detail.py" line="322"/>
        <source>Ditanyakan oleh %1</source>
        <translation>Asked by %1</translation>
    </message>
    <message>
        <location filename="../../src/posko/ui/ticket_detail.py" line="323"/>
        <source>Ditanyakan oleh warga</source>
        <translation>Asked by a citizen</translation>
    </message>
    <message>
        <location filename="../../src/posko/ui/ticket_detail.py" line="328"/>
        <source>%1 (paling lambat %2)</source>
        <translation>%1 (by %2)</translation>
    </message>
    <message>
        <location filename="../../src/posko/ui/ticket_detail.py" line="330"/>
        <location filename="../../src/posko/ui/ticket_detail.py" line="407"/>
        <source>Tindak lanjut</source>
        <translation>Follow-up</translation>
    </message>
    <message>
        <location filename="../../src/posko/ui/ticket_detail.py" line="333"/>
        <location filename="../../src/posko/ui/ticket_detail.py" line="405"/>
        <source>Catatan</source>
        <translation>Note</translation>
    </message>
    <message>
        <location filename="../../src/posko/ui/ticket_detail.py" line="358"/>
        <source>LEWAT TENGGAT</source>
        <translation>OVERDUE</translation>
    </message>
    <message>
        <location filename="../../src/posko/ui/ticket_detail.py" line="360"/>
        <source>terpenuhi %1, terlambat</source>
        <translation>met %1, late</translation>
    </message>
    <message>
        <location filename="../../src/posko/ui/ticket_detail.py" line="361"/>
        <source>terpenuhi %1</source>
        <translation>met %1</translation>
    </message>
    <message>
        <location filename="../../src/posko/ui/ticket_detail.py" line="363"/>
        <source>tiket sudah ditutup</source>
        <translation>ticket closed</translation>
    </message>
    <message>
        <location filename="../../src/posko/ui/ticket_detail.py" line="366"/>
        <source>sisa %1 hari kerja</source>
        <translation>%1 working days left</translation>
    </message>
    <message>
        <location filename="../../src/posko/ui/ticket_detail.py" line="367"/>
        <source>hari ini tenggat terakhir</source>
        <translation>due today</translation>
    </message>
    <message>
        <location filename="../../src/posko/ui/ticket_detail.py" line="390"/>
        <source>Tandai selesai</source>
        <translation>Mark as resolved</translation>
    </message>
    <message>
        <location filename="../../src/posko/ui/ticket_detail.py" line="392"/>
        <source>Sudah diperiksa: hapus dari daftar konflik (data di meja ini tidak berubah).</source>
        <translation>Checked: remove from the conflict list (the data on this desk does not change).</translation>
    </message>
    <message>
        <location filename="../../src/posko/ui/ticket_detail.py" line="397"/>
        <source>Konflik sinkronisasi (%1)</source>
        <translation>Sync conflicts (%1)</translation>
    </message>
    <message>
        <location filename="../../src/posko/ui/ticket_detail.py" line="403"/>
        <source>Tiket baru</source>
        <translation>New ticket</translation>
    </message>
    <message>
        <location filename="../../src/posko/ui/ticket_detail.py" line="404"/>
        <source>Perubahan status</source>
        <translation>Status change</translation>
    </message>
    <message>
        <location filename="../../src/posko/ui/ticket_detail.py" line="412"/>
        <source>%1 (kolom %2)</source>
        <translation>%1 (field %2)</translation>
    </message>
    <message>
        <location filename="../../src/posko/ui/ticket_detail.py" line="435"/>
        <source>status %1</source>
        <translation>status %1</translation>
    </message>
    <message>
        <location filename="../../src/posko/ui/ticket_detail.py" line="436"/>
        <source>(lihat riwayat)</source>
        <translation>(see the timeline)</translation>
    </message>
    <message>
        <location filename="../../src/posko/ui/ticket_detail.py" line="442"/>
        <source>(data pelapor, tidak ditampilkan)</source>
        <translation>(reporter data, not shown)</translation>
    </message>
    <message>
        <location filename="../../src/posko/ui/ticket_detail.py" line="466"/>
        <source>— pilih status baru —</source>
        <translation>— choose a new status —</translation>
    </message>
    <message>
        <location filename="../../src/posko/ui/ticket_detail.py" line="467"/>
        <source>— status akhir, tidak dapat diubah —</source>
        <translation>— final status, cannot change —</translation>
    </message>
    <message>
        <location filename="../../src/posko/ui/ticket_detail.py" line="475"/>
        <source>%1 (khusus supervisor)</source>
        <translation>%1 (supervisors only)</translation>
    </message>
    <message>
        <location filename="../../src/posko/ui/ticket_detail.py" line="480"/>
        <location filename="../../src/posko/ui/ticket_detail.py" line="534"/>
        <source>Hanya camat/sekcam (supervisor) yang boleh memilih status ini.</source>
        <translation>Only the camat/sekcam (supervisor) may choose this status.</translation>
    </message>
    <message>
        <location filename="../../src/posko/ui/ticket_detail.py" line="498"/>
        <source>wajib: mengapa?</source>
        <translation>required: why?</translation>
    </message>
    <message>
        <location filename="../../src/posko/ui/ticket_detail.py" line="498"/>
        <source>boleh dikosongkan</source>
        <translation>may be left empty</translation>
    </message>
    <message>
        <location filename="../../src/posko/ui/ticket_detail.py" line="544"/>
        <source>Tiket tidak dapat digabung ke dirinya sendiri.</source>
        <translation>A ticket cannot be merged into itself.</translation>
    </message>
    <message>
        <location filename="../../src/posko/ui/ticket_detail.py" line="570"/>
        <source>Tulis catatannya dulu.</source>
        <translation>Type the note first.</translation>
    </message>
    <message>
        <location filename="../../src/posko/ui/ticket_detail.py" line="604"/>
        <source>Buka pratinjau tanda terima (ditandai sebagai cetak ulang).</source>
        <translation>Open the receipt preview (marked as a reprint).</translation>
    </message>
    <message>
        <location filename="../../src/posko/ui/ticket_detail.py" line="655"/>
        <source>Berkas kasus %1</source>
        <translation>Case file %1</translation>
    </message>
    <message>
        <location filename="../../forms/ticket_detail.ui" line="9"/>
        <source>Rincian tiket</source>
        <translation>Ticket details</translation>
    </message>
    <message>
        <location filename="../../forms/ticket_detail.ui" line="20"/>
        <source>Memuat…</source>
        <translation>Loading…</translation>
    </message>
    <message>
        <location filename="../../forms/ticket_detail.ui" line="40"/>
        <source>Lewat tenggat</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <location filename="../../forms/ticket_detail.ui" line="123"/>
        <source>Rincian</source>
        <translation>Details</translation>
    </message>
    <message>
        <location filename="../../forms/ticket_detail.ui" line="129"/>
        <source>Kategori</source>
        <translation>Category</translation>
    </message>
    <message>
        <location filename="../../forms/ticket_detail.ui" line="143"/>
        <source>Lokasi</source>
        <translation>Location</translation>
    </message>
    <message>
        <location filename="../../forms/ticket_detail.ui" line="157"/>
        <source>Uraian</source>
        <translation>Description</translation>
    </message>
    <message>
        <location filename="../../forms/ticket_detail.ui" line="174"/>
        <source>Pelapor</source>
        <translation>Reporter</translation>
    </message>
    <message>
        <location filename="../../forms/ticket_detail.ui" line="198"/>
        <source>NIK</source>
        <translation>NIK</translation>
    </message>
    <message>
        <location filename="../../forms/ticket_detail.ui" line="208"/>
        <source>Dihubungi lewat</source>
        <translation>Contact by</translation>
    </message>
    <message>
        <location filename="../../forms/ticket_detail.ui" line="218"/>
        <source>Dicatat oleh</source>
        <translation>Recorded by</translation>
    </message>
    <message>
        <location filename="../../forms/ticket_detail.ui" line="232"/>
        <source>Persetujuan</source>
        <translation>Consent</translation>
    </message>
    <message>
        <location filename="../../src/posko/ui/ticket_detail.py" line="406"/>
        <location filename="../../forms/ticket_detail.ui" line="242"/>
        <source>Nomor aplikasi</source>
        <translation>App numbers</translation>
    </message>
    <message>
        <location filename="../../src/posko/ui/ticket_detail.py" line="408"/>
        <location filename="../../forms/ticket_detail.ui" line="256"/>
        <source>Lampiran</source>
        <translation>Attachments</translation>
    </message>
    <message>
        <location filename="../../forms/ticket_detail.ui" line="273"/>
        <source>Tenggat layanan (SLA, hari kerja)</source>
        <translation>Service deadlines (SLA, working days)</translation>
    </message>
    <message>
        <location filename="../../forms/ticket_detail.ui" line="289"/>
        <source>Tahap</source>
        <translation>Stage</translation>
    </message>
    <message>
        <location filename="../../forms/ticket_detail.ui" line="294"/>
        <source>Tenggat</source>
        <translation>Due</translation>
    </message>
    <message>
        <location filename="../../forms/ticket_detail.ui" line="299"/>
        <source>Keadaan</source>
        <translation>State</translation>
    </message>
    <message>
        <location filename="../../forms/ticket_detail.ui" line="314"/>
        <source>Riwayat</source>
        <translation>Timeline</translation>
    </message>
    <message>
        <location filename="../../forms/ticket_detail.ui" line="88"/>
        <location filename="../../forms/ticket_detail.ui" line="330"/>
        <source>Waktu</source>
        <translation>Time</translation>
    </message>
    <message>
        <location filename="../../forms/ticket_detail.ui" line="59"/>
        <source>Konflik sinkronisasi</source>
        <translation>Sync conflicts</translation>
    </message>
    <message>
        <location filename="../../forms/ticket_detail.ui" line="68"/>
        <source>Perubahan dari meja ini bertabrakan dengan data di server kota. Data server sudah dipakai di meja ini; periksa, lalu tandai selesai.</source>
        <translation>A change from this desk clashed with the data on the city server. The server&apos;s data is now used on this desk; check it, then mark it as resolved.</translation>
    </message>
    <message>
        <location filename="../../forms/ticket_detail.ui" line="93"/>
        <source>Perubahan</source>
        <translation>Change</translation>
    </message>
    <message>
        <location filename="../../forms/ticket_detail.ui" line="98"/>
        <source>Di meja ini</source>
        <translation>On this desk</translation>
    </message>
    <message>
        <location filename="../../forms/ticket_detail.ui" line="103"/>
        <source>Di server kota</source>
        <translation>On the city server</translation>
    </message>
    <message>
        <location filename="../../forms/ticket_detail.ui" line="335"/>
        <source>Jenis</source>
        <translation>Kind</translation>
    </message>
    <message>
        <location filename="../../forms/ticket_detail.ui" line="340"/>
        <source>Keterangan</source>
        <translation>Details</translation>
    </message>
    <message>
        <location filename="../../forms/ticket_detail.ui" line="345"/>
        <source>Oleh</source>
        <translation>By</translation>
    </message>
    <message>
        <location filename="../../forms/ticket_detail.ui" line="350"/>
        <source>Sumber</source>
        <translation>Source</translation>
    </message>
    <message>
        <location filename="../../forms/ticket_detail.ui" line="355"/>
        <source>Janji</source>
        <translation>Promise</translation>
    </message>
    <message>
        <location filename="../../forms/ticket_detail.ui" line="366"/>
        <source>Tindakan</source>
        <translation>Actions</translation>
    </message>
    <message>
        <location filename="../../forms/ticket_detail.ui" line="374"/>
        <source>&amp;Status baru</source>
        <translation>New &amp;status</translation>
    </message>
    <message>
        <location filename="../../forms/ticket_detail.ui" line="396"/>
        <source>&amp;Ubah status</source>
        <translation>&amp;Change status</translation>
    </message>
    <message>
        <location filename="../../forms/ticket_detail.ui" line="405"/>
        <source>&amp;Instansi tujuan</source>
        <translation>&amp;Passed to agency</translation>
    </message>
    <message>
        <location filename="../../forms/ticket_detail.ui" line="418"/>
        <source>mis. PLN UP3 Jakarta Timur</source>
        <translation>e.g. PLN UP3 Jakarta Timur</translation>
    </message>
    <message>
        <location filename="../../forms/ticket_detail.ui" line="425"/>
        <source>&amp;Digabung ke tiket</source>
        <translation>&amp;Merged into ticket</translation>
    </message>
    <message>
        <location filename="../../forms/ticket_detail.ui" line="438"/>
        <source>kode pelacakan tiket yang dipertahankan</source>
        <translation>tracking code of the ticket that is kept</translation>
    </message>
    <message>
        <location filename="../../forms/ticket_detail.ui" line="445"/>
        <source>Alasan / catatan s&amp;tatus</source>
        <translation>Reason / s&amp;tatus note</translation>
    </message>
    <message>
        <location filename="../../forms/ticket_detail.ui" line="472"/>
        <source>Catatan petugas (hanya terlihat di kecamatan)</source>
        <translation>Officer&apos;s note (visible at the kecamatan only)</translation>
    </message>
    <message>
        <location filename="../../forms/ticket_detail.ui" line="479"/>
        <source>Tambah &amp;catatan</source>
        <translation>Add &amp;note</translation>
    </message>
    <message>
        <location filename="../../forms/ticket_detail.ui" line="500"/>
        <source>Nomor di aplikasi lain, mis. QLUE 1234567 atau LAPOR 5512</source>
        <translation>Number in another app, e.g. QLUE 1234567 or LAPOR 5512</translation>
    </message>
    <message>
        <location filename="../../forms/ticket_detail.ui" line="507"/>
        <source>Tambah &amp;nomor</source>
        <translation>Add n&amp;umber</translation>
    </message>
    <message>
        <location filename="../../forms/ticket_detail.ui" line="528"/>
        <source>Minta &amp;tindak lanjut…</source>
        <translation>Request &amp;follow-up…</translation>
    </message>
    <message>
        <location filename="../../forms/ticket_detail.ui" line="535"/>
        <source>Cetak ulang tanda t&amp;erima</source>
        <translation>R&amp;eprint receipt</translation>
    </message>
    <message>
        <location filename="../../forms/ticket_detail.ui" line="542"/>
        <source>Buka pratinjau berkas kasus lengkap (A4): data, riwayat, tindak lanjut, tenggat SLA dan foto. Pencetakan dicatat.</source>
        <translation>Open the preview of the full case file (A4): details, timeline, follow-ups, SLA deadlines and photos. The printout is recorded.</translation>
    </message>
    <message>
        <location filename="../../forms/ticket_detail.ui" line="545"/>
        <source>Cetak &amp;berkas kasus…</source>
        <translation>Print case fi&amp;le…</translation>
    </message>
    <message>
        <location filename="../../forms/ticket_detail.ui" line="552"/>
        <source>Catatan internal hanya untuk kecamatan: jangan sertakan bila berkas diberikan kepada warga atau instansi.</source>
        <translation>Internal notes are for the kecamatan only: leave them out when the file goes to a citizen or an agency.</translation>
    </message>
    <message>
        <location filename="../../forms/ticket_detail.ui" line="555"/>
        <source>Sertakan catatan inte&amp;rnal</source>
        <translation>Include inte&amp;rnal notes</translation>
    </message>
</context>
<context>
    <name>TicketTableModel</name>
    <message>
        <location filename="../../src/posko/ui/ticket_table.py" line="88"/>
        <source>Kode pelacakan</source>
        <translation>Tracking code</translation>
    </message>
    <message>
        <location filename="../../src/posko/ui/ticket_table.py" line="89"/>
        <source>Tanggal</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../src/posko/ui/ticket_table.py" line="90"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../src/posko/ui/ticket_table.py" line="91"/>
        <source>Umur / SLA</source>
        <translation>Age / SLA</translation>
    </message>
    <message>
        <location filename="../../src/posko/ui/ticket_table.py" line="92"/>
        <source>Kategori</source>
        <translation>Category</translation>
    </message>
    <message>
        <location filename="../../src/posko/ui/ticket_table.py" line="93"/>
        <source>Nomor aplikasi</source>
        <translation>App number</translation>
    </message>
    <message>
        <location filename="../../src/posko/ui/ticket_table.py" line="94"/>
        <source>Uraian</source>
        <translation>Description</translation>
    </message>
    <message>
        <location filename="../../src/posko/ui/ticket_table.py" line="138"/>
        <source>%1 hari</source>
        <translation>%1 days</translation>
    </message>
    <message>
        <location filename="../../src/posko/ui/ticket_table.py" line="140"/>
        <source>terlambat %1 hari kerja</source>
        <translation>%1 working days late</translation>
    </message>
</context>
</TS>
