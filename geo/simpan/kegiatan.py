"""Save the activity log from the editor or an upload, with the same rules as kim.csv.

Refused when the file changed since it was opened (conflict), refused when
invalid (the same checks as ``python -m geo validate``), otherwise the old
version is backed up, the new one written atomically and an audit line
appended (``audit_kegiatan.jsonl``).
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pandas as pd

from geo.galat import Laporan
from geo.masuk.baca import KOLOM_BARIS, baca_bytes
from geo.masuk.dataset import Dataset
from geo.masuk.kegiatan import KOLOM_KEGIATAN, validasi_kegiatan
from geo.simpan import utuh
from geo.simpan.berkas import Sidik, kunci
from geo.simpan.gabung import GalatKonflikBerkas, SidikTabel, astuple_sidik, gabung_bila_berubah
from geo.simpan.kim import (
    MODE_GABUNG,
    GalatKonflik,
    HasilSimpan,
    PeriksaUnggahan,
    Perubahan,
    baca_untuk_sunting,
    ganti_teraudit,
    perubahan_menurut,
    sesi_simpan,
)

LEMBAR_KEGIATAN = "Kegiatan"  # the sheet of the Excel template that holds the log
_EXCEL = {".xlsx", ".xlsm"}


def path_log(dataset: Dataset) -> Path:
    from geo import config

    return dataset.path_kegiatan or config.path_kegiatan(dataset.path_kim)


def ke_teks(frame: pd.DataFrame) -> pd.DataFrame:
    """Typed or text log → text cells as the file holds them (ISO dates, whole numbers)."""
    hasil = pd.DataFrame(index=frame.index)
    for kolom in KOLOM_KEGIATAN:
        nilai = frame[kolom] if kolom in frame else pd.Series("", index=frame.index)
        if kolom == "tanggal":
            tgl = pd.to_datetime(nilai, errors="coerce")
            teks = tgl.dt.strftime("%Y-%m-%d")
            nilai = teks.where(tgl.notna(), nilai.astype(object).where(nilai.notna(), "").astype(str))
        elif kolom == "peserta" and pd.api.types.is_numeric_dtype(nilai):
            # Typed (from validation or the editor): whole numbers; text stays as typed ("1.250").
            bulat = nilai.astype("Int64")
            nilai = bulat.astype(str).where(bulat.notna(), "")
        else:
            nilai = nilai.astype(object).where(nilai.notna(), "").astype(str).str.strip()
        hasil[kolom] = nilai
    hasil[KOLOM_BARIS] = frame[KOLOM_BARIS].to_numpy() if KOLOM_BARIS in frame else range(2, len(frame) + 2)
    return hasil.reset_index(drop=True)


def id_potensi_sah(dataset: Dataset) -> pd.Series:
    """The potentials a log may name: from the KIM file itself, so a broken log can still be fixed
    (an invalid dataset has no potentials to show)."""
    if len(dataset.potensi):
        return dataset.potensi["id_potensi"]
    return baca_untuk_sunting(dataset)[0]["id_potensi"]


def _validasi(frame: pd.DataFrame, berkas: str, dataset: Dataset) -> tuple[pd.DataFrame, Laporan]:
    return validasi_kegiatan(ke_teks(frame), berkas, dataset.wilayah, id_potensi_sah(dataset))


def baca_log_untuk_sunting(dataset: Dataset) -> tuple[pd.DataFrame, Sidik | None]:
    """The current log as text cells, and the fingerprint of exactly those bytes."""
    path = path_log(dataset)
    kosong = pd.DataFrame({k: pd.Series(dtype=object) for k in KOLOM_KEGIATAN})
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        return kosong, None
    sidik = Sidik.dari_bytes(data, path.stat().st_mtime_ns)
    mentah = baca_bytes(data, path.name, Laporan(), excel=path.suffix.lower() in _EXCEL, kolom_dikenal=KOLOM_KEGIATAN)
    if mentah is None:
        return kosong, sidik
    teks = ke_teks(mentah)[list(KOLOM_KEGIATAN)]
    return teks, SidikTabel(*astuple_sidik(sidik), tabel=teks.copy())  # the base of a row-level merge


def bandingkan_log(lama: pd.DataFrame, baru: pd.DataFrame) -> Perubahan:
    """Activities added, changed and removed, matched by ``id_kegiatan``."""
    return perubahan_menurut(ke_teks(lama), ke_teks(baru), "id_kegiatan")


def _isi(teks: pd.DataFrame, path: Path) -> bytes:
    """The exact bytes a save writes, so they can be read back before they replace the file."""
    buf = io.BytesIO()
    _penulis(teks, path)(buf)
    return buf.getvalue()


def _penulis(teks: pd.DataFrame, path: Path):
    teks = teks[list(KOLOM_KEGIATAN)]
    if path.suffix.lower() in _EXCEL:
        return lambda temp: teks.to_excel(temp, index=False, engine="openpyxl")
    return lambda temp: teks.to_csv(temp, index=False, encoding="utf-8", lineterminator="\n")


def simpan_kegiatan(
    frame: pd.DataFrame, dataset: Dataset, pengguna: str, sidik_awal: Sidik | None, *,
    aksi: str = "sunting-kegiatan", berkas: str = "tabel kegiatan", catatan: str = "", periksa_konflik: bool = True,
) -> HasilSimpan:
    """Validate ``frame`` and make it the activity log, or refuse and say why (see module doc)."""
    path = path_log(dataset)
    # The KIM table's lock first (always KIM, log, plan): no potential is removed while this log is checked against it.
    with kunci(dataset.path_kim), sesi_simpan(path, sidik_awal, periksa_konflik=False) as kini:
        if periksa_konflik:
            try:  # someone saved since: only this editor's rows are applied to the current log
                gabungan = gabung_bila_berubah(sidik_awal, kini, ke_teks(frame)[list(KOLOM_KEGIATAN)],
                                               lambda: baca_log_untuk_sunting(dataset)[0], "id_kegiatan")
            except GalatKonflikBerkas as exc:
                raise GalatKonflik(path, exc.kini) from None
            frame = frame if gabungan is None else gabungan
        tabel, laporan = _validasi(frame, berkas, dataset)
        if not laporan.ok:
            return HasilSimpan(False, laporan, pesan=f"Tidak disimpan: {len(laporan.galat)} galat harus diperbaiki dulu.")
        lama, _ = baca_log_untuk_sunting(dataset)
        perubahan = bandingkan_log(lama, tabel)
        if perubahan.kosong and kini is not None:
            return HasilSimpan(False, laporan, perubahan, sidik=kini, pesan="Tidak ada perubahan; berkas tidak diubah.")
        data = _isi(ke_teks(tabel), path)
        ids = id_potensi_sah(dataset)
        # Whatever is saved must load: the cells by row and column, then the exact bytes through the loader.
        laporan_muat = utuh.periksa_sel(ke_teks(tabel), berkas)
        if laporan_muat.ok:  # against the KIM file as it is now (under its lock), not as this editor loaded it
            laporan_muat = utuh.periksa_id_kini(ke_teks(tabel), berkas, dataset.path_kim)
        if laporan_muat.ok:
            laporan_muat = utuh.laporan_muat_ulang(
                data, path.name, KOLOM_KEGIATAN, lambda m: validasi_kegiatan(m, path.name, dataset.wilayah, ids)[1])
        if not laporan_muat.ok:
            return HasilSimpan(False, laporan_muat, pesan=f"Tidak disimpan: {len(laporan_muat.galat)} galat harus diperbaiki dulu.")
        cadangan = ganti_teraudit(path, data, pengguna, aksi, perubahan, len(tabel), catatan)
        return HasilSimpan(True, laporan, perubahan, cadangan, Sidik.dari(path), f"Log kegiatan tersimpan: {perubahan.ringkas()}.")


def _lembar(data: bytes) -> int | str:
    """The template's "Kegiatan" sheet when the workbook has one, else the first sheet."""
    try:
        from openpyxl import load_workbook

        return LEMBAR_KEGIATAN if LEMBAR_KEGIATAN in load_workbook(io.BytesIO(data), read_only=True).sheetnames else 0
    except (OSError, ValueError, KeyError, zipfile.BadZipFile):  # the reader itself reports unreadable workbooks
        return 0


