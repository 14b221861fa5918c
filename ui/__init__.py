"""The small Streamlit helper package: cached data access, the shared filters, and page blocks.

Only dashboard.py, views/ and this package import Streamlit.
"""
