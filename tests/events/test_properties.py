"""Any text gives a well-formed event (schema-valid), never an exception."""

from __future__ import annotations

import jsonschema
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from delegation_crawler.events import event_schema, extract_event
from delegation_crawler.events.evaluation import load_articles, run

from .conftest import DATA

PIECES = ["巴中市", "党政代表团", "到", "赴", "我市", "考察", "，", "。", "12月8日", "至", "17日", "市委书记", "何平",
          "签署了", "《", "》", "协议", "、", "率", "陪同", "重庆市", "荣昌区", "德国", "媒体", "采访团", "去年", "\n", "?", "97日"]
VALIDATOR = jsonschema.Draft202012Validator(event_schema())


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(title=st.lists(st.sampled_from(PIECES), max_size=12).map("".join),
       body=st.one_of(st.text(max_size=300), st.lists(st.sampled_from(PIECES), max_size=80).map("".join)),
       published=st.one_of(st.none(), st.sampled_from(["2021-12-09", "2020/9/9 18:21:58", "bad", "2021-02-30"])),
       home=st.one_of(st.none(), st.sampled_from(["510300", "500241", "999999", "自贡市", "nowhere"])))
def test_any_text_gives_a_valid_event(title, body, published, home):
    event = extract_event(title=title, text=body, published=published, home_place=home)
    VALIDATOR.validate(event)
    if event["is_delegation_visit"]:
        assert event["visitor"]["code"] != event["host"]["code"]
    else:
        assert event["reason"]


def test_labelled_events_match_the_schema():
    for article in load_articles(DATA):
        VALIDATOR.validate(run(article))
