"""The tested reverse proxy: deploy/nginx.conf in front of the app, both on loopback.

Starts the app and nginx (with a temporary prefix, the repository's site
configuration and only the ports changed), then checks what a visitor gets
through the proxy: the page and the health check work, the security headers are
on every answer, server statistics are not reachable, oversized bodies, floods
and WebSockets from other origins are refused. Without nginx these tests skip
with the reason; when the CI variable is set, a missing nginx is an error.
"""

from __future__ import annotations

import base64
import http.client
import os
import shutil
import socket
import subprocess
import tempfile
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from playwright.sync_api import Browser

from devtools.browser import free_port, running_app, wait_idle

ROOT = Path(__file__).resolve().parent.parent
SITE = ROOT / "deploy" / "nginx.conf"


def nginx_path() -> str | None:
    for candidate in (os.environ.get("NGINX"), shutil.which("nginx"), "/usr/sbin/nginx"):
        if candidate and Path(candidate).exists():
            return candidate
    return None


NO_NGINX = "no nginx: install Debian's nginx (apt-get install nginx) to test deploy/nginx.conf"
if nginx_path() is None:
    if os.environ.get("CI"):
        raise pytest.UsageError(f"CI is set but the proxy tests cannot run: {NO_NGINX}")
    pytestmark = pytest.mark.skip(reason=NO_NGINX)


MAIN_CONF = """
daemon off;
worker_processes 1;
pid {prefix}/nginx.pid;
error_log {prefix}/error.log info;
events {{ worker_connections 256; }}
http {{
    client_body_temp_path {prefix}/body;
    proxy_temp_path {prefix}/proxy;
    fastcgi_temp_path {prefix}/fastcgi;
    uwsgi_temp_path {prefix}/uwsgi;
    scgi_temp_path {prefix}/scgi;
    include {prefix}/planner.conf;
}}
"""


def site_config(app_port: int, proxy_port: int) -> str:
    """The repository's configuration with only its two ports changed."""
    text = SITE.read_text()
    assert text.count("server 127.0.0.1:8501;") == 1
    assert text.count("listen 127.0.0.1:8080;") == 1
    return text.replace("server 127.0.0.1:8501;", f"server 127.0.0.1:{app_port};").replace(
        "listen 127.0.0.1:8080;", f"listen 127.0.0.1:{proxy_port};"
    )


def get(
    url: str, method: str = "GET", body: bytes | None = None
) -> tuple[int, dict[str, str], bytes]:
    request = urllib.request.Request(url, data=body, method=method)
    try:
        with urllib.request.urlopen(request, timeout=10) as answer:
            return answer.status, dict(answer.headers.items()), answer.read()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers.items()), error.read()


@pytest.fixture(scope="module")
def app() -> Iterator[str]:
    with running_app() as url:
        yield url


@pytest.fixture(scope="module")
def proxy(app: str) -> Iterator[str]:
    """nginx with deploy/nginx.conf on a free loopback port, in front of the app."""
    app_port = int(app.rstrip("/").rsplit(":", 1)[1])
    proxy_port = free_port()
    with tempfile.TemporaryDirectory(prefix="planner-nginx-") as prefix:
        os.chmod(prefix, 0o755)  # nginx's workers may run as another user
        (Path(prefix) / "planner.conf").write_text(site_config(app_port, proxy_port))
        (Path(prefix) / "nginx.conf").write_text(MAIN_CONF.format(prefix=prefix))
        command = [nginx_path() or "nginx", "-p", prefix, "-c", f"{prefix}/nginx.conf"]
        checked = subprocess.run(
            [*command, "-t", "-e", f"{prefix}/error.log"], capture_output=True, check=False
        )
        assert checked.returncode == 0, checked.stderr.decode()
        process = subprocess.Popen(
            [*command, "-e", f"{prefix}/error.log"],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
        )
        url = f"http://127.0.0.1:{proxy_port}/"
        try:
            deadline = time.monotonic() + 20
            while True:
                try:
                    if get(url + "_stcore/health")[2] == b"ok":
                        break
                except OSError:
                    pass
                assert process.poll() is None, process.stderr.read().decode()  # type: ignore[union-attr]
                assert time.monotonic() < deadline, "nginx did not start"
                time.sleep(0.1)
            yield url
        finally:
            process.terminate()  # SIGTERM: nginx's fast shutdown
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
            if process.stderr:
                process.stderr.close()


def assert_security_headers(headers: dict[str, str]) -> None:
    policy = headers["Content-Security-Policy"]
    directives: dict[str, str] = {}
    for part in policy.split(";"):
        name, _, sources = part.strip().partition(" ")
        if name:
            directives[name] = sources.strip()
    assert directives["default-src"] == "'self'"
    assert directives["frame-ancestors"] == "'none'"
    assert directives["connect-src"] == "'self'"
    assert directives["object-src"] == "'none'"
    for name, sources in directives.items():
        for source in sources.split():
            assert source in ("'self'", "'none'", "'unsafe-inline'", "data:", "blob:") or (
                source.startswith("'sha256-") and name == "script-src"
            ), f"{name} allows {source}"
    assert "'unsafe-inline'" not in directives["script-src"]
    assert headers["X-Frame-Options"] == "DENY"
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert headers["Referrer-Policy"] == "no-referrer"


