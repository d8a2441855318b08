"""Save the KIM table from the editor, an upload or a backup, never losing data.

One function, :func:`simpan_kim`, does every save: it refuses when the file
changed since the editor loaded it, refuses anything that fails
:func:`geo.masuk.validasi.validasi_kim`, backs up the old version, writes the new
one atomically and appends an audit entry. The page and the command line
only call it.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import json
import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO

import pandas as pd

from geo.galat import GalatData, Laporan
from geo.masuk import skema
from geo.masuk.baca import KOLOM_BARIS, baca_tabel, tebak_delimiter
from geo.masuk.dataset import Dataset
from geo.masuk.kegiatan import periksa_selaras_log
from geo.masuk.periksa import baca_dan_validasi
from geo.masuk.validasi import validasi_kim
from geo.simpan.berkas import Sidik, berubah, cadangkan, kunci, tulis_bytes_atomik
from geo.simpan.lingkup import Pelaku, dicatat_di, nama_pelaku, periksa_kim, tanpa_batas
from geo.simpan.rujukan_kim import (
    KOLOM_SIMPAN,
    id_kim_berkas,
    kolom_sunting,
    kolom_tulis,
    laporan_rujukan_kim,
    pesan_rujukan_kim,
)

MODE_GABUNG = "gabung"
MODE_GANTI = "ganti"
_BOM = b"\xef\xbb\xbf"
_EXCEL = {".xlsx", ".xlsm"}


class GalatKonflik(GalatData):
    """The file changed after the editor loaded it; saving would overwrite someone's work."""

    def __init__(self, path: Path, kini: Sidik | None) -> None:
        waktu = dt.datetime.fromtimestamp(kini.mtime_ns / 1e9).strftime("%H:%M:%S") if kini else "-"
        keadaan = f"diubah pukul {waktu}" if kini else "dihapus"
        super().__init__(
            f"{path.name} telah {keadaan} oleh orang atau proses lain sejak Anda membukanya. "
            "Perubahan Anda BELUM disimpan. Muat ulang data terbaru, lalu ulangi perubahan Anda."
        )
        self.kini = kini


@dataclass(frozen=True)
class Perubahan:
    """Which ``id_potensi`` a save adds, changes and removes."""

    ditambah: list[str] = field(default_factory=list)
    diubah: list[str] = field(default_factory=list)
    dihapus: list[str] = field(default_factory=list)

    @property
    def kosong(self) -> bool:
        return not (self.ditambah or self.diubah or self.dihapus)

    def ringkas(self) -> str:
        return f"{len(self.ditambah)} ditambah, {len(self.diubah)} diubah, {len(self.dihapus)} dihapus"


@dataclass(frozen=True)
class HasilSimpan:
    """What a save did; ``disimpan`` is False when validation refused it or nothing changed."""

    disimpan: bool
    laporan: Laporan
    perubahan: Perubahan = field(default_factory=Perubahan)
    cadangan: Path | None = None
    sidik: Sidik | None = None
    pesan: str = ""


def _sel_teks(v: object) -> str:
    if v is None or (not isinstance(v, str) and pd.isna(v)):
        return ""
    if hasattr(v, "strftime"):
        return v.strftime("%Y-%m-%d")  # type: ignore[union-attr]
    if isinstance(v, float):
        return str(int(v)) if v.is_integer() else repr(v)
    return str(v).strip()


def ke_teks(frame: pd.DataFrame) -> pd.DataFrame:
    """Any KIM table (typed from the editor, or text) → text cells as a file holds them.

    Dates become ISO, floats their shortest exact form, so a saved table
    reads back identically. ``_baris`` is kept, or numbered 1.. in table order.
    """
    hasil = pd.DataFrame(index=range(len(frame)))
    for kolom in frame.columns:
        if kolom == KOLOM_BARIS:
            continue
        nilai = frame[kolom].reset_index(drop=True)
        if pd.api.types.is_datetime64_any_dtype(nilai):
            hasil[kolom] = nilai.dt.strftime("%Y-%m-%d").fillna("")
        else:
            hasil[kolom] = nilai.astype(object).map(_sel_teks)
    if KOLOM_BARIS in frame:
        hasil[KOLOM_BARIS] = frame[KOLOM_BARIS].to_numpy()
    else:
        hasil[KOLOM_BARIS] = range(1, len(frame) + 1)
    return hasil


