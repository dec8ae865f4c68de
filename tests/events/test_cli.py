"""``python -m delegation_crawler.events``: JSON Lines in, one event line per record out."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from delegation_crawler.events.__main__ import main

RECORD = {"id": "a1", "title": "巴中市党政代表团到我市考察", "published": "2021-12-09T10:00:00+08:00",
          "text": "12月8日，巴中市党政代表团到我市考察。巴中市委书记何平参加，自贡市委书记范波陪同。",
          "url": "https://www.zgm.cn/content/61b1", "portal": "zgm"}


def test_files_in_and_out(tmp_path: Path, capsys):
    src = tmp_path / "in.jsonl"
    src.write_text("\n".join([json.dumps(RECORD, ensure_ascii=False), "{broken",
                              json.dumps({"id": "n1", "title": "全市工作会召开", "text": "会议强调。"}, ensure_ascii=False)]),
                   encoding="utf-8")
    out = tmp_path / "out.jsonl"
    status = main([str(src), "-o", str(out)])
    assert status == 1  # one bad line
    assert "line 2" in capsys.readouterr().err
    rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [r["id"] for r in rows] == ["a1", "n1"]
    assert rows[0]["host"]["code"] == "510300"  # 我市 via portal zgm
    assert rows[0]["start_date"] == "2021-12-08"
    assert rows[1]["is_delegation_visit"] is False
    assert "巴中市" in out.read_text(encoding="utf-8")  # UTF-8, not \u escapes


def test_stdin_to_stdout():
    done = subprocess.run([sys.executable, "-m", "delegation_crawler.events"], input=json.dumps(RECORD, ensure_ascii=False),
                          capture_output=True, text=True, encoding="utf-8", timeout=120,
                          cwd=Path(__file__).resolve().parents[2])
    assert done.returncode == 0, done.stderr
    row = json.loads(done.stdout)
    assert row["id"] == "a1" and row["visitor"]["code"] == "511900"


def test_the_cli_repairs_its_input_unless_told_not_to(tmp_path: Path):
    damaged = {"id": "d1", "title": "巴中市黨政代表團(tuán)到我市考察", "published": "2021-12-09T10:00:00+08:00",
               "text": "12月8日，巴中市黨政代表團(tuán)到自貢考察。巴中市委書記何(hé)平參加，自貢市委書記範(fàn)波陪同。",
               "source": "自贡网"}
    src = tmp_path / "in.jsonl"
    src.write_text(json.dumps(damaged, ensure_ascii=False), encoding="utf-8")
    for flags, names in (([], {"何平", "范波"}), (["--no-repair"], set())):
        out = tmp_path / "out.jsonl"
        assert main([str(src), "-o", str(out), *flags]) == 0
        row = json.loads(out.read_text(encoding="utf-8"))
        assert row["visitor"]["code"] == "511900" and row["host"]["code"] == "510300"  # 我市 via source 自贡网
        assert {l["name"] for l in row["leaders"]} & {"何平", "范波"} == names


def test_the_page_debug_cli_reads_the_event_as_the_crawl_does():
    page = Path(__file__).resolve().parents[2] / "delegation_crawler/replica/sites/zgm/files/content/61b0a1c41b112"
    done = subprocess.run([sys.executable, "-m", "delegation_crawler.extract", str(page), "--url",
                           "https://www.zgm.cn/content/61b0a1c41b112"], capture_output=True, text=True,
                          encoding="utf-8", timeout=120, cwd=Path(__file__).resolve().parents[2])
    assert done.returncode == 0, done.stderr
    event = json.loads(done.stdout)["event"]
    assert event["is_delegation_visit"] and (event["visitor"]["code"], event["host"]["code"]) == ("511900", "510300")
    assert {"何平", "范波", "曾洪扬"} <= {l["name"] for l in event["leaders"]}  # repaired (範/曾洪揚 in the page)
