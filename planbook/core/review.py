"""Review of next year's draft: every phrase that is probably stale, with where, why, and a replacement when sure.

A draft copies last year's plan: its title, preamble and notice move on a year (core.drafting), but the tasks
still say 做好2020年大学生征兵工作, 深入学习贯彻十九届四中全会精神, 打赢脱贫攻坚战. `review` reads every text of
the plan (core.texts) and returns `Finding`s by kind:

- year: a year before the plan's in the text (2020年, 2020年底前), and 去年/明年/今年/年内; not a range that
  still covers the plan's year (2019-2022年), not history (2018年以来, 自2015年), not statistics of past years,
  not a document's own year (《…（2018-2020年）》);
- date: a dated day or month of a past year (2020年9月);
- period: a five-year period (十三五) before the one the plan's year is in; drafting (编制) the plan of the
  period already begun;
- meeting: a congress or plenary session with a later one held before the plan's year (data/meetings.json);
- campaign: a year named as a campaign year (确定2020年为…年); event: wording bound to its time (脱贫攻坚
  after 2020, 疫情防控 while it lasted); target: a numbered target (达到95%), for a look;
- task: a task done last year (proposed for dropping) or left behind (kept, with a note); an empty field; a unit
  renamed since (the library's rename log).

Nothing changes without the clerk's word: `accept_edit` builds the one undoable edit for chosen findings; an
ignored finding is remembered per plan (table review_ignored, schema v5) by a key that survives other edits.
"""

from __future__ import annotations

import datetime as dt
import functools
import json
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from enum import StrEnum
from importlib import resources

from . import editing
from .drafting import link_of, plan_year
from .library import Library
from .messages import QT_TRANSLATE_NOOP, Message
from .model import PROGRESS_NAMES, Node, NodeKind, Plan, Progress, ProgressNote
from .numbering import number_tree
from .texts import Spot, nodes_by_id, plan_texts, rewrite, splice, text_at
from .units import split_units, unit_role


class Kind(StrEnum):
    YEAR = "year"
    DATE = "date"
    PERIOD = "period"
    MEETING = "meeting"
    CAMPAIGN = "campaign"
    EVENT = "event"
    TARGET = "target"
    TASK = "task"
    FIELD = "field"
    UNIT = "unit"


KIND_NAMES = {
    Kind.YEAR: Message(QT_TRANSLATE_NOOP("Messages", "years")),
    Kind.DATE: Message(QT_TRANSLATE_NOOP("Messages", "dates")),
    Kind.PERIOD: Message(QT_TRANSLATE_NOOP("Messages", "planning periods")),
    Kind.MEETING: Message(QT_TRANSLATE_NOOP("Messages", "meetings")),
    Kind.CAMPAIGN: Message(QT_TRANSLATE_NOOP("Messages", "campaign years")),
    Kind.EVENT: Message(QT_TRANSLATE_NOOP("Messages", "events of their time")),
    Kind.TARGET: Message(QT_TRANSLATE_NOOP("Messages", "numbered targets")),
    Kind.TASK: Message(QT_TRANSLATE_NOOP("Messages", "last year's tasks")),
    Kind.FIELD: Message(QT_TRANSLATE_NOOP("Messages", "empty fields")),
    Kind.UNIT: Message(QT_TRANSLATE_NOOP("Messages", "renamed units")),
}


class Action(StrEnum):
    REPLACE = "replace"  # put `replacement` for the span
    DROP = "drop"  # delete the task
    NOTE = "note"  # keep the task, with a progress note saying it carries on


