"""发文字号 (GB/T 9704 7.2.4): 机关代字〔年份〕序号号, e.g. 湘教发〔2020〕8号.

An office issues each number once and counts the serials of an agency code up through the year. Read from the
library: the next free serial of an agency code and year, the plans that already carry a number, and a
suggestion for a plan that has none yet (its issuers' usual agency code). Each question is one query narrowed by
the agency code, so that the window can ask on every keystroke of a large library.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from .library import Library

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


def _numbers(lib: Library, like: str = "") -> list[tuple[int, str, list[str], DocNumber]]:
    """(plan id, title, issuers, number) of the numbered plans whose number contains `like`."""
    return [
        (pid, title, issuers, number)
        for pid, title, issuers, text in lib.doc_numbers(like)
        if (number := parse(text)) is not None
    ]


def holders(lib: Library, text: str, exclude: int | None = None) -> list[tuple[int, str]]:
    """(id, title) of the plans other than `exclude` that carry the number `text` (spacing aside)."""
    wanted = parse(text)
    if wanted is None:
        return []
    return [(pid, title) for pid, title, _, number in _numbers(lib, wanted.code) if number == wanted and pid != exclude]


def next_number(lib: Library, code: str, year: int, exclude: int | None = None) -> DocNumber:
    """One past the highest serial of `code` in `year` in the library (1 for the year's first)."""
    used = [n.serial for pid, _, _, n in _numbers(lib, code) if n.code == code and n.year == year and pid != exclude]
    return DocNumber(code, year, max(used, default=0) + 1)


def suggest(lib: Library, plan_id: int, year: int) -> DocNumber | None:
    """The next free number for plan `plan_id` in `year`: with its own agency code if it has a number, else the
    code its issuers use most; None when neither is known (the clerk types the first one)."""
    row = lib.issuers_and_number(plan_id)
    if row is None:
        return None
    issuers, own = set(row[0]), parse(row[1])
    if own is not None:
        code = own.code
    else:
        # An office has several codes (某教发 for its documents, 某教办 for its general office's): take the one
        # its issuers used most, the most recent on a tie.
        used: Counter[str] = Counter()
        latest: dict[str, int] = {}
        for pid, _, their_issuers, n in _numbers(lib):
            if pid != plan_id and issuers & set(their_issuers):
                used[n.code] += 1
                latest[n.code] = max(latest.get(n.code, 0), n.year)
        if not used:
            return None
        code = max(used, key=lambda c: (used[c], latest[c]))
    return next_number(lib, code, year, exclude=plan_id)
