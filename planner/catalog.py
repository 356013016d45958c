"""The term catalog shipped in the package (``planner/data``): common terms with their usual settings.

Each entry carries the stance companies typically take and the rules of thumb
behind it, each with its source. A hint without a source is labelled as an
unsourced rule of thumb; none of it is presented as data. The catalog and the
sample scenarios are package data, read through :mod:`importlib.resources`, so
an installed package has them wherever it is installed.
"""

from __future__ import annotations

import json
from functools import cache
from importlib.resources import files
from importlib.resources.abc import Traversable
from typing import Annotated

from pydantic import Field, StrictBool, model_validator

from planner.models import Better, Frozen, Kind, Per, Stance, Term, TermType

DATA: Traversable = files("planner") / "data"
CATALOG_FILE = DATA / "catalog.json"
SAMPLES = DATA / "samples"
UNSOURCED = "unsourced rule of thumb"


class RuleOfThumb(Frozen):
    id: str
    rule: str
    source: str


class CatalogTerm(Frozen):
    """A common term: its usual settings, the stance companies usually take, and why.

    ``kind`` says what sort of money it is (``benefit`` for a learning budget or a
    retirement match, ``variable`` for bonus and commission, ``equity`` for a grant);
    ``fields`` names the worlds it is common in (sales, nursing, engineering).
    """

    name: str
    type: TermType
    per: Per | None = None
    kind: Kind | None = None
    vesting: list[float] | None = None
    unit: str | None = None
    better: Better | None = None
    variable: StrictBool = False
    options: list[str] | None = None
    stance: Stance
    priority: Annotated[int, Field(ge=1, le=5)] = 3
    rules: list[str] = Field(default_factory=list)
    hint: str = ""
    fields: list[str] = Field(default_factory=list)

    def term(self) -> Term:
        """The term with its usual settings; bottom line and target are yours to set."""
        return Term.model_validate(
            self.model_dump(exclude={"stance", "rules", "hint", "fields"}, exclude_none=True)
        )


class Catalog(Frozen):
    rules_of_thumb: list[RuleOfThumb]
    terms: list[CatalogTerm]

    @model_validator(mode="after")
    def _rules_exist(self) -> Catalog:
        known = {rule.id for rule in self.rules_of_thumb}
        for entry in self.terms:
            for rule in entry.rules:
                if rule not in known:
                    raise ValueError(f"{entry.name}: no rule of thumb with id {rule!r}")
            entry.term()
        return self

    def entry(self, name: str) -> CatalogTerm | None:
        """The catalog entry of that name, ignoring case and surrounding space."""
        key = name.strip().casefold()
        return next((e for e in self.terms if e.name.casefold() == key), None)

    def rule(self, rule_id: str) -> RuleOfThumb:
        return next(r for r in self.rules_of_thumb if r.id == rule_id)

    def advice(self, name: str) -> list[tuple[str, str]]:
        """The rules of thumb for a term, as ``(rule, source)``; unsourced hints say so."""
        entry = self.entry(name)
        if entry is None:
            return []
        out = [(self.rule(r).rule, self.rule(r).source) for r in entry.rules]
        if entry.hint:
            out.append((entry.hint, UNSOURCED))
        return out


@cache
def load_catalog() -> Catalog:
    """The catalog shipped in planner/data/catalog.json (read once; the models are immutable)."""
    return Catalog.model_validate(json.loads(CATALOG_FILE.read_text(encoding="utf-8")))


def sample_files() -> dict[str, Traversable]:
    """The sample scenarios shipped in planner/data/samples, by title (file name when untitled).

    Each is read with ``.read_bytes()`` or ``.read_text()``.
    """
    out: dict[str, Traversable] = {}
    found = [p for p in SAMPLES.iterdir() if p.is_file() and p.name.endswith(".json")]
    for path in sorted(found, key=lambda p: p.name):
        title = json.loads(path.read_text(encoding="utf-8")).get("title") or path.name[:-5]
        out[title] = path
    return out