@dataclass(frozen=True)
class Finding:
    kind: Kind
    spot: Spot  # which text
    start: int  # the span in that text
    end: int
    text: str  # what the span holds
    message: Message
    place: str = ""  # the node's printed number and title, or "" for a plan part
    replacement: str | None = None  # for REPLACE; None: the clerk edits by hand
    action: Action | None = None  # what accepting does; None: nothing to accept, only to look at or edit
    key: str = ""  # stable identity for ignoring

    @property
    def node_id(self) -> int | None:
        return self.spot.node_id

    def to_dict(self) -> dict:
        return {
            "kind": str(self.kind),
            "node_id": self.spot.node_id,
            "part": self.spot.part,
            "place": self.place,
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "replacement": self.replacement,
            "action": None if self.action is None else str(self.action),
            "message": str(self.message),
            "key": self.key,
        }


# ---- the data table --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Data:
    congresses: list[tuple[str, str]]  # (十九大, "2017-10") oldest first
    plenums: list[tuple[str, str, str]]  # (十九, 四, "2019-10") oldest first
    periods: list[tuple[str, int, int]]
    events: list[dict]


@functools.cache
def data() -> _Data:
    """The meetings, periods and events table shipped inside the package (never read from elsewhere)."""
    raw = json.loads(resources.files("planbook.core").joinpath("data", "meetings.json").read_text("utf-8"))
    return _Data(
        [(c["name"], c["date"]) for c in raw["congresses"]],
        sorted(((p["session"], p["number"], p["date"]) for p in raw["plenums"]), key=lambda p: p[2]),
        [(p["name"], p["first"], p["last"]) for p in raw["periods"]],
        raw["events"],
    )


# ---- reviewing ---------------------------------------------------------------------------------------------------


@dataclass
class _Ctx:
    plan: Plan
    year: int
    numbers: dict[int, str]
    found: list[Finding]

    def add(
        self,
        kind: Kind,
        spot: Spot,
        node: Node | None,
        start: int,
        end: int,
        text: str,
        message: Message,
        replacement: str | None = None,
        action: Action | None = None,
    ) -> None:
        if replacement is not None and action is None:
            action = Action.REPLACE
        place = ""
        if node is not None:
            place = f"{self.numbers.get(id(node), '')}{node.title.strip().rstrip('。')}"
        self.found.append(Finding(kind, spot, start, end, text, message, place, replacement, action))


@dataclass(frozen=True)
class LastYear:
    """What the review needs of the plan a draft came from: its title and how far each task got."""

    title: str
    statuses: dict[str, Progress]  # task title (squeezed) → status, for tasks that were started

    @classmethod
    def of(cls, plan: Plan) -> LastYear:
        return cls(
            plan.title,
            {
                _squeeze(n.title): n.status
                for n in plan.walk()
                if n.kind is NodeKind.TASK and n.title.strip() and n.status is not Progress.NOT_STARTED
            },
        )


def review(
    plan: Plan, *, last: LastYear | None = None, renames: dict[str, str] | None = None, ignored: Iterable[str] = ()
) -> list[Finding]:
    """The open findings for `plan` (a draft for `plan.year`), in document order; `last` is the plan it was
    drafted from (for last year's task statuses), `renames` old → new unit names, `ignored` keys to leave out."""
    year = plan_year(plan)
    if year is None:
        return []
    ctx = _Ctx(plan, year, number_tree(plan.nodes, plan.numbering), [])
    order: dict[Spot, int] = {}
    for spot, text, node in plan_texts(plan):
        order[spot] = len(order)
        if spot.part in ("notice.doc_number", "notice.signers", "notice.masthead", "issuers"):
            continue  # names and numbers: their years are checked by 发文前检查
        _years(ctx, spot, node, text)
        _periods(ctx, spot, node, text)
        _meetings(ctx, spot, node, text)
        _campaigns(ctx, spot, node, text)
        _events(ctx, spot, node, text)
        if node is not None:
            _targets(ctx, spot, node, text)
            if spot.part.startswith("field:"):  # task fields hold prose too (目标任务, 工作措施)
                _field(ctx, spot, node, text, renames or {})
    if last is not None:
        _tasks(ctx, last)
    return _keyed(ctx.found, order, set(ignored))


