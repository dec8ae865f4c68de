"""The pieces of an event: dates, officials, agreements, sites, script, bad input."""

from __future__ import annotations

import time
from datetime import date

import opencc
import pytest

from delegation_crawler.events import extract_event, find_agreements, find_sites
from delegation_crawler.events.dates import find_damaged, find_range, find_relative, parse_published


def _event(title, text, published="2022-05-20T10:00:00+08:00", **kw):
    return extract_event(title=title, text=text, published=published, **kw)


# -- dates ------------------------------------------------------------------------------
def test_range_within_a_month_and_across_months():
    assert find_range("4月16日至17日，广元市党政代表团", date(2024, 4, 18)) == (date(2024, 4, 16), date(2024, 4, 17))
    assert find_range("8月31日至9月2日，代表团", date(2021, 9, 5)) == (date(2021, 8, 31), date(2021, 9, 2))


def test_december_story_published_in_january():
    assert find_range("12月30日至31日，内江市", date(2023, 1, 4)) == (date(2022, 12, 30), date(2022, 12, 31))
    assert find_range("12月8日，巴中市", date(2021, 12, 9)) == (date(2021, 12, 8), date(2021, 12, 8))


def test_dateline_is_not_the_visit_date():
    assert find_range("本报宁波4月25日电 4月24日至25日，眉山市", date(2019, 4, 26))[0] == date(2019, 4, 24)


def test_dates_in_chinese_numerals():
    assert find_range("十二月八日至十日，巴中市党政代表团", date(2021, 12, 20)) == (date(2021, 12, 8), date(2021, 12, 10))
    assert find_range("三月二十九日，代表团", date(2021, 3, 31)) == (date(2021, 3, 29), date(2021, 3, 29))


def test_lost_month_and_relative_days():
    assert find_damaged("秀山网讯 97日，县委书记", date(2020, 9, 9)) == (date(2020, 9, 7), date(2020, 9, 7))
    assert find_relative("本报讯 昨日，凉山州党政代表团", date(2019, 8, 15)) == (date(2019, 8, 14), date(2019, 8, 14))


def test_publish_time_formats():
    assert parse_published("2020/9/9 18:21:58") == date(2020, 9, 9)
    assert parse_published("2017-07-29T07:34:00+08:00") == date(2017, 7, 29)
    assert parse_published("not a date") is None
    assert parse_published(None) is None


def test_no_year_without_publish_time():
    event = _event("巴中市党政代表团到自贡市考察", "12月8日，巴中市党政代表团到自贡市考察。", published=None)
    assert event["is_delegation_visit"] and event["start_date"] is None


# -- officials --------------------------------------------------------------------------
def test_region_carries_over_and_sides_follow_places():
    event = _event("巴中市党政代表团到我市考察",
                   "5月19日，巴中市党政代表团到我市考察。巴中市委书记何平，市委副书记喻在岗参加。"
                   "自贡市委书记范波，市委副书记、市长曾洪扬陪同。", home_place="510300")
    sides = {(x["name"], x["side"]) for x in event["leaders"]}
    assert sides == {("何平", "visitor"), ("喻在岗", "visitor"), ("范波", "host"), ("曾洪扬", "host")}
    titles = {x["name"]: x["title"] for x in event["leaders"]}
    assert titles["何平"] == "巴中市委书记" and titles["曾洪扬"] == "市委副书记、市长"


def test_unplaced_title_is_the_portals_own_side():
    event = _event("秀山县考察团赴合川区考察",
                   "5月18日，县委书记向业顺率考察团赴合川区考察学习。合川区委书记李应兰陪同。", home_place="500241")
    sides = {(x["name"], x["side"]) for x in event["leaders"]}
    assert sides == {("向业顺", "visitor"), ("李应兰", "host")}


