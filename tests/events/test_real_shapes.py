"""Shapes of real reports the rules once missed (issue: events on real reports).

Each case is written here in our own words in the shape the real set showed: a record with no
portal, an abbreviated destination, a province visiting a province, a visitor named only
through its leader, a paper named only in the text, dates told as durations or datelines.
"""

from __future__ import annotations

from datetime import date

from delegation_crawler.events import extract_event
from delegation_crawler.events.dates import date_in_url, find_range
from delegation_crawler.events.visits import VisitLinker


def _event(title, text, published=None, **kw):
    return extract_event(title=title, text=text, published=published, **kw)


def test_host_pronoun_resolved_from_the_paper_named_in_the_text():
    event = _event("齐河县党政考察团来我县参观考察",
                   "【报纸名称】临泉日报\n6月5日，齐河县委书记王明带领齐河党政考察团来我县参观考察。县委书记李强陪同。",
                   "2020-06-06")
    assert event["is_delegation_visit"] and event["visitor"]["code"] == "371425"
    assert event["host"]["code"] == "341221"
    assert {(l["name"], l["side"]) for l in event["leaders"]} == {("王明", "visitor"), ("李强", "host")}


def test_host_pronoun_resolved_from_the_place_the_story_keeps_naming():
    event = _event("乌兰察布市党政代表团来我市考察",
                   "8月2日，乌兰察布市党政代表团来我市考察。市委书记张华陪同。代表团参观了张家口高新区。"
                   "张华说，张家口与乌兰察布山水相连。", "2021-08-03")
    assert (event["visitor"]["code"], event["host"]["code"]) == ("150900", "130700")
    assert ("张华", "host") in {(l["name"], l["side"]) for l in event["leaders"]}


def test_an_unresolvable_side_is_still_a_visit_with_a_null_code():
    event = _event("代表团来我县考察", "3月2日，齐河县党政考察团来我县考察交流。", "2020-03-03")
    assert event["is_delegation_visit"] is True
    assert event["visitor"]["code"] == "371425"
    assert event["host"]["code"] is None and event["host"]["name"] == "我县"
    assert "host not resolved" in event["reason"]


def test_one_character_destination_resolved_against_the_places_the_text_names():
    event = _event("武隆区考察团来璧考察", "5月22日，武隆区政协副主席陈丽率考察团来璧，就城市建设进行考察。"
                   "区政协主席刘强陪同。考察团参观了璧山区规划馆。", "2023-05-23")
    assert (event["visitor"]["code"], event["host"]["code"]) == ("500156", "500120")
    assert {(l["name"], l["side"]) for l in event["leaders"]} == {("陈丽", "visitor"), ("刘强", "host")}
    assert _event("成都考察", "9月1日，自贡市党政代表团赴蓉考察。", "2023-09-02")["host"]["code"] == "510100"


def test_a_province_visiting_a_province_arrives_in_a_city():
    event = _event("我省党政代表团抵达广州", "本报广州4月14日电 我省党政代表团一行今天中午抵达广州，"
                   "开始为期六天的学习考察。", "2007-04-15", url="http://example.com/news/gansu/2007/1.htm")
    assert (event["visitor"]["code"], event["host"]["code"]) == ("620000", "440000")
    assert (event["start_date"], event["end_date"]) == ("2007-04-14", "2007-04-19")


def test_the_visitor_named_only_through_its_leaders():
    event = _event("考察", "1月16日至17日，县委书记王刚，县委副书记、县长李明率县党政考察团到北京市通州区考察。"
                   "双方表示深化庆云通州产业园合作。", "2019-01-18")
    assert (event["visitor"]["code"], event["host"]["code"]) == ("371423", "110112")
    assert (event["start_date"], event["end_date"]) == ("2019-01-16", "2019-01-17")


def test_leader_names_carry_no_trailing_verbs_or_conjunctions():
    event = _event("巴中市党政代表团到我市考察", "12月8日，巴中市党政代表团到我市考察。巴中市委书记何平及代表团成员参观了园区。"
                   "受市委书记范波委托，市委副书记、市长曾洪扬陪同。", "2021-12-09", home_place="510300")
    names = {l["name"] for l in event["leaders"]}
    assert names == {"何平", "范波", "曾洪扬"}


