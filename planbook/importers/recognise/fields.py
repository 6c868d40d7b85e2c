"""A task's fields: `牵头单位：…` lines, labels run together, `（责任单位：…）` and unlabelled `（A负责）` at a paragraph's end."""

from __future__ import annotations

import re

from ...core.model import Field
from .patterns import _FIELD_SUFFIXES, COLON, FIELD_LINE_RE, INLINE_FIELDS_RE, KNOWN_FIELD_LABELS


def field_line(line: str) -> Field | None:
    """`牵头单位：基教科` → Field; None for a sentence that merely contains a colon."""
    m = FIELD_LINE_RE.match(line)
    if not m:
        return None
    if MEASURE_RE.fullmatch(line.strip()):
        return None
    return Field(m[1], m[2].strip()) if _is_label(m[1]) else None


# A table's caption naming its measure (单位：人, 单位：万元), not the unit responsible for a task
MEASURE_RE = re.compile(
    rf"(?:计量)?单位\s*{COLON}\s*(?:人|个|所|户|项|名|次|元|万元|亿元|千元|%|吨|亩|公里|平方米|人次|万人)"
)


def _is_label(label: str) -> bool:
    return label in KNOWN_FIELD_LABELS or (len(label) <= 6 and label.endswith(_FIELD_SUFFIXES))


_NEXT_LABEL = re.compile(rf"(?<!\s)\s+(?=([\u4e00-\u9fff]{{2,8}})\s*{COLON})")
_FIELD_HEAD = re.compile(rf"([\u4e00-\u9fff]{{2,8}})\s*{COLON}\s*")


def fields_of_line(line: str) -> list[Field]:
    """`牵头单位：办公室 责任单位：各科室` → two fields; one for a line with one label; [] for a sentence."""
    first = field_line(line)
    if first is None:
        return []
    # One pass over the value: each label found cuts it (slicing the rest again at every label was quadratic).
    value, start, out = first.value, 0, [first]
    for cut in _NEXT_LABEL.finditer(value):
        if cut.start() < start or not _is_label(cut[1]):
            continue
        head = _FIELD_HEAD.match(value, cut.end())
        if head is None:  # the lookahead that found the label guarantees it; kept for the type checker
            continue
        out[-1].value = value[start : cut.start()].strip()
        out.append(Field(head[1], ""))
        start = head.end()
    out[-1].value = value[start:].strip()
    return out


# A run of separators is tried once, from its start (from each of its characters it was quadratic).
_INLINE_SPLIT = re.compile(rf"[；;]|(?<![，,、\s])[，,、\s]+(?=[\u4e00-\u9fff]{{2,6}}\s*{COLON})")


# （市发展改革委、市财政局负责） or (市教育局牵头,市财政局配合) at a paragraph's end: units named without a label.
# A State Council plan names a dozen ministries in one (…等和各省级人民政府负责): the list may run long, each unit
# in it may not (`_units`).
RESPONSIBLE_RE = re.compile(
    r"[（(]((?:[^（）()。:：]|[（(][^（）()]{1,6}[）)]){2,200}?(?:负责|牵头|配合|参与|落实))[）)]"
    r"\s*[。.；;]?$"
)  # a unit may hold one bracket: 各区县（市）人民政府
_ROLE_LABEL = {"牵头": "牵头单位", "配合": "配合单位", "参与": "配合单位", "负责": "责任单位", "落实": "责任单位"}


def _units(names: str) -> bool:
    """A list of units (市教育局、市财政局 …), however many, not a sentence: no unit in it longer than a name runs."""
    return all(len(unit) <= 24 for unit in re.split(r"[、和及与]", names))


def responsible_units(text: str) -> tuple[str, list[Field]]:
    """Take an unlabelled `（A、B负责）` / `（A牵头，B配合）` off a paragraph's end as 责任单位 / 牵头单位 and 配合单位."""
    m = RESPONSIBLE_RE.search(text)
    if not m:
        return text, []
    found: list[Field] = []
    pending = ""  # units before a comma that share the next part's role: （A、B，各省级人民政府按职责分工负责）
    for part in re.split(r"[，,；;]", m[1]):
        pm = re.fullmatch(r"\s*(.+?)\s*(?:按职责分工|按职责)?\s*(负责|牵头|配合|参与|落实)\s*", part)
        if not pm and _units(part.strip()) and not re.search(r"\d", part):
            pending += part.strip() + "，"
            continue
        if not pm or not _units(pm[1]) or re.search(r"\d{4}|年底|月底|前完成", pm[1]):
            return text, []  # not a list of units (a time limit, a sentence)
        label, units = _ROLE_LABEL[pm[2]], pending + pm[1]
        pending = ""
        if found and found[-1].label == label:
            found[-1].value += "、" + units
        else:
            found.append(Field(label, units))
    if pending:
        return text, []
    rest = text[: m.start()].rstrip()
    if m[0].rstrip().endswith(("。", ".")) and rest and not rest.endswith("。"):
        rest += "。"
    return rest, found


def inline_fields(text: str) -> tuple[str, list[Field]]:
    """Take `（责任单位：市教育局）` off a paragraph's end as fields, or an unlabelled `（市教育局负责）`."""
    m = INLINE_FIELDS_RE.search(text)
    if not m:
        return responsible_units(text)
    found = []
    for part in _INLINE_SPLIT.split(m[1]):
        fm = re.match(rf"^\s*([\u4e00-\u9fff]{{2,6}})\s*{COLON}\s*(.*?)\s*$", part)
        if not fm:
            return text, []
        label = fm[1]
        # after a known label, the bracket's other labels are the document's own (负责部门：…，适用范围：…)
        if not (label in KNOWN_FIELD_LABELS or label.endswith(_FIELD_SUFFIXES) or found):
            return text, []
        found.append(Field(label, fm[2]))
    rest = text[: m.start()].rstrip()
    # keep the sentence's full stop when the parenthesis sat before it
    if m[0].rstrip().endswith(("。", ".")) and rest and not rest.endswith("。"):
        rest += "。"
    return rest, found
