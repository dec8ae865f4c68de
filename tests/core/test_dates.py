from datetime import date

import pytest

from delegation_crawler.dates import DateError, find_month_days, parse_datetime, resolve_month_day


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
