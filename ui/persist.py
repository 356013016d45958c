"""Nothing lost: the work is kept in the browser's own storage, never on the server.

One small component (its JavaScript is below) does all the browser's part:

- once per page load it reports what the browser holds: this tab's work
  (``sessionStorage``, kept through reload and Back), the last work on this device
  (``localStorage``, kept after the tab is closed), a copy kept aside, edited
  drafts, and a plan given in the address's fragment (``#plan=...``, which browsers
  never send to a server). It takes the ``plan`` out of the address (query or
  fragment) without a new history entry, so a reload brings back the work, not
  the link's older version;
- after each change it stores the current plan (in the link encoding of
  :mod:`planner.share`) and the edited drafts;
- "Forget this on this device" clears all of it and stops storing.

The plan travels only over the app's own connection, never in a request line, a
query string or a server log. Python decides (:func:`arrival`) and the component
only reads and writes what it is told.

Session keys: ``persist_heard`` (the browser has reported), ``persist_off`` (the
user asked to forget), ``persist_aside`` (a copy kept aside: ``{"param", "label",
"mine"}``), ``persist_message``, ``persist_drafts`` (edited drafts by key:
``{"base", "text"}``).
"""

from __future__ import annotations

import json
from typing import Any

import streamlit as st

from planner import Scenario
from planner.draft import draft_from_scenario
from planner.errors import ScenarioError
from planner.share import PARAM, decode, encode, read_link, single_param
from ui import mentor, session
from ui.views import Views

KEY = "persist_browser"
OWN_WORK = "your own work from this device"
MAX_STORED_CHARS = 2_000_000
"""Longest plan read back from the browser's storage (far above a link's limit)."""

JS = """
const WORK = "negotiation-planner/work";
const ASIDE = "negotiation-planner/aside";
const DRAFTS = "negotiation-planner/drafts";

function read(store, key) {
  try { return store.getItem(key); } catch (e) { return null; }
}
function write(store, key, value) {
  try {
    if (value === null || value === undefined) store.removeItem(key);
    else if (store.getItem(key) !== value) store.setItem(key, value);
  } catch (e) { /* storage full or disabled: the page keeps working */ }
}
function planInFragment(url) {
  const hash = url.hash.replace(/^#/, "");
  if (!hash) return null;
  return new URLSearchParams(hash).get("plan");
}

export default function ({ data, parentElement, setTriggerValue }) {
  const mode = data && data.mode;
  // An empty mark that says which step the page is at (load, save, off).
  let mark = parentElement.querySelector("span[data-persist]");
  if (!mark) {
    mark = document.createElement("span");
    parentElement.appendChild(mark);
  }
  mark.dataset.persist = mode;
  if (mode === "load") {
    const url = new URL(window.location.href);
    const link = planInFragment(url);
    const query = url.searchParams.has("plan");
    if (query || link !== null) {
      url.searchParams.delete("plan");
      if (link !== null) url.hash = "";
      window.history.replaceState(window.history.state, "", url.toString());
    }
    setTriggerValue("arrived", {
      link: link,
      tab: read(window.sessionStorage, WORK),
      saved: read(window.localStorage, WORK),
      aside: read(window.localStorage, ASIDE),
      drafts: read(window.localStorage, DRAFTS),
    });
  } else if (mode === "save") {
    if (data.work) {
      write(window.localStorage, WORK, data.work);
      write(window.sessionStorage, WORK, data.work);
    }
    write(window.localStorage, ASIDE, data.aside);
    write(window.localStorage, DRAFTS, data.drafts);
  } else if (mode === "off") {
    for (const key of [WORK, ASIDE, DRAFTS]) {
      write(window.localStorage, key, null);
      write(window.sessionStorage, key, null);
    }
  }
}
"""

_component = st.components.v2.component("planner_persist", js=JS)


# --- what the browser reported ------------------------------------------------------


def _scenario(param: object) -> Scenario | None:
    if not isinstance(param, str) or not param.strip():
        return None
    try:
        return decode(param, MAX_STORED_CHARS)
    except ScenarioError:
        return None


def _query_link() -> Scenario | None:
    """The plan of a ``?plan=`` link this page was opened with (already shown), if it reads."""
    links = st.query_params.get_all(PARAM)
    if not links:
        return None
    try:
        return read_link(single_param(links))
    except ScenarioError:
        return None


def _open(scenario: Scenario) -> None:
    session.replace(draft_from_scenario(scenario))


def _keep_aside(scenario: Scenario, label: str, mine: bool) -> None:
    st.session_state.persist_aside = {"param": encode(scenario), "label": label, "mine": mine}


