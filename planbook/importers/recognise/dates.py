"""Numbers and dates as documents write them: 十二, 2020年3月6日, 二〇二〇年三月六日, 湘教发〔2020〕8号."""

from __future__ import annotations

import datetime as dt
import re

from .patterns import _CN_DIGIT, CN_DATE_RE, DATE_RE, DIGITS_DATE_RE, DOC_NO_RE, ISO_DATE_RE


def parse_chinese_numeral(text: str) -> int | None:
    """一 → 1, 十二 → 12, 二十 → 20, 一百零一 → 101; None when it is not a numeral."""
    total, current = 0, 0
    for ch in text:
        if ch in _CN_DIGIT:
            current = _CN_DIGIT[ch]
        elif ch == "十":
            total += (current or 1) * 10
            current = 0
        elif ch == "百":
            total += (current or 1) * 100
            current = 0
        else:
            return None
    total += current
    return total or None


def _date(y: int, m: int, d: int) -> dt.date | None:
    try:
        return dt.date(y, m, d)
    except ValueError:
        return None


def parse_date(text: str) -> dt.date | None:
    """2020年3月6日, 2020-03-06, 2020/3/6, 二〇二〇年三月六日 → a date (None when it is not one)."""
    if m := DATE_RE.search(text) or ISO_DATE_RE.search(text):
        return _date(int(m[1]), int(m[2]), int(m[3]))
    if m := CN_DATE_RE.search(text):
        year = "".join(str(_CN_DIGIT.get(c, 0)) for c in m[1].replace("○", "〇").replace("O", "〇"))
        month, day = parse_chinese_numeral(m[2]), parse_chinese_numeral(m[3])
        if month and day:
            return _date(int(year), month, day)
    return None


def digits_date(text: str, near: dt.date | None) -> tuple[dt.date | None, list[dt.date]]:
    """`2018319` (a date whose 年月日 a web copy lost) → the reading nearest before `near`, and all readings."""
    m = DIGITS_DATE_RE.match(text)
    if not m:
        return None, []
    year, rest = int(m[1]), m[2]
    readings = []
    for cut in range(1, len(rest)):
        month, day = rest[:cut], rest[cut:]
        if len(month) <= 2 and len(day) <= 2 and (d := _date(year, int(month), int(day))):
            readings.append(d)
    if not readings:
        return None, []
    if near:  # a notice is signed before it is published
        before = [d for d in readings if d <= near]
        if before:
            return max(before), readings
    return readings[0], readings


def is_date_line(text: str) -> bool:
    t = text.replace(" ", "")
    return bool(
        re.fullmatch(r"\d{4}年\d{1,2}月\d{1,2}日", t)
        or re.fullmatch(r"\d{4}[-/.]\d{1,2}[-/.]\d{1,2}", t)
        or CN_DATE_RE.fullmatch(t)
        or DIGITS_DATE_RE.fullmatch(t)
    )


def normalise_doc_number(text: str) -> str | None:
    """湘教发[2020]8号, 湘教发(2020)8号, 湘教发〔 2020 〕8号 → 湘教发〔2020〕8号."""
    m = DOC_NO_RE.search(text)
    return f"{m[1]}〔{m[2]}〕{m[3]}号" if m else None
