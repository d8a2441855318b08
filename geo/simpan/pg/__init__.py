"""The shared PostgreSQL/PostGIS store, for several app servers serving one province.

``koneksi`` holds the pool and turns an unreachable server into a message;
``migrasi`` applies the numbered SQL files of ``geo/simpan/migrasi/``;
``gudang_pg`` is the store (load, save with per-row versions, backups, audit);
``pindah`` moves today's files into the database and back; ``rekaman_pg`` keeps the
activity log and the budget plan (one JSONB row of text cells per line) and
``gudang_rekaman`` gives the store their load and save methods; ``menunggu_pg`` holds the
field-report queue and the budget baseline, and ``pindah_antre`` moves those two in ``db import/export``.
"""

__all__ = ["gudang_pg", "gudang_rekaman", "koneksi", "menunggu_pg", "migrasi", "pindah", "pindah_antre", "rekaman_pg"]
