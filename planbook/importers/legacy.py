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
import struct
import tempfile
from pathlib import Path

from ..core.errors import FormatError
from ..core.messages import QT_TRANSLATE_NOOP, Message
from . import ImportResult, read_bytes
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
        raise FormatError(QT_TRANSLATE_NOOP("Messages", "{name} is an RTF document; open it in Word or WPS and "
                                                        "save it as .docx"), name=path.name)
    if head.startswith(b"mime-version:") or b"multipart/related" in head[:1024]:
        return parse_html(mhtml_page(data, path.name))
    if any(tag in head for tag in (b"<html", b"<!doctype html", b"<body", b"<?xml")):
        return parse_html(html_text(data, path.name))
    raise FormatError(QT_TRANSLATE_NOOP("Messages", "{name} is neither a Word document nor a web page"),
                      name=path.name)


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
            raise FormatError(QT_TRANSLATE_NOOP("Messages", "{name} is a password-protected Word document; open it, "
                                                            "save a copy without the password and import that"),
                              name=name) from None
        except (Doc2DocxError, ValueError, IndexError, KeyError, struct.error, OverflowError, MemoryError) as e:
            raise FormatError(QT_TRANSLATE_NOOP("Messages", "{name} is in the old binary Word or WPS format but "
                                                            "cannot be read ({reason}); open it in Word or WPS and "
                                                            "save it as .docx"), name=name, reason=e) from None
        lost = sorted({d.code for d in result.report.diagnostics if d.severity.value != "info"})
        return target.read_bytes(), lost


def read_binary_word(data: bytes, name: str) -> ImportResult:
    docx_bytes, lost = binary_word_to_docx(data, name)
    result = parse_docx(docx_bytes, name)
    if lost:
        result.warnings.insert(0, Message(QT_TRANSLATE_NOOP("Messages", "{name} is in the old Word format; some of its "
                                                                        "formatting could not be carried over ({what}), "
                                                                        "please check the text"),
                                          name=name, what=", ".join(code.lower() for code in lost[:4])))
    return result


def mhtml_page(data: bytes, name: str) -> str:
    """The HTML part of an MHTML file (a web archive: the page and its pictures in one MIME message)."""
    message = email.message_from_bytes(data, policy=email.policy.compat32)
    for part in message.walk():
        if part.get_content_type() == "text/html":
            payload = part.get_payload(decode=True) or b""
            charset = part.get_content_charset()
            if charset:
                try:
                    return payload.decode(charset)
                except (LookupError, UnicodeDecodeError):
                    pass  # a wrong label: detect as for any page
            return html_text(payload, name)
    raise FormatError(QT_TRANSLATE_NOOP("Messages", "{name} is a web archive with no page in it"), name=name)
