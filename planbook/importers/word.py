"""Word documents (.docx): paragraphs and task tables in body order, for the recogniser.

A .docx is a zip of XML parts, so before python-docx sees one it is checked here: it must be a zip; the sizes
its entries declare must stay small (a zip bomb declares gigabytes); and no part may carry a DOCTYPE, which
is how XML entity tricks (external entities, billion laughs) come in. python-docx parses with lxml with
entity resolution off and no network access; the DOCTYPE check is a second lock on the same door.
"""

from __future__ import annotations

import io
import zipfile
import zlib
from pathlib import Path
from typing import TYPE_CHECKING

from ..core.errors import FormatError
from ..core.messages import QT_TRANSLATE_NOOP, Message
from ..core.numbering import chinese_numeral
from . import ImportResult, read_bytes
from .recognise import Block, TableBlock, marker, normalise_line, recognise

if TYPE_CHECKING:
    from docx.oxml.xmlchemy import BaseOxmlElement

MAX_DOCX_BYTES = 20 * 1024 * 1024
MAX_UNPACKED_BYTES = 100 * 1024 * 1024  # all entries together, as declared, before anything is inflated
MAX_XML_BYTES = 40 * 1024 * 1024  # the text parts together: a long plan's document.xml is 2 MB
MAX_ENTRIES = 2000
MAX_RATIO = 200  # a real part compresses ~10:1; a bomb's parts 1000:1
UNREADABLE = QT_TRANSLATE_NOOP("Messages", "{name} is not a readable Word .docx document ({reason})")


def check_package(data: bytes, name: str) -> None:
    """Refuse what is not a sound, modest zip before python-docx reads any of it."""
    if data.startswith(b"\xd0\xcf\x11\xe0"):
        raise FormatError(
            QT_TRANSLATE_NOOP(
                "Messages", "{name} is an old Word .doc file, not .docx; open it in Word or WPS and save as .docx"
            ),
            name=name,
        )
    if not data.startswith(b"PK"):
        raise FormatError(
            QT_TRANSLATE_NOOP("Messages", "{name} is not a Word .docx document (not a zip archive)"), name=name
        )
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            infos = z.infolist()
            if len(infos) > MAX_ENTRIES:
                raise FormatError(
                    QT_TRANSLATE_NOOP("Messages", "{name} has {parts} parts; no Word document has that many"),
                    name=name,
                    parts=len(infos),
                )
            total = sum(i.file_size for i in infos)
            if total > MAX_UNPACKED_BYTES:
                raise FormatError(
                    QT_TRANSLATE_NOOP("Messages", "{name} would unpack to {size} MB; refused as a possible zip bomb"),
                    name=name,
                    size=total // 2**20,
                )
            for info in infos:
                if info.file_size > 1024 * 1024 and info.file_size > MAX_RATIO * max(info.compress_size, 1):
                    raise FormatError(
                        QT_TRANSLATE_NOOP(
                            "Messages", "{name}: part {part} is compressed {ratio}:1; refused as a possible zip bomb"
                        ),
                        name=name,
                        part=info.filename,
                        ratio=info.file_size // max(info.compress_size, 1),
                    )
            xml = sum(i.file_size for i in infos if i.filename.endswith(".xml"))
            if xml > MAX_XML_BYTES:  # media may be large; the text parts are what must be parsed
                raise FormatError(
                    QT_TRANSLATE_NOOP(
                        "Messages", "{name} holds {size} MB of document text (XML); a plan has at most {limit} MB"
                    ),
                    name=name,
                    size=xml // 2**20,
                    limit=MAX_XML_BYTES // 2**20,
                )
            names = {i.filename for i in infos}
            if "word/document.xml" not in names and "[Content_Types].xml" not in names:
                raise FormatError(
                    QT_TRANSLATE_NOOP("Messages", "{name} is a zip archive but not a Word document"), name=name
                )
            for info in infos:
                if info.filename.endswith((".xml", ".rels")):
                    head = z.read(info)
                    if b"<!DOCTYPE" in head or b"<!ENTITY" in head:
                        raise FormatError(
                            QT_TRANSLATE_NOOP(
                                "Messages",
                                "{name}: part {part} declares a DOCTYPE/entities, which Word never writes; refused",
                            ),
                            name=name,
                            part=info.filename,
                        )
    except (
        zipfile.BadZipFile,
        zipfile.LargeZipFile,
        NotImplementedError,
        RuntimeError,
        EOFError,
        zlib.error,
        ValueError,
    ) as e:
        raise FormatError(UNREADABLE, name=name, reason=e) from None


