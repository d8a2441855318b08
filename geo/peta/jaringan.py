"""Can this machine reach a tile server? Asked once in a while, answered fast.

Offices behind strict proxies cannot load basemap tiles. Rather than let the
browser fire dozens of failing tile requests (each one an error in the
console and a grey square on the map), the page and the snapshot ask here
first and fall back to a plain background.
"""

from __future__ import annotations

import socket
import threading
import time
from urllib.parse import urlsplit

BATAS_WAKTU_SAMBUNG = 1.5
UMUR_JAWABAN_DETIK = 300.0

_jawaban: dict[tuple[str, int], tuple[float, bool]] = {}
_kunci = threading.Lock()


def alamat_host(url: str) -> tuple[str, int] | None:
    """Host and port of a tile URL template such as ``https://{s}.tile.x/{z}/{x}/{y}.png``."""
    bagian = urlsplit(url.replace("{s}", "a"))
    if not bagian.hostname:
        return None
    try:
        port = bagian.port
    except ValueError:
        return None
    return bagian.hostname, port or (80 if bagian.scheme == "http" else 443)


def host_terjangkau(url: str, batas_waktu: float = BATAS_WAKTU_SAMBUNG, umur: float = UMUR_JAWABAN_DETIK) -> bool:
    """A TCP connect to the URL's host, remembered for ``umur`` seconds.

    A blocked network then costs at most ``batas_waktu`` once every few
    minutes, not once per page view.
    """
    alamat = alamat_host(url)
    if alamat is None:
        return False
    sekarang = time.monotonic()
    with _kunci:
        lama = _jawaban.get(alamat)
    if lama and sekarang - lama[0] < umur:
        return lama[1]
    hasil = _coba_sambung(alamat, batas_waktu)
    with _kunci:
        _jawaban[alamat] = (sekarang, hasil)
    return hasil


def _coba_sambung(alamat: tuple[str, int], batas_waktu: float) -> bool:
    """Connect in a daemon thread: a hanging DNS lookup is not covered by socket timeouts."""
    hasil: list[bool] = []

    def _sambung() -> None:
        try:
            with socket.create_connection(alamat, timeout=batas_waktu):
                hasil.append(True)
        except OSError:
            hasil.append(False)

    benang = threading.Thread(target=_sambung, name="kim-cek-jaringan", daemon=True)
    benang.start()
    benang.join(batas_waktu + 0.5)
    return bool(hasil and hasil[0])


def lupakan() -> None:
    """Forget remembered answers (tests, or after the network changes)."""
    with _kunci:
        _jawaban.clear()
