"""Writing data without ever losing it: atomic files, locks, backups, audit, accounts.

``berkas`` is the atomic writer, the lock and the backups; ``kim`` saves the KIM
table (validate, compare, write, audit, restore); ``akun`` checks editors' logins;
``foto`` validates, cleans and stores photos of potentials.
"""

__all__ = ["akun", "berkas", "foto", "kim"]