def blocks_of(data: bytes, name: str) -> tuple[list[Block], int]:
    """Body paragraphs and tables in order; paragraphs numbered by Word's automatic numbering get their number
    written out (一、 （一） 1.) as the user saw it. Also returns how many numbered paragraphs could not be read."""
    import docx
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    try:
        document = docx.Document(io.BytesIO(data))
    except Exception as e:  # python-docx raises many kinds (KeyError, ValueError, lxml errors) for broken packages
        raise FormatError(UNREADABLE, name=name, reason=f"{type(e).__name__}: {e}") from None
    numbering = _AutoNumbers(document)
    blocks: list[Block] = []
    for child in document.element.body.iterchildren():
        tag = child.tag.rsplit("}", 1)[-1]
        if tag == "p":
            paragraph = Paragraph(child, document)
            text = paragraph.text
            prefix = numbering.prefix(paragraph)
            if prefix and normalise_line(text) and not marker(normalise_line(text)):
                text = prefix + text
            blocks.append(text)
        elif tag == "tbl":
            table = Table(child, document)
            rows = []
            for row in table.rows:
                try:
                    rows.append([cell.text for cell in row.cells])
                except Exception:  # a malformed grid: keep the row's text in document order
                    rows.append(["".join(t.text or "" for t in row._tr.iter() if t.tag.endswith("}t"))])
            blocks.append(TableBlock(rows))
    return blocks, numbering.unread


_CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"


class _AutoNumbers:
    """Word's list numbering (numbering.xml): which number each numbered paragraph shows."""

    def __init__(self, document) -> None:
        self.levels: dict[str, dict[int, tuple[int, str, str]]] = {}  # numId → ilvl → (start, numFmt, lvlText)
        self.counters: dict[str, dict[int, int]] = {}
        self.unread = 0
        try:
            self.by_style = _style_numbering(document)
        except Exception:  # no readable styles part: only direct numbering counts
            self.by_style = {}
        try:
            root = document.part.numbering_part.element
        except Exception:  # no numbering part: nothing is auto-numbered
            return
        abstract = {}
        for a in root.findall(_w("abstractNum")):
            lvls = {}
            for lvl in a.findall(_w("lvl")):
                lvls[_int(lvl.get(_w("ilvl")))] = (
                    _int(_val(lvl, "start"), 1),
                    _val(lvl, "numFmt") or "decimal",
                    _val(lvl, "lvlText") or "",
                )
            abstract[a.get(_w("abstractNumId"))] = lvls
        for num in root.findall(_w("num")):
            lvls = dict(abstract.get(_val(num, "abstractNumId"), {}))
            for override in num.findall(_w("lvlOverride")):
                ilvl = _int(override.get(_w("ilvl")))
                start = _val(override, "startOverride")
                if start is not None and ilvl in lvls:
                    lvls[ilvl] = (_int(start, 1), *lvls[ilvl][1:])
            self.levels[num.get(_w("numId"))] = lvls

    def prefix(self, paragraph) -> str:
        num_id, ilvl = _num_pr(paragraph, self.by_style)
        if num_id is None or num_id == "0":
            return ""
        lvls = self.levels.get(num_id)
        if not lvls or ilvl not in lvls:
            self.unread += 1
            return ""
        counters = self.counters.setdefault(num_id, {})
        counters[ilvl] = counters.get(ilvl, lvls[ilvl][0] - 1) + 1
        for deeper in [k for k in counters if k > ilvl]:
            del counters[deeper]  # a new 一、 restarts its （一）
        fmt, text = lvls[ilvl][1], lvls[ilvl][2]
        if fmt in ("bullet", "none"):
            return ""
        for level in range(ilvl + 1):
            n = counters.get(level, lvls.get(level, (1,))[0])
            text = text.replace(f"%{level + 1}", _format(n, lvls.get(level, (1, "decimal"))[1]))
        return text


