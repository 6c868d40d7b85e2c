"""Files named .doc, .wps or .mht: what government web sites and old folders hold under those names.

A ".doc" is often not Word's binary format at all: a .docx renamed, or a web page that Word or a web site saved
under that name (Word's "Web Page" HTML, or "Single File Web Page" MHTML). Those are read by what they contain.
The real binary format (OLE2: Word 97–2003 .doc, and the .wps WPS saves in Word's layout) is converted to .docx
by msdoc2docx (pure Python, bounded) and read as any Word document; what the conversion reports as lost is passed
on as a warning. RTF is refused with what to do instead.
"""

from __future__ import annotations

import email
import email.policy
import re
import struct
import tempfile
from pathlib import Path

from ..core.errors import FormatError
from ..core.messages import QT_TRANSLATE_NOOP, Message
from . import ImportResult, read_bytes
from .recognise import Block, TableBlock, recognise
from .webpage import MAX_HTML_BYTES, html_text, parse_html
from .word import parse_docx

OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def read_legacy(path: Path) -> ImportResult:
    data = read_bytes(path, MAX_HTML_BYTES)
    head = data[:4096].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if data.startswith(b"PK"):
        return parse_docx(data, path.name)  # a .docx under an old name
    if data.startswith(OLE2):
        return read_binary_word(data, path.name)
    if head.startswith(b"{\\rtf"):
        raise FormatError(
            QT_TRANSLATE_NOOP("Messages", "{name} is an RTF document; open it in Word or WPS and save it as .docx"),
            name=path.name,
        )
    if head.startswith(b"mime-version:") or b"multipart/related" in head[:1024]:
        return parse_html(mhtml_page(data, path.name))
    if any(tag in head for tag in (b"<html", b"<!doctype html", b"<body", b"<?xml")):
        return parse_html(html_text(data, path.name))
    raise FormatError(QT_TRANSLATE_NOOP("Messages", "{name} is neither a Word document nor a web page"), name=path.name)


def binary_word_to_docx(data: bytes, name: str) -> tuple[bytes, list[str]]:
    """An old binary Word (or WPS) file as .docx bytes, with the codes of what the conversion could not carry over."""
    from doc2docx import convert
    from doc2docx.errors import Doc2DocxError, EncryptedDocumentError

    with tempfile.TemporaryDirectory(prefix="planbook-doc-") as folder:
        source, target = Path(folder) / "in.doc", Path(folder) / "out.docx"
        source.write_bytes(data)
        try:
            result = convert(source, target)
        except EncryptedDocumentError:
            raise FormatError(
                QT_TRANSLATE_NOOP(
                    "Messages",
                    "{name} is a password-protected Word document; open it, "
                    "save a copy without the password and import that",
                ),
                name=name,
            ) from None
        except (Doc2DocxError, ValueError, IndexError, KeyError, struct.error, OverflowError, MemoryError) as e:
            raise FormatError(
                QT_TRANSLATE_NOOP(
                    "Messages",
                    "{name} is in the old binary Word or WPS format but "
                    "cannot be read ({reason}); open it in Word or WPS and "
                    "save it as .docx",
                ),
                name=name,
                reason=e,
            ) from None
        lost = sorted({d.code for d in result.report.diagnostics if d.severity.value != "info"})
        return target.read_bytes(), lost


