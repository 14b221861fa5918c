"""Definisi metrik: docs/metrics.md, so every chart caption can link to its metric's definition."""

from pathlib import Path

import streamlit as st

st.markdown((Path(__file__).resolve().parent.parent / "docs" / "metrics.md").read_text(), unsafe_allow_html=True)
