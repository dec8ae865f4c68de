"""Forms of real reports the rules learned from the real set, in sentences written here.

Each case restates a pattern seen in real articles (kept outside the project) with our own
words, so a change that loses the pattern fails here, in CI, without the real cache.
"""

from __future__ import annotations

import pytest

from delegation_crawler.events import extract_event


def event(title: str, text: str = "", published: str = "2022-05-20T10:00:00+08:00", **kw) -> dict:
    return extract_event(title=title, text=text, published=published, **kw)


def sides(ev: dict) -> tuple:
    if not ev["is_delegation_visit"]:
        return None
    return ev["visitor"]["code"], ev["host"]["code"]


@pytest.mark.parametrize(
    "title, text, expected",
    [
        # an official with no place leads a group that names its place
        ("区委书记张明率渌口区干部培训班学员赴浙江省台州市黄岩区考察学习", "", ("430212", "331003")),
        # an organ as the subject (政协, 人大常委会), a one-character destination
        ("新疆哈密市政协赴豫学习考察", "", ("650500", "410000")),
        ("浙江省舟山市人大常委会赴海南省海口市考察交流自贸港建设", "", ("330900", "460100")),
        # a delegation that comes to attend an event, and says it also studies
        ("", "由省委书记张明、省长李华率领的福建省党政代表团来到宁夏，出席闽宁协作联席会议，并学习考察。", ("350000", "640000")),
        # the host's own event: 参加玉树州成立70周年庆祝活动
        ("", "由北京市人民政府副秘书长王平带队，市有关部门负责同志赴青海玉树参加玉树藏族自治州成立70周年庆祝活动。", ("110000", "632700")),
        # a meeting named by two one-character abbreviations, held in one of them
        ("深哈对口合作联席会议在深召开", "深哈对口合作第六次联席会议在深召开。哈尔滨市市长王平、深圳市市长李华出席会议。", ("230100", "440300")),
        # talks: the host's officials first, then the guest delegation
        ("", "北京市委书记张明与拉萨市委书记李华率领的拉萨市党政代表团座谈，共商对口支援工作。", ("540100", "110000")),
        # a joint signing: two names side by side, held in one of them
        ("", "11月13日，芜湖市马鞍山市同城化建设合作框架协议签字仪式在马鞍山市会议中心举行。", ("340200", "340500")),
        # 我市台江区: the district of the story's city; a county of an Inner Mongolia banner short name
        ("", "过去两天，甘肃定西市安定区考察团来到我市台江区考察交流。福州市台江区区长王平陪同。", ("621102", "350103")),
        ("", "12月21日，丰镇市委常委、宣传部长张明一行赴察右后旗考察学习文化建设工作。", ("150981", "150928")),
        # a department's official of a province, 一行N人
        ("", "11月8日，广东省农业农村厅副厅长王平一行17人，赴我省考察学习乡村建设工作。河南省农业农村厅副厅长李华陪同。",
         ("440000", "410000")),
    ],
)
def test_sides_of_real_forms(title, text, expected):
    assert sides(event(title, text)) == expected


@pytest.mark.parametrize(
    "title, text",
    [
        # a forum of many places held somewhere is a third place, not a visit
        ("", "9月23日，省长王平率省政府代表团赴四川成都出席2021年泛珠三角区域合作行政首长联席会议。"),
        # democratic parties and chambers of commerce are not a place's government
        ("致公党四川省委赴重庆、贵州考察调研", ""),
        ("", "6月7日下午，广东省云南商会常务副会长、深圳某电子有限公司董事长王平率队赴我州考察。"),
        # a feature about many provinces' trips
        ("省级党政考察团如何外出取经？", "今年以来，河北、云南两省的党政一把手率团外出取经。十八大以来，全国31个省份中至少有21个曾组团赴其他省份考察学习。"),
    ],
)
def test_look_alikes_of_real_forms(title, text):
    assert not event(title, text)["is_delegation_visit"]


