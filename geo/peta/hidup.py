"""The live map of the page: geometry once per data version, then only what changed.

Three pieces, so a filter click never rebuilds the map in the browser:

- :func:`data_statis` — the boundaries (simplified, rounded, delta-encoded),
  kelurahan names, labels and every potential's escaped popup text. It
  depends only on the data version and the language, so the page writes it
  once to a static file the browser fetches once (:func:`tulis_statis`).
- :func:`geo.peta.dasar.peta_dasar` — a folium map whose layers are empty folium
  elements filled from that file; its script is identical on every rerun, so
  ``st_folium`` keeps the same iframe and Leaflet map (pan and zoom survive).
- :func:`perubahan` / :func:`skrip_pembaruan` — per view: colours and tooltip
  values per kelurahan, which potentials show, the legend and the selection;
  a few kilobytes, applied in place by ``L.kimPerbarui`` (``kim-peta.js``).

Nothing here imports folium: a click, and a first page whose base map is in the disk
cache, only need these (issue #26).
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely

from geo import format_id
from geo.i18n import bahasa_sah, label_metrik, nilai_metrik, t
from geo.masuk.dataset import Dataset
from geo.masuk.tingkat import awalan_seri
from geo.peta import aset
from geo.peta.aman import aman_html, aman_html_seri, json_skrip
from geo.peta.data import AMBANG_KLASTER, DESIMAL_KOORDINAT, geometri_peta, kosakata_penanda
from geo.peta.label import prioritas_label, titik_label
from geo.simpan import foto
from geo.simpan.berkas import tulis_bytes_atomik
from geo.tampilan import indeks, kelas, waktu
from geo.tampilan.agregat import kode_dataset
from geo.tampilan.sebutan import sebutan
from geo.tampilan.susun import Tampilan
from geo.tampilan.tingkat import tingkat_awal, unit_tingkat

SKALA = 10**DESIMAL_KOORDINAT
DIR_DATA = "data"  # under static/vendor/


def _cincin_delta(xy: np.ndarray) -> list[int]:
    """A ring as integers at 1e-5°: first vertex absolute, then differences (flat x,y)."""
    q = np.round(xy[:, :2] * SKALA).astype(np.int64)
    q[1:] -= q[:-1].copy()
    return q.ravel().tolist()


def _geometri_delta(geom) -> list:
    """Polygon/MultiPolygon → list of polygons, each a list of delta-encoded rings."""
    if geom is None or geom.is_empty:
        return []
    poligon = list(geom.geoms) if hasattr(geom, "geoms") else [geom]
    return [[_cincin_delta(np.asarray(p.exterior.coords))] + [_cincin_delta(np.asarray(r.coords)) for r in p.interiors]
            for p in poligon if p.geom_type == "Polygon"]


def _label(batas, geometri) -> list:
    """[lat, lng, min zoom, priority] at each unit's pole of inaccessibility (names are in ``k``).

    The zoom is where the name (~6,5 px per character) fits the polygon's width;
    the biggest unit (priority 0) keeps its spot when names collide in the browser.
    """
    titik = titik_label(geometri)
    kotak = shapely.bounds(geometri.to_numpy())
    lebar = np.clip(kotak[:, 2] - kotak[:, 0], 1e-4, None) * 0.8
    piksel = 6.5 * batas["kelurahan"].astype(str).str.len().to_numpy() + 8
    zoom = np.ceil(4 * np.log2(piksel * 360.0 / (256.0 * lebar))) / 4
    return np.column_stack([np.round(titik.y.to_numpy(), 5), np.round(titik.x.to_numpy(), 5), zoom,
                            prioritas_label(geometri)]).tolist()


def unit_peta(dataset: Dataset, tingkat: str = "kelurahan", wilayah: str = "") -> gpd.GeoDataFrame:
    """The units one live map holds: a level's units inside a code prefix, once per dataset.

    A province's map never carries the country: drilling into a unit is a new
    base map (a navigation), while filters at one level only restyle it.
    """
    def buat() -> gpd.GeoDataFrame:
        unit = unit_tingkat(dataset, tingkat)
        if wilayah:
            unit = unit[unit["kode"].astype(str).str.startswith(wilayah)]
        return unit.reset_index(drop=True)

    return dataset.indeks.unit_peta.ambil((tingkat, wilayah), buat)


# Above the kelurahan a map of a province or the country shows aggregates; markers appear once the
# unit drilled into holds at most this many potentials (a static file of 400,000 points helps no one).
MAKS_TITIK_AGREGAT = 20_000


def potensi_peta(dataset: Dataset, wilayah: str = "", tingkat: str = "kelurahan") -> gpd.GeoDataFrame:
    """The potentials the map can mark inside the prefix: all of them, unless an aggregate map would hold too many."""
    p = dataset.potensi
    if wilayah:
        p = dataset.indeks.potensi_peta.ambil(wilayah, lambda: dataset.potensi[indeks.potensi_dalam(
            dataset, kode_dataset(dataset).kel, dataset.potensi["kode_kelurahan"], wilayah)])
    if tingkat != "kelurahan" and len(p) > MAKS_TITIK_AGREGAT:
        return p.iloc[0:0]
    return p


def titik_disembunyikan(tampilan: Tampilan) -> bool:
    """True when this aggregate map leaves its potentials unmarked (see :data:`MAKS_TITIK_AGREGAT`)."""
    return bool(len(tampilan.potensi)) and not len(potensi_peta(tampilan.dataset, tampilan.wilayah, tampilan.tingkat))


def _nama_kim_unit(dataset: Dataset, unit: gpd.GeoDataFrame, tingkat: str) -> pd.Series:
    if tingkat == "kelurahan":
        return dataset.nama_kim().reindex(unit["kode"].astype(str)).fillna("")
    semua = dataset.potensi
    jumlah = semua.groupby(awalan_seri(semua["kode_kelurahan"], tingkat))["nama_kim"].nunique()
    return (jumlah.astype(str) + " KIM").reindex(unit["kode"].astype(str)).fillna("")




def data_statis(dataset: Dataset, bahasa: str, tingkat: str = "kelurahan", wilayah: str = "") -> dict:
    """Everything that does not change with a filter, escaped once.

    ``k``: [kode, nama, kecamatan, KIM] per kelurahan; ``g``: its polygons;
    ``l``: label points; ``p``: every potential (filtered views send indexes
    into ``p.titik``); ``kotak``: per-kelurahan [minx, miny, maxx, maxy].
    """
    bahasa = bahasa_sah(bahasa)
    wil = dataset.wilayah
    b = unit_peta(dataset, tingkat, wilayah)
    geometri = geometri_peta(b.geometry) if len(b) else b.geometry
    nama_kim = _nama_kim_unit(dataset, b, tingkat)
    k = pd.DataFrame({
        "kode": aman_html_seri(b["kode"].astype(str)).to_numpy(),
        "nama": aman_html_seri(b["kelurahan"]).to_numpy(),
        "kec": aman_html_seri(b["kecamatan"]).to_numpy(),
        "kim": aman_html_seri(nama_kim.replace("", t("tanpa_kim", bahasa))).to_numpy(),
    }).to_numpy(dtype=object).tolist()
    p = potensi_peta(dataset, wilayah, tingkat)
    kategori, status = list(wil.kategori_potensi), list(wil.status_aktivitas)
    titik = []
    if len(p):
        titik = pd.DataFrame({
            "lat": p["lintang"].astype(float).round(DESIMAL_KOORDINAT),
            "lng": p["bujur"].astype(float).round(DESIMAL_KOORDINAT),
            "k": pd.Categorical(p["kategori_potensi"], categories=kategori).codes.astype(int),
            "s": pd.Categorical(p["status_aktivitas"], categories=status).codes.astype(int),
            "kim": aman_html_seri(p["nama_kim"]), "potensi": aman_html_seri(p["nama_potensi"]),
            "kel": aman_html_seri(p["kelurahan"]),
            "anggota": format_id.bulat_seri(p["jumlah_anggota"], bahasa),
            "kegiatan": format_id.tanggal_seri(p["kegiatan_terakhir"], bahasa),
            "kontak": aman_html_seri(p["kontak"]) if "kontak" in p else "",
            # The photo's URL (served by the app, carrying its mtime) or "": the popup's 11th field.
            "foto": aman_html_seri(pd.Series(foto.sumber_foto(dataset.path_kim, p["id_potensi"].astype(str).tolist()), index=p.index)),
        }).to_numpy(dtype=object).tolist()
    kata = sebutan(dataset, tingkat, wilayah, bahasa)
    return {
        "skala": SKALA,
        # Tooltip headings for this level: "Kab/Kota · Provinsi" on a province, "Kelurahan · Kecamatan" in a kota.
        "alias": [aman_html(t(x, bahasa, **kata)) for x in ("unit", "induk", "kim")],
        "k": k,
        "g": [_geometri_delta(g) for g in geometri.to_numpy()],
        "l": _label(b, geometri) if len(b) else [],
        "kotak": np.round(shapely.bounds(b.geometry.to_numpy()), 5).tolist() if len(b) else [],
        "p": {**kosakata_penanda(wil, bahasa), "titik": titik},
    }


def teks_statis(dataset: Dataset, bahasa: str, tingkat: str = "kelurahan", wilayah: str = "") -> bytes:
    """The static data as compact JSON bytes (no spaces)."""
    return json.dumps(data_statis(dataset, bahasa, tingkat, wilayah), ensure_ascii=False, separators=(",", ":"), allow_nan=False).encode("utf-8")


def tulis_statis(dataset: Dataset, bahasa: str, dir_vendor: Path | None = None, tingkat: str = "kelurahan",
                 wilayah: str = "") -> str:
    """Write the static data under ``static/vendor/data/`` named by its hash; returns the name.

    Content-addressed: a new data version is a new file, so a browser cache
    can never show old boundaries.
    """
    return _tulis_data(teks_statis(dataset, bahasa, tingkat, wilayah), "kim-", ".json", dir_vendor)


def tulis_skrip_dasar(skrip: str, dir_vendor: Path | None = None) -> str:
    """Write a base map's script as a static file (``data/dasar-<hash>.js``); returns its name.

    The browser loads it once, before the map starts, like Leaflet itself, instead of the
    page re-sending the same 2-3 KB of script with every filter click (issue #26).
    """
    return _tulis_data(skrip.encode("utf-8"), "dasar-", ".js", dir_vendor)


def _tulis_data(isi: bytes, awalan: str, akhiran: str, dir_vendor: Path | None) -> str:
    """Write ``isi`` under ``static/vendor/data/`` named by its hash, atomically (the store's writer)."""
    nama = f"{awalan}{hashlib.sha256(isi).hexdigest()[:20]}{akhiran}"
    folder = (dir_vendor or aset.DIR_VENDOR) / DIR_DATA
    target = folder / nama
    if not target.exists():
        tulis_bytes_atomik(target, isi)
    return f"{DIR_DATA}/{nama}"


def kotak_wilayah(dataset: Dataset, wilayah: str = "") -> list[list[float]] | None:
    """[[south, west], [north, east]] from the region file or the boundaries' total bounds.

    With a code prefix, the box of the units inside it: a drill-down opens on the unit, not the country.
    """
    if wilayah and len(dataset.batas):
        def kotak() -> list[list[float]] | None:
            dalam = dataset.batas.iloc[indeks.baris_awalan(dataset, wilayah)]
            if not len(dalam):
                return kotak_wilayah(dataset)
            minx, miny, maxx, maxy = dalam.total_bounds
            return [[round(float(miny), 5), round(float(minx), 5)], [round(float(maxy), 5), round(float(maxx), 5)]]

        return dataset.indeks.kotak.ambil(wilayah, kotak)
    if dataset.wilayah.batas_bbox:
        minx, miny, maxx, maxy = dataset.wilayah.batas_bbox
    elif len(dataset.batas):
        minx, miny, maxx, maxy = dataset.batas.total_bounds
    else:
        return None
    return [[round(float(miny), 5), round(float(minx), 5)], [round(float(maxy), 5), round(float(maxx), 5)]]


def pas_dengan_kotak(kotak: list[list[float]] | None, tampak: list[list[float]] | None) -> bool:
    """True when the view ``tampak`` ([[s, w], [n, e]]) is the map fitted to ``kotak``.

    It holds the box, and a quarter zoom closer (the map's zoom snap) would not: the map's own fit
    after its frame settled its size, as opposed to a user's zoom in or out.
    """
    if not kotak or not tampak:
        return False
    (s, w), (n, e) = kotak
    (ts, tw), (tn, te) = tampak
    eps = 1e-5
    if not (ts <= s + eps and tw <= w + eps and tn >= n - eps and te >= e - eps):
        return False
    f = 2 ** -0.25
    cy, cx, hy, hx = (ts + tn) / 2, (tw + te) / 2, (tn - ts) / 2 * f, (te - tw) / 2 * f
    return not (cy - hy <= s and cx - hx <= w and cy + hy >= n and cx + hx >= e)


def ciri_dasar(dataset: Dataset, bahasa: str, wilayah: str = "") -> dict:
    """What a base map (:func:`geo.peta.dasar.peta_dasar`) takes from the data besides its static file.

    The region's box, its level's words (a region with levels names its layers "Wilayah", a kota by
    its units) and whether markers cluster. The base map reads them only through here, so the disk
    cache that keeps rendered base maps under these (``ui.peta``) cannot miss one.
    """
    kata = sebutan(dataset, "kelurahan" if tingkat_awal(dataset) == "kelurahan" else "wilayah", bahasa=bahasa_sah(bahasa))
    return {"kotak": kotak_wilayah(dataset, wilayah), "kata": kata, "klaster": len(dataset.potensi) > AMBANG_KLASTER}


def _kotak_tampilan(tampilan: Tampilan, kotak_kel: np.ndarray, baris: np.ndarray) -> list[list[float]] | None:
    """Extent of the kelurahan shown and the potentials, from known boxes (no coordinate walk)."""
    p = tampilan.potensi
    bagian = []
    if len(baris):
        k = kotak_kel[baris]
        bagian.append((k[:, 0].min(), k[:, 1].min(), k[:, 2].max(), k[:, 3].max()))
    if len(p):
        x, y = p["bujur"].astype(float), p["lintang"].astype(float)
        bagian.append((x.min(), y.min(), x.max(), y.max()))
    if not bagian:
        return kotak_wilayah(tampilan.dataset)
    a = np.asarray(bagian, dtype=float)
    return [[round(float(a[:, 1].min()), 5), round(float(a[:, 0].min()), 5)],
            [round(float(a[:, 3].max()), 5), round(float(a[:, 2].max()), 5)]]


def perubahan(tampilan: Tampilan, legenda: str) -> dict:
    """What one view changes on the live map, indexed like :func:`data_statis`.

    The metric, classes, language and the selected unit are the View's own.

    ``i``: row of each shown kelurahan; ``w``: its class index into ``warna``;
    ``n``: its formatted value; ``p``: rows of the potentials shown.
    """
    ds, metrik, kls, bahasa, terpilih = tampilan.dataset, tampilan.metrik, tampilan.kelas, tampilan.bahasa, tampilan.keadaan.kelurahan
    unit = unit_peta(ds, tampilan.tingkat, tampilan.wilayah)
    kunci = (tampilan.tingkat, tampilan.wilayah)
    kode_semua = ds.indeks.kode_unit_peta.ambil(kunci, lambda: pd.Index(unit["kode"].astype(str)))
    r = tampilan.ringkasan
    baris = kode_semua.get_indexer(r["kode"].astype(str)) if len(r) else np.zeros(0, dtype=int)
    nilai = r[metrik].to_numpy(dtype=float) if len(r) else np.zeros(0)
    idx = kls.indeks(nilai) if len(r) else np.zeros(0, dtype=int)
    unik, balik = np.unique(nilai, return_inverse=True)
    teks = [nilai_metrik(metrik, v, bahasa) for v in unik]  # a handful of distinct values
    semua_p = potensi_peta(ds, tampilan.wilayah, tampilan.tingkat)
    p_baris = semua_p.index.get_indexer(tampilan.potensi.index) if len(tampilan.potensi) else np.zeros(0, dtype=int)
    p_baris = p_baris[p_baris >= 0]  # only what the static file holds
    kotak_kel = ds.indeks.kotak_unit_peta.ambil(kunci, lambda: np.asarray(shapely.bounds(unit.geometry.to_numpy()))
                        if len(unit) else np.zeros((0, 4)))
    return {
        "i": baris.tolist(),
        "w": idx.astype(int).tolist(),
        "warna": list(kls.warna) + [kelas.WARNA_TANPA_DATA],
        "n": [teks[j] for j in balik],
        "label": aman_html(label_metrik(metrik, ds.wilayah, bahasa)),
        "p": p_baris.tolist(),
        "klaster": len(tampilan.potensi) > AMBANG_KLASTER,
        "legenda": legenda,
        "pilih": int(kode_semua.get_loc(terpilih)) if terpilih and terpilih in kode_semua else None,
        "batas": _kotak_tampilan(tampilan, kotak_kel, baris),
    }


def skrip_pembaruan(data: dict) -> str:
    """The JavaScript of one view's update (:func:`perubahan`), as the page sends it."""
    return f"L.kimHidup.perbarui({json_skrip(data)});"


def pembaruan_tampilan(tampilan: Tampilan) -> tuple[str, str]:
    """(the legend's HTML, the map update's script) of one View, computed once per view state and day.

    A rerun that shows a view already seen (back to a filter, a pan, a page turn) sends the same
    bytes without rebuilding them (issue #26); the key is the View's own, without the map's position.
    """
    from geo.peta.legenda import html_legenda  # legenda imports this module

    def buat() -> tuple[str, str]:
        # The page draws the legend under the map; the map copies it from there (kim-peta.js, salinLegenda)
        # rather than receiving it a second time in its update.
        return html_legenda(tampilan, dengan_catatan=False), skrip_pembaruan(perubahan(tampilan, ""))

    kunci = (tampilan.keadaan.tanpa_posisi(), waktu.hari_ini())
    return tampilan.dataset.indeks.pembaruan_peta.ambil(kunci, buat)

