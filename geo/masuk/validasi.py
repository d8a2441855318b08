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
import pandas as pd

from geo.galat import GALAT, PERINGATAN, Laporan
from geo.masuk import skema
from geo.masuk.baca import KOLOM_BARIS
from geo.masuk.batas import kelurahan_di_titik_seri
from geo.masuk.nama import kunci_seri, selesaikan_nama
from geo.masuk.referensi import Referensi, normalisasi_kode
from geo.masuk.teks import bersihkan_id_kolom, kunci_kosakata, peta_kosakata, saran_kosakata
from geo.masuk.urai import urai_bulat, urai_desimal, urai_tanggal
from geo.masuk.wilayah import Wilayah

# Points a little off the region's polygons (stilt villages, jetties) are
# warned about rather than refused: coastlines in boundary data are coarse.
TOLERANSI_PANTAI_M = 250.0

# Optional: names a row's kab/kota when a desa/kelurahan name repeats across a province.
KOLOM_KABKOTA = "kabkota"

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
        if nama not in skema.KOLOM_KIM and nama not in (KOLOM_BARIS, KOLOM_KABKOTA):
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
    pertama = ids[ids != ""].drop_duplicates()
    baris_pertama = dict(zip(pertama, k.frame.loc[pertama.index, KOLOM_BARIS]))
    for idx in k.frame.index[ids.duplicated() & (ids != "")]:
        k.masalah(idx, "id_potensi", f"id_potensi ganda: sudah dipakai di baris {baris_pertama[ids[idx]]}. Setiap potensi perlu id yang unik.")


def _cek_kosakata(k: _Konteks, kolom: str, pilihan: Sequence[str], nama: str) -> None:
    if kolom not in k.frame:
        return
    peta = peta_kosakata(pilihan)
    unik = pd.unique(k.frame[kolom])
    hasil = k.frame[kolom].map({v: peta.get(kunci_kosakata(v), "") for v in unik})
    for idx in k.frame.index[(hasil == "") & (k.frame[kolom] != "")]:
        saran = saran_kosakata(k.frame.at[idx, kolom], pilihan, cutoff=0.4)
        mungkin = f" Mungkin maksud Anda '{saran}'?" if saran else ""
        k.masalah(idx, kolom, f"{nama} tidak dikenal.{mungkin} Pilihan yang sah: {', '.join(pilihan)}.")
    k.frame[kolom] = hasil.where(hasil != "", k.frame[kolom])


def _kode_seri(kode: pd.Series) -> pd.Series:
    unik = pd.unique(kode)
    return kode.map({v: normalisasi_kode(v) for v in unik})


