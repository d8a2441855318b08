"""Rendered base maps in the disk cache (geo.peta.tembolok_dasar): found only while everything they came from holds."""

from __future__ import annotations

import pytest

from geo.masuk import tembolok
from geo.peta import tembolok_dasar

ARGUMEN = {"script": "", "header": "", "html": "<div id='peta'></div>", "id": "peta", "css_links": [],
           "js_links": ["/app/static/vendor/data/dasar-1.js"], "kunci": "abc"}


@pytest.fixture
def vendor(tmp_path, monkeypatch):
    monkeypatch.setenv(tembolok.ENV_TEMBOLOK, str(tmp_path / "cache"))
    folder = tmp_path / "vendor"
    (folder / "data").mkdir(parents=True)
    for nama in ("kim-1.json", "dasar-1.js"):
        (folder / "data" / nama).write_text("{}")
    return folder


def test_disimpan_lalu_dibaca_sama(vendor):
    kunci = tembolok_dasar.kunci("data/kim-1.json", "osm", "id", {"kotak": [[0, 1], [2, 3]]})
    assert kunci and kunci.startswith("peta-dasar-")
    assert tembolok_dasar.baca(kunci, vendor) is None
    assert tembolok_dasar.simpan(kunci, ARGUMEN, ["data/kim-1.json", "data/dasar-1.js"])
    assert tembolok_dasar.baca(kunci, vendor) == ARGUMEN


def test_setiap_masukan_adalah_kunci_lain(vendor):
    dasar = tembolok_dasar.kunci("data/kim-1.json", "osm", "id", {"kotak": [[0, 1], [2, 3]]})
    lain = [
        tembolok_dasar.kunci("data/kim-2.json", "osm", "id", {"kotak": [[0, 1], [2, 3]]}),  # other data
        tembolok_dasar.kunci("data/kim-1.json", "satelit", "id", {"kotak": [[0, 1], [2, 3]]}),  # other basemap
        tembolok_dasar.kunci("data/kim-1.json", "osm", "en", {"kotak": [[0, 1], [2, 3]]}),  # other language
        tembolok_dasar.kunci("data/kim-1.json", "osm", "id", {"kotak": [[0, 1], [2, 4]]}),  # another region's box
    ]
    assert dasar not in lain and len(set(lain)) == len(lain)


def test_berkas_statis_hilang_berarti_tidak_ada(vendor):
    """A cleaned static/vendor: the stored arguments would point the browser at missing files."""
    kunci = tembolok_dasar.kunci("data/kim-1.json", "osm", "id", {})
    tembolok_dasar.simpan(kunci, ARGUMEN, ["data/kim-1.json", "data/dasar-1.js"])
    (vendor / "data" / "dasar-1.js").unlink()
    assert tembolok_dasar.baca(kunci, vendor) is None


def test_entri_rusak_atau_asing_berarti_tidak_ada(vendor):
    kunci = tembolok_dasar.kunci("data/kim-1.json", "osm", "id", {})
    tembolok_dasar.simpan(kunci, ARGUMEN, ["data/kim-1.json"])
    path = tembolok.path_entri(kunci)
    path.write_bytes(path.read_bytes()[:40])  # truncated
    assert tembolok_dasar.baca(kunci, vendor) is None
    tembolok.tulis_larik(kunci, {}, {"lain": 1})  # another writer's entry under this name
    assert tembolok_dasar.baca(kunci, vendor) is None


def test_tembolok_mati(vendor, monkeypatch):
    monkeypatch.setenv(tembolok.ENV_TEMBOLOK, "0")
    kunci = tembolok_dasar.kunci("data/kim-1.json", "osm", "id", {})
    assert kunci is None
    assert not tembolok_dasar.simpan(kunci, ARGUMEN, [])
    assert tembolok_dasar.baca(kunci, vendor) is None
