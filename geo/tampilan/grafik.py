"""The overview charts as plain Vega-Lite specs, from the shared per-kelurahan aggregate.

Plain dicts, not Altair objects: building them costs microseconds and needs
no schema validation on every rerun, and the counts come from the same
``ringkasan`` the map and the cards use, so they can never disagree.
"""

from __future__ import annotations

import json

import numpy as np
import pandas as pd
from babel.dates import format_date, get_month_names

from geo.i18n import bahasa_sah, t
from geo.masuk.wilayah import Wilayah
from geo.peta.data import gaya_status
from geo.tampilan.agregat import kolom_kategori, kolom_status
from geo.tampilan.banding import garis_waktu
from geo.tampilan.sebutan import kata_induk, kata_tingkat
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
    nama = [wil.label(k, bahasa) for k in kategori]  # as the page's reader reads them
    return {
        "$schema": "https://vega.github.io/schema/vega-lite/v6.json",
        "data": {"values": [{"kategori": k, "jumlah": n} for k, n in zip(nama, jumlah)]},
        "mark": {"type": "bar"},
        "height": {"step": 26},  # a numeric height gets squeezed by the page
        "encoding": {
            "y": {"field": "kategori", "type": "nominal", "sort": nama, "title": None, "axis": {"labelLimit": 220}},
            "x": _sumbu_x(bahasa),
            "color": {"field": "kategori", "type": "nominal", "legend": None,
                      "scale": {"domain": nama, "range": [warna[k] for k in kategori]}},
            "tooltip": [{"field": "kategori", "type": "nominal", "title": t("kategori_potensi", bahasa)},
                        {"field": "jumlah", "type": "quantitative", "title": t("jumlah", bahasa)}],
        },
    }


def kelompok_status(tampilan: Tampilan, bahasa: str) -> tuple[str, str]:
    """(column of ``ringkasan`` the status chart groups by, the word its title uses).

    Kelurahan group by their parent (``kecamatan``), unless they all share one,
    where the chart shows the kelurahan themselves; a view of kecamatan or
    coarser groups by its own units. Title and bars come from this one choice,
    so a chart titled "per kecamatan" never shows the whole kabupaten as one bar.
    """
    r = tampilan.ringkasan
    if tampilan.tingkat == "kelurahan" and r["kecamatan"].nunique() > 1:
        return "kecamatan", kata_induk("kelurahan", bahasa)
    return "kelurahan", kata_tingkat(tampilan.dataset, tampilan.tingkat, tampilan.wilayah, bahasa)


def judul_status(tampilan: Tampilan, bahasa: str) -> str:
    """The status chart's title, naming the units its bars stand for."""
    return t("grafik_status", bahasa, kelompok=kelompok_status(tampilan, bahasa)[1])


def spek_status(tampilan: Tampilan, bahasa: str) -> dict:
    """Potentials per group (see :func:`kelompok_status`), stacked by status in vocabulary order."""
    wil: Wilayah = tampilan.dataset.wilayah
    r = tampilan.ringkasan
    kolom = kelompok_status(tampilan, bahasa)[0]
    status = list(wil.status_aktivitas)
    nama = [wil.label(s, bahasa) for s in status]  # what the chart shows, in vocabulary order
    kecamatan = list(dict.fromkeys(r[kolom].astype(str))) if len(r) else []
    nilai = []
    if len(r):
        kode = r[kolom].astype(str).map({k: i for i, k in enumerate(kecamatan)}).to_numpy()
        for j, s in enumerate(status):
            per = np.bincount(kode, weights=r[kolom_status(s)].to_numpy(dtype=float), minlength=len(kecamatan))
            nilai += [{"kecamatan": k, "status": nama[j], "jumlah": int(n), "urut": j} for k, n in zip(kecamatan, per)]
    warna = [WARNA_GAYA[g] for g in gaya_status(wil.status_aktivitas)]
    return {
        "$schema": "https://vega.github.io/schema/vega-lite/v6.json",
        "data": {"values": nilai},
        "mark": {"type": "bar"},
        "height": {"step": 34},
        "encoding": {
            "y": {"field": "kecamatan", "type": "nominal", "sort": kecamatan, "title": None, "axis": {"labelLimit": 220}},
            "x": _sumbu_x(bahasa),
            "color": {"field": "status", "type": "nominal", "sort": nama, "scale": {"domain": nama, "range": warna},
                      "legend": {"title": None, "orient": "top"}},
            "order": {"field": "urut", "type": "quantitative"},
            "tooltip": [{"field": "kecamatan", "type": "nominal", "title": kelompok_status(tampilan, bahasa)[1].capitalize()},
                        {"field": "status", "type": "nominal", "title": t("status_aktivitas", bahasa)},
                        {"field": "jumlah", "type": "quantitative", "title": t("jumlah", bahasa)}],
        },
    }


