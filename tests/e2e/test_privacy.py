"""Privacy and isolation in a real browser: own host only, nothing kept, sessions apart."""

from __future__ import annotations

import os
import time
from pathlib import Path
from urllib.parse import urlsplit

from playwright.sync_api import Browser, Page, expect

from devtools.browser import (
    ROOT,
    field,
    open_app,
    open_sample,
    running_app,
    tab,
    type_into,
    wait_idle,
)
from planner import read_scenario_bytes
from planner.catalog import sample_files
from planner.share import encode

SALES = read_scenario_bytes(sample_files()["Account executive offers"].read_bytes())
ENGINEER = read_scenario_bytes(sample_files()["Two engineering offers"].read_bytes())
SECRET_NOTE = "ZQX-recruiter-said-4711"
SECRET_VALUE = "7654321"


def test_two_sessions_opened_from_two_links_stay_apart_through_reruns(
    browser: Browser, app_url: str
) -> None:
    first = browser.new_context(viewport={"width": 1400, "height": 1000}).new_page()
    second = browser.new_context(viewport={"width": 1400, "height": 1000}).new_page()
    open_app(first, f"{app_url}?plan={encode(SALES)}")
    open_app(second, f"{app_url}?plan={encode(ENGINEER)}")

    tab(first, "③ Offers")
    type_into(first, field(first, "o0", "t0", "Their offer"), "91000")
    tab(second, "③ Offers")
    type_into(second, field(second, "o0", "t0", "Their offer"), "77000")
    tab(first, "④ Plan")
    tab(second, "④ Plan")

    expect(first.get_by_text("91,000 USD a year")).not_to_have_count(0)
    expect(second.get_by_text("77,000 EUR a year")).not_to_have_count(0)
    first_text = first.content()
    second_text = second.content()
    assert "Acme Cloud" not in first_text
    assert "77,000" not in first_text
    assert "Brightline Software" not in second_text
    assert "91,000" not in second_text
    first.context.close()
    second.context.close()


def test_the_page_asks_no_host_but_its_own(page: Page, app_url: str) -> None:
    hosts: set[str] = set()
    page.on("request", lambda request: hosts.add(urlsplit(request.url).netloc or request.url[:5]))
    page.on("websocket", lambda socket: hosts.add(urlsplit(socket.url).netloc))

    open_app(page, app_url)
    for name in ("② Your terms", "③ Offers", "④ Plan", "⑤ Share & export"):
        tab(page, name)
        wait_idle(page)
    with page.expect_download():
        page.get_by_role("button", name="Comparison (.csv)").click()
    page.wait_for_load_state("networkidle")

    own = urlsplit(app_url).netloc
    assert hosts - {"data:", "blob:"} == {own}


def _files_under(folder: Path, since: float) -> list[Path]:
    found = []
    for path in folder.rglob("*"):
        parts = set(path.relative_to(folder).parts)
        if parts & {".venv", ".git", "node_modules"} or not path.is_file():
            continue
        if path.stat().st_mtime >= since:
            found.append(path)
    return found


def test_nothing_typed_is_written_to_disk_or_to_the_log(browser: Browser, tmp_path: Path) -> None:
    home, temp = tmp_path / "home", tmp_path / "tmp"
    home.mkdir()
    temp.mkdir()
    log = tmp_path / "server.log"
    start = time.time()
    env = {"HOME": str(home), "TMPDIR": str(temp)}

    with running_app(env=env, output=log) as url:
        page = browser.new_context(viewport={"width": 1400, "height": 1000}).new_page()
        open_app(page, url)
        open_sample(page)
        tab(page, "③ Offers")
        type_into(page, field(page, "o0", "t0", "Their offer"), SECRET_VALUE)
        type_into(page, field(page, "o0", "t1", "🔒 Private note"), SECRET_NOTE)
        tab(page, "④ Plan")
        expect(page.get_by_text("7,654,321 USD a year")).not_to_have_count(0)
        tab(page, "⑤ Share & export")
        page.get_by_text("Preview the brief").click()
        expect(page.get_by_text(SECRET_NOTE)).not_to_have_count(0)
        page.context.close()

    written = _files_under(home, start) + _files_under(temp, start) + _files_under(ROOT, start)
    for path in written:
        content = path.read_bytes()
        assert SECRET_NOTE.encode() not in content, path
        assert SECRET_VALUE.encode() not in content, path
    server_log = log.read_text(errors="replace")
    assert SECRET_NOTE not in server_log
    assert SECRET_VALUE not in server_log
    assert "Traceback" not in server_log
    assert os.environ.get("HOME") != str(home)
