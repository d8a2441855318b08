"""The sub kegiatan block of the budget form, read from ``wilayah.json`` (key ``sub_kegiatan``).

Codes, names, organisation unit, sumber dana, lokasi, waktu and the signature
block are the office's data; indicators may be typed (``target``) or drawn from
the KIM data (``dari_data``): ``kim_dibina`` (KIM in the KIM table), ``kim_aktif``
(KIM active on ``tanggal`` or the view's date, as :mod:`geo.kim.status` defines it) and ``dana`` (the plan's total). A figure the data cannot give
is said in words, never shown as 0.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from geo.anggaran.uang import rupiah
from geo.galat import GalatData
from geo.masuk.dataset import Dataset
from geo.masuk.urai import urai_tanggal

TINGKAT_KODE = ("urusan", "bidang", "program", "kegiatan", "sub_kegiatan")
LABEL_KODE = {"urusan": "Urusan Pemerintahan", "bidang": "Bidang Urusan", "program": "Program", "kegiatan": "Kegiatan",
              "sub_kegiatan": "Sub Kegiatan", "organisasi": "Organisasi", "unit": "Unit"}
LABEL_KODE_EN = {"urusan": "Government affair", "bidang": "Affair field", "program": "Programme", "kegiatan": "Activity",
                 "sub_kegiatan": "Sub-activity", "organisasi": "Organisation", "unit": "Unit"}
DARI_DATA = ("kim_dibina", "kim_aktif", "dana")
TIDAK_ADA_DATA = "tidak ada data"


@dataclass(frozen=True)
class Indikator:
    jenis: str  # Capaian Program, Masukan, Keluaran, Hasil
    tolok_ukur: str
    target: str


@dataclass(frozen=True)
class Penandatangan:
    jabatan: str
    nama: str
    nip: str


@dataclass(frozen=True)
class SubKegiatan:
    """Everything the form prints above and below the lines."""

    kode: tuple[tuple[str, str, str], ...]  # (key, kode, nama) from urusan to sub kegiatan, then organisasi and unit
    sumber_dana: str
    lokasi: str
    waktu: str
    kelompok_sasaran: str
    indikator: tuple[Indikator, ...]
    penandatangan: tuple[Penandatangan, ...]
    tempat: str
    catatan: str

    def baris_kepala(self, kantor: str) -> list[tuple[str, str]]:
        """(bilingual label, value) rows of the form's header block, for the XLSX and the PDF alike."""
        isi = [("Perangkat Daerah / Office", kantor)] if kantor else []
        isi += [(f"{LABEL_KODE[k]} / {LABEL_KODE_EN[k]}", f"{kode}  {nama}".strip()) for k, kode, nama in self.kode]
        return isi + [("Sumber Pendanaan / Funding source", self.sumber_dana), ("Lokasi / Location", self.lokasi),
                      ("Waktu Pelaksanaan / Schedule", self.waktu), ("Kelompok Sasaran / Target group", self.kelompok_sasaran)]

    @property
    def kode_sub(self) -> tuple[str, str]:
        for kunci, kode, nama in self.kode:
            if kunci == "sub_kegiatan":
                return kode, nama
        return "", ""


def _teks(raw: dict, kunci: str) -> str:
    nilai = raw.get(kunci, "")
    if not isinstance(nilai, str | int):
        raise GalatData(f"wilayah.json: sub_kegiatan.{kunci} harus teks, bukan {nilai!r}.")
    return str(nilai).strip()


def _kim_aktif(dataset: Dataset, tanggal: dt.date | None) -> int | None:
    """KIM whose status on ``tanggal`` is the region's active word (:mod:`geo.kim.status`, one definition)."""
    from geo.kim.status import status_kim_pada

    if not len(dataset.potensi) or dataset.profil is None:
        return None
    return int((status_kim_pada(dataset, tanggal) == dataset.wilayah.status_aktivitas[0]).sum())


def _kim_dibina(dataset: Dataset) -> int | None:
    """KIM in the KIM table (every KIM the office fosters, with or without potentials yet)."""
    profil = dataset.profil
    return len(profil.tabel) if profil is not None and len(profil.tabel) else None  # type: ignore[attr-defined]


