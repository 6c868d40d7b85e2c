"""The plan's title, issuers, year and preamble."""

from __future__ import annotations

import re

from ...core.messages import QT_TRANSLATE_NOOP
from ...core.model import Plan
from .lines import _organ_like, _short
from .patterns import DOC_NO_RE, DRAFT_RE, KIND_END_RE, ORGAN_END_RE, YEAR_RE
from .state import _Doc


def _read_title(rest: list[str], doc: _Doc, printed: str = "") -> tuple[str, list[str]]:
    """The plan's title (possibly broken over lines) and the preamble after it. `printed`: the line print set as
    the title (large, centred), taken when no line ends like a plan's title."""
    rest = [x for x in rest if not re.fullmatch(r"附\s*件\s*\d*\s*[:：]?", x)]  # the plan sent as 附件1
    while rest and not _short(rest[0]) and re.search(r"印发.*的通知$", rest[0]):
        rest = rest[1:]  # a page's headline naming the notice the page leaves out
    k = 0
    while k < len(rest) and _short(rest[k]):
        k += 1
    heads, preamble = rest[:k], rest[k:]
    titles = _titles(heads)
    if titles:
        return titles[-1], preamble
    if forwarded := _forwarded_title(heads):
        return forwarded, preamble  # printed large is only its first line: 关 于 我 国 … / 和加强…的报告
    if printed and printed in heads:
        return printed, preamble
    return _title_elsewhere(heads, doc), preamble


def _titles(heads: list[str]) -> list[str]:
    """The plan titles the short lines above the preamble complete, a title broken over lines joined again."""
    titles: list[str] = []
    heads_done: list[str] = [""]  # after each line: the title just completed, or the part still open
    acc = ""
    for line in heads:
        if titles and not acc and DRAFT_RE.fullmatch(line):
            titles[-1] += line  # 2022年全省教育工作要点 / （征求意见稿）
            continue
        acc = join_title(acc, line) if acc else line
        if titles and len(acc) >= 6 and "关于" not in acc and titles[-1].endswith(acc):
            acc = ""  # the title's second line after the whole title (its first line dropped as a repeat)
            heads_done.append(titles[-1])
            continue
        if KIND_END_RE.search(acc):
            # 立山区政府2023年重点工作 / 任务分解和责任分工方案: a title whose first line already ends like one
            if titles and titles[-1] == heads_done[-1] and YEAR_RE.search(titles[-1]) and not YEAR_RE.search(acc):
                titles[-1] = join_title(titles[-1], acc)
            else:
                titles.append(acc)
            acc = ""
        heads_done.append(acc or titles[-1])
    return titles


def _title_elsewhere(heads: list[str], doc: _Doc) -> str:
    """No line ends like a plan's title: the one just above the preamble (a page headline may precede), else the
    plan the notice names, the page header's title, or the notice's title."""
    if heads:
        last = heads[-1]
        if len(heads) > 1 and ORGAN_END_RE.search(heads[-2]) and last[0].isdigit():
            last = join_title(heads[-2], last)
        if YEAR_RE.search(last) or not doc.notice.title:
            return last
    if m := re.search(r"[《〈](.+?)[》〉]", doc.notice.title):
        return m[1]
    meta_title = doc.meta.get("title", "")
    if meta_title:
        return DOC_NO_RE.sub("", meta_title).strip()
    if doc.notice.title and re.search(r"关于(?:印发|转发|下发)", doc.notice.title):
        return re.sub(r"^.*?关于(印发|转发|下发)?|的通知$", "", doc.notice.title)
    if doc.notice.title:
        return doc.notice.title  # a 通知 that sends nothing is its own plan, titled as it is (its page says so)
    doc.warn(QT_TRANSLATE_NOOP("Messages", "no plan title found"))
    return "未命名计划"


def _forwarded_title(heads: list[str]) -> str:
    """A document a notice forwards, its title broken over lines: 关于我国地震重点监视防御区的确定和 / 加强防震减灾工作
    意见的报告 (a 报告 or 请示 that carries the plan, which no plan kind ends)."""
    joined = ""
    for line in heads[-3:]:
        line = re.sub(r"(?<=[\u4e00-\u9fff])\s+(?=[\u4e00-\u9fff])", "", line)  # 关 于 我 国…: set justified
        joined = join_title(joined, line) if joined else line
        if not re.match(r"^关于", joined):
            joined = ""
    return joined if re.fullmatch(r"关于.{4,}的(报告|请示)", joined) else ""


def join_title(a: str, b: str) -> str:
    """Two lines of one title: 湖南省教育厅 中共湖南省委教育工委 + 2020年工作要点; organs keep a space between."""
    if ORGAN_END_RE.search(a) and not b[0].isdigit() and ORGAN_END_RE.search(YEAR_RE.split(b)[0] or b):
        return f"{a} {b}"
    return a + b


def _fill_plan_metadata(plan: Plan, doc: _Doc) -> None:
    """The plan's kind, year and issuers, from its title, the notice's signers and the page header."""
    title = DRAFT_RE.sub("", plan.title)
    if m := KIND_END_RE.search(title):
        plan.kind = "工作要点" if m[1] == "要点" else m[1]
    _year_and_organs(plan, title)
    if (
        not plan.issuers
        and (m := re.match(r"^(.{2,30}?)关于", title))
        and ORGAN_END_RE.search(m[1])
        and _organ_like(m[1])
    ):
        plan.issuers = [m[1]]  # 济宁市人民政府关于…的实施意见: the document names its issuer
    signers = doc.forwarded_signers or doc.notice.signers
    if signers and (not plan.issuers or len(signers) == len(plan.issuers)):
        plan.issuers = list(signers)  # signers are written out in full; titles often abbreviate
    if not plan.issuers and doc.meta.get("publisher"):
        plan.issuers = [doc.meta["publisher"]]
    if plan.year is None:
        for source in (doc.notice.title, doc.notice.doc_number):
            if m := re.search(r"((?:19|20)\d{2})", source):
                plan.year = int(m[1])
                break


def _year_and_organs(plan: Plan, title: str) -> None:
    """The year a title names, and the organs before it (湖南省教育厅 中共湖南省委教育工委 2020年工作要点)."""
    m = YEAR_RE.search(title) or re.search(r"((?:19|20)\d{2})(?:\s*[—\-–~－至]|(?=工作|行动|重点))", plan.title)
    if not m:
        return
    plan.year = int(m[1])  # a plan for 2018—2020 is filed under its first year
    prefix = title[: m.start()].strip()
    organs = [x for x in re.split(r"[\s、]+", prefix) if x]
    if organs and all(ORGAN_END_RE.search(o) for o in organs):
        plan.issuers = organs
