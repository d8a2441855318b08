"""Peta Potensi KIM core: load, validate, join, aggregate and filter KIM data.

Pure Python with no Streamlit import, so that the page, the exports and the
command line all share one tested data path.
"""

__version__ = "0.1.0"