def _angka_data(jenis: str, dataset: Dataset, tanggal: dt.date | None, total: int | None) -> str:
    if jenis == "kim_dibina":
        n = _kim_dibina(dataset)
        return f"{n}" if n is not None else TIDAK_ADA_DATA
    if jenis == "kim_aktif":
        n = _kim_aktif(dataset, tanggal)
        return f"{n}" if n is not None else TIDAK_ADA_DATA
    return rupiah(total) if total is not None else TIDAK_ADA_DATA


def _indikator(raw: dict, i: int, dataset: Dataset, total: int | None, pada: dt.date | None = None) -> Indikator:
    if not isinstance(raw, dict) or not raw.get("tolok_ukur"):
        raise GalatData(f"wilayah.json: sub_kegiatan.indikator[{i}] perlu 'jenis', 'tolok_ukur' dan 'target' atau 'dari_data'.")
    satuan = f" {raw['satuan']}" if raw.get("satuan") else ""
    target = str(raw.get("target", "")).strip()
    dari = raw.get("dari_data")
    if dari is None:
        return Indikator(str(raw.get("jenis", "")), str(raw["tolok_ukur"]), f"{target}{satuan}")
    if dari not in DARI_DATA:
        raise GalatData(f"wilayah.json: sub_kegiatan.indikator[{i}].dari_data '{dari}' tidak dikenal. Pilihan: {', '.join(DARI_DATA)}.")
    tanggal = pada if dari == "kim_aktif" else None  # the view's date, unless the office fixes one
    if raw.get("tanggal"):
        try:
            tanggal = urai_tanggal(str(raw["tanggal"]))
        except ValueError as exc:
            raise GalatData(f"wilayah.json: sub_kegiatan.indikator[{i}].tanggal: {exc}") from None
    kini = _angka_data(dari, dataset, tanggal, total)
    kini_teks = kini if kini == TIDAK_ADA_DATA or dari == "dana" else f"{kini}{satuan}"
    pada = f" (per {tanggal:%d-%m-%Y})" if tanggal else ""
    nilai = f"{kini_teks}{pada} \u2192 target {target}{satuan}" if target else f"{kini_teks}{pada}"
    return Indikator(str(raw.get("jenis", "")), str(raw["tolok_ukur"]), nilai)


def sub_kegiatan_dari(dataset: Dataset, total: int | None = None, pada: dt.date | None = None) -> SubKegiatan:
    """The block of ``wilayah.json``; missing keys print as ``-`` (a form with a gap, not a wrong figure).

    ``pada`` is the view's date: "KIM aktif" is counted then unless the indicator names its own ``tanggal``.
    """
    raw = (dataset.wilayah.extra or {}).get("sub_kegiatan") or {}
    if not isinstance(raw, dict):
        raise GalatData("wilayah.json: 'sub_kegiatan' harus objek (lihat README, Formulir RKA).")
    kode = []
    for kunci in (*TINGKAT_KODE, "organisasi", "unit"):
        isi = raw.get(kunci)
        if isi is None:
            continue
        if not isinstance(isi, dict):
            raise GalatData(f"wilayah.json: sub_kegiatan.{kunci} harus objek {{\"kode\": ..., \"nama\": ...}}.")
        kode.append((kunci, str(isi.get("kode", "")).strip(), str(isi.get("nama", "")).strip()))
    indikator = raw.get("indikator") or []
    penanda = raw.get("penandatangan") or []
    if not isinstance(indikator, list) or not isinstance(penanda, list):
        raise GalatData("wilayah.json: sub_kegiatan.indikator dan sub_kegiatan.penandatangan harus daftar.")
    return SubKegiatan(
        kode=tuple(kode),
        sumber_dana=_teks(raw, "sumber_dana"), lokasi=_teks(raw, "lokasi"), waktu=_teks(raw, "waktu_pelaksanaan"),
        kelompok_sasaran=_teks(raw, "kelompok_sasaran"),
        indikator=tuple(_indikator(r, i, dataset, total, pada) for i, r in enumerate(indikator)),
        penandatangan=tuple(Penandatangan(str(p.get("jabatan", "")), str(p.get("nama", "")), str(p.get("nip", "")))
                            for p in penanda if isinstance(p, dict)),
        tempat=_teks(raw, "tempat"), catatan=_teks(raw, "catatan"),
    )