def arrival(report: dict[str, Any]) -> None:
    """Bring back the work the browser kept, once per page load; a link opened wins.

    When a link is opened beside different work of the user's own, the link is
    shown and the user's work is kept aside, to bring back or compare.
    """
    if st.session_state.get("persist_heard"):
        return
    st.session_state.persist_heard = True
    drafts = report.get("drafts")
    if isinstance(drafts, str):
        st.session_state.persist_drafts = _drafts_of(drafts)
        for key in st.session_state.persist_drafts:
            st.session_state.pop(_box(key), None)  # drawn before the browser reported
    own_param = report.get("tab") or report.get("saved")
    own = _scenario(own_param)
    unreadable = bool(own_param) and own is None
    fragment = report.get("link")
    link: Scenario | None = None
    broken = ""
    if isinstance(fragment, str):
        try:
            link = read_link(fragment)
        except ScenarioError as error:
            broken = (
                f"This link could not be opened: {error}. "
                "Ask for the link again, or for the scenario file."
            )
            st.session_state.persist_message = ("error", broken)
        else:
            _open(link)
    else:
        link = _query_link()
    if PARAM in st.query_params:
        del st.query_params[PARAM]  # the address already lost it: a reload brings the work back
    earlier = _aside_of(report.get("aside"))
    if earlier is not None:
        st.session_state.persist_aside = earlier
    if link is not None:
        if own is not None and own != link:
            _keep_aside(own, OWN_WORK, mine=True)
            st.session_state.persist_message = (
                "info",
                "You opened a link: the plan shown is the link's. Your own work is kept "
                "aside, just below.",
            )
        return
    if own is not None:
        _open(own)
        st.session_state.persist_message = (
            ("error", f"{broken} Your own work is shown.")
            if broken
            else (
                "success",
                "Your work is back: it was kept in this browser (never on the server).",
            )
        )
    elif unreadable:
        st.session_state.persist_message = (
            "error",
            "The work kept in this browser could not be read back; it will be replaced "
            "when you edit. Open your scenario file if you have one.",
        )


def _aside_of(text: object) -> dict[str, Any] | None:
    """The copy kept aside as the browser stored it (``{"param", "label", "mine"}``)."""
    if not isinstance(text, str):
        return None
    try:
        data = json.loads(text)
    except ValueError:
        return None
    if not isinstance(data, dict) or _scenario(data.get("param")) is None:
        return None
    return {
        "param": data["param"],
        "label": str(data.get("label") or "a copy you kept aside on this device"),
        "mine": bool(data.get("mine", True)),
    }


def _drafts_of(text: str) -> dict[str, dict[str, str]]:
    try:
        data = json.loads(text)
    except ValueError:
        return {}
    if not isinstance(data, dict):
        return {}
    return {
        str(k): {"base": str(v.get("base", "")), "text": str(v.get("text", ""))}
        for k, v in data.items()
        if isinstance(v, dict)
    }


def _on_arrived() -> None:
    result = st.session_state.get(KEY) or {}
    report = result.get("arrived")
    if isinstance(report, dict):
        arrival(report)


# --- what the page asks the browser to do --------------------------------------------


def instructions(views: Views | None) -> dict[str, Any]:
    """The component's data for this run: report, store, or forget."""
    if st.session_state.get("persist_off"):
        return {"mode": "off"}
    if not st.session_state.get("persist_heard"):
        return {"mode": "load"}
    aside = st.session_state.get("persist_aside")
    drafts: dict[str, dict[str, str]] = st.session_state.get("persist_drafts") or {}
    for key, kept in drafts.items():  # what was typed since the last run (drawn below)
        typed = st.session_state.get(_box(key))
        if isinstance(typed, str) and typed != kept["text"]:
            drafts[key] = {**kept, "text": typed}
    return {
        "mode": "save",
        "work": views.link_param if views is not None else None,
        "aside": json.dumps(aside, ensure_ascii=False, sort_keys=True) if aside else None,
        "drafts": json.dumps(drafts, ensure_ascii=False, sort_keys=True) if drafts else None,
    }


def forget() -> None:
    st.session_state.persist_off = True
    st.session_state.persist_aside = None
    st.session_state.persist_drafts = {}
    st.session_state.persist_message = (
        "info",
        "Forgotten on this device: nothing of this plan is kept in this browser now. "
        "The page still shows it until you leave; download the scenario file to keep it.",
    )


def keep_again() -> None:
    st.session_state.persist_off = False
    st.session_state.persist_message = None


# --- the copy kept aside -------------------------------------------------------------


def aside() -> tuple[Scenario, dict[str, Any]] | None:
    kept = st.session_state.get("persist_aside")
    if not kept:
        return None
    scenario = _scenario(kept.get("param"))
    return (scenario, kept) if scenario is not None else None


def replace_keeping(scenario: Scenario, label_for_current: str, mine: bool) -> None:
    """Show ``scenario``; the work shown until now is kept aside (nothing is lost)."""
    current = session.last_scenario()
    if current is not None and current != scenario:
        _keep_aside(current, label_for_current, mine)
    _open(scenario)


