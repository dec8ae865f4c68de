"""A user's mistake gets one clear line and exit 1, no traceback, and no output file touched."""

from __future__ import annotations

import subprocess

import pytest

from tests.conftest import REPO, SCRAPY


@pytest.mark.parametrize("command, says", [
    (["crawl", "generic"], "generic: the generic spider needs -a start_url=URL"),
    (["crawl", "chaotian", "-a", "max_pages=abc"], "chaotian: -a max_pages must be a whole number"),
    (["crawl", "xiushan", "-a", "since=yesterday"], "xiushan: -a since must be a date like 2024-01-31"),
    (["crawlall", "--spiders", "chaotian", "-a", "max_pages=abc"], "chaotian: -a max_pages must be a whole number"),
])
def test_bad_arguments_say_so_in_one_line(tmp_path, command, says):
    out = tmp_path / "items.jsonl"
    out.write_text("earlier\n", encoding="utf-8")
    done = subprocess.run([*SCRAPY, *command, "-O", str(out), "-s", f"STATE_DIR={tmp_path / 'state'}",
                           "-s", "REPLICA_URL=http://127.0.0.1:9"],
                          cwd=REPO, capture_output=True, text=True, timeout=120)
    assert done.returncode == 1
    assert says in done.stderr
    assert "Traceback" not in done.stderr and "never retrieved" not in done.stderr
    assert out.read_text(encoding="utf-8") == "earlier\n"


def test_a_missing_browser_is_an_error_naming_the_fix(tmp_path):
    """zgm's column lists need Chromium; without it the crawl used to lose 18 of 24 articles with a warning."""
    done = subprocess.run([*SCRAPY, "crawl", "zgm", "-s", 'PLAYWRIGHT_LAUNCH_OPTIONS={"executable_path": "/nonexistent/chromium"}',
                           "-s", f"STATE_DIR={tmp_path}", "-s", "REPLICA_URL=http://127.0.0.1:9", "-o", str(tmp_path / "x.jsonl")],
                          cwd=REPO, capture_output=True, text=True, timeout=120)
    assert done.returncode == 1
    assert "no Chromium was found" in done.stderr and "apt-get install chromium" in done.stderr
    assert "Traceback" not in done.stderr


def test_an_unknown_spider_names_the_spiders_there_are():
    done = subprocess.run([*SCRAPY, "crawl", "nosuch"], cwd=REPO, capture_output=True, text=True, timeout=60)
    assert done.returncode == 2
    assert "no spider 'nosuch'; the spiders are: chaotian, generic, xiushan, yybnet, zgm" in done.stderr


def test_genspider_keeps_scrapys_basic_template_beside_ours():
    listed = subprocess.run([*SCRAPY, "genspider", "-l"], cwd=REPO, capture_output=True, text=True, timeout=60)
    assert listed.returncode == 0 and {"basic", "portal"} <= set(listed.stdout.split())
    dumped = subprocess.run([*SCRAPY, "genspider", "-d", "basic"], cwd=REPO, capture_output=True, text=True, timeout=60)
    assert dumped.returncode == 0 and "class $classname(scrapy.Spider)" in dumped.stdout


def test_a_default_run_says_once_that_postgresql_is_off(tmp_path):
    done = subprocess.run([*SCRAPY, "crawlall", "--replica", "--spiders", "chaotian", "-s", f"STATE_DIR={tmp_path}",
                           "-o", str(tmp_path / "x.jsonl")], cwd=REPO, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr[-2000:]
    assert "WARNING: Disabled" not in done.stderr  # was 8 lines
    assert done.stderr.count("PostgreSQL warehouse off") == 1
