"""The one error type the planner raises for input it cannot accept."""

from __future__ import annotations

import json
import math
from typing import Any


class ScenarioError(Exception):
    """A scenario (or a link, or an upload) that breaks a rule of the format.

    ``path`` names the place, in the notation of the format
    (``offers[0].values.Base salary``); ``problem`` says what is wrong in plain
    words. ``str(error)`` is the single line the command line prints.
    """

    def __init__(self, path: str, problem: str) -> None:
        self.path = path
        self.problem = problem
        super().__init__(f"{path}: {problem}" if path else problem)


def show(value: Any, limit: int = 60) -> str:
    """A short, JSON-like rendering of a value the user gave, for messages."""
    if isinstance(value, float) and not math.isfinite(value):
        text = "NaN" if math.isnan(value) else ("Infinity" if value > 0 else "-Infinity")
    else:
        try:
            text = json.dumps(value, ensure_ascii=False, allow_nan=True)
        except (TypeError, ValueError):
            text = repr(value)
    if len(text) > limit:
        text = text[: limit - 1] + "…"
    return text


def path_of(loc: tuple[int | str, ...]) -> str:
    """``("offers", 0, "values", "Base salary")`` -> ``offers[0].values.Base salary``."""
    out = ""
    for part in loc:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += f".{part}" if out else str(part)
    return out
