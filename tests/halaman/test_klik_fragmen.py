"""A filter click reruns the view's fragment only (#26): over the websocket, as a browser asks for it."""

from __future__ import annotations

import asyncio

import pytest

from tests.klien_ws import KlienSesi, pesan_awal
from tests.server_uji import jalankan

pytestmark = pytest.mark.lambat


def _jenis(klien: KlienSesi) -> list[str]:
    """Each element the last run sent: its type, and a heading's text (the title is one)."""
    hasil = []
    for p in klien.pesan:
        if p.delta.WhichOneof("type") == "new_element":
            el = p.delta.new_element
            hasil.append(f"heading:{el.heading.body}" if el.WhichOneof("type") == "heading" else el.WhichOneof("type"))
    return hasil


async def _klik(url: str) -> tuple[list[str], list[str], list[str], bool]:
    import websockets

    async with websockets.connect(url.replace("http://", "ws://") + "/_stcore/stream", subprotocols=["streamlit"],
                                  max_size=None, open_timeout=60) as ws:
        klien = KlienSesi()
        assert not await asyncio.wait_for(klien.jalan(ws, pesan_awal()), 120)
        pertama = _jenis(klien)
        minta = klien.permintaan("w_kategori", ["Kuliner"])
        assert minta is not None
        galat = await asyncio.wait_for(klien.jalan(ws, minta), 120)
        setelah = _jenis(klien)
        teks = [p.delta.new_element.markdown.body for p in klien.pesan
                if p.delta.WhichOneof("type") == "new_element" and p.delta.new_element.WhichOneof("type") == "markdown"]
        return pertama, setelah, teks, galat


def test_klik_filter_hanya_menjalankan_ulang_tampilan(tmp_path):
    with jalankan(None, tmp_path / "server.log") as server:
        pertama, setelah, teks, galat = asyncio.run(_klik(server.url))
    assert not galat
    assert "page_link" in pertama and "heading:Peta Potensi KIM" in pertama  # the first page draws the menu and the title
    # The click: the filters, cards and map come again; the menu, the title and the language control do not.
    assert "page_link" not in setelah and "radio" not in setelah and "heading:Peta Potensi KIM" not in setelah
    assert {"multiselect", "metric", "component_instance"} <= set(setelah)
    assert len(setelah) < len(pertama)
    assert any("Kuliner" in m for m in teks)  # the caption describes the new filter
