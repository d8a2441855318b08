"""The map legend: choropleth classes, categories, status styles and notes.

One HTML fragment (escaped here) serves both the legend inside the map and
the one the page draws under it, so they can never disagree.
"""

from __future__ import annotations

from geo import format_id
from geo.i18n import nilai_metrik, t
from geo.peta.aman import aman_html
from geo.peta.data import gaya_status
from geo.peta.hidup import MAKS_TITIK_AGREGAT, titik_disembunyikan
from geo.tampilan.kelas import WARNA_TANPA_DATA
from geo.tampilan.sebutan import sebutan_tampilan
from geo.tampilan.susun import Tampilan

# Neutral grey for the status samples: status is shown by shape, not colour.
WARNA_CONTOH_STATUS = "#6b7680"


def catatan_peta(tampilan: Tampilan, bahasa: str) -> list[str]:
    """Notes every rendering of the map must carry (sample data, schematic boundaries)."""
    catatan = []
    if tampilan.dataset.data_contoh:
        catatan.append(t("catatan_peta_contoh", bahasa))
    if tampilan.dataset.skematik:
        catatan.append(t("catatan_peta_skematik", bahasa, **sebutan_tampilan(tampilan, bahasa)))
    if titik_disembunyikan(tampilan):
        catatan.append(t("titik_agregat", bahasa, n=format_id.angka(MAKS_TITIK_AGREGAT)))
    return catatan


def _baris(contoh: str, label: str) -> str:
    return f'<div class="kim-legenda-baris">{contoh}{aman_html(label)}</div>'


def _bagian(judul: str, baris: list[str]) -> str:
    return f'<div class="kim-legenda-bagian"><div class="kim-legenda-judul">{aman_html(judul)}</div>{"".join(baris)}</div>'


def _titik(warna: str, gaya: str) -> str:
    return f'<span class="kim-contoh kim-s-{gaya}" aria-hidden="true"><span class="kim-titik" style="--w:{aman_html(warna)}"></span></span>'


def html_legenda(tampilan: Tampilan, dengan_catatan: bool = True) -> str:
    """Legend HTML of the View: classes of its metric, categories present, status styles, notes."""
    wil, metrik, kls, bahasa = tampilan.dataset.wilayah, tampilan.metrik, tampilan.kelas, tampilan.bahasa
    label = kls.label(lambda v: nilai_metrik(metrik, v, bahasa))
    baris = [_baris(f'<span class="kim-kotak" style="background:{aman_html(w)}"></span>', lab) for w, lab in zip(kls.warna, label)]
    if kls.tanpa_data:  # units the filter left without a value: grey on the map, never a class of 0
        baris.append(_baris(f'<span class="kim-kotak kim-tanpa-data" style="background:{WARNA_TANPA_DATA}"></span>',
                            t("tanpa_data", bahasa)))
    if len(kls.warna) == 1 and len(tampilan.ringkasan) - kls.tanpa_data > 1:
        baris.append(f'<div class="kim-legenda-catatan">{aman_html(t("legenda_nol", bahasa, **sebutan_tampilan(tampilan, bahasa)))}</div>')
    elif kls.kurang:
        catatan_kelas = t("legenda_kelas_kurang", bahasa, n=len(kls.atas), diminta=kls.diminta)
        baris.append(f'<div class="kim-legenda-catatan kim-kelas-kurang">{aman_html(catatan_kelas)}</div>')
    from geo.tampilan.kelas_waktu import judul_metrik

    bagian = [_bagian(judul_metrik(tampilan, metrik, bahasa), baris)]
    hadir = tampilan.kategori_hadir()  # from integer codes: a national view holds 400,000 rows
    warna = wil.warna_kategori()
    kategori = [k for k in wil.kategori_potensi if k in hadir]
    if kategori:
        bagian.append(_bagian(t("legenda_kategori", bahasa), [_baris(_titik(warna[k], "aktif"), wil.label(k, bahasa)) for k in kategori]))
        ada = tampilan.status_hadir()
        gaya = gaya_status(wil.status_aktivitas)
        bagian.append(_bagian(t("legenda_status", bahasa),
                              [_baris(_titik(WARNA_CONTOH_STATUS, g), wil.label(s, bahasa))
                               for s, g in zip(wil.status_aktivitas, gaya) if s in ada]))
    catatan = catatan_peta(tampilan, bahasa) if dengan_catatan else []
    if catatan:
        bagian.append(f'<div class="kim-legenda-catatan">{"<br>".join(aman_html(c) for c in catatan)}</div>')
    return "".join(bagian)
