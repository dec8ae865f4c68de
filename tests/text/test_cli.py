"""The repair CLI as users run it: one process over a JSON Lines stream."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

from delegation_crawler.repair import process

ROOT = Path(__file__).resolve().parents[2]


def run(stdin: bytes, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "delegation_crawler.repair", *args],
        input=stdin, capture_output=True, cwd=ROOT, timeout=120,
    )


def test_cli_repairs_a_stream_and_adds_simplified_text():
    records = [
        {"id": 1, "text": "自貢網(wǎng)記者?廖藍蕾"},
        {"id": "b", "text": "4月29日,,重慶市榮昌區"},
        {"id": 3, "text": ""},
    ]
    stdin = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records).encode("utf-8")
    done = run(stdin, "--simplified")
    assert done.returncode == 0, done.stderr
    lines = [json.loads(line) for line in done.stdout.decode("utf-8").splitlines()]
    assert lines == [
        {"id": 1, "text": "自貢網記者\u00a0廖藍蕾", "text_simplified": "自贡网记者\u00a0廖蓝蕾"},
        {"id": "b", "text": "4月29日,重慶市榮昌區", "text_simplified": "4月29日,重庆市荣昌区"},
        {"id": 3, "text": "", "text_simplified": ""},
    ]
    assert "廖藍蕾" in done.stdout.decode("utf-8")  # UTF-8 out, not \\u escapes


def test_cli_reports_bad_lines_and_keeps_going():
    stdin = b'not json\n{"id": 1}\n\xff\xfe\n{"id": 2, "text": "\xe7\xb6\xb2(w\xc7\x8eng)"}\n'
    done = run(stdin)
    assert done.returncode == 1
    assert [json.loads(line) for line in done.stdout.decode().splitlines()] == [{"id": 2, "text": "網"}]
    errors = done.stderr.decode()
    assert "line 1: not JSON" in errors and "line 2: expected" in errors and "line 3: not UTF-8" in errors


def test_process_escapes_lone_surrogates_instead_of_crashing():
    out, err = io.StringIO(), io.StringIO()
    written, rejected = process(['{"id": 1, "text": "a\\ud800b"}'], out, err)
    assert (written, rejected) == (1, 0)
    assert json.loads(out.getvalue()) == {"id": 1, "text": "a\ud800b"}
