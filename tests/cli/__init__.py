"""Tests of geo/cli: the python -m geo commands."""
