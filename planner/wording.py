"""What the planner says about its labels, in one place: every surface takes its words here.

- verdict, status and stance words (the brief, the terminal, the comparison
  table, the charts and the page use the same words, each in its own case);
- lists in words (``A, B and C``) and counts with their noun (``1 ask``,
  ``2 asks``; ``1 day/week``);
- Markdown escaping of user text, in two strengths: :func:`escape_page` for the
  page (Streamlit's Markdown: nothing the user typed may become markup, a
  Streamlit directive, LaTeX or a link) and :func:`escape_file` for the brief
  and other files (reads cleanly in a plain text editor, still renders as
  written in a Markdown viewer).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from planner.models import Stance, Status, Verdict

# --- labels ----------------------------------------------------------------------------

VERDICT_WORDS: dict[Verdict, str] = {
    "accept": "Accept",
    "negotiate": "Negotiate",
    "walk_away": "Walk away",
    "current": "Current job",
}
"""Each verdict in words (the terminal prints them in capitals)."""

STATUS_WORDS: dict[Status, str] = {
    "met": "met",
    "drop": "drop",
    "trade": "trade",
    "push": "push",
    "deal_breaker": "deal breaker",
    "unknown": "unknown",
    "reference": "current job",
}
"""Each status in words, in the order the charts' legend shows them."""

STATUS_MARKS: dict[Status, str] = {
    "met": "🟢",
    "drop": "⚪",
    "trade": "🟡",
    "push": "🔵",
    "deal_breaker": "🔴",
    "unknown": "❔",
    "reference": "⚫",
}
"""A colour mark per status that matches the charts' colours."""

CURRENT_JOB_WORDS: dict[str, str] = {
    "unknown": "❔ not known",
    "below_bottom_line": "⚫ reference: below your bottom line",
    "below_target": "⚫ reference: below your target",
    "meets_target": "⚫ reference: meets your target",
    "meets_bottom_line": "⚫ reference: meets your bottom line",
    "meets": "⚫ reference: no bottom line or target set",
}
"""Your current job is your alternative, compared with your line and never negotiated: its
rows read as a reference, never as an ask."""

STANCE_ANSWERS: dict[Stance, str] = {
    "fixed": "they say it is fixed",
    "limited": "they have limited room",
    "negotiable": "they will negotiate",
    "unknown": "their stance is not clear",
}
"""What the company said of a term, as a recorded answer reads."""

STANCE_CHOICES: dict[Stance, str] = {
    "fixed": "that is fixed",
    "limited": "limited",
    "negotiable": "negotiable",
    "unknown": "unknown",
}
"""Each stance as the company would say it, for a form that records their answer."""

MUST_WIN = "must win"


def verdict_word(verdict: Verdict, *, loud: bool = False) -> str:
    """``Walk away``; ``WALK AWAY`` when ``loud`` (the terminal)."""
    word = VERDICT_WORDS[verdict]
    return word.upper() if loud else word


def status_word(status: Status, *, style: str = "plain") -> str:
    """A status in words: ``plain`` (``deal breaker``), ``title`` (``Deal breaker``),
    ``terminal`` (``DEAL BREAKER``, the others lower case) or ``marked`` (``🔴 deal_breaker``:
    the label the JSON and the CSV use, with its colour mark)."""
    if style == "title":
        return capitalised(STATUS_WORDS[status])
    if style == "terminal":
        return STATUS_WORDS[status].upper() if status == "deal_breaker" else STATUS_WORDS[status]
    if style == "marked":
        return f"{STATUS_MARKS[status]} {status}"
    return STATUS_WORDS[status]


# --- sentences ---------------------------------------------------------------------------


def capitalised(text: str) -> str:
    """The first letter in capitals, the rest as written (names keep their case)."""
    return text[:1].upper() + text[1:]


def join_words(names: Iterable[str], last: str = "and") -> str:
    """``A``; ``A and B``; ``A, B and C`` (empty names are left out)."""
    listed = [name for name in names if name]
    if len(listed) <= 1:
        return "".join(listed)
    return ", ".join(listed[:-1]) + f" {last} " + listed[-1]


def plural(count: int | float, noun: str, many: str | None = None) -> str:
    """``1 ask``, ``2 asks``, ``0 asks``; ``many`` for an irregular plural."""
    shown = int(count) if float(count).is_integer() else count
    word = noun if count == 1 else (many or noun + "s")
    return f"{shown} {word}"