def _iso(tanggal) -> str:
    return pd.Timestamp(tanggal).strftime("%Y-%m-%d")


def sumbu_bulan(bahasa: str) -> dict:
    """A time axis labelled "Apr 2021" / "Apr 2021" with Babel's month names in the page's language.

    Vega's own labels are English ("April", no year); a label expression with
    the CLDR names needs no locale support in the browser.
    """
    bulan = list(get_month_names("abbreviated", locale=bahasa_sah(bahasa)).values())
    return {"labelExpr": f"{json.dumps(bulan)}[month(datum.value)] + ' ' + year(datum.value)", "labelOverlap": True,
            "labelAngle": 0}


def label_bulan(tanggal, bahasa: str) -> str:
    """"April 2021" in the page's language (tooltips)."""
    return format_date(pd.Timestamp(tanggal).date(), "LLLL y", locale=bahasa_sah(bahasa))


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
    waktu = pd.to_datetime(data["bulan"])
    bulan = waktu.dt.strftime("%Y-%m-%d").tolist()  # once, not once per status
    nama_bulan = [label_bulan(b, bahasa) for b in waktu]
    nama = [wil.label(s, bahasa) for s in status]  # the legend's words, in vocabulary order
    nilai = [{"bulan": b, "nama_bulan": nb, "status": nama[j], "jumlah": n, "urut": j}
             for j, s in enumerate(status) for b, nb, n in zip(bulan, nama_bulan, data[s].astype(int).tolist())]
    warna = [WARNA_GAYA[g] for g in gaya_status(wil.status_aktivitas)]
    lapis: list[dict] = [{
        "data": {"values": nilai},
        "mark": {"type": "area", "opacity": 0.85},
        "encoding": {
            "x": {"field": "bulan", "type": "temporal", "title": None, "axis": sumbu_bulan(bahasa)},
            "y": {"field": "jumlah", "type": "quantitative", "stack": True, "title": t("jumlah", bahasa),
                  "axis": {"tickMinStep": 1, "format": "d"}},
            "color": {"field": "status", "type": "nominal", "sort": nama, "scale": {"domain": nama, "range": warna},
                      "legend": {"title": None, "orient": "top"}},
            "order": {"field": "urut", "type": "quantitative"},
            "tooltip": [{"field": "nama_bulan", "type": "nominal", "title": t("bulan", bahasa)},
                        {"field": "status", "type": "nominal", "title": t("status_aktivitas", bahasa)},
                        {"field": "jumlah", "type": "quantitative", "title": t("jumlah", bahasa)}],
        },
    }]
    aturan = aturan_waktu(wil)
    if aturan.pandemi:
        mulai, selesai = (format_date(pd.Timestamp(d).date(), "LLL y", locale=bahasa_sah(bahasa)) for d in aturan.pandemi)
        label = t("pita_pandemi", bahasa, nama=aturan.nama_pandemi, mulai=mulai, selesai=selesai)
        pita = {"values": [{"mulai": _iso(aturan.pandemi[0]), "selesai": _iso(aturan.pandemi[1]), "nama": label}]}
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
