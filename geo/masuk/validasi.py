"""Validate a KIM table and return it typed, with every problem reported.

Rules run column by column over the whole table so that one pass reports
everything: the officer fixes the file once, not once per error. Validation
never writes to the file; it only reads and reports.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import geopandas as gpd
import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from geo.galat import PERINGATAN, Laporan
from geo.masuk import skema
from geo.masuk.baca import KOLOM_BARIS
from geo.masuk.lapor import PelaporBaris
from geo.masuk.nama import cek_kelurahan
from geo.masuk.referensi import Referensi
from geo.masuk.teks import bersihkan_id_kolom, kunci_kosakata, per_nilai, peta_kosakata, saran_kosakata
from geo.masuk.urai import urai_bulat, urai_desimal, urai_tanggal
from geo.masuk.validasi_titik import TOLERANSI_PANTAI_M, cek_dalam_batas  # noqa: F401 - re-exported
from geo.masuk.wilayah import Wilayah

# Optional: names a row's kab/kota when a desa/kelurahan name repeats across a province.
KOLOM_KABKOTA = "kabkota"
# Optional: the row's KIM in the KIM table (profil_kim.csv, geo.kim); without it the KIM is found by nama_kim.
KOLOM_ID_KIM = "id_kim"

KOLOM_WAJIB_ISI = ("id_potensi", "nama_kim", "nama_potensi", "kategori_potensi", "status_aktivitas")


@dataclass
class _Konteks(PelaporBaris):
    """The shared reporter (geo.masuk.lapor) plus what the checks compare against."""

    referensi: Referensi | None = None
    wilayah: Wilayah | None = None
    batas: gpd.GeoDataFrame | None = None


def _cek_kolom(k: _Konteks) -> None:
    kolom = list(k.frame.columns)
    for nama in sorted({c for c in kolom if kolom.count(c) > 1}):
        k.laporan.tambah(k.berkas, "Judul kolom ini muncul lebih dari sekali. Hapus atau ganti nama salah satunya.", baris=1, kolom=nama)
    kurang = [c for c in skema.KOLOM_KIM if c not in kolom and c not in skema.KOLOM_OPSIONAL]
    for nama in kurang:
        k.laporan.tambah(
            k.berkas,
            f"Kolom wajib tidak ada. Tambahkan kolom {nama} di baris judul (baris 1); urutan kolom yang dianjurkan: "
            f"{', '.join(skema.KOLOM_KIM)} (lihat templat di data/templat_kim.csv).",
            baris=1,
            kolom=nama,
        )
    for nama in kolom:
        if nama not in skema.KOLOM_KIM and nama not in (KOLOM_BARIS, KOLOM_KABKOTA, KOLOM_ID_KIM, *skema.KOLOM_TURUNAN, "skor_kim"):
            k.laporan.tambah(k.berkas, "Kolom tidak dikenal; isinya diabaikan. Periksa ejaan judul kolom.", baris=1, kolom=nama, tingkat=PERINGATAN)


def _cek_wajib_isi(k: _Konteks) -> None:
    for kolom in KOLOM_WAJIB_ISI:
        if kolom in k.frame:
            for idx in k.frame.index[k.frame[kolom] == ""]:
                k.masalah(idx, kolom, f"Kolom {kolom} wajib diisi.")


def _cek_id(k: _Konteks) -> None:
    if "id_potensi" not in k.frame:
        return
    # Look-alike ids (zero-width space, bidi override, non-breaking hyphen) are one id.
    k.frame["id_potensi"] = bersihkan_id_kolom(k.frame["id_potensi"])
    ids = k.frame["id_potensi"]
    ulang = ids.duplicated().to_numpy()
    ganda = ulang & (ids != "").to_numpy()
    if not ganda.any():
        return
    # Only the ids that repeat need their first row: no 400,000-entry dict for a clean file.
    pertama = ids[~ulang & ids.isin(ids[ganda]).to_numpy()]
    baris_pertama = dict(zip(pertama, k.frame.loc[pertama.index, KOLOM_BARIS]))
    for idx in k.frame.index[ganda]:
        k.masalah(idx, "id_potensi", f"id_potensi ganda: sudah dipakai di baris {baris_pertama[ids[idx]]}. Setiap potensi perlu id yang unik.")


def _cek_kosakata(k: _Konteks, kolom: str, pilihan: Sequence[str], nama: str) -> None:
    if kolom not in k.frame:
        return
    peta = peta_kosakata(pilihan)
    hasil = per_nilai(k.frame[kolom], lambda v: peta.get(kunci_kosakata(v), ""))
    saran: dict[str, str | None] = {}
    for idx in k.frame.index[(hasil == "") & (k.frame[kolom] != "")]:
        teks = k.frame.at[idx, kolom]
        if teks not in saran:
            saran[teks] = saran_kosakata(teks, pilihan, cutoff=0.4)
        mungkin = f" Mungkin maksud Anda '{saran[teks]}'?" if saran[teks] else ""
        k.masalah(idx, kolom, f"{nama} tidak dikenal.{mungkin} Pilihan yang sah: {', '.join(pilihan)}.")
    k.frame[kolom] = hasil.where(hasil != "", k.frame[kolom])


def _posisi(nilai: pd.Series, kode: pd.Series) -> np.ndarray:
    """Position of each code's first row in ``nilai`` (-1 where absent): one hash look-up per row."""
    indeks = pd.Index(nilai.to_numpy(dtype=object), dtype=object)
    cari = pd.Index(kode.to_numpy(dtype=object), dtype=object)
    if indeks.is_unique:
        return indeks.get_indexer(cari)
    pertama = np.flatnonzero(~indeks.duplicated())
    pos = indeks[pertama].get_indexer(cari)
    return np.where(pos >= 0, pertama[np.maximum(pos, 0)], -1)


