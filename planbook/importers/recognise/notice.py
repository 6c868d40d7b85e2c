"""The issuing notice: masthead, 发文字号, title, recipients, body, signers, date, annotation, imprint; a 转发, a 明电, a notice alone."""

from __future__ import annotations

import re

from ...core.messages import QT_TRANSLATE_NOOP
from ...core.model import NodeKind, Notice, Plan
from ...layout.blocks import chinese_date
from .dates import digits_date, is_date_line, normalise_doc_number, parse_date
from .fields import field_line, inline_fields
from .lines import _organ_like, _short, marker
from .patterns import (
    ANNOTATION_RE,
    CC_RE,
    COLON,
    DOC_NO_RE,
    IMPRINT_RE,
    KIND_END_RE,
    MASTHEAD_RE,
    NOTICE_TITLE_RE,
    ORGAN_END_RE,
    YEAR_RE,
    Block,
    Recognised,
    TableBlock,
)
from .state import _Doc
from .title import join_title

# A notice that carries a document (印发/转发 a plan, sends a draft for comment) names it; one that does not is
# the whole document, and its own 一、二、 points are the notice's body, not a plan's sections.
_CARRIES_RE = re.compile(r"印发|转发|下发|颁发|发布|征求|送审|报送|《")


def _notice_alone(items: list[Block]) -> bool:
    """A notice with no plan: its title carries nothing, and its signature and date close the document."""
    lines = [x for x in items if isinstance(x, str)]
    if len(lines) < 3 or any(isinstance(x, TableBlock) for x in items):
        return False
    title = next((x for x in lines[:15] if _notice_title(x)), None)
    tail = [x for x in lines[-4:] if not (ANNOTATION_RE.match(x) or IMPRINT_RE.match(x) or CC_RE.match(x))]
    if title is None or not any(map(_dated, tail[-2:])):
        # a letter to its recipients with no numbered paragraph at all is a notice, signed or not; so is one
        # copied without its title (only the recipients, the body and the signature), and one that closes as a
        # notice does (特此通知。), whatever points it numbers
        return _addressed(lines) and (not any(map(marker, lines)) or any(map(_CLOSES_RE.match, tail[-2:])))
    if re.search(r"意见$", title):
        return not any(map(marker, lines))  # an 意见 issued directly is its own plan, its 一、二、 its sections
    if not _CARRIES_RE.search(title):
        return not _points_hold_work(lines)
    # it names a plan, but the plan is not here: the signature and date that close it are its only ones
    return sum(1 for x in lines if _dated(x)) == 1


def _points_hold_work(lines: list[str]) -> bool:
    """A 通知 that names no document is still its own plan when its points are a plan's: 一、 points holding
    numbered tasks under them ((一)/1.), or points that name who does them (（市场监管总局负责）, 责任单位：…). A
    notice's own 一、二、 alone, with nothing under them, are its body (the issue: never invent sections from them)."""
    kinds = {m.kind for x in lines if (m := marker(x))}
    if NodeKind.SECTION not in kinds:
        return False
    pointed = [x for i, x in enumerate(lines) if marker(x) or (i and marker(lines[i - 1]))]  # a point, the line under
    return len(kinds) > 1 or any(field_line(x) or inline_fields(x)[1] for x in pointed)


_ATTACHMENT_HEAD_RE = re.compile(r"^附\s*件\s*\d*\s*[:：]?$")


_ATTACHMENT_NOTE_RE = re.compile(r"^附\s*件\s*[:：]\s*(?:1\s*[.．、]\s*)?(.+?)$")


def _mark_printed_attachment(items: list[Block]) -> list[Block]:
    """A notice with its own 一、二、 points whose plan follows its date with no bare 附件 heading (as Planbook and
    many offices print it: the 附件说明 above the signature names the plan, whose title comes right after the date):
    the heading is put where it would stand, so `_attached_plan_at` finds the plan as on the web page."""
    for i, x in enumerate(items[:-1]):
        following = items[i + 1]
        if not (isinstance(x, str) and isinstance(following, str) and _dated(x)):
            continue
        named = [m[1] for y in items[max(0, i - 6) : i] if isinstance(y, str) and (m := _ATTACHMENT_NOTE_RE.match(y))]
        if any(_same_title(n, following) for n in named) and any(marker(y) for y in items[:i] if isinstance(y, str)):
            return [*items[: i + 1], "附件", *items[i + 1 :]]
    return items


