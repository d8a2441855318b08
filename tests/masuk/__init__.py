"""Tests of geo/masuk: reading, parsing, the reference, the region, boundaries and validation."""