def _cek_kelurahan(k: _Konteks) -> pd.Series:
    """Resolve each row to a reference code: by code, or by name (homonym-aware) when the code is blank."""
    ref = k.referensi
    kosong = pd.Series("", index=k.frame.index)
    kode = _kode_seri(k.frame.get("kode_kelurahan", kosong))
    nama = k.frame.get("kelurahan", kosong)
    kec = k.frame.get("kecamatan", kosong)
    ada_kode, ada_nama = kode != "", nama != ""
    dikenal = kode.isin(ref.tabel.index)
    # Only rows without a usable code need their name resolved: a national table repeats
    # names hundreds of times, and a merge over every row would multiply them.
    perlu = ada_nama & ~(ada_kode & dikenal)
    kabkota = k.frame.get("kabkota")
    per_nama = selesaikan_nama(ref, nama[perlu], kec[perlu], kabkota[perlu] if kabkota is not None else None)
    per_nama = per_nama.reindex(kode.index).fillna({"kode": "", "jumlah_calon": 0, "calon": ""})
    per_nama["jumlah_calon"] = per_nama["jumlah_calon"].astype(int)
    kode_nama = per_nama["kode"]
    jenis = ref.tabel["jenis_unit"].reindex(kode).fillna("kelurahan").to_numpy()

    for idx in kode.index[ada_kode & ~dikenal]:
        # kode_nama is NaN (truthy!) for an unknown name: never print "nan" to an officer.
        petunjuk = f" Kode untuk {nama[idx]} adalah {kode_nama[idx]}." if isinstance(kode_nama[idx], str) and kode_nama[idx] else ""
        k.masalah(idx, "kode_kelurahan", f"Kode kelurahan tidak dikenal di tabel referensi.{petunjuk} Gunakan kode Kemendagri, misalnya {ref.kode[0]}.")
    # A name is right for a code when that code carries the spelling, even if other units share it.
    pasangan = pd.MultiIndex.from_arrays([kunci_seri(nama), kode])
    sah = pd.MultiIndex.from_frame(ref.nama[["kunci", "kode"]])
    salah_nama = ada_kode & dikenal & ada_nama & ~pd.Series(pasangan.isin(sah), index=kode.index)
    for idx in kode.index[salah_nama]:
        j = jenis[kode.index.get_loc(idx)]
        benar = ref.baris(kode[idx])["kelurahan"]
        k.masalah(idx, "kelurahan", f"Nama {j} '{nama[idx]}' tidak cocok dengan kode {kode[idx]}, yang merupakan {j} {benar}. Perbaiki kode atau namanya.")
    tanpa_kode = ~ada_kode & ada_nama
    for idx in kode.index[tanpa_kode & (per_nama["jumlah_calon"] == 0)]:
        saran = ref.saran_nama(nama[idx])
        mungkin = f" Mungkin maksud Anda '{saran}'?" if saran else ""
        k.masalah(idx, "kelurahan", f"Kelurahan tidak dikenal.{mungkin} Isi kode_kelurahan atau gunakan nama dari tabel referensi.")
    for idx in kode.index[tanpa_kode & (per_nama["jumlah_calon"] > 1)]:
        k.masalah(idx, "kelurahan", f"Nama '{nama[idx]}' dipakai {per_nama.at[idx, 'jumlah_calon']} desa/kelurahan: "
                  f"{per_nama.at[idx, 'calon']}. Isi kode_kelurahan, atau kecamatan yang benar, agar jelas yang mana.")
    for idx in kode.index[~ada_kode & ~ada_nama]:
        k.masalah(idx, "kode_kelurahan", "Isi kode_kelurahan (kode Kemendagri) atau nama kelurahan.")

    hasil = kode.where(ada_kode & dikenal & ~salah_nama, "")
    hasil = hasil.mask(~ada_kode & (kode_nama != ""), kode_nama)
    kec_benar = hasil.map(ref.tabel["kecamatan"]).fillna("")
    salah_kec = (hasil != "") & (kec != "") & (kunci_seri(kec) != kunci_seri(kec_benar))
    for idx in kode.index[salah_kec]:
        k.masalah(idx, "kecamatan", f"Kecamatan tidak cocok: kelurahan ini berada di Kecamatan {kec_benar[idx]}.")
    return hasil


def _cek_ada_di_batas(k: _Konteks, kode: pd.Series) -> None:
    if k.batas is None:
        return
    hilang = (kode != "") & ~kode.isin(k.batas["kode"])
    for idx in kode.index[hilang]:
        k.masalah(idx, "kode_kelurahan", "Kelurahan ini tidak ada di berkas batas wilayah, jadi tidak tampil di peta. Impor batas yang lengkap.", PERINGATAN)


def _urai_kolom(k: _Konteks, kolom: str, pengurai: Callable[[str], object], boleh_kosong: bool,
                cepat: Callable[[pd.Series], pd.Series]) -> pd.Series:
    """Parse a whole column at once; only cells the fast path leaves as NA go through ``pengurai``.

    The fast path accepts only plainly valid text, so every message still
    comes from the one per-value parser and stays as exact as before.
    """
    if kolom not in k.frame:
        return cepat(pd.Series([], dtype=object)).reindex(k.frame.index)
    teks = k.frame[kolom]
    kosong = teks == ""
    if not boleh_kosong:
        for idx in k.frame.index[kosong]:
            k.masalah(idx, kolom, f"Kolom {kolom} wajib diisi.")
    nilai = cepat(teks.where(~kosong, None))
    for idx in teks.index[nilai.isna() & ~kosong]:
        try:
            nilai[idx] = pengurai(teks[idx])
        except ValueError as exc:
            k.masalah(idx, kolom, f"Nilai {exc}")
    return nilai