def test_visit_dates_of_real_forms():
    # 号 for 日
    ev = event("聊城市党政考察团到济宁考察", "9月6号至7号，聊城市委副书记王平率党政考察团来济宁学习考察。", "2016-09-09T04:13:00+08:00")
    assert (ev["start_date"], ev["end_date"]) == ("2016-09-06", "2016-09-07")
    # the paper names the day it means: 昨(3)日
    ev = event("遵义市党政代表团来泸考察", "本报讯 昨(3)日，遵义市党政代表团来泸考察。", "2018-07-04T08:00:00+08:00")
    assert ev["start_date"] == "2018-07-03"
    # 昨晚 counts from the publish date
    ev = event("", "由辽宁省省长王平率领的辽宁省政府代表团在甬考察。昨晚，宁波市市长李华会见了王平一行。", "2011-08-24T08:00:00+08:00")
    assert ev["start_date"] == "2011-08-23"


def test_an_acting_party_secretary_is_a_leader():
    ev = event("", "天津网讯 市委代理书记、市长王平昨天中午会见昌都市委副书记、市长李华一行，对客人来津表示欢迎。",
               "2016-09-10T08:00:00+08:00")
    assert sides(ev) == ("540300", "120000")
    assert {(x["name"], x["side"]) for x in ev["leaders"]} >= {("王平", "host"), ("李华", "visitor")}


@pytest.mark.parametrize(
    "title, text, expected",
    [
        # a joint session named A—B / A·B, held 在我市 or in one of them
        ("", "4月7日，莱西市—两当县东西部协作党政联席会议在我市召开。莱西市委书记王平、两当县委书记李华出席会议。莱西市委副书记张明主持。",
         ("621228", "370285")),
        ("", "6月11日，滨州·奉节东西部协作2022年第一次联席会议在滨州召开。重庆市奉节县委书记王平出席会议并讲话。", ("500236", "371600")),
        # a navigation line glued to the headline does not make the delegation a newsroom's
        ("", "您现在的位置：首页 > 开发区新闻 > 文字新闻越城区党政代表团赴马边考察对接东西部协作工作。"
             "6月16日，区委书记王平率越城区党政代表团赴马边彝族自治县考察对接新一轮东西部协作工作。", ("330602", "511133")),
        # a zone's official belongs to the zone's place; 区领导 as a group
        ("", "长乐新闻网讯 6月15日，龙岩市永定区领导来航开展山海协作对接工作。长乐区领导王平参加活动。", ("350803", "350112")),
    ],
)
def test_sides_of_real_forms_round3(title, text, expected):
    assert sides(event(title, text, "2023-06-16T08:00:00+08:00")) == expected


def test_agreements_of_real_forms():
    ev = event("", "10月14日上午，由青田县委书记王平率领的青田县党政代表团来嵊考察，签订嵊州市甘霖镇——青田县温溪镇结对共建协议。"
                   "嵊州市委书记李华陪同。", "2019-10-15T08:00:00+08:00")
    assert ev["agreements"] == ["嵊州市甘霖镇——青田县温溪镇结对共建协议"]
    ev = event("", "东莞市中堂镇党政代表团赴松桃苗族自治县考察。会上，举行东莞市中堂镇·松桃苗族自治县乌罗镇对口结对协议签约仪式。",
               "2022-06-12T08:00:00+08:00")
    assert ev["agreements"] == ["东莞市中堂镇·松桃苗族自治县乌罗镇对口结对协议"]
    # the latest year named is the story's own: 2024年及2025年以来…，并签订《…》
    ev = event("盘州市党政代表团到中山市考察", "会上，双方汇报了2024年及2025年以来东西部协作工作开展情况，并签订《盘州市2025年度东西部协作框架协议》。",
               "2025-05-20T08:00:00+08:00")
    assert ev["agreements"] == ["盘州市2025年度东西部协作框架协议"]
    # a titled document restated without its title later is one document
    ev = event("越城区党政代表团赴马边考察", "双方现场签署《越马东西部协作和交流合作框架协议》。王平表示，随着两地签署深化东西部协作和交流合作框架协议，两地协作迎来新起点。",
               "2021-06-23T08:00:00+08:00")
    assert ev["agreements"] == ["越马东西部协作和交流合作框架协议"]


def test_a_list_of_items_is_not_a_visit_report():
    ev = event("落实京蒙协作“医疗倍增计划”，北京市8家医院与内蒙古7家医院签署合作协议；",
               "落实京蒙协作“消费倍增计划”，两地先后举办推介会；2月13日，内蒙古自治区政协主席王平带队赴京，与北京市政协共同召开座谈会。")
    assert not ev["is_delegation_visit"]


