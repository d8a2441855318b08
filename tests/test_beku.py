"""ui/beku.py: a loaded version is frozen out of the collector's walks, and a reload frees the old version's cycles."""

from __future__ import annotations

import gc
import weakref

import pytest

from ui.beku import muat_beku


class _Simpul:
    """An object in a reference cycle: only the cyclic collector can free it."""

    def __init__(self) -> None:
        self.diri = self


@pytest.fixture(autouse=True)
def _cair():
    """Leave the test process as it was: nothing frozen."""
    gc.unfreeze()
    yield
    gc.unfreeze()


def test_hasil_muat_dibekukan():
    data = muat_beku(lambda: [{"kode": str(i)} for i in range(5000)])
    assert len(data) == 5000
    assert gc.get_freeze_count() >= 5000
    # The frozen list is outside every generation the collector walks.
    assert all(o is not data for o in gc.get_objects())


def test_muat_ulang_membebaskan_siklus_versi_lama():
    lama = muat_beku(_Simpul)
    ref = weakref.ref(lama)
    del lama
    gc.collect()
    assert ref() is not None  # frozen: a full collection does not look at it
    muat_beku(lambda: "versi baru")
    assert ref() is None  # the next load unfroze and collected it
    assert gc.get_freeze_count() > 0


def test_muat_gagal_tidak_membekukan():
    """A load that raises (bad data reported by the page) freezes nothing new."""
    def gagal():
        raise ValueError("berkas rusak")

    with pytest.raises(ValueError):
        muat_beku(gagal)
    assert gc.get_freeze_count() == 0
