"""The character model's on-disk cache gives the same model as a fresh build."""

from __future__ import annotations

import os

from delegation_crawler.text import lm


def test_cached_model_matches_a_fresh_build(tmp_path, monkeypatch):
    monkeypatch.setenv("DELEGATION_CRAWLER_CACHE_DIR", str(tmp_path))
    lm.model.cache_clear()
    try:
        built = lm.model()
        assert len(os.listdir(tmp_path)) == 1
        lm.model.cache_clear()
        loaded = lm.model()
        assert loaded is not built
        for prev, ch in [("當", "地"), ("干", "部"), ("楊", "俊"), ("x", "馗"), ("，", "。")]:
            assert loaded.cost(prev, ch) == built.cost(prev, ch)
        assert loaded.t2s == built.t2s
    finally:
        lm.model.cache_clear()


def test_a_corrupt_cache_is_rebuilt(tmp_path, monkeypatch):
    monkeypatch.setenv("DELEGATION_CRAWLER_CACHE_DIR", str(tmp_path))
    path = lm._cache_path()
    with open(path, "wb") as out:
        out.write(b"not a pickle")
    lm.model.cache_clear()
    try:
        assert lm.model().cost("當", "地") < 10
    finally:
        lm.model.cache_clear()
