"""Negotiation planner: the Streamlit shell over planner/ (the full app is its own issue)."""

import streamlit as st

from planner import make_plan, read_scenario_bytes
from planner.catalog import sample_files

st.set_page_config(page_title="Negotiation planner", page_icon="🤝", layout="wide")
st.title("Negotiation planner")

samples = sample_files()
choice = st.selectbox("Sample scenario", list(samples), key="sample")
scenario = read_scenario_bytes(samples[choice].read_bytes())
for offer in make_plan(scenario).offers:
    st.subheader(f"{offer.name}: {offer.verdict.replace('_', ' ')}")
    st.text(offer.why)
