"""Figure cards (label, value, an optional help note) drawn as one element.

Each ``st.metric`` is one element sent per rerun; five cards were five messages plus their row on every
filter click (issue #26). One HTML element draws the same cards: same border, sizes and wrapping, a help
mark that shows its note on hover and on keyboard focus or a tap, and the note readable by a screen reader.
"""

from __future__ import annotations

from dataclasses import dataclass

from ui.md import aman_md_html

# Streamlit's bordered metric, drawn by our own rules (in the CSS every page sends, ui.navigasi).
GAYA_KARTU = """
.kim-kartu-baris { display: flex; flex-wrap: wrap; gap: 1rem; margin: 0 0 1rem 0; }
.kim-kartu { position: relative; flex: 1 1 9rem; min-width: 9rem; box-sizing: border-box; padding: calc(1rem - 1px); }
.kim-kartu-bingkai { border: 1px solid rgba(49, 51, 63, .2); border-radius: .5rem; }
.kim-kartu-polos .kim-kartu { padding: 0; flex: 1 1 5rem; min-width: 5rem; }
.kim-kartu-label { font-size: .875rem; line-height: 1.35; margin: 0 0 .25rem 0; display: flex; gap: .4rem;
  align-items: flex-start; overflow-wrap: anywhere; }
.kim-kartu-nilai { font-size: 1.7rem; line-height: 1.25; overflow-wrap: anywhere; }
.kim-kartu-polos .kim-kartu-nilai { font-size: 1.45rem; }
.kim-bantu { flex: 0 0 auto; display: inline-flex; align-items: center; justify-content: center;
  width: 1rem; height: 1rem; border: 1.5px solid #6b7480; border-radius: 50%; color: #4a5560; font-size: .68rem;
  font-weight: 700; cursor: help; margin-top: .1rem; }
/* The note opens under its card, as wide as the card: never past the screen's edge. No pseudo-element
   after a pseudo-class ("hover" then "after", each behind a colon): Streamlit reads a word between two
   colons as an emoji code and makes the browser load its emoji table (260 KB). */
.kim-bantu-isi { display: none; position: absolute; z-index: 20; top: calc(100% + .3rem); left: 0; right: 0;
  padding: .45rem .6rem; border-radius: .4rem; background: #1d2b36; color: #fff; font-size: .8rem;
  font-weight: 400; line-height: 1.35; text-align: left; cursor: auto; }
.kim-bantu:hover > .kim-bantu-isi, .kim-bantu:focus > .kim-bantu-isi { display: block; }
.kim-bantu:focus { outline: 2px solid #0b6e8a; outline-offset: 2px; }
@media (max-width: 640px) {
  .kim-kartu-bingkai { flex: 1 1 calc(50% - .5rem); min-width: calc(50% - .5rem); }
  .kim-kartu-nilai { font-size: 1.35rem; }
}
"""


@dataclass(frozen=True)
class Kartu:
    label: str
    nilai: str
    bantu: str | None = None


def kartu_html(kartu: list[Kartu], bingkai: bool = True) -> str:
    """The cards as one HTML block (``st.html``), every text inert as HTML and as Markdown (labels and notes
    may name data, e.g. a unit)."""
    isi = "".join(_satu(k, bingkai) for k in kartu)
    return f'<div class="kim-kartu-baris{"" if bingkai else " kim-kartu-polos"}" role="list">{isi}</div>'


def _satu(k: Kartu, bingkai: bool) -> str:
    bantu = ""
    if k.bantu:
        catatan = aman_md_html(k.bantu)
        bantu = (f'<span class="kim-bantu" tabindex="0" role="note" aria-label="{catatan}">?'
                 f'<span class="kim-bantu-isi" aria-hidden="true">{catatan}</span></span>')
    kelas = "kim-kartu kim-kartu-bingkai" if bingkai else "kim-kartu"
    return (f'<div class="{kelas}" role="listitem"><div class="kim-kartu-label"><span>{aman_md_html(k.label)}</span>{bantu}</div>'
            f'<div class="kim-kartu-nilai">{aman_md_html(k.nilai)}</div></div>')
