"""List the replica sites' article pages in the extraction corpus.

    python tests/data/extract/import_replicas.py

Reads ``delegation_crawler/replica/sites/<portal>/manifest.json``; for each article it
writes one ``replica.jsonl`` line pointing at the replica's own file (no copy) with the
manifest's ground truth (title, published, source, paragraphs). Chrome strings are read
from the page itself: link texts and section headings that are not part of the article.
Pages whose paragraphs are not in the HTML (rendered by script in a browser) are skipped
and listed, since no HTML extractor can see them.
"""

from __future__ import annotations

import html
import json
import re
import os
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[2]
sys.path.insert(0, str(ROOT))

from delegation_crawler.extract.decode import decode_html  # noqa: E402
from delegation_crawler.replica.server import load_sites  # noqa: E402

HEADINGS = ["相关新闻", "上一条", "下一条", "上一篇", "下一篇", "新闻推荐", "频道推荐", "热点阅读", "猜你喜欢",
            "网友评论", "设为首页", "分享到", "相关文章", "热门图文", "图文看点", "翠翠秀山APP", "读取内容中"]
_TAG = re.compile(r"<[^>]+>")
_SPACE = re.compile(r"\s+")
_ANCHOR = re.compile(r"<a\b[^>]*>(.*?)</a>", re.S | re.I)
_CJK = re.compile(r"[\u4e00-\u9fff]")


def _flat(text: str) -> str:
    return _SPACE.sub("", html.unescape(_TAG.sub("", text)))


def _shows_date(flat: str, published: str) -> bool:
    """Whether the page prints the publish day in any common spelling."""
    y, m, d = (int(x) for x in published[:10].split("-"))
    spellings = {f"{y}-{m:02d}-{d:02d}", f"{y}/{m}/{d}", f"{y}年{m:02d}月{d:02d}日", f"{y}年{m}月{d}日",
                 f"{y}-{m}-{d}", f"{y}.{m:02d}.{d:02d}", f"{y}/{m:02d}/{d:02d}"}
    return any(s in flat for s in spellings)


def main() -> int:
    lines, skipped = [], []
    sites = {site.portal: site for site in load_sites().values()}
    for portal, site in sorted(sites.items()):
        for article in site.manifest.get("articles", []):
            url = article["url"]
            path = re.sub(r"^https?://[^/]+", "", url) or "/"
            file = site.file_for(path, 1)
            if file is None:
                skipped.append(f"{url}: no file")
                continue
            raw = file.read_bytes()
            text, _ = decode_html(raw)
            flat = _flat(text)
            raw_text = _SPACE.sub("", html.unescape(text))  # gallery captions live in attributes
            paragraphs = [p for p in article.get("paragraphs", []) if p.strip()]
            missing = [p for p in paragraphs if _SPACE.sub("", p) not in raw_text]
            if not paragraphs or missing:
                skipped.append(f"{url}: {len(missing)} of {len(paragraphs)} paragraphs not in the HTML")
                continue
            body = "".join(_SPACE.sub("", p) for p in paragraphs) + _SPACE.sub("", article["title"])
            anchors = {_SPACE.sub(" ", html.unescape(_TAG.sub("", a))).strip() for a in _ANCHOR.findall(text)}
            chrome = sorted(a for a in anchors if len(_CJK.findall(a)) >= 4 and _SPACE.sub("", a) not in body)
            chrome += [h for h in HEADINGS if h in flat and h not in body]
            relative = Path(os.path.relpath(file, HERE))
            published = article.get("published")
            if published and not _shows_date(flat, published):
                published = None  # e.g. gallery pages: the date is only on the list page
            lines.append({
                "page": str(relative), "url": url, "template": f"replica-{portal}", "title": article["title"],
                "published": published,
                "published_precision": None if not published else "day" if "T00:00:00" in published else "minute",
                "source": article.get("source"), "paragraphs": paragraphs, "chrome": chrome,
            })
    with open(HERE / "replica.jsonl", "w", encoding="utf-8") as fh:
        for line in lines:
            fh.write(json.dumps(line, ensure_ascii=False) + "\n")
    print(f"wrote {len(lines)} replica pages; skipped {len(skipped)}")
    for line in skipped:
        print("  skipped " + line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
