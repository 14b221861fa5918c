"""Streamlit-free analytics: queries over the warehouse, metrics, formatting, charts and findings."""