def _cek_ada_di_batas(k: _Konteks, kode: pd.Series, pos: np.ndarray) -> np.ndarray | None:
    """Warn about codes without a polygon; returns each row's polygon position (None without boundaries).

    ``pos`` is each row's place in the reference: its 83,000 codes are looked
    up in the boundaries once, not the 400,000 rows.
    """
    if k.batas is None:
        return None
    ref_ke_batas = _posisi(k.batas["kode"], k.referensi.tabel.index.to_series())
    pos_batas = np.where(pos >= 0, ref_ke_batas[np.maximum(pos, 0)], -1) if len(ref_ke_batas) else np.full(len(kode), -1)
    hilang = (kode != "").to_numpy() & (pos_batas < 0)
    for idx in kode.index[hilang]:
        k.masalah(idx, "kode_kelurahan", "Kelurahan ini tidak ada di berkas batas wilayah, jadi tidak tampil di peta. Impor batas yang lengkap.", PERINGATAN)
    return pos_batas


def _urai_kolom(k: _Konteks, kolom: str, pengurai: Callable[[str], object], boleh_kosong: bool,
                cepat: Callable[[pd.Series], pd.Series]) -> pd.Series:
    """Parse a whole column at once; only cells the fast path leaves as NA go through ``pengurai``.

    The fast path accepts only plainly valid text, so every message still
    comes from the one per-value parser and stays as exact as before.
    """
    if kolom not in k.frame:
        return cepat(pd.Series([], dtype=object)).reindex(k.frame.index)
    teks = k.frame[kolom]
    kosong = (teks == "").to_numpy()
    if not boleh_kosong:
        for idx in k.frame.index[kosong]:
            k.masalah(idx, kolom, f"Kolom {kolom} wajib diisi.")
    nilai = cepat(teks.where(~kosong, None))
    isi = {}
    for idx in teks.index[nilai.isna().to_numpy() & ~kosong]:
        try:
            isi[idx] = pengurai(teks[idx])
        except ValueError as exc:
            k.masalah(idx, kolom, f"Nilai {exc}")
    if isi:
        nilai.loc[list(isi)] = list(isi.values())
    return nilai


def _ke_float(teks: pd.Series, sah: pd.Series) -> pd.Series:
    """Text already checked as a plain decimal → float, by Arrow (correctly rounded, as ``float()``)."""
    arr = pa.array(teks.where(sah).astype("string[pyarrow]").array)
    return pd.Series(pc.cast(arr, pa.float64()).to_numpy(zero_copy_only=False), index=teks.index)


