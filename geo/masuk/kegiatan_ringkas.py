"""The activity log as today's figures need it: ``id_potensi`` and ``tanggal``, from a cached derivative.

``python -m geo summary`` without ``--pada``/``--banding`` prints today's
statuses, dormancy and KIM scores. They come from the log's ``id_potensi`` and
``tanggal`` alone, through the same functions as the page's View
(:mod:`geo.tampilan.waktu`, :mod:`geo.kim.nilai`), so one definition of each
figure holds. Parsing and checking the whole log (2,400 rows in the shipped
data) cost more than the rest of the summary, so the two typed columns and the
log's report are kept in the disk cache (:mod:`geo.masuk.tembolok`) under a key
made of the file's identity (device, inode, size, modification time: the store
replaces files atomically, so a saved log is a new inode; a file modified in the
last seconds is not stored, see :func:`geo.masuk.tembolok.tenang`), today's date (a date
in the future is an error), the potentials' ids (an unknown id is an error),
the region's activity vocabulary and the ``KIM_*`` limits. A hit does not open
the log file; a miss reads it fully, as :func:`geo.masuk.kegiatan.muat_kegiatan`
does, and stores the derivative.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
from pathlib import Path

import numpy as np
import pandas as pd

from geo.galat import Laporan
from geo.masuk import tembolok
from geo.masuk.kegiatan import jenis_kegiatan, muat_kegiatan
from geo.masuk.wilayah import Wilayah

# The log's columns today's figures read (statuses, dormancy, activities in the last 12 months).
KOLOM_RINGKAS = ("id_potensi", "tanggal")
_JENIS = {"id_potensi": np.dtype(object), "hari": np.dtype(np.int64)}
_SATUAN = "datetime64[ns]"


def kunci_ringkas(path: Path, wilayah: Wilayah, id_potensi: pd.Series | None) -> str | None:
    """The derivative's cache key, or None when the file is missing or the cache is off."""
    identitas = tembolok.identitas(path)
    if identitas is None or tembolok.folder() is None:
        return None
    batas = sorted((k, v) for k, v in os.environ.items() if k.startswith("KIM_"))
    ids = "\x1f".join(id_potensi.astype(str)) if id_potensi is not None else None
    bagian = [identitas, dt.date.today().isoformat(), list(jenis_kegiatan(wilayah)), batas,
              None if ids is None else hashlib.sha256(ids.encode("utf-8")).hexdigest()]
    return tembolok.kunci(json.dumps(bagian, ensure_ascii=False))


def muat_kegiatan_ringkas(path: Path, wilayah: Wilayah, id_potensi: pd.Series | None, laporan: Laporan) -> pd.DataFrame | None:
    """The typed log's :data:`KOLOM_RINGKAS` (its report in ``laporan``), or None when there is no log file.

    The rows are :func:`~geo.masuk.kegiatan.muat_kegiatan`'s, in its order; an
    invalid log is the empty log, with the same report.
    """
    if not path.exists():
        return None
    kunci = kunci_ringkas(path, wilayah, id_potensi)
    simpanan = tembolok.baca_larik_meta(f"log-{kunci}", _JENIS) if kunci else None
    if simpanan is not None:
        larik, meta = simpanan
        for m in meta.get("laporan", []):
            laporan.tambah(**m)
        tanggal = np.where(larik["hari"] == np.iinfo(np.int64).min, np.datetime64("NaT"),
                           larik["hari"].astype("datetime64[D]"))
        return pd.DataFrame({"id_potensi": pd.Series(larik["id_potensi"], dtype=meta["jenis_id"]),
                             "tanggal": pd.Series(tanggal, dtype=_SATUAN).astype(meta["jenis_tanggal"])})
    sendiri = Laporan()
    log = muat_kegiatan(path, wilayah, id_potensi, sendiri)
    laporan.gabung(sendiri)
    if log is None:
        return None
    if kunci and kunci_ringkas(path, wilayah, id_potensi) == kunci and tembolok.tenang(path):  # unchanged
        hari = np.asarray(log["tanggal"], dtype="datetime64[D]")
        tembolok.tulis_larik(f"log-{kunci}", {
            "id_potensi": np.asarray(log["id_potensi"].astype(str), dtype=object),
            "hari": np.where(np.isnat(hari), np.iinfo(np.int64).min, hari.astype(np.int64)),
        }, {"laporan": [m.as_dict() for m in sendiri.masalah], "jenis_id": str(log["id_potensi"].dtype),
            "jenis_tanggal": str(log["tanggal"].dtype)})
    return log.loc[:, list(KOLOM_RINGKAS)]