def swap() -> None:
    """Bring back the copy kept aside; what was shown is kept aside in its place."""
    kept = aside()
    if kept is None:
        return
    scenario, info = kept
    if not info["mine"]:
        label = "your own work"
    elif info["label"] == OWN_WORK:  # kept aside when a link was opened: the link's is shown
        label = "the version from the link, as you left it"
    else:
        label = "the version you switched from"
    replace_keeping(scenario, label, mine=not info["mine"])
    st.session_state.persist_message = ("success", f"Back to {info['label']}.")


def discard_aside() -> None:
    st.session_state.persist_aside = None
    st.session_state.persist_message = None


# --- the page ------------------------------------------------------------------------


def render(views: Views | None) -> None:
    """The line that says where the work is kept, the forget button, the copy kept aside."""
    message = st.session_state.get("persist_message")
    if message:
        kind, text = message
        {"error": st.error, "success": st.success}.get(kind, st.info)(text)
    with st.container(horizontal=True, vertical_alignment="center", gap="small"):
        if st.session_state.get("persist_off"):
            st.caption("Not kept on this device: a reload starts afresh.")
            st.button("Keep my work on this device", key="persist_keep", on_click=keep_again)
        else:
            st.caption(
                "🔒 Kept in this browser only, never on the server: reload, go back or come "
                "back later, and your work is here."
            )
            st.button(
                "Forget this on this device",
                key="persist_forget",
                on_click=forget,
                type="secondary",
            )
    kept = aside()
    if kept is not None and views is not None:
        _aside_banner(views.scenario, *kept)


def keep(views: Views | None) -> None:
    """The component: drawn last, so that its report on a page load never cuts a run short."""
    _component(
        key=KEY,
        data=instructions(views),
        on_arrived_change=_on_arrived,
        width="content",
        height="content",
    )


def _take_into_own(result: Scenario, info: dict[str, Any]) -> None:
    if info["mine"]:  # your work was aside, the link's shown: the link's goes aside now
        replace_keeping(result, "the version from the link", mine=False)
    else:  # your work is shown: the link's stays aside, to take more of it later
        _open(result)
    st.session_state.persist_message = ("success", "Taken into your work.")


def _aside_banner(current: Scenario, kept: Scenario, info: dict[str, Any]) -> None:
    """The copy kept aside: bring it back, see what differs and take some, or discard it."""
    with st.container(border=True):
        st.markdown(f"**Kept aside: {info['label']}.** Nothing is lost until you discard it.")
        with st.container(horizontal=True):
            st.button("Bring it back", key="persist_swap", on_click=swap)
            st.button("Discard the copy kept aside", key="persist_discard", on_click=discard_aside)
        with st.expander("What differs, to take all or some of it"):
            mine, theirs = (kept, current) if info["mine"] else (current, kept)
            theirs_label = "the version shown" if info["mine"] else info["label"]
            into = info["label"] if info["mine"] else "your work"
            mentor.compare(
                mine,
                theirs,
                key="persist_aside_diff",
                theirs_label=theirs_label,
                into=into,
                on_take=lambda result: _take_into_own(result, info),
            )


# --- drafts of texts for the company ---------------------------------------------------


def _box(key: str) -> str:
    return f"draft_{key}"


def _regenerate(key: str, text: str) -> None:
    st.session_state.setdefault("persist_drafts", {})[key] = {"base": text, "text": text}
    st.session_state[_box(key)] = text


def draft_area(label: str, text: str, key: str, height: int = 260) -> None:
    """An editable draft that keeps the user's edits when the plan behind it changes.

    Untouched, it follows the plan. Edited, it stays as the user wrote it (through
    reruns, other offers, and a reload: it is kept with the work in the browser);
    when the plan's draft has changed since, the page says so, shows the new draft,
    and replaces the user's text only when asked, saying that the edits go.
    """
    drafts: dict[str, dict[str, str]] = st.session_state.setdefault("persist_drafts", {})
    box = _box(key)
    kept = drafts.get(key) or {"base": text, "text": text}
    if box in st.session_state:
        kept = {**kept, "text": str(st.session_state[box])}
    edited = kept["text"] != kept["base"]
    if not edited and kept["base"] != text:
        kept = {"base": text, "text": text}
        st.session_state[box] = text
    if box not in st.session_state:
        st.session_state[box] = kept["text"]
    if drafts.get(key) != kept:
        drafts[key] = kept
    st.text_area(label, key=box, height=height)
    if not edited:
        return
    if kept["base"] != text:
        st.warning(
            "The plan changed since you edited this draft: your edits are kept. "
            "The plan's new draft is below; taking it replaces your text and your edits "
            "are lost.",
            icon="✍️",
        )
        with st.expander("The plan's new draft"):
            st.code(text, language=None, wrap_lines=True)
        st.button(
            "Replace my text with the new draft (my edits are lost)",
            key=f"{box}_regenerate",
            on_click=_regenerate,
            args=(key, text),
        )
    else:
        st.button(
            "Start again from the plan's draft (my edits are lost)",
            key=f"{box}_regenerate",
            on_click=_regenerate,
            args=(key, text),
        )
