"""Command-line filter: repair stored text after an improvement to the repair library.

    python -m delegation_crawler.repair [--simplified] < in.jsonl > out.jsonl

Reads JSON Lines ``{"id": ..., "text": ...}`` on stdin and writes ``{"id": ..., "text":
<repaired>}`` (plus ``"text_simplified"`` with ``--simplified``) on stdout, one process for
the whole stream (the character model loads once). A line that is not such a record is
reported on stderr with its line number and skipped; the exit status is then 1.
"""

from __future__ import annotations

import argparse
import json
import sys

from delegation_crawler.text import repair, to_simplified


def _dump(record: dict) -> str:
    try:
        line = json.dumps(record, ensure_ascii=False)
        line.encode("utf-8")
        return line
    except UnicodeEncodeError:  # lone surrogates cannot be UTF-8: keep them as \\u escapes
        return json.dumps(record, ensure_ascii=True)


def process(lines, out, err, simplified: bool = False) -> tuple[int, int]:
    """Repair every record; returns (records written, lines rejected)."""
    written = rejected = 0
    for number, raw in enumerate(lines, start=1):
        if isinstance(raw, bytes):
            try:
                raw = raw.decode("utf-8")
            except UnicodeDecodeError as error:
                err.write(f"line {number}: not UTF-8 ({error})\n")
                rejected += 1
                continue
        if not raw.strip():
            continue
        try:
            record = json.loads(raw)
        except json.JSONDecodeError as error:
            err.write(f"line {number}: not JSON ({error})\n")
            rejected += 1
            continue
        if not isinstance(record, dict) or "id" not in record or not isinstance(record.get("text"), str):
            err.write(f'line {number}: expected an object with "id" and a string "text"\n')
            rejected += 1
            continue
        text = repair(record["text"]).text
        result = {"id": record["id"], "text": text}
        if simplified:
            result["text_simplified"] = to_simplified(text)
        out.write(_dump(result) + "\n")
        written += 1
    return written, rejected


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m delegation_crawler.repair",
        description="Repair the text of JSON Lines records {id, text} read on stdin.",
    )
    parser.add_argument("--simplified", action="store_true", help="add text_simplified (OpenCC t2s)")
    args = parser.parse_args(argv)
    out = open(sys.stdout.fileno(), "w", encoding="utf-8", closefd=False)
    _written, rejected = process(sys.stdin.buffer, out, sys.stderr, args.simplified)
    out.flush()
    return 1 if rejected else 0


if __name__ == "__main__":
    sys.exit(main())
