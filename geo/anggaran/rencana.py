"""Read and validate the budget plan (``data/anggaran.csv``) like the KIM table.

Every problem is reported at once with its Excel row, column, value and fix.
Money columns come back as ``int64`` rupiah; validation never writes a file.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from geo import config
from geo.anggaran.pengaturan import Pengaturan, pengaturan_dari
from geo.anggaran.uang import rupiah, urai_rupiah
from geo.galat import PERINGATAN, Laporan
from geo.masuk.baca import KOLOM_BARIS, baca_tabel
from geo.masuk.dataset import Dataset
from geo.masuk.lapor import PelaporBaris
from geo.masuk.referensi import normalisasi_kode
from geo.masuk.urai import urai_bulat

KOLOM_ANGGARAN: tuple[str, ...] = (
    "id_baris", "id_potensi", "kode_kelurahan", "kegiatan", "jenis_belanja",
    "volume", "satuan", "harga_satuan", "jumlah", "target", "keterangan",
)
KOLOM_OPSIONAL_ANGGARAN = frozenset({"id_potensi", "target", "keterangan"})
KOLOM_WAJIB_ISI = ("id_baris", "kegiatan", "satuan")
# Columns the typed plan adds from the KIM table, for grouping and display.
KOLOM_TURUNAN = ("kelurahan", "kecamatan", "nama_kim")


@dataclass(frozen=True)
class Rencana:
    """A typed plan, its settings and its report; only meaningful when ``ok``."""

    tabel: pd.DataFrame
    laporan: Laporan
    pengaturan: Pengaturan
    path: Path

    @property
    def ok(self) -> bool:
        return self.laporan.ok

    @property
    def total(self) -> int:
        return int(self.tabel["jumlah"].sum()) if len(self.tabel) else 0


_Konteks = PelaporBaris  # the one row-and-column reporter (geo.masuk.lapor)


def tabel_kosong() -> pd.DataFrame:
    """A typed plan without rows (the columns and dtypes a valid plan has)."""
    kolom = {k: pd.Series(dtype=object) for k in (*KOLOM_ANGGARAN, *KOLOM_TURUNAN)}
    for k in ("volume", "harga_satuan", "jumlah"):
        kolom[k] = pd.Series(dtype="int64")
    kolom[KOLOM_BARIS] = pd.Series(dtype="int64")
    return pd.DataFrame(kolom)


def _cek_kolom(k: _Konteks) -> None:
    kolom = list(k.frame.columns)
    for nama in sorted({c for c in kolom if kolom.count(c) > 1}):
        k.laporan.tambah(k.berkas, "Judul kolom ini muncul lebih dari sekali. Hapus atau ganti nama salah satunya.", baris=1, kolom=nama)
    for nama in KOLOM_ANGGARAN:
        if nama not in kolom and nama not in KOLOM_OPSIONAL_ANGGARAN:
            k.laporan.tambah(k.berkas, f"Kolom wajib tidak ada. Tambahkan kolom {nama} di baris judul; urutan kolom: "
                             f"{', '.join(KOLOM_ANGGARAN)}.", baris=1, kolom=nama)
    for nama in kolom:
        if nama not in KOLOM_ANGGARAN and nama not in (KOLOM_BARIS, *KOLOM_TURUNAN):
            k.laporan.tambah(k.berkas, "Kolom tidak dikenal; isinya diabaikan. Periksa ejaan judul kolom.", baris=1, kolom=nama,
                             tingkat=PERINGATAN)


def _cek_wajib(k: _Konteks) -> None:
    for kolom in KOLOM_WAJIB_ISI:
        if kolom in k.frame:
            for idx in k.frame.index[k.frame[kolom] == ""]:
                k.masalah(idx, kolom, f"Kolom {kolom} wajib diisi.")
    if "id_baris" in k.frame:
        ids = k.frame["id_baris"]
        pertama = dict(zip(ids[ids != ""].drop_duplicates(), k.frame.loc[ids[ids != ""].drop_duplicates().index, KOLOM_BARIS]))
        for idx in k.frame.index[ids.duplicated() & (ids != "")]:
            k.masalah(idx, "id_baris", f"id_baris ganda: sudah dipakai di baris {pertama[ids[idx]]}. Setiap baris anggaran perlu id unik.")


def _kunci(teks: str) -> str:
    return re.sub(r"[^0-9a-z]+", "", str(teks).lower())


def _cek_jenis(k: _Konteks, pilihan: tuple[str, ...]) -> None:
    if "jenis_belanja" not in k.frame:
        return
    peta = {_kunci(p): p for p in pilihan}
    hasil = k.frame["jenis_belanja"].map(lambda v: peta.get(_kunci(v), ""))
    for idx in k.frame.index[hasil == ""]:
        teks = k.frame.at[idx, "jenis_belanja"]
        if not teks:
            k.masalah(idx, "jenis_belanja", f"Kolom jenis_belanja wajib diisi. Pilihan: {', '.join(pilihan)}.")
            continue
        saran = difflib.get_close_matches(_kunci(teks), list(peta), n=1, cutoff=0.5)
        mungkin = f" Mungkin maksud Anda '{peta[saran[0]]}'?" if saran else ""
        k.masalah(idx, "jenis_belanja", f"Jenis belanja tidak dikenal.{mungkin} Pilihan yang sah (jenis_belanja di wilayah.json): "
                  f"{', '.join(pilihan)}.")
    k.frame["jenis_belanja"] = hasil.where(hasil != "", k.frame["jenis_belanja"])


def _cek_sasaran(k: _Konteks, dataset: Dataset) -> pd.DataFrame:
    """Each row's kelurahan and KIM: from ``id_potensi``, or ``kode_kelurahan`` for a kelurahan-wide item."""
    kosong = pd.Series("", index=k.frame.index)
    idp = k.frame.get("id_potensi", kosong)
    kode_mentah = k.frame.get("kode_kelurahan", kosong)
    kode = kode_mentah.map(normalisasi_kode)
    potensi = dataset.potensi.drop_duplicates("id_potensi").set_index("id_potensi")
    kode_dari_id = idp.map(potensi["kode_kelurahan"]).fillna("")
    ref = dataset.referensi
    dikenal = kode.map(ref.ada)
    kode_nama = kode.map(lambda v: ref.cari_nama(v) if v else None)
    for idx in idp.index[(idp != "") & (kode_dari_id == "")]:
        saran = difflib.get_close_matches(idp[idx], list(potensi.index), n=1, cutoff=0.6)
        mungkin = f" Mungkin maksud Anda '{saran[0]}'?" if saran else ""
        k.masalah(idx, "id_potensi", f"id_potensi tidak ada di data KIM ({dataset.path_kim.name}).{mungkin} "
                  "Pakai id dari data KIM, atau kosongkan dan isi kode_kelurahan untuk kegiatan tingkat kelurahan.")
    for idx in kode.index[(kode != "") & ~dikenal & kode_nama.isna()]:
        k.masalah(idx, "kode_kelurahan", f"Kode kelurahan tidak dikenal di tabel referensi. Gunakan kode Kemendagri, misalnya {ref.kode[0]}.")
    kode = kode.where(dikenal, kode_nama.fillna(""))
    for idx in kode.index[(kode == "") & (idp == "") & (kode_mentah == "")]:  # an unknown code was reported above
        k.masalah(idx, "kode_kelurahan", "Isi id_potensi (untuk satu potensi) atau kode_kelurahan (untuk kegiatan seluruh KIM kelurahan).")
    beda = (kode != "") & (kode_dari_id != "") & (kode != kode_dari_id)
    for idx in kode.index[beda]:
        k.masalah(idx, "kode_kelurahan", f"Kode kelurahan tidak cocok dengan id_potensi {idp[idx]}, yang berada di {kode_dari_id[idx]}. "
                  "Perbaiki salah satunya atau kosongkan kode_kelurahan.")
    akhir = kode_dari_id.where(kode_dari_id != "", kode)
    nama_kim = dataset.nama_kim()
    tabel_ref = ref.tabel
    ada = akhir.isin(tabel_ref.index)
    return pd.DataFrame({
        "kode_kelurahan": akhir,
        "kelurahan": akhir.where(ada, "").map(lambda kd: tabel_ref.at[kd, "kelurahan"] if kd else ""),
        "kecamatan": akhir.where(ada, "").map(lambda kd: tabel_ref.at[kd, "kecamatan"] if kd else ""),
        "nama_kim": akhir.map(nama_kim).fillna(""),
    }, index=k.frame.index)


