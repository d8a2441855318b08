"""The optional activity log (``data/kegiatan.csv``): one row per activity.

Read with the same reader as kim.csv and checked in the same style: every
problem at once, with its Excel row and column, so history can be trusted
before a status is derived from it.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import numpy as np
import pandas as pd

from geo.galat import PERINGATAN, Laporan
from geo.masuk.baca import KOLOM_BARIS, baca_tabel
from geo.masuk.lapor import PelaporBaris
from geo.masuk.teks import kunci_kosakata, per_nilai, peta_kosakata
from geo.masuk.urai import urai_bulat, urai_tanggal
from geo.masuk.wilayah import Wilayah

KOLOM_KEGIATAN: tuple[str, ...] = ("id_kegiatan", "id_potensi", "tanggal", "jenis_kegiatan", "peserta", "keterangan")
KOLOM_OPSIONAL_KEGIATAN = frozenset({"peserta", "keterangan"})
JENIS_KEGIATAN: tuple[str, ...] = ("sosialisasi", "pelatihan/bimtek", "produksi", "pameran/bazar", "liputan/konten", "rapat")


def jenis_kegiatan(wilayah: Wilayah) -> tuple[str, ...]:
    """The region's activity vocabulary (``jenis_kegiatan`` in wilayah.json), else the defaults."""
    return tuple(wilayah.extra.get("jenis_kegiatan") or JENIS_KEGIATAN)


def log_kosong() -> pd.DataFrame:
    return pd.DataFrame({
        "id_kegiatan": pd.Series(dtype=object), "id_potensi": pd.Series(dtype=object),
        "tanggal": pd.Series(dtype="datetime64[ns]"), "jenis_kegiatan": pd.Series(dtype=object),
        "peserta": pd.Series(dtype="Int64"), "keterangan": pd.Series(dtype=object), KOLOM_BARIS: pd.Series(dtype=int),
    })


_Catat = PelaporBaris


def _urai(catat: _Catat, kolom: str, pengurai, wajib: bool) -> pd.Series:
    frame = catat.frame
    nilai = pd.Series([None] * len(frame), index=frame.index, dtype=object)
    if kolom not in frame:
        return nilai
    teks = frame[kolom]
    kosong = (teks == "").to_numpy()
    for idx in teks.index[kosong]:
        if wajib:
            catat(idx, kolom, f"Kolom {kolom} wajib diisi.")
    # Parse each distinct text once: a 400,000-row log has only a few thousand dates.
    kode, unik = pd.factorize(teks)
    hasil_unik = []
    for t in unik:
        try:
            hasil_unik.append(pengurai(t) if t != "" else None)
        except ValueError as exc:
            hasil_unik.append(exc)
    hasil = np.array([*hasil_unik, None], dtype=object)[np.where(kode >= 0, kode, len(hasil_unik))]
    salah = np.array([isinstance(v, ValueError) for v in hasil_unik] + [False], dtype=bool)[np.where(kode >= 0, kode, len(hasil_unik))]
    salah &= ~kosong
    for i in np.flatnonzero(salah):
        catat(teks.index[i], kolom, f"Nilai {hasil[i]}")
    hasil[salah | kosong] = None
    return pd.Series(hasil, index=frame.index, dtype=object)


