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
        <location filename="../../src/posko/ui/assisted.py" line="203"/>
        <source>Buka pratinjau tanda terima untuk dicetak.</source>
        <translation>Open the receipt preview to print it.</translation>
    </message>
    <message>
        <location filename="../../src/posko/ui/assisted.py" line="308"/>
        <source>Anonim: nama tidak wajib. Bila warga mau dihubungi, nama dan telepon boleh diisi; hanya disimpan di kecamatan, tidak diberikan kepada dinas, dan tidak dicetak selain pada tanda terima warga.</source>
        <translation>Anonymous: the name is optional. If the citizen wants to be contacted, a name and phone may be given; they are kept at the kecamatan only, never given to agencies, and never printed except on the citizen&apos;s own receipt.</translation>
    </message>
    <message>
        <location filename="../../src/posko/ui/assisted.py" line="312"/>
        <source>Temuan petugas: tidak ada data warga yang dicatat. Petugas yang mengisi tercatat sebagai pelapor.</source>
        <translation>An officer&apos;s own finding: no citizen data is recorded. The officer filling it in is recorded as the reporter.</translation>
    </message>
    <message>
        <location filename="../../src/posko/ui/assisted.py" line="341"/>
        <source>Akan dicatat sebagai %1.</source>
        <translation>Will be recorded as %1.</translation>
    </message>
    <message>
        <location filename="../../src/posko/ui/assisted.py" line="372"/>
        <source>Pilih salah satu jenis masalah.</source>
        <translation>Choose one kind of problem.</translation>
    </message>
    <message>
        <location filename="../../src/posko/ui/assisted.py" line="375"/>
        <source>Pilih kelurahan tempat kejadian.</source>
        <translation>Choose the kelurahan where it happened.</translation>
    </message>
    <message>
        <location filename="../../src/posko/ui/assisted.py" line="391"/>
        <source>Ceritakan masalahnya dulu, walau singkat.</source>
        <translation>Describe the problem first, even briefly.</translation>
    </message>
    <message>
        <location filename="../../src/posko/ui/assisted.py" line="400"/>
        <source>Tulis nama warga, atau centang &apos;Tanpa nama&apos;.</source>
        <translation>Type the citizen&apos;s name, or tick &apos;No name&apos;.</translation>
    </message>
    <message>
        <location filename="../../src/posko/ui/assisted.py" line="453"/>
        <source>Temuan petugas: tidak ada data warga, persetujuan warga tidak diperlukan. Dicatat atas nama petugas: %1</source>
        <translation>An officer&apos;s own finding: no citizen data, so no citizen consent is needed. Recorded in the name of the officer: %1</translation>
    </message>
    <message>
        <location filename="../../src/posko/ui/assisted.py" line="458"/>
        <source>Persetujuan dicatat atas nama petugas: %1</source>
        <translation>Consent recorded by officer: %1</translation>
    </message>
    <message>
        <location filename="../../src/posko/ui/assisted.py" line="490"/>
        <source>Masalah</source>
        <translation>Problem</translation>
    </message>
    <message>
        <location filename="../../src/posko/ui/assisted.py" line="492"/>
        <source>Kelurahan %1</source>
        <translation>Kelurahan %1</translation>
    </message>
    <message>
        <location filename="../../src/posko/ui/assisted.py" line="494"/>
        <source>RW %1</source>
        <translation>RW %1</translation>
    </message>
    <message>
        <location filename="../../src/posko/ui/assisted.py" line="496"/>
        <source>RT %1</source>
        <translation>RT %1</translation>
    </message>
    <message>
        <location filename="../../src/posko/ui/assisted.py" line="499"/>
        <source>Tempat</source>
        <translation>Place</translation>
    </message>
    <message>
        <location filename="../../src/posko/ui/assisted.py" line="500"/>
        <source>Cerita</source>
        <translation>Story</translation>
    </message>
    <message>
        <location filename="../../src/posko/ui/assisted.py" line="512"/>
        <location filename="../../src/posko/ui/assisted.py" line="523"/>
        <source>Nama</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../src/posko/ui/assisted.py" line="512"/>
        <source>Atas nama kecamatan (temuan petugas)</source>
        <translation>On behalf of the kecamatan (an officer&apos;s own finding)</translation>
    </message>
    <message>
        <location filename="../../src/posko/ui/assisted.py" line="514"/>
        <source>Tanpa nama (anonim); hanya disimpan di kecamatan: %1</source>
        <translation>No name (anonymous); kept at the kecamatan only: %1</translation>
    </message>
    <message>
        <location filename="../../src/posko/ui/assisted.py" line="515"/>
        <source>Tanpa nama (anonim)</source>
        <translation>No name (anonymous)</translation>
    </message>
    <message>
        <location filename="../../src/posko/ui/assisted.py" line="524"/>
        <source>Telepon</source>
        <translation>Phone</translation>
    </message>
    <message>
        <location filename="../../src/posko/ui/assisted.py" line="524"/>
        <location filename="../../src/posko/ui/assisted.py" line="526"/>
        <source>tidak diisi</source>
        <translation>not given</translation>
    </message>
    <message>
        <location filename="../../src/posko/ui/assisted.py" line="525"/>
        <source>NIK</source>
        <translation>NIK</translation>
    </message>
    <message>
        <location filename="../../src/posko/ui/assisted.py" line="535"/>
        <source>Bacakan teks persetujuan kepada warga, lalu centang kotak persetujuan.</source>
        <translation>Read the consent text to the citizen, then tick the consent box.</translation>
    </message>
    <message>
        <location filename="../../src/posko/ui/assisted.py" line="562"/>
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
        <source>Tanpa nama / anonim (identitas warga dirahasiakan)</source>
        <translation>No name / anonymous (the citizen&apos;s identity is kept confidential)</translation>
    </message>
    <message>
        <location filename="../../forms/assisted_wizard.ui" line="296"/>
        <source>Atas nama kecamatan (temuan petugas, tanpa data warga)</source>
        <translation>On behalf of the kecamatan (an officer&apos;s own finding, no citizen data)</translation>
    </message>
    <message>
        <location filename="../../forms/assisted_wizard.ui" line="303"/>
        <source>Nama hanya disimpan di kecamatan dan tidak diberikan kepada dinas.</source>
        <translation>The name stays at the kecamatan and is not given to the agencies.</translation>
    </message>
    <message>
        <location filename="../../forms/assisted_wizard.ui" line="340"/>
        <source>Nomor telepon atau WhatsApp (boleh dikosongkan)</source>
        <translation>Phone or WhatsApp number (may be left empty)</translation>
    </message>
    <message>
        <location filename="../../forms/assisted_wizard.ui" line="355"/>
        <source>mis. 0812-3456-7890</source>
        <translation>e.g. 0812-3456-7890</translation>
    </message>
    <message>
        <location filename="../../forms/assisted_wizard.ui" line="374"/>
        <source>Dipakai untuk mengabarkan perkembangan pengaduan.</source>
        <translation>Used to tell you how the complaint is progressing.</translation>
    </message>
    <message>
        <location filename="../../forms/assisted_wizard.ui" line="401"/>
        <source>NIK (nomor di KTP) — boleh dikosongkan</source>
        <translation>NIK (the number on the ID card) — may be left empty</translation>
    </message>
    <message>
        <location filename="../../forms/assisted_wizard.ui" line="416"/>
        <source>16 angka</source>
        <translation>16 digits</translation>
    </message>
    <message>
        <location filename="../../forms/assisted_wizard.ui" line="438"/>
        <source>NIK disimpan terkunci (terenkripsi) dan hanya ditampilkan tersamar.</source>
        <translation>The NIK is stored locked (encrypted) and only ever shown masked.</translation>
    </message>
    <message>
        <location filename="../../forms/assisted_wizard.ui" line="465"/>
        <source>Apakah ini sudah benar?</source>
        <translation>Is this correct?</translation>
    </message>
    <message>
        <location filename="../../forms/assisted_wizard.ui" line="475"/>
        <source>Petugas: bacakan ringkasan ini kepada warga. Jika ada yang salah, tekan Kembali.</source>
        <translation>Officer: read this summary to the citizen. If anything is wrong, press Back.</translation>
    </message>
    <message>
        <location filename="../../forms/assisted_wizard.ui" line="515"/>
        <source>Persetujuan warga</source>
        <translation>Citizen&apos;s consent</translation>
    </message>
    <message>
        <location filename="../../forms/assisted_wizard.ui" line="525"/>
        <source>Petugas membacakan: “Data Bapak/Ibu (nama, telepon, NIK) hanya dipakai kecamatan untuk menangani pengaduan ini dan mengabarkan perkembangannya. Dinas dan petugas lapangan hanya melihat isi pengaduan, bukan siapa yang melapor. NIK disimpan terkunci. Apakah Bapak/Ibu setuju?”</source>
        <translation>The officer reads aloud: “Your data (name, phone, NIK) is used by the kecamatan only to handle this complaint and to tell you how it progresses. Agencies and field officers see only the complaint, not who made it. The NIK is stored locked. Do you agree?”</translation>
    </message>
    <message>
        <location filename="../../forms/assisted_wizard.ui" line="535"/>
        <source>Persetujuan dibacakan dan disetujui secara lisan</source>
        <translation>Consent read aloud and given verbally</translation>
    </message>
    <message>
        <location filename="../../forms/assisted_wizard.ui" line="576"/>
        <source>Pengaduan sudah tersimpan. Kode pelacakan:</source>
        <translation>The complaint is saved. Tracking code:</translation>
    </message>
    <message>
        <location filename="../../forms/assisted_wizard.ui" line="596"/>
        <source>Simpan kode ini. Untuk menanyakan perkembangan, sebutkan kode ini kepada petugas kecamatan.</source>
        <translation>Keep this code. To ask about progress, give this code to a kecamatan officer.</translation>
    </message>
    <message>
        <location filename="../../forms/assisted_wizard.ui" line="608"/>
        <source>Cetak tanda terima</source>
        <translation>Print receipt</translation>
    </message>