def test_date_forms_of_real_reports():
    assert find_range("4月16至17日", date(2020, 5, 1)) == (date(2020, 4, 16), date(2020, 4, 17))
    assert date_in_url("http://www.example.gov.cn/art/2020/11/16/art_1.html") == date(2020, 11, 16)
    assert date_in_url("http://example.cn/202011/t20201116_123.html") == date(2020, 11, 16)
    # No publish date given: the URL's date gives the year.
    event = _event("巴中市党政代表团到自贡考察", "12月8日，巴中市党政代表团到自贡考察。",
                   url="http://example.cn/202112/t20211209_1.html")
    assert event["start_date"] == "2021-12-08"


def test_reports_of_one_visit_share_a_visit_id(tmp_path):
    linker = VisitLinker(tmp_path / "visits.jsonl")
    visit = {"is_delegation_visit": True, "visitor": {"code": "510800"}, "host": {"code": "610700"},
             "start_date": "2018-09-12", "end_date": "2018-09-12"}
    longer = {**visit, "end_date": "2018-09-13"}
    undated = {**visit, "start_date": None, "end_date": None}
    later = {**visit, "start_date": "2019-05-01", "end_date": "2019-05-01"}
    first = linker.link(visit, "2018-09-13")
    assert linker.link(longer, "2018-09-14") == first
    assert linker.link(undated, "2018-09-14T08:00:00+08:00") == first
    assert linker.link(later, "2019-05-02") != first
    assert linker.link({"is_delegation_visit": False}) is None
    # The index lasts: a new process links to the visits of earlier runs.
    assert VisitLinker(tmp_path / "visits.jsonl").link(longer, "2018-09-20") == first


def test_a_welcome_or_a_meeting_tells_the_visit():
    welcome = _event("两地座谈", "9月23日，天津市和平区委书记李强、县委书记王刚出席座谈会。王刚对李强一行的到来表示欢迎。"
                     "舟曲县与和平区深化协作。舟曲县将加大对接力度。", "2023-09-25")
    assert (welcome["visitor"]["code"], welcome["host"]["code"]) == ("120101", "623023")
    meeting = _event("会见", "9月16日，上海市委副书记、市长张明在市政府接见了由州委副书记、州长李华率领的迪庆州党政代表团一行。",
                     "2008-09-17")
    assert (meeting["visitor"]["code"], meeting["host"]["code"]) == ("533400", "310000")


def test_a_tour_of_several_places_and_its_officials():
    event = _event("考察", "6月13日至14日，英山县委书记郑明率县党政代表团赴安徽省金寨、霍山、岳西三县考察学习。"
                   "金寨县委副书记、县长张华陪同。", "2021-06-15")
    assert (event["visitor"]["code"], event["host"]["code"]) == ("421124", "341524")
    city = _event("考察", "1月2日至3日，金川县委书记张海清率党政代表团一行赴眉山市东坡区、仁寿县、彭山县参观考察。", "2014-01-04")
    assert city["host"]["code"] == "511400"


def test_officials_listed_before_their_rank_and_a_regions_organs():
    event = _event("考察", "4月1日，县委书记王刚率我县党政考察团赴广德市学习考察。陈明、李华、赵亮等县领导参加。", "2021-04-02",
                   home_place="341524")
    assert {"陈明", "李华", "赵亮"} <= {l["name"] for l in event["leaders"] if l["side"] == "visitor"}
    region = _event("考察", "4月25日，自治区党委书记张明，自治区主席陈武率广西党政代表团赴四川学习考察。四川省委书记王刚陪同。",
                    "2019-04-27")
    assert (region["visitor"]["code"], region["host"]["code"]) == ("450000", "510000")
    assert {(l["name"], l["side"]) for l in region["leaders"]} == {("张明", "visitor"), ("陈武", "visitor"), ("王刚", "host")}


def test_page_timestamps_and_datelines_are_not_the_visit():
    event = _event("郧西县党政考察团来我县参观考察", "发布时间：2012年11月06日\n今日房县网讯 5至6日，郧西县委书记胡明带领郧西县党政考察团来我县参观考察。",
                   "2012-11-06", home_place="420325")
    assert (event["start_date"], event["end_date"]) == ("2012-11-05", "2012-11-06")
    agency = _event("考察", "中国网4月28日讯 4月17日至20日，广州市政协调研组赴贵州省毕节市考察。", "2018-04-28")
    assert (agency["start_date"], agency["end_date"]) == ("2018-04-17", "2018-04-20")
