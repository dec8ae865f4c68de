"""Speed of repair() against ftfy.fix_text on the same mixed text, in the same run.

Two inputs of a few MB each, as paragraphs (the pipeline repairs field by field):
* "as published": the five seed articles' lines (damaged traditional, clean simplified,
  site chrome) and English paragraphs — the portals' real damage rate;
* "heavy damage": the same plus, for every prose paragraph, copies with programmatic damage
  (a mojibake path, a lost GBK byte, doubled commas) — a damaged run every ~3 KB.
Each tool runs on every paragraph, the tools alternating, best of --repeat by CPU time
(process time: the machine is shared, wall time swings with other jobs). Also times the
bad-input cases (10 MB strings).

    python bench/repair.py [--mb 3] [--repeat 2]
"""

from __future__ import annotations

import argparse
import random
import re
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

try:
    import ftfy  # noqa: E402
except ImportError:
    sys.exit("bench/repair.py compares against ftfy, a bench extra: .venv/bin/pip install -e '.[bench]'")

from delegation_crawler.text import corruption, repair  # noqa: E402
from delegation_crawler.text.lm import model  # noqa: E402

SEEDS = ROOT.parent / "shared" / "seeds"
ENGLISH = (
    "The delegation visited the industrial park on December 8 (2021), signed a cooperation "
    "framework agreement and met local officials. See https://www.zgm.cn/content/623de7e866c6d "
    "for details. Why does it matter? Growth reached 7.2% in Q3, according to the DEA report."
)
HAN = r"\u4e00-\u9fff"
DAMAGE_LEFT = {
    "pinyin residue": re.compile(rf"[{HAN}]\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]+\)"),
    "? between Han": re.compile(rf"[{HAN}] ?\? ?[{HAN}]"),
    "doubled punctuation": re.compile(r"[,，][,，、。]"),
    "misaligned runs": re.compile("馗刹咳罕姷慕豢诜|楊\\?。\\?"),
    "U+FFFD": re.compile("\ufffd"),
}


def mixed_paragraphs(megabytes: float, heavy: bool) -> list[str]:
    texts = [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))]
    if not texts:
        sys.exit(f"no seed texts in {SEEDS}")
    rng = random.Random(1)
    clean = corruption.clean_paragraphs(texts)
    paragraphs = [line for text in texts for line in text.splitlines() if line.strip()]
    paragraphs += [ENGLISH] * max(1, len(paragraphs) // 4)
    for paragraph in clean if heavy else []:
        paragraphs.append(corruption.mojibake_span(paragraph, rng, rng.choice(
            ["utf8_as_gbk", "gbk_as_latin1", "utf8_as_latin1"])))
        paragraphs.append(corruption.drop_gbk_byte(paragraph, rng))
        paragraphs.append(corruption.insert_doubled_commas(paragraph, rng))
    out, size = [], 0
    while size < megabytes * 1e6:
        paragraph = rng.choice(paragraphs)
        out.append(paragraph)
        size += len(paragraph.encode("utf-8")) + 1
    return out


def _ten_megabytes(text: str) -> str:
    repeated = text * (int(10e6 / len(text.encode("utf-8"))) + 1)
    return repeated[: int(len(repeated) * 10e6 / len(repeated.encode("utf-8")))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=float, default=3.0, help="size of the mixed input")
    parser.add_argument("--repeat", type=int, default=2)
    args = parser.parse_args()

    start = time.perf_counter()
    model()
    print(f"character model ready in {time.perf_counter() - start:.1f} s (once per process)\n")

    tools = {
        "repair()": lambda ps: [repair(p).text for p in ps],
        "ftfy.fix_text": lambda ps: [ftfy.fix_text(p) for p in ps],
    }
    texts = {}
    for label, heavy in (("as published", False), ("heavy damage", True)):
        paragraphs = mixed_paragraphs(args.mb, heavy)
        text = texts[label] = "\n".join(paragraphs)
        megabytes = len(text.encode("utf-8")) / 1e6
        results = {}
        for _ in range(args.repeat):  # alternate the tools so both see the same machine load
            for name, function in tools.items():
                start, cpu_start = time.perf_counter(), time.process_time()
                output = "\n".join(function(paragraphs))
                seconds, cpu = time.perf_counter() - start, time.process_time() - cpu_start
                if name not in results or cpu < results[name][1]:
                    results[name] = (seconds, cpu, output)
        print(f"input {label!r}: {megabytes:.2f} MB in {len(paragraphs)} paragraphs, best of {args.repeat}\n")
        header = "| tool | wall s | CPU s | MB/s (CPU) | " + " | ".join(f"{k} left" for k in DAMAGE_LEFT) + " |"
        print(header)
        print("| --- |" + " ---: |" * (header.count("|") - 2))
        counts = {k: len(p.findall(text)) for k, p in DAMAGE_LEFT.items()}
        print("| (input) | | | | " + " | ".join(str(v) for v in counts.values()) + " |")
        for name, (seconds, cpu, output) in results.items():
            left = " | ".join(str(len(p.findall(output))) for p in DAMAGE_LEFT.values())
            print(f"| {name} | {seconds:.2f} | {cpu:.2f} | {megabytes / cpu:.2f} | {left} |")
        ratio = results["ftfy.fix_text"][1] / results["repair()"][1]
        print(f"\nrepair() speed / ftfy speed (CPU time): {ratio:.2f}\n")

    rng = random.Random(2)
    garbage = bytes(rng.getrandbits(8) for _ in range(10_000_000))
    bad = {
        "10 MB of text as published, one string": _ten_megabytes(texts["as published"]),
        "10 MB of heavily damaged text, one string": _ten_megabytes(texts["heavy damage"]),
        "10 MB binary garbage read as Latin-1": garbage.decode("latin-1"),
        "10 MB binary garbage read as GBK": garbage.decode("gbk", errors="replace"),
        "1 MB lone surrogates and controls": "".join(
            chr(rng.choice([rng.randrange(0xD800, 0xE000), rng.randrange(0, 32), 0x4E2D, 0x3F]))
            for _ in range(1_000_000)
        ),
    }
    print("| large or bad input | characters | wall s | CPU s | MB/s (CPU) |")
    print("| --- | ---: | ---: | ---: | ---: |")
    for name, sample in bad.items():
        start, cpu_start = time.perf_counter(), time.process_time()
        repair(sample)
        seconds, cpu = time.perf_counter() - start, time.process_time() - cpu_start
        size = len(sample.encode("utf-8", "surrogatepass")) / 1e6
        print(f"| {name} | {len(sample):,} | {seconds:.2f} | {cpu:.2f} | {size / cpu:.2f} |")


if __name__ == "__main__":
    main()
