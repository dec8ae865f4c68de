"""Fixtures for dedupe tests: one store factory per backend, texts from the labelled set."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from delegation_crawler.dedupe import Params, PostgresStore, RedisStore, SQLiteStore

DATA = Path(__file__).parents[1] / "data" / "dedupe"
BACKENDS = ["sqlite", pytest.param("postgres", marks=pytest.mark.services), pytest.param("redis", marks=pytest.mark.services)]


@pytest.fixture(scope="session")
def texts() -> dict[str, str]:
    """Base texts and generated variants of the labelled set, by id."""
    found = {}
    with open(DATA / "pairs.jsonl", encoding="utf-8") as fh:
        for line in fh:
            pair = json.loads(line)
            found[pair["a_id"]] = pair["a"]
            found[pair["b_id"]] = pair["b"]
    return found


@pytest.fixture(params=BACKENDS)
def backend(request, tmp_path) -> dict:
    """Where one backend keeps its state: enough to open it again (as another run would)."""
    if request.param == "sqlite":
        return {"kind": "sqlite", "path": str(tmp_path / "state" / SQLiteStore.FILENAME)}
    if request.param == "postgres":
        return {"kind": "postgres", "dsn": request.getfixturevalue("fresh_pg_dsn")}
    url, prefix = request.getfixturevalue("redis_url")
    return {"kind": "redis", "url": url, "prefix": prefix}


def open_backend(backend: dict, params: Params | None = None):
    params = params or Params()
    if backend["kind"] == "sqlite":
        return SQLiteStore(backend["path"], params)
    if backend["kind"] == "postgres":
        return PostgresStore(backend["dsn"], params)
    return RedisStore(backend["url"], params, prefix=backend["prefix"])


@pytest.fixture
def store(backend):
    opened = open_backend(backend)
    yield opened
    opened.close()
