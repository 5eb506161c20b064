<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="id_ID">
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
        <location filename="../../src/posko/ui/intake_page.py" line="77"/>
        <source>Pencetakan tersedia setelah modul tanda terima dipasang.</source>
        <translation>Printing becomes available once the receipts module is installed.</translation>
    </message>
    <message>
        <location filename="../../src/posko/ui/intake_page.py" line="128"/>
        <source>Warga (bernama)</source>
        <translation>Citizen (named)</translation>
    </message>
    <message>
        <location filename="../../src/posko/ui/intake_page.py" line="129"/>
        <source>Warga tanpa nama (anonim)</source>
        <translation>Citizen without a name (anonymous)</translation>
    </message>
    <message>
        <location filename="../../src/posko/ui/intake_page.py" line="130"/>
        <source>Atas nama kecamatan (temuan petugas)</source>
        <translation>On behalf of the kecamatan (officer&apos;s finding)</translation>
    </message>
    <message>
        <location filename="../../src/posko/ui/intake_page.py" line="133"/>
        <source>Telepon</source>
        <translation>Phone</translation>
    </message>
    <message>
        <location filename="../../src/posko/ui/intake_page.py" line="134"/>
        <source>SMS</source>
        <translation>SMS</translation>
    </message>
    <message>
        <location filename="../../src/posko/ui/intake_page.py" line="135"/>
        <source>WhatsApp</source>
        <translation>WhatsApp</translation>
    </message>
    <message>
        <location filename="../../src/posko/ui/intake_page.py" line="136"/>
        <source>Tidak perlu dihubungi</source>
        <translation>No contact needed</translation>
    </message>
    <message>
        <location filename="../../src/posko/ui/intake_page.py" line="147"/>
        <source>Melayani nomor antrean %1</source>
        <translation>Serving queue number %1</translation>
    </message>
    <message>
        <location filename="../../src/posko/ui/intake_page.py" line="355"/>
        <source>Mungkin sudah pernah dilaporkan (%1)</source>
        <translation>Possibly reported already (%1)</translation>
    </message>
    <message>
        <location filename="../../src/posko/ui/intake_page.py" line="381"/>
        <source>Warga datang melaporkan hal yang sama (dukungan).</source>
        <translation>A citizen came to report the same thing (support).</translation>
    </message>
    <message>
        <location filename="../../src/posko/ui/intake_page.py" line="389"/>
        <source>Dicatat sebagai dukungan untuk tiket:</source>
        <translation>Recorded as support for ticket:</translation>
    </message>
    <message>
        <location filename="../../src/posko/ui/intake_page.py" line="398"/>
        <source>Pilih foto</source>
        <translation>Choose photo</translation>
    </message>
    <message>
        <location filename="../../src/posko/ui/intake_page.py" line="398"/>
        <source>Gambar (*.jpg *.jpeg *.png *.heic)</source>
        <translation>Images (*.jpg *.jpeg *.png *.heic)</translation>
    </message>
    <message>
        <location filename="../../src/posko/ui/intake_page.py" line="409"/>
        <location filename="../../forms/intake_page.ui" line="103"/>
        <source>Belum ada foto</source>
        <translation>No photos yet</translation>
    </message>
    <message>
        <location filename="../../src/posko/ui/intake_page.py" line="445"/>
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
        <location filename="../../src/posko/ui/lookup_page.py" line="38"/>
        <source>Sedang luring: pencarian di server tersedia setelah meja terhubung ke server kota.</source>
        <translation>Offline: searching the server becomes available once this desk is connected to the city server.</translation>
    </message>
    <message>
        <location filename="../../src/posko/ui/lookup_page.py" line="52"/>
        <source>%1 hasil</source>
        <translation>%1 results</translation>
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
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../src/posko/ui/main_window.py" line="40"/>
        <source>Posko — Kecamatan %1, Meja %2</source>
        <translation>Posko — Kecamatan %1, Desk %2</translation>
    </message>
    <message>
        <location filename="../../src/posko/ui/main_window.py" line="43"/>
        <source>Petugas: %1 · Kecamatan %2 · Meja %3</source>
        <translation>Officer: %1 · Kecamatan %2 · Desk %3</translation>
    </message>
    <message>
        <location filename="../../src/posko/ui/main_window.py" line="54"/>
        <source>● Luring (offline)</source>
        <translation>● Offline</translation>
    </message>
    <message>
        <location filename="../../src/posko/ui/main_window.py" line="57"/>
        <source>Sinkron terakhir: belum pernah</source>
        <translation>Last sync: never</translation>
    </message>
    <message>
        <location filename="../../src/posko/ui/main_window.py" line="58"/>
        <source>Sinkronkan sekarang</source>
        <translation>Sync now</translation>
    </message>
    <message>
        <location filename="../../src/posko/ui/main_window.py" line="61"/>
        <source>Sinkronisasi tersedia setelah meja didaftarkan ke server kota. Semua data tetap tersimpan di meja ini dan akan dikirim nanti.</source>
        <translation>Sync becomes available once this desk is enrolled with the city server. All data stays saved on this desk and will be sent later.</translation>
    </message>
    <message>
        <location filename="../../src/posko/ui/main_window.py" line="122"/>
        <source>Rincian tiket belum tersedia.</source>
        <translation>Ticket details are not available yet.</translation>
    </message>
    <message>
        <location filename="../../src/posko/ui/main_window.py" line="146"/>
        <source>Tiket %1 tersimpan.</source>
        <translation>Ticket %1 saved.</translation>
    </message>
    <message>
        <location filename="../../src/posko/ui/main_window.py" line="155"/>
        <source>Menunggu dikirim: %1</source>
        <translation>Waiting to send: %1</translation>
    </message>
    <message>
        <location filename="../../src/posko/ui/main_window.py" line="179"/>
        <source>Formulir belum disimpan</source>
        <translation>Form not saved</translation>
    </message>
    <message>
        <location filename="../../src/posko/ui/main_window.py" line="180"/>
        <source>Pengaduan yang sedang diisi belum disimpan. Tutup juga? Isian disimpan sebagai draf dan ditawarkan lagi saat Posko dibuka.</source>
        <translation>The complaint being typed is not saved. Close anyway? It is kept as a draft and offered again when Posko opens.</translation>
    </message>
    <message>
        <location filename="../../src/posko/ui/main_window.py" line="198"/>
        <source>Pulihkan isian?</source>
        <translation>Restore the form?</translation>
    </message>
    <message>
        <location filename="../../src/posko/ui/main_window.py" line="199"/>
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
        <location filename="../../forms/main_window.ui" line="64"/>
        <source>&amp;Tampilan</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <location filename="../../forms/main_window.ui" line="77"/>
        <source>Mode &amp;pendampingan (warga lansia)</source>
        <translation>&amp;Assisted mode (elderly citizens)</translation>
    </message>
    <message>
        <location filename="../../forms/main_window.ui" line="80"/>
        <source>Ctrl+M</source>
        <translation>Ctrl+M</translation>
    </message>
    <message>
        <location filename="../../forms/main_window.ui" line="85"/>
        <source>&amp;Pengaturan…</source>
        <translation>&amp;Settings…</translation>
    </message>
    <message>
        <location filename="../../forms/main_window.ui" line="88"/>
        <source>Ctrl+,</source>
        <translation>Ctrl+,</translation>
    </message>
    <message>
        <location filename="../../forms/main_window.ui" line="93"/>
        <source>&amp;Keluar akun petugas</source>
        <translation>&amp;Sign out</translation>
    </message>
    <message>
        <location filename="../../forms/main_window.ui" line="98"/>
        <source>&amp;Tutup aplikasi</source>
        <translation>&amp;Quit</translation>
    </message>
    <message>
        <location filename="../../forms/main_window.ui" line="101"/>
        <source>Ctrl+Q</source>
        <translation>Ctrl+Q</translation>
    </message>
    <message>
        <location filename="../../forms/main_window.ui" line="106"/>
        <source>Perbesar tulisan</source>
        <translation>Larger text</translation>
    </message>
    <message>
        <location filename="../../forms/main_window.ui" line="109"/>
        <source>Ctrl++</source>
        <translation>Ctrl++</translation>
    </message>
    <message>
        <location filename="../../forms/main_window.ui" line="114"/>
        <source>Perkecil tulisan</source>
        <translation>Smaller text</translation>
    </message>
    <message>
        <location filename="../../forms/main_window.ui" line="117"/>
        <source>Ctrl+-</source>
        <translation>Ctrl+-</translation>
    </message>
    <message>
        <location filename="../../forms/main_window.ui" line="122"/>
        <source>Ukuran tulisan normal</source>
        <translation>Normal text size</translation>
    </message>
    <message>
        <location filename="../../forms/main_window.ui" line="125"/>
        <source>Ctrl+0</source>
        <translation>Ctrl+0</translation>
    </message>
