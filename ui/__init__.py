"""Streamlit pieces of the page; all figures come from ``geo/``."""
