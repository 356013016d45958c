"""Everything the page shows that follows from the scenario alone, computed in one place.

The app keeps the last :class:`Views` in the session and recomputes it only
when the scenario changes, so a rerun that changed nothing (a tab switch, a
widget that does not touch the plan) costs no planning at all. Nothing here is
shared between sessions: a process-wide cache would keep one user's salary
figures in memory after they left.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

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


class Views:
    """What the page shows of one scenario, each part made when first asked for and kept.

    An edit on one tab plans once and makes only what that tab shows (and the share
    link the browser keeps); the other tabs' tables, charts and files wait until
    they are opened.
    """

    def __init__(self, scenario: Scenario) -> None:
        self.scenario = scenario
        self.plan: Plan = make_plan(scenario)

    @cached_property
    def offer_tables(self) -> tuple[pd.DataFrame, ...]:
        plan = self.plan
        return tuple(offer_plan_table(self.scenario, offer, plan) for offer in plan.offers)

    @cached_property
    def offer_html(self) -> tuple[str, ...]:
        """The same tables as HTML, read as a card per term on a phone (:mod:`ui.cards`)."""
        return tuple(terms_html(table) for table in self.offer_tables)

    @cached_property
    def positions(self) -> pa.Table:
        return _arrow(position_frame(position_data(self.scenario, self.plan)))

    @cached_property
    def money(self) -> tuple[pa.Table, ...]:
        """Each offer's money by year and kind, ready for its chart (:func:`planner.charts.money_data`)."""
        data = money_data(self.scenario, self.plan)
        return tuple(_arrow(money_frame(data, offer.name)) for offer in self.plan.offers)

    @cached_property
    def ranking(self) -> pa.Table:
        return _arrow(ranking_data(self.plan))

    @cached_property
    def markets(self) -> tuple[tuple[str, pa.Table], ...]:
        """Per money term with market data: its name and its range chart's data."""
        return tuple(
            (t.name, _arrow(market_data(self.scenario, self.plan, t.name)))
            for t in market_terms(self.scenario)
        )

    @cached_property
    def comparison_csv(self) -> bytes:
        return csv_bytes(csv_table(self.scenario, self.plan))

    @cached_property
    def scenario_json(self) -> str:
        return write_scenario(self.scenario)

    @cached_property
    def link_param(self) -> str:
        """The ``plan`` parameter of a share link (see :func:`planner.share.link_with`)."""
        return encode(self.scenario)

    @cached_property
    def file_stem(self) -> str:
        return file_stem(self.scenario.title)

    @cached_property
    def call_sheets(self) -> list[CallSheet]:
        return negotiated_call_sheets(self.scenario, self.plan)

    @cached_property
    def brief(self) -> str:
        """The brief as a file: reads cleanly in a plain text editor (made on first use)."""
        return brief(self.scenario, self.plan, call_sheets=self.call_sheets)

    @cached_property
    def brief_page(self) -> str:
        """The brief for the page's preview: nothing the user typed is live there."""
        return brief(self.scenario, self.plan, call_sheets=self.call_sheets, escape=escape_page)


def _arrow(frame: pd.DataFrame) -> pa.Table:
    """A chart's data in the form the page sends it: converted once, not on every rerun."""
    return pa.Table.from_pandas(frame, preserve_index=False)


def views_of(scenario: Scenario) -> Views:
    """Plan the scenario (once); the rest of what the page shows is made as it is asked for."""
    return Views(scenario)


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
