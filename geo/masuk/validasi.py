"""Validate a KIM table and return it typed, with every problem reported.

Rules run column by column over the whole table so that one pass reports
everything: the officer fixes the file once, not once per error. Validation
never writes to the file; it only reads and reports.
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import geopandas as gpd
import pandas as pd

from geo.galat import GALAT, PERINGATAN, Laporan
from geo.masuk import skema
from geo.masuk.baca import KOLOM_BARIS
from geo.masuk.referensi import Referensi, normalisasi_kode, normalisasi_nama
from geo.masuk.urai import urai_bulat, urai_desimal, urai_tanggal
from geo.masuk.wilayah import Wilayah

# Points a little off the region's polygons (stilt villages, jetties) are
# warned about rather than refused: coastlines in boundary data are coarse.
TOLERANSI_PANTAI_M = 250.0

KOLOM_WAJIB_ISI = ("id_potensi", "nama_kim", "nama_potensi", "kategori_potensi", "status_aktivitas")


@dataclass
class _Konteks:
    frame: pd.DataFrame
    berkas: str
    laporan: Laporan
    referensi: Referensi
    wilayah: Wilayah
    batas: gpd.GeoDataFrame | None

    def masalah(self, idx: object, kolom: str, pesan: str, tingkat: str = GALAT) -> None:
        nilai = self.frame.at[idx, kolom] if kolom in self.frame.columns else None
        self.laporan.tambah(
            self.berkas,
            pesan,
            baris=int(self.frame.at[idx, KOLOM_BARIS]),
            kolom=kolom,
            nilai=None if nilai is None else str(nilai),
            tingkat=tingkat,
        )


def _kunci_kosakata(teks: str) -> str:
    teks = re.sub(r"\bdan\b", "&", str(teks).lower())
    return re.sub(r"[^0-9a-z&]+", "", teks)


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
        if nama not in skema.KOLOM_KIM and nama != KOLOM_BARIS:
            k.laporan.tambah(k.berkas, "Kolom tidak dikenal; isinya diabaikan. Periksa ejaan judul kolom.", baris=1, kolom=nama, tingkat=PERINGATAN)


def _cek_wajib_isi(k: _Konteks) -> None:
    for kolom in KOLOM_WAJIB_ISI:
        if kolom in k.frame:
            for idx in k.frame.index[k.frame[kolom] == ""]:
                k.masalah(idx, kolom, f"Kolom {kolom} wajib diisi.")


def _cek_id(k: _Konteks) -> None:
    if "id_potensi" not in k.frame:
        return
    ids = k.frame["id_potensi"]
    pertama = ids[ids != ""].drop_duplicates()
    baris_pertama = dict(zip(pertama, k.frame.loc[pertama.index, KOLOM_BARIS]))
    for idx in k.frame.index[ids.duplicated() & (ids != "")]:
        k.masalah(idx, "id_potensi", f"id_potensi ganda: sudah dipakai di baris {baris_pertama[ids[idx]]}. Setiap potensi perlu id yang unik.")


def _cek_kosakata(k: _Konteks, kolom: str, pilihan: Sequence[str], nama: str) -> None:
    if kolom not in k.frame:
        return
    peta = {_kunci_kosakata(p): p for p in pilihan}
    hasil = k.frame[kolom].map(lambda v: peta.get(_kunci_kosakata(v), ""))
    for idx in k.frame.index[(hasil == "") & (k.frame[kolom] != "")]:
        saran = difflib.get_close_matches(_kunci_kosakata(k.frame.at[idx, kolom]), list(peta), n=1, cutoff=0.4)
        mungkin = f" Mungkin maksud Anda '{peta[saran[0]]}'?" if saran else ""
        k.masalah(idx, kolom, f"{nama} tidak dikenal.{mungkin} Pilihan yang sah: {', '.join(pilihan)}.")
    k.frame[kolom] = hasil.where(hasil != "", k.frame[kolom])


def _cek_kelurahan(k: _Konteks) -> pd.Series:
    """Resolve each row to a reference code: by code, or by name when the code is blank."""
    ref = k.referensi
    kosong = pd.Series("", index=k.frame.index)
    kode = k.frame.get("kode_kelurahan", kosong).map(normalisasi_kode)
    nama = k.frame.get("kelurahan", kosong)
    kec = k.frame.get("kecamatan", kosong)
    kode_nama = nama.map(lambda n: ref.cari_nama(n) if n else None)
    ada_kode, ada_nama = kode != "", nama != ""
    dikenal = kode.map(ref.ada)

    for idx in kode.index[ada_kode & ~dikenal]:
        petunjuk = f" Kode untuk {nama[idx]} adalah {kode_nama[idx]}." if kode_nama[idx] else ""
        k.masalah(idx, "kode_kelurahan", f"Kode kelurahan tidak dikenal di tabel referensi.{petunjuk} Gunakan kode Kemendagri, misalnya {ref.kode[0]}.")
    salah_nama = ada_kode & dikenal & ada_nama & (kode_nama != kode)
    for idx in kode.index[salah_nama]:
        benar = ref.baris(kode[idx])["kelurahan"]
        k.masalah(idx, "kelurahan", f"Nama kelurahan tidak cocok dengan kode {kode[idx]}, yang merupakan kelurahan {benar}. Perbaiki kode atau namanya.")
    for idx in kode.index[~ada_kode & ada_nama & kode_nama.isna()]:
        saran = ref.saran_nama(nama[idx])
        mungkin = f" Mungkin maksud Anda '{saran}'?" if saran else ""
        k.masalah(idx, "kelurahan", f"Kelurahan tidak dikenal.{mungkin} Isi kode_kelurahan atau gunakan nama dari tabel referensi.")
    for idx in kode.index[~ada_kode & ~ada_nama]:
        k.masalah(idx, "kode_kelurahan", "Isi kode_kelurahan (kode Kemendagri) atau nama kelurahan.")

    hasil = kode.where(ada_kode & dikenal & ~salah_nama, "")
    hasil = hasil.mask(~ada_kode & kode_nama.notna(), kode_nama)
    kec_benar = hasil.map(lambda kd: ref.baris(kd)["kecamatan"] if kd else "")
    salah_kec = (hasil != "") & (kec != "") & (kec.map(normalisasi_nama) != kec_benar.map(normalisasi_nama))
    for idx in kode.index[salah_kec]:
        k.masalah(idx, "kecamatan", f"Kecamatan tidak cocok: kelurahan ini berada di Kecamatan {kec_benar[idx]}.")
    return hasil


def _cek_ada_di_batas(k: _Konteks, kode: pd.Series) -> None:
    if k.batas is None:
        return
    hilang = (kode != "") & ~kode.isin(k.batas["kode"])
    for idx in kode.index[hilang]:
        k.masalah(idx, "kode_kelurahan", "Kelurahan ini tidak ada di berkas batas wilayah, jadi tidak tampil di peta. Impor batas yang lengkap.", PERINGATAN)


def _urai_kolom(k: _Konteks, kolom: str, pengurai: Callable[[str], object], boleh_kosong: bool) -> pd.Series:
    nilai = pd.Series([None] * len(k.frame), index=k.frame.index, dtype=object)
    if kolom not in k.frame:
        return nilai
    for idx, teks in k.frame[kolom].items():
        if teks == "":
            if not boleh_kosong:
                k.masalah(idx, kolom, f"Kolom {kolom} wajib diisi.")
            continue
        try:
            nilai[idx] = pengurai(teks)
        except ValueError as exc:
            k.masalah(idx, kolom, f"Nilai {exc}")
    return nilai


def _cek_anggota(k: _Konteks) -> pd.Series:
    anggota = _urai_kolom(k, "jumlah_anggota", urai_bulat, boleh_kosong=True)
    for idx in anggota.index[anggota.map(lambda v: v is not None and v < 0)]:
        k.masalah(idx, "jumlah_anggota", "Jumlah anggota tidak boleh negatif. Isi 0 atau lebih.")
        anggota[idx] = None
    if "jumlah_anggota" in k.frame:
        for idx in k.frame.index[k.frame["jumlah_anggota"] == ""]:
            k.masalah(idx, "jumlah_anggota", "Jumlah anggota kosong; dihitung sebagai tidak diketahui.", PERINGATAN)
    return anggota


def _cek_tanggal(k: _Konteks) -> pd.Series:
    tanggal = _urai_kolom(k, "kegiatan_terakhir", urai_tanggal, boleh_kosong=True)
    besok = dt.date.today() + dt.timedelta(days=1)
    for idx in tanggal.index[tanggal.map(lambda v: v is not None and v > besok)]:
        k.masalah(idx, "kegiatan_terakhir", "Tanggal kegiatan terakhir ada di masa depan. Periksa tahun atau urutan hari/bulan.", PERINGATAN)
    return tanggal


def _bbox(k: _Konteks) -> tuple[float, float, float, float] | None:
    if k.batas is not None and len(k.batas):
        return tuple(k.batas.total_bounds)  # type: ignore[return-value]
    return k.wilayah.batas_bbox


def _cek_koordinat(k: _Konteks, kode: pd.Series) -> tuple[pd.Series, pd.Series]:
    lintang = _urai_kolom(k, "lintang", urai_desimal, boleh_kosong=False)
    bujur = _urai_kolom(k, "bujur", urai_desimal, boleh_kosong=False)
    bbox = _bbox(k)
    ada = lintang.notna() & bujur.notna()
    for idx in lintang.index[ada]:
        lat, lon = lintang[idx], bujur[idx]
        if bbox and not _di_bbox(lon, lat, bbox) and _di_bbox(lat, lon, bbox):
            k.masalah(idx, "lintang", f"Lintang dan bujur tampaknya tertukar ({lat}, {lon}). Lintang (utara-selatan) untuk wilayah ini sekitar {bbox[1]:.2f}–{bbox[3]:.2f}, bujur sekitar {bbox[0]:.2f}–{bbox[2]:.2f}.")
            ada[idx] = False
        elif not -90 <= lat <= 90:
            k.masalah(idx, "lintang", "Lintang harus antara -90 dan 90.")
            ada[idx] = False
        elif not -180 <= lon <= 180:
            k.masalah(idx, "bujur", "Bujur harus antara -180 dan 180.")
            ada[idx] = False
    if k.batas is not None and len(k.batas) and ada.any():
        _cek_dalam_batas(k, lintang[ada].astype(float), bujur[ada].astype(float), kode[ada])
    return lintang.where(ada, None), bujur.where(ada, None)


def _di_bbox(lon: float, lat: float, bbox: tuple[float, float, float, float]) -> bool:
    pad = 0.05  # about 5 km: enough for a jetty, not for a typo
    return bool(bbox[0] - pad <= lon <= bbox[2] + pad and bbox[1] - pad <= lat <= bbox[3] + pad)


def _cek_dalam_batas(k: _Konteks, lintang: pd.Series, bujur: pd.Series, kode: pd.Series) -> None:
    batas = k.batas.reset_index(drop=True)  # type: ignore[union-attr]
    titik = gpd.GeoSeries(gpd.points_from_xy(bujur, lintang), index=lintang.index, crs="EPSG:4326")
    pasangan = gpd.sjoin(gpd.GeoDataFrame(geometry=titik), batas[["kode", "kelurahan", "geometry"]], predicate="within", how="left")
    pasangan = pasangan[~pasangan.index.duplicated()]
    luar = pasangan.index[pasangan["kode"].isna()]
    if len(luar):
        crs_m = batas.estimate_utm_crs()
        jarak = titik[luar].to_crs(crs_m).distance(batas.to_crs(crs_m).union_all())
        for idx, m in jarak.items():
            if m > TOLERANSI_PANTAI_M:
                k.masalah(idx, "lintang", f"Titik berada di luar wilayah, sekitar {m / 1000:.1f} km dari batas terdekat. Periksa koordinat (gunakan titik dari peta, derajat desimal WGS84).")
            else:
                k.masalah(idx, "lintang", f"Titik berada sedikit di luar batas wilayah ({m:.0f} m), misalnya di atas air. Periksa bila tidak disengaja.", PERINGATAN)
    dalam = pasangan.index[pasangan["kode"].notna()]
    beda = [i for i in dalam if kode[i] and pasangan.at[i, "kode"] != kode[i]]
    for idx in beda:
        k.masalah(idx, "lintang", f"Titik berada di Kelurahan {pasangan.at[idx, 'kelurahan']}, bukan di kelurahan baris ini. Periksa koordinat atau kelurahannya.", PERINGATAN)


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
    kode = _cek_kelurahan(k)
    _cek_ada_di_batas(k, kode)
    anggota = _cek_anggota(k)
    tanggal = _cek_tanggal(k)
    lintang, bujur = _cek_koordinat(k, kode)

    hasil = pd.DataFrame(index=frame.index)
    for kolom in skema.KOLOM_KIM:
        hasil[kolom] = frame.get(kolom, "")
    hasil["kode_kelurahan"] = kode
    ref = referensi.tabel
    dikenal = kode != ""
    hasil.loc[dikenal, "kelurahan"] = ref.loc[kode[dikenal], "kelurahan"].to_numpy()
    hasil.loc[dikenal, "kecamatan"] = ref.loc[kode[dikenal], "kecamatan"].to_numpy()
    hasil["jumlah_anggota"] = pd.array(anggota.tolist(), dtype="Int64")
    hasil["kegiatan_terakhir"] = pd.to_datetime(pd.Series(tanggal.tolist(), index=frame.index, dtype=object))
    hasil["lintang"] = pd.to_numeric(lintang, errors="coerce").astype(float)
    hasil["bujur"] = pd.to_numeric(bujur, errors="coerce").astype(float)
    hasil[KOLOM_BARIS] = frame[KOLOM_BARIS].astype(int).to_numpy()
    return hasil.reset_index(drop=True), laporan