def path_audit(path_kim: Path | str) -> Path:
    """``data/kim.csv`` → ``data/audit_kim.jsonl`` (gitignored: it belongs to one installation)."""
    path_kim = Path(path_kim)
    return path_kim.parent / f"audit_{path_kim.stem}.jsonl"


def _validasi(frame: pd.DataFrame, berkas: str, dataset: Dataset) -> tuple[pd.DataFrame, Laporan]:
    batas = dataset.batas if len(dataset.batas) else None
    return validasi_kim(ke_teks(frame), berkas, dataset.referensi, dataset.wilayah, batas)


def baca_untuk_sunting(dataset: Dataset) -> tuple[pd.DataFrame, Sidik | None]:
    """The current table (typed, canonical) and the fingerprint of exactly those bytes."""
    path = dataset.path_kim
    try:
        data = path.read_bytes()
        stat = path.stat()
    except FileNotFoundError:
        return pd.DataFrame(columns=list(KOLOM_SIMPAN)), None
    from geo.simpan.gabung import SidikTabel, astuple_sidik

    tabel, _ = baca_dan_validasi(data, path.name, dataset.referensi, dataset.wilayah, None,
                                 excel=path.suffix.lower() in _EXCEL)
    if tabel is None:
        return pd.DataFrame(columns=list(KOLOM_SIMPAN)), Sidik.dari_bytes(data, stat.st_mtime_ns)
    tabel = kolom_sunting(tabel)
    # The fingerprint carries what the editor starts from, so a later save can merge row by row.
    return tabel, SidikTabel(*astuple_sidik(Sidik.dari_bytes(data, stat.st_mtime_ns)), tabel=ke_teks(tabel))


def bandingkan(lama: pd.DataFrame, baru: pd.DataFrame) -> Perubahan:
    """Rows added, changed and removed, matched by ``id_potensi`` on canonical text (``id_kim`` included)."""
    kolom = list(KOLOM_SIMPAN)
    return perubahan_menurut(ke_teks(lama.reindex(columns=kolom)), ke_teks(baru.reindex(columns=kolom)), "id_potensi")


def perubahan_menurut(lama: pd.DataFrame, baru: pd.DataFrame, kunci: str) -> Perubahan:
    """Ids added, changed and removed between two text tables, matched on their ``kunci`` column.

    The one comparison behind every audit entry (KIM table, activity log, budget plan).
    """
    a = lama.drop(columns=KOLOM_BARIS, errors="ignore").drop_duplicates(kunci).set_index(kunci)
    b = baru.drop(columns=KOLOM_BARIS, errors="ignore").drop_duplicates(kunci).set_index(kunci)
    sama = b.index.intersection(a.index, sort=False)
    beda = (a.loc[sama] != b.loc[sama]).any(axis=1)
    return Perubahan(
        ditambah=[str(i) for i in b.index.difference(a.index, sort=False)],
        diubah=[str(i) for i in beda.index[beda]],
        dihapus=[str(i) for i in a.index.difference(b.index, sort=False)],
    )


def gabung_menurut_id(lama: pd.DataFrame, baru: pd.DataFrame) -> pd.DataFrame:
    """Upload rows replace rows with the same ``id_potensi``; new ids are appended; others stay."""
    kolom = list(KOLOM_SIMPAN)
    lama = lama.reindex(columns=kolom).set_index("id_potensi", drop=False)
    baru = baru.reindex(columns=kolom).set_index("id_potensi", drop=False)
    urutan = lama.index.append(baru.index.difference(lama.index, sort=False))
    semua = pd.concat([baru.astype(object), lama.astype(object)])
    semua = semua[~semua.index.duplicated(keep="first")]
    return semua.reindex(urutan).reset_index(drop=True)


