"""``scrapy check`` runs every portal spider's contracts against the replicas, and fails when
the pages are not there."""

from __future__ import annotations

import re
import subprocess

import pytest

from delegation_crawler.portals import portal_names
from tests.conftest import REPO, SCRAPY


@pytest.mark.parametrize("name", portal_names())
def test_scrapy_check_passes_on_the_replica(replica, name):
    done = subprocess.run([*SCRAPY, "check", name, "-s", f"REPLICA_URL={replica.url}"],
                          cwd=REPO, capture_output=True, text=True, timeout=180)
    assert done.returncode == 0, done.stderr[-3000:]
    ran = re.search(r"Ran (\d+) contracts", done.stderr)
    assert ran and int(ran[1]) >= 5 and "\nOK" in done.stderr  # list: requests + items; article: items, requests, fields


def test_scrapy_check_fails_without_the_pages():
    done = subprocess.run([*SCRAPY, "check", "chaotian", "-s", "REPLICA_URL=http://127.0.0.1:9"],
                          cwd=REPO, capture_output=True, text=True, timeout=180)
    assert done.returncode == 1 and "FAILED" in done.stderr