def binary_word_text(data: bytes) -> list[Block] | None:
    """The main text of a binary Word file as paragraphs and tables, read straight from its piece table.

    A full conversion lays out every run's formatting and writes a .docx (about a second for a 26-page plan);
    the recogniser needs only the text. Word's own marks say where things end: \\r a paragraph, \\x07 a table cell
    (two in a row end the row), \\x0b a line break; a field's code (\\x13…\\x14) goes and its result stays.
    Returns None where the text alone would lose what the reader sees: automatic list numbers (一、 written by
    Word, not typed) live outside the text, so such documents take the full conversion."""
    from doc2docx.cfb.container import CompoundFile
    from doc2docx.diagnostics import ConversionReport
    from doc2docx.msdoc.fib import FibBase, FileInformationBlock
    from doc2docx.msdoc.pieces import read_piece_table

    compound = CompoundFile(data)
    word = compound.open_stream("WordDocument")
    base = FibBase.parse(word)
    if base.is_encrypted:
        return None
    fib = FileInformationBlock.parse(word)
    if fib.plf_lst.lcb > 0:
        return None  # list numbering: only the conversion knows which number each paragraph shows
    table = compound.open_stream(base.table_stream_name)
    pieces = read_piece_table(table, word, fc_clx=fib.clx.fc, lcb_clx=fib.clx.lcb, report=ConversionReport("doc"))
    text = pieces.extract(0, min(fib.ccp_text, pieces.cp_end), ConversionReport("doc"), story="main")
    return _split_story(_FIELD_CODE.sub("", text))


_FIELD_CODE = re.compile("\x13[^\x13\x14\x15]*\x14|\x13[^\x13\x14\x15]*\x15|[\x14\x15\x01\x08]")


def _split_story(text: str) -> list[Block]:
    """Paragraphs and tables of a Word story. A paragraph before a row's first cell mark is taken as body text
    (the marks do not tell; a row's first cell is nearly always one short paragraph, its 序号); paragraphs
    later in a row belong to the cell they are in."""
    blocks: list[Block] = []
    rows: list[list[str]] = []
    row: list[str] = []
    cell: list[str] = []
    after_cell = False  # the last mark closed a cell: a bare mark now closes the row

    def flush_table() -> None:
        nonlocal rows
        if rows:
            blocks.append(TableBlock(rows))
            rows = []

    for m in _PARAGRAPH.finditer(text):
        line, mark = m[1].replace("\x0b", "\n"), m[2]
        if not line and not mark:
            break
        if mark == "\x07":
            if after_cell and not line and not cell:
                rows.append(row)  # the row-end mark
                row, after_cell = [], False
                continue
            row.append("\n".join([*cell, line]).strip("\n"))
            cell, after_cell = [], True
            continue
        after_cell = False
        if row:
            cell.append(line)  # a cell of several paragraphs
        else:
            flush_table()
            blocks.append(line)
    flush_table()
    if row:  # a row the story cut short
        blocks.append(TableBlock([row]))
    return blocks


_PARAGRAPH = re.compile("([^\r\x07\x0c]*)([\r\x07\x0c]|$)")


def read_binary_word(data: bytes, name: str) -> ImportResult:
    try:
        blocks = binary_word_text(data)
    except Exception:  # noqa: BLE001 - anything the quick reading trips on is left to the full conversion
        blocks = None
    if blocks is not None:
        found = recognise(blocks)
        return ImportResult([found.plan], found.warnings)
    docx_bytes, lost = binary_word_to_docx(data, name)
    result = parse_docx(docx_bytes, name)
    if lost:
        result.warnings.insert(
            0,
            Message(
                QT_TRANSLATE_NOOP(
                    "Messages",
                    "{name} is in the old Word format; some of its "
                    "formatting could not be carried over ({what}), "
                    "please check the text",
                ),
                name=name,
                what=", ".join(code.lower() for code in lost[:4]),
            ),
        )
    return result


def mhtml_page(data: bytes, name: str) -> str:
    """The HTML part of an MHTML file (a web archive: the page and its pictures in one MIME message)."""
    message = email.message_from_bytes(data, policy=email.policy.compat32)
    for part in message.walk():
        if part.get_content_type() == "text/html":
            payload = part.get_payload(decode=True)  # bytes for a part that is not itself multipart
            if not isinstance(payload, bytes):
                payload = b""
            charset = part.get_content_charset()
            if charset:
                try:
                    return payload.decode(charset)
                except (LookupError, UnicodeDecodeError):
                    pass  # a wrong label: detect as for any page
            return html_text(payload, name)
    raise FormatError(QT_TRANSLATE_NOOP("Messages", "{name} is a web archive with no page in it"), name=name)
