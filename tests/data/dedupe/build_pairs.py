"""Build the labelled pair set (pairs.jsonl) from the seed texts and handwritten.txt.

Run from the repository root: ``python tests/data/dedupe/build_pairs.py [SEEDS_DIR]``.
Output is deterministic (fixed random seed) and committed, so the quality test does not
depend on the shared seeds folder. Bases: the five seeds (repaired as the repair pipeline
does), handwritten.txt, and the replica sites' visit articles. Duplicates are generated
variants of one base text (script change with pinyin residue, punctuation width, chrome,
edits, truncation, reflow) and the replicas' real cross-portal reposts; distinct pairs are
two different stories on the same topic (every pair of visit articles), with or without
shared chrome.
"""

from __future__ import annotations

import itertools
import json
import random
import re
import sys
from pathlib import Path

import opencc
from pypinyin import Style, pinyin

HERE = Path(__file__).parent
SEED = 20261121
RNG = random.Random(SEED)
T2S, S2T = opencc.OpenCC("t2s"), opencc.OpenCC("s2t")
PINYIN = re.compile(r"\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]+\)")

# Seed file, first and last body line (prefixes), and the repairs the repair pipeline makes.
SEED_BODIES = {
    "seed000": ("000_54cda5ca0dd2751a.txt", "12月8日", "巴中市、自貢市相關", {"當?shù)馗刹咳罕姷慕豢诜Q贊": "當地干部群眾的交口稱贊"}),
    "seed001": ("001_cff38797c6928161.txt", "自貢網訊", "榮昌區領導", {",,": ",", ",、": "、", ",。": "。", "、,": "、", "。,": "。"}),
    "seed002": ("002_a53d50f8d4c75885.txt", "7月28日下午", "成都市人大常委会主任", {}),
    "seed003": ("003_044381c29e18b771.txt", "本报哈密电", "广元市领导曹建奎", {}),
    "seed004": ("004_29e6a95d79ed7dd2.txt", "秀山網訊", "合川區領導", {"97日": "9月7日"}),
}

CHROME = {
    "yybnet": (
        ["成都新闻 新都新闻 温江新闻 双流新闻 郫都新闻 简阳新闻 都江堰新闻", "地方网 > 四川 > 成都市 > 成都新闻 > 正文",
         "来源:四川日报 2021-12-09 07:34   https://www.yybnet.net/"],
        ["新闻推荐", "笨笨的天空", "成都新闻,新鲜有料。可以走尽是天涯,难以品尽是故乡。距离成都再远也不是问题。世界很大,期待在此相遇。",
         "相关新闻:", "猜你喜欢:", "频道推荐", "热点阅读"],
    ),
    "chaotian": (
        ["设为首页 收藏本站", "朝天人大网 朝天政府网 朝天政协网 朝天政法 微朝天 书记信箱", "当前位置: 首页>>资讯>>政务要闻>>广元要闻>>正文",
         "分享到:", "时间:2024年04月18日 11:12   来源:广元日报   阅读:"],
        ["上一条:我市海绵城市建设从局部探路转向全域推进", "下一条:“游大美蜀道 品广元好茶”兰州推介会举行", "相关新闻",
         "广元市朝天区融媒体中心  电话:0839-8621937  邮编:628012"],
    ),
    "zgm": (
        ["自贡网记者 廖蓝蕾 陈凡逸 摄影 罗祥瑞"],
        ["编辑:王娉婷", "责任编辑:马莉莎", "0"],
    ),
}


def clean_seed(seeds: Path, name: str) -> str:
    file, first, last, fixes = SEED_BODIES[name]
    lines = (seeds / file).read_text(encoding="utf-8").splitlines()
    bare = [PINYIN.sub("", line) for line in lines]
    start = next(i for i, line in enumerate(bare) if line.startswith(PINYIN.sub("", first)))
    end = next(i for i, line in enumerate(bare) if line.startswith(PINYIN.sub("", last)))
    text = "\n".join(line.strip() for line in lines[start : end + 1] if line.strip())
    for bad, good in fixes.items():
        text = text.replace(bad, good)
    return T2S.convert(PINYIN.sub("", text))


def handwritten() -> dict[str, tuple[str, str]]:
    articles, current = {}, None
    for line in (HERE / "handwritten.txt").read_text(encoding="utf-8").splitlines():
        if line.startswith("#"):
            continue
        if line.startswith("=== "):
            _, ident, group = line.split()
            current = articles[ident] = [group, []]
        elif line.strip():
            current[1].append(line.strip())
    return {k: (g, "\n".join(p)) for k, (g, p) in articles.items()}


def sentences(paragraph: str) -> list[str]:
    return [s for s in re.split(r"(?<=[。!?;])", paragraph) if s]


# --- variants: each takes a simplified base text and returns a repost of it ---------------------

def script_change(text: str) -> str:
    """Traditional script with pinyin residue after some characters, as mirrors show it."""
    out = []
    for ch in S2T.convert(text):
        out.append(ch)
        if "\u4e00" <= ch <= "\u9fff" and RNG.random() < 0.04:
            out.append(f"({pinyin(ch, style=Style.TONE)[0][0]})")
    return "".join(out)


def punctuation_width(text: str) -> str:
    table = str.maketrans({",": ",", ";": ";", ":": ":", "(": "(", ")": ")", "?": "?", "!": "!"})
    text = text.translate(table)
    return re.sub(r"([,。])", lambda m: m.group(1) * 2 if RNG.random() < 0.15 else m.group(1), text)


