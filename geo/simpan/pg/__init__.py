"""The shared PostgreSQL/PostGIS store, for several app servers serving one province.

``koneksi`` holds the pool and turns an unreachable server into a message;
``migrasi`` applies the numbered SQL files of ``geo/simpan/migrasi/``;
``gudang_pg`` is the store (load, save with per-row versions, backups, audit);
``pindah`` moves today's files into the database and back.
"""

__all__ = ["gudang_pg", "koneksi", "migrasi", "pindah"]
