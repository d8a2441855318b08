"""The live map: a filter click updates the same Leaflet map instead of rebuilding it.

A mark set on the map frame's ``window`` before the click must still be there
after it (same iframe, same document), the Leaflet map keeps its id, zoom and
centre, and the markers shown are the new view's. Plus the pure parts: the
base map's script does not change with the view, and the per-view update is
small and indexed into the static data.
"""

from __future__ import annotations

import json
import os

import pytest
from streamlit_folium import _get_map_string

from geo.masuk.dataset import muat_dataset
from geo.peta.dasar import peta_dasar
from geo.peta.hidup import data_statis, perubahan, skrip_pembaruan, teks_statis, tulis_statis
from geo.peta.legenda import html_legenda
from geo.tampilan.keadaan import Keadaan
from geo.tampilan.saring import Filter
from geo.tampilan.susun import tampilkan
from tests.conftest import BARIS_BAIK, KODE_A, KODE_B, KODE_C
from tests.server_uji import ARG_CHROMIUM, CHROMIUM, jalankan, tunggu_diam


def _skrip_dasar(ds) -> str:
    peta = peta_dasar(ds, "osm", "id", url_data="/app/static/vendor/data/x.json")
    peta.get_root().render()
    return _get_map_string(peta)


def _ubah(tp, metrik="jumlah_potensi", terpilih=None) -> dict:
    tp = tp.dengan(metrik=metrik, skema="quantiles", kelas=5, bahasa="id", kelurahan=terpilih)
    return perubahan(tp, html_legenda(tp))


def test_skrip_dasar_sama_untuk_setiap_filter(wilayah_uji):
    ds = muat_dataset()
    a = _skrip_dasar(ds)
    assert a == _skrip_dasar(ds)  # deterministic: st_folium keeps the same component
    assert "L.kimHidup.muat" in a and "/app/static/vendor/data/x.json" in a
    assert "coordinates" not in a  # no geometry in the script that travels on every rerun


def test_perubahan_mengindeks_data_statis(wilayah_uji):
    ds = muat_dataset()
    statis = data_statis(ds, "id")
    assert [k[0] for k in statis["k"]] == [KODE_A, KODE_B, KODE_C]
    assert len(statis["g"]) == 3 and len(statis["p"]["titik"]) == len(BARIS_BAIK)
    tp = tampilkan(ds, Filter(kategori=("Kuliner",)))
    d = _ubah(tp, terpilih=KODE_B)
    harapan = [i for i, b in enumerate(BARIS_BAIK) if b[5] == "Kuliner"]
    assert d["p"] == harapan
    per_kode = {k: str(sum(1 for b in BARIS_BAIK if b[2] == k and b[5] == "Kuliner")) for k in (KODE_A, KODE_B, KODE_C)}
    assert dict(zip(d["i"], d["n"])) == {0: per_kode[KODE_A], 1: per_kode[KODE_B], 2: per_kode[KODE_C]}
    assert d["pilih"] == 1 and d["klaster"] is False
    # Only the kelurahan of the chosen kecamatan are shown.
    assert _ubah(tampilkan(ds, Filter(kecamatan=("Dua",))))["i"] == [2]


def test_geometri_delta_bulat_dan_kembali(wilayah_uji):
    ds = muat_dataset()
    statis = json.loads(teks_statis(ds, "id"))
    cincin = statis["g"][0][0][0]
    assert len(cincin) % 2 == 0 and all(isinstance(v, int) for v in cincin)
    x = y = 0
    titik = []
    for i in range(0, len(cincin), 2):
        x, y = x + cincin[i], y + cincin[i + 1]
        titik.append((x / statis["skala"], y / statis["skala"]))
    assert min(p[0] for p in titik) == pytest.approx(110.0) and max(p[1] for p in titik) == pytest.approx(0.03)


def test_berkas_statis_dinamai_isi(wilayah_uji, tmp_path):
    ds = muat_dataset()
    nama = tulis_statis(ds, "id", tmp_path)
    assert nama == tulis_statis(ds, "id", tmp_path)
    assert (tmp_path / nama).read_bytes() == teks_statis(ds, "id")
    assert tulis_statis(ds, "en", tmp_path) != nama  # labels are per language


def test_muatan_diloloskan_di_data_statis(wilayah_uji):
    wilayah_uji.tulis_kim([[*BARIS_BAIK[0][:1], '<img src=x onerror="alert(1)">', *BARIS_BAIK[0][2:]]])
    teks = teks_statis(muat_dataset(), "id").decode("utf-8")
    assert "<img" not in teks and "&lt;img" in teks


