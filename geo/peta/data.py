"""What the map sends to the browser: lean, rounded, escaped.

The browser only needs a few metres of precision at the zooms the map allows,
the text it shows (escaped once, here), and nothing else, so a phone on a
slow office network gets a small page.
"""

from __future__ import annotations

import warnings

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely

from geo import format_id
from geo.i18n import nilai_metrik, t
from geo.masuk.wilayah import Wilayah
from geo.peta.aman import aman_html, aman_html_seri
from geo.peta.label import prioritas_label, titik_label
from geo.simpan import foto
from geo.tampilan.susun import Tampilan

# 5 decimals ≈ 1,1 m at the equator; max zoom 18 shows ~0,6 m per pixel, so
# simplifying at 2e-5° (~2 m, 3-4 px at z18 and sub-pixel at z15) is invisible
# at the zooms officials use while cutting the vertex count.
DESIMAL_KOORDINAT = 5
# Potentials beyond this count are clustered; below it every marker stays visible.
AMBANG_KLASTER = 300
TOLERANSI_SEDERHANA = 2e-5


def sederhanakan(geometri: gpd.GeoSeries, toleransi: float = TOLERANSI_SEDERHANA, desimal: int = DESIMAL_KOORDINAT) -> gpd.GeoSeries:
    """Simplify shared edges together (no gaps between neighbours), then round."""
    geometri = geometri.to_crs("EPSG:4326")
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            hasil = geometri.simplify_coverage(toleransi)
    except Exception:  # noqa: BLE001 - not a valid coverage (overlaps): simplify each polygon instead
        hasil = geometri.simplify(toleransi, preserve_topology=True)
    bulat = shapely.transform(hasil.to_numpy(), lambda xy: np.round(xy, desimal))
    return gpd.GeoSeries(bulat, index=geometri.index, crs="EPSG:4326")


def gaya_status(status: tuple[str, ...]) -> list[str]:
    """CSS suffix per status: the active one (the first, see Wilayah.status_aktif) solid, the last hollow, others between."""
    gaya = []
    for i, _ in enumerate(status):
        if i == 0:
            gaya.append("aktif")
        elif i == len(status) - 1:
            gaya.append("tidak")
        else:
            gaya.append("kurang")
    return gaya


# One map's outline budget (~0.9 MB delta-encoded). A map over it (a country's kab/kota, a
# province's 2,000 desa) is generalised to its own extent: from about half a pixel of a
# 1,000-pixel-wide map, doubling until it fits. Smaller maps (a kota's kelurahan, one province's
# kab/kota) keep the usual few-metre tolerance, as before.
MAKS_TITIK_SUDUT = 100_000
PIKSEL_PETA = 2000


def _jumlah_titik(geometri: gpd.GeoSeries) -> int:
    return int(shapely.get_num_coordinates(geometri.to_numpy()).sum())


def geometri_peta(geometri: gpd.GeoSeries) -> gpd.GeoSeries:
    """The outlines one map sends (live map and exports alike): simplified together, rounded, within :data:`MAKS_TITIK_SUDUT`."""
    if _jumlah_titik(geometri) <= MAKS_TITIK_SUDUT:
        return sederhanakan(geometri)
    minx, miny, maxx, maxy = geometri.total_bounds
    toleransi = max(TOLERANSI_SEDERHANA, max(maxx - minx, maxy - miny) / PIKSEL_PETA)
    for _ in range(4):
        hasil = sederhanakan(geometri, toleransi)
        if _jumlah_titik(hasil) <= MAKS_TITIK_SUDUT:
            break
        toleransi *= 2
    return hasil


def data_kelurahan(tampilan: Tampilan) -> dict:
    """The choropleth as a FeatureCollection keyed by kode, with only tooltip properties (the View's metric)."""
    r, metrik, bahasa = tampilan.ringkasan, tampilan.metrik, tampilan.bahasa
    if not len(r):
        return {"type": "FeatureCollection", "features": []}
    nilai = r[metrik].to_numpy()
    props = gpd.GeoDataFrame(
        {
            "nama": aman_html_seri(r["kelurahan"]).to_numpy(),
            "kecamatan": aman_html_seri(r["kecamatan"]).to_numpy(),
            "kim": aman_html_seri(r["nama_kim"].replace("", t("tanpa_kim", bahasa))).to_numpy(),
            # Formatting a handful of values (one per kelurahan) for the reader's locale.
            "nilai": [nilai_metrik(metrik, v, bahasa) for v in nilai],
        },
        geometry=geometri_peta(r.geometry).to_numpy(),
        index=pd.Index(r["kode"].astype(str), name="kode"),
        crs="EPSG:4326",
    )
    return props.to_geo_dict(drop_id=False)


