"""Checked tables kept in the disk cache under their input files' identities (issue #26).

Reading and checking the KIM table and the activity log cost a fresh process
(a new app server, every ``python -m geo`` command) more than everything it
then does with them, although the files seldom change. Their typed tables and
reports are pure functions of the files, the region settings, the ``KIM_*``
limits, today's date (a date in the future is a problem) and this code, so
they are stored in the disk cache (:mod:`geo.masuk.tembolok`, Arrow IPC) under
a key made of those: each file's identity (path, device, inode, size,
modification time; never its contents, so a hit does not open the file), and
the modification times of the loaders' own sources. The store replaces files
atomically (a new inode); a file modified in the last seconds is not stored
(:func:`geo.masuk.tembolok.tenang`). A table comes back only if every column
has the dtype it was stored with; anything else is a miss and the file is read
as before.
"""

from __future__ import annotations

import datetime as dt
import functools
import json
import os
from collections.abc import Callable, Sequence
from pathlib import Path

import pandas as pd
import pyarrow as pa

from geo.galat import Laporan
from geo.masuk import tembolok


@functools.cache
def _versi_kode() -> list:
    """The loaders' sources (geo/, geo/masuk, geo/kim): an edited check is a new key."""
    dasar = Path(__file__).resolve().parent.parent
    berkas = sorted(p for d in (dasar, dasar / "masuk", dasar / "kim") for p in d.glob("*.py"))
    return [[p.name, p.stat().st_mtime_ns, p.stat().st_size] for p in berkas]


def kunci(jenis: str, berkas: Sequence[Path], *lain: object) -> str | None:
    """The entry name of ``jenis`` read from ``berkas`` with the settings ``lain``; None when the cache is off."""
    if tembolok.folder() is None:
        return None
    bagian = [jenis, [tembolok.identitas(Path(b)) for b in berkas], dt.date.today().isoformat(),
              sorted((k, v) for k, v in os.environ.items() if k.startswith("KIM_")), _versi_kode(), *lain]
    return f"{jenis}-{tembolok.kunci(json.dumps(bagian, ensure_ascii=False, default=str))}"


def _baca(nama: str) -> tuple[pd.DataFrame, dict] | None:
    entri = tembolok.baca_entri(nama)
    if entri is None or "jenis" not in entri[1]:
        return None
    tabel, isi = entri
    try:
        frame = tabel.to_pandas()
        for k in isi["objek"]:  # text kept in object columns: Arrow brings it back as pandas' str dtype
            frame[k] = frame[k].astype(object)
    except Exception:  # noqa: BLE001 - a foreign entry: read the files instead
        return None
    if [str(k) for k in frame.columns] != isi["kolom"] or frame.dtypes.astype(str).tolist() != isi["jenis"]:
        return None
    return frame, isi


def _tulis(nama: str, frame: pd.DataFrame, laporan: Laporan, bagian: list[str] | None) -> None:
    path = tembolok.path_entri(nama)
    if path is None:
        return
    objek = [str(k) for k in frame.columns if frame[k].dtype == object]
    if not all(frame[k].map(type).eq(str).all() for k in objek):
        return  # an object column holding other than text (a gap, a number) might not come back the same
    try:
        tabel = pa.Table.from_pandas(frame, preserve_index=False)
    except Exception:  # noqa: BLE001 - a column Arrow cannot hold is only a missed chance
        return
    isi = {"versi": tembolok.VERSI, "nama": nama, "baris": tabel.num_rows, "kolom": [str(k) for k in frame.columns],
           "jenis": frame.dtypes.astype(str).tolist(), "objek": objek, "laporan": [m.as_dict() for m in laporan.masalah],
           "bagian": bagian or []}
    tembolok.simpan_tabel(path, tabel, isi)


def tersimpan(jenis: str, berkas: Sequence[Path], lain: Sequence[object], baca: Callable[[Laporan], pd.DataFrame | None],
              laporan: Laporan) -> pd.DataFrame | None:
    """``baca(laporan)``'s table and report, from the cache while ``berkas`` are unchanged.

    ``baca`` reads the files and adds its problems to the report it is given;
    ``None`` (nothing readable) is returned and never stored.
    """
    hasil = tersimpan_bagian(jenis, berkas, lain, lambda lap: _satu(baca(lap)), laporan)
    return None if hasil is None else hasil[""]


def _satu(frame: pd.DataFrame | None) -> dict[str, pd.DataFrame] | None:
    return None if frame is None else {"": frame}


def tersimpan_bagian(jenis: str, berkas: Sequence[Path], lain: Sequence[object],
                     baca: Callable[[Laporan], dict[str, pd.DataFrame] | None], laporan: Laporan) -> dict[str, pd.DataFrame] | None:
    """:func:`tersimpan` for a record made of several tables (``{part: table}``), stored and found together."""
    nama = kunci(jenis, berkas, *lain)
    simpanan = _baca_bagian(nama) if nama else None
    if simpanan is not None:
        for m in simpanan[1]:
            laporan.tambah(**m)
        return simpanan[0]
    sendiri = Laporan()
    bagian = baca(sendiri)
    laporan.gabung(sendiri)
    if (bagian is not None and nama and all(tembolok.tenang(Path(b)) for b in berkas)
            and kunci(jenis, berkas, *lain) == nama):  # not changed while it was read
        urutan = list(bagian)
        for i, k in enumerate(urutan[1:], start=1):
            _tulis(f"{nama}-{i}", bagian[k], Laporan(), None)
        _tulis(nama, bagian[urutan[0]], sendiri, urutan)  # last: it names the parts and carries the report
    return bagian


def _baca_bagian(nama: str) -> tuple[dict[str, pd.DataFrame], list[dict]] | None:
    pertama = _baca(nama)
    if pertama is None:
        return None
    frame, isi = pertama
    if not isi["bagian"]:
        return None
    hasil = {isi["bagian"][0]: frame}
    for i, k in enumerate(isi["bagian"][1:], start=1):
        lain = _baca(f"{nama}-{i}")
        if lain is None:
            return None
        hasil[k] = lain[0]
    return hasil, isi["laporan"]