def _desimal_cepat(teks: pd.Series) -> pd.Series:
    # No strip: the reader has stripped every cell, and a cell with spaces would only take the exact slow path.
    bersih = teks.astype("string")
    polos = bersih.str.fullmatch(r"-?\d+(\.\d+)?").fillna(False)
    koma = ~polos & bersih.str.fullmatch(r"-?\d+,\d+").fillna(False)
    if koma.any():
        bersih = bersih.mask(koma, bersih.str.replace(",", ".", regex=False))
        polos |= koma
    return _ke_float(bersih, polos)


def _bulat_cepat(teks: pd.Series) -> pd.Series:
    bersih = teks.astype("string")
    return _ke_float(bersih, bersih.str.fullmatch(r"-?\d{1,15}").fillna(False))


def _tanggal_cepat(teks: pd.Series) -> pd.Series:
    """ISO and dd/mm/yyyy dates, parsed once per distinct text (a table has a few thousand dates)."""
    kode, unik = pd.factorize(teks)
    bersih = pd.Series(unik, dtype="string").str.strip()
    iso = pd.to_datetime(bersih.where(bersih.str.fullmatch(r"\d{4}-\d{2}-\d{2}").fillna(False)), format="%Y-%m-%d", errors="coerce")
    hbt = pd.to_datetime(bersih.where(bersih.str.fullmatch(r"\d{2}/\d{2}/\d{4}").fillna(False)), format="%d/%m/%Y", errors="coerce")
    tanggal = pd.DatetimeIndex(iso.fillna(hbt)).append(pd.DatetimeIndex([pd.NaT], dtype=iso.dtype))
    return pd.Series(tanggal.take(np.where(kode >= 0, kode, len(unik))), index=teks.index)


def _cek_anggota(k: _Konteks) -> pd.Series:
    anggota = _urai_kolom(k, "jumlah_anggota", urai_bulat, boleh_kosong=True, cepat=_bulat_cepat).astype(float)
    for idx in anggota.index[anggota < 0]:
        k.masalah(idx, "jumlah_anggota", "Jumlah anggota tidak boleh negatif. Isi 0 atau lebih.")
    anggota = anggota.mask(anggota < 0)
    if "jumlah_anggota" in k.frame:
        for idx in k.frame.index[k.frame["jumlah_anggota"] == ""]:
            k.masalah(idx, "jumlah_anggota", "Jumlah anggota kosong; dihitung sebagai tidak diketahui.", PERINGATAN)
    return anggota


def _cek_tanggal(k: _Konteks) -> pd.Series:
    tanggal = pd.to_datetime(_urai_kolom(k, "kegiatan_terakhir", lambda t: pd.Timestamp(urai_tanggal(t)), boleh_kosong=True,
                                         cepat=_tanggal_cepat))
    besok = pd.Timestamp(dt.date.today() + dt.timedelta(days=1))
    for idx in tanggal.index[tanggal > besok]:
        k.masalah(idx, "kegiatan_terakhir", "Tanggal kegiatan terakhir ada di masa depan. Periksa tahun atau urutan hari/bulan.", PERINGATAN)
    return tanggal


def _cek_koordinat(k: _Konteks, kode: pd.Series, pos_batas: np.ndarray | None) -> tuple[pd.Series, pd.Series]:
    lintang = _urai_kolom(k, "lintang", urai_desimal, boleh_kosong=False, cepat=_desimal_cepat).astype(float)
    bujur = _urai_kolom(k, "bujur", urai_desimal, boleh_kosong=False, cepat=_desimal_cepat).astype(float)
    bbox = _bbox(k)
    ada = lintang.notna() & bujur.notna()
    if bbox:
        tertukar = ada & ~_di_bbox(bujur, lintang, bbox) & _di_bbox(lintang, bujur, bbox)
    else:
        tertukar = pd.Series(False, index=lintang.index)
    lintang_luar = ada & ~tertukar & ~lintang.between(-90, 90)
    bujur_luar = ada & ~tertukar & ~lintang_luar & ~bujur.between(-180, 180)
    for idx in lintang.index[tertukar]:
        lat, lon = lintang[idx], bujur[idx]
        k.masalah(idx, "lintang", f"Lintang dan bujur tampaknya tertukar ({lat}, {lon}). Lintang (utara-selatan) untuk wilayah ini sekitar {bbox[1]:.2f}–{bbox[3]:.2f}, bujur sekitar {bbox[0]:.2f}–{bbox[2]:.2f}.")  # type: ignore[index]
    for idx in lintang.index[lintang_luar]:
        k.masalah(idx, "lintang", "Lintang harus antara -90 dan 90.")
    for idx in lintang.index[bujur_luar]:
        k.masalah(idx, "bujur", "Bujur harus antara -180 dan 180.")
    ada &= ~(tertukar | lintang_luar | bujur_luar)
    if k.batas is not None and len(k.batas) and ada.any():
        pilih = ada.to_numpy()
        cek_dalam_batas(k, lintang[pilih], bujur[pilih], kode[pilih], pos_batas[pilih])  # type: ignore[index]
    return lintang.where(ada), bujur.where(ada)


