"""``crawlall`` writes its output the way ``scrapy crawl`` does: ``-`` is stdout, and the feed
URI parameters ``%(name)s`` (one file per spider) and ``%(time)s`` (one file per run) apply."""

from __future__ import annotations

import json
import subprocess

from tests.conftest import REPO, SCRAPY


def crawlall(tmp_path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([*SCRAPY, "crawlall", "--replica", "--spiders", "chaotian,xiushan",
                           "-s", f"STATE_DIR={tmp_path / 'state'}", *args],
                          cwd=REPO, capture_output=True, text=True, timeout=300)


def test_dash_is_stdout(tmp_path):
    done = crawlall(tmp_path, "-o", "-:jsonlines")
    assert done.returncode == 0, done.stderr[-3000:]
    rows = [json.loads(line) for line in done.stdout.splitlines()]
    assert {row["portal"] for row in rows} == {"chaotian", "xiushan"} and len(rows) > 30
    assert not list(REPO.glob("stdout*")) and not list(tmp_path.glob("stdout*"))


def test_name_and_time_parameters(tmp_path):
    done = crawlall(tmp_path, "-O", str(tmp_path / "out" / "%(name)s-%(time)s.jsonl"))
    assert done.returncode == 0, done.stderr[-3000:]
    files = sorted((tmp_path / "out").glob("*.jsonl"))
    assert [f.name.split("-", 1)[0] for f in files] == ["chaotian", "xiushan"]
    assert all("%(" not in f.name and f.name.split("-", 1)[1][:2] == "20" for f in files)
    for f in files:
        assert {json.loads(line)["portal"] for line in f.read_text("utf-8").splitlines()} == {f.name.split("-")[0]}
