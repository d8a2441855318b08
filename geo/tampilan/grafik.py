"""The overview charts as plain Vega-Lite specs, from the shared per-kelurahan aggregate.

Plain dicts, not Altair objects: building them costs microseconds and needs
no schema validation on every rerun, and the counts come from the same
``ringkasan`` the map and the cards use, so they can never disagree.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from geo.i18n import t
from geo.masuk.wilayah import Wilayah
from geo.peta.data import gaya_status
from geo.tampilan.agregat import kolom_kategori, kolom_status
from geo.tampilan.banding import garis_waktu
from geo.tampilan.susun import Tampilan
from geo.tampilan.waktu import aturan_waktu, hari_ini

# Status colours for charts: green / amber / grey, readable for colour-blind users by lightness too.
WARNA_GAYA = {"aktif": "#1b7837", "kurang": "#e6a100", "tidak": "#9aa3ab"}


def _sumbu_x(bahasa: str) -> dict:
    return {"field": "jumlah", "type": "quantitative", "title": t("jumlah", bahasa), "axis": {"tickMinStep": 1, "format": "d"}}


def spek_kategori(tampilan: Tampilan, bahasa: str) -> dict:
    """Potentials per category (bars in vocabulary order, category colours)."""
    wil: Wilayah = tampilan.dataset.wilayah
    r = tampilan.ringkasan
    kategori = list(wil.kategori_potensi)
    jumlah = [int(r[kolom_kategori(k)].sum()) if len(r) else 0 for k in kategori]
    warna = wil.warna_kategori()
    return {
        "$schema": "https://vega.github.io/schema/vega-lite/v6.json",
        "data": {"values": [{"kategori": k, "jumlah": n} for k, n in zip(kategori, jumlah)]},
        "mark": {"type": "bar"},
        "height": {"step": 26},  # a numeric height gets squeezed by the page
        "encoding": {
            "y": {"field": "kategori", "type": "nominal", "sort": kategori, "title": None, "axis": {"labelLimit": 220}},
            "x": _sumbu_x(bahasa),
            "color": {"field": "kategori", "type": "nominal", "legend": None,
                      "scale": {"domain": list(warna), "range": list(warna.values())}},
            "tooltip": [{"field": "kategori", "type": "nominal", "title": t("kategori_potensi", bahasa)},
                        {"field": "jumlah", "type": "quantitative", "title": t("jumlah", bahasa)}],
        },
    }


def spek_status(tampilan: Tampilan, bahasa: str) -> dict:
    """Potentials per kecamatan, stacked by status in vocabulary order."""
    wil: Wilayah = tampilan.dataset.wilayah
    r = tampilan.ringkasan
    status = list(wil.status_aktivitas)
    kecamatan = list(dict.fromkeys(r["kecamatan"])) if len(r) else []
    nilai = []
    if len(r):
        kode = r["kecamatan"].astype(str).map({k: i for i, k in enumerate(kecamatan)}).to_numpy()
        for j, s in enumerate(status):
            per = np.bincount(kode, weights=r[kolom_status(s)].to_numpy(dtype=float), minlength=len(kecamatan))
            nilai += [{"kecamatan": k, "status": s, "jumlah": int(n), "urut": j} for k, n in zip(kecamatan, per)]
    warna = [WARNA_GAYA[g] for g in gaya_status(wil.status_aktivitas)]
    return {
        "$schema": "https://vega.github.io/schema/vega-lite/v6.json",
        "data": {"values": nilai},
        "mark": {"type": "bar"},
        "height": {"step": 34},
        "encoding": {
            "y": {"field": "kecamatan", "type": "nominal", "sort": kecamatan, "title": None, "axis": {"labelLimit": 220}},
            "x": _sumbu_x(bahasa),
            "color": {"field": "status", "type": "nominal", "sort": status, "scale": {"domain": status, "range": warna},
                      "legend": {"title": None, "orient": "top"}},
            "order": {"field": "urut", "type": "quantitative"},
            "tooltip": [{"field": "kecamatan", "type": "nominal", "title": t("kecamatan", bahasa)},
                        {"field": "status", "type": "nominal", "title": t("status_aktivitas", bahasa)},
                        {"field": "jumlah", "type": "quantitative", "title": t("jumlah", bahasa)}],
        },
    }


def _iso(tanggal) -> str:
    return pd.Timestamp(tanggal).strftime("%Y-%m-%d")


def spek_garis_waktu(tampilan: Tampilan, bahasa: str, kode: str | None = None) -> dict | None:
    """Active / less active / inactive potentials per month, the pandemic shaded, the view's date(s) marked.

    A plain Vega-Lite spec like the other charts: no schema validation per rerun.
    None without an activity log (no history to draw).
    """
    if tampilan.pada is None:
        return None
    wil: Wilayah = tampilan.dataset.wilayah
    data = garis_waktu(tampilan.dataset, tampilan.filter, hari_ini(), kode)  # the whole history; the date(s) are marked
    status = list(wil.status_aktivitas)
    bulan = pd.to_datetime(data["bulan"]).dt.strftime("%Y-%m-%d").tolist()  # once, not once per status
    nilai = [{"bulan": b, "status": s, "jumlah": n, "urut": j}
             for j, s in enumerate(status) for b, n in zip(bulan, data[s].astype(int).tolist())]
    warna = [WARNA_GAYA[g] for g in gaya_status(wil.status_aktivitas)]
    lapis: list[dict] = [{
        "data": {"values": nilai},
        "mark": {"type": "area", "opacity": 0.85},
        "encoding": {
            "x": {"field": "bulan", "type": "temporal", "title": None},
            "y": {"field": "jumlah", "type": "quantitative", "stack": True, "title": t("jumlah", bahasa),
                  "axis": {"tickMinStep": 1, "format": "d"}},
            "color": {"field": "status", "type": "nominal", "sort": status, "scale": {"domain": status, "range": warna},
                      "legend": {"title": None, "orient": "top"}},
            "order": {"field": "urut", "type": "quantitative"},
            "tooltip": [{"field": "bulan", "type": "temporal", "format": "%m/%Y", "title": t("bulan", bahasa)},
                        {"field": "status", "type": "nominal"}, {"field": "jumlah", "type": "quantitative"}],
        },
    }]
    aturan = aturan_waktu(wil)
    if aturan.pandemi:
        pita = {"values": [{"mulai": _iso(aturan.pandemi[0]), "selesai": _iso(aturan.pandemi[1]), "nama": aturan.nama_pandemi}]}
        # Over the areas (they are opaque), light enough to read through.
        lapis.append({"data": pita, "mark": {"type": "rect", "color": "#1f2937", "opacity": 0.16},
                      "encoding": {"x": {"field": "mulai", "type": "temporal"}, "x2": {"field": "selesai"},
                                   "tooltip": [{"field": "nama", "type": "nominal"}]}})
        lapis.append({"data": pita, "mark": {"type": "text", "align": "left", "dx": 4, "dy": 8, "baseline": "top", "color": "#333"},
                      "encoding": {"x": {"field": "mulai", "type": "temporal"}, "y": {"value": 0},
                                   "text": {"field": "nama", "type": "nominal"}}})
    tanggal = [tampilan.pada, *([tampilan.banding] if tampilan.banding else [])]
    lapis.append({"data": {"values": [{"tanggal": _iso(d)} for d in tanggal]},
                  "mark": {"type": "rule", "color": "#08306b", "strokeDash": [4, 3]},
                  "encoding": {"x": {"field": "tanggal", "type": "temporal"}}})
    return {"$schema": "https://vega.github.io/schema/vega-lite/v6.json", "height": 220, "layer": lapis}
