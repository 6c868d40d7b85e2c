"""The head of a notice is never empty: a 发文机关标志 proposed from the organs that issue it.

Many plans copied off web sites lost their red head (the page shows the text, not the masthead picture), and a
notice printed without one is a 发文字号 and a red rule under nothing. Planbook proposes the head from what it
knows: the signing organs (a joint notice gets a joint head, 7.2.4: the names stacked, 文件 to their right), else
the plan's issuers, else the organ that opens the notice's title (盘锦市人民政府办公室关于印发…). A proposal is
marked as such until the clerk confirms or changes it, and 发文前检查 reports it as an error until then.
"""

from __future__ import annotations

import re

from .model import DocFormat, Plan

# Signers typed on one line: 湖南省教育厅、中共湖南省委教育工作委员会
_ORGAN_SPLIT = re.compile(r"[、，,；;\s]+")
_TITLE_ORGAN = re.compile(r"^(.{2,30}?)关于")


def issuing_organs(plan: Plan) -> list[str]:
    """The organs that issue the notice, host first."""
    for source in (plan.notice.signers, plan.issuers):
        organs = [o for s in source for o in _ORGAN_SPLIT.split(s.strip()) if o]
        if organs:
            return organs
    m = _TITLE_ORGAN.match(plan.notice.title.strip())
    return [m[1]] if m else []


def propose_masthead(plan: Plan) -> str:
    """南宁市教育局文件; for joint issuers the names one after another (stacked when laid out) and 文件. In the
    信函格式 (10.1) the host organ's full name alone: 南宁市教育局."""
    organs = [o.removesuffix("文件") for o in issuing_organs(plan)]
    if not organs:
        return ""
    if plan.notice.doc_format is DocFormat.LETTER:
        return organs[0]
    return " ".join(organs) + "文件"


def fill_masthead(plan: Plan) -> bool:
    """Propose a masthead for a notice that has none; True when one was filled in."""
    n = plan.notice
    if n.masthead.strip() or not n.prints():
        return False
    proposal = propose_masthead(plan)
    if not proposal:
        return False
    n.masthead, n.masthead_proposed = proposal, True
    return True