def _dialek(path: Path) -> tuple[str, bool]:
    """Keep the delimiter and BOM the office's file already uses (Excel-ID likes ';')."""
    try:
        awal = path.read_bytes()[:4096]
    except FileNotFoundError:
        return ",", True
    return tebak_delimiter(awal.removeprefix(_BOM).decode("utf-8", "replace")), awal.startswith(_BOM)


def _isi_berkas(tabel: pd.DataFrame, path: Path) -> bytes:
    """The exact bytes a save writes, so the journal can name them before the replace."""
    buf = io.BytesIO()
    tulis = _penulis(tabel, path)
    tulis(buf)
    return buf.getvalue()


def _penulis(tabel: pd.DataFrame, path: Path):
    kolom = kolom_tulis(tabel, path)
    teks = ke_teks(tabel.reindex(columns=kolom)).drop(columns=KOLOM_BARIS)
    if path.suffix.lower() in _EXCEL:
        typed = tabel.reindex(columns=kolom).copy()
        typed["kegiatan_terakhir"] = pd.to_datetime(typed["kegiatan_terakhir"]).dt.date
        return lambda temp: typed.to_excel(temp, index=False, engine="openpyxl")
    pemisah, bom = _dialek(path)
    return lambda temp: teks.to_csv(temp, index=False, sep=pemisah, encoding="utf-8-sig" if bom else "utf-8", lineterminator="\n")


def _entri_audit(path_kim: Path, pengguna: str, aksi: str, perubahan: Perubahan, jumlah_baris: int,
                 cadangan: Path | None, catatan: str = "") -> dict:
    return {
        "waktu": dt.datetime.now().astimezone().isoformat(timespec="seconds"),
        "pengguna": pengguna,
        "aksi": aksi,
        "berkas": path_kim.name,
        "ditambah": perubahan.ditambah,
        "diubah": perubahan.diubah,
        "dihapus": perubahan.dihapus,
        "jumlah_baris": jumlah_baris,
        "cadangan": cadangan.name if cadangan else None,
        "catatan": catatan,
    }


def _tambah_baris_audit(path_kim: Path, entri: dict) -> None:
    with path_audit(path_kim).open("a", encoding="utf-8") as f:
        f.write(json.dumps(entri, ensure_ascii=False) + "\n")
        f.flush()
        os.fsync(f.fileno())


def catat_audit(path_kim: Path, pengguna: str, aksi: str, perubahan: Perubahan, jumlah_baris: int,
                cadangan: Path | None, catatan: str = "") -> None:
    """Append one audit line with no data write of its own (a refusal, an account change, a queued report)."""
    _tambah_baris_audit(path_kim, _entri_audit(path_kim, pengguna, aksi, perubahan, jumlah_baris, cadangan, catatan))


def path_jurnal(path_kim: Path | str) -> Path:
    """The audit entry of a save in progress, written before the file is replaced."""
    return path_audit(path_kim).with_suffix(".jsonl.tertunda")


def _tulis_jurnal(jurnal: Path, entri: dict, data_baru: bytes) -> None:
    isi = {"entri": entri, "sha256": hashlib.sha256(data_baru).hexdigest()}
    tulis_bytes_atomik(jurnal, json.dumps(isi, ensure_ascii=False).encode("utf-8"))


def _baris_terakhir_sama(path_kim: Path, entri: dict) -> bool:
    try:
        with path_audit(path_kim).open("rb") as f:
            f.seek(max(0, f.seek(0, os.SEEK_END) - 65536))
            baris = f.read().decode("utf-8", "replace").splitlines()
        return bool(baris) and json.loads(baris[-1]) == entri
    except (OSError, ValueError):
        return False


