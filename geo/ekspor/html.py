"""Standalone interactive HTML: the page's own map, with every script inlined.

Built by :func:`geo.peta.buat.html_mandiri`, the same map builder the page uses,
so choropleth, legend, markers and popups cannot drift apart. The file links
no script or stylesheet; only basemap tiles come from the internet, and
without them the map still shows on a plain background.
"""

from __future__ import annotations

from geo.ekspor.opsi import OpsiEkspor
from geo.galat import GalatData
from geo.tampilan.susun import Tampilan


def ke_html(tampilan: Tampilan, opsi: OpsiEkspor, judul: str) -> bytes:
    from geo.peta.buat import BASEMAP, html_mandiri  # folium is only needed for this format

    if opsi.peta_dasar not in BASEMAP:
        raise GalatData(f"Peta dasar '{opsi.peta_dasar}' tidak dikenal. Pilihan: {', '.join(BASEMAP)}.")
    teks = html_mandiri(
        tampilan,
        judul,
        metrik=opsi.metrik,
        skema_kelas=opsi.skema,
        jumlah_kelas=opsi.jumlah_kelas,
        basemap=opsi.peta_dasar,
        bahasa=opsi.bahasa,
    )
    return teks.encode("utf-8")