_UNIT_NOUN = re.compile(r"^([A-Za-z]{2,}?)s(?=$|[^A-Za-z])")


def unit_for(count: float, unit: str) -> str:
    """The unit as said after ``count``: ``1 day/week``, ``2 days/week``, ``1 minute``.

    Only a unit whose first word is a regular plural is made singular, and only
    for exactly one; any other unit is kept as typed (``%``, ``hours per week`` ->
    ``hour per week``, ``miles`` -> ``mile``).
    """
    if count != 1:
        return unit
    match = _UNIT_NOUN.match(unit)
    if match is None or match.group(1).endswith("s"):
        return unit
    return match.group(1) + unit[match.end() :]


# --- Markdown -----------------------------------------------------------------------------

ZWJ = "\u200d"
"""A zero-width joiner: invisible, and it keeps a URL, a www. name or an e-mail
address from being turned into a link."""

_PAGE_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~:$&\"'=/%^@])")
_LINKISH = re.compile(
    r"(?i)(?<=[a-z0-9])(?=:\/\/)"  # http://x, ftp://x: break the scheme from its slashes
    r"|(?<=\bwww)(?=\.)"  # www.example.com
    r"|(?<=@)(?=[a-z0-9])"  # a@b.co, mailto:a@b.co
    r"|(?<=\bmailto)(?=:)|(?<=\bxmpp)(?=:)"
)


def _unlinked(text: str) -> str:
    return _LINKISH.sub(ZWJ, text)


def escape_page(text: str) -> str:
    """User text for the page's Markdown (``st.markdown`` and friends): shown as typed.

    Whitespace runs become one space; every ASCII punctuation mark Markdown,
    HTML, Streamlit's directives (``:red[...]``, ``:material/...:``) or LaTeX
    (``$``) could read is backslash-escaped; a zero-width joiner keeps URLs,
    ``www.`` names and e-mail addresses from becoming links.
    """
    flat = " ".join(text.split())
    return _PAGE_SPECIAL.sub(r"\\\1", _unlinked(flat))


_ENTITY = re.compile(r"&(?=#\d+;|#[xX][0-9a-fA-F]+;|[A-Za-z][A-Za-z0-9]*;)")
_BLOCK_START = re.compile(r"^(?:(#{1,6})(?=\s|$)|(>)|([-+*])(?=\s|$)|(\d{1,9})([.)])(?=\s|$))")
_ASCII_PUNCTUATION = set("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~")


def escape_file(text: str, *, block_start: bool = True) -> str:
    """User text for a Markdown file (the brief): reads cleanly, renders as typed.

    Only what would change the rendering at its place is escaped: ``` ` ```,
    ``|`` (tables), ``*``, ``_`` and ``~`` where they could open or close
    emphasis, ``]`` before ``(`` or ``[`` (links and images), ``<`` before a tag
    or an autolink, ``&`` before an entity, ``$`` when there are two (math), a
    backslash before punctuation, and a heading, quote or list marker at the
    start (``block_start``). ``Maya: Acme`` and ``3 days/week`` stay as they are.
    URLs, ``www.`` names and e-mail addresses get a zero-width joiner, as on the
    page, so that a note cannot carry a live link.
    """
    flat = _unlinked(" ".join(text.split()))
    out: list[str] = []
    dollars = flat.count("$") >= 2
    for i, char in enumerate(flat):
        before = flat[i - 1] if i > 0 else " "
        after = flat[i + 1] if i + 1 < len(flat) else " "
        if char == "\\":
            escape = after in _ASCII_PUNCTUATION or i + 1 == len(flat)
        elif char in "`|":
            escape = True
        elif char in "*~":
            escape = not (before.isspace() and after.isspace())
        elif char == "_":
            escape = not (before.isalnum() and after.isalnum())
        elif char == "]":
            escape = after in "([:"
        elif char == "[":
            escape = after == "^"  # a footnote reference
        elif char == "<":
            escape = after.isalpha() or after in "/!?"
        elif char == "&":
            escape = _ENTITY.match(flat, i) is not None
        elif char == "$":
            escape = dollars
        else:
            escape = False
        out.append("\\" + char if escape else char)
    escaped = "".join(out)
    if block_start:
        match = _BLOCK_START.match(escaped)
        if match:
            # 1. or 1) starts a list: escape its dot or bracket; else the marker itself
            cut = match.start(5) if match.group(5) else match.start()
            escaped = escaped[:cut] + "\\" + escaped[cut:]
    return escaped