def validasi_kegiatan(
    frame: pd.DataFrame, berkas: str, wilayah: Wilayah, id_potensi: pd.Series | None, hari_ini: dt.date | None = None
) -> tuple[pd.DataFrame, Laporan]:
    """Check the text log and type it; ``id_potensi`` (from kim.csv) names unknown potentials."""
    laporan = Laporan()
    frame = frame.loc[:, ~frame.columns.duplicated()].copy()
    catat = _Catat(frame, berkas, laporan)
    kolom = list(frame.columns)
    for nama in KOLOM_KEGIATAN:
        if nama not in kolom and nama not in KOLOM_OPSIONAL_KEGIATAN:
            laporan.tambah(berkas, f"Kolom wajib tidak ada. Tambahkan kolom {nama} di baris judul; urutan kolom: "
                           f"{', '.join(KOLOM_KEGIATAN)}.", baris=1, kolom=nama)
    for nama in kolom:
        if nama not in KOLOM_KEGIATAN and nama != KOLOM_BARIS:
            laporan.tambah(berkas, "Kolom tidak dikenal; isinya diabaikan. Periksa ejaan judul kolom.", baris=1, kolom=nama, tingkat=PERINGATAN)
    for nama in ("id_kegiatan", "id_potensi", "jenis_kegiatan"):
        if nama in frame:
            for idx in frame.index[frame[nama] == ""]:
                catat(idx, nama, f"Kolom {nama} wajib diisi.")
    if "id_kegiatan" in frame:
        ids = frame["id_kegiatan"]
        ganda = ids.duplicated() & (ids != "")
        pertama = frame.loc[~ids.duplicated()].set_index("id_kegiatan")[KOLOM_BARIS]
        for idx in frame.index[ganda]:
            catat(idx, "id_kegiatan", f"id_kegiatan ganda: sudah dipakai di baris {pertama[ids[idx]]}. Setiap kegiatan perlu id yang unik.")
    if "id_potensi" in frame and id_potensi is not None:
        dikenal = set(id_potensi.astype(str))
        asing = (frame["id_potensi"] != "") & ~frame["id_potensi"].isin(dikenal)
        for idx in frame.index[asing]:
            catat(idx, "id_potensi", f"id_potensi '{frame.at[idx, 'id_potensi']}' tidak ada di tabel KIM. "
                  "Gunakan id_potensi dari kim.csv, atau tambahkan potensinya dulu.")
    pilihan = jenis_kegiatan(wilayah)
    if "jenis_kegiatan" in frame:
        peta = peta_kosakata(pilihan)  # the one vocabulary normaliser, as for categories and statuses
        jenis = per_nilai(frame["jenis_kegiatan"], lambda v: peta.get(kunci_kosakata(v), ""))
        for idx in frame.index[(jenis == "") & (frame["jenis_kegiatan"] != "")]:
            catat(idx, "jenis_kegiatan", f"Jenis kegiatan tidak dikenal. Pilihan yang sah: {', '.join(pilihan)}.")
        frame["jenis_kegiatan"] = jenis.where(jenis != "", frame["jenis_kegiatan"])
    tanggal = pd.to_datetime(pd.Series(_urai(catat, "tanggal", urai_tanggal, wajib=True).tolist(), index=frame.index, dtype=object))
    besok = pd.Timestamp((hari_ini or dt.date.today()) + dt.timedelta(days=1))
    for idx in tanggal.index[(tanggal > besok).to_numpy()]:
        catat(idx, "tanggal", "Tanggal kegiatan ada di masa depan. Periksa tahun atau urutan hari/bulan.")
    peserta = pd.array(_urai(catat, "peserta", urai_bulat, wajib=False).tolist(), dtype="Int64")
    negatif = (peserta < 0).to_numpy(dtype=bool, na_value=False)
    for idx in frame.index[negatif]:
        catat(idx, "peserta", "Jumlah peserta tidak boleh negatif. Isi 0 atau lebih, atau kosongkan.")

    hasil = pd.DataFrame(index=frame.index)
    for nama in KOLOM_KEGIATAN:
        hasil[nama] = frame.get(nama, "")
    hasil["tanggal"] = tanggal
    peserta[negatif] = pd.NA
    hasil["peserta"] = peserta
    hasil[KOLOM_BARIS] = frame[KOLOM_BARIS].astype(int).to_numpy()
    return hasil.reset_index(drop=True), laporan