def _same_title(named: str, line: str) -> bool:
    a, b = (re.sub(r"[\s《》]", "", t) for t in (named, line))
    return len(b) >= 4 and (a == b or a.startswith(b))


def _attached_plan_at(items: list[Block]) -> int | None:
    """Where a notice with its own 一、二、 points ends and the plan it attaches begins: the bare 附件 heading just
    after the notice's signature and date (…认真抓好组织实施 / 国务院办公厅 / 2018年12月23日 / 附件 / …清单), when a
    plan (numbered lines or a table) follows it. None when the numbered lines before are the plan itself."""
    for i, x in enumerate(items):
        if not (isinstance(x, str) and _ATTACHMENT_HEAD_RE.match(x)):
            continue
        before = [y for y in items[max(0, i - 4) : i] if isinstance(y, str) and not ANNOTATION_RE.match(y)]
        after = items[i + 1 :]
        opened = [y for y in items[:i] if isinstance(y, str)]
        if (
            any(map(_dated, before[-2:]))
            and any(isinstance(y, TableBlock) or marker(y) for y in after)
            and _a_notice(opened)
            and any(map(marker, opened))
        ):
            return i
    return None


def _a_notice(lines: list[str]) -> bool:
    """The text opens as a notice (通知, 通报, 函), not as a document issued directly whose own sections come before
    its attached table (an 意见 with its 任务分工表)."""
    titles = [t[1] for y in lines[:15] if (t := _notice_title(y))]
    if titles:
        return not titles[-1].endswith("意见")
    return _addressed(lines)


_CLOSES_RE = re.compile(r"^特此(?:通知|通报|函告|函复|批复|公告)[。！!.]?$")


def _dated(line: str) -> bool:
    """A date line, or a signer and date on one line."""
    return is_date_line(line) or _signer_and_date(line) is not None


def _addressed(lines: list[str]) -> bool:
    """The text opens (after its title) with recipients: 各县（市、区）教育局：."""
    return any(x.startswith("各") and x.endswith((":", "：")) and len(x) <= 200 for x in lines[:4])


def _read_notice_alone(items: list[Block], doc: _Doc) -> Recognised:
    lines = [x for x in _read_imprint(items, doc) if isinstance(x, str)]
    if any(_notice_title(x) for x in lines[:15]):
        _read_notice(lines, doc)
    else:  # copied without its title: recipients, body, signature
        _read_notice_body(lines, -1, set(), doc)
        _apply_meta(doc)
    n = doc.notice
    if m := re.search(r"《(.+)》", n.title):
        title = m[1]  # the plan it sends, which is not here
    else:
        title = re.sub(r"^.*?关于(?:印发|转发|下发)?|的(?:通知|决定|通报|函|意见)$", "", n.title)
    title = title or re.sub(rf"^附\s*件\s*\d*\s*{COLON}\s*", "", n.attachments) or _sent(n.body) or "未命名计划"
    plan = Plan(title=title, notice=n, issuers=list(n.signers))
    if m := YEAR_RE.search(n.title) or YEAR_RE.search(title):
        plan.year = int(m[1])
    doc.warn(
        QT_TRANSLATE_NOOP(
            "Messages", "this is a notice with no plan in it; it was imported as the notice of an empty plan"
        )
    )
    return Recognised(plan, doc.warnings)


def _sent(body: str) -> str:
    """The document a notice's first paragraph forwards or issues: 现将《…》转发你们 → …."""
    first = body.split("\n")[0]
    m = re.search(r"(?:转发|印发)[^《]{0,8}《([^《》]+)》|《([^《》]+)》[^《》]{0,30}(?:转发|印发)", first)
    return (m[1] or m[2]) if m else ""


def _read_notice(front: list[str], doc: _Doc) -> list[str]:
    """Take the issuing notice out of the lines before the plan's first section; return what is left."""
    n = doc.notice
    front = _join_notice_title(front)
    title_at = _title_line(front)
    if title_at is not None and DIRECT_RE.search(_title_of(front[title_at])):
        return _read_direct(front, title_at, doc)
    used = _read_head(front, title_at, n)
    anchor = title_at
    if title_at is not None:
        _read_title_lines(front, title_at, used, n)
    elif n.doc_number or n.masthead:
        anchor = max(used)
    if anchor is not None:
        _read_notice_body(front, anchor, used, doc)
    _apply_meta(doc)
    _read_telegram_header(front[: title_at or 0], n)
    if title_at is None and not used:
        return front
    # What sits above the notice's title (a page heading repeating it) is not the plan's.
    last = max(used)
    rest = [x for i, x in enumerate(front) if i not in used and i > last]
    return _read_forwarded(rest, doc)


