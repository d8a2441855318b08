"""Tests of the page: Streamlit AppTest and the real browser (dashboard.py, pages/, ui/)."""
