"""Profile and atlas downloads on the dashboard, built only when clicked."""

from __future__ import annotations

import streamlit as st

from geo.ekspor import FORMAT, OpsiEkspor, nama_berkas
from geo.i18n import t
from geo.simpan.foto import foto_untuk
from geo.tampilan.sebutan import sebutan_tampilan
from geo.tampilan.susun import Tampilan
from ui.ekspor import pembuat as _pembuat
from ui.md import aman_md


def tombol_atlas(tampilan: Tampilan, opsi: OpsiEkspor, bahasa: str, kunci: str = "ekspor") -> None:
    """One PDF: cover, contents and a profile per kelurahan of the view."""
    st.markdown(f"**{t('atlas_judul', bahasa)}**")
    st.download_button(
        t("atlas_tombol", bahasa), data=_pembuat("atlas", tampilan, opsi), file_name=nama_berkas(tampilan, "atlas", opsi),
        mime=FORMAT["atlas"].mime, key=f"{kunci}_atlas", help=t("atlas_bantu", bahasa, **sebutan_tampilan(tampilan, bahasa)), on_click="ignore",
        icon=":material/menu_book:", width="stretch",
    )


def foto_dan_profil(tampilan: Tampilan, kode: str, nama_kelurahan: str, bahasa: str) -> None:
    """Under the detail panel: the potentials' photos and the kelurahan's printable profile."""
    potensi = tampilan.potensi[tampilan.potensi["kode_kelurahan"] == kode]
    foto = foto_untuk(tampilan.dataset.path_kim, potensi["id_potensi"].astype(str).tolist())
    ada = [(nama, path) for nama, path in zip(potensi["nama_potensi"], foto) if path is not None]
    if ada:
        st.markdown(f"**{t('foto_potensi', bahasa)}**")
        kolom = st.columns(min(3, len(ada)))
        for i, (nama, path) in enumerate(ada):
            with kolom[i % len(kolom)]:
                st.image(str(path), caption=aman_md(nama), width="stretch")
    opsi = OpsiEkspor()
    st.download_button(
        t("profil_tombol", bahasa, **sebutan_tampilan(tampilan, bahasa)), data=_pembuat("profil", tampilan, opsi, kode),
        file_name=nama_berkas(tampilan, "profil", opsi, nama_kelurahan), mime=FORMAT["profil"].mime,
        key=f"kim_profil_{kode}", help=t("profil_bantu", bahasa), on_click="ignore", icon=":material/download:", width="stretch",
    )