def _keyed(found: list[Finding], order: dict[Spot, int], ignored: set[str]) -> list[Finding]:
    """In document order, each finding with its key (kind, text, spot, and which occurrence of that text in it),
    the ignored left out."""
    seen: dict[tuple, int] = {}
    out = []
    for f in sorted(found, key=lambda f: (order.get(f.spot, len(order)), f.start)):
        ident = (f.kind, f.spot, f.text)
        n = seen[ident] = seen.get(ident, -1) + 1
        key = f"{f.kind}|{f.spot.key()}|{f.text}|{n}"
        if key not in ignored:
            out.append(_replace_key(f, key))
    return out


def _replace_key(f: Finding, key: str) -> Finding:
    return Finding(f.kind, f.spot, f.start, f.end, f.text, f.message, f.place, f.replacement, f.action, key)


# ---- years and dates -------------------------------------------------------------------------------------------

_YEAR = re.compile(r"(?<![\d.．/／])((?:19|20)\d\d)(?![\d.．])")
_RANGE_BEFORE = re.compile(r"(?:19|20)\d\d\s*(?:年)?\s*[-—–~～至到]+\s*$")
# possessive spaces: \s* (年)? \s* could split one run of spaces every way (quadratic; issue 15 regex audit)
_RANGE_AFTER = re.compile(r"^\s*+(?:年\s*+)?[-—–~～至到]+\s*+((?:19|20)\d\d)")
_LIST_AFTER = re.compile(r"^\s*[、和及与]\s*(?:19|20)\d\d")
_HISTORY_BEFORE = re.compile(r"(?:自|从|截至|截止|截止到|截至到|早在|始于|比|较|与|同|相比|对比|回顾)\s*$")
_HISTORY_AFTER = re.compile(r"^(?:年度?)?(?:以来|至今|起|开始|以后|之后|以前|年初以来|同期|相比|比较)")
_AFTER_ERA = re.compile(r"^年(?:后)")
_DATE_AFTER = re.compile(r"^年\s*(\d{1,2})\s*月(?:\s*(\d{1,2})\s*日)?")
_RELATIVE = re.compile(
    r"今年|本年度|去年|上一?年度|明年|来年|下一?年度|(?<![一二三四五六七八九十两几\d当多近每全])年内"
)
# A clause that reports the past rather than plans: statistics of a year gone by.
_STATS = re.compile(
    r"同比|比上年|较上年|上年同期|累计|共计|共有|总计|全年(?:共|完成|实现)|已(?:经)?(?:完成|实现|建成|达到)"
    r"|增长了?\s*\d|下降了?\s*\d|取得了|获得了|荣获"
)
_CLAUSE_END = re.compile(r"[。；;！？!?\n]")


def _in_brackets(text: str, pos: int) -> bool:
    """Whether `pos` is inside 《…》: a document's name keeps its own year."""
    return text.rfind("《", 0, pos) > text.rfind("》", 0, pos)


def _clause(text: str, pos: int) -> str:
    starts = [m.end() for m in _CLAUSE_END.finditer(text, 0, pos)]
    start = starts[-1] if starts else 0
    m = _CLAUSE_END.search(text, pos)
    return text[start : m.start() if m else len(text)]


def _years(ctx: _Ctx, spot: Spot, node: Node | None, text: str) -> None:
    for m in _YEAR.finditer(text):
        if not _year_holds(text, m, ctx.year):
            _past_year(ctx, spot, node, text, m)
    for m in _RELATIVE.finditer(text):
        if not _in_brackets(text, m.start()):
            _relative_year(ctx, spot, node, m)


def _year_holds(text: str, m: re.Match, year: int) -> bool:
    """Whether the year `m` found in `text` stands as written in a plan for `year`: not past, quoted, the end
    of a range counted with its start, a range still running, not a year at all, history or a statistic."""
    y, start, end = int(m[1]), m.start(), m.end()
    before, after = text[max(0, start - 8) : start], text[end : end + 12]
    if y >= year or _in_brackets(text, start) or _RANGE_BEFORE.search(before):
        return True
    r = _RANGE_AFTER.match(after)
    if r and int(r[1]) >= year:
        return True
    if _LIST_AFTER.match(after) or not after.lstrip().startswith("年") and not r:
        return True  # not a year (a number, a list of years handled by its last)
    return bool(
        _HISTORY_BEFORE.search(before) or _HISTORY_AFTER.match(after.lstrip()) or _STATS.search(_clause(text, start))
    )


