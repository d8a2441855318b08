"""The headline figures of a view, computed once for every place that shows them.

KPI cards, the detail panel, the print legend, the XLSX info sheet and
``python -m geo summary`` all call :func:`angka_utama`, so they cannot
disagree. Figures count every filtered potential, including those whose
kelurahan is missing from the boundaries (which the validator allows with
a warning): such rows are not on the map, but they are in the table and
the CSV, and the totals must match those. A KIM is a (kelurahan, name)
pair: two kelurahan with a KIM of the same name are two KIM.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from geo.tampilan.sebutan import sebutan_tampilan
from geo.tampilan.susun import Tampilan


@dataclass(frozen=True)
class AngkaUtama:
    """Counts of one view (or of one kelurahan within it)."""

    kim: int
    potensi: int
    aktif: int
    persen_aktif: float | None
    anggota: int
    kelurahan: int
    kelurahan_berpotensi: int
    tanpa_batas: int

    def as_dict(self) -> dict[str, int | float | None]:
        return dict(self.__dict__)


def angka_utama(tampilan: Tampilan, kode: str | None = None) -> AngkaUtama:
    """Headline figures of ``tampilan``; with ``kode``, of that kelurahan only."""
    p = tampilan.potensi
    r = tampilan.ringkasan
    kd = tampilan.kode
    if kode is None and kd is not None and kd.kelurahan is not None and len(kd.kim) == len(p) and len(p):
        return _dari_kode(tampilan, kd)
    if kode is not None:
        p = p[p["kode_kelurahan"] == kode]
        r = r[r["kode"] == kode] if "kode" in r else r.iloc[0:0]
    potensi = len(p)
    aktif = int((p["status_aktivitas"] == tampilan.dataset.wilayah.status_aktif).sum()) if potensi else 0
    di_peta = set(r["kode"]) if "kode" in r else set()
    return AngkaUtama(
        kim=int(p[["kode_kelurahan", "nama_kim"]].drop_duplicates().shape[0]) if potensi else 0,
        potensi=potensi,
        aktif=aktif,
        persen_aktif=round(100 * aktif / potensi, 1) if potensi else None,
        anggota=int(p["jumlah_anggota"].sum()) if potensi else 0,
        kelurahan=len(r),
        # Units of the view's level with a potential: above the kelurahan, kab/kota of a province, not its desa.
        kelurahan_berpotensi=(int(p["kode_kelurahan"].nunique()) if tampilan.tingkat == "kelurahan"
                              else int((r["jumlah_potensi"] > 0).sum())) if potensi else 0,
        tanpa_batas=int((~p["kode_kelurahan"].isin(di_peta)).sum()) if potensi else 0,
    )


def _dari_kode(tampilan: Tampilan, kd) -> AngkaUtama:
    """The same figures from the view's integer codes: a national view counts 400,000 rows per rerun.

    ``kd.kim`` is one code per (kelurahan, KIM name) pair and ``kd.kel`` the
    row of ``ringkasan`` each potential is counted in (-1: not on this map).
    """
    import numpy as np

    from geo.tampilan.agregat import jumlah_beda

    p = tampilan.potensi
    aktif = int(np.count_nonzero(kd.aktif))
    return AngkaUtama(
        kim=jumlah_beda(kd.kim),
        potensi=len(p),
        aktif=aktif,
        persen_aktif=round(100 * aktif / len(p), 1),
        anggota=int(p["jumlah_anggota"].sum()),
        kelurahan=len(tampilan.ringkasan),
        kelurahan_berpotensi=jumlah_beda(kd.kelurahan) if tampilan.tingkat == "kelurahan" else jumlah_beda(kd.kel[kd.kel >= 0]),
        tanpa_batas=int(np.count_nonzero(kd.kel < 0)),
    )


def teks_cakupan(tampilan: Tampilan, fmt: Callable[[int], str] = str) -> str:
    """"12 dari 15 kelurahan" (or "3 dari 10 kab/kota"): how many units of the view hold a potential."""
    a = angka_utama(tampilan)
    return f"{fmt(a.kelurahan_berpotensi)} dari {fmt(a.kelurahan)} {sebutan_tampilan(tampilan)['unit']}"