def test_kosakata_wilayah_masuk_kunci_peta(wilayah_uji):
    """The static map holds the markers' words (and colours) from wilayah.json: a change there is a new map, and the
    English popups name the region's own words."""
    import dataclasses

    from geo.masuk.wilayah import wilayah_dari_dict
    from ui.peta import _sidik

    ds = muat_dataset()
    lain = dataclasses.replace(ds, wilayah=wilayah_dari_dict({**ds.wilayah.extra, "label_en": {"Kuliner": "Food"}}))
    assert _sidik(ds) != _sidik(lain)
    assert '"Food"' in teks_statis(lain, "en").decode("utf-8") and '"Food"' not in teks_statis(lain, "id").decode("utf-8")


def test_kunci_peta_basis_data_adalah_versi_gudang(wilayah_uji):
    """A database's dataset names tables, not files: the static map keys on the store's version it was loaded at,
    so a save on any server (a new version) is a new map, whatever else did or did not change on disk."""
    import dataclasses
    from pathlib import Path

    from ui.peta import _sidik

    ds = muat_dataset()
    dari_db = [dataclasses.replace(ds, path_kim=Path("kim_potensi"), path_batas=Path("batas_kelurahan")) for _ in range(3)]
    for d, nomor in zip(dari_db, (7, 7, 8)):
        d.indeks.versi_gudang = ("postgresql", "url", nomor)
    assert _sidik(dari_db[0]) == _sidik(dari_db[1]) != _sidik(dari_db[2])
    ds.indeks.versi_gudang = ("berkas", 1)
    lain = dataclasses.replace(ds)
    lain.indeks.versi_gudang = ("berkas", 2)  # the activity log changed: the KIM and boundary files did not
    assert _sidik(ds) == _sidik(lain)


def test_pembaruan_dalam_kelompok_fitur(wilayah_uji):
    tp = tampilkan(muat_dataset())
    from ui.peta import _kelompok

    html = _kelompok(skrip_pembaruan(_ubah(tp)))  # the feature group the page sends with each view
    assert "L.kimHidup.perbarui(" in html
    assert html.rstrip().endswith("window.feature_group.push(feature_group_feature_group_0);")


# --- the real browser --------------------------------------------------------

lambat_peramban = pytest.mark.skipif(not os.access(CHROMIUM, os.X_OK), reason=f"Chromium tidak ada di {CHROMIUM}")


@pytest.mark.lambat
@lambat_peramban
def test_klik_filter_memakai_peta_yang_sama(tmp_path):
    from playwright.sync_api import expect, sync_playwright

    from tests.halaman.test_browser import IFRAME_PETA, Pengamat, _data_bawaan

    env = _data_bawaan()
    if env is None:
        pytest.skip("data bawaan tidak sah")
    ds = muat_dataset(env["KIM_CSV"], env["KIM_BOUNDARIES"], env["KIM_REFERENSI"], env["KIM_WILAYAH"])
    kategori = str(ds.potensi["kategori_potensi"].value_counts().index[0])
    n_kategori = int((ds.potensi["kategori_potensi"] == kategori).sum())
    assert 0 < n_kategori < len(ds.potensi)
    with jalankan(env, tmp_path / "server.log") as server, sync_playwright() as pw:
        peramban = pw.chromium.launch(executable_path=CHROMIUM, args=ARG_CHROMIUM)
        try:
            p = Pengamat(peramban)
            p.buka(server.url + "/")
            expect(p.peta.locator(".kim-kelurahan")).to_have_count(len(ds.batas))
            expect(p.peta.locator(".kim-potensi")).to_have_count(len(ds.potensi))
            p.page.wait_for_timeout(600)
            # Marks: on the frame's window, on the iframe element, and the view the user chose.
            id_peta = p.frame.evaluate("""() => { window.__kim_tanda = 'masih-di-sini';
                window.map.setView([window.map.getCenter().lat + 0.01, window.map.getCenter().lng], 13.5, {animate: false});
                return L.stamp(window.map); }""")
            p.page.evaluate(f"() => {{ document.querySelector('{IFRAME_PETA}').__kim_tanda = 1; }}")
            pusat = p.frame.evaluate("() => [window.map.getCenter().lat, window.map.getCenter().lng]")

            p.page.locator(".st-key-w_kategori").click()
            p.page.get_by_role("option", name=kategori, exact=True).click()
            p.page.keyboard.press("Escape")
            tunggu_diam(p.page)

            expect(p.peta.locator(".kim-potensi")).to_have_count(n_kategori, timeout=20_000)
            assert p.frame.evaluate("() => window.__kim_tanda") == "masih-di-sini"
            assert p.page.evaluate(f"() => document.querySelector('{IFRAME_PETA}').__kim_tanda") == 1
            assert p.frame.evaluate("() => L.stamp(window.map)") == id_peta
            assert p.frame.evaluate("() => window.map.getZoom()") == 13.5
            assert p.frame.evaluate("() => [window.map.getCenter().lat, window.map.getCenter().lng]") == pytest.approx(pusat, abs=1e-6)
            expect(p.peta.locator(".kim-kelurahan")).to_have_count(len(ds.batas))
            p.page.screenshot(path=str(tmp_path / "peta_hidup.png"))
            p.periksa_bersih()
            p.tutup()
        finally:
            peramban.close()


