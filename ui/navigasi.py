"""Sidebar menu shared by every page, and the language every page reads.

Streamlit would label the main page after its file ("dashboard"); officials
should read what the page is, so the automatic menu is off in
``.streamlit/config.toml`` and this one is drawn instead. Its links carry
``?bahasa=en``, so English survives moving between pages.
"""

from __future__ import annotations

import streamlit as st
from streamlit.errors import StreamlitPageNotFoundError

from geo.i18n import BAHASA_BAWAAN, bahasa_sah, t
from ui.kartu import GAYA_KARTU

HALAMAN = (("dashboard.py", "menu_peta", ":material/map:"), ("pages/2_Anggaran.py", "menu_anggaran", ":material/payments:"),
           ("pages/5_Profil_KIM.py", "menu_profil_kim", ":material/groups:"),
           ("pages/1_Kelola_Data.py", "menu_kelola", ":material/edit_note:"),
           ("pages/3_Lapor.py", "menu_lapor", ":material/add_a_photo:"), ("pages/4_Akun.py", "menu_akun", ":material/group:"))


# Every page: readable captions and tables that fit a 1366 px laptop (drawn with the menu, so no page misses it).
CSS_BERSAMA = """<style>
/* WCAG AA: Streamlit draws captions at 60 % opacity, under 4.5:1 on white; a solid grey passes (7:1). */
[data-testid="stCaptionContainer"] { opacity: 1 !important; color: #4a5560 !important; }
/* KPI labels wrap instead of being cut with an ellipsis on a narrow card. */
[data-testid="stMetricLabel"] p { white-space: normal !important; overflow: visible !important; text-overflow: clip !important; }
[data-testid="stMetricLabel"] > div { overflow: visible !important; }
/* Streamlit's uploader says "50MB per file" in English; each of our labels says the kinds and the limit in the
   page's language, so the line goes, and the button's word comes from css_unggah. */
[data-testid="stFileUploaderDropzoneInstructions"] { display: none; }
[data-testid="stFileUploaderDropzone"] [data-testid="stBaseButton-secondary"] [data-testid="stMarkdownContainer"] p { display: none; }
""" + GAYA_KARTU + "</style>"


def css_unggah(bahasa: str) -> str:
    """The uploader's words in the page's language: its button, and what it says while a file is dragged over it
    (Streamlit draws that line right after the hidden input). Our own fixed text, no quote to escape."""
    kotak = '[data-testid="stFileUploaderDropzone"]'
    return (f'<style>{kotak} [data-testid="stBaseButton-secondary"] [data-testid="stMarkdownContainer"]::after '
            f'{{ content: "{t("unggah_tombol", bahasa)}"; font-size: .875rem; }}'
            f'{kotak} > input + div > span {{ visibility: hidden; font-size: 0; }}'
            f'{kotak} > input + div > span::after {{ content: "{t("unggah_seret", bahasa)}"; visibility: visible; '
            'font-size: .875rem; }</style>')


def bahasa_halaman() -> str:
    """The language of the Kelola Data and Anggaran pages: the link's ``bahasa`` (the menu carries it)."""
    return bahasa_sah(st.query_params.get("bahasa"))


def menu(bahasa: str, gaya: str = "", wadah=None, garis: bool = True, tautan: bool = True) -> None:
    """Links to the map, the budget and data management, at the top of the sidebar, in the page's language.

    ``gaya``: the page's own ``<style>`` block, sent in one element with the shared CSS: one element of
    over 1 KB, the same on every rerun, travels as a hash (Streamlit's message cache, issue #26).
    ``wadah``: where to draw (the map page passes its sidebar's top container, filled after its view).
    ``garis``: the rule under the links (the map page draws it with its filters' heading: one element fewer).
    ``tautan``: False draws the CSS alone (the map page's first run in a browser, ui/tunda.py).
    """
    param = {} if bahasa == BAHASA_BAWAAN else {"bahasa": bahasa}
    with wadah if wadah is not None else st.sidebar:
        # Our own fixed CSS, no data text; in the sidebar so it adds no row above the page's content.
        st.html(CSS_BERSAMA + css_unggah(bahasa) + gaya)
        if not tautan:
            return
        try:
            for halaman, kunci, ikon in HALAMAN:
                st.page_link(halaman, label=t(kunci, bahasa), icon=ikon, query_params=param)
        except StreamlitPageNotFoundError:
            return  # a page run on its own (e.g. under AppTest) has no app around it to link to
        if garis:
            st.divider()


def tautan(halaman: str, label: str, icon: str | None = None) -> None:
    """A link to another page of the app (nothing when the page runs on its own, e.g. under AppTest)."""
    try:
        st.page_link(halaman, label=label, icon=icon)
    except StreamlitPageNotFoundError:
        return
