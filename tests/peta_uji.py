"""Read back what a rendered map sends to the browser (shared by the map and page tests)."""

from __future__ import annotations

import json
import re

_DEKODER = json.JSONDecoder()


def _json_setelah(teks: str, pola: str) -> list:
    hasil = []
    for m in re.finditer(pola, teks):
        obj, _ = _DEKODER.raw_decode(teks, m.end())
        hasil.append(obj)
    return hasil


def potensi(skrip: str) -> dict:
    """The marker data passed to ``L.kimPotensi`` (exactly one layer per map)."""
    (data,) = _json_setelah(skrip, r"L\.kimPotensi\(")
    return data


def label(skrip: str) -> list:
    (data,) = _json_setelah(skrip, r"L\.kimLabel\(")
    return data


def kelurahan(skrip: str) -> list[dict]:
    """Features of the choropleth GeoJSON (the only ``_add(`` of a FeatureCollection)."""
    koleksi = [d for d in _json_setelah(skrip, r"geo_json_[0-9a-z_]*_add\(") if isinstance(d, dict) and "features" in d]
    return [f for d in koleksi for f in d["features"]]


def opsi(skrip: str, fungsi: str) -> dict:
    (data,) = _json_setelah(skrip, re.escape(fungsi) + r"\(")
    return data


def perbarui(feature_group: str) -> dict:
    """The per-view update the live map receives (``L.kimHidup.perbarui``)."""
    (data,) = _json_setelah(feature_group or "", r"L\.kimHidup\.perbarui\(")
    return data


def skrip(komponen_args: dict, dir_vendor=None) -> str:
    """A live map's base script: inline, or the static file it is loaded from (the last ``js_links``, #26)."""
    if komponen_args.get("script"):
        return komponen_args["script"]
    from geo.peta import aset

    m = re.search(r"vendor/(data/dasar-[0-9a-f]+\.js)$", komponen_args["js_links"][-1])
    return ((dir_vendor or aset.DIR_VENDOR) / m.group(1)).read_text(encoding="utf-8")


def statis(komponen_args: dict, dir_vendor) -> dict:
    """The static file (geometry, names, tooltip headings) a live map loads for its level."""
    m = re.search(r"vendor/(data/kim-[0-9a-f]+\.json)", skrip(komponen_args, dir_vendor))
    return json.loads((dir_vendor / m.group(1)).read_text(encoding="utf-8"))


def unit_tampil(komponen_args: dict, dir_vendor) -> list[str]:
    """Codes of the units a live map shows: its static file's ``k`` rows picked by the update's ``i``."""
    return [statis(komponen_args, dir_vendor)["k"][i][0] for i in perbarui(komponen_args["feature_group"])["i"]]