def _past_year(ctx: _Ctx, spot: Spot, node: Node | None, text: str, m: re.Match) -> None:
    """The finding for a past year that should have moved on: a range, a date, 某年后, or a plain year."""
    year, y, start, end = ctx.year, int(m[1]), m.start(), m.end()
    after = text[end : end + 12]
    if r := _RANGE_AFTER.match(after):  # a range wholly past, outside a document's name
        ctx.add(
            Kind.YEAR,
            spot,
            node,
            start,
            r.end() + end,
            text[start : r.end() + end],
            Message(
                QT_TRANSLATE_NOOP("Messages", "the years {found} are over before the plan's year {year}"),
                found=text[start : r.end() + end],
                year=year,
            ),
        )
    elif d := _DATE_AFTER.match(after):
        stop = end + d.end()
        ctx.add(
            Kind.DATE,
            spot,
            node,
            start,
            stop,
            text[start:stop],
            Message(
                QT_TRANSLATE_NOOP("Messages", "{date} is a date before the plan's year {year}: set the date anew"),
                date=text[start:stop],
                year=year,
            ),
        )
    elif _AFTER_ERA.match(after):
        ctx.add(
            Kind.YEAR,
            spot,
            node,
            start,
            end,
            m[1],
            Message(
                QT_TRANSLATE_NOOP("Messages", "“{found}年后” has begun by {year}; does the sentence still hold?"),
                found=y,
                year=year,
            ),
        )
    elif y == year - 1:
        ctx.add(
            Kind.YEAR,
            spot,
            node,
            start,
            end,
            m[1],
            Message(
                QT_TRANSLATE_NOOP("Messages", "{found} is last year; the plan is for {year}"), found=f"{y}年", year=year
            ),
            str(year),
        )
    else:
        ctx.add(
            Kind.YEAR,
            spot,
            node,
            start,
            end,
            m[1],
            Message(
                QT_TRANSLATE_NOOP("Messages", "{found} is before the plan's year {year}"), found=f"{y}年", year=year
            ),
            None,
        )


def _relative_year(ctx: _Ctx, spot: Spot, node: Node | None, m: re.Match) -> None:
    """The finding for 明年, 去年, 今年 and their kin, which meant another year when last year's plan was written."""
    word, year = m[0], ctx.year
    if word in ("明年", "来年", "下年度", "下一年度"):
        ctx.add(
            Kind.YEAR,
            spot,
            node,
            m.start(),
            m.end(),
            word,
            Message(
                QT_TRANSLATE_NOOP("Messages", "“{word}” in last year's plan meant {year}, the plan's own year"),
                word=word,
                year=year,
            ),
            "今年" if word in ("明年", "来年") else "本年度",
        )
    elif word in ("去年", "上年度", "上一年度"):
        ctx.add(
            Kind.YEAR,
            spot,
            node,
            m.start(),
            m.end(),
            word,
            Message(
                QT_TRANSLATE_NOOP("Messages", "“{word}” now means {last}; in last year's plan it meant {before}"),
                word=word,
                last=year - 1,
                before=year - 2,
            ),
        )
    else:
        ctx.add(
            Kind.YEAR,
            spot,
            node,
            m.start(),
            m.end(),
            word,
            Message(
                QT_TRANSLATE_NOOP("Messages", "“{word}” now means {year}: is what it says still to be done this year?"),
                word=word,
                year=year,
            ),
        )


# ---- planning periods ------------------------------------------------------------------------------------------

