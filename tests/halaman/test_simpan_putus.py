"""#20: a save that fails on the store (a database outage mid-save) tells the editor at once, from every tab."""

from __future__ import annotations

import pytest

from geo.simpan.gudang import GudangBerkas
from geo.simpan.pg.koneksi import GalatBasisData
from tests.halaman.test_kelola_apptest import _buka, _masuk, _sunting, akun  # noqa: F401

PESAN = "Basis data PostgreSQL postgresql://kim:***@db/kim tidak dapat dihubungi (server closed the connection)."


def _putus(*args, **kwargs):
    raise GalatBasisData(PESAN)


@pytest.mark.parametrize("tab", ["tabel", "lapangan"])
def test_simpan_saat_basis_data_putus_langsung_memberi_pesan(akun, monkeypatch, tab):  # noqa: F811
    monkeypatch.setattr(GudangBerkas, "simpan_kim", _putus)
    sebelum = akun.kim.read_bytes()
    at = _masuk(_buka())
    if tab == "tabel":
        at = _sunting(at, lambda d: d.assign(nama_potensi=d["nama_potensi"].where(d.index != 0, "Baru")))
    else:
        at.selectbox(key="lapangan_id").select("A-02").run()
        at.radio(key="lapangan_status_A-02").set_value("Aktif").run()
        at.button(key="lapangan_simpan_status").click().run()
    assert not at.exception, at.exception
    pesan = " ".join(e.value for e in at.error).replace("\\", "")
    assert "tidak dapat dihubungi" in pesan
    assert akun.kim.read_bytes() == sebelum
