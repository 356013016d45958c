"""Small builders for scenarios in tests: say only what the test is about."""

from __future__ import annotations

from typing import Any

from planner import OfferPlan, Scenario, make_plan, parse_scenario
from planner.lookup import find_offer


def term(name: str = "Base salary", type: str = "money", **fields: Any) -> dict[str, Any]:
    """A term as it stands in a scenario file; choice terms get three options by default."""
    data: dict[str, Any] = {"name": name, "type": type, **fields}
    if type == "choice":
        data.setdefault("options", ["None", "Basic", "Comprehensive"])
    return data


def offer(name: str = "Northwind", **fields: Any) -> dict[str, Any]:
    return {"name": name, **fields}


def scenario_data(
    terms: list[dict[str, Any]] | None = None,
    offers: list[dict[str, Any]] | None = None,
    **fields: Any,
) -> dict[str, Any]:
    """A whole scenario file's data; one salary term and one empty offer unless told."""
    return {
        "format": "negotiation-planner/1",
        **fields,
        "terms": terms if terms is not None else [term()],
        "offers": offers if offers is not None else [offer()],
    }


def make_scenario(
    terms: list[dict[str, Any]] | None = None,
    offers: list[dict[str, Any]] | None = None,
    **fields: Any,
) -> Scenario:
    return parse_scenario(scenario_data(terms, offers, **fields))


def plan_of(scenario: Scenario, name: str) -> OfferPlan:
    """The plan of the negotiated offer of that name (case and surrounding space ignored)."""
    return find_offer(make_plan(scenario).offers, name, negotiated=True)


def one_term(
    value: Any,
    stance: str | None = None,
    current: bool = False,
    **term_fields: Any,
) -> Scenario:
    """A scenario with one term (salary unless told) and one offer giving ``value``."""
    spec = term(**term_fields)
    values = {} if value is None else {spec["name"]: value}
    flexibility = {} if stance is None else {spec["name"]: stance}
    return make_scenario(
        [spec],
        [offer(values=values, flexibility=flexibility, current=current)],
    )


CONTRACT_EXAMPLE = """\
{
  "format": "negotiation-planner/1",
  "title": "Offers after the March interviews",
  "currency": "EUR",
  "max_asks": 3,
  "terms": [
    {"name": "Base salary", "type": "money", "per": "year",
     "bottom_line": 58000, "target": 66000, "priority": 5},
    {"name": "Relocation", "type": "money", "per": "once", "target": 5000, "priority": 2},
    {"name": "Remote days per week", "type": "number", "unit": "days/week",
     "bottom_line": 1, "target": 3, "priority": 4},
    {"name": "Commute minutes", "type": "number", "unit": "min/day", "better": "lower",
     "bottom_line": 90, "priority": 2},
    {"name": "Dental plan", "type": "choice",
     "options": ["None", "Basic", "Comprehensive"],
     "bottom_line": "Basic", "target": "Comprehensive", "priority": 1}
  ],
  "offers": [
    {"name": "Northwind",
     "values": {"Base salary": 60000, "Relocation": 0, "Remote days per week": 2,
                "Commute minutes": 50, "Dental plan": "Basic"},
     "flexibility": {"Base salary": "negotiable", "Relocation": "limited",
                     "Remote days per week": "fixed", "Dental plan": "fixed"},
     "notes": {"Remote days per week": "Hybrid policy is company-wide (careers page)"}},
    {"name": "Current job", "current": true,
     "values": {"Base salary": 55000, "Remote days per week": 1, "Commute minutes": 70,
                "Dental plan": "Basic"}}
  ]
}
"""
"""The example scenario file of SCENARIO_FORMAT.md, verbatim."""
