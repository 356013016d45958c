"""The planner's words and its Markdown escaping: user text is shown as typed, never as markup."""

from __future__ import annotations

import re

import pytest

from planner.wording import (
    ZWJ,
    escape_file,
    escape_page,
    join_words,
    plural,
    status_word,
    unit_for,
    verdict_word,
)
from tests.markdown_checks import GFM_AUTOLINK, STREAMLIT_DIRECTIVE, live, unescaped

PAYLOADS = [
    "![](http://x/t.png)",
    "**[Open](http://x)**",
    ":red[Accept]",
    "$x$",
    "<img src=x>",
    "www.evil.com",
    "a@b.co",
    "http://x.y",
    ":material/warning: done",
    "[a][b] and [^1]",
    "# Heading",
    "1. a list",
    "> a quote",
    "- an item",
    "`code` ~~gone~~ _it_ &amp; &#169;",
    "HTTPS://EVIL.EXAMPLE/x?y=1",
    "mailto:someone@example.org",
    "back\\slash \\*",
]


@pytest.mark.parametrize("text", PAYLOADS)
def test_page_escape_shows_the_text_as_typed_and_nothing_live(text: str) -> None:
    escaped = escape_page(text)

    shown = unescaped(escaped)
    assert shown.replace(ZWJ, "") == text
    assert live(escaped) == []
    assert not GFM_AUTOLINK.search(shown)
    assert not STREAMLIT_DIRECTIVE.search(escaped)


@pytest.mark.parametrize("text", PAYLOADS)
def test_file_escape_shows_the_text_as_typed_with_no_link_image_or_tag(text: str) -> None:
    escaped = escape_file(text, block_start=False)

    shown = unescaped(escaped)
    assert shown.replace(ZWJ, "") == text
    assert not re.search(r"(?<!\\)\]\(|(?<!\\)\]\[", escaped)  # no link, image or reference
    assert not re.search(r"(?<!\\)<[a-zA-Z/!?]", escaped)  # no HTML tag, no <autolink>
    assert not re.search(r"(?<!\\)&(#\d+|[a-z]+);", escaped)  # no entity
    assert not re.search(r"(?<!\\)[`|]", escaped)  # no code span, no table cell break
    assert not GFM_AUTOLINK.search(shown)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Maya: Acme", "Maya: Acme"),
        ("3 days/week", "3 days/week"),
        ("Remote, 2-3 days (flexible).", "Remote, 2-3 days (flexible)."),
        ("snake_case and a * b", "snake_case and a * b"),
        ("$70k base", "$70k base"),
        ("Q&A on Monday", "Q&A on Monday"),
        ("[a note]", "[a note]"),
        ("x < y", "x < y"),
    ],
)
def test_file_escape_leaves_harmless_punctuation_alone(text: str, expected: str) -> None:
    assert escape_file(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("# Heading", "\\# Heading"),
        ("> quote", "\\> quote"),
        ("- item", "\\- item"),
        ("+ item", "\\+ item"),
        ("* item", "\\* item"),
        ("12. item", "12\\. item"),
        ("3) item", "3\\) item"),
        ("**bold**", "\\*\\*bold\\*\\*"),
        ("_it_", "\\_it\\_"),
        ("$x$ and $y$", "\\$x\\$ and \\$y\\$"),
        ("a | b", "a \\| b"),
        ("<b>", "\\<b>"),
        ("[x](y)", "[x\\](y)"),
    ],
)
def test_file_escape_escapes_what_would_change_the_rendering(text: str, expected: str) -> None:
    assert escape_file(text) == expected


def test_both_escapes_flatten_whitespace_to_one_line() -> None:
    text = "one\n\n# two\tthree"

    assert escape_page(text) == "one \\# two three"
    assert escape_file(text) == "one # two three"


@pytest.mark.parametrize(
    ("count", "unit", "expected"),
    [
        (1, "days/week", "day/week"),
        (2, "days/week", "days/week"),
        (0, "days/week", "days/week"),
        (1.5, "days/year", "days/year"),
        (1, "days", "day"),
        (1, "hours per week", "hour per week"),
        (1, "%", "%"),
        (1, "min/day", "min/day"),
        (1, "class", "class"),
    ],
)
def test_a_unit_is_singular_after_exactly_one(count: float, unit: str, expected: str) -> None:
    assert unit_for(count, unit) == expected


def test_lists_and_counts_in_words() -> None:
    assert join_words([]) == ""
    assert join_words(["Bonus"]) == "Bonus"
    assert join_words(["Bonus", "Title"]) == "Bonus and Title"
    assert join_words(["Bonus", "", "Title", "Equity"]) == "Bonus, Title and Equity"
    assert plural(1, "ask") == "1 ask"
    assert plural(0, "ask") == "0 asks"
    assert plural(3, "ask") == "3 asks"


def test_labels_in_each_case_the_surfaces_use() -> None:
    assert verdict_word("walk_away") == "Walk away"
    assert verdict_word("walk_away", loud=True) == "WALK AWAY"
    assert status_word("deal_breaker") == "deal breaker"
    assert status_word("deal_breaker", style="title") == "Deal breaker"
    assert status_word("deal_breaker", style="terminal") == "DEAL BREAKER"
    assert status_word("met", style="terminal") == "met"
    assert status_word("deal_breaker", style="marked") == "🔴 deal_breaker"