def selesaikan_jurnal(path_kim: Path | str, jurnal: Path | None = None, log: Path | None = None) -> bool:
    """Finish a save that died between the file replace and its audit line.

    Call with the save lock held. The pending entry is appended when the
    file on disk is the content it announced (the replace happened), and
    dropped otherwise (the old file is intact, nothing changed). True if
    an entry was recovered. ``jurnal`` and ``log`` (whose audit file gets the
    line) default to the file's own; a photo names the KIM table's log.
    """
    path_kim = Path(path_kim)
    jurnal = jurnal or path_jurnal(path_kim)
    log = log or path_kim
    try:
        isi = json.loads(jurnal.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return False
    except (OSError, ValueError):
        isi = {}
    pulih = False
    try:
        kini = hashlib.sha256(path_kim.read_bytes()).hexdigest()
    except OSError:
        kini = ""
    if isinstance(isi, dict) and isinstance(isi.get("entri"), dict) and isi.get("sha256") == kini \
            and not _baris_terakhir_sama(log, isi["entri"]):  # died after the line, before the unlink
        entri = dict(isi["entri"])
        entri["catatan"] = (str(entri.get("catatan") or "") + " (dicatat ulang setelah penyimpanan terputus)").strip()
        _tambah_baris_audit(log, entri)
        pulih = True
    jurnal.unlink(missing_ok=True)
    return pulih


def baca_audit(path_kim: Path | str) -> pd.DataFrame:
    """The audit log, newest first; a damaged line is skipped, not fatal."""
    kolom = ["waktu", "pengguna", "aksi", "berkas", "ditambah", "diubah", "dihapus", "jumlah_baris", "cadangan", "catatan"]
    if path_jurnal(path_kim).exists():
        with kunci(path_kim):
            selesaikan_jurnal(path_kim)
    path = path_audit(path_kim)
    if not path.exists():
        return pd.DataFrame(columns=kolom)
    entri = []
    for baris in path.read_text(encoding="utf-8", errors="replace").splitlines():
        try:
            isi = json.loads(baris)
        except json.JSONDecodeError:
            continue
        if isinstance(isi, dict):
            entri.append(isi)
    return pd.DataFrame(entri, columns=kolom).iloc[::-1].reset_index(drop=True)


@contextmanager
def sesi_simpan(path: Path, sidik_awal: Sidik | None = None, periksa_konflik: bool = True) -> Iterator[Sidik | None]:
    """One save of an audited table: its lock held, a crashed save's audit finished, a changed file refused.

    Yields the file's fingerprint as it is now. Raises :class:`GalatKonflik` when
    ``periksa_konflik`` and the file no longer is what ``sidik_awal`` saw.
    """
    with kunci(path):
        selesaikan_jurnal(path)
        kini = Sidik.dari(path)
        if periksa_konflik and berubah(sidik_awal, kini):
            raise GalatKonflik(path, kini)
        yield kini


def _dengan_id_kim(teks: pd.DataFrame) -> pd.DataFrame:
    """A text table with every saved column (``id_kim`` '' where it had none), so tables with and without it compare."""
    kolom = [*KOLOM_SIMPAN, *([KOLOM_BARIS] if KOLOM_BARIS in teks else [])]
    return teks.reindex(columns=kolom).astype(object).fillna("")


def simpan_kim(
    frame: pd.DataFrame,
    dataset: Dataset,
    pengguna: Pelaku,
    sidik_awal: Sidik | None,
    *,
    aksi: str = "sunting",
    berkas: str = "tabel suntingan",
    catatan: str = "",
    periksa_konflik: bool = True,
    berantai: bool = False,
) -> HasilSimpan:
    """Validate ``frame`` and make it the KIM table, or refuse and say why.

    Raises :class:`GalatKonflik` if the file's content is no longer what
    ``sidik_awal`` saw. Invalid data returns ``disimpan=False`` with the
    report; the file is then untouched. Removing a potential that activity
    rows or budget lines still name is refused, unless ``berantai`` (the
    editor's explicit choice) removes those rows too, audited.
    """
    from geo.simpan import utuh
    from geo.simpan.gabung import GalatKonflikBerkas, gabung_bila_berubah

    path = dataset.path_kim
    with sesi_simpan(path, sidik_awal, periksa_konflik=False) as kini:
        tabel, laporan = _validasi(frame, berkas, dataset)
        if not laporan.ok:
            return HasilSimpan(False, laporan, pesan=f"Tidak disimpan: {len(laporan.galat)} galat harus diperbaiki dulu.")
        if periksa_konflik:
            try:
                gabungan = gabung_bila_berubah(sidik_awal, kini, ke_teks(tabel.reindex(columns=list(KOLOM_SIMPAN))),
                                               lambda: ke_teks(baca_untuk_sunting(dataset)[0]), "id_potensi", _dengan_id_kim)
            except GalatKonflikBerkas as exc:
                raise GalatKonflik(path, exc.kini) from None
            if gabungan is not None:  # someone saved other rows since: theirs and this editor's both stay
                tabel, laporan = _validasi(gabungan, berkas, dataset)
                if not laporan.ok:
                    return HasilSimpan(False, laporan, pesan=f"Tidak disimpan: {len(laporan.galat)} galat harus diperbaiki dulu.")
        if tabel.empty:
            return HasilSimpan(False, laporan, pesan="Tidak disimpan: tabel kosong. Data KIM minimal berisi satu potensi.")
        dikenal, berkas_profil = id_kim_berkas(path, dataset.referensi)
        laporan_id = laporan_rujukan_kim(tabel, dikenal, berkas, berkas_profil)
        if not laporan_id.ok:  # a potential never points at a KIM the KIM table does not hold
            return HasilSimpan(False, laporan_id, pesan=pesan_rujukan_kim(laporan_id))
        lama, _ = baca_untuk_sunting(dataset)
        perubahan = bandingkan(lama, tabel)
        if perubahan.kosong and kini is not None:
            return HasilSimpan(False, laporan, perubahan, sidik=kini, pesan="Tidak ada perubahan; berkas tidak diubah.")
        with dicatat_di(path):
            periksa_lingkup_kim(pengguna, lama, tabel, perubahan)
        pengguna = nama_pelaku(pengguna)
        ids = set(perubahan.dihapus)
        # Removing potentials: the log and the plan stay locked until both checks and writes are done.
        with utuh.kunci_rujukan(path, dataset.path_kegiatan, aktif=bool(ids)):
            rujukan = utuh.cari_rujukan(path, ids, dataset.path_kegiatan)
            if rujukan and not berantai:
                return HasilSimpan(False, utuh.laporan_rujukan(rujukan, berkas), perubahan, pesan=utuh.pesan_rujukan(rujukan))
            data_baru = _isi_berkas(tabel, path)
            # The same check as on load, on the exact bytes: whatever is saved must load.
            _, laporan_muat = baca_dan_validasi(data_baru, path.name, dataset.referensi, dataset.wilayah, dataset.batas,
                                                excel=path.suffix.lower() in _EXCEL)
            if not laporan_muat.ok:
                return HasilSimpan(False, laporan_muat, pesan=f"Tidak disimpan: {len(laporan_muat.galat)} galat harus diperbaiki dulu.")
            cadangan = ganti_teraudit(path, data_baru, pengguna, aksi, perubahan, len(tabel), catatan)
            ikut = utuh.hapus_berantai(path, ids, pengguna, f"ikut terhapus bersama potensi {', '.join(perubahan.dihapus)}",
                                       dataset.path_kegiatan, terkunci=True) if rujukan else []
            tambahan = f" Ikut dihapus: {len(ikut)} baris yang merujuk potensi itu." if ikut else ""
            return HasilSimpan(True, laporan, perubahan, cadangan, Sidik.dari(path), f"Tersimpan: {perubahan.ringkas()}.{tambahan}")


def periksa_lingkup_kim(pengguna: Pelaku, lama: pd.DataFrame, baru: pd.DataFrame, perubahan: Perubahan) -> None:
    """The acting account's role and scope against the rows this save changes (both stores call it)."""
    if tanpa_batas(pengguna):
        return
    kolom = list(skema.KOLOM_KIM)

    def baris(frame: pd.DataFrame, ids: list[str]) -> dict[str, dict[str, str]]:
        teks = ke_teks(frame.reindex(columns=kolom)).drop(columns=KOLOM_BARIS).drop_duplicates("id_potensi")
        return teks[teks["id_potensi"].isin(ids)].set_index("id_potensi", drop=False).to_dict("index")

    ids = [*perubahan.ditambah, *perubahan.diubah, *perubahan.dihapus]
    periksa_kim(pengguna, baris(lama, ids), baris(baru, ids), perubahan.ditambah, perubahan.diubah, perubahan.dihapus)


def ganti_teraudit(path: Path, isi: bytes | Callable[[BinaryIO], object], pengguna: str, aksi: str, perubahan: Perubahan,
                   jumlah_baris: int | None, catatan: str = "", *, jurnal: Path | None = None, log: Path | None = None,
                   berkas: str | None = None) -> Path | None:
    """Replace a data file with a backup and a write-ahead audit entry; the caller holds its lock.

    The audit entry is on disk before the replace, so a kill between the two
    is finished by the next save or audit read (:func:`selesaikan_jurnal`).
    Every audited table (KIM, activity log, budget plan) and every photo is
    written here; a photo passes its own ``jurnal``, the KIM table as ``log``
    and its ``berkas`` label (``foto/<name>``).
    """
    if callable(isi):
        buf = io.BytesIO()
        isi(buf)
        isi = buf.getvalue()
    jurnal = jurnal or path_jurnal(path)
    log = log or path
    cadangan = cadangkan(path)
    entri = _entri_audit(path, pengguna, aksi, perubahan, jumlah_baris, cadangan, catatan)  # type: ignore[arg-type]
    if berkas:
        entri["berkas"] = berkas
    _tulis_jurnal(jurnal, entri, isi)
    try:
        tulis_bytes_atomik(path, isi)
    except BaseException:
        jurnal.unlink(missing_ok=True)
        raise
    _tambah_baris_audit(log, entri)
    jurnal.unlink(missing_ok=True)
    return cadangan


@dataclass(frozen=True)
class PeriksaUnggahan:
    """An uploaded table checked in full, and what saving it would do."""

    tabel: pd.DataFrame
    laporan: Laporan
    hasil: pd.DataFrame | None
    perubahan: Perubahan | None


def periksa_unggahan(data: bytes, nama: str, dataset: Dataset, mode: str, lama: pd.DataFrame) -> PeriksaUnggahan:
    """Validate an upload (rows numbered as in the file) and build the table it would become."""
    tabel, laporan = baca_dan_validasi(data, nama, dataset.referensi, dataset.wilayah, dataset.batas)
    if tabel is None:
        return PeriksaUnggahan(pd.DataFrame(columns=list(KOLOM_SIMPAN)), laporan, None, None)
    periksa_selaras_log(tabel, dataset.kegiatan, dataset.wilayah, nama, laporan)  # as `validate` does (#22)
    if not laporan.ok:
        return PeriksaUnggahan(tabel, laporan, None, None)
    if "id_kim" not in tabel and "id_kim" in lama:  # a file without the column keeps each row's saved link
        tabel["id_kim"] = tabel["id_potensi"].astype(str).map(lama.drop_duplicates("id_potensi").set_index("id_potensi")["id_kim"])
    hasil = gabung_menurut_id(lama, tabel) if mode == MODE_GABUNG else tabel.reindex(columns=list(KOLOM_SIMPAN))
    return PeriksaUnggahan(tabel, laporan, hasil, bandingkan(lama, hasil))


def pulihkan(cadangan: Path | str, dataset: Dataset, pengguna: Pelaku, sidik_awal: Sidik | None = None,
             periksa_konflik: bool = False) -> HasilSimpan:
    """Make a backup the current table again; the version it replaces is itself backed up."""
    cadangan = Path(cadangan)
    laporan = Laporan()
    mentah = baca_tabel(cadangan, laporan)
    if mentah is None:
        return HasilSimpan(False, laporan, pesan=f"Cadangan {cadangan.name} tidak dapat dibaca.")
    return simpan_kim(mentah, dataset, pengguna, sidik_awal, aksi="pulihkan", berkas=cadangan.name,
                      catatan=f"dipulihkan dari {cadangan.name}", periksa_konflik=periksa_konflik)