_PERIOD = re.compile(
    r"(十[一二三四五六七八九]?五)(?=[”\"」』]?\s*(?:规划|期间|时期|以来|末|初|计划|目标|发展|中期|$|[^\d五]))"
)
_PERIOD_HISTORY = re.compile(r"^[”\"」』]?\s*(?:期间|时期|以来|末|成就|成果|收官|完成情况)")
_DRAFTING = re.compile(
    r"(?<!启动)(编制|研制|制定|起草)(?=[^。；，,]{0,24}?[“\"]?十[一二三四五六七八九]?五[”\"]?[^。；]{0,12}?规划(?!实施|中期|年度|执行|的实施))"
)


@functools.cache
def _period_of(year: int) -> tuple[str, int, int] | None:
    return next((p for p in data().periods if p[1] <= year <= p[2]), None)


def _periods(ctx: _Ctx, spot: Spot, node: Node | None, text: str) -> None:
    if "五" not in text:
        return  # no 十X五 here
    current = _period_of(ctx.year)
    if current is None:
        return
    previous = _period_of(current[1] - 1)
    names = {p[0]: p for p in data().periods}
    for m in _PERIOD.finditer(text):
        period = names.get(m[1])
        if period is None or period[2] >= ctx.year:
            continue
        if _PERIOD_HISTORY.match(text[m.end() : m.end() + 6]):
            continue  # “十三五”期间/以来: history of that period, true as it stands
        sure = previous is not None and period == previous and not _in_brackets(text, m.start())
        ctx.add(
            Kind.PERIOD,
            spot,
            node,
            m.start(),
            m.end(),
            m[1],
            Message(
                QT_TRANSLATE_NOOP(
                    "Messages", "“{found}” ({first}–{last}) is over; the plan's year {year} is in “{current}”"
                ),
                found=m[1],
                first=period[1],
                last=period[2],
                year=ctx.year,
                current=current[0],
            ),
            current[0] if sure else None,
        )
    for m in _DRAFTING.finditer(text):
        named = re.search(r"十[一二三四五六七八九]?五", text[m.end() : m.end() + 30])
        if named and named[0] == current[0] and ctx.year > current[1] - 1 and not _in_brackets(text, m.start()):
            ctx.add(
                Kind.PERIOD,
                spot,
                node,
                m.start(),
                m.end(),
                m[1],
                Message(
                    QT_TRANSLATE_NOOP(
                        "Messages",
                        "the “{current}” period began in {first}: its plan was drafted before; now it is carried out",
                    ),
                    current=current[0],
                    first=current[1],
                ),
                "实施",
            )


# ---- meetings --------------------------------------------------------------------------------------------------

_CN = "一二三四五六七八九"
_PLENUMS = re.compile(r"(十[六七八九]|二十)届((?:[一二三四五六七]中(?:全会)?[、，,和及与]?)+)全会")
_CONGRESS = re.compile(r"(?<![一二三四五六七八九十第])(十[六七八九]大|二十大)")


@functools.cache
def _latest_before(year: int) -> tuple[tuple[str, str] | None, tuple[str, str, str] | None]:
    """The last congress and the last plenary session (not a congress's first) held before `year` began."""
    cutoff = f"{year}-01"
    congress = [c for c in data().congresses if c[1] < cutoff]
    plenums = [p for p in data().plenums if p[2] < cutoff and p[1] != "一"]
    return (congress[-1] if congress else None), (plenums[-1] if plenums else None)