def _style_numbering(document) -> dict[str, BaseOxmlElement]:
    """style id → the numPr it (or a style it is based on) carries; read once, not per paragraph."""
    own, based_on = {}, {}
    for style in document.styles.element.findall(_w("style")):
        sid = style.get(_w("styleId"))
        ppr = style.find(_w("pPr"))
        num_pr = ppr.find(_w("numPr")) if ppr is not None else None
        if num_pr is not None:
            own[sid] = num_pr
        base = style.find(_w("basedOn"))
        if base is not None:
            based_on[sid] = base.get(_w("val"))
    resolved = {}
    for sid in based_on.keys() | own.keys():
        seen, cur = set(), sid
        while cur is not None and cur not in own and cur not in seen:
            seen.add(cur)
            cur = based_on.get(cur)
        if cur in own:
            resolved[sid] = own[cur]
    return resolved


def _num_pr(paragraph, by_style: dict[str, BaseOxmlElement]) -> tuple[str | None, int]:
    """The paragraph's list (numId, level), from its own properties or its style's."""
    ppr = paragraph._p.pPr
    num_pr = ppr.find(_w("numPr")) if ppr is not None else None
    if num_pr is None and ppr is not None and (style := ppr.find(_w("pStyle"))) is not None:
        num_pr = by_style.get(style.get(_w("val")))
    if num_pr is None:
        return None, 0
    num_id, ilvl = num_pr.find(_w("numId")), num_pr.find(_w("ilvl"))
    if num_id is None:
        return None, 0
    return num_id.get(_w("val")), _int(ilvl.get(_w("val")) if ilvl is not None else None)


def _format(n: int, fmt: str) -> str:
    if fmt.startswith(("chineseCounting", "ideograph", "taiwaneseCounting", "japaneseCounting")) and 0 < n < 10000:
        return chinese_numeral(n)
    if fmt.startswith("decimalEnclosedCircle") and 0 < n <= len(_CIRCLED):
        return _CIRCLED[n - 1]
    if fmt == "decimalFullWidth":
        return str(n).translate(str.maketrans("0123456789", "０１２３４５６７８９"))
    return str(n)


def _w(name: str) -> str:
    return f"{{http://schemas.openxmlformats.org/wordprocessingml/2006/main}}{name}"


def _val(el, child: str) -> str | None:
    found = el.find(_w(child))
    return found.get(_w("val")) if found is not None else None


def _int(value: str | None, default: int = 0) -> int:
    try:
        return int(value) if value is not None else default
    except ValueError:
        return default


def parse_docx(data: bytes, name: str = "document.docx") -> ImportResult:
    check_package(data, name)
    blocks, unread = blocks_of(data, name)
    found = recognise(blocks)
    warnings = list(found.warnings)
    if unread:
        warnings.insert(
            0,
            Message(
                QT_TRANSLATE_NOOP(
                    "Messages",
                    "{count} paragraph(s) use Word automatic numbering "
                    "that cannot be read; their levels may not have "
                    "been recognised, please check",
                ),
                count=unread,
            ),
        )
    return ImportResult([found.plan], warnings)


def read_docx(path: Path) -> ImportResult:
    return parse_docx(read_bytes(path, MAX_DOCX_BYTES), path.name)
