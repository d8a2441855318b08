"""The allocation choropleth for the page: per kelurahan, or per KIM member.

Built from the main map's blocks (escaping in :mod:`geo.peta.aman`, offline
assets from :mod:`geo.peta.aset`, legend control, class breaks of
:mod:`geo.tampilan.kelas`), so it looks and behaves like the main map and
never calls a CDN.
"""

from __future__ import annotations

import folium
import numpy as np
import pandas as pd
import xyzservices.providers as xyz

from geo.anggaran.ringkas import RingkasanAnggaran
from geo.anggaran.uang import rupiah
from geo.i18n import t
from geo.peta import aset
from geo.peta.aman import aman_html, aman_html_seri
from geo.peta.data import sederhanakan
from geo.peta.lapisan import Legenda
from geo.tampilan.kelas import WARNA_TANPA_DATA, hitung_kelas

NILAI_PETA: dict[str, str] = {"alokasi": "Alokasi per kelurahan", "per_anggota": "Alokasi per anggota KIM"}
NILAI_BAWAAN = "alokasi"  # NILAI_PETA keeps the Indonesian labels; label_nilai gives them in the page's language
CSS_KELURAHAN_ANGGARAN = "kim-kelurahan-anggaran"
_KOLOM = {"alokasi": "alokasi", "per_anggota": "alokasi_per_anggota"}


def nilai_peta(ringkasan: RingkasanAnggaran, nilai: str) -> pd.Series:
    """The coloured figure per kelurahan (integer rupiah; missing where a KIM has no members)."""
    if nilai not in _KOLOM:
        raise ValueError(f"Nilai peta '{nilai}' tidak dikenal. Pilihan: {', '.join(NILAI_PETA)}.")
    return ringkasan.per_kelurahan[_KOLOM[nilai]]


def label_nilai(nilai: str, bahasa: str = "id") -> str:
    """A value option's label in ``bahasa`` (the radio on the page and the legend's title)."""
    return t(f"ap_nilai_{nilai}", bahasa)


def _legenda(label: list[str], warna: tuple[str, ...], judul: str) -> str:
    baris = "".join(
        f'<div class="kim-legenda-baris"><span class="kim-kotak" style="background:{aman_html(w)}"></span>{aman_html(lb)}</div>'
        for w, lb in zip(warna, label)
    )
    return f'<div class="kim-legenda-bagian"><div class="kim-legenda-judul">{aman_html(judul)}</div>{baris}</div>'


def peta_anggaran(ringkasan: RingkasanAnggaran, nilai: str = NILAI_BAWAAN, url_aset: str = aset.URL_DASAR,
                  peta_dasar: bool = True, tinggi: int | str = "100%", bahasa: str = "id") -> folium.Map:
    """Folium map of the filtered allocation; kelurahan without allocation stay grey."""
    per = ringkasan.per_kelurahan
    angka = nilai_peta(ringkasan, nilai)
    peta = folium.Map(tiles=None, width="100%", height=tinggi, zoom_start=12, min_zoom=9, max_zoom=18,
                      location=[0.0, 0.0], prefer_canvas=False)
    if peta_dasar:
        osm = xyz.OpenStreetMap.Mapnik
        folium.TileLayer(osm.build_url(), attr=osm.html_attribution, name="OpenStreetMap", max_zoom=18).add_to(peta)
    if len(per):
        x0, y0, x1, y1 = per.total_bounds
        peta.location = [float((y0 + y1) / 2), float((x0 + x1) / 2)]
        peta.fit_bounds([[float(y0), float(x0)], [float(y1), float(x1)]])
        terisi = angka.notna() & (per["alokasi"] > 0)
        kelas = hitung_kelas(angka[terisi].astype(float).to_numpy() if terisi.any() else np.array([0.0]), "quantiles", 5)
        warna_isi = np.array(kelas.warna_nilai(angka.fillna(0).astype(float).to_numpy()), dtype=object)
        warna = dict(zip(per["kode"], np.where(terisi.to_numpy(), warna_isi, WARNA_TANPA_DATA)))
        data = {
            "nama": aman_html_seri(per["kelurahan"]).to_numpy(),
            "kim": aman_html_seri(per["nama_kim"]).to_numpy(),
            "alokasi": [rupiah(int(v)) for v in per["alokasi"]],
            # No members: the amount per member is unknown, not zero.
            "per_anggota": [rupiah(int(v)) if pd.notna(v) else t("tanpa_data", bahasa) for v in per["alokasi_per_anggota"]],
            "dorman": np.where(per["dorman"].to_numpy(), t("a_ya", bahasa), t("ap_tidak", bahasa)),
        }
        gdf = per[["kode"]].assign(**data).set_geometry(sederhanakan(per.geometry).to_numpy(), crs="EPSG:4326")
        folium.GeoJson(
            gdf.set_index("kode").to_geo_dict(drop_id=False),
            name=t("ap_lapisan", bahasa),
            style_function=lambda f: {"fillColor": warna.get(str(f["id"]), WARNA_TANPA_DATA), "fillOpacity": 0.75,
                                      "color": "#4a5560", "weight": 1.2},
            highlight_function=lambda f: {"weight": 3, "color": "#1b1f23"},
            tooltip=folium.GeoJsonTooltip(fields=["nama", "kim", "alokasi", "per_anggota", "dorman"],
                                          aliases=[t("kelurahan", bahasa), "KIM", t("a_kol_alokasi", bahasa), t("a_kol_per_anggota", bahasa),
                                                   t("ap_kim_dorman", bahasa)],
                                          sticky=True, class_name="kim-tooltip"),
            class_name=CSS_KELURAHAN_ANGGARAN,
        ).add_to(peta)
        label = kelas.label(lambda v: rupiah(int(v))) if terisi.any() else []
        abu = (t("ap_tanpa_alokasi", bahasa) if terisi.eq(per["alokasi"] > 0).all()
               else t("ap_tanpa_alokasi_data", bahasa, tanpa_data=t("tanpa_data", bahasa)))
        html = _legenda([*label, abu], (*kelas.warna[: len(label)], WARNA_TANPA_DATA), label_nilai(nilai, bahasa))
        Legenda(html, t("legenda", bahasa), terbuka=True).add_to(peta)
    return aset.pasang(peta, "url", url_aset)
