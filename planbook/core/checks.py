"""发文前检查: what to fix in a plan and its issuing notice before it goes out (GB/T 9704-2012).

Clerks draft next year's plan from last year's, and the same slips come back every year: a notice that still
says last year, a 发文字号 typed as [2020] or 〔20〕08号, a number another document already carries, a date of
printing before the date of signing, an empty heading left from the old plan. Word cannot see them; the plan's
structure shows them. `check_plan` returns one `Finding` per problem, errors (the document would be wrong)
before warnings (worth a look), each with where it is and a `Message` the window translates.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from enum import StrEnum

from . import docnumbers
from .library import Library
from .messages import QT_TRANSLATE_NOOP, Message
from .model import KIND_NAMES, KINDS, DocFormat, Node, NodeKind, Plan, Sealing, masthead_organs
from .numbering import number_tree
from .progress import lead_units


class Severity(StrEnum):
    ERROR = "error"  # the issued document would be wrong
    WARNING = "warning"  # probably a slip; the clerk decides


@dataclass(frozen=True)
class Finding:
    severity: Severity
    where: int | str | None  # a node id, or a field key such as "notice.doc_number" (None: a node not yet stored)
    message: Message
    place: str = ""  # a node's printed number and title, e.g. "12.加强师德建设"; "" for a field

    def to_dict(self) -> dict:
        return {"severity": str(self.severity), "where": self.where, "place": self.place, "message": str(self.message)}


def check_plan(lib: Library | None, plan: Plan) -> list[Finding]:
    """Every finding for `plan`, errors first, then in document order. `lib` (may be None) is asked whether
    another plan already carries the same 发文字号."""
    ctx = _Context(plan, lib)
    found = [f for check in CHECKS for f in check(ctx)]
    return sorted(found, key=lambda f: f.severity is not Severity.ERROR)  # stable: order within each kept


# ---- shared context ------------------------------------------------------------------------------------------


class _Context:
    """The plan with what several checks need: the reference year, derived numbers, the parsed doc number."""

    def __init__(self, plan: Plan, lib: Library | None):
        self.plan, self.lib = plan, lib
        self.numbers = number_tree(plan.nodes, plan.numbering)
        title_span = year_span(plan.title)
        # The plan's year field decides; a plan without one goes by the single year its title names.
        self.year = plan.year or (title_span[0] if title_span and title_span[0] == title_span[1] else None)
        self.doc = _loose_number(plan.notice.doc_number)

    def node(self, severity: Severity, node: Node, message: Message) -> Finding:
        title = node.title.strip().rstrip("。")
        return Finding(severity, node.id, message, f"{self.numbers[id(node)]}{title}")


# ---- years ---------------------------------------------------------------------------------------------------

# A year as titles write it: 2021年, 2021年度, 2019—2020学年, （2018-2022年）.
_YEARS = re.compile(r"(?<!\d)((?:19|20)\d\d)(?:\s*[-—–~～至到]+\s*((?:19|20)\d\d))?\s*(?:学)?年")


def year_span(text: str) -> tuple[int, int] | None:
    """(first, last) year a title names, or None when it names none."""
    years = [int(y) for m in _YEARS.finditer(text or "") for y in m.groups() if y]
    return (min(years), max(years)) if years else None


def _span_text(span: tuple[int, int]) -> str:
    return str(span[0]) if span[0] == span[1] else f"{span[0]}—{span[1]}"


def check_title_year(ctx: _Context) -> Iterator[Finding]:
    span = year_span(ctx.plan.title)
    if ctx.plan.year and span and not span[0] <= ctx.plan.year <= span[1]:
        yield Finding(
            Severity.ERROR,
            "plan.title",
            Message(
                QT_TRANSLATE_NOOP("Messages", "the plan's title says {found} but the plan is for {year}"),
                found=_span_text(span),
                year=ctx.plan.year,
            ),
        )


def check_notice_title_year(ctx: _Context) -> Iterator[Finding]:
    # The typical slip: next year's draft whose notice still issues last year's plan.
    span = year_span(ctx.plan.notice.title)
    if ctx.year and span and not span[0] <= ctx.year <= span[1]:
        yield Finding(
            Severity.ERROR,
            "notice.title",
            Message(
                QT_TRANSLATE_NOOP("Messages", "the notice title says {found} but the plan is for {year}"),
                found=_span_text(span),
                year=ctx.year,
            ),
        )


def check_signed_year(ctx: _Context) -> Iterator[Finding]:
    signed, year = ctx.plan.notice.signed_on, ctx.year
    if signed is None or year is None or signed.year == year or (signed.year == year - 1 and signed.month == 12):
        return  # a plan is issued in its year, or in the December before it
    if signed.year == year - 1:
        yield Finding(
            Severity.WARNING,
            "notice.signed_on",
            Message(
                QT_TRANSLATE_NOOP(
                    "Messages", "the notice is dated {date}, well before the plan's year {year}; is the date right?"
                ),
                date=signed.isoformat(),
                year=year,
            ),
        )
    else:
        yield Finding(
            Severity.ERROR,
            "notice.signed_on",
            Message(
                QT_TRANSLATE_NOOP("Messages", "the notice is dated {date} but the plan is for {year}"),
                date=signed.isoformat(),
                year=year,
            ),
        )


def check_number_year(ctx: _Context) -> Iterator[Finding]:
    # The number carries the year of issue: the date of signing's year, so a December notice has the year before.
    if ctx.doc is None or len(ctx.doc.year) != 4:
        return
    number, doc_year, signed = ctx.plan.notice.doc_number.strip(), int(ctx.doc.year), ctx.plan.notice.signed_on
    if signed is not None:
        if doc_year != signed.year:
            yield Finding(
                Severity.ERROR,
                "notice.doc_number",
                Message(
                    QT_TRANSLATE_NOOP(
                        "Messages", "the document number {number} is of {found} but the notice is dated {date}"
                    ),
                    number=number,
                    found=doc_year,
                    date=signed.isoformat(),
                ),
            )
    elif ctx.year and doc_year == ctx.year - 1:
        yield Finding(
            Severity.WARNING,
            "notice.doc_number",
            Message(
                QT_TRANSLATE_NOOP(
                    "Messages",
                    "the document number {number} is of {found}, the year before the plan's; right only for "
                    "a notice issued in December {found}",
                ),
                number=number,
                found=doc_year,
            ),
        )
    elif ctx.year and doc_year != ctx.year:
        yield Finding(
            Severity.ERROR,
            "notice.doc_number",
            Message(
                QT_TRANSLATE_NOOP("Messages", "the document number {number} is of {found} but the plan is for {year}"),
                number=number,
                found=doc_year,
                year=ctx.year,
            ),
        )


# ---- the notice's title --------------------------------------------------------------------------------------

# From the first 印发 only, matched at the start (searched from every 印发 of a long title it was quadratic).
_ISSUED = re.compile(r"^(?:(?!印发).)*印发(.+)的通知$")


def issued_title(notice_title: str) -> str | None:
    """The plan a 印发 notice issues: the 《…》 of 关于印发《…》的通知, or the words between 印发 and 的通知."""
    text = notice_title.strip()
    if (quoted := _first_quoted(text)) is not None:
        return quoted
    if not text.endswith("的通知") or "\n" in text:
        return None  # what _ISSUED needs; tried anyway on a title of many 印发 it was quadratic
    return m[1] if (m := _ISSUED.search(text)) else None


def _first_quoted(text: str) -> str | None:
    """What re.search(r"《(.+?)》", text) finds, in linear time (the regex, from each of 20,000 《 on a line without
    》, was quadratic): per line only its first 《 can match, with the first 》 at least one character on."""
    for line in text.split("\n"):
        start = line.find("《")
        if start >= 0 and (end := line.find("》", start + 2)) >= 0:
            return line[start + 1 : end]
    return None


def _squeeze(text: str) -> str:
    return re.sub(r"\s+", "", text)


def check_notice_title(ctx: _Context) -> Iterator[Finding]:
    issued = issued_title(ctx.plan.notice.title)
    if issued is None or _squeeze(issued) == _squeeze(ctx.plan.title):
        return
    if re.sub(r"\d{4}", "#", _squeeze(issued)) == re.sub(r"\d{4}", "#", _squeeze(ctx.plan.title)):
        return  # only the years differ: the year checks say which one is wrong
    yield Finding(
        Severity.ERROR,
        "notice.title",
        Message(
            QT_TRANSLATE_NOOP("Messages", "the notice issues 《{issued}》 but the plan is titled 《{title}》"),
            issued=issued,
            title=ctx.plan.title,
        ),
    )


# ---- 发文字号 ----------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _LooseNumber:
    code: str
    brackets: str  # the opening and closing bracket as typed
    year: str
    di: bool  # 第 before the serial
    serial: str
    hao: bool  # ends with 号


_LOOSE = re.compile(
    r"^(?P<code>.*?)(?P<open>[〔\[【(（［〈<{｛])(?P<year>\d+)(?P<close>[〕\]】)）］〉>}｝])"
    r"(?P<di>第?)(?P<serial>\d+)(?P<hao>号?)$"
)


def _loose_number(text: str) -> _LooseNumber | None:
    """The parts of a number as typed, wrong brackets, 2-digit years, padding and 第 included."""
    m = _LOOSE.match(_squeeze(text or ""))
    if m is None:
        return None
    return _LooseNumber(m["code"], m["open"] + m["close"], m["year"], bool(m["di"]), m["serial"], bool(m["hao"]))


def _defects(n: _LooseNumber) -> Iterator[Message]:
    if n.brackets != "〔〕":
        yield Message(
            QT_TRANSLATE_NOOP("Messages", "the year goes in 〔 〕, not {brackets}"), brackets=" ".join(n.brackets)
        )
    if len(n.year) != 4:
        yield Message(QT_TRANSLATE_NOOP("Messages", "the year is written in full, four digits"))
    if n.di:
        yield Message(QT_TRANSLATE_NOOP("Messages", "the serial takes no 第"))
    if n.serial.startswith("0"):
        yield Message(QT_TRANSLATE_NOOP("Messages", "the serial is not padded with zeros"))
    if not n.hao:
        yield Message(QT_TRANSLATE_NOOP("Messages", "the serial is followed by 号"))


def _fixed(n: _LooseNumber) -> str:
    year = int(n.year) + 2000 if len(n.year) == 2 else int(n.year)
    return f"{n.code}〔{year}〕{int(n.serial)}号"


def check_number_form(ctx: _Context) -> Iterator[Finding]:
    number = ctx.plan.notice.doc_number.strip()
    if not number or docnumbers.parse(number) is not None:
        return
    if ctx.doc is None:
        yield Finding(
            Severity.ERROR,
            "notice.doc_number",
            Message(
                QT_TRANSLATE_NOOP(
                    "Messages",
                    "the document number {number} is not of the form 机关代字〔年份〕序号号, e.g. 湘教发〔2020〕8号",
                ),
                number=number,
            ),
        )
        return
    for reason in _defects(ctx.doc):
        yield Finding(
            Severity.ERROR,
            "notice.doc_number",
            Message(
                QT_TRANSLATE_NOOP("Messages", "the document number {number} should read {fixed}: {reason}"),
                number=number,
                fixed=_fixed(ctx.doc),
                reason=reason,
            ),
        )


def check_number_taken(ctx: _Context) -> Iterator[Finding]:
    number = ctx.plan.notice.doc_number.strip()
    if ctx.lib is None or docnumbers.parse(number) is None:
        return
    for pid, title in docnumbers.holders(ctx.lib, number, exclude=ctx.plan.id):
        yield Finding(
            Severity.ERROR,
            "notice.doc_number",
            Message(
                QT_TRANSLATE_NOOP("Messages", "the document number {number} is already carried by plan {id}, {title}"),
                number=number,
                id=pid,
                title=title,
            ),
        )


def check_seals(ctx: _Context) -> Iterator[Finding]:
    # One seal per signing organ (7.3.5.1); a notice not sealed prints none.
    n = ctx.plan.notice
    signers = [s for s in n.signers if s.strip()]
    if n.seals and n.sealing is Sealing.SEALED and len(n.seals) != len(signers):
        yield Finding(
            Severity.WARNING,
            "notice.seals",
            Message(
                QT_TRANSLATE_NOOP(
                    "Messages", "{seals} electronic seals for {signers} signing organs: each organ seals once"
                ),
                seals=len(n.seals),
                signers=len(signers),
            ),
        )


# ---- dates, signers, 版记 ----------------------------------------------------------------------------------------


def check_signature(ctx: _Context) -> Iterator[Finding]:
    n = ctx.plan.notice
    signers = [s for s in n.signers if s.strip()]
    if signers and n.signed_on is None:
        yield Finding(
            Severity.ERROR,
            "notice.signed_on",
            Message(QT_TRANSLATE_NOOP("Messages", "the notice is signed but has no date of signing (成文日期)")),
        )
    elif n.signed_on is not None and not signers:
        yield Finding(
            Severity.ERROR,
            "notice.signers",
            Message(QT_TRANSLATE_NOOP("Messages", "the notice has a date of signing but no signing organ (署名)")),
        )


def check_date_order(ctx: _Context) -> Iterator[Finding]:
    n = ctx.plan.notice
    if n.signed_on is None:
        return
    if n.printed_on is not None and n.printed_on < n.signed_on:
        yield Finding(
            Severity.ERROR,
            "notice.printed_on",
            Message(
                QT_TRANSLATE_NOOP("Messages", "the date of printing {printed} is before the date of signing {signed}"),
                printed=n.printed_on.isoformat(),
                signed=n.signed_on.isoformat(),
            ),
        )
    if n.published_on is not None and n.published_on < n.signed_on:
        yield Finding(
            Severity.ERROR,
            "notice.published_on",
            Message(
                QT_TRANSLATE_NOOP(
                    "Messages", "the date of publication {published} is before the date of signing {signed}"
                ),
                published=n.published_on.isoformat(),
                signed=n.signed_on.isoformat(),
            ),
        )


def check_joint_signers(ctx: _Context) -> Iterator[Finding]:
    # Joint issuing: every organ in the masthead signs. A masthead of the host organ alone may go with
    # several signers (7.2.4), so only a masthead naming several organs is counted.
    n = ctx.plan.notice
    organs = masthead_organs(n.masthead)[0] if n.masthead.strip() else []
    signers = [s for s in n.signers if s.strip()]
    if len(organs) > 1 and len(signers) != len(organs):
        yield Finding(
            Severity.ERROR,
            "notice.signers",
            Message(
                QT_TRANSLATE_NOOP(
                    "Messages", "the masthead names {organs} organs but the notice has {signers} signers"
                ),
                organs=len(organs),
                signers=len(signers),
            ),
        )


def check_imprint(ctx: _Context) -> Iterator[Finding]:
    # The 版记's last row prints 印发机关 and 印发日期 together (7.4.3).
    n = ctx.plan.notice
    if n.printed_on is not None and not n.printed_by.strip():
        yield Finding(
            Severity.WARNING,
            "notice.printed_by",
            Message(
                QT_TRANSLATE_NOOP("Messages", "the imprint has a date of printing but no printing organ (印发机关)")
            ),
        )
    elif n.printed_by.strip() and n.printed_on is None:
        yield Finding(
            Severity.WARNING,
            "notice.printed_on",
            Message(
                QT_TRANSLATE_NOOP(
                    "Messages", "the imprint names the printing organ but has no date of printing (印发日期)"
                )
            ),
        )


# ---- structure -----------------------------------------------------------------------------------------------


def check_empty_headings(ctx: _Context) -> Iterator[Finding]:
    # A heading with nothing under it is usually left over from last year's plan. A (一) with text of its own
    # is content (plans such as 盘锦's write their measures as subsections), so only bare headings count.
    for node in ctx.plan.walk():
        if KINDS[node.kind].heading and not node.children and not node.body.strip() and not node.fields:
            yield ctx.node(
                Severity.WARNING,
                node,
                Message(QT_TRANSLATE_NOOP("Messages", "this {kind} has no tasks"), kind=KIND_NAMES[node.kind]),
            )


def _same_title(title: str) -> str:
    return _squeeze(title).rstrip("。.；;，,")


def check_duplicate_tasks(ctx: _Context) -> Iterator[Finding]:
    seen: dict[str, Node] = {}
    for node in ctx.plan.walk():
        if node.kind is not NodeKind.TASK or not (key := _same_title(node.title)):
            continue
        if key in seen:
            yield ctx.node(
                Severity.WARNING,
                node,
                Message(
                    QT_TRANSLATE_NOOP("Messages", "task {number} has the same title"),
                    number=ctx.numbers[id(seen[key])].rstrip("."),
                ),
            )
        else:
            seen[key] = node


def check_lead_units(ctx: _Context) -> Iterator[Finding]:
    # Only where the plan names lead units for most of its tasks: then a task without one was missed.
    tasks = [n for n in ctx.plan.walk() if n.kind is NodeKind.TASK]
    missing = [n for n in tasks if not lead_units(n)]
    if len(tasks) - len(missing) > len(tasks) / 2:
        for node in missing:
            yield ctx.node(
                Severity.WARNING,
                node,
                Message(
                    QT_TRANSLATE_NOOP("Messages", "no lead unit, while {count} of the plan's {total} tasks name one"),
                    count=len(tasks) - len(missing),
                    total=len(tasks),
                ),
            )


_DEADLINE_LABEL = re.compile(r"时限|期限|完成时间|时间节点|时间安排|完成日期")
# What a deadline reads like: 12月底, 2021年6月, 第三季度, 上半年, 年底前, 长期, 持续推进, 每学期 …
# A run of numerals is tried from its start only (from each of its characters it was quadratic).
_TIME = re.compile(
    r"\d|(?<![一二三四五六七八九十])[一二三四五六七八九十]+月|季度|[上下]半年|年[底末初中内]|全年|长期|持续|常态|长效|"
    r"每[年月周季日天学]|学期|学年|寒假|暑假|[春夏秋冬]季|即日|随时|适时|按时|按期|同步|逐年|月底|底前"
)


def check_deadlines(ctx: _Context) -> Iterator[Finding]:
    for node in ctx.plan.walk():
        for f in node.fields:
            if not _DEADLINE_LABEL.search(f.label):
                continue
            value = f.value.strip()
            if not value:
                yield ctx.node(
                    Severity.WARNING, node, Message(QT_TRANSLATE_NOOP("Messages", "{name} is empty"), name=f.label)
                )
            elif not _TIME.search(value):
                yield ctx.node(
                    Severity.WARNING,
                    node,
                    Message(
                        QT_TRANSLATE_NOOP("Messages", "{label} “{value}” is not a time"), label=f.label, value=value
                    ),
                )


# ---- the notice's required parts and the draft review ----------------------------------------------------------


def check_notice_parts(ctx: _Context) -> Iterator[Finding]:
    # A notice needs its 发文机关标志, 标题, 主送机关 and 正文 (GB/T 9704 7.2.4, 7.3.1–7.3.3); the exports refuse the
    # last three. A web copy often lacks the masthead, which the page shows as an image or not at all: Planbook
    # proposes one from the issuing organs (core.issuing), and it is an error until the clerk confirms it.
    n = ctx.plan.notice
    if not n.prints():
        return
    if not n.masthead.strip():
        yield Finding(
            Severity.ERROR,
            "notice.masthead",
            Message(QT_TRANSLATE_NOOP("Messages", "the notice has no issuing organ's mark (发文机关标志)")),
        )
    elif n.masthead_proposed:
        yield Finding(
            Severity.ERROR,
            "notice.masthead",
            Message(
                QT_TRANSLATE_NOOP(
                    "Messages", "the masthead “{masthead}” was proposed by Planbook: confirm it or change it"
                ),
                masthead=" ".join(n.masthead.split()),
            ),
        )
    missing = n.missing()
    if "title" in missing:
        yield Finding(
            Severity.ERROR, "notice.title", Message(QT_TRANSLATE_NOOP("Messages", "the notice has no title (标题)"))
        )
    if "recipients" in missing:
        yield Finding(
            Severity.ERROR,
            "notice.recipients",
            Message(QT_TRANSLATE_NOOP("Messages", "the notice has no principal recipients (主送机关)")),
        )
    if "body" in missing:
        yield Finding(
            Severity.ERROR, "notice.body", Message(QT_TRANSLATE_NOOP("Messages", "the notice has no body (正文)"))
        )


def check_stale_years(ctx: _Context) -> Iterator[Finding]:
    # The draft review's year findings: a year behind the plan's, written in the text (2020年, 2020年9月).
    from .review import Kind, review

    for f in review(ctx.plan):
        if f.kind not in (Kind.YEAR, Kind.DATE) or not f.text[:1].isdigit():
            continue
        if f.place:  # in a node (whose id is None in a plan not stored)
            yield Finding(Severity.WARNING, f.spot.node_id, f.message, f.place)
        elif f.spot.part not in ("title", "notice.title"):  # the title checks above say those in their words
            where = f.spot.part if f.spot.part.startswith("notice.") else f"plan.{f.spot.part}"
            yield Finding(Severity.WARNING, where, f.message)


def check_open_review(ctx: _Context) -> Iterator[Finding]:
    # Next year's draft: what the review still lists, neither accepted, edited away nor ignored.
    from .drafting import link_of
    from .review import review_plan

    if (
        ctx.lib is None
        or ctx.plan.id is None
        or (link := link_of(ctx.lib, ctx.plan.id)) is None
        or link.relation != "next-year"
    ):
        return
    if count := len(review_plan(ctx.lib, ctx.plan.id, ctx.plan)):
        yield Finding(
            Severity.WARNING,
            "review",
            Message(
                QT_TRANSLATE_NOOP("Messages", "the draft has {count} open review findings (Plan ▸ Review Draft)"),
                count=count,
            ),
        )


# A 函's number: its organ code ends in 函 (湘教办函〔2021〕12号).
_LETTER_NUMBER = re.compile(r"函\s*[〔\[【(（]")


def check_doc_format(ctx: _Context) -> Iterator[Finding]:
    # 信函格式 (10.1) prints the host organ's name only and has no 印发 row in its 版记; a 函 in 文件格式 is a slip.
    n = ctx.plan.notice
    if not n.prints():
        return
    if n.doc_format is DocFormat.FILE:
        if _LETTER_NUMBER.search(n.doc_number):
            yield Finding(
                Severity.WARNING,
                "notice.doc_format",
                Message(
                    QT_TRANSLATE_NOOP(
                        "Messages",
                        "{number} is a letter's number (函): letters are issued in the letter format (信函格式)",
                    ),
                    number=n.doc_number.strip(),
                ),
            )
        return
    organs = masthead_organs(n.masthead)[0] if n.masthead.strip() else []
    if len(organs) > 1:
        yield Finding(
            Severity.WARNING,
            "notice.masthead",
            Message(
                QT_TRANSLATE_NOOP(
                    "Messages",
                    "the letter format (信函格式) shows the host organ's name only: {others} left out of the head",
                ),
                others="、".join(organs[1:]).removesuffix("文件"),
            ),
        )
    if n.printed_by.strip() or n.printed_on:
        yield Finding(
            Severity.WARNING,
            "notice.printed_by",
            Message(
                QT_TRANSLATE_NOOP(
                    "Messages",
                    "the letter format (信函格式) has no printing organ and date (印发机关和印发日期): they are not printed",
                )
            ),
        )


CHECKS: tuple[Callable[[_Context], Iterator[Finding]], ...] = (
    check_title_year,
    check_notice_title_year,
    check_number_year,
    check_signed_year,
    check_notice_title,
    check_number_form,
    check_number_taken,
    check_signature,
    check_seals,
    check_date_order,
    check_joint_signers,
    check_imprint,
    check_notice_parts,
    check_doc_format,
    check_empty_headings,
    check_duplicate_tasks,
    check_lead_units,
    check_deadlines,
    check_stale_years,
    check_open_review,
)
