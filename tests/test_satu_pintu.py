"""Guards of #19, beside the layer rules of test_kualitas.py: they read the source (AST).

* Every consumer of the View takes the View alone (plus file options): a function of the
  exports, the map, the CLI or the page's map/download panel that takes a ``Tampilan`` must
  not also take a loose view setting (metric, classes, basemap, dates, level, unit, filter).
* File options stay file options: :class:`OpsiEkspor` holds no view setting.
* Only one ``ui`` module of the map page reads or writes ``st.session_state`` (ui/filter.py).
* The page draws: no aggregation (groupby, merge, value_counts, sums…) in ``ui/``, ``pages/``
  or ``dashboard.py``; figures come from ``geo/``.
"""

from __future__ import annotations

import ast
import dataclasses
import importlib.metadata
import inspect
from pathlib import Path

from geo.config import PROJECT_DIR

LONGGAR = {"metrik", "skema", "skema_kelas", "jumlah_kelas", "kls", "basemap", "peta_dasar", "pada", "banding", "tingkat",
           "wilayah", "f", "filter", "keadaan", "terpilih"}
KONSUMEN = [*sorted((PROJECT_DIR / "geo" / "ekspor").glob("*.py")), *sorted((PROJECT_DIR / "geo" / "peta").glob("*.py")),
            *sorted((PROJECT_DIR / "geo" / "cli").glob("*.py")), *(PROJECT_DIR / "ui" / n for n in ("peta.py", "ekspor.py", "atlas.py")),
            PROJECT_DIR / "geo" / "anggaran" / "ringkas.py", PROJECT_DIR / "geo" / "tampilan" / "angka.py"]
# The map page's modules: only ui/filter.py knows its session-state keys. The Kelola Data and budget pages keep
# their own keys (ui/kelola*.py, ui/anggaran.py, pages/): listed, to fold into one module with the store work (#20).
SESI_SATU = PROJECT_DIR / "ui" / "filter.py"
# Every file of the UI: its modules, the pages and the map page.
HALAMAN_UI = [*sorted((PROJECT_DIR / "ui").glob("*.py")), *sorted((PROJECT_DIR / "pages").glob("*.py")), PROJECT_DIR / "dashboard.py"]
SESI_HALAMAN_LAIN = {"kelola.py", "kelola_anggaran.py", "kelola_berkas.py", "kelola_kegiatan.py", "kelola_lapangan.py",
                     "kelola_peta.py", "kelola_tabel.py", "anggaran.py", "1_Kelola_Data.py"}
HITUNG = {"groupby", "merge", "value_counts", "pivot_table", "agg", "aggregate", "sum", "mean", "median", "cumsum", "resample"}


def _parameter(fungsi: ast.FunctionDef) -> list[ast.arg]:
    a = fungsi.args
    return [*a.posonlyargs, *a.args, *a.kwonlyargs]


def test_konsumen_mengambil_tampilan_saja():
    salah = []
    for path in KONSUMEN:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                continue
            param = _parameter(node)
            if not any(p.annotation is not None and "Tampilan" in ast.unparse(p.annotation) for p in param):
                continue
            # A fetched tile image (snapshot's ``basemap: Basemap``) is data, not the view's basemap setting.
            longgar = sorted(p.arg for p in param if p.arg in LONGGAR and "Basemap" not in ast.unparse(p.annotation or ast.Constant("")))
            if longgar:
                salah.append(f"{path.relative_to(PROJECT_DIR)}:{node.lineno} {node.name}({', '.join(longgar)})")
    assert not salah, "Ambil pengaturan dari tampilan.keadaan, bukan argumen lepas:\n" + "\n".join(salah)


def test_opsi_ekspor_hanya_opsi_berkas():
    from geo.ekspor.opsi import OpsiEkspor

    assert {f.name for f in dataclasses.fields(OpsiEkspor)} == {"judul", "ukuran", "dpi", "basemap", "pemisah", "tanggal"}


def test_tampilkan_mengambil_keadaan():
    from geo.tampilan.susun import tampilkan

    assert list(inspect.signature(tampilkan).parameters) == ["dataset", "keadaan"]


def _sesi(path: Path) -> bool:
    return any(isinstance(n, ast.Attribute) and n.attr == "session_state" for n in ast.walk(ast.parse(path.read_text(encoding="utf-8"))))


def test_satu_modul_ui_tahu_kunci_sesi():
    tahu = [p for p in HALAMAN_UI if _sesi(p) and p != SESI_SATU and p.name not in SESI_HALAMAN_LAIN]
    assert not tahu, f"st.session_state hanya di {SESI_SATU.name}; pakai fungsinya: {[str(p.relative_to(PROJECT_DIR)) for p in tahu]}"
    assert _sesi(SESI_SATU)


def test_halaman_tidak_menghitung():
    salah = []
    for path in HALAMAN_UI:
        pohon = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(pohon):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr in HITUNG:
                salah.append(f"{path.relative_to(PROJECT_DIR)}:{node.lineno} .{node.func.attr}()")
            if isinstance(node, (ast.Import, ast.ImportFrom)) and any(a.name.split(".")[0] == "numpy" for a in node.names) \
                    or isinstance(node, ast.ImportFrom) and (node.module or "").split(".")[0] == "numpy":
                salah.append(f"{path.relative_to(PROJECT_DIR)}:{node.lineno} numpy")
    assert not salah, "Halaman hanya menggambar; hitung di geo/:\n" + "\n".join(salah)


def test_versi_streamlit_folium_yang_diuji():
    """ui/folium_privat.py wraps private helpers: the pinned version is the tested one."""
    from ui.folium_privat import VERSI_DIUJI

    pin = [b for b in (PROJECT_DIR / "requirements.txt").read_text(encoding="utf-8").splitlines() if b.startswith("streamlit-folium==")]
    assert pin == [f"streamlit-folium=={VERSI_DIUJI}"]
    assert importlib.metadata.version("streamlit-folium") == VERSI_DIUJI
    teks = [p for p in (PROJECT_DIR / "ui").glob("*.py") if p.name != "folium_privat.py" and "_sf." in p.read_text(encoding="utf-8")]
    assert not teks  # nobody else reaches into streamlit_folium's private names


def test_html_sendiri_lewat_st_html():
    """Our own HTML and CSS go through ``st.html``: Markdown with ``unsafe_allow_html`` makes every browser load a
    190 KB raw-HTML parser for it (issue #26; ``tests/halaman/test_browser_muat.py`` checks the page itself)."""
    salah = [str(p.relative_to(PROJECT_DIR)) for p in HALAMAN_UI if "unsafe_allow_html=True" in p.read_text(encoding="utf-8")]
    assert not salah, salah


def test_komponen_peta_sama_dengan_milik_streamlit_folium():
    """The map's component, registered without importing streamlit-folium (issue #26), is the one its module
    declares: the same name, files and module, so the browser gets the same frame and neither overrides the other."""
    import streamlit_folium

    from ui.folium_privat import NAMA_KOMPONEN, _buat_komponen

    assert _buat_komponen() == streamlit_folium._component_func
    assert _buat_komponen().name == NAMA_KOMPONEN


def test_tidak_ada_memo_berkunci_teks():
    """A dataset's derived values are typed slots of IndeksDataset; no ``.memo("name", …)`` comes back."""
    salah = []
    for path in [*PROJECT_DIR.joinpath("geo").rglob("*.py"), *PROJECT_DIR.joinpath("ui").glob("*.py")]:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "memo":
                salah.append(f"{path.relative_to(PROJECT_DIR)}:{node.lineno}")
    assert not salah
