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

from ..core.errors import FormatError
from . import ImportResult, read_bytes
from .recognise import Block, TableBlock, marker, normalise_line, recognise

MAX_DOCX_BYTES = 20 * 1024 * 1024
MAX_UNPACKED_BYTES = 100 * 1024 * 1024  # all entries together, as declared, before anything is inflated
MAX_ENTRIES = 2000
MAX_RATIO = 200  # a real part compresses ~10:1; a bomb's parts 1000:1


def check_package(data: bytes, name: str) -> None:
    """Refuse what is not a sound, modest zip before python-docx reads any of it."""
    if data.startswith(b"\xd0\xcf\x11\xe0"):
        raise FormatError(f"{name} is an old Word .doc file, not .docx; open it in Word or WPS and save as .docx")
    if not data.startswith(b"PK"):
        raise FormatError(f"{name} is not a Word .docx document (not a zip archive)")
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            infos = z.infolist()
            if len(infos) > MAX_ENTRIES:
                raise FormatError(f"{name} has {len(infos)} parts; no Word document has that many")
            total = sum(i.file_size for i in infos)
            if total > MAX_UNPACKED_BYTES:
                raise FormatError(f"{name} would unpack to {total // 2**20} MB; refused as a possible zip bomb")
            for info in infos:
                if info.file_size > 1024 * 1024 and info.file_size > MAX_RATIO * max(info.compress_size, 1):
                    raise FormatError(f"{name}: part {info.filename} is compressed {info.file_size // max(info.compress_size, 1)}:1; "
                                      "refused as a possible zip bomb")
            names = {i.filename for i in infos}
            if "word/document.xml" not in names and "[Content_Types].xml" not in names:
                raise FormatError(f"{name} is a zip archive but not a Word document")
            for info in infos:
                if info.filename.endswith((".xml", ".rels")):
                    head = z.read(info)
                    if b"<!DOCTYPE" in head or b"<!ENTITY" in head:
                        raise FormatError(f"{name}: part {info.filename} declares a DOCTYPE/entities, which Word "
                                          "never writes; refused")
    except (zipfile.BadZipFile, zipfile.LargeZipFile, NotImplementedError, RuntimeError, EOFError, zlib.error,
            ValueError) as e:
        raise FormatError(f"{name} is not a readable Word .docx document ({e})") from None


def blocks_of(data: bytes, name: str) -> tuple[list[Block], int]:
    """Body paragraphs and tables in order; also how many paragraphs use Word's automatic numbering."""
    import docx
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    try:
        document = docx.Document(io.BytesIO(data))
    except Exception as e:  # python-docx raises many kinds (KeyError, ValueError, lxml errors) for broken packages
        raise FormatError(f"{name} is not a readable Word .docx document ({type(e).__name__}: {e})") from None
    blocks: list[Block] = []
    auto_numbered = 0
    for child in document.element.body.iterchildren():
        tag = child.tag.rsplit("}", 1)[-1]
        if tag == "p":
            paragraph = Paragraph(child, document)
            text = paragraph.text
            ppr = child.pPr
            if ppr is not None and ppr.numPr is not None and normalise_line(text) and not marker(normalise_line(text)):
                auto_numbered += 1
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
    return blocks, auto_numbered


def parse_docx(data: bytes, name: str = "document.docx") -> ImportResult:
    check_package(data, name)
    blocks, auto_numbered = blocks_of(data, name)
    found = recognise(blocks)
    warnings = list(found.warnings)
    if auto_numbered:
        warnings.insert(0, f"有{auto_numbered}段使用了Word自动编号，编号不在文字中，这些段落的层级可能未被识别，请核对")
    return ImportResult([found.plan], warnings)


def read_docx(path: Path) -> ImportResult:
    return parse_docx(read_bytes(path, MAX_DOCX_BYTES), path.name)
