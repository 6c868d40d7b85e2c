"""Markdown (.md): plans kept in document collections and note apps.

- Front matter (`---` … `---` at the top, `key: value` lines) is the notice's metadata: 标题/title, 文号/发文字号/
  doc_number, 发布单位/发文机关/issuer/publisher, 发布日期/date, 成文日期/signed. It reaches the recogniser as
  the page-header lines a web page has, so it only fills what the document itself does not say.
- `#` headings are emphasis, not numbering: `## 一、总体要求` is read by its 一、, `# 2023年工作要点` is a title line.
- Pipe tables are tables (a task table keeps its 牵头单位 column), list bullets and emphasis marks are dropped.
"""

from __future__ import annotations

import re
from pathlib import Path

from . import ImportResult, read_bytes
from .decode import decode_text
from .plaintext import MAX_TEXT_BYTES
from .recognise import Block, TableBlock, recognise

# front-matter key → the page-header label the recogniser keeps (META_LABELS there)
FRONT_KEYS = {
    "标题": "标题",
    "名称": "标题",
    "title": "标题",
    "文号": "发文字号",
    "发文字号": "发文字号",
    "doc_number": "发文字号",
    "number": "发文字号",
    "docno": "发文字号",
    "发布单位": "发布机构",
    "发文机关": "发布机构",
    "发布机构": "发布机构",
    "issuer": "发布机构",
    "publisher": "发布机构",
    "author": "发布机构",
    "发布日期": "发布日期",
    "date": "发布日期",
    "published": "发布日期",
    "成文日期": "成文日期",
    "signed": "成文日期",
    "signed_on": "成文日期",
    "索引号": "索引号",
    "主题词": "主题词",
    "主题分类": "主题分类",
}
# No two neighbouring parts may both take the same spaces (possessive \s*+, the value up to its last non-space):
# each of these was quadratic or worse on a long line of spaces (a regex audit, issue 15).
_FRONT_LINE = re.compile(r"^\s*+([^:：#]{1,20}?)\s*[:：]\s*+((?:.*\S)?)\s*$")
_TABLE_RULE = re.compile(r"^\s*+\|?\s*+:?-{2,}:?\s*+(\|\s*+:?-{2,}:?\s*+)*\|?\s*+$")
_HEADING = re.compile(r"^\s{0,3}#{1,6}\s+")
_BULLET = re.compile(r"^\s*(?:[-*+]\s+|>\s?)")
_EMPHASIS = re.compile(r"(\*\*|__|(?<![\w*])\*(?!\s)|(?<!\S)_(?!\s)|`)")
_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!|>])")
_LINK = re.compile(r"!?\[([^\[\]]*)\]\([^()]*\)")  # each [ and ( scans only to the next one, not to the end


def read_markdown(path: Path) -> ImportResult:
    text, _ = decode_text(read_bytes(path, MAX_TEXT_BYTES), path.name)
    return parse_markdown(text)


def parse_markdown(text: str) -> ImportResult:
    found = recognise(markdown_blocks(text))
    return ImportResult([found.plan], found.warnings)


def markdown_blocks(text: str) -> list[Block]:
    lines = text.splitlines()
    front, lines = _front_matter(lines)
    blocks: list[Block] = [f"{label}：{value}" for label, value in front]
    table: list[list[str]] = []
    for line in lines:
        if line.lstrip().startswith("|") or (table and "|" in line):
            if not _TABLE_RULE.match(line):
                table.append(_cells(line))
            continue
        if table:
            blocks.append(TableBlock(table))
            table = []
        if _TABLE_RULE.match(line) and not line.strip("-= "):
            continue  # a thematic break
        blocks.append(_plain(line))
    if table:
        blocks.append(TableBlock(table))
    return blocks


def _front_matter(lines: list[str]) -> tuple[list[tuple[str, str]], list[str]]:
    if not lines or lines[0].strip() not in ("---", "+++"):
        return [], lines
    fence = lines[0].strip()
    end = next((i for i in range(1, min(len(lines), 60)) if lines[i].strip() in (fence, "...")), None)
    if end is None:
        return [], lines
    out = []
    for line in lines[1:end]:
        if (m := _FRONT_LINE.match(line)) and (label := FRONT_KEYS.get(m[1].strip().lower())) and m[2]:
            out.append((label, m[2].strip("\"'")))
    return out, lines[end + 1 :]


def _cells(line: str) -> list[str]:
    row = line.strip()
    row = row[1:] if row.startswith("|") else row
    row = row[:-1] if row.endswith("|") and not row.endswith("\\|") else row
    cells = re.split(r"(?<!\\)\|", row)
    return [_plain(c).replace("<br>", "\n").replace("<br/>", "\n").strip() for c in cells]


def _plain(line: str) -> str:
    line = _HEADING.sub("", line)
    line = _BULLET.sub("", line)
    line = _LINK.sub(r"\1", line)
    line = _EMPHASIS.sub("", line)
    return _ESCAPE.sub(r"\1", line)
