"""Titles and notes shared by every export, so a PNG and an XLSX say the same."""

from __future__ import annotations

import datetime as dt

from geo.i18n import t
from geo.masuk.dataset import Dataset
from geo.tampilan.sebutan import jenis_dalam
from geo.tampilan.susun import Tampilan

MAKS_NILAI_JUDUL = 3


def _daftar(nilai: tuple[str, ...], jenis: str, bahasa: str = "id") -> str:
    if len(nilai) > MAKS_NILAI_JUDUL:
        return f"{len(nilai)} {jenis}"
    if len(nilai) == 1:
        return nilai[0]
    return ", ".join(nilai[:-1]) + t("c_dan", bahasa) + nilai[-1]


def judul_bawaan(tampilan: Tampilan, bahasa: str = "id") -> str:
    """A title generated from the filters, e.g. "Peta Potensi Kuliner KIM Kota Bontang — Status Aktif"."""
    f = tampilan.filter
    wil = tampilan.dataset.wilayah
    nama = wil.nama
    tempat = t("c_tempat_kecamatan", bahasa, kecamatan=_daftar(f.kecamatan, "kecamatan", bahasa), wilayah=nama) if f.kecamatan else nama
    kategori = tuple(wil.label(k, bahasa) for k in f.kategori)  # the reader's words (Wilayah.label)
    apa = (t("c_potensi_kategori_kim", bahasa, kategori=_daftar(kategori, t("kategori_potensi", bahasa).lower(), bahasa))
           if f.kategori else t("c_potensi_kim", bahasa))
    judul = t("c_judul_peta", bahasa, apa=apa, tempat=tempat)
    if f.status:
        judul += t("c_judul_status", bahasa, status=_daftar(tuple(wil.label(s, bahasa) for s in f.status), "status", bahasa))
    if tampilan.banding is not None or (tampilan.pada is not None and tampilan.pada != dt.date.today()):
        from geo.tampilan.kelas_waktu import frasa_tanggal  # a past state or a comparison names its date(s)

        judul += f", {frasa_tanggal(tampilan, bahasa)}"
    return judul


def catatan(dataset: Dataset, bahasa: str = "id") -> list[str]:
    """The caveats a printed map must carry while they apply."""
    hasil = []
    if dataset.skematik:
        hasil.append(t("c_catatan_skematik", bahasa, satuan=jenis_dalam(dataset)))
    if dataset.data_contoh:
        hasil.append(t("c_catatan_contoh", bahasa))
    return hasil


def sumber(dataset: Dataset, bahasa: str = "id") -> str:
    """Where the figures come from: the region's own wording if it has one, else the files."""
    teks = str(dataset.wilayah.extra.get("sumber_data") or "").strip()
    if teks:
        return t("c_sumber", bahasa, teks=teks)
    return t("c_sumber_berkas", bahasa, kim=dataset.path_kim.name, satuan=jenis_dalam(dataset), batas=_sumber_batas(dataset))


def _sumber_batas(dataset: Dataset) -> str:
    """Imported boundaries name their origin (``sumber``); schematic ones are named by file."""
    if dataset.skematik or not len(dataset.batas):
        return dataset.path_batas.name
    asal = list(dict.fromkeys(s.strip() for s in dataset.batas["sumber"] if s.strip()))
    return "; ".join(asal) if asal else dataset.path_batas.name
