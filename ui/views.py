"""Everything the page shows that follows from the scenario alone, computed in one place.

The app keeps the last :class:`Views` in the session and recomputes it only
when the scenario changes, so a rerun that changed nothing (a tab switch, a
widget that does not touch the plan) costs no planning at all. Nothing here is
shared between sessions: a process-wide cache would keep one user's salary
figures in memory after they left.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd
import pyarrow as pa

from planner.brief import brief, negotiated_call_sheets
from planner.charts import (
    market_data,
    market_terms,
    money_data,
    money_frame,
    position_data,
    position_frame,
    ranking_data,
)
from planner.coach import CallSheet, Script, call_sheet, counter_script
from planner.compare import csv_table, offer_plan_table
from planner.export import csv_bytes, file_stem
from planner.models import OfferPlan, Plan, Scenario
from planner.packages import Package, packages
from planner.rules import make_plan
from planner.scenario_file import write_scenario
from planner.share import encode
from planner.wording import escape_page
from ui.cards import terms_html


@dataclass(frozen=True)
class Views:
    scenario: Scenario
    plan: Plan
    offer_tables: tuple[pd.DataFrame, ...]
    offer_html: tuple[str, ...]
    """The same tables as HTML, read as a card per term on a phone (:mod:`ui.cards`)."""
    positions: pa.Table
    money: tuple[pa.Table, ...]
    """Each offer's money by year and kind, ready for its chart (:func:`planner.charts.money_data`)."""
    ranking: pa.Table
    markets: tuple[tuple[str, pa.Table], ...]
    """Per money term with market data: its name and its range chart's data."""
    comparison_csv: bytes
    brief: str
    """The brief as a file: reads cleanly in a plain text editor."""
    brief_page: str
    """The brief for the page's preview: nothing the user typed is live there."""
    scenario_json: str
    link_param: str
    """The ``plan`` parameter of a share link (see :func:`planner.share.link_with`)."""
    file_stem: str


def _arrow(frame: pd.DataFrame) -> pa.Table:
    """A chart's data in the form the page sends it: converted once, not on every rerun."""
    return pa.Table.from_pandas(frame, preserve_index=False)


def views_of(scenario: Scenario) -> Views:
    """Plan the scenario (once) and prepare every table, chart dataset and file the page offers."""
    plan = make_plan(scenario)
    sheets = negotiated_call_sheets(scenario, plan)
    money = money_data(scenario, plan)
    tables = tuple(offer_plan_table(scenario, offer, plan) for offer in plan.offers)
    return Views(
        scenario=scenario,
        plan=plan,
        offer_tables=tables,
        offer_html=tuple(terms_html(table) for table in tables),
        positions=position_frame(position_data(scenario, plan)),
        money=tuple(money_frame(money, offer.name) for offer in plan.offers),
        ranking=ranking_data(plan),
        markets=tuple(
            (t.name, market_data(scenario, plan, t.name)) for t in market_terms(scenario)
        ),
        comparison_csv=csv_bytes(csv_table(scenario, plan)),
        brief=brief(scenario, plan, call_sheets=sheets),
        brief_page=brief(scenario, plan, call_sheets=sheets, escape=escape_page),
        scenario_json=write_scenario(scenario),
        link_param=encode(scenario),
        file_stem=file_stem(scenario.title),
    )


@dataclass(frozen=True)
class Coaching:
    """The coaching for one offer of one scenario: what to say, what to offer, what to expect."""

    scenario: Scenario
    offer: str
    anyway: bool
    script: Script
    packages: tuple[Package, ...]
    call_sheet: CallSheet


def coaching_of(scenario: Scenario, plan: OfferPlan, *, anyway: bool = False) -> Coaching:
    """Draft the counter, the packages and the call sheet for one negotiated offer, from its
    plan (the packages are drafted once: the call sheet falls back on the same ones)."""
    offered = packages(scenario, plan, anyway=anyway)
    return Coaching(
        scenario=scenario,
        offer=plan.name,
        anyway=anyway,
        script=counter_script(scenario, plan, anyway=anyway),
        packages=tuple(offered),
        call_sheet=call_sheet(scenario, plan, anyway=anyway, offered=offered),
    )
