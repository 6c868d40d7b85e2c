"""Electronic seals (电子印章): the PNG a user picks for an organ, checked before it is stored.

A seal is drawn over the 署名 and date (GB/T 9704 7.3.5.1), so it must have a transparent background, and it
is red (5.2.4: seals are red). The file is read with a size cap, decoded with Pillow under a pixel cap (a crafted
PNG that inflates to gigabytes is refused, not decoded), cropped to its ink so that the layout's 42 mm is the
seal's own width, and stored as PNG bytes.
"""

from __future__ import annotations

import io
from pathlib import Path

from .errors import PlanbookError
from .messages import QT_TRANSLATE_NOOP

MAX_SEAL_BYTES = 4 * 1024 * 1024
MAX_SEAL_SIDE = 4096
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


class SealError(PlanbookError):
    """A file that cannot serve as an electronic seal."""


def read_seal(path: Path) -> bytes:
    """The seal image in `path` as cropped PNG bytes; SealError says why a file cannot be one."""
    path = Path(path)
    try:
        with path.open("rb") as f:
            data = f.read(MAX_SEAL_BYTES + 1)
    except OSError as e:
        raise SealError(
            QT_TRANSLATE_NOOP("Messages", "cannot read the seal image {path}: {reason}"),
            path=path,
            reason=e.strerror or e,
        ) from e
    if len(data) > MAX_SEAL_BYTES:
        raise SealError(
            QT_TRANSLATE_NOOP("Messages", "the seal image {path} is larger than {limit} MB"),
            path=path,
            limit=MAX_SEAL_BYTES // (1024 * 1024),
        )
    return seal_png(data, path)


def seal_png(data: bytes, path: Path | str = "") -> bytes:
    """Check and crop PNG bytes (see `read_seal`)."""
    from PIL import Image

    def refuse(template: str, **fields) -> SealError:
        return SealError(template, path=path, **fields)

    if not data.startswith(PNG_SIGNATURE):
        raise refuse(QT_TRANSLATE_NOOP("Messages", "the seal image {path} is not a PNG file"))
    try:
        image = Image.open(io.BytesIO(data))
        width, height = image.size
        if width > MAX_SEAL_SIDE or height > MAX_SEAL_SIDE:
            raise refuse(
                QT_TRANSLATE_NOOP(
                    "Messages", "the seal image {path} is {width} × {height} pixels; at most {limit} a side"
                ),
                width=width,
                height=height,
                limit=MAX_SEAL_SIDE,
            )
        image.load()
    except SealError:
        raise
    except Exception as e:  # Pillow raises many kinds for damaged files
        raise refuse(QT_TRANSLATE_NOOP("Messages", "the seal image {path} is damaged: {reason}"), reason=e) from e
    if image.mode not in ("RGBA", "LA") and "transparency" not in image.info:
        raise refuse(
            QT_TRANSLATE_NOOP(
                "Messages",
                "the seal image {path} has no transparent background: save the seal as a PNG with transparency",
            )
        )
    image = image.convert("RGBA")
    box = image.getchannel("A").point([255 if a > 16 else 0 for a in range(256)]).getbbox()  # nearly clear: clear
    if box is None:
        raise refuse(QT_TRANSLATE_NOOP("Messages", "the seal image {path} is empty (fully transparent)"))
    image = image.crop(box)
    if not _is_red(image):
        raise refuse(QT_TRANSLATE_NOOP("Messages", "the seal image {path} is not red: a seal is printed in red"))
    out = io.BytesIO()
    image.save(out, "PNG", optimize=True)
    return out.getvalue()


def _is_red(image) -> bool:
    """Is the ink (its opaque pixels, on average) red?"""
    small = image.copy()
    small.thumbnail((96, 96))
    data = small.tobytes()  # RGBA, 4 bytes a pixel
    pixels = [data[i : i + 4] for i in range(0, len(data), 4) if data[i + 3] > 128]
    if not pixels:
        return False
    r, g, b = (sum(p[i] for p in pixels) / len(pixels) for i in range(3))
    return r > 100 and r > 1.6 * max(g, b)
