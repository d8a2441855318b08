"""The interactive map of one filtered view: choropleth, potentials, controls.

Pure functions returning folium objects, so the page, the HTML export and the
tests all draw the same map. Every piece of data text is escaped in
``geo.peta.data``; assets come from ``geo.peta.aset`` (never a CDN).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import folium
import numpy as np
from branca.element import Element, Figure

from geo.ekspor.merek import html_merek, merek
from geo.galat import GalatData
from geo.i18n import bahasa_sah, label_metrik, t
from geo.masuk.batas import kelurahan_di_titik as batas_di_titik
from geo.peta import aset
from geo.peta.aman import aman_html
from geo.peta.data import AMBANG_KLASTER, data_kelurahan, data_label, data_potensi
from geo.peta.hidup import titik_disembunyikan
from geo.peta.lapisan import KontrolLayar, LapisanLabel, LapisanPotensi, Legenda, PetaDasarKosong, SkalaMetrik
from geo.peta.legenda import catatan_peta, html_legenda
from geo.peta.ubin import BASEMAP, ZOOM_MIN
from geo.tampilan import kelas
from geo.tampilan.keadaan import ZOOM_MAKS
from geo.tampilan.sebutan import sebutan_tampilan
from geo.tampilan.susun import Tampilan

CSS_KELURAHAN = "kim-kelurahan"
CSS_TERPILIH = "kim-terpilih"


def _cek_opsi(tampilan: Tampilan) -> None:
    """The shared option check (:meth:`Keadaan.periksa`), as a ValueError for callers of this builder."""
    try:
        tampilan.keadaan.periksa(tampilan.dataset.wilayah)
    except GalatData as exc:
        raise ValueError(str(exc)) from exc


def batas_peta(tampilan: Tampilan) -> list[list[float]] | None:
    """[[south, west], [north, east]] of the kelurahan shown and the potentials."""
    kotak = [g.total_bounds for g in (tampilan.ringkasan.geometry, tampilan.potensi.geometry) if len(g)]
    if kotak:
        minx, miny = min(k[0] for k in kotak), min(k[1] for k in kotak)
        maxx, maxy = max(k[2] for k in kotak), max(k[3] for k in kotak)
    elif tampilan.dataset.wilayah.batas_bbox:
        minx, miny, maxx, maxy = tampilan.dataset.wilayah.batas_bbox
    else:
        return None
    return [[round(float(miny), 5), round(float(minx), 5)], [round(float(maxy), 5), round(float(maxx), 5)]]


def _zoom_min(batas: list[list[float]] | None) -> int:
    """:data:`ZOOM_MIN` for a kota; lower for a province or the country, so all of it fits (~700 px)."""
    if not batas:
        return ZOOM_MIN
    rentang = max(batas[1][0] - batas[0][0], batas[1][1] - batas[0][1], 1e-6)
    return max(3, min(ZOOM_MIN, int(np.floor(np.log2(360 * 2 / rentang)))))


def _tambah_basemap(peta: folium.Map, pilihan: str, bahasa: str, hanya_pilihan: bool = False) -> None:
    """The basemaps in the map's layer switcher (a standalone HTML file, which has no sidebar).

    ``hanya_pilihan``: the page's live map, whose sidebar is the one place to
    choose a basemap; it gets the chosen one only, outside the switcher, so
    the two can never disagree.
    """
    for kode, penyedia in BASEMAP.items():
        if hanya_pilihan and kode != pilihan:
            continue
        nama = aman_html(t(f"basemap_{kode}", bahasa))
        if penyedia is None:
            PetaDasarKosong(nama, show=kode == pilihan, control=not hanya_pilihan).add_to(peta)
            continue
        native = int(penyedia.get("max_zoom", ZOOM_MAKS))
        folium.TileLayer(
            penyedia, name=nama, overlay=False, show=kode == pilihan, control=not hanya_pilihan,
            max_zoom=ZOOM_MAKS, max_native_zoom=min(native, ZOOM_MAKS),
        ).add_to(peta)


def buat_peta(
    tampilan: Tampilan,
    mode_aset: str = "url",
    url_aset: str = aset.URL_DASAR,
    tinggi: str | int = "100%",
    legenda_terbuka: bool | None = None,
) -> folium.Map:
    """The folium map of a View, in its metric, classes, basemap and language.

    Kelurahan polygons carry CSS class ``kim-kelurahan`` and marker icons
    ``kim-potensi`` (SVG renderer, so tests and checks can count them).
    ``legenda_terbuka=None`` opens the legend on wide maps only; a page that
    draws the legend beside the map passes ``False`` to keep the map clear.
    Raises ``ValueError`` for an unknown metric, scheme or basemap.
    """
    _cek_opsi(tampilan)
    k = tampilan.keadaan
    metrik, basemap, bahasa = k.metrik, k.basemap, bahasa_sah(k.bahasa)
    r = tampilan.ringkasan
    batas = batas_peta(tampilan)
    pusat = [(batas[0][0] + batas[1][0]) / 2, (batas[0][1] + batas[1][1]) / 2] if batas else [0.0, 0.0]
    peta = folium.Map(
        location=pusat, zoom_start=12, tiles=None, width="100%", height=tinggi, control_scale=False,
        min_zoom=_zoom_min(batas), max_zoom=ZOOM_MAKS, prefer_canvas=False, zoom_snap=0.25, zoom_delta=0.5,
    )
    # First, so it fits the view (leaving room for the legend) before any tile is requested.
    KontrolLayar(t("layar_penuh", bahasa), t("keluar_layar_penuh", bahasa), t("pas_data", bahasa), batas,
                 ruang_legenda=legenda_terbuka is not False, pesan_ubin=t("basemap_tak_terjangkau", bahasa)).add_to(peta)
    SkalaMetrik().add_to(peta)
    _tambah_basemap(peta, basemap, bahasa)

    kls = tampilan.kelas
    kata = sebutan_tampilan(tampilan, bahasa)
    if len(r):
        warna = dict(zip(r["kode"].astype(str), kls.warna_nilai(r[metrik].to_numpy(dtype=float))))
        folium.GeoJson(
            data_kelurahan(tampilan),
            name=aman_html(t("lapisan_kelurahan", bahasa, **kata)),
            style_function=lambda f: {"fillColor": warna.get(str(f["id"]), kelas.WARNA_TANPA_DATA), "fillOpacity": 0.72,
                                      "color": "#4a5560", "weight": 1.2, "opacity": 0.9},
            highlight_function=lambda f: {"weight": 3, "color": "#1b1f23", "fillOpacity": 0.85},
            tooltip=folium.GeoJsonTooltip(
                fields=["nama", "kecamatan", "kim", "nilai"],
                aliases=[aman_html(a) for a in (t("unit", bahasa, **kata), t("induk", bahasa, **kata), t("kim", bahasa),
                                                 label_metrik(metrik, tampilan.dataset.wilayah, bahasa))],
                sticky=True, class_name="kim-tooltip",
            ),
            class_name=CSS_KELURAHAN,
        ).add_to(peta)

    # An aggregate map of a province or the country marks no potentials, like the page (see catatan_peta).
    bertitik = replace(tampilan, potensi=tampilan.potensi.iloc[0:0]) if titik_disembunyikan(tampilan) else tampilan
    klaster = len(bertitik.potensi) > AMBANG_KLASTER
    LapisanLabel(data_label(tampilan), aman_html(t("lapisan_label", bahasa, **kata))).add_to(peta)
    url_foto = None if mode_aset == "inline" else url_aset.rstrip("/").rsplit("/", 1)[0] + "/foto"  # beside static/vendor
    LapisanPotensi(data_potensi(bertitik, bahasa, klaster, url_foto), aman_html(t("lapisan_potensi", bahasa))).add_to(peta)
    folium.LayerControl(position="topright", collapsed=True).add_to(peta)
    Legenda(html_legenda(tampilan), aman_html(t("legenda", bahasa)), terbuka=legenda_terbuka).add_to(peta)
    return aset.pasang(peta, mode_aset, url_aset, klaster=klaster)


def html_mandiri(tampilan: Tampilan, judul: str | None = None) -> str:
    """A complete standalone HTML page of the View's map, all JS/CSS inlined.

    Opens from a USB stick or an e-mail attachment with no network (only the
    basemap tiles need the internet).
    """
    bahasa = bahasa_sah(tampilan.bahasa)
    wil = tampilan.dataset.wilayah
    judul = judul or f"{t('judul', bahasa)} – {wil.nama}"
    peta = buat_peta(tampilan, mode_aset="inline")
    figur = Figure(title=aman_html(judul), height="100%")  # the title is user text (editable in exports)
    figur.add_child(peta)
    baris = [aman_html(f"{label_metrik(tampilan.metrik, wil, bahasa)} · {tampilan.filter.deskripsi()}")]
    baris.append(aman_html(t("dibuat", bahasa, tanggal=_tanggal_hari_ini(bahasa))))
    catatan = " ".join(aman_html(c) for c in catatan_peta(tampilan, bahasa))
    kepala = (
        f'<header class="kim-kepala">{html_merek(merek(wil))}<h1>{aman_html(judul)}</h1><p>{" · ".join(baris)}</p>'
        + (f'<p class="kim-catatan">{catatan}</p>' if catatan else "")
        + "</header>"
    )
    figur.html.add_child(Element(kepala), name="kim_kepala", index=0)
    figur.header.add_child(Element(
        "<style>html,body{height:100%;margin:0}body{display:flex;flex-direction:column}"
        ".kim-kepala{flex:0 0 auto}.folium-map{flex:1 1 auto;height:auto!important;min-height:300px}</style>"
        f'<meta name="generator" content="Peta Potensi KIM"><meta name="description" content="{aman_html(judul)}">'
    ), name="kim_tata_letak")
    html = figur.render()
    return html.replace("<html>", f'<html lang="{bahasa}">', 1)


def _tanggal_hari_ini(bahasa: str) -> str:
    from geo.format_id import tanggal

    return tanggal(dt.date.today(), bahasa)


def kelurahan_di_titik(tampilan: Tampilan, lintang: float, bujur: float, toleransi: float = 0.002) -> str | None:
    """The kode of the kelurahan at a clicked point (any kelurahan, not only filtered ones).

    A click on a marker sitting right on an edge still finds its kelurahan
    within ``toleransi`` degrees (~200 m).
    """
    return batas_di_titik(tampilan.dataset.batas, lintang, bujur, toleransi)
