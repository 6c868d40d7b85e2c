"""发文字号 (GB/T 9704 7.2.4): 机关代字〔年份〕序号号, e.g. 湘教发〔2020〕8号.

An office issues each number once and counts the serials of an agency code up through the year. Read over the
library's plan list: the next free serial of an agency code and year, the plans that already carry a number, and
a suggestion for a plan that has none yet (its issuers' usual agency code).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from .library import PlanSummary

PATTERN = re.compile(r"^(?P<code>\S*?)〔(?P<year>\d{4})〕(?P<serial>[1-9]\d*)号$")


@dataclass(frozen=True, order=True)
class DocNumber:
    code: str  # 机关代字: 湘教发
    year: int
    serial: int

    def __str__(self) -> str:
        return f"{self.code}〔{self.year}〕{self.serial}号"


def parse(text: str) -> DocNumber | None:
    """The parts of a well-formed number, spaces aside (the importer has already turned [] () into 〔〕)."""
    m = PATTERN.match(re.sub(r"\s+", "", text or ""))  # 〔 2020 〕 as some pages space it
    return DocNumber(m["code"], int(m["year"]), int(m["serial"])) if m else None


def holders(plans: Iterable[PlanSummary], text: str, exclude: int | None = None) -> list[PlanSummary]:
    """The plans other than `exclude` whose number is the same as `text` (spacing aside)."""
    wanted = parse(text)
    if wanted is None:
        return []
    return [p for p in plans if p.id != exclude and parse(p.doc_number) == wanted]


def next_number(plans: Iterable[PlanSummary], code: str, year: int) -> DocNumber:
    """One past the highest serial of `code` in `year` in the library (1 for the year's first)."""
    used = [n.serial for p in plans if (n := parse(p.doc_number)) and n.code == code and n.year == year]
    return DocNumber(code, year, max(used, default=0) + 1)


def suggest(plans: Iterable[PlanSummary], plan_id: int, year: int | None) -> DocNumber | None:
    """The next free number for plan `plan_id` in `year`: with its own agency code if it has a number, else the
    code its issuers use most; None when neither is known (the clerk types the first one)."""
    plans = list(plans)
    me = next((p for p in plans if p.id == plan_id), None)
    if me is None or year is None:
        return None
    own = parse(me.doc_number)
    if own is not None:
        code = own.code
    else:
        # An office has several codes (某教发 for its documents, 某教办 for its general office's): take the one
        # its issuers used most, the most recent on a tie.
        used = Counter()
        latest: dict[str, int] = {}
        for p in plans:
            if p.id != plan_id and set(p.issuers) & set(me.issuers) and (n := parse(p.doc_number)):
                used[n.code] += 1
                latest[n.code] = max(latest.get(n.code, 0), n.year)
        if not used:
            return None
        code = max(used, key=lambda c: (used[c], latest[c]))
    return next_number([p for p in plans if p.id != plan_id], code, year)