def test_the_page_works_through_the_proxy_with_the_security_headers(proxy: str) -> None:
    status, headers, body = get(proxy + "?plan=1.abc")

    assert status == 200
    assert b"<noscript>" in body or b'<div id="root"' in body
    assert_security_headers(headers)
    assert "Server" not in headers or "/" not in headers["Server"]  # no version given away


def test_the_health_check_and_assets_work_through_the_proxy(proxy: str) -> None:
    status, headers, body = get(proxy + "_stcore/health")
    assert (status, body) == (200, b"ok")
    assert_security_headers(headers)

    page = get(proxy)[2].decode()
    script = page.split('src="./', 1)[1].split('"', 1)[0]
    status, headers, body = get(proxy + script)
    assert status == 200
    assert len(body) > 1000
    assert_security_headers(headers)


def test_the_inline_script_hash_in_the_policy_is_the_one_streamlit_serves(proxy: str) -> None:
    import hashlib
    import re

    page = get(proxy)[2].decode()
    policy = get(proxy)[1]["Content-Security-Policy"]

    for inline in re.findall(r"<script>(.*?)</script>", page, re.S):
        digest = base64.b64encode(hashlib.sha256(inline.encode()).digest()).decode()
        assert f"'sha256-{digest}'" in policy


@pytest.mark.parametrize(
    "path",
    [
        "_stcore/metrics",
        "_stcore/metrics/",
        "_stcore//metrics",
        "_stcore/%6detrics",
        "_stcore/./metrics",
        "_stcore/metrics?families=session_events",
        "_stcore/agent/openapi.json",
    ],
)
def test_server_statistics_are_not_reachable_through_the_proxy(
    app: str, proxy: str, path: str
) -> None:
    direct = get(app + "_stcore/metrics")[0]

    status, headers, body = get(proxy + path)

    assert direct == 200  # the app itself serves them: blocking them is the proxy's job
    assert status in (403, 404)
    assert b"session" not in body
    assert_security_headers(headers)


def test_request_bodies_are_limited(proxy: str) -> None:
    assert get(proxy, method="POST", body=b"x" * 100_000)[0] == 413
    upload = proxy + "_stcore/upload_file/session/file"
    assert get(upload, method="PUT", body=b"x" * 6_000_000)[0] == 413


def websocket_handshake(proxy: str, origin: str | None) -> int:
    host = proxy.split("//", 1)[1].rstrip("/")
    key = base64.b64encode(os.urandom(16)).decode()
    lines = [
        "GET /_stcore/stream HTTP/1.1",
        f"Host: {host}",
        "Upgrade: websocket",
        "Connection: Upgrade",
        f"Sec-WebSocket-Key: {key}",
        "Sec-WebSocket-Version: 13",
        "Sec-WebSocket-Protocol: streamlit",
    ]
    if origin:
        lines.append(f"Origin: {origin}")
    address, port = host.split(":")
    with socket.create_connection((address, int(port)), timeout=10) as connection:
        connection.sendall(("\r\n".join(lines) + "\r\n\r\n").encode())
        status_line = connection.recv(4096).split(b"\r\n", 1)[0]
    return int(status_line.split()[1])


def test_websockets_are_proxied_from_the_app_origin_only(proxy: str) -> None:
    same_origin = proxy.rstrip("/")

    assert websocket_handshake(proxy, same_origin) == 101
    assert websocket_handshake(proxy, "http://evil.example") == 403
    assert websocket_handshake(proxy, same_origin + ".evil.example") == 403


@pytest.mark.browser
def test_the_app_runs_in_a_browser_under_the_policy_with_no_violations(
    proxy: str, browser: Browser
) -> None:
    from planner.share import encode
    from tests.builders import make_scenario, offer, term

    link = proxy + "?plan=" + encode(make_scenario([term("Base salary")], [offer("Northwind")]))
    messages: list[str] = []
    hosts: set[str] = set()
    page = browser.new_page()
    try:
        page.on("console", lambda message: messages.append(message.text))
        page.on("request", lambda request: hosts.add(request.url.split("/")[2]))
        page.goto(link)
        wait_idle(page)
        page.get_by_text("Northwind").first.wait_for()
        # The component that keeps the work in the browser has loaded and stored it.
        page.locator('span[data-persist="save"]').wait_for(state="attached")
    finally:
        page.close()

    assert not [m for m in messages if "Content Security Policy" in m or "Refused to" in m]
    assert hosts == {proxy.split("/")[2]}


def test_a_flood_of_requests_is_slowed_down(proxy: str) -> None:
    """Last in the file: the burst allowance takes a few seconds to drain afterwards."""
    host, port = proxy.split("//", 1)[1].rstrip("/").split(":")

    def flood(_: int) -> list[int]:
        statuses = []
        connection = http.client.HTTPConnection(host, int(port), timeout=30)
        try:
            for _ in range(60):
                connection.request("GET", "/_stcore/health")
                answer = connection.getresponse()
                answer.read()
                statuses.append(answer.status)
        finally:
            connection.close()
        return statuses

    with ThreadPoolExecutor(max_workers=8) as pool:
        statuses = [status for batch in pool.map(flood, range(8)) for status in batch]

    assert 200 in statuses
    assert 429 in statuses
    assert set(statuses) <= {200, 429}
