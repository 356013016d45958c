"""The plan page alone, drawn from the money-and-market scenario: for AppTest and the browser."""

import streamlit as st

from planner.draft import blank_draft
from tests.money_scenario import money_scenario
from ui import plan
from ui.views import views_of

st.set_page_config(page_title="Plan page", layout="wide")
plan.render(views_of(money_scenario()), [], blank_draft())
