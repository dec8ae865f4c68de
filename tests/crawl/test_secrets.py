"""Passwords in DSNs and Redis URLs never reach the crawl's log."""

from __future__ import annotations

import subprocess

import pytest

from delegation_crawler.secrets import mask
from tests.conftest import REPO, SCRAPY


@pytest.mark.parametrize("text, masked", [
    ("postgresql://crawler:s3cret@db:5432/warehouse", "postgresql://crawler:***@db:5432/warehouse"),
    ("redis://:r3dis@127.0.0.1:6379/0", "redis://:***@127.0.0.1:6379/0"),
    ("host=db user=crawler password=s3cret dbname=w", "host=db user=crawler password=*** dbname=w"),
    ("{'PG_DSN': 'postgresql://u:p%40ss@h/d'}", "{'PG_DSN': 'postgresql://u:***@h/d'}"),
    ("https://www.zgm.cn/content/61b0a1c000001", "https://www.zgm.cn/content/61b0a1c000001"),
    ("postgresql://postgres@127.0.0.1/delegation", "postgresql://postgres@127.0.0.1/delegation"),
])
def test_mask(text, masked):
    assert mask(text) == masked


def test_a_crawl_log_holds_no_password(tmp_path):
    done = subprocess.run([*SCRAPY, "crawl", "chaotian", "-s", "PG_DSN=postgresql://crawler:s3cretpw@127.0.0.1:9/x",
                           "-s", "REDIS_URL=redis://:r3dispw@127.0.0.1:9/0", "-s", f"STATE_DIR={tmp_path}",
                           "-s", "REPLICA_URL=http://127.0.0.1:9", "-s", "RETRY_TIMES=0", "-o", str(tmp_path / "x.jsonl")],
                          cwd=REPO, capture_output=True, text=True, timeout=120)
    log = done.stdout + done.stderr
    assert "postgresql://crawler:***@127.0.0.1:9/x" in log  # the DSN is named, for the operator
    assert "s3cretpw" not in log and "r3dispw" not in log
