"""Read the submissions of the XLSForm back: ODK Central's and KoboToolbox's CSV exports.

ODK Central names each answer by its group path joined with ``-``
(``laporan-potensi``) and adds ``SubmissionDate``, ``meta-instanceID``,
``KEY``, ``ReviewState`` …; KoboToolbox uses ``/`` or the bare name and adds
``_uuid`` and ``_submission_time``. Image answers hold the attachment's file
name; the media come as a folder or a zip beside the CSV.

Each submission becomes one :class:`geo.simpan.laporan.LaporanKegiatan`
whose id is derived from its instance id (``ODK-<uuid>``), so importing the
same export again adds nothing. Rows are checked with the activity log's own
validation plus the importing account's scope; every rejection names the CSV
row and column, and a rejected row is simply not taken.
"""

from __future__ import annotations

import io
import re
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from geo.galat import PERINGATAN, GalatData, Laporan
from geo.masuk.baca import KOLOM_BARIS, tebak_delimiter
from geo.masuk.dataset import Dataset
from geo.masuk.kegiatan import validasi_kegiatan
from geo.simpan.foto import bersihkan
from geo.simpan.kegiatan import id_potensi_sah, kode_per_potensi
from geo.simpan.laporan import LaporanKegiatan
from geo.simpan.lingkup import Pelaku, dalam_lingkup

AWALAN_ID = "ODK-"
# The form's field → the column of the log it fills.
BIDANG = {"potensi": "id_potensi", "tanggal": "tanggal", "jenis_kegiatan": "jenis_kegiatan", "peserta": "peserta",
          "keterangan": "keterangan"}
KOLOM_INSTANCE = ("meta-instanceID", "meta/instanceID", "instanceID", "_uuid", "KEY")
DITOLAK_TINJAUAN = "rejected"  # ODK Central ReviewState of a submission a reviewer turned down
_UUID = re.compile(r"^(uuid:)?", re.IGNORECASE)


@dataclass
class HasilBaca:
    """What an export holds: reports to take, ids already imported, and every rejection."""

    diambil: list[LaporanKegiatan] = field(default_factory=list)
    sudah_ada: list[str] = field(default_factory=list)
    laporan: Laporan = field(default_factory=Laporan)


def cari_kolom(kolom: list[str], bidang: str) -> str | None:
    """The export's column for a form field: exact, or the last part of a group path (``-`` or ``/``)."""
    for k in kolom:
        if k == bidang or k.endswith((f"-{bidang}", f"/{bidang}")):
            return k
    return None


class Media:
    """Attachments by file name, from a folder (searched recursively) or a zip (any sub-folder)."""

    def __init__(self, sumber: Path | str | None) -> None:
        self._isi: dict[str, bytes] | None = None
        self._folder: Path | None = None
        if sumber is None:
            return
        sumber = Path(sumber)
        if sumber.is_dir():
            self._folder = sumber
        elif zipfile.is_zipfile(sumber):
            with zipfile.ZipFile(sumber) as z:
                self._isi = {Path(n).name: z.read(n) for n in z.namelist() if not n.endswith("/")}
        else:
            raise GalatData(f"--media {sumber}: bukan folder atau berkas zip. Berikan folder 'media' atau zip unduhan ODK Central.")

    @property
    def ada(self) -> bool:
        return self._folder is not None or self._isi is not None

    def baca(self, nama: str) -> bytes | None:
        nama = Path(nama).name  # never a path from the CSV: only a file name
        if self._isi is not None:
            return self._isi.get(nama)
        if self._folder is not None:
            cocok = next((p for p in self._folder.rglob(nama) if p.is_file()), None)
            return cocok.read_bytes() if cocok else None
        return None


def baca_csv(data: bytes, nama: str) -> pd.DataFrame:
    """The export as text cells, with ``_baris`` = the line number a spreadsheet shows.

    KoboToolbox exports with ``;`` by default, ODK Central with ``,``: the separator is sniffed.
    """
    try:
        pemisah = tebak_delimiter(data[:65536].decode("utf-8-sig", "replace"))
        frame = pd.read_csv(io.BytesIO(data), dtype=str, keep_default_na=False, encoding="utf-8-sig", sep=pemisah)
    except (ValueError, UnicodeDecodeError, pd.errors.ParserError) as exc:
        raise GalatData(f"{nama}: bukan CSV yang dapat dibaca ({exc.__class__.__name__}). "
                        "Unduh ulang ekspor CSV dari ODK Central atau KoboToolbox.") from None
    frame[KOLOM_BARIS] = range(2, len(frame) + 2)
    return frame