def _meetings(ctx: _Ctx, spot: Spot, node: Node | None, text: str) -> None:
    if "届" not in text and "大" not in text:
        return  # most texts name no meeting: skip the patterns
    congress, plenum = _latest_before(ctx.year)
    if plenum is not None:
        latest_name = f"{plenum[0]}届{plenum[1]}中全会"
        for m in _PLENUMS.finditer(text):
            numbers = re.findall(f"[{_CN}]中", m[2])
            last = (m[1], numbers[-1][0]) if numbers else None
            dates = {(p[0], p[1]): p[2] for p in data().plenums}
            if last is None or dates.get(last, "9999") >= plenum[2]:
                continue
            if m[1] == plenum[0] and len(numbers) > 1:  # a list 二中、三中、四中: add the sessions held since
                held = [p[1] for p in data().plenums if p[0] == m[1] and dates[last] < p[2] <= plenum[2]]
                replacement = f"{m[1]}届{m[2].rstrip('、，,和及与')}、{'、'.join(n + '中' for n in held)}全会"
            else:
                replacement = latest_name if m[1] == plenum[0] else None
            ctx.add(
                Kind.MEETING,
                spot,
                node,
                m.start(),
                m.end(),
                m[0],
                Message(
                    QT_TRANSLATE_NOOP(
                        "Messages",
                        "a later plenary session has been held: the latest before {year} is {latest} ({date})",
                    ),
                    year=ctx.year,
                    latest=latest_name,
                    date=plenum[2],
                ),
                replacement,
            )
    if congress is not None:
        held = dict(data().congresses)
        for m in _CONGRESS.finditer(text):
            if held.get(m[1], "9999") < congress[1]:
                ctx.add(
                    Kind.MEETING,
                    spot,
                    node,
                    m.start(),
                    m.end(),
                    m[1],
                    Message(
                        QT_TRANSLATE_NOOP(
                            "Messages",
                            "a later party congress has been held: the latest before {year} is {latest} ({date})",
                        ),
                        year=ctx.year,
                        latest=congress[0],
                        date=congress[1],
                    ),
                    congress[0],
                )


# ---- campaign years, events of their time, numbered targets --------------------------------------------------

_CAMPAIGN = re.compile(
    r"((?:19|20)\d\d)年(?:确定)?(?:为|是|作为)[^。；，,]{0,30}?年(?=[”\"」』]|$|[^度内底初末中前后])"
)


def _campaigns(ctx: _Ctx, spot: Spot, node: Node | None, text: str) -> None:
    for m in _CAMPAIGN.finditer(text):
        if int(m[1]) < ctx.year and not _in_brackets(text, m.start()):
            ctx.add(
                Kind.CAMPAIGN,
                spot,
                node,
                m.start(),
                m.end(),
                m[0],
                Message(
                    QT_TRANSLATE_NOOP(
                        "Messages", "{found} named a theme for its year; is there one, and the same, for {year}?"
                    ),
                    found=m[1] + "年",
                    year=ctx.year,
                ),
            )


@functools.cache
def _any_event() -> re.Pattern:
    return re.compile("|".join(re.escape(e["phrase"]) for e in data().events))


def _events(ctx: _Ctx, spot: Spot, node: Node | None, text: str) -> None:
    if not _any_event().search(text):
        return  # one pattern for all events first: most texts name none
    flagged: set[str] = set()  # phrases of one event (新冠肺炎, 疫情防控) send the clerk to a text once
    for event in data().events:
        first, until = event.get("from", 0), event["until"]
        if ctx.year < first or event.get("group", event["phrase"]) in flagged:
            continue
        phrase = event["phrase"]
        for start in _occurrences(text, phrase, event.get("except", ())):
            end = start + len(phrase)
            if ctx.year > until:
                message = Message(
                    QT_TRANSLATE_NOOP(
                        "Messages", "“{phrase}” belongs to the years up to {until}; the plan is for {year}"
                    ),
                    phrase=phrase,
                    until=until,
                    year=ctx.year,
                )
                if event.get("instead"):
                    message = Message(
                        QT_TRANSLATE_NOOP("Messages", "{reason}; since then: {instead}"),
                        reason=message,
                        instead=event["instead"],
                    )
            else:
                message = Message(
                    QT_TRANSLATE_NOOP(
                        "Messages", "“{phrase}” is of its time ({first}–{until}): does it still hold in {year}?"
                    ),
                    phrase=phrase,
                    first=first,
                    until=until,
                    year=ctx.year,
                )
            ctx.add(Kind.EVENT, spot, node, start, end, phrase, message)
            flagged.add(event.get("group", phrase))
            break  # once per text is enough to send the clerk there


