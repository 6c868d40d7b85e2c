"""Dropping files on the window imports them: .docx, .pdf text, .txt, .html, planbook/1 JSON … or a folder,
read in the background and shown in the import preview first, exactly as File ▸ Import… does
(`imports.ImportController` takes the drop; this module says which files a drag holds)."""

from __future__ import annotations

from pathlib import Path

MAX_FILES = 5000  # a dropped folder of a whole archive is read in one background job, bounded


def dropped_paths(mime) -> list[Path]:
    """The local files in a drag, a dropped folder standing for the files in it Planbook reads. A file of a kind
    Planbook does not read (a .png, a damaged .pdf) is kept: the import preview then says why, in one line, and what to do."""
    from ..importers import supported

    if mime is None or not mime.hasUrls():
        return []
    out: list[Path] = []
    for url in mime.urls():
        if not url.isLocalFile():
            continue
        path = Path(url.toLocalFile())
        if path.is_dir():
            out += sorted(p for p in path.iterdir() if p.is_file() and supported(p))[:MAX_FILES]
        elif path.is_file():
            out.append(path)
    return out[:MAX_FILES]


def local_urls(mime) -> bool:
    """Cheap enough for every mouse move: folders are listed only on the drop."""
    return mime is not None and mime.hasUrls() and any(u.isLocalFile() for u in mime.urls())
