"""Tests of geo/simpan: the atomic writer, KIM saves, backups, audit and accounts."""
