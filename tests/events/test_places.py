"""The gazetteer reads the packaged division data: codes, levels, parents, short names."""

from __future__ import annotations

import pytest

from delegation_crawler.places import by_code, gazetteer


@pytest.mark.parametrize("name,code,level,province", [
    ("重庆市荣昌区", "500153", "county", "重庆市"),
    ("荣昌区", "500153", "county", "重庆市"),
    ("秀山土家族苗族自治县", "500241", "county", "重庆市"),
    ("秀山县", "500241", "county", "重庆市"),
    ("哈密市", "650500", "prefecture", "新疆维吾尔自治区"),
    ("广元市朝天区", "510812", "county", "四川省"),
    ("巴中市", "511900", "prefecture", "四川省"),
    ("攀枝花", "510400", "prefecture", "四川省"),
    ("凉山州", "513400", "prefecture", "四川省"),
    ("四川省", "510000", "province", "四川省"),
    ("新疆维吾尔自治区哈密市", "650500", "prefecture", "新疆维吾尔自治区"),
])
def test_names_resolve_to_codes(name, code, level, province):
    place = gazetteer().resolve(name)
    assert place is not None, name
    assert (place.code, place.level, place.province) == (code, level, province)


def test_canonical_names_qualify_districts_only():
    assert by_code("500117").canonical_name == "重庆市合川区"
    assert by_code("510812").canonical_name == "广元市朝天区"
    assert by_code("500241").canonical_name == "秀山土家族苗族自治县"
    assert by_code("510300").canonical_name == "自贡市"


def test_parents_and_containment():
    g = gazetteer()
    chaotian, guangyuan, sichuan = g.get("510812"), g.get("510800"), g.get("510000")
    assert chaotian.parent == "510800" and guangyuan.parent == "510000"
    assert guangyuan.contains(chaotian) and sichuan.contains(chaotian)
    assert not chaotian.contains(guangyuan)
    assert g.get("500241").parent == "500000"  # a municipality's county hangs on the municipality


def test_namesakes_need_context():
    g = gazetteer()
    assert g.lookup("朝阳区") is None  # Beijing's or Changchun's: ambiguous alone
    beijing = g.get("110000")
    assert g.lookup("朝阳区", within=beijing).code == "110105"


def test_old_names_and_newer_divisions():
    g = gazetteer()
    assert g.resolve("铜梁县", year=2013).code == "500224"  # a county until 2014
    assert g.resolve("铜梁区").code == "500151"
    assert g.resolve("和安县").code == "653229"  # created Dec 2024, in the 2024 list


def test_codes_and_unknowns():
    g = gazetteer()
    assert g.resolve("510300").name == "自贡市"
    assert g.resolve("999999") is None
    assert g.resolve("不是地名") is None
    assert g.resolve("") is None


def test_the_cached_place_index_answers_as_a_fresh_build(tmp_path, monkeypatch):
    from delegation_crawler.places import Gazetteer

    monkeypatch.setenv("DELEGATION_CRAWLER_CACHE_DIR", str(tmp_path))
    built = Gazetteer.cached()  # builds and writes the pickle
    assert len(list(tmp_path.iterdir())) == 1
    loaded = Gazetteer.cached()  # reads it back
    assert loaded is not built and loaded.by_code == built.by_code
    for name in ("荣昌", "秀山县", "广元市朝天区", "蓉"):
        assert loaded.candidates(name) == built.candidates(name)
    assert [p.code for _, _, p in loaded.mentions("舟山市普陀区党政代表团来扶余考察")] == ["330903", "220781"]
    assert loaded.from_url("http://example.com/news/gansu/1.htm").code == "620000"
    next(tmp_path.iterdir()).write_bytes(b"not a pickle")
    assert Gazetteer.cached().by_code == built.by_code  # a broken cache is rebuilt
