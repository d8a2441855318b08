"""Points already found inside their own unit, remembered per boundary version.

Testing 400,000 points against their own polygons costs most of a warm
national load, yet from one load to the next almost every row is unchanged.
Whether point (x, y) lies in the polygon at position ``pos`` depends only on
the prepared boundaries, which :mod:`geo.masuk.tembolok` already keys by
content, so the triples that passed are kept next to that entry and only
new or edited rows are tested again.

Safe by construction: an entry is named by the boundaries' key plus a
fingerprint of the very table's codes in order (so a position always means
the same polygon); a hit needs the exact stored triple (bit for bit, the
64-bit hash only finds it); only passes are stored, so a miss of any kind
(absent, corrupt, unwritable cache, hash collision) just means the point is
tested as before.
"""

from __future__ import annotations

import hashlib

import geopandas as gpd
import numpy as np
import pandas as pd

from geo.masuk import tembolok
from geo.masuk.batas import ATTR_KUNCI

# Rows kept per entry (28 bytes each): a country's table several times over. Past it, only the
# rows of the latest load are kept.
MAKS_TITIK = 2_000_000
_JENIS = {"h": np.dtype(np.uint64), "pos": np.dtype(np.int32), "x": np.dtype(np.float64), "y": np.dtype(np.float64)}


def nama_entri(batas: gpd.GeoDataFrame) -> str | None:
    """The entry for this boundary table, or None when it did not come through the disk cache."""
    kunci = batas.attrs.get(ATTR_KUNCI)
    if not kunci or "kode" not in batas.columns:
        return None
    kode = "\x1f".join(batas["kode"].astype(str).tolist())
    sidik = hashlib.sha256(f"{len(batas)}\x1e{kode}".encode()).hexdigest()[:16]
    return f"titik-{kunci}-{sidik}"


def _campur(h: np.ndarray) -> np.ndarray:
    """splitmix64's finaliser: every input bit moves every output bit."""
    h = (h ^ (h >> np.uint64(30))) * np.uint64(0xBF58476D1CE4E5B9)
    h = (h ^ (h >> np.uint64(27))) * np.uint64(0x94D049BB133111EB)
    return h ^ (h >> np.uint64(31))


def _bit(a: np.ndarray) -> np.ndarray:
    return np.ascontiguousarray(a, dtype=np.float64).view(np.uint64)


def hash_titik(pos: np.ndarray, x: np.ndarray, y: np.ndarray) -> np.ndarray:
    """One uint64 per (pos, x, y), column-wise."""
    with np.errstate(over="ignore"):
        h = _campur(pos.astype(np.uint64) ^ np.uint64(0x9E3779B97F4A7C15))
        h = _campur(h ^ _bit(x))
        return _campur(h ^ _bit(y))


class Lulus:
    """The stored passes of one entry, looked up and extended in one load."""

    def __init__(self, nama: str | None) -> None:
        self.nama = nama
        self.simpanan = tembolok.baca_larik(nama, _JENIS) if nama else None
        if self.simpanan is not None and len({len(v) for v in self.simpanan.values()}) != 1:
            self.simpanan = None

    def cari(self, pos: np.ndarray, x: np.ndarray, y: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """(hash, hit) per row: hit only where the exact triple was stored as inside."""
        h = hash_titik(pos, x, y)
        s = self.simpanan
        if s is None or not len(s["h"]):
            return h, np.zeros(len(h), dtype=bool)
        # A hash table look-up (stored hashes are unique): twice as fast as searchsorted in random order.
        i = pd.Index(s["h"]).get_indexer(h)
        ada = i >= 0
        j = np.where(ada, i, 0)
        kena = ada & (s["pos"][j] == pos) & (_bit(s["x"])[j] == _bit(x)) & (_bit(s["y"])[j] == _bit(y))
        return h, kena

    def simpan(self, h: np.ndarray, pos: np.ndarray, x: np.ndarray, y: np.ndarray, baru: np.ndarray, semua: np.ndarray) -> None:
        """Add the rows ``baru`` (tested now, inside); ``semua`` (every row inside) when the entry grows too big."""
        if not self.nama or not baru.any():
            return
        bagian = [{"h": h[baru], "pos": pos[baru].astype(np.int32), "x": x[baru], "y": y[baru]}]
        if self.simpanan is not None and len(self.simpanan["h"]) + int(baru.sum()) <= MAKS_TITIK:
            bagian.insert(0, self.simpanan)
        else:
            bagian = [{"h": h[semua], "pos": pos[semua].astype(np.int32), "x": x[semua], "y": y[semua]}]
        gabung = {k: np.concatenate([b[k] for b in bagian]).astype(d, copy=False) for k, d in _JENIS.items()}
        # One row per hash (a colliding second triple is only a future miss).
        _, urut = np.unique(gabung["h"], return_index=True)
        tembolok.tulis_larik(self.nama, {k: v[urut] for k, v in gabung.items()})
