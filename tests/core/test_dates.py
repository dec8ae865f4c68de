from datetime import date, datetime, timezone

import pytest

from delegation_crawler.news.dates import (
    SHANGHAI, DateError, calendar_date, date_in_url, find_datetime, find_month_days, from_timestamp, parse_datetime,
    parse_relative, resolve_month_day,
)


@pytest.mark.parametrize(
    "text, iso, precision",
    [
        ("来源:攀枝花日报 2017-07-29 07:34   https://www.yybnet.net/", "2017-07-29T07:34:00+08:00", "minute"),
        ("时间:2024年04月18日 11:12   来源:广元日报   阅读:", "2024-04-18T11:12:00+08:00", "minute"),
        ("發布時間:2020/9/9 18:21:58", "2020-09-09T18:21:58+08:00", "second"),
        ("2016-12-29", "2016-12-29T00:00:00+08:00", "day"),
        ("发布时间：２０１６／１２／２９　９：０５：００", "2016-12-29T09:05:00+08:00", "second"),
        ("2015年3月2日", "2015-03-02T00:00:00+08:00", "day"),
    ],
)
def test_page_dates(text, iso, precision):
    parsed = parse_datetime(text)
    assert parsed.isoformat() == iso and parsed.precision == precision


def test_no_date_is_none_and_malformed_raises():
    assert parse_datetime("来源:秀山网") is None
    assert parse_datetime("") is None
    with pytest.raises(DateError):
        parse_datetime("2019-13-45 25:61")
    with pytest.raises(DateError):
        parse_datetime("2021-02-30")


def test_month_day_takes_year_from_reference():
    assert resolve_month_day(12, 8, date(2021, 12, 9)) == date(2021, 12, 8)
    # a December story published in January
    assert resolve_month_day(12, 30, date(2022, 1, 3)) == date(2021, 12, 30)
    # an announcement a few days ahead stays in the reference year
    assert resolve_month_day(1, 5, date(2022, 1, 3)) == date(2022, 1, 5)
    assert find_month_days("4月16日至17日,4月29日,2月30日", date(2024, 4, 30)) == [date(2024, 4, 16), date(2024, 4, 29)]


@pytest.mark.parametrize(
    "text, iso, precision",
    [
        # the three cases the old parsers disagreed on
        ("2024年04月18日(星期四) 11:12", "2024-04-18T11:12:00+08:00", "minute"),
        ("2021-12-09T10:00:00Z", "2021-12-09T18:00:00+08:00", "second"),
        ("2021-12-09T10:00:00.000+08:00", "2021-12-09T10:00:00+08:00", "second"),
        # US order with a 12-hour clock, and English dates
        ("Posted 7/5/2005 9:23:57 PM", "2005-07-05T21:23:57+08:00", "second"),
        ("25/12/2019 08:00", "2019-12-25T08:00:00+08:00", "minute"),
        ("Saturday, September 10th, 2005 10:56 am", "2005-09-10T10:56:00+08:00", "minute"),
        ("Published 3 Mar 2019", "2019-03-03T00:00:00+08:00", "day"),
        ("Sep 10, 2005 12:05 AM", "2005-09-10T00:05:00+08:00", "minute"),
        # Chinese half-day words
        ("2020年5月6日 下午3:30", "2020-05-06T15:30:00+08:00", "minute"),
        ("2020年5月6日 上午 9时05分", "2020-05-06T09:05:00+08:00", "minute"),
        # the earliest date in the text wins, whatever its form
        ("September 1, 2010 / 2011-01-02", "2010-09-01T00:00:00+08:00", "day"),
    ],
)
def test_more_page_forms(text, iso, precision):
    parsed = parse_datetime(text)
    assert (parsed.isoformat(), parsed.precision) == (iso, precision)


def test_malformed_raises_but_scanning_skips_it():
    with pytest.raises(DateError):
        parse_datetime("2020-13-45")
    assert find_datetime("2020-13-45") is None
    assert find_datetime("2020-13-45 then 2020-12-01").isoformat() == "2020-12-01T00:00:00+08:00"
    assert find_datetime("13/13/2020") is None


def test_relative_times_read_against_the_fetch_time():
    fetched = datetime(2024, 3, 1, 9, 30, tzinfo=SHANGHAI)
    assert parse_relative("3小时前", fetched).isoformat() == "2024-03-01T06:30:00+08:00"
    assert parse_relative("25分钟前", fetched).isoformat() == "2024-03-01T09:05:00+08:00"
    assert parse_relative("昨天 10:12", fetched).isoformat() == "2024-02-29T10:12:00+08:00"
    assert parse_relative("前天", fetched) == (datetime(2024, 2, 28, tzinfo=SHANGHAI), "day")
    assert parse_relative("2天前", fetched).precision == "day"
    assert parse_relative("12-30 08:15", fetched).isoformat() == "2023-12-30T08:15:00+08:00"
    assert parse_relative("来源:新华网", fetched) is None


def test_timestamps_urls_and_calendar_dates():
    assert from_timestamp(1600000000).isoformat() == "2020-09-13T20:26:40+08:00"
    assert from_timestamp("1600000000000") == from_timestamp(1600000000)
    assert from_timestamp(12345) is None and from_timestamp("abc") is None
    assert date_in_url("http://x.gov.cn/art/2020/11/16/art_1.html") == date(2020, 11, 16)
    assert date_in_url("http://x.gov.cn/xwzx/202011/t20201116_12.html") == date(2020, 11, 16)
    assert date_in_url("http://x.cn/news/202302/abc.html") == date(2023, 2, 28)
    assert date_in_url("http://x.cn/news/202302/abc.html", month_folders=False) is None
    assert calendar_date("2021-12-09T20:00:00-06:00") == date(2021, 12, 10)
    assert calendar_date(datetime(2021, 12, 9, 20, tzinfo=timezone.utc)) == date(2021, 12, 10)
    assert calendar_date("no date") is None
