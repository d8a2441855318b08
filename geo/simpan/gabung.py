"""Row-level merge of two editors' saves, for every record the file store keeps.

The editor's fingerprint carries the table they started from (:class:`SidikTabel`).
When the file changed since, their changes (base → theirs) are applied to the
current table (base → now) row by row: edits to different rows both survive; a
row changed differently on both sides is a conflict that shows both versions.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

import pandas as pd

from geo.masuk.baca import KOLOM_BARIS
from geo.simpan.berkas import Sidik, berubah
from geo.simpan.kim import GalatKonflik, perubahan_menurut


@dataclass(frozen=True)
class SidikTabel(Sidik):
    """A file's fingerprint and the text table the editor loaded from it (the base of their edits)."""

    tabel: pd.DataFrame | None = field(default=None, compare=False, repr=False)


@dataclass(frozen=True)
class Bentrok:
    """One row changed on both sides: ``anda`` (this editor) and ``lain`` (already saved); None = removed."""

    kunci: str
    anda: dict | None
    lain: dict | None


def _ringkas(baris: dict | None, beda: list[str]) -> str:
    if baris is None:
        return "dihapus"
    return ", ".join(f"{k}={baris.get(k, '')!r}" for k in beda) or "sama"


class GalatBentrokBaris(GalatKonflik):
    """The same rows were changed by this editor and by someone who saved first."""

    def __init__(self, bentrok: list[Bentrok]) -> None:
        baris = []
        for b in bentrok[:5]:
            kolom = sorted({*(b.anda or {}), *(b.lain or {})})
            beda = [k for k in kolom if (b.anda or {}).get(k) != (b.lain or {}).get(k)]
            baris.append(f"{b.kunci}: versi Anda {_ringkas(b.anda, beda)}; versi tersimpan {_ringkas(b.lain, beda)}")
        lagi = f" (dan {len(bentrok) - 5} baris lain)" if len(bentrok) > 5 else ""
        Exception.__init__(
            self,
            f"Baris yang sama telah diubah orang lain sejak Anda membukanya: {' | '.join(baris)}{lagi}. "
            "Perubahan Anda BELUM disimpan. Muat ulang data terbaru, lalu ulangi perubahan Anda pada baris itu.",
        )
        self.kini = None
        self.bentrok = bentrok


def _rekam(tabel: pd.DataFrame, kunci: str) -> dict[str, dict]:
    t = tabel.drop(columns=KOLOM_BARIS, errors="ignore").drop_duplicates(kunci)
    return {str(r[kunci]): r for r in t.to_dict("records")}


def gabung_baris(dasar: pd.DataFrame, anda: pd.DataFrame, kini: pd.DataFrame, kunci: str) -> pd.DataFrame:
    """The current table with this editor's row changes applied; raises :class:`GalatBentrokBaris`.

    All three are text tables with the same columns (``_baris`` ignored).
    """
    ubah_anda = perubahan_menurut(dasar, anda, kunci)
    ubah_lain = perubahan_menurut(dasar, kini, kunci)
    r_anda, r_kini = _rekam(anda, kunci), _rekam(kini, kunci)
    sentuh_lain = {*ubah_lain.ditambah, *ubah_lain.diubah, *ubah_lain.dihapus}
    bentrok = [Bentrok(i, r_anda.get(i), r_kini.get(i))
               for i in [*ubah_anda.ditambah, *ubah_anda.diubah, *ubah_anda.dihapus]
               if i in sentuh_lain and r_anda.get(i) != r_kini.get(i)]
    if bentrok:
        raise GalatBentrokBaris(bentrok)
    kolom = [k for k in kini.columns if k != KOLOM_BARIS]
    hasil = kini.drop(columns=KOLOM_BARIS, errors="ignore").set_index(kini[kunci].astype(str), drop=False)
    hasil = hasil.drop(index=[i for i in ubah_anda.dihapus if i in hasil.index])
    ganti = [i for i in ubah_anda.diubah if i in hasil.index]
    sumber = anda.drop(columns=KOLOM_BARIS, errors="ignore").set_index(anda[kunci].astype(str), drop=False)
    hasil.loc[ganti, kolom] = sumber.loc[ganti, kolom].to_numpy()
    baru = [i for i in ubah_anda.ditambah if i not in hasil.index]
    return pd.concat([hasil, sumber.loc[baru, kolom]]).reset_index(drop=True)


class GalatKonflikBerkas(Exception):
    """Internal: a changed file whose editor's base is unknown; becomes :class:`GalatKonflik`."""

    def __init__(self, kini: Sidik | None) -> None:
        super().__init__()
        self.kini = kini


def astuple_sidik(sidik: Sidik) -> tuple[int, int, str]:
    return sidik.mtime_ns, sidik.ukuran, sidik.sha256


def gabung_bila_berubah(sidik_awal: Sidik | None, kini: Sidik | None, baru: pd.DataFrame, sekarang, kunci: str,
                        setara: Callable[[pd.DataFrame], pd.DataFrame] = lambda t: t) -> pd.DataFrame | None:
    """Someone saved since ``sidik_awal``: the current table (``sekarang()``, text) with only this
    editor's row changes applied (:func:`geo.simpan.gabung.gabung_baris`); None when nothing changed.

    ``setara`` puts each table in canonical spelling first, so a save that only rewrote
    ``Rp 400.000`` as ``400000`` does not count as someone else's change to that row.
    """
    if not berubah(sidik_awal, kini):
        return None
    if not isinstance(sidik_awal, SidikTabel) or sidik_awal.tabel is None or kini is None:
        raise GalatKonflikBerkas(kini)
    return gabung_baris(setara(sidik_awal.tabel), setara(baru), setara(sekarang()), kunci)
