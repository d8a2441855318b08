"""Drill-down on the page (AppTest): a generated province opens on kab/kota, drills to one desa, and back."""

from __future__ import annotations

import json
from pathlib import Path

from streamlit.testing.v1 import AppTest

from geo.peta import aset
from tests import peta_uji
from ui.md import aman_md

HALAMAN = str(Path(__file__).resolve().parents[2] / "dashboard.py")


def _jalan(at: AppTest) -> AppTest:
    at.run()
    assert not at.exception, at.exception
    return at


def _unit(at: AppTest) -> list[str]:
    (komponen,) = at.get("component_instance")
    return peta_uji.unit_tampil(json.loads(komponen.proto.json_args), aset.DIR_VENDOR)


def _param(at: AppTest) -> dict[str, list[str]]:
    return {k: [v] if isinstance(v, str) else list(v) for k, v in at.query_params.items()}


def _klik(at: AppTest, ds, kode: str) -> AppTest:
    titik = ds.batas.loc[ds.batas["kode"] == kode].geometry.iloc[0].representative_point()
    at.session_state["kim_klik_baru"] = {"lat": titik.y, "lng": titik.x}
    return _jalan(at)


def test_buka_turun_sampai_desa_lalu_kembali(env_provinsi):
    ds = env_provinsi
    desa = ds.batas.loc[ds.batas["jenis_unit"] == "desa"].iloc[0]
    kab, kec = desa["kode"][:5], desa["kode"][:8]
    at = _jalan(AppTest.from_file(HALAMAN, default_timeout=90))
    unit = _unit(at)
    assert len(unit) == 10 and all(len(k) == 5 for k in unit)
    assert "tingkat" not in _param(at)
    assert not at.error

    _klik(at, ds, desa["kode"])
    unit = _unit(at)
    assert unit and all(k.startswith(kab + ".") and len(k) == 8 for k in unit)
    assert _param(at)["tingkat"] == ["kecamatan"] and _param(at)["wilayah"] == [kab]

    _klik(at, ds, desa["kode"])
    unit = _unit(at)
    assert desa["kode"] in unit and all(k.startswith(kec + ".") for k in unit)
    assert _param(at)["wilayah"] == [kec] and _param(at)["tingkat"] == ["kelurahan"]

    _klik(at, ds, desa["kode"])  # at the bottom a click opens the desa's detail
    assert _param(at)["kelurahan"] == [desa["kelurahan"]]
    assert any(desa["kelurahan"] in m.value for m in at.markdown)
    remah = [b.label for b in at.button if b.key and b.key.startswith("kim_remah_")]
    assert len(remah) == 2 and remah[0] == ds.wilayah.nama

    at.button(key="kim_remah_1").click()
    _jalan(at)
    assert all(len(k) == 8 for k in _unit(at)) and _param(at)["wilayah"] == [kab]
    at.button(key="kim_remah_0").click()
    _jalan(at)
    assert len(_unit(at)) == 10 and "wilayah" not in _param(at) and "kelurahan" not in _param(at)


def test_tautan_bersama_dipulihkan(env_provinsi):
    ds = env_provinsi
    kec = str(ds.batas["kode"].iloc[0])[:8]
    at = AppTest.from_file(HALAMAN, default_timeout=90)
    at.query_params["tingkat"] = "kelurahan"
    at.query_params["wilayah"] = kec
    _jalan(at)
    unit = _unit(at)
    assert sorted(unit) == sorted(ds.batas.loc[ds.batas["kode"].str.startswith(kec + "."), "kode"])
    assert _param(at)["wilayah"] == [kec]
    assert not at.warning


def test_tautan_wilayah_salah_diberi_catatan(env_provinsi):
    at = AppTest.from_file(HALAMAN, default_timeout=90)
    at.query_params["wilayah"] = "77.01"
    _jalan(at)
    assert len(_unit(at)) == 10
    assert any(aman_md("77.01") in w.value for w in at.warning)  # URL text is shown as plain text


def _label_peta(at: AppTest) -> list[str]:
    (komponen,) = at.get("component_instance")
    return peta_uji.statis(json.loads(komponen.proto.json_args), aset.DIR_VENDOR)["alias"]


def test_label_mengikuti_tingkat_dan_jenis_unit(env_provinsi):
    """Every label names the units shown: Kab/Kota under a province, desa or kelurahan below a kecamatan."""
    from geo.tampilan.sebutan import jenis_dalam

    ds = env_provinsi
    at = _jalan(AppTest.from_file(HALAMAN, default_timeout=90))
    assert _label_peta(at)[:2] == ["Kab/Kota", "Provinsi"]
    assert at.selectbox(key="w_metrik").label == "Warna kab/kota menurut"
    assert any(c.value.startswith("Pilih desa/kelurahan dari daftar") for c in at.caption)  # a map click drills here
    kecamatan = ds.batas.assign(k=ds.batas["kode"].str[:8]).groupby("k")["jenis_unit"].agg(lambda s: "/".join(sorted(set(s))))
    assert {"desa", "kelurahan"} <= set(kecamatan), "the generator must give both kinds"
    for jenis in ("desa", "kelurahan"):
        kec = kecamatan.index[kecamatan == jenis][0]
        assert jenis_dalam(ds, kec) == jenis
        at = AppTest.from_file(HALAMAN, default_timeout=90)
        at.query_params["tingkat"] = "kelurahan"
        at.query_params["wilayah"] = kec
        _jalan(at)
        assert _label_peta(at)[:2] == [jenis.capitalize(), "Kecamatan"]
        assert at.selectbox(key="w_metrik").label == f"Warna {jenis} menurut"
        assert any(m.value == f"**Rincian {jenis}**" for m in at.markdown)
        assert at.selectbox(key="w_kelurahan").label == f"Pilih {jenis} (atau klik di peta)"
        assert any(c.value == f"Peta per {jenis}" for c in at.caption)
        lain = "kelurahan" if jenis == "desa" else "desa"
        assert not any(f"Rincian {lain}" in m.value for m in at.markdown)