def _desimal_cepat(teks: pd.Series) -> pd.Series:
    bersih = teks.astype("string").str.strip()
    koma = bersih.str.fullmatch(r"-?\d+,\d+").fillna(False)
    bersih = bersih.mask(koma, bersih.str.replace(",", ".", regex=False))
    polos = bersih.str.fullmatch(r"-?\d+(\.\d+)?").fillna(False)
    return pd.to_numeric(bersih.where(polos), errors="coerce").astype(float)


def _bulat_cepat(teks: pd.Series) -> pd.Series:
    bersih = teks.astype("string").str.strip()
    polos = bersih.str.fullmatch(r"-?\d{1,15}").fillna(False)
    return pd.to_numeric(bersih.where(polos), errors="coerce").astype(float)


def _tanggal_cepat(teks: pd.Series) -> pd.Series:
    bersih = teks.astype("string").str.strip()
    iso = pd.to_datetime(bersih.where(bersih.str.fullmatch(r"\d{4}-\d{2}-\d{2}").fillna(False)), format="%Y-%m-%d", errors="coerce")
    hbt = pd.to_datetime(bersih.where(bersih.str.fullmatch(r"\d{2}/\d{2}/\d{4}").fillna(False)), format="%d/%m/%Y", errors="coerce")
    return pd.Series(iso.fillna(hbt), index=teks.index)


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


def _bbox(k: _Konteks) -> tuple[float, float, float, float] | None:
    if k.batas is not None and len(k.batas):
        return tuple(k.batas.total_bounds)  # type: ignore[return-value]
    return k.wilayah.batas_bbox


def _cek_koordinat(k: _Konteks, kode: pd.Series) -> tuple[pd.Series, pd.Series]:
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
        _cek_dalam_batas(k, lintang[ada], bujur[ada], kode[ada])
    return lintang.where(ada), bujur.where(ada)


def _di_bbox(lon: pd.Series, lat: pd.Series, bbox: tuple[float, float, float, float]) -> pd.Series:
    pad = 0.05  # about 5 km: enough for a jetty, not for a typo
    return lon.between(bbox[0] - pad, bbox[2] + pad) & lat.between(bbox[1] - pad, bbox[3] + pad)


def _cek_dalam_batas(k: _Konteks, lintang: pd.Series, bujur: pd.Series, kode: pd.Series) -> None:
    batas = k.batas.reset_index(drop=True)  # type: ignore[union-attr]
    titik = gpd.GeoSeries(gpd.points_from_xy(bujur, lintang), index=lintang.index, crs="EPSG:4326")
    di = kelurahan_di_titik_seri(batas, titik)
    luar = di.index[di == ""]
    if len(luar):
        dekat = batas.iloc[batas.sindex.nearest(titik[luar].to_numpy(), return_all=False)[1]]
        crs_m = batas.estimate_utm_crs()
        jarak = titik[luar].to_crs(crs_m).distance(gpd.GeoSeries(dekat.geometry.to_numpy(), index=luar, crs=batas.crs).to_crs(crs_m))
        for idx, m in jarak.items():
            if m > TOLERANSI_PANTAI_M:
                k.masalah(idx, "lintang", f"Titik berada di luar wilayah, sekitar {m / 1000:.1f} km dari batas terdekat. Periksa koordinat (gunakan titik dari peta, derajat desimal WGS84).")
            else:
                k.masalah(idx, "lintang", f"Titik berada sedikit di luar batas wilayah ({m:.0f} m), misalnya di atas air. Periksa bila tidak disengaja.", PERINGATAN)
    nama = di.map(batas.set_index("kode")["kelurahan"])
    for idx in di.index[(di != "") & (kode != "") & (di != kode)]:
        k.masalah(idx, "lintang", f"Titik berada di Kelurahan {nama[idx]}, bukan di kelurahan baris ini. Periksa koordinat atau kelurahannya.", PERINGATAN)


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
    for kolom in ("kelurahan", "kecamatan"):
        hasil[kolom] = kode.map(ref[kolom]).where(dikenal, hasil[kolom])
    hasil["jumlah_anggota"] = anggota.round().astype("Int64")
    hasil["kegiatan_terakhir"] = tanggal
    hasil["lintang"] = lintang
    hasil["bujur"] = bujur
    hasil[KOLOM_BARIS] = frame[KOLOM_BARIS].astype(int).to_numpy()
    return hasil.reset_index(drop=True), laporan