def muat_kegiatan(path: Path, wilayah: Wilayah, id_potensi: pd.Series | None, laporan: Laporan) -> pd.DataFrame | None:
    """The typed log, or None when the file does not exist (the log is optional)."""
    if not path.exists():
        return None
    mentah = baca_tabel(path, laporan, kolom_dikenal=KOLOM_KEGIATAN)
    if mentah is None:
        return log_kosong()
    tabel, laporan_log = validasi_kegiatan(mentah, path.name, wilayah, id_potensi)
    laporan.gabung(laporan_log)
    return tabel if laporan_log.ok else log_kosong()


def periksa_selaras(potensi: pd.DataFrame, kegiatan: pd.DataFrame, wilayah: Wilayah, berkas: str, laporan: Laporan) -> None:
    """Warn where kim.csv's hand-set status or last activity disagrees with the log today.

    Warnings, not errors: the log may simply be behind, and nothing should stop
    the map from drawing because of it.
    """
    from geo.tampilan.waktu import aturan_waktu, bulan_penuh, hari_ini, status_dari_bulan, terakhir_pada

    if not len(potensi) or not len(kegiatan):
        return
    kini = hari_ini()
    terakhir = terakhir_pada(potensi, kegiatan, kini)
    bulan = bulan_penuh(terakhir, kini)
    turunan = status_dari_bulan(bulan, aturan_waktu(wilayah), wilayah.status_aktivitas)
    # Where the status rule uses the recorded values (no log activity, a recorded date) there is nothing to disagree.
    berlaku = terakhir.notna() | pd.to_datetime(potensi["kegiatan_terakhir"]).isna()
    beda = (turunan != potensi["status_aktivitas"]) & berlaku
    for idx in potensi.index[beda]:
        kapan = (f"kegiatan terakhir di log {terakhir[idx]:%Y-%m-%d}, {int(bulan[idx])} bulan penuh lalu"
                 if pd.notna(terakhir[idx]) else "tidak ada kegiatan di log maupun tanggal kegiatan_terakhir")
        laporan.tambah(
            berkas,
            f"Status tercatat berbeda dengan status menurut log kegiatan ({kapan}): menurut log '{turunan[idx]}' "
            f"pada {kini:%Y-%m-%d}. Perbarui status_aktivitas, atau catat kegiatannya di log kegiatan.",
            baris=int(potensi.at[idx, KOLOM_BARIS]), kolom="status_aktivitas",
            nilai=str(potensi.at[idx, "status_aktivitas"]), tingkat=PERINGATAN,
        )
    tercatat = pd.to_datetime(potensi["kegiatan_terakhir"])
    beda_tgl = terakhir.notna() & (tercatat != terakhir)
    for idx in potensi.index[beda_tgl]:
        laporan.tambah(
            berkas,
            f"kegiatan_terakhir berbeda dengan kegiatan terakhir di log ({terakhir[idx]:%Y-%m-%d}). Samakan keduanya.",
            baris=int(potensi.at[idx, KOLOM_BARIS]), kolom="kegiatan_terakhir",
            nilai="" if pd.isna(tercatat[idx]) else f"{tercatat[idx]:%Y-%m-%d}", tingkat=PERINGATAN,
        )


def periksa_selaras_log(tabel: pd.DataFrame, kegiatan: pd.DataFrame | None, wilayah: Wilayah, berkas: str, laporan: Laporan) -> None:
    """:func:`periksa_selaras` for a table that is not the dataset's own (an upload), against the dataset's log.

    The dataset's log carries positions indexed to *its* potentials; they are
    dropped so the uploaded rows are matched by ``id_potensi``. Upload preview
    and ``python -m geo validate`` therefore print the same warnings, in the same words.
    """
    if kegiatan is None or not len(kegiatan) or not laporan.ok:
        return
    polos = kegiatan.drop(columns=[k for k in kegiatan.columns if str(k).startswith("_")], errors="ignore")
    polos.attrs = {}
    periksa_selaras(tabel.reset_index(drop=True), polos, wilayah, berkas, laporan)
