"""Tests of geo/ekspor: PNG/PDF, HTML, CSV, XLSX, GeoJSON and the Excel template."""
