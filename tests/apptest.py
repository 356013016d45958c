"""Helpers for AppTest: start the app, find things by key, capture downloads."""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any
from unittest import mock

from streamlit.runtime.memory_media_file_storage import MemoryMediaFileStorage
from streamlit.testing.v1 import AppTest
from streamlit.testing.v1.element_tree import Block, Tab

from ui.session import FIRST_SAMPLE, MAIN_TAB, TABS

APP = str(Path(__file__).resolve().parent.parent / "streamlit_app.py")


def start_app(query: dict[str, str] | None = None, sample: str | None = FIRST_SAMPLE) -> AppTest:
    """A fresh session of the app, run once (with the query parameters given).

    Without a link the app starts blank and asks what to do; unless ``sample`` is
    ``None``, the session then opens that sample as a user would (Start, Open sample).
    """
    at = AppTest.from_file(APP, default_timeout=60)
    for key, value in (query or {}).items():
        at.query_params[key] = value
    at.run()
    if sample is not None and not query:
        at.selectbox(key="sample_choice").select(sample)
        at.button(key="open_sample").click().run()
    return at


def in_tab(at: AppTest, tab: str) -> Tab:
    """What one tab shows (every tab is drawn on every run; AppTest cannot click one).

    Looking inside the tab, not the whole page, checks that each thing is shown where
    the user looks for it.
    """
    return next(t for t in at.tabs if t.label == TABS[tab])


def open_tab(at: AppTest, tab: str) -> AppTest:
    """Open a tab as a click on it does (every tab is drawn on every run)."""
    assert TABS[tab] in [t.label for t in at.tabs]
    at.session_state[MAIN_TAB] = TABS[tab]
    at.run()
    return at


def page_text(at: AppTest | Block) -> str:
    """Everything the page (or one tab of it) says in Markdown, text, captions and alerts."""
    parts: list[str] = []
    for kind in ("markdown", "caption", "text", "error", "warning", "success", "info", "subheader"):
        parts += [str(e.value) for e in at.get(kind)]
    return "\n".join(parts)


def as_read(markdown: str) -> str:
    """Markdown source as a reader sees it: backslash escapes and zero-width joiners gone."""
    return re.sub(r"\\([!-/:-@\[-`{-~])", r"\1", markdown).replace("\u200d", "")


def edit(at: AppTest, key: str, rows: dict[int, dict[str, Any]] | None = None, **more: Any) -> None:
    """Simulate edits in a data editor (AppTest cannot type into its canvas grid)."""
    at.session_state[key] = {
        "edited_rows": rows or {},
        "added_rows": more.get("added_rows", []),
        "deleted_rows": more.get("deleted_rows", []),
    }


class Downloads(MemoryMediaFileStorage):
    """Keeps the bytes of every file the app offers, by the file name it is offered under."""

    files: dict[str, bytes]

    def load_and_get_id(
        self, path_or_data: Any, mimetype: str, kind: Any, filename: str | None = None
    ) -> str:
        if isinstance(path_or_data, bytes) and filename:
            type(self).files[filename] = path_or_data
        return super().load_and_get_id(path_or_data, mimetype, kind, filename)


@contextmanager
def downloads() -> Iterator[dict[str, bytes]]:
    """Capture what download buttons offer while the block runs the app."""
    files: dict[str, bytes] = {}
    storage = type("Capture", (Downloads,), {"files": files})
    with mock.patch("streamlit.testing.v1.app_test.MemoryMediaFileStorage", storage):
        yield files


def chart_data(at: AppTest) -> list[list[dict[str, Any]]]:
    """The rows behind every Altair chart on the page, one list per dataset."""
    import pyarrow as pa

    out = []
    for chart in at.get("vega_lite_chart"):
        payloads = [dataset.data.data for dataset in chart.proto.datasets]
        if chart.proto.HasField("data") and chart.proto.data.data:
            payloads.append(chart.proto.data.data)
        for payload in payloads:
            out.append(pa.ipc.open_stream(payload).read_all().to_pylist())
    return out