</context>
<context>
    <name>AuditLog</name>
    <message>
        <location filename="../../src/posko/ui/audit_log.py" line="48"/>
        <source>Tiket dibuat</source>
        <translation>Ticket created</translation>
    </message>
    <message>
        <location filename="../../src/posko/ui/audit_log.py" line="49"/>
        <source>Status diubah</source>
        <translation>Status changed</translation>
    </message>
    <message>
        <location filename="../../src/posko/ui/audit_log.py" line="50"/>
        <source>Catatan ditambahkan</source>
        <translation>Note added</translation>
    </message>
    <message>
        <location filename="../../src/posko/ui/audit_log.py" line="51"/>
        <source>Nomor aplikasi ditambahkan</source>
        <translation>App number added</translation>
    </message>
    <message>
        <location filename="../../src/posko/ui/audit_log.py" line="52"/>
        <source>Tindak lanjut dicatat</source>
        <translation>Chase recorded</translation>
    </message>
    <message>
        <location filename="../../src/posko/ui/audit_log.py" line="53"/>
        <source>Berkas kasus dicetak</source>
        <translation>Case file printed</translation>
    </message>
    <message>
        <location filename="../../src/posko/ui/audit_log.py" line="54"/>
        <source>Tiket digabung</source>
        <translation>Tickets merged</translation>
    </message>
    <message>
        <location filename="../../src/posko/ui/audit_log.py" line="55"/>
        <source>Penggabungan dibatalkan</source>
        <translation>Merge undone</translation>
    </message>
    <message>
        <location filename="../../src/posko/ui/audit_log.py" line="56"/>
        <source>Lampiran ditambahkan</source>
        <translation>Attachment added</translation>
    </message>
    <message>
        <location filename="../../src/posko/ui/audit_log.py" line="57"/>
        <source>NIK lengkap dilihat</source>
        <translation>Full NIK viewed</translation>
    </message>
    <message>
        <location filename="../../src/posko/ui/audit_log.py" line="58"/>
        <source>Masuk</source>
        <translation>Signed in</translation>
    </message>
    <message>
        <location filename="../../src/posko/ui/audit_log.py" line="59"/>
        <source>Gagal masuk</source>
        <translation>Sign-in failed</translation>
    </message>
    <message>
        <location filename="../../src/posko/ui/audit_log.py" line="60"/>
        <source>Petugas dibuat</source>
        <translation>Officer created</translation>
    </message>
    <message>
        <location filename="../../src/posko/ui/audit_log.py" line="61"/>
        <source>Nomor antrean diambil</source>
        <translation>Queue number taken</translation>
    </message>
    <message>
        <location filename="../../src/posko/ui/audit_log.py" line="62"/>
        <source>Nomor antrean dipanggil</source>
        <translation>Queue number called</translation>
    </message>
    <message>
        <location filename="../../src/posko/ui/audit_log.py" line="63"/>
        <source>Antrean dilayani</source>
        <translation>Queue visitor served</translation>
    </message>
    <message>
        <location filename="../../src/posko/ui/audit_log.py" line="64"/>
        <source>Antrean pergi</source>
        <translation>Queue visitor left</translation>
    </message>
    <message>
        <location filename="../../src/posko/ui/audit_log.py" line="65"/>
        <source>Meja disiapkan</source>
        <translation>Desk set up</translation>
    </message>
    <message>
        <location filename="../../src/posko/ui/audit_log.py" line="66"/>
        <source>Meja didaftarkan ke server</source>
        <translation>Desk enrolled with the server</translation>
    </message>
    <message>
        <location filename="../../src/posko/ui/audit_log.py" line="68"/>
        <source>Nomor dilompati setelah pemulihan</source>
        <translation>Numbers skipped after restore</translation>
    </message>
    <message>
        <location filename="../../src/posko/ui/audit_log.py" line="69"/>
        <source>Log audit diekspor</source>
        <translation>Audit log exported</translation>
    </message>
    <message>
        <location filename="../../src/posko/ui/audit_log.py" line="70"/>
        <source>Perubahan dikirim ulang</source>
        <translation>Changes resent</translation>
    </message>
    <message>
        <location filename="../../src/posko/ui/audit_log.py" line="72"/>
        <source>Data warga diekspor (UU PDP)</source>
        <translation>Citizen data exported (PDP Law)</translation>
    </message>
    <message>
        <location filename="../../src/posko/ui/audit_log.py" line="74"/>
        <source>Permintaan hapus data warga</source>
        <translation>Citizen data erasure requested</translation>
    </message>
    <message>
        <location filename="../../src/posko/ui/audit_log.py" line="76"/>
        <source>Data pelapor dianonimkan</source>
        <translation>Reporter data anonymised</translation>
    </message>
    <message>
        <location filename="../../src/posko/ui/audit_log.py" line="78"/>
        <source>Masa simpan data diubah</source>
        <translation>Data retention period changed</translation>
    </message>
</context>
<context>
    <name>AuditLogDialog</name>
    <message>
        <location filename="../../src/posko/ui/audit_log.py" line="167"/>
        <source>Tutup</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../src/posko/ui/audit_log.py" line="180"/>
        <source>Semua petugas</source>
        <translation>All officers</translation>
    </message>
    <message>
        <location filename="../../src/posko/ui/audit_log.py" line="196"/>
        <source>Semua tindakan</source>
        <translation>All actions</translation>
    </message>
    <message>
        <location filename="../../src/posko/ui/audit_log.py" line="197"/>
        <source>Semua perubahan tiket</source>
        <translation>All ticket changes</translation>
    </message>
    <message>
        <location filename="../../src/posko/ui/audit_log.py" line="205"/>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <location filename="../../src/posko/ui/audit_log.py" line="207"/>
        <source>Sistem (otomatis)</source>
        <translation>System (automatic)</translation>
    </message>
    <message>
        <location filename="../../src/posko/ui/audit_log.py" line="231"/>
        <source>Memuat…</source>
        <translation>Loading…</translation>
    </message>
    <message>
        <location filename="../../src/posko/ui/audit_log.py" line="257"/>
        <source>%1 entri pertama ditampilkan</source>
        <translation>First %1 entries shown</translation>
    </message>
    <message>
        <location filename="../../src/posko/ui/audit_log.py" line="259"/>
        <source>%1 entri</source>
        <translation>%1 entries</translation>
    </message>
    <message>
        <location filename="../../src/posko/ui/audit_log.py" line="261"/>
        <source>Tidak ada entri yang cocok.</source>
        <translation>No matching entries.</translation>
    </message>
    <message>
        <location filename="../../src/posko/ui/audit_log.py" line="283"/>
        <source>Ekspor log audit</source>
        <translation>Export audit log</translation>
    </message>
    <message>
        <location filename="../../src/posko/ui/audit_log.py" line="284"/>
        <source>Berkas CSV (*.csv)</source>
        <translation>CSV files (*.csv)</translation>
    </message>
    <message>
        <location filename="../../src/posko/ui/audit_log.py" line="296"/>
        <source>Mengekspor…</source>
        <translation>Exporting…</translation>
    </message>
    <message>
        <location filename="../../src/posko/ui/audit_log.py" line="301"/>
        <source>%1 entri diekspor ke %2</source>
        <translation>%1 entries exported to %2</translation>
    </message>
    <message>
        <location filename="../../src/posko/ui/audit_log.py" line="310"/>
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
        <location filename="../../src/posko/ui/audit_log.py" line="119"/>
        <source>Waktu</source>
        <translation>Time</translation>
    </message>
    <message>
        <location filename="../../src/posko/ui/audit_log.py" line="120"/>
        <source>Petugas</source>
        <translation>Officer</translation>
    </message>
    <message>
        <location filename="../../src/posko/ui/audit_log.py" line="121"/>
        <source>Tindakan</source>
        <translation>Action</translation>
    </message>
    <message>
        <location filename="../../src/posko/ui/audit_log.py" line="122"/>
        <source>Tiket</source>
        <translation>Ticket</translation>
    </message>
    <message>
        <location filename="../../src/posko/ui/audit_log.py" line="123"/>
        <source>Keterangan</source>
        <translation>Detail</translation>
    </message>
</context>
<context>
    <name>ChaseDialog</name>
    <message>
        <location filename="../../src/posko/ui/chase.py" line="50"/>
        <source>Minta tindak lanjut — %1</source>
        <translation>Request follow-up — %1</translation>
    </message>
    <message>
        <location filename="../../src/posko/ui/chase.py" line="52"/>
        <source>Warga menanyakan perkembangan tiket %1. Catat apa yang disampaikan kepadanya.</source>
        <translation>A citizen asks about ticket %1. Record what they were told.</translation>
    </message>
    <message>
        <location filename="../../src/posko/ui/chase.py" line="59"/>
        <source>Tanggal janji diisi dari tenggat tindak lanjut instansi (SLA); ubah bila perlu.</source>
        <translation>The promised date comes from the agency follow-up deadline (SLA); change it if needed.</translation>
    </message>
    <message>
        <location filename="../../src/posko/ui/chase.py" line="61"/>
        <source>Simpan</source>
        <translation>Save</translation>
    </message>
    <message>
        <location filename="../../src/posko/ui/chase.py" line="62"/>
        <source>Batal</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../src/posko/ui/chase.py" line="86"/>
        <source>boleh dikosongkan, mis. Instansi diminta memperbaiki lagi.</source>
        <translation>optional, e.g. The agency is asked to fix it again.</translation>
    </message>
    <message>
        <location filename="../../src/posko/ui/chase.py" line="101"/>
        <source>Tuliskan apa yang disampaikan atau dijanjikan kepada warga.</source>
        <translation>Write what the citizen was told or promised.</translation>
    </message>
    <message>
        <location filename="../../src/posko/ui/chase.py" line="118"/>
        <source>Tuliskan apa yang menurut warga belum beres; catatan ini wajib untuk membuka kembali tiket.</source>
        <translation>Write what the citizen says is not fixed; this note is required to reopen the ticket.</translation>
    </message>
    <message>
        <location filename="../../src/posko/ui/chase.py" line="148"/>
        <source>Tiket %1 dibuka kembali dan dikembalikan ke instansi (status sekarang: %2). Kunjungan warga dicatat sebagai tindak lanjut.</source>
        <translation>Ticket %1 was reopened and sent back to the agency (status now: %2). The citizen&apos;s visit is recorded as a follow-up.</translation>
    </message>
    <message>
        <location filename="../../src/posko/ui/chase.py" line="159"/>
        <source>Tutup</source>
        <translation>Close</translation>
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
        <location filename="../../forms/chase_dialog.ui" line="102"/>
        <source>Warga menyatakan belum beres — buka kembali</source>
        <translation>Citizen says it is not fixed — reopen</translation>
    </message>
    <message>
        <location filename="../../forms/chase_dialog.ui" line="114"/>
        <source>Tiket ini sudah selesai. Bila warga menyatakan masalahnya belum beres, centang kotak ini: tiket dibuka kembali dan dikembalikan ke instansi.</source>
        <translation>This ticket is done. If the citizen says the problem is not fixed, tick this box: the ticket is reopened and goes back to the agency.</translation>
    </message>
    <message>
        <location filename="../../forms/chase_dialog.ui" line="124"/>
        <source>Yang &amp;belum beres</source>
        <translation>&amp;Not fixed</translation>
    </message>
    <message>
        <location filename="../../forms/chase_dialog.ui" line="137"/>
        <source>wajib: apa yang menurut warga belum beres?</source>
        <translation>required: what does the citizen say is not fixed?</translation>
    </message>
    <message>
        <location filename="../../src/posko/ui/chase.py" line="87"/>
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
    <name>DataRequest</name>
    <message>
        <location filename="../../src/posko/ui/data_request.py" line="52"/>
        <source>NIK</source>
        <translation>NIK</translation>
    </message>
    <message>
        <location filename="../../src/posko/ui/data_request.py" line="53"/>
        <source>telepon</source>
        <translation>phone</translation>
    </message>
    <message>
        <location filename="../../src/posko/ui/data_request.py" line="54"/>
        <source>nama</source>
        <translation>name</translation>
    </message>
    <message>
        <location filename="../../src/posko/ui/data_request.py" line="62"/>
        <source>dapat dihapus sekarang</source>
        <translation>can be erased now</translation>
    </message>
    <message>
        <location filename="../../src/posko/ui/data_request.py" line="66"/>
        <source>menunggu masa simpan (mulai %1)</source>
        <translation>waiting for the retention period (from %1)</translation>
    </message>
    <message>
        <location filename="../../src/posko/ui/data_request.py" line="69"/>
        <source>menunggu %1 perubahan terkirim ke server</source>
        <translation>waiting for %1 changes to reach the server</translation>
    </message>
    <message>
        <location filename="../../src/posko/ui/data_request.py" line="71"/>
        <source>menunggu: tiket masih berjalan</source>
        <translation>waiting: the ticket is still open</translation>
    </message>
    <message>
        <location filename="../../src/posko/ui/data_request.py" line="100"/>
        <source>pelapor</source>
        <translation>reporter</translation>
    </message>
    <message>
        <location filename="../../src/posko/ui/data_request.py" line="101"/>
        <source>penanya (%1 tindak lanjut)</source>
        <translation>asked (%1 follow-ups)</translation>
    </message>
