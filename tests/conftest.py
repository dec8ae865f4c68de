from __future__ import annotations

import uuid

import pytest

from tests import services


def pytest_addoption(parser):
    parser.addoption("--fuzz-minutes", type=float, default=None,
                     help="time for the random fuzzing rounds of tests/fuzz (default: 2 s per target)")


@pytest.fixture
def fuzz_seconds(request) -> float:
    minutes = request.config.getoption("--fuzz-minutes")
    from tests.fuzz.test_fuzz import TARGETS

    return 2.0 if minutes is None else minutes * 60 / len(TARGETS)


@pytest.fixture(scope="session")
def pg_dsn():
    """DSN of a fresh PostgreSQL database for this test session (dropped afterwards)."""
    dsn, name = services.create_database()
    yield dsn
    services.drop_database(name)


@pytest.fixture
def fresh_pg_dsn():
    """DSN of a fresh PostgreSQL database for one test."""
    dsn, name = services.create_database()
    yield dsn
    services.drop_database(name)


@pytest.fixture
def redis_url():
    """URL of the real Redis server plus a unique key prefix; keys with it are deleted after."""
    client = services.redis_client()
    prefix = f"dc_test:{uuid.uuid4().hex[:12]}:"
    yield services.REDIS_URL, prefix
    keys = list(client.scan_iter(match=prefix + "*"))
    if keys:
        client.delete(*keys)


# --- replica crawls ------------------------------------------------------------------------------

import json  # noqa: E402
import subprocess  # noqa: E402
import sys  # noqa: E402
from pathlib import Path  # noqa: E402

REPO = Path(__file__).resolve().parents[1]
# The scrapy of the interpreter running the tests (the project's .venv), whatever PATH holds.
SCRAPY = [sys.executable, "-m", "scrapy"]
SEEDS = REPO.parent / "shared" / "seeds"


@pytest.fixture(scope="session")
def replica():
    """The bundled replica server on a free loopback port."""
    from delegation_crawler.replica import ReplicaServer

    with ReplicaServer(port=0) as server:
        yield server


def run_crawl(tmp_path: Path, spiders: list[str], settings: dict, spider_args: dict | None = None, timeout: int = 300) -> dict:
    """Crawl in a subprocess; return {spider: {"items": [...], "stats": {...}}}."""
    out = tmp_path / f"crawl-{uuid.uuid4().hex[:8]}.json"
    proc = subprocess.run(
        [sys.executable, "-m", "tests.crawl_runner", str(out), ",".join(spiders), json.dumps(settings),
         json.dumps(spider_args or {})],
        cwd=REPO, capture_output=True, text=True, timeout=timeout,
    )
    assert proc.returncode == 0 and out.exists(), proc.stderr[-4000:]
    return json.loads(out.read_text("utf-8"))


@pytest.fixture(scope="session")
def replica_crawl(replica, tmp_path_factory):
    """One crawl of every portal's replica (the project's default pipelines), shared by tests."""
    return run_crawl(
        tmp_path_factory.mktemp("crawl"), ["zgm", "yybnet", "chaotian", "xiushan"],
        {"REPLICA_URL": replica.url, "STATE_DIR": str(tmp_path_factory.mktemp("state"))},
    )


@pytest.fixture(scope="session")
def manifests():
    from delegation_crawler.replica.server import SITES_DIR

    return {p.parent.name: json.loads(p.read_text("utf-8")) for p in SITES_DIR.glob("*/manifest.json")}


@pytest.fixture(scope="session")
def seed_expectations():
    path = SEEDS / "expected.jsonl"
    if not path.exists():
        pytest.skip(f"the seed expectations are not at {path} (../shared/seeds beside the repo)")
    return [json.loads(line) for line in path.read_text("utf-8").splitlines() if line.strip()]
