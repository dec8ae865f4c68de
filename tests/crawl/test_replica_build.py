"""The committed replica is what its builder makes, byte for byte (issue 10, item 9)."""

from __future__ import annotations

import filecmp
from pathlib import Path

import pytest

from delegation_crawler.replica import build

COMMITTED = Path(build.__file__).resolve().parent / "sites"


def _tree(root: Path) -> dict[str, Path]:
    return {str(path.relative_to(root)): path for path in sorted(root.rglob("*")) if path.is_file()}


def test_build_reproduces_the_committed_replica(tmp_path):
    if not build.SEEDS_DIR.is_dir():
        pytest.skip(f"the seed articles are not at {build.SEEDS_DIR} (../shared/seeds beside the repo)")
    build.main(["--out", str(tmp_path)])
    built, committed = _tree(tmp_path), _tree(COMMITTED)
    assert sorted(built) == sorted(committed)
    differing = [name for name in built if not filecmp.cmp(built[name], committed[name], shallow=False)]
    assert differing == [], "rebuild the replica (python -m delegation_crawler.replica.build) and commit it"


def test_build_without_the_seeds_says_where_they_belong(tmp_path, monkeypatch, capsys):
    monkeypatch.setattr(build, "SEEDS_DIR", tmp_path / "nowhere")
    with pytest.raises(SystemExit) as stopped:
        build.main(["--out", str(tmp_path / "out")])
    assert stopped.value.code == 2
    assert "shared/seeds" in capsys.readouterr().err