def _occurrences(text: str, phrase: str, exceptions: Iterable[str]) -> Iterator[int]:
    covered = [(m.start(), m.start() + len(e)) for e in exceptions for m in re.finditer(re.escape(e), text)]
    start = text.find(phrase)
    while start >= 0:
        if not any(a <= start < b for a, b in covered):
            yield start
        start = text.find(phrase, start + 1)


_TARGET = re.compile(
    r"(?:达到|达|提高到|提高至|提升到|提升至|增加到|增至|降至|降到|降低到|控制在|不低于|不少于|不超过|超过|"
    r"保持在|稳定在|新增|新建|新开工|建成)\s*\d+(?:\.\d+)?\s*(?:%|％|个百分点|万|亿|个|所|人|名|元|家|项|次|台|套|平方米)"
)


def _targets(ctx: _Ctx, spot: Spot, node: Node, text: str) -> None:
    for m in _TARGET.finditer(text):
        ctx.add(
            Kind.TARGET,
            spot,
            node,
            m.start(),
            m.end(),
            m[0],
            Message(
                QT_TRANSLATE_NOOP("Messages", "a numbered target: is “{found}” still the figure for {year}?"),
                found=m[0],
                year=ctx.year,
            ),
        )


# ---- fields and last year's tasks --------------------------------------------------------------------------------


def _field(ctx: _Ctx, spot: Spot, node: Node, text: str, renames: dict[str, str]) -> None:
    label = node.fields[int(spot.part.removeprefix("field:"))].label
    if not text.strip():
        ctx.add(
            Kind.FIELD,
            spot,
            node,
            0,
            len(text),
            text,
            Message(QT_TRANSLATE_NOOP("Messages", "{name} is empty"), name=label),
        )
        return
    if not renames or unit_role(label) is None:
        return
    for unit in split_units(text):
        if unit in renames:
            start = text.find(unit)
            ctx.add(
                Kind.UNIT,
                spot,
                node,
                start,
                start + len(unit),
                unit,
                Message(QT_TRANSLATE_NOOP("Messages", "{old} was renamed {new}"), old=unit, new=renames[unit]),
                renames[unit],
            )


def _squeeze(title: str) -> str:
    return re.sub(r"\s+", "", title).rstrip("。.；;")


def _tasks(ctx: _Ctx, last: LastYear) -> None:
    statuses = last.statuses
    for node in ctx.plan.walk():
        if node.kind is not NodeKind.TASK or node.id is None:
            continue
        status = statuses.get(_squeeze(node.title))
        spot = Spot(node.id, "title")
        if status is Progress.DONE:
            ctx.add(
                Kind.TASK,
                spot,
                node,
                0,
                len(node.title),
                node.title,
                Message(QT_TRANSLATE_NOOP("Messages", "done in {source}: drop it from this plan?"), source=last.title),
                action=Action.DROP,
            )
        elif (status is Progress.BEHIND or status is Progress.IN_PROGRESS) and not any(
            n.text == CARRIED_OVER.format(status=PROGRESS_NAMES[status]) for n in node.notes
        ):
            ctx.add(
                Kind.TASK,
                spot,
                node,
                0,
                len(node.title),
                node.title,
                Message(
                    QT_TRANSLATE_NOOP("Messages", "{status} in {source}: kept, noted as carried over"),
                    status=PROGRESS_NAMES[status],
                    source=last.title,
                ),
                action=Action.NOTE,
            )


# ---- accepting ---------------------------------------------------------------------------------------------------

CARRIED_OVER = "上年度{status}，结转本年度继续推进"  # document vocabulary: the progress note a kept task gets