def _title_line(front: list[str]) -> int | None:
    """Where the notice's title is: a page's headline often repeats it above the document's own, which is the last
    one."""
    first = next((i for i, x in enumerate(front) if _notice_title(x)), None)
    if first is None:
        return None
    same = _title_of(front[first])
    return max(i for i, x in enumerate(front[: first + 16]) if (t := _notice_title(x)) and t[1] == same)


def _title_of(line: str) -> str:
    """The notice title a line holds ("" for none)."""
    found = _notice_title(line)
    return found[1] if found else ""


def _read_head(front: list[str], title_at: int | None, n: Notice) -> set[int]:
    """The masthead and 发文字号 above (or just below) the title; the lines they took."""
    used: set[int] = set()
    for i, line in enumerate(front[: (title_at or 0) + 3]):
        if not n.masthead and (m := MASTHEAD_RE.match(line)):
            n.masthead = _unspace(m[1].strip())
            used.add(i)
        elif not n.doc_number and (no := normalise_doc_number(line)) and len(line) <= 30 and title_at != i:
            n.doc_number = no
            used.add(i)
    return used


def _read_title_lines(front: list[str], title_at: int, used: set[int], n: Notice) -> None:
    """The title with the number printed before it, and the same title or number repeated under it."""
    no, n.title = _notice_title(front[title_at]) or ("", "")
    n.doc_number = n.doc_number or no
    used.add(title_at)
    for i in range(title_at + 1, min(len(front), title_at + 4)):
        again = _notice_title(front[i])
        if (again and again[1] == n.title) or normalise_doc_number(front[i]) == front[i].replace(" ", ""):
            n.doc_number = n.doc_number or normalise_doc_number(front[i]) or ""
            used.add(i)


def _read_forwarded(rest: list[str], doc: _Doc) -> list[str]:
    """A 转发 notice forwards another body's notice, which comes next with its own number, title, signature and
    date. It is kept, word for word, after the forwarding notice's body; its signers issued the plan."""
    if not re.search(r"转发|转印", doc.notice.title) or not any(_notice_title(x) for x in rest[:8]):
        return rest
    inner = _Doc()
    after = _read_notice(rest, inner)
    forwarded = rest[: len(rest) - len(after)]
    if not inner.notice.title or not forwarded:
        return rest
    doc.notice.body = "\n".join(x for x in (doc.notice.body, *forwarded) if x)
    doc.forwarded_signers = list(inner.notice.signers)
    return after


_TELEGRAM = {"等级": "urgency", "签批盖章": "issued_by", "签发人": "issued_by", "签批": "issued_by"}


def _read_telegram_header(lines: list[str], n: Notice) -> None:
    """A 明电's header: 发电单位 …, 签批盖章 …, 等级 特急 (the 发文字号 is read with the rest)."""
    for line in lines:
        for label, attr in _TELEGRAM.items():
            if (m := re.search(rf"{label}\s*[:：]?\s*([\u4e00-\u9fff·]{{2,8}})", line)) and not getattr(n, attr):
                setattr(n, attr, m[1])


# 关于…的实施意见 with a 发文字号 is the document itself (an 意见 issued as it is), not a notice sending one
DIRECT_RE = re.compile(r"的(?:实施意见|指导意见|若干意见|意见)$")


def _read_direct(front: list[str], title_at: int, doc: _Doc) -> list[str]:
    """A document issued without a covering notice: its title, 发文字号 and 主送机关 head it, and what follows the
    recipients is its own preamble. The title stays for the plan; the number and recipients go to the notice."""
    n = doc.notice
    rest = [front[title_at]]
    for i in range(title_at + 1, len(front)):
        line = front[i]
        if i <= title_at + 3 and not n.doc_number and DOC_NO_RE.fullmatch(line.strip("()（） ")):
            n.doc_number = normalise_doc_number(line) or ""
        elif i <= title_at + 4 and not n.recipients and line.endswith((":", "：")) and len(line) >= 3:
            n.recipients = line[:-1] + "："
        else:
            rest.append(line)
    _apply_meta(doc)
    return rest


def _join_notice_title(front: list[str]) -> list[str]:
    """A notice title printed in 梯形 lines (关于印发《… / …2020年 / 工作要点》的通知) as one line again, with the
    sending organ on a line of its own above it."""
    return _join_organ(_join_ladder(front))


