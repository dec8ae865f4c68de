import pytest

from delegation_crawler.news.bylines import caption_credits, dateline_credits, is_credit_line, parse_credits


@pytest.mark.parametrize(
    "text, authors, photographers, editors",
    [
        ("(記者 李秋玥 廖藍蕾 攝影 葉衛東)", ["李秋玥", "廖藍蕾"], ["葉衛東"], []),
        ("自貢網記者 廖藍蕾 陳凡逸 攝影 羅祥瑞", ["廖藍蕾", "陳凡逸"], ["羅祥瑞"], []),
        ("本报记者 王悦良", ["王悦良"], [], []),
        ("全媒体记者 楊俊", ["楊俊"], [], []),
        ("編輯:王娉婷", [], [], ["王娉婷"]),
        ("责任编辑：马莉莎", [], [], ["马莉莎"]),
        ("(本报记者 宋俊康 摄)", [], ["宋俊康"], []),
        ("自贡融媒记者 张三 实习生 李四 摄影 王五", ["张三", "李四"], ["王五"], []),
        ("广元日报全媒体记者 吾拉木江·热依木", ["吾拉木江·热依木"], [], []),
    ],
)
def test_credits(text, authors, photographers, editors):
    credits = parse_credits(text)
    assert (credits.authors, credits.photographers, credits.editors) == (authors, photographers, editors)


def test_credit_lines_are_told_from_sentences():
    assert is_credit_line("自貢網記者 廖藍蕾 陳凡逸 攝影 羅祥瑞")
    assert is_credit_line("全媒體記者 楊俊）")
    assert not is_credit_line("记者从市交通运输局获悉,自贡至隆昌高速公路建设正加快推进。")
    assert not is_credit_line("")


def test_datelines_and_captions():
    assert dateline_credits("本报成都7月28日电(记者 王悦良)攀枝花和成都").authors == ["王悦良"]
    assert dateline_credits("本报哈密电(广元日报全媒体记者 蒲洪旭)4月16日至17日").authors == ["蒲洪旭"]
    assert not dateline_credits("7月28日下午,签约仪式在成都举行(图)。")
    assert caption_credits("開展座談會。 楊俊 攝").photographers == ["楊俊"]
    assert not caption_credits("记者现场拍摄。")


def test_long_runs_of_han_characters_stay_fast():
    # Names may be glued; a naive "names separated by optional spaces" pattern backtracks
    # exponentially on long Han runs. This must return at once.
    text = "何平代表巴中市委市政府对自贡市长期以来给予巴中的支持帮助表示感谢" * 40
    assert not parse_credits(text) and not caption_credits(text[:120])


def test_a_huge_byline_line_is_read_from_its_head():
    # issue 12: a 24 KB "记者 张三 张三 …" line took 5 s (quadratic); credits are read from the
    # first MAX_CREDIT_CHARS characters only (bench/extract.py has no such page; no timing here)
    from delegation_crawler.news.bylines import MAX_CREDIT_CHARS

    line = "记者 " + " ".join(["张三"] * 8000)
    credits = parse_credits(line)
    assert credits.authors == ["张三"]
    assert credits == parse_credits(line[:MAX_CREDIT_CHARS])
    assert parse_credits("x" * MAX_CREDIT_CHARS + "记者 李四").authors == []