def _urai(k: _Konteks, kolom: str, pengurai: Callable[[str], int], boleh_kosong: bool = False) -> pd.Series:
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


def _volume(teks: str) -> int:
    try:
        nilai = urai_bulat(teks)
    except ValueError:
        raise ValueError("bukan bilangan bulat. Tulis volume sebagai angka bulat ≥ 1, misalnya 12 (pecah satuannya bila perlu, mis. OH).") from None
    if nilai < 1:
        raise ValueError("harus 1 atau lebih. Hapus barisnya bila kegiatan ini tidak dianggarkan.")
    return nilai


def _cek_uang(k: _Konteks) -> tuple[pd.Series, pd.Series, pd.Series]:
    volume = _urai(k, "volume", _volume)
    harga = _urai(k, "harga_satuan", urai_rupiah)
    jumlah = _urai(k, "jumlah", urai_rupiah, boleh_kosong=True)
    lengkap = volume.notna() & harga.notna()
    hitung = pd.Series([None] * len(k.frame), index=k.frame.index, dtype=object)
    hitung[lengkap] = [int(v) * int(h) for v, h in zip(volume[lengkap], harga[lengkap])]  # Python ints: exact
    if "jumlah" in k.frame:
        for idx in k.frame.index[lengkap & (k.frame["jumlah"] == "")]:
            k.masalah(idx, "jumlah", f"jumlah kosong; diisi {rupiah(hitung[idx])} (volume × harga_satuan).", PERINGATAN)
    salah = lengkap & jumlah.notna() & (jumlah != hitung)
    for idx in k.frame.index[salah]:
        k.masalah(idx, "jumlah", f"jumlah harus sama dengan volume × harga_satuan = {volume[idx]} × {rupiah(harga[idx])} = "
                  f"{rupiah(hitung[idx])}, bukan {rupiah(jumlah[idx])}. Perbaiki jumlah, volume atau harga_satuan.")
    # The arithmetic's figure counts towards the ceiling, so a wrong jumlah is reported once, not twice.
    return volume, harga, hitung.where(lengkap, jumlah)


