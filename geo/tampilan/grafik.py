"""The overview charts as plain Vega-Lite specs, from the shared per-kelurahan aggregate.

Plain dicts, not Altair objects: building them costs microseconds and needs
no schema validation on every rerun, and the counts come from the same
``ringkasan`` the map and the cards use, so they can never disagree.
"""

from __future__ import annotations

import numpy as np

from geo.i18n import t
from geo.masuk.wilayah import Wilayah
from geo.peta.data import gaya_status
from geo.tampilan.agregat import kolom_kategori, kolom_status
from geo.tampilan.susun import Tampilan

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