def test_names_with_a_middle_dot_and_leader_lists():
    event = _event("广元市党政代表团赴哈密考察",
                   "5月16日，广元市党政代表团赴新疆维吾尔自治区哈密市考察。哈密市委副书记、市长吾拉木江·热依木出席活动。"
                   "广元市领导曹建奎、龙兆学，哈密市领导潘瑞参加。")
    names = {(x["name"], x["side"]) for x in event["leaders"]}
    assert {("吾拉木江·热依木", "host"), ("曹建奎", "visitor"), ("龙兆学", "visitor"), ("潘瑞", "host")} <= names


# -- agreements and sites ---------------------------------------------------------------
def test_cited_and_earlier_documents_are_not_agreements():
    lines = ["围绕《新疆维吾尔自治区人民政府四川省人民政府战略合作框架协议》议定事项，共商合作。",
             "去年两市签署的《川南合作协议》成效明显。",
             "座谈会上，两市签署了《共建工业协作示范园框架协议》和《人才交流合作备忘录》。",
             "希望以此次签署《框架协议》为新起点。",
             "两市相关部门还签署了旅游、物流等5个专项合作协议。",
             "两市政府签署战略合作协议。"]
    assert find_agreements(lines) == ["共建工业协作示范园框架协议", "人才交流合作备忘录", "战略合作协议"]


def test_sites_from_itinerary_sentences():
    assert find_sites(["代表团先后前往东方锅炉股份有限公司、自贡航空产业园、川南新材料产业基地等，详细了解情况。"]) == [
        "东方锅炉股份有限公司", "自贡航空产业园", "川南新材料产业基地"]
    assert find_sites(["代表团实地考察了哈密陆港型国家物流枢纽、清电硅业等。"]) == ["哈密陆港型国家物流枢纽", "清电硅业"]


# -- script, classification and bad input -----------------------------------------------
def test_traditional_input_gives_simplified_fields():
    s2t = opencc.OpenCC("s2t")
    text = "12月8日，巴中市党政代表团到我市考察，两市签署了《共建工业协作示范园框架协议》。巴中市委书记何平，市委副书记喻在岗参加。"
    event = _event(s2t.convert("巴中市党政代表团到我市考察"), s2t.convert(text), published="2021-12-09", home_place="510300")
    assert event["visitor"]["name"] == "巴中市"
    assert event["agreements"] == ["共建工业协作示范园框架协议"]
    assert {x["name"] for x in event["leaders"]} == {"何平", "喻在岗"}


@pytest.mark.parametrize("title,text,reason_word", [
    ("美国客商考察团到我市企业参观", "5月10日，美国客商考察团一行到东方锅炉参观。", "foreign"),
    ("范波到富顺县调研", "5月10日，市委书记范波到富顺县调研。", "own territory"),
    ("川渝媒体采访团走进我市", "5月10日，川渝网络媒体采访团来我市采访。", ""),
])
def test_not_visits(title, text, reason_word):
    event = _event(title, text, home_place="510300")
    assert event["is_delegation_visit"] is False
    assert event["visitor"] is None and event["leaders"] == []
    assert reason_word in event["reason"]


def test_bad_input_is_a_clear_error_or_an_empty_result_in_bounded_time():
    with pytest.raises(TypeError):
        extract_event(title=b"bytes", text="x", published=None)
    assert extract_event(title="", text="", published=None)["reason"] == "empty article"
    junk = "\x00\ufffd<table>" * 300_000 + "在到来赴" * 200_000
    start = time.perf_counter()
    event = extract_event(title="x", text=junk, published="garbage")
    assert event["is_delegation_visit"] is False
    assert time.perf_counter() - start < 5


def test_a_namesake_district_is_settled_by_its_city():
    event = _event("北京市朝阳区党政代表团到我市考察", "5月10日，北京市朝阳区党政代表团到我市考察。", home_place="510300")
    assert event["visitor"] == {"name": "北京市朝阳区", "code": "110105", "level": "county", "province": "北京市"}
