"""Optional basemap tiles for the snapshot, never a reason to fail or hang.

Offices without internet still get their PNG: the tiles are fetched in a
daemon thread under a hard deadline, and any failure means "no basemap".
"""

from __future__ import annotations

import threading
from dataclasses import dataclass

import numpy as np
import xyzservices.providers as xyz

from geo.peta.jaringan import host_terjangkau

# OpenStreetMap needs no API key; its tiles are washed out below so the
# choropleth stays readable in print.
PENYEDIA = xyz.OpenStreetMap.Mapnik
KEKUATAN_WARNA = 0.35
BATAS_WAKTU_DETIK = 6.0
BATAS_WAKTU_SAMBUNG = 1.5


@dataclass(frozen=True)
class Basemap:
    gambar: np.ndarray
    extent: tuple[float, float, float, float]  # left, right, bottom, top in EPSG:3857
    atribusi: str


def ambil_basemap(batas_3857: tuple[float, float, float, float], batas_waktu: float = BATAS_WAKTU_DETIK) -> Basemap | None:
    """Tiles covering ``(minx, miny, maxx, maxy)`` in Web Mercator, or None if unavailable."""
    url = PENYEDIA.build_url()
    if not host_terjangkau(url, BATAS_WAKTU_SAMBUNG):
        return None
    hasil: dict = {}

    def _unduh() -> None:
        try:
            import contextily  # imported lazily: pulls in rasterio and friends

            w, s, e, n = batas_3857
            hasil["img"], hasil["ext"] = contextily.bounds2img(
                w, s, e, n, zoom="auto", source=PENYEDIA, max_retries=0, n_connections=4, timeout=(BATAS_WAKTU_SAMBUNG, 4)
            )
        except Exception as exc:  # noqa: BLE001 - any failure simply means no basemap
            hasil["galat"] = exc

    benang = threading.Thread(target=_unduh, name="kim-basemap", daemon=True)
    benang.start()
    benang.join(batas_waktu)
    if benang.is_alive() or "img" not in hasil:
        return None
    kiri, kanan, bawah, atas = hasil["ext"]
    atribusi = str(PENYEDIA.get("attribution", "(C) OpenStreetMap contributors")).replace("(C)", "©")
    return Basemap(pudarkan(hasil["img"]), (kiri, kanan, bawah, atas), atribusi)


def pudarkan(gambar: np.ndarray, kekuatan: float = KEKUATAN_WARNA) -> np.ndarray:
    """Greyish, light tiles: a basemap is context, not content."""
    rgb = gambar[..., :3].astype(np.float32)
    abu = rgb @ np.array([0.299, 0.587, 0.114], dtype=np.float32)
    campur = abu[..., None] * (1 - kekuatan) + rgb * kekuatan
    terang = 255 - (255 - campur) * 0.6
    return np.clip(terang, 0, 255).astype(np.uint8)
