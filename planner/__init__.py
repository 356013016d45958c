"""Job-offer negotiation planner: the core, free of any user interface.

``import planner`` loads only the scenario model and the rules; the pandas
comparison table and the Altair charts are imported when first used.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from planner.errors import ScenarioError
from planner.models import FORMAT, PLAN_FORMAT, Offer, OfferPlan, Plan, Scenario, Term, TermPlan
from planner.rules import make_plan
from planner.scenario_file import parse_scenario, read_scenario, read_scenario_bytes, write_scenario

if TYPE_CHECKING:
    from planner.compare import comparison_table
    from planner.valuation import Valuation, value_offers

__all__ = [
    "FORMAT",
    "PLAN_FORMAT",
    "Offer",
    "OfferPlan",
    "Plan",
    "Scenario",
    "ScenarioError",
    "Term",
    "TermPlan",
    "Valuation",
    "comparison_table",
    "make_plan",
    "parse_scenario",
    "read_scenario",
    "read_scenario_bytes",
    "value_offers",
    "write_scenario",
]

_LAZY = {
    "comparison_table": "planner.compare",
    "Valuation": "planner.valuation",
    "value_offers": "planner.valuation",
}


def __getattr__(name: str) -> Any:
    """Import the pandas-based parts only when they are asked for."""
    if name in _LAZY:
        import importlib

        return getattr(importlib.import_module(_LAZY[name]), name)
    raise AttributeError(f"module 'planner' has no attribute {name!r}")