def accept_edit(plan: Plan, findings: Iterable[Finding], last: LastYear | None = None) -> editing.Batch:
    """The one undoable edit that accepts `findings` on the stored `plan` (those with nothing to accept, or whose
    text has changed since, are skipped); an empty Batch when none applies."""
    findings = [f for f in findings if f.action is not None]
    spans: dict[Spot, list[tuple[int, int, str]]] = {}
    drops: list[int] = []
    notes: list[editing.Edit] = []
    statuses = last.statuses if last is not None else {}
    nodes = nodes_by_id(plan)
    for f in findings:
        current = text_at(plan, f.spot, nodes)
        if current is None or current[f.start : f.end] != f.text:
            continue
        if f.action is Action.REPLACE:
            taken = spans.setdefault(f.spot, [])
            if not any(s < f.end and f.start < e for s, e, _ in taken):  # overlapping proposals: first wins
                taken.append((f.start, f.end, f.replacement or ""))
        elif f.spot.node_id is None:
            continue  # dropping a task and noting it carried over concern a node
        elif f.action is Action.DROP:
            drops.append(f.spot.node_id)
        elif f.action is Action.NOTE:
            node = nodes[f.spot.node_id]
            status = statuses.get(_squeeze(node.title), Progress.IN_PROGRESS)
            note = ProgressNote(
                dt.date(plan_year(plan) or dt.date.today().year, 1, 1),
                CARRIED_OVER.format(status=PROGRESS_NAMES[status]),
            )
            if note not in node.notes:
                notes.append(editing.SetProgress(f.spot.node_id, Progress.IN_PROGRESS, (*node.notes, note)))
    texts = {spot: splice(text_at(plan, spot, nodes) or "", s) for spot, s in spans.items()}
    edits = [*rewrite(plan, texts).edits, *notes, *(editing.DeleteNode(nid) for nid in dict.fromkeys(drops))]
    return editing.Batch(tuple(edits))


# ---- the library: source plan, rename log, ignored findings ------------------------------------------------------


def review_plan(lib: Library, plan_id: int, plan: Plan | None = None) -> list[Finding]:
    """The open findings of stored plan `plan_id` (pass `plan` when it is loaded already)."""
    plan = plan if plan is not None else lib.load_plan(plan_id)
    return review(plan, last=last_year(lib, plan_id), renames=renames(lib), ignored=ignored(lib, plan_id))


def last_year(lib: Library, plan_id: int) -> LastYear | None:
    """The plan this one was drafted as next year's from, when it is still in the library: its title and its
    tasks' statuses, read straight from the tables (a whole plan need not be loaded)."""
    link = link_of(lib, plan_id)
    if link is None or link.relation != "next-year":
        return None
    source_title = lib.plan_title(link.source_id)
    if source_title is None:  # deleted since: the review goes on without last year's statuses
        return None
    rows = lib.task_statuses(link.source_id)
    return LastYear(source_title, {_squeeze(title): Progress(status) for title, status in rows if title.strip()})


def renames(lib: Library) -> dict[str, str]:
    """Units renamed in the library, old name → latest name (a chain 甲→乙→丙 gives 甲→丙)."""
    names: dict[str, str] = {}
    for old, new in lib.unit_renames():
        for k, v in names.items():
            if v == old:
                names[k] = new
        names[old] = new
    return {k: v for k, v in names.items() if k != v}


def record_rename(lib: Library, old: str, new: str) -> None:
    """Remember that unit `old` is now called `new`, so next year's drafts are reviewed for it."""
    with lib.transaction():
        lib.add_unit_rename(old, new, dt.datetime.now().isoformat(timespec="seconds"))


def ignored(lib: Library, plan_id: int) -> set[str]:
    return lib.ignored_keys(plan_id)


def ignore(lib: Library, plan_id: int, keys: Iterable[str]) -> None:
    with lib.transaction():
        lib.add_ignored_keys(plan_id, keys)


def unignore_all(lib: Library, plan_id: int) -> int:
    """Bring back every finding ignored in this plan; returns how many."""
    with lib.transaction():
        return lib.clear_ignored_keys(plan_id)