def test_peta_agregat_tanpa_titik_bila_terlalu_banyak(tmp_path, monkeypatch):
    """A province map above kelurahan level marks no potentials past the cap; drilled in, they come back."""
    from benchmarks.buat_wilayah_besar import buat_wilayah_besar
    from geo.peta import hidup

    w = buat_wilayah_besar(100, tmp_path / "prov", seed=3, n_baris=400)
    ds = muat_dataset(w.kim, w.batas, w.referensi, w.wilayah)
    assert ds.ok, ds.laporan.teks()[:500]
    monkeypatch.setattr(hidup, "MAKS_TITIK_AGREGAT", 100)
    atas = tampilkan(ds)
    assert atas.tingkat != "kelurahan" and len(atas.potensi) == 400
    assert hidup.titik_disembunyikan(atas)
    assert data_statis(ds, "id", atas.tingkat, atas.wilayah)["p"]["titik"] == []
    assert perubahan(atas, "")["p"] == []
    # The exported and standalone map follows the same rule, and says so in its legend.
    from geo.peta.buat import buat_peta
    from tests import peta_uji

    skrip = buat_peta(atas.dengan(basemap="kosong")).get_root().render()
    assert peta_uji.potensi(skrip)["titik"] == [] and "Titik potensi tidak digambar" in skrip
    # One kecamatan holds few potentials: its desa map marks every one of them.
    kec = str(ds.potensi["kode_kelurahan"].iloc[0])[:8]
    bawah = tampilkan(ds, Keadaan(tingkat="kelurahan", wilayah=kec))
    assert 0 < len(bawah.potensi) <= 100 and not hidup.titik_disembunyikan(bawah)
    ubah = perubahan(bawah, "")
    assert len(ubah["p"]) == len(bawah.potensi)
    skrip = buat_peta(bawah.dengan(basemap="kosong")).get_root().render()
    assert len(peta_uji.potensi(skrip)["titik"]) == len(bawah.potensi) and "Titik potensi tidak digambar" not in skrip


def test_peta_dasar_dibuka_pada_unit_yang_dimasuki(wilayah_uji):
    """A drilled-into prefix opens the map on its own units, not on the whole region."""
    from geo.peta.hidup import kotak_wilayah

    ds = muat_dataset()
    semua, dua = kotak_wilayah(ds), kotak_wilayah(ds, "99.01.02")
    minx, miny, maxx, maxy = ds.batas.loc[ds.batas["kode"] == KODE_C].total_bounds
    assert dua == [[round(miny, 5), round(minx, 5)], [round(maxy, 5), round(maxx, 5)]]
    assert dua != semua and kotak_wilayah(ds, "77.01") == semua  # an unknown prefix falls back to the region
    peta = peta_dasar(ds, "osm", "id", url_data="/x.json", wilayah="99.01.02")
    peta.get_root().render()
    from tests import peta_uji

    assert peta_uji.opsi(_get_map_string(peta), "L.control.kimLayar")["batas"] == dua


def test_pas_dengan_kotak_membedakan_pas_dan_zoom_pengguna():
    """The map's own fit (home) against a user's zoom in or out (issue #22: only the latter goes to the URL)."""
    from geo.peta.hidup import pas_dengan_kotak

    kotak = [[0.0, 110.0], [0.1, 110.1]]
    assert pas_dengan_kotak(kotak, [[-0.003, 109.997], [0.103, 110.103]])  # fitted: a quarter closer would cut it
    assert not pas_dengan_kotak(kotak, [[-0.2, 109.8], [0.3, 110.3]])  # zoomed out: a quarter closer still holds it
    assert not pas_dengan_kotak(kotak, [[0.02, 110.02], [0.08, 110.08]])  # zoomed in: the box is cut
    assert not pas_dengan_kotak(None, [[0, 0], [1, 1]]) and not pas_dengan_kotak(kotak, None)
