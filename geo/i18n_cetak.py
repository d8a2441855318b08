"""The printed pages' words (profile, atlas, footers), in Indonesian and English.

Kept apart from :mod:`geo.i18n` so the page's dictionary stays readable;
:mod:`geo.i18n` merges these into :data:`geo.i18n.TEKS`, so every print
string is fetched with the same :func:`geo.i18n.t`.
"""

from __future__ import annotations

TEKS_CETAK: dict[str, dict[str, str]] = {
    "c_profil_judul": {"id": "Profil {Satuan} {nama}", "en": "Profile of {satuan} {nama}"},
    "c_profil_sub": {"id": "Kecamatan {kecamatan}, {wilayah} \u00b7 kode {kode} \u00b7 Filter: {filter}",
                     "en": "Kecamatan {kecamatan}, {wilayah} \u00b7 code {kode} \u00b7 Filter: {filter}"},
    "c_lokasi_di": {"id": "Lokasi di {wilayah}", "en": "Location in {wilayah}"},
    "c_letak_wilayah": {"id": "Letak wilayah", "en": "Location of the area"},
    "c_belum_ada_kim": {"id": "Belum ada KIM", "en": "No KIM yet"},
    "c_kontak": {"id": "Kontak: {kontak}", "en": "Contact: {kontak}"},
    "c_jumlah_status": {"id": "Jumlah potensi menurut status", "en": "Potentials by status"},
    "c_jumlah_anggota": {"id": "Jumlah anggota: {n}", "en": "Members: {n}"},
    "c_potensi_n": {"id": "Potensi ({n})", "en": "Potentials ({n})"},
    "c_tidak_ada_potensi": {"id": "Tidak ada potensi yang cocok dengan filter.", "en": "No potential matches the filters."},
    "c_rincian": {"id": "{kategori} \u00b7 {status} \u00b7 {anggota} anggota \u00b7 kegiatan terakhir {tanggal}",
                  "en": "{kategori} \u00b7 {status} \u00b7 {anggota} members \u00b7 last activity {tanggal}"},
    "c_potensi_lain": {"id": "\u2026 dan {n} potensi lain (lihat dasbor).", "en": "\u2026 and {n} more potentials (see the dashboard)."},
    "c_kegiatan_terakhir": {"id": "Kegiatan terakhir", "en": "Latest activities"},
    "c_peserta": {"id": "{n} peserta", "en": "{n} participants"},
    "c_dibuat": {"id": "Dibuat {tanggal}", "en": "Made on {tanggal}"},
    "c_halaman": {"id": "Halaman {nomor}", "en": "Page {nomor}"},
    "c_halaman_dari": {"id": "Halaman {nomor} dari {jumlah}", "en": "Page {nomor} of {jumlah}"},
    "c_atlas_judul": {"id": "Atlas Potensi KIM {wilayah}", "en": "KIM Potential Atlas of {wilayah}"},
    "c_daftar_isi": {"id": "Daftar Isi", "en": "Contents"},
    "c_sampul": {"id": "Sampul dan peta ikhtisar", "en": "Cover and overview map"},
    "c_daftar_isi_baris": {"id": "Daftar isi", "en": "Contents"},
    "c_baris_kelurahan": {"id": "{Satuan} {nama}", "en": "{Satuan} {nama}"},
    "c_baris_kecamatan": {"id": "Kecamatan {nama}", "en": "Kecamatan {nama}"},
    "c_isi_lain": {"id": "\u2026 dan {n} {satuan} lain (berurutan menurut kode).", "en": "\u2026 and {n} more {satuan} (in code order)."},
    "c_isi_kosong": {"id": "Tidak ada {satuan} dalam tampilan ini.", "en": "No {satuan} in this view."},
    "c_sumber": {"id": "Sumber: {teks}", "en": "Source: {teks}"},
    "c_sumber_berkas": {"id": "Sumber: data KIM {kim}; batas {satuan} {batas}", "en": "Source: KIM data {kim}; {satuan} boundaries {batas}"},
    "c_catatan_skematik": {"id": "Batas {satuan} skematik, bukan batas resmi.", "en": "Schematic {satuan} boundaries, not official ones."},
    "c_catatan_contoh": {"id": "Data contoh untuk peragaan, bukan data resmi.", "en": "Sample data for demonstration, not official data."},
    "c_provinsi": {"id": "Provinsi {nama}", "en": "{nama} province"},
}
