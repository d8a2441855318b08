"""What a view's units are called: kelurahan, desa, desa/kelurahan, kecamatan, kab/kota or provinsi.

Every label follows the data. A kota of kelurahan reads exactly as it always
did; a kabupaten of desa says "desa"; a province at kab/kota level says
"Kab/Kota" in its tooltips and tables. The words are filled into the strings
of :mod:`geo.i18n` through the placeholders ``{unit}`` (the view's units),
``{induk}`` (their parent level) and ``{satuan}`` (the desa/kelurahan inside
the view, which the detail panel always shows).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from geo.masuk.dataset import Dataset
from geo.masuk.tingkat import TINGKAT, jenis_batas
from geo.tampilan.indeks import baris_awalan

if TYPE_CHECKING:
    from geo.tampilan.susun import Tampilan

# Indonesian words are loanwords in the English page too, except the two with a common English name.
_KATA: dict[str, dict[str, str]] = {
    "provinsi": {"id": "provinsi", "en": "province"},
    "kabkota": {"id": "kab/kota", "en": "regency/city"},
    "kecamatan": {"id": "kecamatan", "en": "kecamatan"},
    "wilayah": {"id": "wilayah", "en": "region"},
}
_KAPITAL = {"kab/kota": "Kab/Kota", "desa/kelurahan": "Desa/Kelurahan", "regency/city": "Regency/city"}


def kapital(kata: str) -> str:
    """A word as a heading or a column name: ``Kelurahan``, ``Kab/Kota``, ``Desa/Kelurahan``."""
    return _KAPITAL.get(kata, kata[:1].upper() + kata[1:])


def jenis_dalam(dataset: Dataset, wilayah: str = "") -> str:
    """``desa``, ``kelurahan`` or ``desa/kelurahan``: the kind of the units inside the code prefix."""
    batas = dataset.batas
    return dataset.indeks.jenis_dalam.ambil(wilayah, lambda: jenis_batas(batas.iloc[baris_awalan(dataset, wilayah)] if wilayah else batas))


def kata_tingkat(dataset: Dataset, tingkat: str, wilayah: str = "", bahasa: str = "id") -> str:
    """The word for the units of ``tingkat`` inside ``wilayah``, lower case."""
    if tingkat == "kelurahan":
        return jenis_dalam(dataset, wilayah)
    kata = _KATA.get(tingkat, _KATA["wilayah"])
    return kata.get(bahasa, kata["id"])


def kata_induk(tingkat: str, bahasa: str = "id") -> str:
    """The word for the level above ``tingkat`` (the ``kecamatan`` column of a view's rows)."""
    i = TINGKAT.index(tingkat) if tingkat in TINGKAT else len(TINGKAT) - 1
    induk = TINGKAT[i - 1] if i > 0 else "wilayah"
    return _KATA[induk].get(bahasa, _KATA[induk]["id"])


def sebutan(dataset: Dataset, tingkat: str = "kelurahan", wilayah: str = "", bahasa: str = "id") -> dict[str, str]:
    """The placeholders ``unit``, ``induk`` and ``satuan`` (and capitalised ``Unit``…) for :func:`geo.i18n.t`."""
    kata = {
        "unit": kata_tingkat(dataset, tingkat, wilayah, bahasa),
        "induk": kata_induk(tingkat, bahasa),
        "satuan": jenis_dalam(dataset, wilayah),
    }
    return {**kata, **{k.capitalize(): kapital(v) for k, v in kata.items()}}


def sebutan_tampilan(tampilan: Tampilan, bahasa: str = "id") -> dict[str, str]:
    """:func:`sebutan` for the level and prefix a view shows."""
    return sebutan(tampilan.dataset, tampilan.tingkat, tampilan.wilayah, bahasa)


__all__ = ["jenis_dalam", "kapital", "kata_induk", "kata_tingkat", "sebutan", "sebutan_tampilan"]
