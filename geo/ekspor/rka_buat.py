"""One entry point for the budget form files: ``buat_rka(kode, tampilan, rencana, tahap)``.

It takes the View like every output, for its data and its date (the "KIM
aktif" indicator is counted at the view's ``pada``), but never its filter: the
form covers the whole sub kegiatan, never a filtered part of it.
"""

from __future__ import annotations

import datetime as dt

from geo.anggaran.rencana import Rencana
from geo.anggaran.subkegiatan import SubKegiatan, sub_kegiatan_dari
from geo.anggaran.susunan import Susunan, susun_form
from geo.anggaran.tahap import Tahap, perlu_penetapan, tahap_dari
from geo.ekspor import Hasil
from geo.galat import GalatData
from geo.masuk.dataset import Dataset
from geo.slug import slug
from geo.tampilan.susun import Tampilan

FORMAT_RKA: dict[str, tuple[str, str]] = {
    "rka-xlsx": ("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
    "rka-pdf": ("pdf", "application/pdf"),
}


def catatan_rka(dataset: Dataset, rencana: Rencana, susunan: Susunan, sub: SubKegiatan) -> tuple[str, ...]:
    """What a print must say while it applies: sample data, sample references, lines without a code."""
    hasil = []
    if dataset.data_contoh:
        hasil.append("Data contoh untuk peragaan, bukan usulan resmi. / Sample data for demonstration, not an official proposal.")
    if rencana.pengaturan.referensi.sumber:
        hasil.append(f"Referensi ({', '.join(rencana.pengaturan.referensi.sumber)}): referensi contoh, periksa terhadap SIPD. "
                     "/ Sample reference tables, check against SIPD.")
    if sub.catatan:
        hasil.append(sub.catatan)
    if susunan.tanpa_kode:
        hasil.append(f"{susunan.tanpa_kode} baris belum berkode rekening. / {susunan.tanpa_kode} lines have no account code yet.")
    return tuple(hasil)


def angka_rka(tampilan: Tampilan, rencana: Rencana, tahap: Tahap) -> tuple[Susunan, SubKegiatan]:
    """The form's body and header block, one computation for every format."""
    dataset = tampilan.dataset
    if not rencana.ok:
        raise GalatData("Rencana anggaran tidak sah, jadi formulir tidak dibuat. Periksa dengan 'python -m geo anggaran periksa':\n"
                        + rencana.laporan.teks())
    from geo.simpan.gudang import pilih_gudang

    gudang = pilih_gudang()  # the baseline of a plan loaded from the database is in the database
    dasar = gudang.muat_penetapan(dataset, rencana) if tahap.perubahan else None
    perlu_penetapan(tahap, dasar, rencana, gudang.nama_penetapan(rencana))
    return susun_form(rencana, dasar), sub_kegiatan_dari(dataset, rencana.total, tampilan.pada)


def buat_rka(kode: str, tampilan: Tampilan, rencana: Rencana, tahap: str | Tahap = "rka", tanggal: dt.date | None = None) -> Hasil:
    """The form as XLSX or PDF, named ``rkpa-2.16.02.2.01.0015-bontang-2027.pdf``."""
    dataset = tampilan.dataset
    if kode not in FORMAT_RKA:
        raise GalatData(f"Format formulir '{kode}' tidak dikenal. Pilihan: {', '.join(FORMAT_RKA)}.")
    tahap = tahap if isinstance(tahap, Tahap) else tahap_dari(tahap)
    tanggal = tanggal or dt.date.today()
    susunan, sub = angka_rka(tampilan, rencana, tahap)
    catatan = catatan_rka(dataset, rencana, susunan, sub)
    ekstensi, mime = FORMAT_RKA[kode]
    if kode == "rka-xlsx":
        from geo.ekspor.rka import ke_rka_xlsx

        data = ke_rka_xlsx(rencana, susunan, sub, tahap, dataset.wilayah.nama, tanggal, catatan)
    else:
        from geo.ekspor.rka_cetak import ke_rka_pdf

        data = ke_rka_pdf(rencana, susunan, sub, tahap, dataset.wilayah.nama, tanggal, catatan)
    bagian = [tahap.kode, sub.kode_sub[0] or "sub-kegiatan", dataset.wilayah.slug, str(rencana.pengaturan.tahun)]
    nama = "-".join(slug(b) if i != 1 else b for i, b in enumerate(bagian)) + f".{ekstensi}"
    return Hasil(data, nama, mime)
