"""KIM scores per period: each criterion 0–100, the weighted score, the rank, prioritas pembinaan.

Pure functions of the dataset and explicit inputs (the date, the KIM in
view, the jury's scores), so the page, the summary and the reports share them.
A criterion without data for a KIM (no jury score yet) is left out of that
KIM's weighted mean and flagged in ``lengkap``, never counted as zero.
"""

from __future__ import annotations

import datetime as dt

import numpy as np
import pandas as pd

from geo.format_id import angka
from geo.kim.aturan import JURI, AturanNilai, Kriteria, aturan_nilai
from geo.kim.profil import KANAL, ProfilKIM
from geo.masuk.dataset import Dataset

KOLOM_JURI = ("id_kim", "periode", "kriteria", "nilai")


def periode_dari(tanggal: dt.date) -> str:
    """The default period: the assessment's year (Bontang assesses every August)."""
    return str(tanggal.year)


def potensi_kim_pada(dataset: Dataset, tanggal: dt.date) -> pd.DataFrame:
    """Each potential with its ``id_kim``, status and last activity as they stood on ``tanggal``."""
    from geo.tampilan.susun import potensi_pada_tanggal

    ada_log = dataset.kegiatan is not None and len(dataset.kegiatan)
    # With a log: the View's statuses at that date, computed once for the map and the scores alike.
    p = pd.DataFrame((potensi_pada_tanggal(dataset, tanggal) if ada_log else dataset.potensi).drop(columns="geometry"))
    profil: ProfilKIM = dataset.profil  # type: ignore[assignment]
    p["id_kim"] = p["id_potensi"].astype(str).map(profil.tautan)
    return p


def _kegiatan_12_bulan(dataset: Dataset, p: pd.DataFrame, tanggal: dt.date) -> pd.Series:
    """Activities per KIM in the 365 days up to ``tanggal``; without a log, potentials active within them."""
    awal, akhir = pd.Timestamp(tanggal - dt.timedelta(days=365)), pd.Timestamp(tanggal)
    log = dataset.kegiatan
    if log is not None and len(log):
        di = log[(log["tanggal"] > awal) & (log["tanggal"] <= akhir)]
        peta = p.set_index(p["id_potensi"].astype(str))["id_kim"]
        return di["id_potensi"].astype(str).map(peta).value_counts()
    tgl = pd.to_datetime(p["kegiatan_terakhir"])
    return p[(tgl > awal) & (tgl <= akhir)]["id_kim"].value_counts()


def pos_terakhir(profil: ProfilKIM, tanggal: dt.date) -> pd.Series:
    """id_kim → the latest post on any channel on or before ``tanggal`` (NaT when none)."""
    t = profil.tabel.set_index("id_kim")[[f"pos_{c}" for c in KANAL]]
    t = t.where(t <= pd.Timestamp(tanggal))
    return t.max(axis=1)


def _skor_hari(hari: pd.Series, k: Kriteria) -> pd.Series:
    skor = 100 * (k.nol_hari - hari) / (k.nol_hari - k.penuh_hari)
    return skor.clip(0, 100).where(hari.notna(), 0.0)


