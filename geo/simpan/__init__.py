"""Writing data without ever losing it: atomic files, locks, backups, audit, accounts.

``berkas`` is the atomic writer, the lock and the backups; ``kim`` saves the KIM
table (validate, compare, write, audit, restore); ``akun`` checks editors' logins;
``foto`` validates, cleans and stores photos of potentials.
``lingkup`` is the role and scope of the acting account, checked by every save;
``daftar_akun`` keeps the accounts; ``laporan`` saves field reports and
``menunggu`` holds them for verification (its rules, for both stores); ``gudang_antre``
gives the stores the queue's and the budget baseline's methods (and their file half).
``gudang`` is the one storage interface the page and the CLI use: these files,
or the shared PostgreSQL/PostGIS store of ``pg`` (migrations in ``migrasi/``).
``kegiatan`` saves the activity log; ``utuh`` keeps records consistent (saved means
loadable, no row naming a missing potential); ``gabung`` merges two editors' saves
row by row; ``impor_data`` imports a whole table through the page's path.
"""

__all__ = ["akun", "berkas", "daftar_akun", "foto", "gabung", "gudang", "gudang_antre", "impor_data", "kegiatan", "kim", "laporan",
           "lingkup", "menunggu", "pg", "utuh"]
