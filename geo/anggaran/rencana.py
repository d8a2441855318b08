"""Read and validate the budget plan (``data/anggaran.csv``) like the KIM table.

Every problem is reported at once with its Excel row, column, value and fix.
Money columns come back as ``int64`` rupiah; validation never writes a file.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path

import pandas as pd

from geo import config
from geo.anggaran.koefisien import KOLOM_SATUAN, KOLOM_VOLUME
from geo.anggaran.pengaturan import Pengaturan, pengaturan_dari
from geo.anggaran.rincian import ALIAS_KOLOM, KOLOM_RINCIAN, HasilRincian, cek_akun, cek_hitungan, cek_standar, cek_total_wajar, rumus_teks
from geo.anggaran.uang import rupiah, urai_rupiah
from geo.galat import PERINGATAN, Laporan
from geo.masuk.baca import KOLOM_BARIS, baca_tabel
from geo.masuk.dataset import Dataset
from geo.masuk.lapor import PelaporBaris
from geo.masuk.referensi import normalisasi_kode

KOLOM_ANGGARAN: tuple[str, ...] = (
    "id_baris", "id_potensi", "kode_kelurahan", "kegiatan", "jenis_belanja",
    "volume", "satuan", "harga_satuan", "jumlah", "target", "keterangan",
)
# Every column a plan file holds: the historic eleven, then the SIPD form's fields (optional).
KOLOM_SEMUA: tuple[str, ...] = (*KOLOM_ANGGARAN, *KOLOM_RINCIAN)
KOLOM_OPSIONAL_ANGGARAN = frozenset({"id_potensi", "target", "keterangan", *KOLOM_RINCIAN})
KOLOM_WAJIB_ISI = ("id_baris", "kegiatan", "satuan")
# Columns the typed plan adds from the KIM table, for grouping and display.
KOLOM_TURUNAN = ("kelurahan", "kecamatan", "nama_kim", "nama_akun", "koefisien", "satuan_koefisien", "ppn")
KOLOM_BULAT = (*KOLOM_VOLUME, "koefisien", "harga_satuan", "ppn", "jumlah")


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
    kolom = {k: pd.Series(dtype=object) for k in (*KOLOM_SEMUA, *KOLOM_TURUNAN)}
    for k in KOLOM_BULAT:
        kolom[k] = pd.Series(dtype="int64")
    kolom[KOLOM_BARIS] = pd.Series(dtype="int64")
    return pd.DataFrame(kolom)


def _cek_kolom(k: _Konteks) -> None:
    kolom = list(k.frame.columns)
    for nama in sorted({c for c in kolom if kolom.count(c) > 1}):
        k.laporan.tambah(k.berkas, "Judul kolom ini muncul lebih dari sekali. Hapus atau ganti nama salah satunya.", baris=1, kolom=nama)
    for nama in KOLOM_SEMUA:
        if nama not in kolom and nama not in KOLOM_OPSIONAL_ANGGARAN:
            k.laporan.tambah(k.berkas, f"Kolom wajib tidak ada. Tambahkan kolom {nama} di baris judul; urutan kolom: "
                             f"{', '.join(KOLOM_ANGGARAN)}.", baris=1, kolom=nama)
    for nama in kolom:
        if nama not in KOLOM_SEMUA and nama not in (KOLOM_BARIS, *KOLOM_TURUNAN):
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
    berkode = k.frame["kode_rekening"] != "" if "kode_rekening" in k.frame else pd.Series(False, index=k.frame.index)
    for idx in k.frame.index[hasil == ""]:
        teks = k.frame.at[idx, "jenis_belanja"]
        if not teks and berkode[idx]:  # a form line names its account; the word is optional then
            continue
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


def _cek_uang(k: _Konteks, pengaturan: Pengaturan) -> tuple[HasilRincian, pd.Series, pd.Series]:
    """The line's figures by :mod:`geo.anggaran.koefisien`; a typed jumlah must match them."""
    harga = _urai(k, "harga_satuan", urai_rupiah)
    jumlah = _urai(k, "jumlah", urai_rupiah, boleh_kosong=True)
    rincian = cek_hitungan(k, harga)
    hitung = rincian.hitungan.map(lambda h: None if h is None else h.jumlah)
    lengkap = hitung.notna()
    if "jumlah" in k.frame:
        for idx in k.frame.index[lengkap & (k.frame["jumlah"] == "")]:
            k.masalah(idx, "jumlah", f"jumlah kosong; diisi {rupiah(hitung[idx])} (koefisien × harga_satuan + PPN).", PERINGATAN)
    salah = lengkap & jumlah.notna() & (jumlah != hitung)
    for idx in k.frame.index[salah]:
        volume = tuple(int(v) for v in rincian.volume.loc[idx] if v)
        rumus = rumus_teks(rincian.hitungan[idx], volume, int(harga[idx]), rincian.ppn_persen[idx])
        k.masalah(idx, "jumlah", f"jumlah harus sama dengan {rumus} = {rupiah(hitung[idx])}, bukan {rupiah(jumlah[idx])}. "
                  "Perbaiki jumlah, volume atau harga_satuan.")
    cek_standar(k, rincian, harga, pengaturan.referensi, pengaturan.standar_tegas)
    # The arithmetic's figure counts towards the ceiling, so a wrong jumlah is reported once, not twice.
    return rincian, harga, hitung.where(lengkap, jumlah)


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
    frame = frame.rename(columns={a: b for a, b in ALIAS_KOLOM.items() if a in frame and b not in frame})
    for kolom in KOLOM_SEMUA:
        if kolom in frame:
            frame[kolom] = frame[kolom].astype(str).str.strip()
    k = _Konteks(frame, berkas, laporan)
    _cek_kolom(k)
    _cek_wajib(k)
    _cek_jenis(k, pengaturan.jenis_belanja)
    sasaran = _cek_sasaran(k, dataset)
    rincian, harga, jumlah = _cek_uang(k, pengaturan)
    kode_rekening = cek_akun(k, rincian, pengaturan.referensi)
    if cek_total_wajar(k, jumlah):
        _cek_pagu(k, jumlah, pengaturan)
    if not laporan.ok:
        return tabel_kosong(), laporan
    hasil = pd.DataFrame(index=frame.index)
    for kolom in KOLOM_SEMUA:
        hasil[kolom] = frame.get(kolom, "")
    for kolom in sasaran.columns:
        hasil[kolom] = sasaran[kolom]
    hasil["kode_rekening"] = kode_rekening
    hasil["nama_akun"] = kode_rekening.map(pengaturan.referensi.nama_akun)
    hasil["komponen"] = hasil["komponen"].where(hasil["komponen"] != "", hasil["kegiatan"])
    hasil["ppn_persen"] = rincian.ppn_persen
    pakai = [rincian.volume[k] > 0 for k in KOLOM_VOLUME]
    hasil["satuan_koefisien"] = [" x ".join(str(hasil.at[i, ks]) for ks, ada in zip(KOLOM_SATUAN, pakai) if ada[i])
                                 for i in hasil.index]
    for kolom in KOLOM_VOLUME:
        hasil[kolom] = rincian.volume[kolom].astype("int64")
    hitungan = rincian.hitungan
    for kolom, nilai in (("harga_satuan", harga), ("jumlah", jumlah), ("koefisien", hitungan.map(lambda h: h.koefisien)),
                         ("ppn", hitungan.map(lambda h: h.ppn))):
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
    from geo.anggaran.sipd import KE_SIPD, KOLOM_SIPD, dari_sipd, tampak_sipd  # the SIPD shape loads like a plan

    mentah = baca_tabel(path, laporan, kolom_dikenal=(*KOLOM_SEMUA, *KOLOM_SIPD))
    if mentah is None:
        return Rencana(tabel_kosong(), laporan, pengaturan, path)
    sipd = tampak_sipd(mentah)
    if sipd:
        mentah = dari_sipd(mentah)
    tabel, hasil = validasi_rencana(mentah, path.name, dataset, pengaturan)
    if sipd:  # name the file's own columns (total_harga, vol_2 …) in every problem
        hasil.masalah = [replace(m, kolom=KE_SIPD.get(m.kolom, m.kolom)) if m.kolom else m for m in hasil.masalah]
    laporan.gabung(hasil)
    return Rencana(tabel, laporan, pengaturan, path)