def data_potensi(tampilan: Tampilan, bahasa: str, klaster: bool, url_foto: str | None = foto.URL_FOTO) -> dict:
    """Compact marker data: indexes into category/status lists plus escaped text.

    The 11th field is the photo's ``src``: a URL under ``url_foto`` that the
    app serves, or inline data when ``url_foto`` is None (standalone HTML).
    """
    wil = tampilan.dataset.wilayah
    p = tampilan.potensi
    kategori = list(wil.kategori_potensi)
    status = list(wil.status_aktivitas)
    if len(p):
        titik = pd.DataFrame(
            {
                "lat": p["lintang"].astype(float).round(DESIMAL_KOORDINAT),
                "lng": p["bujur"].astype(float).round(DESIMAL_KOORDINAT),
                "k": pd.Categorical(p["kategori_potensi"], categories=kategori).codes.astype(int),
                "s": pd.Categorical(p["status_aktivitas"], categories=status).codes.astype(int),
                "kim": aman_html_seri(p["nama_kim"]),
                "potensi": aman_html_seri(p["nama_potensi"]),
                "kel": aman_html_seri(p["kelurahan"]),
                "anggota": format_id.bulat_seri(p["jumlah_anggota"], bahasa),
                "kegiatan": format_id.tanggal_seri(p["kegiatan_terakhir"], bahasa),
                "kontak": aman_html_seri(p["kontak"]) if "kontak" in p else "",
                "foto": aman_html_seri(pd.Series(foto.sumber_foto(tampilan.dataset.path_kim, p["id_potensi"].astype(str).tolist(),
                                                                  url_foto), index=p.index)),
            }
        )
        baris = titik.to_numpy(dtype=object).tolist()
    else:
        baris = []
    return {**kosakata_penanda(wil, bahasa), "titik": baris, "klaster": klaster}


def kosakata_penanda(wil: Wilayah, bahasa: str) -> dict:
    """What a marker's integer codes and popup headings read as, in ``bahasa`` (the static and the live map)."""
    kategori, status = list(wil.kategori_potensi), list(wil.status_aktivitas)
    warna = wil.warna_kategori()
    return {
        "kategori": [aman_html(wil.label(k, bahasa)) for k in kategori],
        "warna": [warna[k] for k in kategori],
        "status": [aman_html(wil.label(s, bahasa)) for s in status],
        "gaya": gaya_status(tuple(status)),
        "label": {k: aman_html(t(v, bahasa)) for k, v in
                  {"status": "status_aktivitas", "anggota": "anggota", "kegiatan": "kegiatan_terakhir",
                   "kontak": "kontak", "kelurahan": "kelurahan", "foto": "foto_judul"}.items()},
    }


def data_label(tampilan: Tampilan) -> list:
    """[lat, lng, escaped name, zoom where it fits inside, priority] at a point well inside each kelurahan.

    Every name is shown; the browser moves names that would collide (the
    biggest kelurahan, priority 0, keeps its spot). The zoom is where the name
    (~6,5 px per character) fits in the polygon's width, used to shrink it before.
    """
    r = tampilan.ringkasan
    if not len(r):
        return []
    titik = titik_label(r.geometry)
    kotak = r.geometry.bounds
    lebar = (kotak["maxx"] - kotak["minx"]).clip(lower=1e-4).to_numpy() * 0.8
    piksel = 6.5 * r["kelurahan"].astype(str).str.len().to_numpy() + 8
    zoom_min = np.ceil(4 * np.log2(piksel * 360.0 / (256.0 * lebar))) / 4
    return pd.DataFrame(
        {"lat": titik.y.round(DESIMAL_KOORDINAT), "lng": titik.x.round(DESIMAL_KOORDINAT),
         "nama": aman_html_seri(r["kelurahan"]), "zoom": zoom_min.astype(float), "prioritas": prioritas_label(r.geometry)}
    ).to_numpy(dtype=object).tolist()