def _cek_pagu(k: _Konteks, jumlah: pd.Series, pengaturan: Pengaturan) -> None:
    """Over the ceiling is an error on the row where the running total crosses it."""
    pagu = pengaturan.pagu
    angka = jumlah.map(lambda v: 0 if v is None else int(v))
    total = int(sum(angka))
    if pagu <= 0:
        k.laporan.tambah(k.berkas, "Pagu anggaran belum diatur. Isi pagu_anggaran (rupiah bulat) di wilayah.json agar total dapat diperiksa.",
                         tingkat=PERINGATAN)
        return
    if total > pagu:
        kumulatif = angka.cumsum()
        idx = kumulatif.index[kumulatif > pagu][0]
        k.masalah(idx, "jumlah", f"Total rencana {rupiah(total)} melampaui pagu {rupiah(pagu)} sebesar {rupiah(total - pagu)}; "
                  f"baris ini membuat total melewati pagu. Kurangi jumlah beberapa baris sebesar {rupiah(total - pagu)}.")
    elif total < pagu:
        k.laporan.tambah(k.berkas, f"Total rencana {rupiah(total)} masih di bawah pagu {rupiah(pagu)}; sisa {rupiah(pagu - total)} "
                         "belum direncanakan.", tingkat=PERINGATAN)


def validasi_rencana(frame: pd.DataFrame, berkas: str, dataset: Dataset, pengaturan: Pengaturan) -> tuple[pd.DataFrame, Laporan]:
    """Check a text table from :func:`geo.masuk.baca.baca_tabel`; returns it typed plus the report."""
    laporan = Laporan()
    frame = frame.loc[:, ~frame.columns.duplicated()].copy()
    for kolom in KOLOM_ANGGARAN:
        if kolom in frame:
            frame[kolom] = frame[kolom].astype(str).str.strip()
    k = _Konteks(frame, berkas, laporan)
    _cek_kolom(k)
    _cek_wajib(k)
    _cek_jenis(k, pengaturan.jenis_belanja)
    sasaran = _cek_sasaran(k, dataset)
    volume, harga, jumlah = _cek_uang(k)
    _cek_pagu(k, jumlah, pengaturan)
    if not laporan.ok:
        return tabel_kosong(), laporan
    hasil = pd.DataFrame(index=frame.index)
    for kolom in KOLOM_ANGGARAN:
        hasil[kolom] = frame.get(kolom, "")
    for kolom in sasaran.columns:
        hasil[kolom] = sasaran[kolom]
    for kolom, nilai in (("volume", volume), ("harga_satuan", harga), ("jumlah", jumlah)):
        hasil[kolom] = pd.array([int(v) for v in nilai], dtype="int64")
    hasil[KOLOM_BARIS] = frame[KOLOM_BARIS].astype("int64").to_numpy()
    return hasil.reset_index(drop=True), laporan


def muat_rencana(dataset: Dataset, path: Path | str | None = None, pengaturan: Pengaturan | None = None) -> Rencana:
    """The plan at ``path`` (``KIM_ANGGARAN`` or ``data/anggaran.csv``), validated against ``dataset``."""
    path = Path(path) if path else config.path_anggaran()
    pengaturan = pengaturan or pengaturan_dari(dataset.wilayah)
    laporan = Laporan()
    if not path.exists():
        laporan.tambah(path.name, "Rencana anggaran belum ada. Buat usulan awal dengan: python -m geo anggaran usul")
        return Rencana(tabel_kosong(), laporan, pengaturan, path)
    mentah = baca_tabel(path, laporan, kolom_dikenal=KOLOM_ANGGARAN)
    if mentah is None:
        return Rencana(tabel_kosong(), laporan, pengaturan, path)
    tabel, hasil = validasi_rencana(mentah, path.name, dataset, pengaturan)
    laporan.gabung(hasil)
    return Rencana(tabel, laporan, pengaturan, path)