def _join_ladder(front: list[str]) -> list[str]:
    for i in range(min(len(front), 20)):
        if (not front[i].startswith(("关于", "《")) and "关于" not in front[i]) or _notice_title(front[i]):
            continue
        if front[i].endswith(("。", "；", "！", "？")):
            continue  # a sentence (现将《…关于…》转发给你们。) opens no title
        acc = front[i]
        for k in range(i + 1, min(len(front), i + 4)):
            if not _short(front[k]) or len(acc) > 80:
                break
            acc = join_title(acc, front[k])
            if _notice_title(acc):
                return [*front[:i], acc, *front[k + 1 :]]
    return front


def _join_organ(front: list[str]) -> list[str]:
    """The sending organ on a line of its own above 关于…: 济宁市人民政府 / 关于持续深化…的实施意见."""
    for i in range(1, min(len(front), 20)):
        if (
            front[i].startswith("关于")
            and _notice_title(front[i])
            and ORGAN_END_RE.search(front[i - 1])
            and _organ_like(front[i - 1])
        ):
            return [*front[: i - 1], front[i - 1] + front[i], *front[i + 1 :]]
    return front


def _notice_title(line: str) -> tuple[str, str] | None:
    """`盘政办发〔2019〕24号 关于印发…的通知` or `《…关于印发〈…〉的通知》` → (doc number or "", title)."""
    no = normalise_doc_number(line) or ""
    if no and DOC_NO_RE.match(line):
        line = DOC_NO_RE.sub("", line, count=1).strip()
    if line.startswith("《") and line.endswith("》"):
        line = line[1:-1].strip()
    line = _title_spaces(line)
    return (no, line) if NOTICE_TITLE_RE.match(line) else None


def _title_spaces(title: str) -> str:
    """A title copied from a page keeps its print line breaks as spaces (…办公室 关于印发…发展 实施方案的通知); only
    the space between two organ names (湖南省教育厅 中共湖南省委教育工委) belongs to it."""
    return re.sub(r"(?<![局厅委办部院会府室心])\s+|\s+(?=关于|的(?:通知|决定|通报|函|意见)$)", "", title)


def _unspace(text: str) -> str:
    """湖 南 省 教 育 厅 文 件 (letter-spaced in print) → 湖南省教育厅文件; spaces between organ names stay."""
    return text.replace(" ", "") if re.fullmatch(r"(\S )+\S", text) else text


def _side_by_side(line: str) -> list[str]:
    """湖南省教育厅 中共湖南省委教育工作委员会 → both organs; a name with one space in it stays whole unless both
    halves read as organs."""
    parts = line.split(" ")
    if len(parts) > 1 and all(len(p) >= 4 and ORGAN_END_RE.search(p) for p in parts):
        return parts
    return [line]


def _read_notice_body(front: list[str], anchor: int, used: set[int], doc: _Doc) -> None:
    """The recipients, body, signers, date and annotation under the notice's title (or its number)."""
    start = _read_recipients(front, anchor, used, doc.notice)
    date_at = next((i for i in range(start, len(front)) if _dated(front[i])), None)
    if date_at is not None:
        date_at = _past_forwarded(front, start, date_at, doc)
    if date_at is None:
        end = next(
            (k for k in range(start, len(front)) if _short(front[k]) and KIND_END_RE.search(front[k])), len(front)
        )
        _set_notice_body(front[start:end], doc.notice)
        used.update(range(start, end))
        doc.warn(_NO_SIGNATURE)
        return
    _read_signature(front, start, date_at, doc)
    used.update(range(start, date_at + 1))
    if date_at + 1 < len(front) and (m := ANNOTATION_RE.match(front[date_at + 1])):
        doc.notice.annotation = "（" + m[1].strip() + "）"
        used.add(date_at + 1)


def _past_forwarded(front: list[str], start: int, date_at: int, doc: _Doc) -> int:
    """A 转发 notice printed with the notice it forwards inside its body, its own signature after it (as Planbook
    prints one): the first date closes the forwarded notice, whose signers issued the plan; the forwarding
    notice's own date is the next one."""
    if not re.search(r"转发|转印", doc.notice.title):
        return date_at
    if not any(_notice_title(x) or MASTHEAD_RE.match(x) for x in front[start + 1 : date_at]):
        return date_at
    after = next((i for i in range(date_at + 1, min(len(front), date_at + 8)) if _dated(front[i])), None)
    if after is None:
        return date_at
    inner = _Doc()
    _read_signature(front, start + 1, date_at, inner)
    doc.forwarded_signers = list(inner.notice.signers)
    return after


