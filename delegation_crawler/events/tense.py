"""Whether a sentence tells the story's own visit or recalls an earlier one.

Long reports recall earlier visits and agreements (``去年7月，…两市签署了《…》``, ``2019年…曾来``).
Those sentences are background: their frames and agreements are not this visit's.
"""

from __future__ import annotations

import re

EARLIER = ("去年", "前年", "此前", "上年", "前期", "早在", "曾经", "曾于", "年前", "已于", "过去", "以往", "曾先后", "多年来")
PRESENT = ("此次", "本次", "这次", "今天", "会上", "座谈会上", "仪式上", "现场")


def told_as_past(before: str, year: int | None, month: int | None = None) -> bool:
    """Whether the sentence so far sets the scene in the past (去年7月，… / 2022年，…).

    A later 此次/会上/本次 brings the sentence back to the story's own visit.
    """
    marks = [before.rfind(word) for word in EARLIER]
    recent = re.search(r"过去(?:的)?[一两二三四五六七八九十几\d]{1,2}天", before)  # 过去两天: this visit, told now
    if recent is not None and marks[EARLIER.index("过去")] == recent.start():
        marks[EARLIER.index("过去")] = -1
    if year is not None:
        years = [(m.start(), int(m.group(1))) for m in re.finditer(r"((?:19|20)\d{2})年", before)]
        marks += [at for at, value in years if value < year]
        if years and years[-1][1] >= year:
            return False  # 2024年及2025年以来…: the latest time named is the story's own
    if month is not None:  # 今年2月，…签订了… in a story of a later month
        marks += [m.start() for m in re.finditer(r"今年(\d{1,2})月", before) if int(m.group(1)) < month]
    last_past = max(marks, default=-1)
    if last_past < 0:
        return False
    return not any(before.find(word, last_past) >= 0 for word in PRESENT)