def baca_kiriman(data: bytes, nama: str, dataset: Dataset, pelaku: Pelaku, id_ada: set[str], media: Media) -> HasilBaca:
    """Turn an export into reports; see the module doc for what is refused and how it is named."""
    frame = baca_csv(data, nama)
    kolom = [k for k in frame.columns if k != KOLOM_BARIS]
    k_instance = next((k for k in KOLOM_INSTANCE if k in kolom), None)
    peta = {b: cari_kolom(kolom, b) for b in (*BIDANG, "foto")}
    hilang = [b for b in ("potensi", "tanggal", "jenis_kegiatan") if peta[b] is None] + ([] if k_instance else ["meta-instanceID"])
    if hilang:
        raise GalatData(f"{nama}: kolom {', '.join(hilang)} tidak ditemukan. Apakah ini ekspor CSV dari formulir "
                        "'python -m geo formulir' (ODK Central: 'Download CSV'; KoboToolbox: ekspor CSV)?")
    hasil = HasilBaca()
    ids = frame[k_instance].map(lambda v: AWALAN_ID + _UUID.sub("", v.strip()) if v.strip() else "")
    log = pd.DataFrame({"id_kegiatan": ids, KOLOM_BARIS: frame[KOLOM_BARIS]})
    for b, k in BIDANG.items():
        log[k] = frame[peta[b]].str.strip() if peta[b] else ""
    tolak: dict[int, None] = {}

    def catat(baris: int, k: str, pesan: str, tingkat: str | None = None) -> None:
        hasil.laporan.tambah(nama, pesan, baris=baris, kolom=k, **({"tingkat": tingkat} if tingkat else {}))
        if tingkat is None:
            tolak[baris] = None

    for r in frame.loc[ids == "", KOLOM_BARIS]:
        catat(r, k_instance, "Kiriman tanpa instance id; tidak dapat diimpor tanpa mengulangnya. Unduh ulang ekspornya.")
    if "ReviewState" in frame:
        for r in frame.loc[frame["ReviewState"].str.strip() == DITOLAK_TINJAUAN, KOLOM_BARIS]:
            catat(r, "ReviewState", "Kiriman ditolak peninjau di ODK Central; tidak diimpor.")
    ulang = ids.duplicated() & (ids != "")
    hasil.sudah_ada = sorted(set(ids[ids.isin(id_ada)]))
    _, periksa = validasi_kegiatan(log[~ulang & ~ids.isin(id_ada) & (ids != "")], nama, dataset.wilayah, id_potensi_sah(dataset))
    balik = {v: peta[b] for b, v in BIDANG.items()}
    for m in periksa.masalah:
        if m.baris is not None and m.tingkat != PERINGATAN:
            catat(m.baris, balik.get(m.kolom or "", m.kolom or ""), m.pesan)
    kode = kode_per_potensi(dataset)
    for r, p in zip(log["_baris"], log["id_potensi"]):
        if p in kode and not dalam_lingkup(pelaku, kode[p]):
            catat(r, peta["potensi"], f"Potensi {p} di luar lingkup akun yang mengimpor; minta editor wilayahnya mengimpor baris ini.")
    if peta["foto"] and not media.ada and (frame[peta["foto"]].str.strip() != "").any():
        hasil.laporan.tambah(nama, "Foto tidak diimpor: berikan --media FOLDER_ATAU_ZIP dari ekspor yang sama.",
                             kolom=peta["foto"], tingkat=PERINGATAN)
    for i in frame.index[~ulang & ~ids.isin(id_ada) & (ids != "")]:
        baris = int(frame.at[i, KOLOM_BARIS])
        if baris in tolak:
            continue
        foto, nama_foto = None, "foto"
        if peta["foto"] and media.ada and (nama_foto := frame.at[i, peta["foto"]].strip()):
            foto = media.baca(nama_foto)
            if foto is None:
                catat(baris, peta["foto"], f"Lampiran '{nama_foto}' tidak ada di media; kegiatan diimpor tanpa foto.", PERINGATAN)
            else:
                try:
                    foto = bersihkan(foto, nama_foto)[0]
                except GalatData as exc:
                    catat(baris, peta["foto"], str(exc))
                    continue
        hasil.diambil.append(LaporanKegiatan(ids[i], *(log.at[i, k] for k in BIDANG.values()), foto=foto, nama_foto=nama_foto or "foto"))
    return hasil