_NO_SIGNATURE = QT_TRANSLATE_NOOP("Messages", "issuing notice: no date of signing and no signature found, please check")


def _read_closing_signature(body: list[Block], doc: _Doc) -> list[Block]:
    """A document issued directly (an 意见, a 通知 that is its own plan) signs and dates at its very end, after its
    last section: …国务院办公厅 / 2018年12月30日 / （此件公开发布）. Read them as the notice's, when its head had none,
    and take them out of the last task."""
    n = doc.notice
    tail = _closing_tail(body)
    if tail is None:
        return body
    first, lines = tail
    if n.signers:
        forwards = re.search(r"转发|转印", n.title + doc.meta.get("title", "")) or re.search(r"转发(?:给)?你们", n.body)
        if not forwards or doc.forwarded_signers:
            return body
        # a 转发 notice's forwarded report signs at its end (国家地震局 / 一九九六年一月二十五日): it issued the plan
        doc.forwarded_signers = [
            p for line in lines if not _dated(line) and not ANNOTATION_RE.match(line) for p in _side_by_side(line)
        ]
        return body[:first]
    annotation = ANNOTATION_RE.match(lines[-1])
    date_line = lines[-2] if annotation else lines[-1]
    n.signers = [p for line in lines[: -2 if annotation else -1] for p in _side_by_side(line)]
    if pair := _signer_and_date(date_line):
        n.signers.append(pair[0])
        date_line = pair[1]
    if n.signed_on is None:
        _read_signed_on(date_line, doc)
    if annotation and not n.annotation:
        n.annotation = "（" + annotation[1].strip() + "）"
    doc.warnings[:] = [w for w in doc.warnings if getattr(w, "template", None) != _NO_SIGNATURE]
    return body[:first]


def _closing_tail(body: list[Block]) -> tuple[int, list[str]] | None:
    """The signers, date and annotation that end a document (where they start, and the lines), or None."""
    k = len(body)
    while k > 0 and len(body) - k < 6 and isinstance(body[k - 1], str):
        k -= 1
    lines = [x for x in body[k:] if isinstance(x, str)]
    end = len(lines) - (1 if lines and ANNOTATION_RE.match(lines[-1]) else 0)
    if not end or not _dated(lines[end - 1]):
        return None
    first = end - 1
    while first > max(0, end - 4) and _organ_like(lines[first - 1]) and _short(lines[first - 1]):
        first -= 1
    if first == end - 1 and _signer_and_date(lines[end - 1]) is None:
        return None  # a date alone is a paragraph's, not a signature
    return k + first, lines[first:]


def _read_recipients(front: list[str], anchor: int, used: set[int], n: Notice) -> int:
    """The 主送机关 line just under the title (各县（市、区）教育局：); where the body starts."""
    recip = next(
        (
            i
            for i in range(anchor + 1, min(len(front), anchor + 6))
            if i not in used and front[i].endswith((":", "：")) and len(front[i]) >= 3
        ),
        None,
    )
    if recip is None:
        return anchor + 1
    n.recipients = front[recip][:-1] + "："
    used.add(recip)
    return recip + 1


def _read_signature(front: list[str], start: int, date_at: int, doc: _Doc) -> None:
    """The signers above the date (or beside it on its line), the date, and the body above them."""
    n = doc.notice
    date_line = front[date_at]
    first_signer = date_at
    while (
        first_signer - 1 >= start
        and _organ_like(front[first_signer - 1])
        and not _NUMBERED_RE.match(front[first_signer - 1])  # 2.…清单: an attachment's name, not a signer
        and date_at - first_signer < 4
    ):
        first_signer -= 1
    # Sealed joint notices print the organs side by side on one line (7.3.5.1): one signer each.
    n.signers = [part for line in front[first_signer:date_at] for part in _side_by_side(line)]
    if pair := _signer_and_date(date_line):
        n.signers.append(pair[0])
        date_line = pair[1]
    _set_notice_body(front[start:first_signer], n)
    _read_signed_on(date_line, doc)


def _signer_and_date(line: str) -> tuple[str, str] | None:
    """`南宁市教育局 2018年3月19日` on one line → (organ, date)."""
    m = re.match(r"^(.{2,30}?)\s+(\S+)$", line)
    if m and _organ_like(m[1]) and ORGAN_END_RE.search(m[1]) and is_date_line(m[2]):
        return m[1], m[2]
    return None


