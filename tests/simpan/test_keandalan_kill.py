"""A save killed with SIGKILL: the lock is free at once and the audit trail misses nothing.

Each test runs the save in a child process that kills itself at one exact
point, then checks what the next process finds.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from geo.masuk.dataset import muat_dataset
from geo.simpan.berkas import kunci
from geo.simpan.kim import baca_audit, baca_untuk_sunting, path_jurnal, simpan_kim

pytestmark = [pytest.mark.lambat, pytest.mark.skipif(os.name != "posix", reason="SIGKILL is POSIX")]

AKAR = Path(__file__).resolve().parents[2]

# The child loads the fixture region (env vars), changes A-01, and dies where told.
_ANAK = textwrap.dedent(
    """
    import os, signal, sys
    from geo.masuk.dataset import muat_dataset
    from geo.simpan import kim
    from geo.simpan.kim import baca_untuk_sunting, simpan_kim

    titik = sys.argv[1]
    asli_tulis, asli_audit = kim.tulis_bytes_atomik, kim._tambah_baris_audit

    def mati(*a, **k):
        os.kill(os.getpid(), signal.SIGKILL)

    if titik == "sebelum_ganti":
        kim.tulis_bytes_atomik = lambda path, data: mati() if path == kim.Path(os.environ["KIM_CSV"]) else asli_tulis(path, data)
    elif titik == "setelah_ganti":
        kim._tambah_baris_audit = mati
    dataset = muat_dataset()
    tabel, sidik = baca_untuk_sunting(dataset)
    tabel.loc[tabel["id_potensi"] == "A-01", "jumlah_anggota"] = 77
    simpan_kim(tabel, dataset, "budi", sidik)
    """
)


def _jalankan_anak(titik: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-c", _ANAK, titik], check=False, cwd=AKAR, env=os.environ.copy(),
                          capture_output=True, text=True, timeout=120)


def test_lock_of_a_killed_holder_is_free_at_once(wilayah_uji):
    kode = "import sys, time; from geo.simpan.berkas import kunci\nwith kunci(sys.argv[1]):\n    print('pegang', flush=True); time.sleep(60)"
    anak = subprocess.Popen([sys.executable, "-c", kode, str(wilayah_uji.kim)], cwd=AKAR, stdout=subprocess.PIPE, text=True)
    try:
        assert anak.stdout.readline().strip() == "pegang"
        with pytest.raises(Exception, match="sedang disimpan"), kunci(wilayah_uji.kim, tunggu=0.2):
            pass
        anak.send_signal(signal.SIGKILL)
        anak.wait(timeout=10)
        with kunci(wilayah_uji.kim, tunggu=0):  # no waiting for any staleness rule
            pass
        dataset = muat_dataset()
        tabel, sidik = baca_untuk_sunting(dataset)
        tabel.loc[tabel["id_potensi"] == "A-02", "jumlah_anggota"] = 9
        assert simpan_kim(tabel, dataset, "ani", sidik).disimpan
    finally:
        anak.kill()
        anak.wait(timeout=10)


def test_kill_between_replace_and_audit_line_is_recovered(wilayah_uji):
    lama = wilayah_uji.kim.read_bytes()
    hasil = _jalankan_anak("setelah_ganti")
    assert hasil.returncode == -signal.SIGKILL, hasil.stderr
    assert wilayah_uji.kim.read_bytes() != lama  # the change reached the disk ...
    assert path_jurnal(wilayah_uji.kim).exists()  # ... its audit line did not, but the journal did
    log = baca_audit(wilayah_uji.kim)
    assert len(log) == 1
    assert log.iloc[0]["pengguna"] == "budi" and log.iloc[0]["diubah"] == ["A-01"]
    assert "terputus" in log.iloc[0]["catatan"]
    assert not path_jurnal(wilayah_uji.kim).exists()
    assert len(baca_audit(wilayah_uji.kim)) == 1  # recovered once, not on every read


def test_kill_before_replace_changes_nothing_and_logs_nothing(wilayah_uji):
    lama = wilayah_uji.kim.read_bytes()
    hasil = _jalankan_anak("sebelum_ganti")
    assert hasil.returncode == -signal.SIGKILL, hasil.stderr
    assert wilayah_uji.kim.read_bytes() == lama
    assert baca_audit(wilayah_uji.kim).empty
    assert not path_jurnal(wilayah_uji.kim).exists()


def test_next_save_recovers_the_missing_entry_first(wilayah_uji):
    assert _jalankan_anak("setelah_ganti").returncode == -signal.SIGKILL
    dataset = muat_dataset()
    tabel, sidik = baca_untuk_sunting(dataset)
    tabel.loc[tabel["id_potensi"] == "B-01", "jumlah_anggota"] = 5
    assert simpan_kim(tabel, dataset, "ani", sidik).disimpan
    log = baca_audit(wilayah_uji.kim)
    assert list(log["pengguna"]) == ["ani", "budi"]


def test_journal_left_after_the_audit_line_is_not_logged_twice(wilayah_uji, monkeypatch):
    from geo.simpan import kim

    monkeypatch.setattr(kim.Path, "unlink", lambda self, missing_ok=False: None)  # "die" before the journal is removed
    dataset = muat_dataset()
    tabel, sidik = baca_untuk_sunting(dataset)
    tabel.loc[0, "jumlah_anggota"] = 3
    assert simpan_kim(tabel, dataset, "budi", sidik).disimpan
    monkeypatch.undo()
    assert path_jurnal(wilayah_uji.kim).exists()
    assert len(baca_audit(wilayah_uji.kim)) == 1
    assert not path_jurnal(wilayah_uji.kim).exists()