def test_round4_forms():
    # a province's official with no place, in one of its counties: at home, not a visit
    ev = event("", "7月19日至21日，省政协副主席王平率部分省、市、县政协委员赴怀宁县，围绕乡村振兴开展专项民主监督调研。")
    assert not ev["is_delegation_visit"]
    # one side's own meeting about the pairing (全市苏陕协作…会议在陇县召开) is no visit
    ev = event("宝鸡市召开苏陕协作工作推进会", "王平表示，此次全市苏陕协作工作推进会在陇县召开，既是检阅，更是鞭策。")
    assert not ev["is_delegation_visit"]
    # 落实 states a purpose
    ev = event("", "本报讯 10月8日至10日，杭州市代表团赴新疆维吾尔自治区阿克苏市落实对口支援工作。", "2020-10-12T10:00:00+08:00")
    assert sides(ev) == ("330100", "652901") and ev["start_date"] == "2020-10-08"


def test_round5_forms():
    """Forms of the fifth fresh round (f8), restated in our own words."""
    # the guest named through its official, whose name runs straight into 来我区; 我区 from the source line
    ev = event("日期:", "来源:兖州融媒\n7月2日，青海省黄南州政协主席张明来我区考察政协工作，区政协主席李华陪同考察。", None)
    assert sides(ev) == ("632300", "370812")
    assert {(x["name"], x["side"]) for x in ev["leaders"]} == {("张明", "visitor"), ("李华", "host")}
    # 副主席、党组成员 is one chain of posts before the name
    ev = event("湖北省政协考察组来广元调研", "湖北省政协副主席、党组成员王平一行来广元调研。市政协副主席、党组成员李华陪同。")
    assert {x["name"] for x in ev["leaders"]} == {"王平", "李华"}
    # 来莆 (coming, by one character) names the writer's city: the placeless 市政协主席's own, not a destination
    ev = event("", "10月30日，市政协主席王平带队前往上海，先后拜访上海市政协、常州市政协。王平指出，莆田市历史悠久，"
                   "诚邀上海市政协多来莆田走走看看，就上海企业来莆考察进行对接。莆田市政协将加强联络。")
    assert sides(ev) == ("350300", "310000")
    # 来济: the capital's own paper keeps the city, a province's delegation notwithstanding
    ev = event("辽宁省政协来济考察", "3月30日，辽宁省政协副主席王平一行来济考察提案工作。考察组了解了济南古城保护情况。")
    assert sides(ev) == ("210000", "370100")
    # a year folder in the URL gives the year when the page shows no date
    ev = event("", "6月14日至15日，略阳县政协主席王平带队赴宁强县考察学习。", None, url="http://x.cn/zhengxie/2022/201916.html")
    assert (ev["start_date"], ev["end_date"]) == ("2022-06-14", "2022-06-15")
    # 11日和12日: two days in a row
    ev = event("", "8月11日和12日，副市长王平带领有关部门负责同志赴如皋市参观考察，学习园区建设经验。考察团与园区负责同志交流。",
               "2008-08-15T08:00:00+08:00", home_place="321283")
    assert (ev["start_date"], ev["end_date"]) == ("2008-08-11", "2008-08-12")
    # officials of a related story after 新闻推荐 are not this story's
    ev = event("广元市政协赴安康考察", "5月27日，四川省广元市政协副主席王平一行赴安康市考察。安康市政协副主席李华一同考察。\n新闻推荐\n"
               "5月27日，安康市召开会议，副市长张明出席会议并讲话。", "2019-05-29T08:00:00+08:00")
    assert {x["name"] for x in ev["leaders"]} == {"王平", "李华"}
    # welcomed as X党政代表团 (no 一行): the guest's place visits the welcoming official's
    ev = event("台州与乐山签订扶贫协作框架协议", "6月20日，台州市与乐山市签订扶贫协作框架协议。市长王平对乐山市党政代表团的到来表示热烈欢迎。",
               "2017-06-21T08:00:00+08:00")
    assert sides(ev) == ("511100", "331000")