def with_chrome(text: str, portal: str) -> str:
    head, tail = CHROME[portal]
    return "\n".join([*head, text, *tail])


def edit_sentence(text: str, donor: str) -> str:
    """Two sentences replaced by sentences of another story."""
    for _ in range(2):
        paragraphs = text.split("\n")
        i = RNG.randrange(len(paragraphs))
        parts = sentences(paragraphs[i])
        parts[RNG.randrange(len(parts))] = RNG.choice(sentences(donor.replace("\n", "")))
        paragraphs[i] = "".join(parts)
        text = "\n".join(paragraphs)
    return text


def drop_paragraph(text: str) -> str:
    paragraphs = text.split("\n")
    if len(paragraphs) >= 4:
        del paragraphs[RNG.randrange(1, len(paragraphs) - 1)]
        return "\n".join(paragraphs)
    parts = sentences(text)
    del parts[RNG.randrange(1, len(parts) - 1)]
    return "".join(parts)


def truncate(text: str) -> str:
    keep = int(len(text) * RNG.uniform(0.5, 0.8))
    cut = max(text.rfind("。", 0, keep), keep // 2)
    return text[: cut + 1] + "……"


def reflow(text: str) -> str:
    return " ".join(text.split("\n")).replace("。", "。 ", 3)


def added_lead(text: str) -> str:
    return "(本报记者 宋俊康 摄)本报讯(记者 王悦良)" + text + "\n(来源:" + RNG.choice(["四川日报", "广元日报", "自贡日报"]) + ")"


REPLICA_SITES = HERE.parents[2] / "delegation_crawler" / "replica" / "sites"


def replica_visits() -> dict[str, tuple[str, str]]:
    """Visit articles of the replica sites, keyed by manifest key; group = the true story."""
    found = {}
    for manifest in sorted(REPLICA_SITES.glob("*/manifest.json")):
        for article in json.loads(manifest.read_text("utf-8"))["articles"]:
            if article["kind"] == "visit":
                _, _, seed = article["key"].partition("-repost-")
                found[article["key"]] = (f"seed-{seed}" if seed else article["key"], "\n".join(article["paragraphs"]))
    return found


def build(seeds: Path) -> list[dict]:
    RNG.seed(SEED)
    bases = {name: ("seed" + name[4:], clean_seed(seeds, name)) for name in SEED_BODIES}
    bases.update(handwritten())
    donors = list(bases)
    pairs = []

    def pair(label, kind, a_id, a, b_id, b):
        pairs.append({"label": label, "kind": kind, "a_id": a_id, "b_id": b_id, "a": a, "b": b})

    for (ident, (group, text)), draw in itertools.product(bases.items(), range(3)):
        donor = bases[RNG.choice([d for d in donors if d != ident])][1]
        variants = {
            "script_change": script_change(text),
            "punctuation": punctuation_width(text),
            "chrome": with_chrome(text, RNG.choice(list(CHROME))),
            "edited_sentence": edit_sentence(text, donor),
            "dropped_paragraph": drop_paragraph(text),
            "truncated": truncate(text),
            "reflowed": reflow(text),
            "lead_added": added_lead(text),
            "script_chrome_edit": with_chrome(script_change(edit_sentence(text, donor)), RNG.choice(list(CHROME))),
        }
        for kind, variant in variants.items():
            pair("duplicate", kind, ident, text, f"{ident}~{kind}~{draw}", variant)
    for (a_id, (a_group, a)), (b_id, (b_group, b)) in itertools.combinations(bases.items(), 2):
        kind = "same_topic_other_story" if a_group == b_group else "other_story"
        pair("distinct", kind, a_id, a, b_id, b)
        if a_group == b_group:
            portal = RNG.choice(list(CHROME))
            pair("distinct", "same_chrome_other_story", a_id, with_chrome(a, portal), b_id, with_chrome(b, portal))
            pair("distinct", "script_change_other_story", a_id, a, b_id, script_change(b))
    # Last, so the seed-based pairs above do not change when the replica sites do.
    replica = replica_visits()
    for (a_id, (a_story, a)), (b_id, (b_story, b)) in itertools.combinations(replica.items(), 2):
        if a_story == b_story:
            pair("duplicate", "replica_cross_portal_repost", a_id, a, b_id, b)
        else:
            pair("distinct", "replica_other_visit", a_id, a, b_id, b)
    replica_texts = [text for _, text in replica.values()]
    for a_id, (_, text) in replica.items():
        donor = RNG.choice([t for t in replica_texts if t != text])
        pair("duplicate", "replica_script_chrome_edit", a_id, text, a_id + "~script_chrome_edit",
             with_chrome(script_change(edit_sentence(text, donor)), RNG.choice(list(CHROME))))
        pair("duplicate", "replica_truncated", a_id, text, a_id + "~truncated", truncate(text))
    return pairs


def main() -> None:
    seeds = Path(sys.argv[1]) if len(sys.argv) > 1 else HERE.parents[3] / "shared" / "seeds"
    pairs = build(seeds)
    with open(HERE / "pairs.jsonl", "w", encoding="utf-8") as out:
        for p in pairs:
            out.write(json.dumps(p, ensure_ascii=False) + "\n")
    print(f"{len(pairs)} pairs written")


if __name__ == "__main__":
    main()
