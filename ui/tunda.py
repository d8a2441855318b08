"""A browser's first visit draws the map before the controls around it (issue #26).

The browser renders a first page's elements together, so the sidebar's widgets (menu, filters, dates, map
settings, language), the kelurahan picker and the sections under the map each cost the map's frame its
turn on the main thread (README, "putaran keenam"). On a session's first run in a browser the page
therefore draws its title, cards, map and legend only. The map's own script says when it has drawn the
view (``kim-peta.js``, ``laporTergambar``): that report reruns the view's fragment, which asks for one
whole-page run that draws the rest. Not a fixed pause: a slow phone waits exactly as long as its map
takes, a laptop not at all.

Only a browser is held back: AppTest and other clients without a ``Mozilla/`` user agent get the whole
page at once, since nothing of theirs draws a map to report. A map that never reports (its script failed)
does not strand the page: :func:`penjaga` runs it whole after :data:`BATAS_DETIK`.
"""

from __future__ import annotations

import time
from datetime import timedelta

import streamlit as st

from ui.filter import catat_halaman_lengkap, halaman_lengkap, mulai_menunggu_peta, nilai_komponen

TANDA = "kim_tergambar"  # the key the map's script adds to its report once it drew the view (kim-peta.js)
BATAS_DETIK = 5.0  # a map that has not reported by then: the page is drawn whole anyway


def _peramban() -> bool:
    """A browser session: every browser's user agent starts with ``Mozilla/``; AppTest has no headers."""
    try:
        agen = st.context.headers.get("User-Agent") or ""
    except Exception:  # noqa: BLE001 - no request context (bare mode): not a browser
        return False
    return agen.startswith("Mozilla/")


def tertunda() -> bool:
    """True while this session's map page waits for its map: a browser's first visit, before the map drew."""
    return not halaman_lengkap() and _peramban()


def lengkapi_bila_tergambar(kunci_peta: str) -> None:
    """In the view's fragment: once the map reported its drawn view, the page runs whole (the rest is drawn).

    A click on the map counts too: the user is already at work, and a click's report coming right after the
    drawn one replaces it before the server reads it (the last value wins)."""
    nilai = nilai_komponen(kunci_peta)
    if tertunda() and any(nilai.get(k) for k in (TANDA, "last_object_clicked", "last_clicked")):
        catat_halaman_lengkap()
        st.rerun()


@st.fragment(run_every=timedelta(seconds=BATAS_DETIK))
def penjaga() -> None:
    """Drawn while the page waits (nothing to see): if the map has not reported by :data:`BATAS_DETIK`, the page
    runs whole. Its first call, in the page's run, starts the clock; the timer's runs check it."""
    sekarang = time.monotonic()
    if tertunda() and sekarang - mulai_menunggu_peta(sekarang) >= BATAS_DETIK * 0.9:
        catat_halaman_lengkap()
        st.rerun()
