"""The KIM page's words in Indonesian and English (kept apart from geo.i18n so the merge stays additive)."""

from __future__ import annotations

TEKS_KIM: dict[str, tuple[str, str]] = {
    "judul": ("Profil dan penilaian KIM", "KIM profiles and assessment"),
    "contoh": ("**Data contoh**: profil, nilai juri dan logo KIM ini dikarang untuk peragaan.",
               "**Sample data**: these KIM profiles, jury scores and logos are made up for demonstration."),
    "tanggal": ("Data sampai tanggal", "Data as of"),
    "periode": ("Periode penilaian", "Assessment period"),
    "tab_peringkat": ("Peringkat", "Ranking"), "tab_profil": ("Profil KIM", "KIM profile"),
    "tab_pemetaan": ("Laporan pemetaan", "Pemetaan report"),
    "peringkat": ("Peringkat", "Rank"), "kim": ("KIM", "KIM"), "kelurahan": ("Kelurahan", "Kelurahan"),
    "skor": ("Skor", "Score"), "lengkap": ("Semua kriteria dinilai", "All criteria scored"),
    "hari_dorman": ("Hari sejak kegiatan terakhir", "Days since last activity"),
    "prioritas": ("Prioritas pembinaan", "Coaching priorities"), "tidak_ada": ("Tidak ada.", "None."),
    "alasan": ("Alasan", "Reasons"),
    "catatan_skor": (("Skor 0–100, rata-rata berbobot kriteria di wilayah.json (penilaian_kim). Kriteria tanpa nilai "
                     "(mis. juri belum menilai) tidak dihitung, bukan dianggap nol."),
                     ("Scores 0–100, the weighted mean of the criteria in wilayah.json (penilaian_kim). A criterion "
                     "without a value (e.g. no jury score yet) is left out, not counted as zero.")),
    "lembar_juri": ("Unduh lembar nilai juri (XLSX)", "Download the jury scoring sheet (XLSX)"),
    "lembar_juri_bantu": ("Isi nilai 0–100, lalu muat dengan: python -m geo kim juri-muat BERKAS.xlsx",
                          "Fill in 0–100 scores, then load with: python -m geo kim juri-muat FILE.xlsx"),
    "unduh_peringkat": ("Unduh peringkat (CSV)", "Download the ranking (CSV)"),
    "pilih_kim": ("Pilih KIM", "Choose a KIM"), "identitas": ("Identitas", "Identity"),
    "sk": ("SK pembentukan", "Founding decree"), "kimid": ("Nomor KIM.ID", "KIM.ID number"), "ad_art": ("AD/ART", "Statutes"),
    "pengurus": ("Pengurus", "Board"), "bimtek": ("Bimtek diikuti", "Training attended"),
    "bantuan": ("Bantuan diterima", "Assistance received"), "penghargaan": ("Penghargaan", "Awards"),
    "potensi": ("Potensi", "Potentials"), "rincian_skor": ("Rincian skor", "Score breakdown"),
    "kriteria": ("Kriteria", "Criterion"), "bobot": ("Bobot", "Weight"), "nilai": ("Nilai", "Score"),
    "data": ("Data", "Data"), "ya": ("ya", "yes"), "belum": ("belum", "not yet"),
    "pemetaan_bantu": (("Laporan pemetaan KIM untuk provinsi: rekap kelurahan → kecamatan → kab/kota → provinsi dan "
                       "profil tiap KIM pada tanggal di atas."),
                       ("The KIM pemetaan report for the province: roll-up kelurahan → kecamatan → kab/kota → province "
                       "and each KIM's profile on the date above.")),
    "unduh_pdf": ("Unduh laporan pemetaan (PDF)", "Download the pemetaan report (PDF)"),
    "unduh_xlsx": ("Unduh laporan pemetaan (XLSX)", "Download the pemetaan report (XLSX)"),
    "tanpa_profil": ("Tabel KIM belum dapat dibuat karena tabel potensi tidak sah. Perbaiki di halaman Kelola Data.",
                     "The KIM table cannot be built because the potentials table is invalid. Fix it on Kelola Data."),
    "bahasa": ("Bahasa", "Language"),
    "tab_bulanan": ("Ringkasan bulanan", "Monthly digest"), "bulan": ("Bulan", "Month"), "pola_bulan": ("TTTT-BB", "YYYY-MM"),
    "turun": ("Melewati ambang Kurang/Tidak Aktif", "Crossed the less active / inactive threshold"),
    "kegiatan_baru": ("Kegiatan baru", "New activities"), "target_meleset": ("Target tidak tercapai", "Targets missed"),
    "laporan_menunggu": ("Laporan lapangan menunggu verifikasi", "Field reports awaiting review"),
    "bulan_berjalan": ("Bulan berjalan: target bulan ini dinilai setelah bulan berakhir.",
                       "Month in progress: this month's targets are judged when it ends."),
    "tidak_tersedia": ("tidak tersedia di pemasangan ini", "not available in this installation"),
    "tanpa_log": ("Tanpa log kegiatan, perubahan status dan kegiatan baru tidak dapat dihitung.",
                  "Without an activity log, status changes and new activities cannot be computed."),
    "unduh_csv_bulanan": ("Unduh ringkasan (CSV)", "Download the digest (CSV)"),
    "unduh_pdf_bulanan": ("Unduh ringkasan (PDF)", "Download the digest (PDF)"),
    "target": ("Target", "Targets"), "capaian": ("Capaian", "Achieved"), "jenis": ("Jenis", "Kind"), "periode_singkat": ("Periode", "Period"),
    # The Edit tab (ui/profil_kim_sunting.py): the KIM table, logos and the jury sheet, in the account's scope
    "tab_sunting": ("Sunting", "Edit"),
    "sunting_bantu": (("Ubah data KIM di lingkup akun Anda. Masuk dengan akun Kelola Data (editor atau administrator); "
                       "setiap perubahan diperiksa, dicadangkan dan dicatat di audit."),
                      ("Change KIM records within your account's scope. Log in with a Kelola Data account (editor or "
                       "administrator); every change is checked, backed up and audited.")),
    "sunting_sebagai": ("Masuk sebagai **{nama}** ({peran}, lingkup {lingkup}).", "Logged in as **{nama}** ({peran}, scope {lingkup})."),
    "semua": ("seluruh wilayah", "the whole region"),
    "sunting_hanya_editor": ("Hanya editor atau administrator yang dapat mengubah tabel KIM.",
                             "Only an editor or administrator can change the KIM table."),
    "kim_baru": ("+ KIM baru", "+ New KIM"), "nama_kim": ("Nama KIM", "KIM name"),
    "sk_tanggal": ("Tanggal SK (TTTT-BB-HH)", "Decree date (YYYY-MM-DD)"), "kontak": ("Kontak", "Contact"),
    "kanal": ("Kanal media", "Media channels"), "pos_terakhir": ("Pos terakhir", "Last post"),
    "bantu_bimtek": ("Satu per entri, dipisah titik koma: TTTT-BB-HH | judul", "One per entry, separated by semicolons: YYYY-MM-DD | title"),
    "bantu_bantuan": ("Satu per entri, dipisah titik koma: TTTT-BB-HH | barang", "One per entry, separated by semicolons: YYYY-MM-DD | item"),
    "bantu_penghargaan": ("Satu per entri, dipisah titik koma: tahun | tingkat | peringkat",
                          "One per entry, separated by semicolons: year | level | rank"),
    "logo": ("Logo baru (PNG, JPEG atau WebP, maks. {mb} MB; diperiksa seperti foto)",
             "New logo (PNG, JPEG or WebP, max {mb} MB; checked like a photo)"),
    "simpan": ("Simpan", "Save"), "judul_form": ("formulir KIM", "KIM form"),
    "tersimpan": ("Tersimpan: {a} ditambah, {u} diubah, {d} dihapus.", "Saved: {a} added, {u} changed, {d} removed."),
    "tanpa_perubahan": ("Tidak ada perubahan; tidak ada yang disimpan.", "No change; nothing was saved."),
    "tidak_disimpan": ("Tidak disimpan: {n} galat harus diperbaiki dulu.", "Not saved: fix {n} errors first."),
    "juri_judul": ("Lembar nilai juri", "Jury scoring sheet"),
    "juri_bantu": (("Unggah lembar nilai juri (XLSX dari tombol unduh di tab Peringkat atau python -m geo kim juri-templat) "
                    "yang sudah diisi 0–100."),
                   ("Upload the jury scoring sheet (XLSX from the Ranking tab's download or python -m geo kim juri-templat) "
                    "filled in with 0–100 scores.")),
    "juri_unggah": ("Lembar nilai juri (XLSX, maks. {mb} MB)", "Jury scoring sheet (XLSX, max {mb} MB)"),
    "juri_muat": ("Muat nilai juri", "Load the jury scores"),
    "juri_gagal": ("Tidak ada yang disimpan: perbaiki sel di bawah lalu unggah ulang.",
                   "Nothing was saved: fix the cells below and upload again."),
    "juri_tersimpan": ("Tersimpan: {n} nilai dari {berkas}.", "Saved: {n} scores from {berkas}."),
    "target_judul": ("Target per KIM", "Targets per KIM"),
    "target_bantu": (("Tabel target sendiri tiap KIM (CSV atau XLSX, kolom id_kim, periode, jenis, target): periode 2026-Q4 "
                      "untuk triwulan atau 2026-11 untuk bulan, jenis kegiatan_per_triwulan atau pos_per_bulan. Tabel yang dimuat "
                      "menggantikan tabel tersimpan; KIM dan periode yang tidak tercantum memakai target bawaan (target_kim di "
                      "wilayah.json). Unduh tabel tersimpan, ubah di Excel, lalu muat kembali."),
                     ("Each KIM's own targets (CSV or XLSX, columns id_kim, periode, jenis, target): periode 2026-Q4 for a "
                      "quarter or 2026-11 for a month, jenis kegiatan_per_triwulan or pos_per_bulan. The loaded table replaces "
                      "the stored one; KIM and periods not listed use the default targets (target_kim in wilayah.json). "
                      "Download the stored table, edit it in Excel, then load it back.")),
    "target_unduh": ("Unduh target tersimpan (CSV)", "Download the stored targets (CSV)"),
    "target_unggah": ("Tabel target (CSV atau XLSX, maks. {mb} MB)", "Targets table (CSV or XLSX, max {mb} MB)"),
    "target_muat": ("Muat target", "Load the targets"),
    "target_tersimpan": ("Tersimpan: {n} target dari {berkas}.", "Saved: {n} targets from {berkas}."),
    # The board's posts (geo.kim.profil.PENGURUS) and the target kinds (geo.kim.target.JENIS_TARGET), as read on a page
    "ketua": ("Ketua", "Chair"), "sekretaris": ("Sekretaris", "Secretary"), "bendahara": ("Bendahara", "Treasurer"),
    "target_kegiatan_per_triwulan": ("Kegiatan per triwulan", "Activities per quarter"),
    "target_pos_per_bulan": ("Pos media per bulan", "Media posts per month"),
    # the monthly digest's tables
    "status_sebelum": ("Status akhir bulan lalu", "Status at the end of last month"),
    "status_kini": ("Status akhir bulan ini", "Status at the end of this month"), "jumlah_kegiatan": ("Kegiatan", "Activities"),
}


def tk(kunci: str, bahasa: str = "id") -> str:
    id_, en = TEKS_KIM[kunci]
    return en if bahasa == "en" else id_


def nama_target(jenis: str, bahasa: str = "id") -> str:
    """A target kind (``kegiatan_per_triwulan``…) by its name; an unknown kind as stored."""
    kunci = f"target_{jenis}"
    return tk(kunci, bahasa) if kunci in TEKS_KIM else jenis
