"""The tile-server probe that keeps offline offices from a wall of failed tiles."""

from __future__ import annotations

import socket

import pytest

from geo.peta import jaringan


@pytest.fixture(autouse=True)
def _bersih():
    jaringan.lupakan()
    yield
    jaringan.lupakan()


def _port_tertutup() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_host_yang_mendengar_terjangkau_dan_diingat():
    with socket.socket() as server:
        server.bind(("127.0.0.1", 0))
        server.listen()
        port = server.getsockname()[1]
        url = f"http://127.0.0.1:{port}/{{z}}/{{x}}/{{y}}.png"
        assert jaringan.host_terjangkau(url)
    # The listener is gone, but the answer is remembered for a while...
    assert jaringan.host_terjangkau(url)
    # ...and asked again once it is too old.
    assert not jaringan.host_terjangkau(url, umur=0)


def test_port_tertutup_dan_url_rusak_tidak_terjangkau():
    assert not jaringan.host_terjangkau(f"http://127.0.0.1:{_port_tertutup()}/{{z}}/{{x}}/{{y}}.png")
    assert not jaringan.host_terjangkau("bukan url")
    assert jaringan.alamat_host("https://{s}.tile.example.org/{z}/{x}/{y}.png") == ("a.tile.example.org", 443)


def test_peta_pilih_lokasi_tanpa_ubin_saat_offline(wilayah_uji, monkeypatch):
    from geo.masuk.dataset import muat_dataset
    from geo.peta.pilih import peta_pilih_lokasi

    d = muat_dataset()
    monkeypatch.setattr("geo.peta.ubin.host_terjangkau", lambda url: False)
    assert "L.tileLayer" not in peta_pilih_lokasi(d.batas, d.potensi).get_root().render()
    monkeypatch.setattr("geo.peta.ubin.host_terjangkau", lambda url: True)
    assert "L.tileLayer" in peta_pilih_lokasi(d.batas, d.potensi).get_root().render()