</context>
<context>
    <name>DataRequestDialog</name>
    <message>
        <location filename="../../src/posko/ui/data_request.py" line="131"/>
        <source>Tutup</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../src/posko/ui/data_request.py" line="174"/>
        <source>Mencari…</source>
        <translation>Searching…</translation>
    </message>
    <message>
        <location filename="../../src/posko/ui/data_request.py" line="190"/>
        <source>%1 tiket: %2 sebagai pelapor, %3 tindak lanjut yang ia tanyakan. %4 dapat dihapus sekarang.</source>
        <translation>%1 tickets: %2 as reporter, %3 follow-ups they asked for. %4 can be erased now.</translation>
    </message>
    <message>
        <location filename="../../src/posko/ui/data_request.py" line="196"/>
        <source>Tidak ada data tentang orang ini di meja ini. Ekspor tetap dapat dibuat sebagai jawaban tertulis.</source>
        <translation>This desk holds no data about this person. An export can still be made as a written answer.</translation>
    </message>
    <message>
        <location filename="../../src/posko/ui/data_request.py" line="231"/>
        <source>Ekspor data warga</source>
        <translation>Export citizen data</translation>
    </message>
    <message>
        <location filename="../../src/posko/ui/data_request.py" line="232"/>
        <source>PDF (dengan berkas JSON di sampingnya) (*.pdf)</source>
        <translation>PDF (with a JSON file beside it) (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../src/posko/ui/data_request.py" line="243"/>
        <source>Mengekspor…</source>
        <translation>Exporting…</translation>
    </message>
    <message>
        <location filename="../../src/posko/ui/data_request.py" line="250"/>
        <source>Diekspor ke %1 dan %2. Serahkan hanya kepada yang bersangkutan.</source>
        <translation>Exported to %1 and %2. Hand them only to the person concerned.</translation>
    </message>
    <message>
        <location filename="../../src/posko/ui/data_request.py" line="259"/>
        <source>Berkas tidak dapat disimpan di tempat itu. Pilih folder lain.</source>
        <translation>The file cannot be saved there. Choose another folder.</translation>
    </message>
    <message>
        <location filename="../../src/posko/ui/data_request.py" line="276"/>
        <source>Nama, telepon dan NIK orang ini akan dihapus dari tiketnya; tiket tetap ada tanpa identitas pelapor. Tidak dapat dibatalkan.</source>
        <translation>This person&apos;s name, phone and NIK will be removed from their tickets; the tickets stay, without the reporter&apos;s identity. This cannot be undone.</translation>
    </message>
    <message>
        <location filename="../../src/posko/ui/data_request.py" line="279"/>
        <source>Dihapus sekarang (%1): %2</source>
        <translation>Erased now (%1): %2</translation>
    </message>
    <message>
        <location filename="../../src/posko/ui/data_request.py" line="282"/>
        <source>Belum ada yang dapat dihapus sekarang.</source>
        <translation>Nothing can be erased yet.</translation>
    </message>
    <message>
        <location filename="../../src/posko/ui/data_request.py" line="285"/>
        <source>Menunggu, lalu dihapus otomatis (%1):</source>
        <translation>Waiting, then erased automatically (%1):</translation>
    </message>
    <message>
        <location filename="../../src/posko/ui/data_request.py" line="288"/>
        <source>… dan %1 tiket lain</source>
        <translation>… and %1 more tickets</translation>
    </message>
    <message>
        <location filename="../../src/posko/ui/data_request.py" line="296"/>
        <source>Hapus data warga?</source>
        <translation>Erase the citizen&apos;s data?</translation>
    </message>
    <message>
        <location filename="../../src/posko/ui/data_request.py" line="308"/>
        <source>Menghapus…</source>
        <translation>Erasing…</translation>
    </message>
    <message>
        <location filename="../../src/posko/ui/data_request.py" line="323"/>
        <source>Permintaan hapus dicatat: %1 tiket dianonimkan sekarang, %2 menunggu dan akan dihapus otomatis.</source>
        <translation>Erasure request recorded: %1 tickets anonymised now, %2 waiting, to be erased automatically.</translation>
    </message>
    <message>
        <location filename="../../forms/data_request.ui" line="9"/>
        <source>Permintaan data warga</source>
        <translation>Citizen data request</translation>
    </message>
    <message>
        <location filename="../../forms/data_request.ui" line="15"/>
        <source>Cari semua data yang disimpan tentang seseorang (UU PDP Pasal 32): tiket yang ia laporkan dan tindak lanjut yang ia tanyakan. Cocokkan dengan KTP sebelum menyerahkan atau menghapus data.</source>
        <translation>Find all data held about one person (Indonesian PDP Law, art. 32): the tickets they reported and the follow-ups they asked for. Check it against their KTP before handing over or erasing data.</translation>
    </message>
    <message>
        <location filename="../../forms/data_request.ui" line="27"/>
        <source>&amp;NIK</source>
        <translation>&amp;NIK</translation>
    </message>
    <message>
        <location filename="../../forms/data_request.ui" line="37"/>
        <source>16 angka</source>
        <translation>16 digits</translation>
    </message>
    <message>
        <location filename="../../forms/data_request.ui" line="47"/>
        <source>&amp;Telepon</source>
        <translation>&amp;Phone</translation>
    </message>
    <message>
        <location filename="../../forms/data_request.ui" line="57"/>
        <source>08… atau +62…</source>
        <translation>08… or +62…</translation>
    </message>
    <message>
        <location filename="../../forms/data_request.ui" line="67"/>
        <source>N&amp;ama lengkap</source>
        <translation>Full n&amp;ame</translation>
    </message>
    <message>
        <location filename="../../forms/data_request.ui" line="77"/>
        <source>seperti di KTP (dicocokkan persis; sapaan seperti Ibu/Bpk. diabaikan)</source>
        <translation>as on the KTP (matched exactly; honorifics such as Ibu/Bpk. are ignored)</translation>
    </message>
    <message>
        <location filename="../../forms/data_request.ui" line="87"/>
        <source>&amp;Cari</source>
        <translation>&amp;Search</translation>
    </message>
    <message>
        <location filename="../../forms/data_request.ui" line="153"/>
        <source>&amp;Ekspor PDF + JSON…</source>
        <translation>&amp;Export PDF + JSON…</translation>
    </message>
    <message>
        <location filename="../../forms/data_request.ui" line="166"/>
        <source>&amp;Hapus data (anonimkan)…</source>
        <translation>&amp;Erase data (anonymise)…</translation>
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
    <name>FoundTableModel</name>
    <message>
        <location filename="../../src/posko/ui/data_request.py" line="83"/>
        <source>Tiket</source>
        <translation>Ticket</translation>
    </message>
    <message>
        <location filename="../../src/posko/ui/data_request.py" line="84"/>
        <source>Peran</source>
        <translation>Role</translation>
    </message>
    <message>
        <location filename="../../src/posko/ui/data_request.py" line="85"/>
        <source>Cocok lewat</source>
        <translation>Matched by</translation>
    </message>
    <message>
        <location filename="../../src/posko/ui/data_request.py" line="86"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../src/posko/ui/data_request.py" line="87"/>
        <source>Dibuat</source>
        <translation>Created</translation>
    </message>
    <message>
        <location filename="../../src/posko/ui/data_request.py" line="88"/>
        <source>Penghapusan</source>
        <translation>Erasure</translation>
    </message>
</context>
<context>
    <name>IntakePage</name>
    <message>
        <location filename="../../src/posko/ui/intake_page.py" line="165"/>
        <source>Warga (bernama)</source>
        <extracomment>Where an error about a domain field is shown on this page (its error labels).</extracomment>
        <translation>Citizen (named)</translation>
    </message>
    <message>
        <location filename="../../src/posko/ui/intake_page.py" line="166"/>
        <source>Warga tanpa nama (anonim)</source>
        <translation>Citizen without a name (anonymous)</translation>
    </message>
    <message>
        <location filename="../../src/posko/ui/intake_page.py" line="167"/>
        <source>Atas nama kecamatan (temuan petugas)</source>
        <translation>On behalf of the kecamatan (officer&apos;s finding)</translation>
    </message>
    <message>
        <location filename="../../src/posko/ui/intake_page.py" line="170"/>
        <source>Telepon</source>
        <translation>Phone</translation>
    </message>
    <message>
        <location filename="../../src/posko/ui/intake_page.py" line="171"/>
        <source>SMS</source>
        <translation>SMS</translation>
    </message>
    <message>
        <location filename="../../src/posko/ui/intake_page.py" line="172"/>
        <source>WhatsApp</source>
        <translation>WhatsApp</translation>
    </message>
    <message>
        <location filename="../../src/posko/ui/intake_page.py" line="173"/>
        <source>Tidak perlu dihubungi</source>
        <translation>No contact needed</translation>
    </message>
    <message>
        <location filename="../../src/posko/ui/intake_page.py" line="184"/>
        <source>Melayani nomor antrean %1</source>
        <translation>Serving queue number %1</translation>
    </message>
    <message>
        <location filename="../../src/posko/ui/intake_page.py" line="209"/>
        <source>tidak wajib</source>
        <translation>optional</translation>
    </message>
    <message>
        <location filename="../../src/posko/ui/intake_page.py" line="212"/>
        <source>Nama wajib; telepon dan NIK boleh kosong. Dinas hanya melihat isi pengaduan, bukan identitas pelapor.</source>
        <translation>Name required; phone and NIK may be left empty. Agencies see only the complaint, not who made it.</translation>
    </message>
    <message>
        <location filename="../../src/posko/ui/intake_page.py" line="215"/>
        <source>Nama, telepon, dan NIK tidak wajib: isi hanya bila warga mau dihubungi. Disimpan di kecamatan saja, tidak dikirim ke dinas dan tidak dicetak selain pada tanda terima warga.</source>
        <translation>Name, phone and NIK are optional: fill them in only if the citizen wants to be contacted. Kept at the kecamatan only, never sent to agencies and never printed except on the citizen&apos;s own receipt.</translation>
    </message>
    <message>
        <location filename="../../src/posko/ui/intake_page.py" line="219"/>
        <source>Temuan petugas: tanpa data warga. Petugas yang mengetik tercatat sebagai pelapor.</source>
        <translation>An officer&apos;s own finding: no citizen data. The officer typing it is recorded as the reporter.</translation>
    </message>
    <message>
        <location filename="../../src/posko/ui/intake_page.py" line="444"/>
        <source>Mungkin sudah pernah dilaporkan (%1)</source>
        <translation>Possibly reported already (%1)</translation>
    </message>
    <message>
        <location filename="../../src/posko/ui/intake_page.py" line="470"/>
        <source>Warga datang melaporkan hal yang sama (dukungan).</source>
        <translation>A citizen came to report the same thing (support).</translation>
    </message>
    <message>
        <location filename="../../src/posko/ui/intake_page.py" line="480"/>
        <source>Dicatat sebagai dukungan untuk tiket:</source>
        <translation>Recorded as support for ticket:</translation>
    </message>
    <message>
        <location filename="../../src/posko/ui/intake_page.py" line="489"/>
        <source>Pilih foto</source>
        <translation>Choose photo</translation>
    </message>
    <message>
        <location filename="../../src/posko/ui/intake_page.py" line="489"/>
        <source>Gambar (*.jpg *.jpeg *.png *.heic)</source>
        <translation>Images (*.jpg *.jpeg *.png *.heic)</translation>
    </message>
    <message>
        <location filename="../../src/posko/ui/intake_page.py" line="500"/>
        <location filename="../../forms/intake_page.ui" line="103"/>
        <source>Belum ada foto</source>
        <translation>No photos yet</translation>
    </message>
    <message>
        <location filename="../../src/posko/ui/intake_page.py" line="541"/>
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
        <location filename="../../src/posko/ui/lookup_page.py" line="197"/>
        <source>Cari juga tiket kecamatan ini di server kota (termasuk dari meja lain dan aplikasi).</source>
        <translation>Also search this kecamatan&apos;s tickets on the city server (including other desks and the apps).</translation>
    </message>
    <message>
        <location filename="../../src/posko/ui/lookup_page.py" line="199"/>
        <source>Sedang luring: pencarian di server tersedia setelah meja terhubung ke server kota.</source>
        <translation>Offline: searching the server becomes available once this desk is connected to the city server.</translation>
    </message>
    <message>
        <location filename="../../src/posko/ui/lookup_page.py" line="211"/>
        <source>Cari nomor laporan ini di server Open311 yang diatur di Pengaturan.</source>
        <translation>Look this report number up on the Open311 server set in Settings.</translation>
    </message>
    <message>
        <location filename="../../src/posko/ui/lookup_page.py" line="213"/>
        <source>Atur alamat Open311 di Pengaturan untuk memakai pencarian ini.</source>
        <translation>Set an Open311 address in Settings to use this search.</translation>
    </message>
    <message>
        <location filename="../../src/posko/ui/lookup_page.py" line="226"/>
        <location filename="../../src/posko/ui/lookup_page.py" line="232"/>
        <source>Ketik dulu yang dicari.</source>
        <translation>Type what to search for first.</translation>
    </message>
    <message>
        <location filename="../../src/posko/ui/lookup_page.py" line="251"/>
        <source>Mencari di server kota…</source>
        <translation>Searching the city server…</translation>
    </message>
    <message>
        <location filename="../../src/posko/ui/lookup_page.py" line="254"/>
        <source>Mencari di Open311…</source>
        <translation>Searching Open311…</translation>
    </message>
    <message>
        <location filename="../../src/posko/ui/lookup_page.py" line="320"/>
        <source>%1 hasil</source>
        <translation>%1 results</translation>
    </message>
    <message>
        <location filename="../../src/posko/ui/lookup_page.py" line="326"/>
        <source>Open311 tidak terjangkau; hasil lokal saja.</source>
        <translation>Open311 cannot be reached; local results only.</translation>
    </message>
    <message>
        <location filename="../../src/posko/ui/lookup_page.py" line="328"/>
        <source>Open311 menolak permintaan (HTTP %1): periksa kunci API di Pengaturan. Hasil lokal saja.</source>
        <translation>Open311 refused the request (HTTP %1): check the API key in Settings. Local results only.</translation>
    </message>
    <message>
        <location filename="../../src/posko/ui/lookup_page.py" line="332"/>
        <source>Open311 tidak dapat dipakai: %1 Hasil lokal saja.</source>
        <translation>Open311 cannot be used: %1 Local results only.</translation>
    </message>
    <message>
        <location filename="../../src/posko/ui/lookup_page.py" line="335"/>
        <source>%1 hasil (%2 dari Open311)</source>
        <translation>%1 results (%2 from Open311)</translation>
    </message>
    <message>
        <location filename="../../src/posko/ui/lookup_page.py" line="339"/>
        <source>Server tidak terjangkau; hasil lokal saja.</source>
        <translation>The server cannot be reached; local results only.</translation>
    </message>
    <message>
        <location filename="../../src/posko/ui/lookup_page.py" line="341"/>
        <source>Server tidak dapat dipakai: %1 Hasil lokal saja.</source>
        <translation>The server cannot be used: %1 Local results only.</translation>
    </message>
    <message>
        <location filename="../../src/posko/ui/lookup_page.py" line="344"/>
        <source>%1 hasil (%2 hanya ada di server)</source>
        <translation>%1 results (%2 only on the server)</translation>
    </message>
    <message>
        <location filename="../../src/posko/ui/lookup_page.py" line="384"/>
        <source>Tiket ini baru ada di server kota. Sinkronkan meja dulu untuk membukanya.</source>
        <translation>This ticket is only on the city server so far. Sync the desk first to open it.</translation>
    </message>
    <message>
        <location filename="../../src/posko/ui/lookup_page.py" line="388"/>
        <source>Laporan ini dari Open311, bukan tiket meja ini; tidak bisa dibuka di sini.</source>
        <translation>This report comes from Open311, not from this desk; it cannot be opened here.</translation>
    </message>
    <message>
        <location filename="../../src/posko/ui/lookup_page.py" line="407"/>
        <source>Hanya camat/sekcam (supervisor) yang boleh menggabungkan tiket.</source>
        <translation>Only the camat/sekcam (supervisor) may merge tickets.</translation>
    </message>
    <message>
        <location filename="../../src/posko/ui/lookup_page.py" line="413"/>
        <source>Gabungkan tiket-tiket terpilih menjadi satu tiket utama.</source>
        <translation>Merge the selected tickets into one ticket.</translation>
    </message>
    <message>
        <location filename="../../src/posko/ui/lookup_page.py" line="414"/>
        <source>Pilih dua tiket atau lebih dari meja ini (Ctrl+klik atau Shift+klik) untuk digabung.</source>
        <translation>Select two or more of this desk&apos;s tickets (Ctrl+click or Shift+click) to merge.</translation>
    </message>
    <message>
        <location filename="../../src/posko/ui/lookup_page.py" line="434"/>
        <source>Tiket digabung ke %1.</source>
        <translation>Tickets merged into %1.</translation>
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
    <message>
        <location filename="../../forms/lookup_page.ui" line="75"/>
        <source>&amp;Gabungkan…</source>
        <translation>&amp;Merge…</translation>
    </message>
</context>
<context>
    <name>LookupTableModel</name>
    <message>
        <location filename="../../src/posko/ui/lookup_page.py" line="94"/>
        <source>Hanya ada di server kota; belum tersinkron ke meja ini.</source>
        <translation>Only on the city server; not yet synced to this desk.</translation>
    </message>
    <message>
        <location filename="../../src/posko/ui/lookup_page.py" line="96"/>
        <source>[Open311]</source>
        <translation>[Open311]</translation>
    </message>
    <message>
        <location filename="../../src/posko/ui/lookup_page.py" line="97"/>
        <source>Dari sumber Open311; bukan tiket meja ini. Status dan kategori menurut server Open311.</source>
        <translation>From the Open311 source; not a ticket of this desk. Status and category as the Open311 server gives them.</translation>
    </message>
    <message>
        <location filename="../../src/posko/ui/lookup_page.py" line="93"/>
        <source>[server]</source>
        <translation>[server]</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../src/posko/ui/main_window.py" line="105"/>
        <source>Posko — Kecamatan %1, Meja %2</source>
        <translation>Posko — Kecamatan %1, Desk %2</translation>
    </message>
    <message>
        <location filename="../../src/posko/ui/main_window.py" line="108"/>
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
        <location filename="../../src/posko/ui/main_window.py" line="80"/>
        <source>Permintaan &amp;data warga…</source>
        <translation>Citizen &amp;data request…</translation>
    </message>
    <message>
        <location filename="../../src/posko/ui/main_window.py" line="82"/>
        <source>Ekspor atau hapus semua data seseorang (khusus supervisor)</source>
        <translation>Export or erase all data about one person (supervisors only)</translation>
    </message>
    <message>
        <location filename="../../src/posko/ui/main_window.py" line="197"/>
        <source>Rincian tiket belum tersedia.</source>
        <translation>Ticket details are not available yet.</translation>
    </message>
    <message>
        <location filename="../../src/posko/ui/main_window.py" line="221"/>
        <source>Tiket %1 tersimpan.</source>
        <translation>Ticket %1 saved.</translation>
    </message>
    <message>
        <location filename="../../src/posko/ui/main_window.py" line="231"/>
        <source>Menunggu dikirim: %1</source>
        <translation>Waiting to send: %1</translation>
    </message>
    <message>
        <location filename="../../src/posko/ui/main_window.py" line="262"/>
        <source>Formulir belum disimpan</source>
        <translation>Form not saved</translation>
    </message>
    <message>
        <location filename="../../src/posko/ui/main_window.py" line="263"/>
        <source>Pengaduan yang sedang diisi belum disimpan. Tutup juga? Isian disimpan sebagai draf dan ditawarkan lagi saat Posko dibuka.</source>
        <translation>The complaint being typed is not saved. Close anyway? It is kept as a draft and offered again when Posko opens.</translation>
    </message>
    <message>
        <location filename="../../src/posko/ui/main_window.py" line="282"/>
        <source>Pulihkan isian?</source>
        <translation>Restore the form?</translation>
    </message>
    <message>
        <location filename="../../src/posko/ui/main_window.py" line="283"/>
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
    <name>MergeDialog</name>
    <message>
        <location filename="../../src/posko/ui/merge_dialog.py" line="59"/>
        <source>Gabungkan</source>
        <translation>Merge</translation>
    </message>
    <message>
        <location filename="../../src/posko/ui/merge_dialog.py" line="60"/>
        <source>Batal</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../src/posko/ui/merge_dialog.py" line="71"/>
        <source>Memuat tiket…</source>
        <translation>Loading tickets…</translation>
    </message>
    <message>
        <location filename="../../src/posko/ui/merge_dialog.py" line="93"/>
        <source>%1 — %2, %3</source>
        <translation>%1 — %2, %3</translation>
    </message>
    <message>
        <location filename="../../src/posko/ui/merge_dialog.py" line="99"/>
        <source>Tiket yang sudah digabung tidak dapat menjadi tiket utama.</source>
        <translation>A ticket that is already merged cannot be the one kept.</translation>
    </message>
    <message>
        <location filename="../../src/posko/ui/merge_dialog.py" line="157"/>
        <source>Tiket utama</source>
        <translation>Ticket kept</translation>
    </message>
    <message>
        <location filename="../../src/posko/ui/merge_dialog.py" line="159"/>
        <source>Tidak dapat digabung</source>
        <translation>Cannot be merged</translation>
    </message>
    <message>
        <location filename="../../src/posko/ui/merge_dialog.py" line="161"/>
        <source>Akan digabung</source>
        <translation>Will be merged</translation>
    </message>
    <message>
        <location filename="../../src/posko/ui/merge_dialog.py" line="183"/>
        <source>Tidak ada tiket meja ini yang dapat digabung.</source>
        <translation>None of this desk&apos;s tickets can be merged.</translation>
    </message>
    <message>
        <location filename="../../src/posko/ui/merge_dialog.py" line="185"/>
        <source>Pilih sedikitnya dua tiket di meja ini untuk digabung.</source>
        <translation>Choose at least two of this desk&apos;s tickets to merge.</translation>
    </message>
    <message>
        <location filename="../../src/posko/ui/merge_dialog.py" line="188"/>
        <source>Pilih tiket utama.</source>
        <translation>Choose the ticket to keep.</translation>
    </message>
    <message>
        <location filename="../../src/posko/ui/merge_dialog.py" line="194"/>
        <source>Tidak dapat digabung: %1. Tiket yang sudah selesai, ditolak, bukan wewenang atau sudah digabung tidak dapat digabung; jadikan tiket utama atau keluarkan dari pilihan.</source>
        <translation>Cannot be merged: %1. Tickets that are done, rejected, not our authority or already merged cannot be merged; keep it as the main ticket or leave it out.</translation>
    </message>
    <message>
        <location filename="../../src/posko/ui/merge_dialog.py" line="200"/>
        <source>%1 tiket akan berstatus digabung ke %2: %3.</source>
        <translation>%1 tickets will be merged into %2: %3.</translation>
    </message>
    <message>
        <location filename="../../src/posko/ui/merge_dialog.py" line="202"/>
        <source>%1 nomor aplikasi dan %2 tindak lanjut (termasuk dukungan warga) pindah ke %3.</source>
        <translation>%1 app numbers and %2 follow-ups (supporters included) move to %3.</translation>
    </message>
    <message>
        <location filename="../../src/posko/ui/merge_dialog.py" line="205"/>
        <source>Catatan dan foto tetap di tiket asalnya.</source>
        <translation>Notes and photos stay with their own ticket.</translation>
    </message>
    <message>
        <location filename="../../src/posko/ui/merge_dialog.py" line="206"/>
        <source>Penggabungan dapat dibatalkan oleh supervisor hanya hari ini.</source>
        <translation>A supervisor can undo the merge today only.</translation>
    </message>
    <message>
        <location filename="../../src/posko/ui/merge_dialog.py" line="223"/>
        <source>Hanya camat/sekcam (supervisor) yang boleh menggabungkan tiket.</source>
        <translation>Only the camat/sekcam (supervisor) may merge tickets.</translation>
    </message>
    <message>
        <location filename="../../src/posko/ui/merge_dialog.py" line="232"/>
        <source>Menggabungkan…</source>
        <translation>Merging…</translation>
    </message>
    <message>
        <location filename="../../forms/merge_dialog.ui" line="9"/>
        <source>Gabungkan tiket</source>
        <translation>Merge tickets</translation>
    </message>
    <message>
        <location filename="../../forms/merge_dialog.ui" line="15"/>
        <source>Tiket-tiket ini tentang masalah yang sama? Pilih satu tiket utama; tiket lain akan berstatus digabung dan menunjuk ke tiket utama.</source>
        <translation>Are these tickets about the same problem? Choose one ticket to keep; the others will become merged and point to it.</translation>
    </message>
    <message>
        <location filename="../../forms/merge_dialog.ui" line="38"/>
        <source>Peran</source>
        <translation>Role</translation>
    </message>
    <message>
        <location filename="../../forms/merge_dialog.ui" line="43"/>
        <source>Kode pelacakan</source>
        <translation>Tracking code</translation>
    </message>
    <message>
        <location filename="../../forms/merge_dialog.ui" line="48"/>
        <source>Kategori</source>
        <translation>Category</translation>
    </message>
    <message>
        <location filename="../../forms/merge_dialog.ui" line="53"/>
        <source>Kelurahan</source>
        <translation>Kelurahan</translation>
    </message>
    <message>
        <location filename="../../forms/merge_dialog.ui" line="58"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../forms/merge_dialog.ui" line="63"/>
        <source>Dibuat</source>
        <translation>Created</translation>
    </message>
    <message>
        <location filename="../../forms/merge_dialog.ui" line="68"/>
        <source>Nomor aplikasi</source>
        <translation>App numbers</translation>
    </message>
    <message>
        <location filename="../../forms/merge_dialog.ui" line="73"/>
        <source>Tindak lanjut</source>
        <translation>Follow-ups</translation>
    </message>
    <message>
        <location filename="../../forms/merge_dialog.ui" line="83"/>
        <source>&amp;Tiket utama</source>
        <translation>&amp;Ticket to keep</translation>
    </message>
    <message>
        <location filename="../../forms/merge_dialog.ui" line="96"/>
        <source>&amp;Catatan</source>
        <translation>&amp;Note</translation>
    </message>
    <message>
        <location filename="../../forms/merge_dialog.ui" line="109"/>
        <source>boleh dikosongkan, mis. lokasi dan masalah sama</source>
        <translation>optional, e.g. same place and same problem</translation>
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
        <location filename="../../src/posko/ui/settings_dialog.py" line="129"/>
        <source>Simpan</source>
        <translation>Save</translation>
    </message>
    <message>
        <location filename="../../src/posko/ui/settings_dialog.py" line="130"/>
        <source>Batal</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../src/posko/ui/settings_dialog.py" line="146"/>
        <source> hari</source>
        <translation> days</translation>
    </message>
    <message>
        <location filename="../../src/posko/ui/settings_dialog.py" line="180"/>
        <source>(tersimpan di keyring)</source>
        <translation>(kept in the keyring)</translation>
    </message>
    <message>
        <location filename="../../src/posko/ui/settings_dialog.py" line="182"/>
        <source>(tersimpan di keyring) Isi kunci baru hanya untuk menggantinya.</source>
        <translation>(kept in the keyring) Enter a new key only to replace it.</translation>
    </message>
    <message>
        <location filename="../../src/posko/ui/settings_dialog.py" line="185"/>
        <location filename="../../forms/settings_dialog.ui" line="321"/>
        <source>kosongkan bila server tidak memintanya</source>
        <translation>leave empty if the server does not ask for one</translation>
    </message>
    <message>
        <location filename="../../src/posko/ui/settings_dialog.py" line="187"/>
        <source>Belum ada kunci API. Kunci disimpan di keyring sistem, bukan di pengaturan.</source>
        <translation>No API key yet. The key is kept in the system keyring, not in the settings.</translation>
    </message>
    <message>
        <location filename="../../src/posko/ui/settings_dialog.py" line="209"/>
        <source>Terdaftar di %1.</source>
        <translation>Enrolled with %1.</translation>
    </message>
    <message>
        <location filename="../../src/posko/ui/settings_dialog.py" line="210"/>
        <source>Belum terdaftar: meja bekerja luring dan menyimpan semua data.</source>
        <translation>Not enrolled: the desk works offline and keeps all data.</translation>
    </message>
    <message>
        <location filename="../../src/posko/ui/settings_dialog.py" line="220"/>
        <source>Isi kode pendaftaran dari admin kota.</source>
        <translation>Enter the enrolment code from the city administrator.</translation>
    </message>
    <message>
        <location filename="../../src/posko/ui/settings_dialog.py" line="224"/>
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
        <source>Data pribadi (UU PDP)</source>
        <translation>Personal data (PDP Law)</translation>
    </message>
    <message>
        <location filename="../../forms/settings_dialog.ui" line="361"/>
        <source>&amp;Masa simpan data pelapor</source>
        <translation>Reporter data &amp;retention</translation>
    </message>
    <message>
        <location filename="../../forms/settings_dialog.ui" line="384"/>
        <source>Dihitung sejak tiket ditutup. Permintaan hapus data warga menunggu selama ini (0 = segera setelah ditutup). Hanya camat/sekcam yang dapat mengubahnya.</source>
        <translation>Counted from when a ticket is closed. A citizen&apos;s erasure request waits this long (0 = as soon as it is closed). Only the camat/sekcam can change it.</translation>
    </message>
    <message>
        <location filename="../../forms/settings_dialog.ui" line="397"/>
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
    <message>
        <location filename="../../src/posko/ui/startup.py" line="98"/>
        <source>Memperbarui basis data Posko ke versi baru… Ini dapat memakan waktu beberapa menit. Jangan matikan komputer.</source>
        <translation>Upgrading the Posko database to the new version… This can take a few minutes. Do not switch the computer off.</translation>
    </message>
</context>
<context>
    <name>SyncBadge</name>
    <message>
        <location filename="../../src/posko/ui/ticket_table.py" line="46"/>
        <source>Terkirim</source>
        <translation>Sent</translation>
    </message>
    <message>
        <location filename="../../src/posko/ui/ticket_table.py" line="47"/>
        <source>Menunggu</source>
        <translation>Waiting</translation>
    </message>
    <message>
        <location filename="../../src/posko/ui/ticket_table.py" line="48"/>
        <source>Lokal saja</source>
        <translation>Local only</translation>
    </message>
    <message>
        <location filename="../../src/posko/ui/ticket_table.py" line="49"/>
        <source>Perlu perhatian</source>
        <translation>Needs attention</translation>
    </message>
    <message>
        <location filename="../../src/posko/ui/ticket_table.py" line="57"/>
        <source>Sudah diterima server kota.</source>
        <translation>Received by the city server.</translation>
    </message>
</context>
<context>
    <name>SyncStatus</name>
    <message>
        <location filename="../../src/posko/ui/sync_status.py" line="110"/>
        <source>Meja belum terdaftar di server kota (Pengaturan, atau posko enrol URL KODE). Semua data tetap tersimpan di meja ini dan akan dikirim nanti.</source>
        <translation>This desk is not enrolled with the city server yet (Settings, or posko enrol URL CODE). All data stays saved on this desk and will be sent later.</translation>
    </message>
    <message>
        <location filename="../../src/posko/ui/sync_status.py" line="133"/>
        <source>● Daring (online)</source>
        <translation>● Online</translation>
    </message>
    <message>
        <location filename="../../src/posko/ui/sync_status.py" line="136"/>
        <source>● Luring (offline)</source>
        <translation>● Offline</translation>
    </message>
    <message>
        <location filename="../../src/posko/ui/sync_status.py" line="166"/>
        <source>Menyinkronkan…</source>
        <translation>Syncing…</translation>
    </message>
    <message>
        <location filename="../../src/posko/ui/sync_status.py" line="184"/>
        <source>Menyinkronkan: %1 terkirim, %2 diterima</source>
        <translation>Syncing: %1 sent, %2 received</translation>
    </message>
    <message>
        <location filename="../../src/posko/ui/sync_status.py" line="195"/>
        <source>Sinkron gagal: %1</source>
        <translation>Sync failed: %1</translation>
    </message>
    <message>
        <location filename="../../src/posko/ui/sync_status.py" line="198"/>
        <source>Sinkron terakhir: %1 (%2 terkirim, %3 diterima)</source>
        <translation>Last sync: %1 (%2 sent, %3 received)</translation>
    </message>
    <message>
        <location filename="../../src/posko/ui/sync_status.py" line="206"/>
        <source>Sinkron gagal; data tetap aman di meja ini.</source>
        <translation>Sync failed; the data stays safe on this desk.</translation>
    </message>
    <message>
        <location filename="../../src/posko/ui/sync_status.py" line="219"/>
        <source>Sinkronkan sekarang</source>
        <translation>Sync now</translation>
    </message>
</context>
<context>
    <name>TicketDetailDialog</name>
    <message>
        <location filename="../../src/posko/ui/ticket_detail.py" line="184"/>
        <source>Tutup</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../src/posko/ui/ticket_detail.py" line="231"/>
        <location filename="../../src/posko/ui/ticket_detail.py" line="232"/>
        <source>Tiket tidak ditemukan</source>
        <translation>Ticket not found</translation>
    </message>
    <message>
        <location filename="../../src/posko/ui/ticket_detail.py" line="243"/>
        <source>Tiket %1</source>
        <translation>Ticket %1</translation>
    </message>
    <message>
        <location filename="../../src/posko/ui/ticket_detail.py" line="267"/>
        <source>Datang langsung ke meja</source>
        <translation>Walk-in at the desk</translation>
    </message>
    <message>
        <location filename="../../src/posko/ui/ticket_detail.py" line="268"/>
        <source>Dibantu petugas (mode pendampingan)</source>
        <translation>Helped by an officer (assisted mode)</translation>
    </message>
    <message>
        <location filename="../../src/posko/ui/ticket_detail.py" line="269"/>
        <source>Dari aplikasi</source>
        <translation>From an app</translation>
    </message>
    <message>
        <location filename="../../src/posko/ui/ticket_detail.py" line="281"/>
        <source>RW %1</source>
        <translation>RW %1</translation>
    </message>
    <message>
        <location filename="../../src/posko/ui/ticket_detail.py" line="283"/>
        <source>RT %1</source>
        <translation>RT %1</translation>
    </message>
    <message>
        <location filename="../../src/posko/ui/ticket_detail.py" line="292"/>
        <source>Anonim (identitas hanya disimpan di kecamatan)</source>
        <translation>Anonymous (identity kept at the kecamatan only)</translation>
    </message>
    <message>
        <location filename="../../src/posko/ui/ticket_detail.py" line="294"/>
        <source>Anonim: %1 (tidak diteruskan ke instansi)</source>
        <translation>Anonymous: %1 (not passed to agencies)</translation>
    </message>
    <message>
        <location filename="../../src/posko/ui/ticket_detail.py" line="296"/>
        <source>Atas nama kecamatan (temuan petugas)</source>
        <translation>On behalf of the kecamatan (officer&apos;s own finding)</translation>
    </message>
    <message>
        <location filename="../../src/posko/ui/ticket_detail.py" line="300"/>
        <location filename="../../src/posko/ui/ticket_detail.py" line="301"/>
        <source>tidak ada</source>
        <translation>none</translation>
    </message>
    <message>
        <location filename="../../src/posko/ui/ticket_detail.py" line="304"/>
        <location filename="../../forms/ticket_detail.ui" line="271"/>
        <source>Telepon</source>
        <translation>Phone</translation>
    </message>
    <message>
        <location filename="../../src/posko/ui/ticket_detail.py" line="305"/>
        <source>SMS</source>
        <translation>SMS</translation>
    </message>
    <message>
        <location filename="../../src/posko/ui/ticket_detail.py" line="306"/>
        <source>WhatsApp</source>
        <translation>WhatsApp</translation>
    </message>
    <message>
        <location filename="../../src/posko/ui/ticket_detail.py" line="307"/>
        <source>Tidak perlu dihubungi</source>
        <translation>No contact needed</translation>
    </message>
    <message>
        <location filename="../../src/posko/ui/ticket_detail.py" line="309"/>
        <source>%1, %2</source>
        <translation>%1, %2</translation>
    </message>
    <message>
        <location filename="../../src/posko/ui/ticket_detail.py" line="311"/>
        <source>Ya, dicatat</source>
        <translation>Yes, recorded</translation>
    </message>
    <message>
        <location filename="../../src/posko/ui/ticket_detail.py" line="312"/>
        <source>Tidak dicatat</source>
        <translation>Not recorded</translation>
    </message>
    <message>
        <location filename="../../src/posko/ui/ticket_detail.py" line="317"/>
        <source>(belum ada)</source>
        <translation>(none yet)</translation>
    </message>
    <message>
        <location filename="../../src/posko/ui/ticket_detail.py" line="324"/>
        <source>%1 — berkas hilang; pulihkan folder &apos;attachments&apos; dari cadangan</source>
        <translation>%1 — file missing; restore the &apos;attachments&apos; folder from a backup</translation>
    </message>
    <message>
        <location filename="../../src/posko/ui/ticket_detail.py" line="329"/>
        <location filename="../../src/posko/ui/ticket_detail.py" line="458"/>
        <location filename="../../src/posko/ui/ticket_detail.py" line="465"/>
        <source>(tidak ada)</source>
        <translation>(none)</translation>
    </message>
    <message>
        <location filename="../../src/posko/ui/ticket_detail.py" line="334"/>
        <location filename="../../src/posko/ui/ticket_detail.py" line="923"/>
        <source>Meja</source>
        <translation>Desk</translation>
    </message>
    <message>
        <location filename="../../src/posko/ui/ticket_detail.py" line="335"/>
        <source>Server kota</source>
        <translation>City server</translation>
    </message>
    <message>
        <location filename="../../src/posko/ui/ticket_detail.py" line="336"/>
        <source>Instansi</source>
        <translation>Agency</translation>
    </message>
    <message>
        <location filename="../../src/posko/ui/ticket_detail.py" line="337"/>
        <source>Warga</source>
        <translation>Citizen</translation>
    </message>
    <message>
        <location filename="../../src/posko/ui/ticket_detail.py" line="343"/>
        <source>diteruskan ke %1</source>
        <translation>passed to %1</translation>
    </message>
    <message>
        <location filename="../../src/posko/ui/ticket_detail.py" line="345"/>
        <source>digabung ke %1</source>
        <translation>merged into %1</translation>
    </message>
    <message>
        <location filename="../../src/posko/ui/ticket_detail.py" line="349"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../src/posko/ui/ticket_detail.py" line="352"/>
        <source>Ditanyakan oleh %1</source>
        <translation>Asked by %1</translation>
    </message>
    <message>
        <location filename="../../src/posko/ui/ticket_detail.py" line="353"/>
        <source>Ditanyakan oleh warga</source>
        <translation>Asked by a citizen</translation>
    </message>
    <message>
        <location filename="../../src/posko/ui/ticket_detail.py" line="358"/>
        <source>%1 (paling lambat %2)</source>
        <translation>%1 (by %2)</translation>
    </message>
    <message>
        <location filename="../../src/posko/ui/ticket_detail.py" line="360"/>
        <location filename="../../src/posko/ui/ticket_detail.py" line="761"/>
        <source>Tindak lanjut</source>
        <translation>Follow-up</translation>
    </message>
    <message>
        <location filename="../../src/posko/ui/ticket_detail.py" line="364"/>
        <location filename="../../src/posko/ui/ticket_detail.py" line="759"/>
        <source>Catatan</source>
        <translation>Note</translation>
    </message>
    <message>
        <location filename="../../src/posko/ui/ticket_detail.py" line="391"/>
        <source>LEWAT TENGGAT</source>
        <translation>OVERDUE</translation>
    </message>
    <message>
        <location filename="../../src/posko/ui/ticket_detail.py" line="393"/>
        <source>terpenuhi %1, terlambat</source>
        <translation>met %1, late</translation>
    </message>
    <message>
        <location filename="../../src/posko/ui/ticket_detail.py" line="394"/>
        <source>terpenuhi %1</source>
        <translation>met %1</translation>
    </message>
    <message>
        <location filename="../../src/posko/ui/ticket_detail.py" line="396"/>
        <source>tiket sudah ditutup</source>
        <translation>ticket closed</translation>
    </message>
    <message>
        <location filename="../../src/posko/ui/ticket_detail.py" line="399"/>
        <source>sisa %1 hari kerja</source>
        <translation>%1 working days left</translation>
    </message>
    <message>
        <location filename="../../src/posko/ui/ticket_detail.py" line="400"/>
        <source>hari ini tenggat terakhir</source>
        <translation>due today</translation>
    </message>
    <message>
        <location filename="../../src/posko/ui/ticket_detail.py" line="423"/>
        <source>Tandai selesai</source>
        <translation>Mark as resolved</translation>
    </message>
    <message>
        <location filename="../../src/posko/ui/ticket_detail.py" line="425"/>
        <source>Sudah diperiksa: hapus dari daftar konflik (data di meja ini tidak berubah).</source>
        <translation>Checked: remove from the conflict list (the data on this desk does not change).</translation>
    </message>
    <message>
        <location filename="../../src/posko/ui/ticket_detail.py" line="430"/>
        <source>Konflik sinkronisasi (%1)</source>
        <translation>Sync conflicts (%1)</translation>
    </message>
    <message>
        <location filename="../../src/posko/ui/ticket_detail.py" line="495"/>
        <source>— selesai; buka kembali lewat &quot;Minta tindak lanjut&quot; —</source>
        <translation>— done; reopen it through &quot;Request follow-up&quot; —</translation>
    </message>
    <message>
        <location filename="../../src/posko/ui/ticket_detail.py" line="625"/>
        <source>Hasil tindak lanjut sudah diperiksa dan masalahnya beres: tiket menjadi selesai.</source>
        <translation>The follow-up was checked and the problem is fixed: the ticket becomes done.</translation>
    </message>
    <message>
        <location filename="../../src/posko/ui/ticket_detail.py" line="627"/>
        <source>Masalahnya belum beres: tiket dikembalikan ke instansi (diproses), dengan alasan.</source>
        <translation>The problem is not fixed: the ticket goes back to the agency (in progress), with a reason.</translation>
    </message>
    <message>
        <location filename="../../src/posko/ui/ticket_detail.py" line="672"/>
        <source>Tuliskan alasan penolakan: apa yang belum beres dari tindak lanjut instansi?</source>
        <translation>Write the reason for the rejection: what is still not fixed after the agency&apos;s follow-up?</translation>
    </message>
    <message>
        <location filename="../../src/posko/ui/ticket_detail.py" line="711"/>
        <source>Sinkron: %1</source>
        <translation>Sync: %1</translation>
    </message>
    <message>
        <location filename="../../src/posko/ui/ticket_detail.py" line="717"/>
        <source>%1, %2: %3</source>
        <translation>%1, %2: %3</translation>
    </message>
    <message>
        <location filename="../../src/posko/ui/ticket_detail.py" line="757"/>
        <source>Tiket baru</source>
        <translation>New ticket</translation>
    </message>
    <message>
        <location filename="../../src/posko/ui/ticket_detail.py" line="758"/>
        <source>Perubahan status</source>
        <translation>Status change</translation>
    </message>
    <message>
        <location filename="../../src/posko/ui/ticket_detail.py" line="861"/>
        <source>Kembalikan tiket-tiket ke status sebelum digabung; nomor aplikasi dan tindak lanjut kembali ke tiket asalnya. Hanya hari ini, oleh supervisor.</source>
        <translation>Put the tickets back to their status before the merge; app numbers and follow-ups return to their own ticket. Today only, by a supervisor.</translation>
    </message>
    <message>
        <location filename="../../src/posko/ui/ticket_detail.py" line="880"/>
        <source>Digabung ke %1</source>
        <translation>Merged into %1</translation>
    </message>
    <message>
        <location filename="../../src/posko/ui/ticket_detail.py" line="881"/>
        <source>oleh %1, %2</source>
        <translation>by %1, %2</translation>
    </message>
    <message>
        <location filename="../../src/posko/ui/ticket_detail.py" line="888"/>
        <source>Buka tiket %1</source>
        <translation>Open ticket %1</translation>
    </message>
    <message>
        <location filename="../../src/posko/ui/ticket_detail.py" line="898"/>
        <source>Server kota menolak penggabungan tiket %1 ke tiket ini (%2). Semua tiket dikembalikan seperti sebelum digabung; lihat konflik sinkronisasi.</source>
        <translation>The city server refused merging ticket %1 into this ticket (%2). All tickets were put back as before the merge; see the sync conflicts.</translation>
    </message>
    <message>
        <location filename="../../src/posko/ui/ticket_detail.py" line="903"/>
        <source>Server kota menolak penggabungan tiket ini ke %1 (%2). Tiket ini dikembalikan seperti sebelum digabung; lihat konflik sinkronisasi.</source>
        <translation>The city server refused merging this ticket into %1 (%2). This ticket was put back as before the merge; see the sync conflicts.</translation>
    </message>
    <message>
        <location filename="../../src/posko/ui/ticket_detail.py" line="917"/>
        <source>salah satu tiket sudah digabung di server</source>
        <translation>one of the tickets is already merged on the server</translation>
    </message>
    <message>
        <location filename="../../src/posko/ui/ticket_detail.py" line="918"/>
        <source>konflik</source>
        <translation>conflict</translation>
    </message>
    <message>
        <location filename="../../src/posko/ui/ticket_detail.py" line="929"/>
        <source>Tiket %1 digabung ke tiket ini</source>
        <translation>Ticket %1 was merged into this ticket</translation>
    </message>
    <message>
        <location filename="../../src/posko/ui/ticket_detail.py" line="933"/>
        <source>ditolak server kota, dikembalikan</source>
        <translation>refused by the city server, put back</translation>
    </message>
    <message>
        <location filename="../../src/posko/ui/ticket_detail.py" line="938"/>
        <source>Penggabungan tiket %1 dibatalkan</source>
        <translation>Merge of ticket %1 undone</translation>
    </message>
    <message>
        <location filename="../../src/posko/ui/ticket_detail.py" line="958"/>
        <source>Batalkan penggabungan</source>
        <translation>Undo merge</translation>
    </message>
    <message>
        <location filename="../../src/posko/ui/ticket_detail.py" line="959"/>
        <source>Batalkan penggabungan ke %1? Tiket yang digabung kembali ke status sebelumnya; nomor aplikasi dan tindak lanjutnya kembali.</source>
        <translation>Undo the merge into %1? The merged tickets return to their previous status; their app numbers and follow-ups go back.</translation>
    </message>
    <message>
        <location filename="../../src/posko/ui/ticket_detail.py" line="437"/>
        <source>%1 (kolom %2)</source>
        <translation>%1 (field %2)</translation>
    </message>
    <message>
        <location filename="../../src/posko/ui/ticket_detail.py" line="460"/>
        <source>status %1</source>
        <translation>status %1</translation>
    </message>
    <message>
        <location filename="../../src/posko/ui/ticket_detail.py" line="461"/>
        <source>(lihat riwayat)</source>
        <translation>(see the timeline)</translation>
    </message>
    <message>
        <location filename="../../src/posko/ui/ticket_detail.py" line="467"/>
        <source>(data pelapor, tidak ditampilkan)</source>
        <translation>(reporter data, not shown)</translation>
    </message>
    <message>
        <location filename="../../src/posko/ui/ticket_detail.py" line="493"/>
        <source>— pilih status baru —</source>
        <translation>— choose a new status —</translation>
    </message>
    <message>
        <location filename="../../src/posko/ui/ticket_detail.py" line="497"/>
        <source>— status akhir, tidak dapat diubah —</source>
        <translation>— final status, cannot change —</translation>
    </message>
    <message>
        <location filename="../../src/posko/ui/ticket_detail.py" line="506"/>
        <source>%1 (khusus supervisor)</source>
        <translation>%1 (supervisors only)</translation>
    </message>
    <message>
        <location filename="../../src/posko/ui/ticket_detail.py" line="511"/>
        <location filename="../../src/posko/ui/ticket_detail.py" line="562"/>
        <source>Hanya camat/sekcam (supervisor) yang boleh memilih status ini.</source>
        <translation>Only the camat/sekcam (supervisor) may choose this status.</translation>
    </message>
    <message>
        <location filename="../../src/posko/ui/ticket_detail.py" line="526"/>
        <source>boleh dikosongkan</source>
        <translation>may be left empty</translation>
    </message>
    <message>
        <location filename="../../src/posko/ui/ticket_detail.py" line="586"/>
        <source>Tulis catatannya dulu.</source>
        <translation>Type the note first.</translation>
    </message>
    <message>
        <location filename="../../src/posko/ui/ticket_detail.py" line="763"/>
        <location filename="../../src/posko/ui/ticket_detail.py" line="924"/>
        <source>Penggabungan</source>
        <translation>Merge</translation>
    </message>
    <message>
        <location filename="../../src/posko/ui/ticket_detail.py" line="764"/>
        <source>Pembatalan penggabungan</source>
        <translation>Merge undone</translation>
    </message>
    <message>
        <location filename="../../src/posko/ui/ticket_detail.py" line="765"/>
        <source>Penghapusan data pelapor</source>
        <translation>Reporter data erased</translation>
    </message>
    <message>
        <location filename="../../src/posko/ui/ticket_detail.py" line="792"/>
        <source>Buka pratinjau tanda terima (ditandai sebagai cetak ulang).</source>
        <translation>Open the receipt preview (marked as a reprint).</translation>
    </message>
    <message>
        <location filename="../../src/posko/ui/ticket_detail.py" line="843"/>
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
        <location filename="../../forms/ticket_detail.ui" line="206"/>
        <source>Rincian</source>
        <translation>Details</translation>
    </message>
    <message>
        <location filename="../../forms/ticket_detail.ui" line="212"/>
        <source>Kategori</source>
        <translation>Category</translation>
    </message>
    <message>
        <location filename="../../forms/ticket_detail.ui" line="226"/>
        <source>Lokasi</source>
        <translation>Location</translation>
    </message>
    <message>
        <location filename="../../forms/ticket_detail.ui" line="240"/>
        <source>Uraian</source>
        <translation>Description</translation>
    </message>
    <message>
        <location filename="../../forms/ticket_detail.ui" line="257"/>
        <source>Pelapor</source>
        <translation>Reporter</translation>
    </message>
    <message>
        <location filename="../../forms/ticket_detail.ui" line="281"/>
        <source>NIK</source>
        <translation>NIK</translation>
    </message>
    <message>
        <location filename="../../forms/ticket_detail.ui" line="291"/>
        <source>Dihubungi lewat</source>
        <translation>Contact by</translation>
    </message>
    <message>
        <location filename="../../forms/ticket_detail.ui" line="301"/>
        <source>Dicatat oleh</source>
        <translation>Recorded by</translation>
    </message>
    <message>
        <location filename="../../forms/ticket_detail.ui" line="315"/>
        <source>Persetujuan</source>
        <translation>Consent</translation>
    </message>
    <message>
        <location filename="../../src/posko/ui/ticket_detail.py" line="760"/>
        <location filename="../../forms/ticket_detail.ui" line="325"/>
        <source>Nomor aplikasi</source>
        <translation>App numbers</translation>
    </message>
    <message>
        <location filename="../../src/posko/ui/ticket_detail.py" line="762"/>
        <location filename="../../forms/ticket_detail.ui" line="339"/>
        <source>Lampiran</source>
        <translation>Attachments</translation>
    </message>
    <message>
        <location filename="../../forms/ticket_detail.ui" line="356"/>
        <source>Tenggat layanan (SLA, hari kerja)</source>
        <translation>Service deadlines (SLA, working days)</translation>
    </message>
    <message>
        <location filename="../../forms/ticket_detail.ui" line="372"/>
        <source>Tahap</source>
        <translation>Stage</translation>
    </message>
    <message>
        <location filename="../../forms/ticket_detail.ui" line="377"/>
        <source>Tenggat</source>
        <translation>Due</translation>
    </message>
    <message>
        <location filename="../../forms/ticket_detail.ui" line="382"/>
        <source>Keadaan</source>
        <translation>State</translation>
    </message>
    <message>
        <location filename="../../forms/ticket_detail.ui" line="397"/>
        <source>Riwayat</source>
        <translation>Timeline</translation>
    </message>
    <message>
        <location filename="../../forms/ticket_detail.ui" line="118"/>
        <location filename="../../forms/ticket_detail.ui" line="413"/>
        <source>Waktu</source>
        <translation>Time</translation>
    </message>
    <message>
        <location filename="../../forms/ticket_detail.ui" line="54"/>
        <source>Masukkan lagi perubahan yang tertahan ke antrean kirim, lalu sinkronkan. Tidak ada yang dihapus.</source>
        <translation>Put the held-back changes back in the send queue, then sync. Nothing is deleted.</translation>
    </message>
    <message>
        <location filename="../../forms/ticket_detail.ui" line="57"/>
        <source>&amp;Kirim ulang</source>
        <translation>&amp;Resend</translation>
    </message>
    <message>
        <location filename="../../forms/ticket_detail.ui" line="89"/>
        <source>Konflik sinkronisasi</source>
        <translation>Sync conflicts</translation>
    </message>
    <message>
        <location filename="../../forms/ticket_detail.ui" line="98"/>
        <source>Perubahan dari meja ini bertabrakan dengan data di server kota. Data server sudah dipakai di meja ini; periksa, lalu tandai selesai.</source>
        <translation>A change from this desk clashed with the data on the city server. The server&apos;s data is now used on this desk; check it, then mark it as resolved.</translation>
    </message>
    <message>
        <location filename="../../forms/ticket_detail.ui" line="123"/>
        <source>Perubahan</source>
        <translation>Change</translation>
    </message>
    <message>
        <location filename="../../forms/ticket_detail.ui" line="128"/>
        <source>Di meja ini</source>
        <translation>On this desk</translation>
    </message>
    <message>
        <location filename="../../forms/ticket_detail.ui" line="133"/>
        <source>Di server kota</source>
        <translation>On the city server</translation>
    </message>
    <message>
        <location filename="../../forms/ticket_detail.ui" line="173"/>
        <source>Buka tiket &amp;utama</source>
        <translation>Open the &amp;kept ticket</translation>
    </message>
    <message>
        <location filename="../../forms/ticket_detail.ui" line="180"/>
        <source>&amp;Batalkan penggabungan</source>
        <translation>&amp;Undo merge</translation>
    </message>
    <message>
        <location filename="../../forms/ticket_detail.ui" line="418"/>
        <source>Jenis</source>
        <translation>Kind</translation>
    </message>
    <message>
        <location filename="../../forms/ticket_detail.ui" line="423"/>
        <source>Keterangan</source>
        <translation>Details</translation>
    </message>
    <message>
        <location filename="../../forms/ticket_detail.ui" line="428"/>
        <source>Oleh</source>
        <translation>By</translation>
    </message>
    <message>
        <location filename="../../forms/ticket_detail.ui" line="433"/>
        <source>Sumber</source>
        <translation>Source</translation>
    </message>
    <message>
        <location filename="../../forms/ticket_detail.ui" line="438"/>
        <source>Janji</source>
        <translation>Promise</translation>
    </message>
    <message>
        <location filename="../../forms/ticket_detail.ui" line="443"/>
        <source>Sinkron</source>
        <translation>Sync</translation>
    </message>
    <message>
        <location filename="../../forms/ticket_detail.ui" line="454"/>
        <source>Tindakan</source>
        <translation>Actions</translation>
    </message>
    <message>
        <location filename="../../forms/ticket_detail.ui" line="460"/>
        <source>Validasi: instansi menyatakan selesai</source>
        <translation>Validation: the agency says it is done</translation>
    </message>
    <message>
        <location filename="../../forms/ticket_detail.ui" line="469"/>
        <source>Periksa hasilnya (dengan warga atau petugas lapangan), lalu konfirmasi selesai atau tolak tindak lanjut instansi.</source>
        <translation>Check the result (with the citizen or a field officer), then confirm it is done or reject the agency&apos;s follow-up.</translation>
    </message>
    <message>
        <location filename="../../forms/ticket_detail.ui" line="481"/>
        <source>&amp;Konfirmasi selesai</source>
        <translation>Con&amp;firm done</translation>
    </message>
    <message>
        <location filename="../../forms/ticket_detail.ui" line="488"/>
        <source>Tolak tindak &amp;lanjut…</source>
        <translation>Re&amp;ject follow-up…</translation>
    </message>
    <message>
        <location filename="../../forms/ticket_detail.ui" line="519"/>
        <source>&amp;Alasan</source>
        <translation>&amp;Reason</translation>
    </message>
    <message>
        <location filename="../../forms/ticket_detail.ui" line="532"/>
        <source>wajib: apa yang belum beres dari tindak lanjut instansi?</source>
        <translation>required: what is still not fixed after the agency&apos;s follow-up?</translation>
    </message>
    <message>
        <location filename="../../forms/ticket_detail.ui" line="539"/>
        <source>Kirim &amp;penolakan</source>
        <translation>&amp;Send rejection</translation>
    </message>
    <message>
        <location filename="../../forms/ticket_detail.ui" line="546"/>
        <source>Batal</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../forms/ticket_detail.ui" line="571"/>
        <source>&amp;Status baru</source>
        <translation>New &amp;status</translation>
    </message>
    <message>
        <location filename="../../forms/ticket_detail.ui" line="593"/>
        <source>&amp;Ubah status</source>
        <translation>&amp;Change status</translation>
    </message>
    <message>
        <location filename="../../forms/ticket_detail.ui" line="602"/>
        <source>&amp;Instansi tujuan</source>
        <translation>&amp;Passed to agency</translation>
    </message>
    <message>
        <location filename="../../forms/ticket_detail.ui" line="615"/>
        <source>mis. PLN UP3 Jakarta Timur</source>
        <translation>e.g. PLN UP3 Jakarta Timur</translation>
    </message>
    <message>
        <location filename="../../forms/ticket_detail.ui" line="622"/>
        <source>Alasan / catatan s&amp;tatus</source>
        <translation>Reason / s&amp;tatus note</translation>
    </message>
    <message>
        <location filename="../../forms/ticket_detail.ui" line="649"/>
        <source>Catatan petugas (hanya terlihat di kecamatan)</source>
        <translation>Officer&apos;s note (visible at the kecamatan only)</translation>
    </message>
    <message>
        <location filename="../../forms/ticket_detail.ui" line="656"/>
        <source>Tambah &amp;catatan</source>
        <translation>Add &amp;note</translation>
    </message>
    <message>
        <location filename="../../forms/ticket_detail.ui" line="677"/>
        <source>Nomor di aplikasi lain, mis. QLUE 1234567 atau LAPOR 5512</source>
        <translation>Number in another app, e.g. QLUE 1234567 or LAPOR 5512</translation>
    </message>
    <message>
        <location filename="../../forms/ticket_detail.ui" line="684"/>
        <source>Tambah &amp;nomor</source>
        <translation>Add n&amp;umber</translation>
    </message>
    <message>
        <location filename="../../forms/ticket_detail.ui" line="705"/>
        <source>Minta &amp;tindak lanjut…</source>
        <translation>Request &amp;follow-up…</translation>
    </message>
    <message>
        <location filename="../../forms/ticket_detail.ui" line="712"/>
        <source>Cetak ulang tanda t&amp;erima</source>
        <translation>R&amp;eprint receipt</translation>
    </message>
    <message>
        <location filename="../../forms/ticket_detail.ui" line="719"/>
        <source>Buka pratinjau berkas kasus lengkap (A4): data, riwayat, tindak lanjut, tenggat SLA dan foto. Pencetakan dicatat.</source>
        <translation>Open the preview of the full case file (A4): details, timeline, follow-ups, SLA deadlines and photos. The printout is recorded.</translation>
    </message>
    <message>
        <location filename="../../forms/ticket_detail.ui" line="722"/>
        <source>Cetak &amp;berkas kasus…</source>
        <translation>Print case fi&amp;le…</translation>
    </message>
    <message>
        <location filename="../../forms/ticket_detail.ui" line="729"/>
        <source>Catatan internal hanya untuk kecamatan: jangan sertakan bila berkas diberikan kepada warga atau instansi.</source>
        <translation>Internal notes are for the kecamatan only: leave them out when the file goes to a citizen or an agency.</translation>
    </message>
    <message>
        <location filename="../../forms/ticket_detail.ui" line="732"/>
        <source>Sertakan catatan inte&amp;rnal</source>
        <translation>Include inte&amp;rnal notes</translation>
    </message>
</context>
<context>
    <name>TicketTableModel</name>
    <message>
        <location filename="../../src/posko/ui/ticket_table.py" line="83"/>
        <source>Anonim</source>
        <translation>Anonymous</translation>
    </message>
    <message>
        <location filename="../../src/posko/ui/ticket_table.py" line="85"/>
        <source>Kecamatan</source>
        <translation>Kecamatan</translation>
    </message>
    <message>
        <location filename="../../src/posko/ui/ticket_table.py" line="125"/>
        <source>Kode pelacakan</source>
        <translation>Tracking code</translation>
    </message>
    <message>
        <location filename="../../src/posko/ui/ticket_table.py" line="126"/>
        <source>Tanggal</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../src/posko/ui/ticket_table.py" line="127"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../src/posko/ui/ticket_table.py" line="128"/>
        <source>Umur / SLA</source>
        <translation>Age / SLA</translation>
    </message>
    <message>
        <location filename="../../src/posko/ui/ticket_table.py" line="129"/>
        <source>Kategori</source>
        <translation>Category</translation>
    </message>
    <message>
        <location filename="../../src/posko/ui/ticket_table.py" line="130"/>
        <source>Nomor aplikasi</source>
        <translation>App number</translation>
    </message>
    <message>
        <location filename="../../src/posko/ui/ticket_table.py" line="131"/>
        <source>Pelapor</source>
        <translation>Reporter</translation>
    </message>
    <message>
        <location filename="../../src/posko/ui/ticket_table.py" line="132"/>
        <source>Sinkron</source>
        <translation>Sync</translation>
    </message>
    <message>
        <location filename="../../src/posko/ui/ticket_table.py" line="133"/>
        <source>Uraian</source>
        <translation>Description</translation>
    </message>
    <message>
        <location filename="../../src/posko/ui/ticket_table.py" line="189"/>
        <source>%1 hari</source>
        <translation>%1 days</translation>
    </message>
    <message>
        <location filename="../../src/posko/ui/ticket_table.py" line="191"/>
        <source>terlambat %1 hari kerja</source>
        <translation>%1 working days late</translation>
    </message>
</context>
</TS>
