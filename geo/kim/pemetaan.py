"""The pemetaan KIM (issue #25): every KIM as it stood on a date, rolled up for the province.

The draft revision of PM Kominfo 8/2019 makes the pemetaan a duty of the
kab/kota dinas, collected by the province. :func:`pemetaan` gives one row per
KIM (identity, status at the date, potentials, recent activity, score) and
:func:`rekap` the counts per kelurahan, kecamatan, kab/kota and provinsi:
KIM formed, with an SK, in KIM.ID, active / less active / inactive, average score.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import pandas as pd

from geo.kim.penilaian import Penilaian, penilaian
from geo.kim.profil import KANAL, ProfilKIM
from geo.kim.status import status_kim
from geo.masuk.dataset import Dataset

TINGKAT_REKAP = ("kelurahan", "kecamatan", "kabkota", "provinsi")
KOLOM_REKAP = ("kim_dibentuk", "dengan_sk", "terdaftar_kimid", "aktif", "kurang_aktif", "tidak_aktif", "rata_skor")
LABEL_REKAP = {
    "kim_dibentuk": "KIM dibentuk / KIMs formed", "dengan_sk": "Ber-SK / With SK",
    "terdaftar_kimid": "Terdaftar KIM.ID / In KIM.ID", "aktif": "Aktif / Active", "kurang_aktif": "Kurang aktif / Less active",
    "tidak_aktif": "Tidak aktif / Inactive", "rata_skor": "Rata-rata skor / Average score",
}


@dataclass(frozen=True)
class Pemetaan:
    tanggal: dt.date
    penilaian: Penilaian
    kim: pd.DataFrame  # one row per KIM
    potensi: pd.DataFrame  # the KIM's potentials as they stood on the date (with id_kim)
    bagian: str  # the level each section covers: kelurahan for one kab/kota, kabkota for a province

    def rekap(self, tingkat: str) -> pd.DataFrame:
        return rekap(self.kim, tingkat)


def _unit(dataset: Dataset, kode: pd.Series) -> pd.DataFrame:
    """Names and codes of each kelurahan's parents, from the reference (the region's name when it has none)."""
    ref = dataset.referensi.tabel
    hasil = pd.DataFrame({"kode_kelurahan": kode.to_numpy()}, index=kode.index)
    for k in ("kelurahan", "kecamatan", "kode_kecamatan", "kabkota", "kode_kabkota", "provinsi", "kode_provinsi"):
        hasil[k] = kode.map(ref[k]).to_numpy() if k in ref.columns else ""
    hasil["kode_kecamatan"] = hasil["kode_kecamatan"].where(hasil["kode_kecamatan"].astype(bool), kode.str[:8])
    hasil["kode_kabkota"] = hasil["kode_kabkota"].where(hasil["kode_kabkota"].astype(bool), kode.str[:5])
    hasil["kabkota"] = hasil["kabkota"].where(hasil["kabkota"].astype(bool), dataset.wilayah.nama)
    hasil["kode_provinsi"] = hasil["kode_provinsi"].where(hasil["kode_provinsi"].astype(bool), kode.str[:2])
    hasil["provinsi"] = hasil["provinsi"].where(hasil["provinsi"].astype(bool), str(dataset.wilayah.extra.get("provinsi") or ""))
    return hasil.fillna("")


def _teks_target(k: pd.DataFrame) -> pd.DataFrame:
    """Per KIM: the quarter's and the month's target as ``capaian/target (periode)`` text; ``?`` when unknown."""
    def teks(r: pd.Series) -> str:
        capai = "?" if pd.isna(r["capaian"]) else f"{r['capaian']:g}"
        return f"{capai}/{r['target']:g} ({r['periode']})"

    k = k.assign(teks=k.apply(teks, axis=1)) if len(k) else k.assign(teks=pd.Series(dtype=object))
    return k.pivot_table(index="id_kim", columns="jenis", values="teks", aggfunc="first")


def pemetaan(dataset: Dataset, tanggal: dt.date, id_kim: list[str] | None = None, periode: str | None = None,
             target: pd.DataFrame | None = None) -> Pemetaan:
    """Every KIM in ``id_kim`` (all by default) as it stood on ``tanggal``."""
    nilai = penilaian(dataset, tanggal, periode, id_kim)
    hasil = nilai.hasil.set_index("id_kim")
    profil: ProfilKIM = dataset.profil  # type: ignore[assignment]
    tabel = profil.tabel.set_index("id_kim").loc[hasil.index]
    from geo.kim.nilai import potensi_kim_pada

    p = potensi_kim_pada(dataset, tanggal)
    p = p[p["id_kim"].isin(hasil.index)]
    kim = _unit(dataset, tabel["kode_kelurahan"])
    kim.insert(0, "nama_kim", tabel["nama_kim"])
    status = status_kim(p, dataset.wilayah.status_aktivitas)
    kim["status"] = status.reindex(kim.index).fillna("")
    urutan = {s: i for i, s in enumerate(dataset.wilayah.status_aktivitas[:3])}
    kim["status_ke"] = kim["status"].map(urutan).astype("Int64")  # 0 active, 1 less active, 2 inactive
    kim["sk"] = [f"{n} ({t:%Y-%m-%d})" if n and pd.notna(t) else n for n, t in zip(tabel["sk_nomor"], tabel["sk_tanggal"])]
    kim["nomor_kimid"] = tabel["nomor_kimid"]
    kim["ad_art"] = tabel["ad_art"]
    kim["ketua"] = [f"{k} ({c})" if c else k for k, c in zip(tabel["ketua"], tabel["kontak_ketua"])]
    kim["kanal_media"] = tabel[list(KANAL)].astype(bool).sum(axis=1)
    kim["tagline"] = tabel["tagline"]
    kim["jumlah_potensi"] = p.groupby("id_kim").size().reindex(kim.index).fillna(0).astype(int)
    kim["potensi"] = p.groupby("id_kim")["nama_potensi"].agg(lambda s: "; ".join(s.astype(str))).reindex(kim.index).fillna("")
    kim["kegiatan_terakhir"] = hasil["kegiatan_terakhir"]
    kriteria_aktivitas = [k.kode for k in nilai.aturan.kriteria if k.hitung == "kegiatan_12_bulan"]
    kim["kegiatan_12_bulan"] = hasil[f"data_{kriteria_aktivitas[0]}"] if kriteria_aktivitas else pd.NA
    from geo.kim.target import kemajuan_target

    tgt = _teks_target(kemajuan_target(dataset, tanggal, target))
    for jenis, kolom in (("kegiatan_per_triwulan", "target_kegiatan"), ("pos_per_bulan", "target_pos")):
        kim[kolom] = tgt[jenis].reindex(kim.index).fillna("") if jenis in tgt else ""
    kim["skor"] = hasil["skor"]
    kim["peringkat"] = hasil["peringkat"]
    kim = kim.reset_index().sort_values(["kode_kelurahan", "nama_kim"]).reset_index(drop=True)
    bagian = "kabkota" if kim["kode_kabkota"].nunique() > 1 else "kelurahan"
    return Pemetaan(tanggal, nilai, kim, p, bagian)


def rekap(kim: pd.DataFrame, tingkat: str) -> pd.DataFrame:
    """Counts per unit of ``tingkat``; an empty average score stays empty (no KIM scored), never 0."""
    if tingkat not in TINGKAT_REKAP:
        raise ValueError(f"tingkat {tingkat!r}: pilih {', '.join(TINGKAT_REKAP)}")
    kode = "kode_kelurahan" if tingkat == "kelurahan" else f"kode_{tingkat}"
    nama = tingkat
    status = kim["status_ke"]
    kerja = pd.DataFrame({
        "kode": kim[kode], "nama": kim[nama], "kim_dibentuk": 1, "dengan_sk": kim["sk"].astype(str).str.strip() != "",
        "terdaftar_kimid": kim["nomor_kimid"].astype(str).str.strip() != "", "aktif": (status == 0).fillna(False),
        "kurang_aktif": (status == 1).fillna(False), "tidak_aktif": (status == 2).fillna(False), "rata_skor": kim["skor"],
    })
    hasil = kerja.groupby(["kode", "nama"], sort=True).agg(
        {**{k: "sum" for k in KOLOM_REKAP if k != "rata_skor"}, "rata_skor": "mean"}).reset_index()
    hasil["rata_skor"] = hasil["rata_skor"].round(1)
    hasil.insert(0, "tingkat", tingkat)
    return hasil
