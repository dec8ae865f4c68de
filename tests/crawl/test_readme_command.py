"""The README's first quick-start command, end to end."""

from __future__ import annotations

import json
import subprocess

from delegation_crawler.schema import validate_article
from tests.conftest import REPO, SCRAPY
from delegation_crawler.portals import portal_names


def readme_command(out, state):
    return subprocess.run(
        [*SCRAPY, "crawlall", "--replica", "-o", str(out), "-s", f"STATE_DIR={state}"],
        cwd=REPO, capture_output=True, text=True, timeout=600,
    )


def test_crawlall_replica_writes_valid_json_lines(tmp_path, manifests):
    out = tmp_path / "items.jsonl"
    proc = readme_command(out, tmp_path / "state")
    assert proc.returncode == 0, proc.stderr[-4000:]
    lines = out.read_text("utf-8").splitlines()
    records = [json.loads(line) for line in lines]
    for record in records:
        validate_article(record)
    assert {r["portal"] for r in records} == set(portal_names())
    assert len(records) == sum(len(m["articles"]) for m in manifests.values())
    # UTF-8, not ASCII-escaped
    assert "\\u" not in "".join(lines) and "党政代表团" in "".join(lines)
    # the per-portal summary
    for portal in portal_names():
        assert f"\n{portal} " in proc.stderr

    # Run again, as a schedule would: nothing new, the file keeps its articles and the summary says why.
    before = out.read_bytes()
    again = readme_command(out, tmp_path / "state")
    assert again.returncode == 0, again.stderr[-4000:]
    assert out.read_bytes() == before
    assert "0 new items" in again.stderr and "already stored" in again.stderr
