"""Tests of geo/impor: the official boundary import."""
