"""The replica server answers as the real sites would (URL scheme, bytes, headers)."""

from __future__ import annotations

import urllib.error
import urllib.request

import pytest

from delegation_crawler.replica import ReplicaRouter


def fetch(url: str):
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status, response.headers, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read()


def test_routes_real_urls_by_host(replica):
    router = ReplicaRouter(replica.url)
    status, headers, body = fetch(router.url_for("https://www.gyct.com.cn/xwzx/ctyw.htm"))
    assert status == 200 and headers["Content-Type"] == "text/html; charset=UTF-8"
    assert "p_pages" in body.decode("utf-8")
    assert fetch(router.url_for("https://www.gyct.com.cn/no/such/page.htm"))[0] == 404
    assert fetch(router.url_for("https://unknown.example.cn/"))[0] == 404
    assert fetch(f"{replica.url}/www.gyct.com.cn/../zgm/manifest.json")[0] == 404


def test_yybnet_mirrors_serve_the_same_page(replica, manifests):
    router = ReplicaRouter(replica.url)
    url = manifests["yybnet"]["articles"][0]["url"]
    bodies = {fetch(router.url_for(url.replace("://www.", f"://{host}")))[2] for host in ("www.", "m.", "")}
    assert len(bodies) == 1


def test_zgm_archive_is_gbk_with_a_gb2312_declaration(replica, manifests):
    router = ReplicaRouter(replica.url)
    archive = [a for a in manifests["zgm"]["articles"] if "/html/a/" in a["url"]]
    assert archive
    for article in archive:
        status, headers, body = fetch(router.url_for(article["url"]))
        assert b'charset=gb2312' in body
        assert article["title"] in body.decode("gb18030")
        with pytest.raises(UnicodeDecodeError):
            body.decode("utf-8")
        if article.get("charset_trap"):
            assert headers["Content-Type"] == "text/html; charset=utf-8"  # the header lies
        else:
            assert headers["Content-Type"] == "text/html"


def test_chaotian_pages_count_down(replica):
    router = ReplicaRouter(replica.url)
    first = fetch(router.url_for("https://www.gyct.com.cn/xwzx/ctyw.htm"))[2].decode()
    assert 'href="ctyw/2.htm">下页' in first and '<span class="p_t">1/3</span>' in first
    last = fetch(router.url_for("https://www.gyct.com.cn/xwzx/ctyw/1.htm"))[2].decode()
    assert '<span class="p_t">3/3</span>' in last and "p_next_d" in last
    assert 'href="../../info/' in last


def test_editions_serve_edited_pages(manifests):
    from delegation_crawler.replica import ReplicaServer

    edited = next(a for a in manifests["chaotian"]["articles"] if a.get("edited_in_edition"))
    with ReplicaServer(port=0) as server:
        url = ReplicaRouter(server.url).url_for(edited["url"])
        before = fetch(url)[2]
        server.edition = 2
        after = fetch(url)[2]
    assert before != after and "本文有更正".encode() in after


def test_index_page_lists_every_portal(replica):
    import urllib.request

    from delegation_crawler.portals import portal_names

    with urllib.request.urlopen(replica.url + "/", timeout=10) as reply:
        page = reply.read().decode("utf-8")
    assert reply.status == 200
    for name in portal_names():
        assert f"<b>{name}</b>" in page
    assert 'href="/www.zgm.cn/"' in page


def test_serve_command_logs_each_request(tmp_path):
    import socket
    import subprocess
    import sys
    import time
    import urllib.request

    from tests.conftest import REPO

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = subprocess.Popen([sys.executable, "-m", "delegation_crawler.replica", "serve", "--port", str(port)],
                              cwd=REPO, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline:
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{port}/www.gyct.com.cn/xwzx/ctyw.htm", timeout=5).read()
                break
            except OSError:
                time.sleep(0.2)
    finally:
        server.terminate()
        output = server.communicate(timeout=10)[0]
    assert "GET /www.gyct.com.cn/xwzx/ctyw.htm" in output
