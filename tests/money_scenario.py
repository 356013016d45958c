"""A scenario that uses every part of the money view and the market: for the plan page's tests."""

from __future__ import annotations

from planner import Scenario, parse_scenario
from tests.builders import offer, scenario_data, term

MARKET = {
    "source": "BLS OEWS May 2025, Sales representatives, Texas",
    "p10": 45000,
    "p25": 56000,
    "p50": 70000,
    "p75": 88000,
    "p90": 110000,
}


def money_scenario() -> Scenario:
    """Acme (everything known), Northwind (equity and the bonus not known, pay below the
    market's 25th percentile) and the current job.

    Over 4 years Acme expects 441,000 USD (on paper 493,000) and the current job
    336,000; Northwind's total is not known.
    """
    return parse_scenario(
        scenario_data(
            [
                term("Base salary", bottom_line=70000, target=80000, priority=5, market=MARKET),
                term("Commission", kind="variable", expected=80, target=40000),
                term("RSU grant", per="once", kind="equity", expected=50, vesting=[5, 15, 40, 40]),
                term("Signing bonus", per="once", target=10000),
                term("Learning budget", kind="benefit", target=2000),
                term(
                    "Health coverage",
                    "choice",
                    options=["None", "HMO", "PPO"],
                    bottom_line="HMO",
                    target="PPO",
                    priority=4,
                ),
                term("Remote days per week", "number", unit="days/week", bottom_line=1, target=3),
            ],
            [
                offer(
                    "Acme",
                    values={
                        "Base salary": 72000,
                        "Commission": 40000,
                        "RSU grant": 40000,
                        "Signing bonus": 5000,
                        "Learning budget": 1500,
                        "Health coverage": "HMO",
                        "Remote days per week": 2,
                    },
                    flexibility={
                        "Base salary": "negotiable",
                        "Signing bonus": "negotiable",
                        "Health coverage": "fixed",
                    },
                    deadline="2030-01-15",
                ),
                offer(
                    "Northwind",
                    values={
                        "Base salary": 55000,
                        "Commission": 30000,
                        "Health coverage": "PPO",
                        "Remote days per week": 3,
                    },
                    flexibility={"Base salary": "limited"},
                ),
                offer(
                    "Current job",
                    current=True,
                    values={
                        "Base salary": 68000,
                        "Commission": 20000,
                        "RSU grant": 0,
                        "Signing bonus": 0,
                        "Learning budget": 0,
                        "Health coverage": "PPO",
                        "Remote days per week": 1,
                    },
                ),
            ],
            title="Sales offers",
        )
    )