def periksa_unggahan_kegiatan(data: bytes, nama: str, dataset: Dataset, mode: str, lama: pd.DataFrame) -> PeriksaUnggahan:
    """Validate an uploaded log and build the log it would become (merge by id_kegiatan, or replace)."""
    laporan = Laporan()
    excel = Path(nama).suffix.lower() in _EXCEL or data[:4] == b"PK\x03\x04"
    mentah = baca_bytes(data, nama, laporan, excel=excel, kolom_dikenal=KOLOM_KEGIATAN, lembar=_lembar(data) if excel else 0)
    if mentah is None:
        return PeriksaUnggahan(pd.DataFrame(columns=list(KOLOM_KEGIATAN)), laporan, None, None)
    tabel, laporan_log = validasi_kegiatan(mentah, nama, dataset.wilayah, id_potensi_sah(dataset))
    laporan.gabung(laporan_log)
    if not laporan.ok:
        return PeriksaUnggahan(tabel, laporan, None, None)
    baru = ke_teks(tabel)[list(KOLOM_KEGIATAN)]
    if mode == MODE_GABUNG:
        semua = pd.concat([baru, ke_teks(lama)[list(KOLOM_KEGIATAN)]], ignore_index=True)
        hasil = semua.drop_duplicates("id_kegiatan", keep="first").reset_index(drop=True)
    else:
        hasil = baru
    return PeriksaUnggahan(tabel, laporan, hasil, bandingkan_log(lama, hasil))