def nilai_kriteria(dataset: Dataset, tanggal: dt.date, aturan: AturanNilai, periode: str,
                   juri: pd.DataFrame | None = None, potensi: pd.DataFrame | None = None) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(scores 0–100 per KIM × criterion, the raw values behind them), both indexed by ``id_kim``.

    ``potensi``: :func:`potensi_kim_pada` of the same dataset and date, when the caller has it already.
    """
    profil: ProfilKIM = dataset.profil  # type: ignore[assignment]
    tabel = profil.tabel.set_index("id_kim")
    p = potensi_kim_pada(dataset, tanggal) if potensi is None else potensi
    # Columns gathered first and framed once: a column insert per criterion cost more than the scores (#26).
    skor: dict[str, pd.Series] = {}
    mentah: dict[str, pd.Series] = {}
    for k in aturan.kriteria:
        if k.hitung == "kelengkapan_administrasi":
            unsur = pd.DataFrame({"sk": tabel["sk_nomor"].astype(str).str.strip() != "",
                                  "ad_art": tabel["ad_art"].fillna(False).astype(bool),
                                  "kimid": tabel["nomor_kimid"].astype(str).str.strip() != ""})
            mentah[k.kode] = unsur.sum(axis=1)
            skor[k.kode] = 100 * unsur.mean(axis=1)
        elif k.hitung == "hari_sejak_pos":
            hari = (pd.Timestamp(tanggal) - pos_terakhir(profil, tanggal)).dt.days.astype(float)
            mentah[k.kode] = hari
            skor[k.kode] = _skor_hari(hari, k)
        elif k.hitung == "kegiatan_12_bulan":
            n = _kegiatan_12_bulan(dataset, p, tanggal).reindex(tabel.index).fillna(0)
            mentah[k.kode] = n
            skor[k.kode] = (100 * n / k.target).clip(upper=100)
        elif k.hitung == "porsi_potensi_aktif":
            aktif = p["status_aktivitas"] == dataset.wilayah.status_aktif
            porsi = aktif.groupby(p["id_kim"]).mean().reindex(tabel.index)
            mentah[k.kode] = porsi
            skor[k.kode] = (100 * porsi).fillna(0.0)
        elif k.hitung == JURI:
            nilai = pd.Series(np.nan, index=tabel.index)
            if juri is not None and len(juri):
                pilih = juri[(juri["periode"].astype(str) == periode) & (juri["kriteria"] == k.kode)]
                nilai = pilih.groupby("id_kim")["nilai"].mean().reindex(tabel.index)
            mentah[k.kode] = nilai
            skor[k.kode] = nilai
    return pd.DataFrame(skor, index=tabel.index).astype(float), pd.DataFrame(mentah, index=tabel.index)


def nilai_kim(dataset: Dataset, tanggal: dt.date, periode: str | None = None, juri: pd.DataFrame | None = None,
              id_kim: list[str] | None = None, aturan: AturanNilai | None = None) -> pd.DataFrame:
    """One row per KIM (those in ``id_kim``, else all): criterion scores, ``skor``, ``peringkat``, dormancy.

    The rank is among the KIM given (a filtered view ranks its own KIM); ties share the best rank.
    """
    aturan = aturan or aturan_nilai(dataset.wilayah)
    periode = periode or periode_dari(tanggal)
    p = potensi_kim_pada(dataset, tanggal)  # once for the criteria and the dormancy below
    skor, mentah = nilai_kriteria(dataset, tanggal, aturan, periode, juri, potensi=p)
    if id_kim is not None:
        skor, mentah = skor.loc[skor.index.isin(id_kim)], mentah.loc[mentah.index.isin(id_kim)]
    bobot = pd.Series({k.kode: k.bobot for k in aturan.kriteria})
    ada = skor.notna()
    total = (skor.fillna(0) * bobot).sum(axis=1) / (ada * bobot).sum(axis=1).replace(0, np.nan)
    profil: ProfilKIM = dataset.profil  # type: ignore[assignment]
    info = profil.tabel.set_index("id_kim").loc[skor.index, ["nama_kim", "kode_kelurahan", "sk_nomor", "nomor_kimid"]]
    tambahan: dict[str, object] = {"periode": periode, "tanggal": pd.Timestamp(tanggal)}
    for k in aturan.kriteria:
        tambahan[f"nilai_{k.kode}"] = skor[k.kode].round(1)
        tambahan[f"data_{k.kode}"] = mentah[k.kode]
    tambahan["skor"] = total.round(1)
    tambahan["lengkap"] = ada.all(axis=1)
    hasil = pd.concat([info, pd.DataFrame(tambahan, index=info.index)], axis=1)
    hasil["peringkat"] = hasil["skor"].rank(method="min", ascending=False).astype("Int64")
    terakhir = pd.to_datetime(p["kegiatan_terakhir"]).groupby(p["id_kim"]).max().reindex(hasil.index)
    hasil["kegiatan_terakhir"] = terakhir
    hasil["hari_dorman"] = (pd.Timestamp(tanggal) - terakhir).dt.days
    hasil["jumlah_potensi"] = p.groupby("id_kim").size().reindex(hasil.index).fillna(0).astype(int)
    return hasil.sort_values(["peringkat", "nama_kim"]).reset_index()


def skor_per_kelurahan(hasil: pd.DataFrame) -> pd.Series:
    """The map metric: the mean KIM score per kelurahan code (no KIM → absent, not zero)."""
    return hasil.groupby("kode_kelurahan")["skor"].mean().round(1).rename("skor_kim")


def _alasan(skor: float, hari_dorman: float, rendah: bool, dorman: bool, tanpa_sk: bool, tanpa_id: bool,
            ambang: float, bahasa: str) -> str:
    """One KIM's reasons in ``bahasa``, its numbers written that language's way (8,3 / 8.3; 2.108 / 2,108)."""
    en = bahasa == "en"
    a = []
    if rendah:
        a.append(f"{'low score' if en else 'skor rendah'} ({angka(skor, bahasa=bahasa)} < {angka(ambang, bahasa=bahasa)})")
    if dorman:
        if pd.isna(hari_dorman):
            a.append("no activity" if en else "tanpa kegiatan")
        else:
            hari = angka(hari_dorman, 0, bahasa=bahasa)
            a.append(f"dormant {hari} days" if en else f"dorman {hari} hari")
    if tanpa_sk:
        a.append("no SK (decree)" if en else "belum ada SK")
    if tanpa_id:
        a.append("not registered on KIM.ID" if en else "belum terdaftar di KIM.ID")
    return "; ".join(a)


def prioritas_pembinaan(hasil: pd.DataFrame, aturan: AturanNilai) -> pd.DataFrame:
    """KIM to coach first: low score, long dormant, no SK or no KIM.ID; the most reasons first.

    The reasons come in both languages (``alasan``, ``alasan_en``): the page and the bilingual prints say them
    in the reader's language."""
    rendah = hasil["skor"] < aturan.ambang_prioritas
    dorman = hasil["hari_dorman"].isna() | (hasil["hari_dorman"] >= aturan.dorman_hari)
    tanpa_sk = hasil["sk_nomor"].astype(str).str.strip() == ""
    tanpa_id = hasil["nomor_kimid"].astype(str).str.strip() == ""
    alasan, alasan_en = [], []
    for i in hasil.index:
        fakta = (hasil.at[i, "skor"], hasil.at[i, "hari_dorman"], rendah[i], dorman[i], tanpa_sk[i], tanpa_id[i],
                 aturan.ambang_prioritas)
        alasan.append(_alasan(*fakta, "id"))
        alasan_en.append(_alasan(*fakta, "en"))
    hasil = hasil.assign(alasan=alasan, alasan_en=alasan_en, jumlah_alasan=[a.count(";") + 1 if a else 0 for a in alasan])
    pilih = hasil[hasil["jumlah_alasan"] > 0].copy()
    pilih["_dorman"] = pilih["hari_dorman"].fillna(10**6)
    pilih = pilih.sort_values(["jumlah_alasan", "skor", "_dorman"], ascending=[False, True, False])
    return pilih[["id_kim", "nama_kim", "kode_kelurahan", "skor", "peringkat", "hari_dorman", "alasan", "alasan_en"]
                 ].reset_index(drop=True)
