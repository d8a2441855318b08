"""The sections under the map (timeline, downloads, summary), drawn outside the view's fragment.

Closed, a section shows only its title, which no filter changes; so a filter or map click need not redraw
them (five elements fewer per click, issue #26). Open, a section follows the view: a fragment run whose
view differs from the one the open sections were drawn from asks for one whole-page run (:func:`basi`).
"""

from __future__ import annotations

import weakref
from dataclasses import dataclass

from geo.masuk.dataset import Dataset
from geo.tampilan.keadaan import Keadaan
from geo.tampilan.susun import Tampilan
from ui.ekspor import panel_unduh
from ui.filter import bagian_digambar, catat_bagian
from ui.ringkasan import bagian_ringkasan
from ui.waktu import bagian_garis_waktu


@dataclass(frozen=True)
class _Digambar:
    """What the open sections were drawn from: the data (held weakly: a session must not keep an old
    version alive) and the view state without the map's position, which no section uses."""

    dataset: weakref.ref[Dataset]
    keadaan: Keadaan


def basi(tampilan: Tampilan) -> bool:
    """True in a fragment run when a section is open and was drawn from another view (a filter, a map click,
    a picked kelurahan, data another server saved): the page then runs whole, so the section follows."""
    d = bagian_digambar()
    if not isinstance(d, _Digambar):
        return False  # a whole-page run (drawn after the view) or every section closed (None)
    return d.dataset() is not tampilan.dataset or d.keadaan != tampilan.keadaan.tanpa_posisi()


def gambar(tampilan: Tampilan, kode: str | None, bahasa: str) -> None:
    """The timeline, the downloads and the summary of ``tampilan``, with ``kode`` the selected unit."""
    terbuka = [bagian_garis_waktu(tampilan, bahasa, kode), panel_unduh(tampilan), bagian_ringkasan(tampilan, bahasa)]
    catat_bagian(_Digambar(weakref.ref(tampilan.dataset), tampilan.keadaan.tanpa_posisi()) if any(terbuka) else None)
