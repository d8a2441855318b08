"""The map's ColorBrewer palettes, kept as data so a first page need not import branca (issue #26)."""

from __future__ import annotations

import pytest

from geo.tampilan import kelas


@pytest.mark.parametrize("palet,n", sorted(kelas._PALET_TETAP))
def test_palet_tetap_sama_dengan_colorbrewer_branca(palet, n):
    """The palettes kept as data (so a first page need not import branca) are branca's ColorBrewer colours."""
    from branca.utilities import color_brewer

    assert list(kelas._PALET_TETAP[palet, n]) == color_brewer(palet, n)


def test_palet_peta_dan_banding_tanpa_branca():
    """Every class count the map offers, and the comparison's palette, come from the table."""
    for n in range(kelas.JUMLAH_KELAS_MIN, kelas.JUMLAH_KELAS_MAX + 1):
        assert (kelas.PALET_BAWAAN, n) in kelas._PALET_TETAP
    assert ("RdBu", 7) in kelas._PALET_TETAP
    # Another palette still works, through branca.
    assert len(kelas.color_brewer("YlOrRd", 5)) == 5
