"""Tests of geo/peta: the interactive map, its data, layers, legend, escaping and offline assets."""