</context>
<context>
    <name>QueuePage</name>
    <message>
        <location filename="../../src/posko/ui/queue_page.py" line="35"/>
        <source>menunggu</source>
        <translation>waiting</translation>
    </message>
    <message>
        <location filename="../../src/posko/ui/queue_page.py" line="36"/>
        <source>sedang dilayani</source>
        <translation>being served</translation>
    </message>
    <message>
        <location filename="../../src/posko/ui/queue_page.py" line="37"/>
        <source>selesai dilayani</source>
        <translation>served</translation>
    </message>
    <message>
        <location filename="../../src/posko/ui/queue_page.py" line="38"/>
        <source>pulang</source>
        <translation>went home</translation>
    </message>
    <message>
        <location filename="../../src/posko/ui/queue_page.py" line="58"/>
        <source>Menunggu: %1 · Sudah dilayani: %2 · Total hari ini: %3</source>
        <translation>Waiting: %1 · Served: %2 · Total today: %3</translation>
    </message>
    <message>
        <location filename="../../src/posko/ui/queue_page.py" line="68"/>
        <source>Nomor antrean baru: %1</source>
        <translation>New queue number: %1</translation>
    </message>
    <message>
        <location filename="../../src/posko/ui/queue_page.py" line="79"/>
        <source>Tidak ada yang menunggu</source>
        <translation>Nobody is waiting</translation>
    </message>
    <message>
        <location filename="../../src/posko/ui/queue_page.py" line="83"/>
        <source>Dipanggil: nomor %1</source>
        <translation>Called: number %1</translation>
    </message>
    <message>
        <location filename="../../src/posko/ui/queue_page.py" line="93"/>
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
    <name>TicketTableModel</name>
    <message>
        <location filename="../../src/posko/ui/ticket_table.py" line="69"/>
        <source>Kode pelacakan</source>
        <translation>Tracking code</translation>
    </message>
    <message>
        <location filename="../../src/posko/ui/ticket_table.py" line="70"/>
        <source>Tanggal</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../src/posko/ui/ticket_table.py" line="71"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../src/posko/ui/ticket_table.py" line="72"/>
        <source>Umur / SLA</source>
        <translation>Age / SLA</translation>
    </message>
    <message>
        <location filename="../../src/posko/ui/ticket_table.py" line="73"/>
        <source>Kategori</source>
        <translation>Category</translation>
    </message>
    <message>
        <location filename="../../src/posko/ui/ticket_table.py" line="74"/>
        <source>Nomor aplikasi</source>
        <translation>App number</translation>
    </message>
    <message>
        <location filename="../../src/posko/ui/ticket_table.py" line="75"/>
        <source>Uraian</source>
        <translation>Description</translation>
    </message>
    <message>
        <location filename="../../src/posko/ui/ticket_table.py" line="125"/>
        <source>%1 hari</source>
        <translation>%1 days</translation>
    </message>
    <message>
        <location filename="../../src/posko/ui/ticket_table.py" line="127"/>
        <source>terlambat %1 hari kerja</source>
        <translation>%1 working days late</translation>
    </message>
</context>
</TS>
