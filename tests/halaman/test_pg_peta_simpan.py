"""On PostgreSQL the page's map follows a save: its static data is keyed on the store's version, not on files."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from geo import config
from geo.peta.aset import DIR_VENDOR
from geo.simpan.pg import pindah
from geo.simpan.pg.gudang_pg import GudangPG
from tests import peta_uji

pytestmark = pytest.mark.lambat
DASBOR = str(Path(__file__).resolve().parents[2] / "dashboard.py")


def _peta(at: AppTest) -> tuple[str, dict]:
    """The static data file the map loads, and the view's update."""
    (komponen,) = at.get("component_instance")
    args = json.loads(komponen.proto.json_args)
    teks = json.dumps(args) + "".join((DIR_VENDOR / d).read_text(encoding="utf-8")
                                      for d in set(re.findall(r"data/dasar-[0-9a-f]+\.js", json.dumps(args))))
    (nama,) = set(re.findall(r"data/kim-[0-9a-f]+\.json", teks))
    return nama, peta_uji.perbarui(args["feature_group"])


def test_peta_mengikuti_simpanan_di_basis_data(url_pg, wilayah_uji, monkeypatch):
    g = GudangPG(url_pg)
    try:
        assert pindah.impor(g, "uji", wilayah_uji.kim, wilayah_uji.batas, wilayah_uji.referensi, wilayah_uji.wilayah).hasil
        monkeypatch.setenv(config.ENV_DATABASE, url_pg)
        at = AppTest.from_file(DASBOR, default_timeout=60)
        at.run()
        assert not at.exception, at.exception
        sebelum, ubah_sebelum = _peta(at)
        ds = g.muat()
        tabel, sidik = g.baca_untuk_sunting(ds)
        baru = tabel.iloc[[0]].copy()
        baru["id_potensi"] = "A-99"
        baru["nama_potensi"] = "Potensi baru"
        assert g.simpan_kim(pd.concat([tabel, baru], ignore_index=True), ds, "uji", sidik).disimpan
        at.run()
        assert not at.exception, at.exception
        sesudah, ubah_sesudah = _peta(at)
    finally:
        g.kolam.tutup()
    assert len(ubah_sesudah["p"]) == len(ubah_sebelum["p"]) + 1
    assert sesudah != sebelum, "the map kept the static data of the version before the save"
    statis = json.loads((DIR_VENDOR / sesudah).read_text(encoding="utf-8"))
    assert max(ubah_sesudah["p"]) < len(statis["p"]["titik"])  # every marker the view shows is in the file it loads
