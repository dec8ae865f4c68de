"""Article records for warehouse tests, built like the pipelines build them."""

from __future__ import annotations

import dataclasses
import hashlib
import random
import socket

from delegation_crawler.items import Article

PLACES = [
    ("511900", "巴中市", "四川省"), ("510300", "自贡市", "四川省"), ("500153", "重庆市荣昌区", "重庆市"),
    ("510400", "攀枝花市", "四川省"), ("510100", "成都市", "四川省"), ("510800", "广元市", "四川省"),
    ("650500", "哈密市", "新疆维吾尔自治区"), ("500241", "秀山土家族苗族自治县", "重庆市"),
]


def place(code: str) -> dict:
    for c, name, province in PLACES:
        if c == code:
            return {"name": name, "code": c, "level": "county" if c[4:] != "00" else "city", "province": province}
    raise KeyError(code)


def article(n: int, *, portal: str = "zgm", visit: bool = True, story: str | None = None,
            body: str | None = None, **overrides) -> dict:
    """Article ``n`` as a plain dict; deterministic in ``n``."""
    rng = random.Random(n)
    visitor, host = rng.sample(PLACES, 2)
    day = 1 + n % 28
    body = body if body is not None else f"第{n}篇。{visitor[1]}党政代表团到{host[1]}考察。" * (1 + n % 5)
    title = f"{visitor[1]}党政代表团到{host[1]}考察 {n}"
    record = Article(
        url=f"https://www.{portal}.example/content/{n:08d}",
        portal=portal,
        fetched_at=f"2024-05-{day:02d}T10:{n % 60:02d}:00+08:00",
        title=title,
        body=body,
        published=f"2021-{1 + n % 12:02d}-{day:02d}T09:30:00+08:00",
        published_precision="minute",
        source="自贡日报",
        authors=["廖蓝蕾"],
        photographers=["罗祥瑞"] if n % 2 else [],
        editors=["王娉婷"],
        images=[{"url": f"https://img.example/{n}.jpg", "caption": "签约现场"}],
        repairs={"pinyin_residue": n % 3},
        title_simplified=title,
        body_simplified=body,
        content_hash=hashlib.sha256(body.encode()).hexdigest()[:32],
        story_id=story or f"story-{n}",
        revision=1,
        event={
            "is_delegation_visit": visit,
            "visitor": place(visitor[0]),
            "host": place(host[0]),
            "start_date": f"2021-{1 + n % 12:02d}-{day:02d}",
            "end_date": f"2021-{1 + n % 12:02d}-{day:02d}",
            "leaders": [{"name": "何平", "title": "市委书记", "side": "visitor"},
                        {"name": "范波", "title": "市长", "side": "host"}],
            "agreements": ["共建工业协作示范园框架协议"] if n % 2 else [],
            "sites": ["东方锅炉股份有限公司", "自贡航空产业园"],
            "activities": ["考察", "座谈"],
            "confidence": 0.9,
        } if visit else {"is_delegation_visit": False},
    )
    record = dataclasses.asdict(record)
    record.update(overrides)
    return record


def dead_dsn() -> str:
    """A DSN on a loopback port nothing listens on (connection refused at once)."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    return f"postgresql://postgres@127.0.0.1:{port}/nowhere"
