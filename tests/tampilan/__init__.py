"""Tests of geo/tampilan: filter, view state, aggregation, classes and metrics."""