def _bbox(k: _Konteks) -> tuple[float, float, float, float] | None:
    if k.batas is not None and len(k.batas):
        return tuple(k.batas.total_bounds)  # type: ignore[return-value]
    return k.wilayah.batas_bbox


def _di_bbox(lon: pd.Series, lat: pd.Series, bbox: tuple[float, float, float, float]) -> pd.Series:
    pad = 0.05  # about 5 km: enough for a jetty, not for a typo
    return lon.between(bbox[0] - pad, bbox[2] + pad) & lat.between(bbox[1] - pad, bbox[3] + pad)


def _dari_referensi(referensi: Referensi, kolom: str, pos: np.ndarray, lain: pd.Series) -> pd.Series:
    """The reference's ``kolom`` at each position, ``lain`` where the row has no code (dtype kept)."""
    if not len(referensi.tabel):
        return lain
    nilai = referensi.tabel[kolom].array.take(np.maximum(pos, 0))
    return pd.Series(nilai, index=lain.index).where(pos >= 0, lain)


def validasi_kim(
    frame: pd.DataFrame,
    berkas: str,
    referensi: Referensi,
    wilayah: Wilayah,
    batas: gpd.GeoDataFrame | None = None,
) -> tuple[pd.DataFrame, Laporan]:
    """Check a text table from :func:`geo.masuk.baca.baca_tabel` and type its columns.

    Returns the typed table (canonical names, numbers, dates) and the report;
    the table is only meaningful when ``laporan.ok``.
    """
    laporan = Laporan()
    frame = frame.copy()
    frame = frame.loc[:, ~frame.columns.duplicated()]
    k = _Konteks(frame, berkas, laporan, referensi, wilayah, batas)
    _cek_kolom(k)
    _cek_wajib_isi(k)
    _cek_id(k)
    _cek_kosakata(k, "kategori_potensi", wilayah.kategori_potensi, "Kategori potensi")
    _cek_kosakata(k, "status_aktivitas", wilayah.status_aktivitas, "Status aktivitas")
    kode, pos = cek_kelurahan(k.frame, referensi, k.masalah)
    pos_batas = _cek_ada_di_batas(k, kode, pos)
    anggota = _cek_anggota(k)
    tanggal = _cek_tanggal(k)
    lintang, bujur = _cek_koordinat(k, kode, pos_batas)

    hasil = pd.DataFrame(index=frame.index)
    for kolom in skema.KOLOM_KIM:
        hasil[kolom] = frame.get(kolom, "")
    hasil["kode_kelurahan"] = kode
    for kolom in ("kelurahan", "kecamatan"):
        hasil[kolom] = _dari_referensi(referensi, kolom, pos, hasil[kolom])
    hasil["jumlah_anggota"] = anggota.round().astype("Int64")
    hasil["kegiatan_terakhir"] = tanggal
    hasil["lintang"] = lintang
    hasil["bujur"] = bujur
    if KOLOM_ID_KIM in frame:
        hasil[KOLOM_ID_KIM] = frame[KOLOM_ID_KIM]
    hasil[KOLOM_BARIS] = frame[KOLOM_BARIS].astype(int).to_numpy()
    return hasil.reset_index(drop=True), laporan