def _set_notice_body(lines: list[str], n: Notice) -> None:
    """The notice's body, with its 附件：… line kept apart as the attachment note."""
    body = []
    listing = False
    for line in lines:
        if re.match(rf"^附\s*件\s*\d*\s*{COLON}", line) and not n.attachments:
            n.attachments, listing = line, True
        elif listing and _NUMBERED_RE.match(line) and len(line) <= 60 and "。" not in line:
            n.attachments += "\n" + line  # 附件：1.… / 2.…: the note names each attachment on its own line
        else:
            body.append(line)
            listing = False
    n.body = "\n".join(body)


_NUMBERED_RE = re.compile(r"^\d{1,2}\s*[.．、]")


def _read_signed_on(line: str, doc: _Doc) -> None:
    text = line.replace(" ", "")
    if date := parse_date(text):
        doc.notice.signed_on = date
        return
    published = parse_date(doc.meta.get("published_on", ""))
    date, readings = digits_date(text, published)
    if date:
        doc.notice.signed_on = date
        also = "、".join(chinese_date(d) for d in readings if d != date)  # dates as a 公文 writes them
        if also:
            doc.warn(
                QT_TRANSLATE_NOOP(
                    "Messages",
                    "the date of signing “{text}” is bare digits; read as {date} "
                    "(it could also be {also}), please check",
                ),
                text=text,
                date=chinese_date(date),
                also=also,
            )
        else:
            doc.warn(
                QT_TRANSLATE_NOOP(
                    "Messages", "the date of signing “{text}” is bare digits; read as {date}, please check"
                ),
                text=text,
                date=chinese_date(date),
            )


def _apply_meta(doc: _Doc) -> None:
    """Page-header metadata fills what the document itself did not say."""
    n, meta = doc.notice, doc.meta
    n.index_no = n.index_no or meta.get("index_no", "")
    n.subject_words = n.subject_words or meta.get("subject_words", "")
    n.category = n.category or meta.get("category", "")
    if not n.doc_number and meta.get("doc_number"):
        n.doc_number = normalise_doc_number(meta["doc_number"]) or meta["doc_number"]
    if meta.get("published_on"):
        n.published_on = parse_date(meta["published_on"])
    if not n.signed_on and meta.get("signed_on") and (n.title or n.doc_number):
        n.signed_on = parse_date(meta["signed_on"])


_ATTACHMENT_RE = re.compile(rf"^附\s*件\s*\d*\s*{COLON}")


_ATTACHMENT_LIST_RE = re.compile(rf"^附\s*件\s*{COLON}\s*1\s*[.．、]")


def _plan_start(items: list[Block], first: int = 0) -> int | None:
    """Where the plan begins: its first table or numbered line. The numbered names of the notice's attachments
    (附件：1.… / 2.…, printed above the signature) are no tasks: they are passed over."""
    listing = False
    for i, x in enumerate(items[first:], first):
        if isinstance(x, TableBlock):
            return i
        if _ATTACHMENT_LIST_RE.match(x):
            listing = True
            continue
        if listing and re.match(r"^\d{1,2}\s*[.．、]", x) and len(x) <= 60 and "。" not in x:
            continue
        listing = False
        if marker(x):
            return i
    return None


def _read_attachments(body: list[Block], doc: _Doc) -> list[Block]:
    """`附件：1.… / 2.…` closing the document after the plan: the attachment note (附件说明), whose numbered names are
    no tasks. Kept as the notice's attachments when it has none of its own."""
    lines = [x if isinstance(x, str) else "" for x in body]
    start = next(
        (i for i in range(len(lines) - 1, max(0, len(lines) - 12), -1) if _ATTACHMENT_RE.match(lines[i])), None
    )
    if start is None or doc.notice.attachments:
        return body
    names = body[start + 1 :]
    if not all(isinstance(x, str) and len(x) <= 60 and "。" not in x for x in names):
        return body
    doc.notice.attachments = "\n".join(x for x in body[start:] if isinstance(x, str))
    return body[:start]


def _read_imprint(body: list[Block], doc: _Doc) -> list[Block]:
    """Take 抄送 and `…办公室 2020年3月9日印发` off the end of the document."""
    n = doc.notice
    while body and isinstance(body[-1], str):
        line = body[-1]
        if m := IMPRINT_RE.match(line):
            n.printed_by, n.printed_on = m[1].strip(), parse_date(m[2])
        elif m := CC_RE.match(line):
            n.cc = m[1].strip()
        else:
            break
        body = body[:-1]
    return body
