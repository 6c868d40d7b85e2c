"""Rebuild the fonts in resources/fonts/ from their upstream OpenType sources.

reportlab embeds only TrueType (glyf) outlines, while every free face that suits a 公文 (Fandol 仿宋/黑体/楷体,
Noto Serif CJK SC for the 小标宋 stand-in) ships CFF outlines. This script converts them once with fontTools
(cu2qu, max error 1/1000 em), subsets the Noto derivatives, and gives each derived Noto face its own neutral
family name so that fontconfig/Qt never confuse it with a real Noto installation (see fonts.md §1.3).

Sources (the "corresponding source" of the GPL Fandol conversions is the original OTF plus this script):
  * Fandol 0.3 OTF: Debian package ``texlive-lang-chinese`` (directory
    usr/share/texlive/texmf-dist/fonts/opentype/public/fandol/), or CTAN https://ctan.org/pkg/fandol
  * Noto Serif CJK: Debian package ``fonts-noto-cjk`` (usr/share/fonts/opentype/noto/NotoSerifCJK-*.ttc),
    or https://github.com/notofonts/noto-cjk

Usage (Debian):
  apt-get download texlive-lang-chinese fonts-noto-cjk
  for d in *.deb; do dpkg-deb -x "$d" x/; done
  python scripts/build_fonts.py --fandol x/usr/share/texlive/texmf-dist/fonts/opentype/public/fandol \
      --noto x/usr/share/fonts/opentype/noto
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from fontTools import subset
from fontTools.pens.cu2quPen import Cu2QuPen
from fontTools.pens.ttGlyphPen import TTGlyphPen
from fontTools.ttLib import TTFont, newTable

OUT = Path(__file__).resolve().parent.parent / "resources" / "fonts"
MAX_ERR = 1.0  # font units (of 1000): invisible at any print size
NOTO_SC_FACE = "Noto Serif CJK SC"


def gb2312_chars() -> set[int]:
    """Every character the GB 2312 codec decodes (6763 hanzi + 682 symbols)."""
    return _codec_chars("gb2312")


def gbk_chars() -> set[int]:
    return _codec_chars("gbk")


def _codec_chars(codec: str) -> set[int]:
    out: set[int] = set()
    for hi in range(0x81, 0xFF):
        for lo in range(0x40, 0xFF):
            try:
                ch = bytes([hi, lo]).decode(codec)
            except UnicodeDecodeError:
                continue
            if len(ch) == 1:
                out.add(ord(ch))
    return out


def cff_to_glyf(font: TTFont) -> None:
    """Replace the CFF table by quadratic glyf outlines (fontTools Snippets/otf2ttf.py, condensed)."""
    order = font.getGlyphOrder()
    glyph_set = font.getGlyphSet()
    glyphs = {}
    for name in order:
        pen = TTGlyphPen(glyph_set)
        glyph_set[name].draw(Cu2QuPen(pen, MAX_ERR, reverse_direction=True))
        glyphs[name] = pen.glyph()
    font["loca"] = newTable("loca")
    font["glyf"] = glyf = newTable("glyf")
    glyf.glyphOrder = order
    glyf.glyphs = glyphs
    for tag in ("CFF ", "VORG", "DSIG"):
        if tag in font:
            del font[tag]
    glyf.compile(font)
    hmtx = font["hmtx"]
    for name, glyph in glyf.glyphs.items():
        if hasattr(glyph, "xMin"):  # TrueType wants lsb == xMin
            hmtx[name] = (hmtx[name][0], glyph.xMin)
    font["maxp"] = maxp = newTable("maxp")
    maxp.tableVersion = 0x00010000
    for attr in ("maxZones",):
        setattr(maxp, attr, 1)
    for attr in (
        "maxTwilightPoints",
        "maxStorage",
        "maxFunctionDefs",
        "maxInstructionDefs",
        "maxStackElements",
        "maxSizeOfInstructions",
        "maxComponentElements",
    ):
        setattr(maxp, attr, 0)
    maxp.compile(font)
    font["post"].formatType = 3.0  # no glyph names: Fandol's are CIDs anyway
    font["head"].glyphDataFormat = 0
    font.sfntVersion = "\000\001\000\000"


def rename(font: TTFont, family: str, style: str = "Regular") -> None:
    """Give a derived face its own family so fontconfig/Qt never mix it with the upstream face."""
    ps = family.replace(" ", "") + "-" + style
    values = {
        1: family,
        2: style,
        3: f"Planbook:{ps}",
        4: f"{family} {style}" if style != "Regular" else family,
        6: ps,
        16: family,
        17: style,
    }
    name = font["name"]
    for rec in list(name.names):
        if rec.nameID in (1, 2, 3, 4, 6, 16, 17, 21, 22):
            name.removeNames(nameID=rec.nameID)
    for nid, val in values.items():
        name.setName(val, nid, 3, 1, 0x409)
        name.setName(val, nid, 1, 0, 0)
    font["OS/2"].usWeightClass = 400
    font["OS/2"].fsSelection = (font["OS/2"].fsSelection & ~0b1100001) | 0b1000000  # REGULAR only
    font["head"].macStyle = 0


def subset_font(font: TTFont, codepoints: set[int]) -> None:
    opts = subset.Options()
    opts.layout_features = []  # no vertical/locl features: horizontal 公文 only, keeps the files small
    opts.name_IDs = ["*"]
    opts.name_languages = ["*"]
    opts.notdef_outline = True
    opts.hinting = False
    opts.glyph_names = False
    sub = subset.Subsetter(opts)
    sub.populate(unicodes=codepoints)
    sub.subset(font)


def open_face(path: Path, family: str) -> TTFont:
    """Open the face of a TTC (or a plain OTF) whose family name is `family`."""
    if path.suffix.lower() != ".ttc":
        return TTFont(path)
    for i in range(32):
        font = TTFont(path, fontNumber=i)
        if font["name"].getDebugName(1).startswith(family):
            return font
    raise SystemExit(f"{path}: no face named {family!r}")


def cmap_of(font: TTFont) -> set[int]:
    return set(font.getBestCmap())


def build(fandol: Path, noto: Path) -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    fandol_cmap: set[int] = set()
    for face in ("Fang", "Hei", "Kai"):
        t = time.perf_counter()
        font = TTFont(fandol / f"Fandol{face}-Regular.otf")
        fandol_cmap |= cmap_of(font)
        cff_to_glyf(font)
        font.save(OUT / f"Fandol{face}-Regular.ttf")
        print(f"Fandol{face}: {time.perf_counter() - t:.1f} s")

    title_set = fandol_cmap | gb2312_chars()
    jobs = [
        # (source file, output file, new family, code points)
        ("NotoSerifCJK-Bold.ttc", "PlanbookTitleSerif-Bold.ttf", "Planbook Title Serif", title_set),
        (
            "NotoSerifCJK-Regular.ttc",
            "PlanbookPageDigits-Regular.ttf",
            "Planbook Page Digits",
            {ord(c) for c in "0123456789— -"},
        ),
        # Rare characters (names like 朱镕基, 王喆) that Fandol lacks: a per-character fallback.
        (
            "NotoSerifCJK-Regular.ttc",
            "PlanbookFallbackSerif-Regular.ttf",
            "Planbook Fallback Serif",
            (gbk_chars() - fandol_cmap) | {0x3000},
        ),
    ]
    for src, out, family, cps in jobs:
        t = time.perf_counter()
        font = open_face(noto / src, NOTO_SC_FACE)
        subset_font(font, cps)
        cff_to_glyf(font)
        rename(font, family)
        font.save(OUT / out)
        print(f"{out}: {len(font.getGlyphOrder())} glyphs, {time.perf_counter() - t:.1f} s")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--fandol", type=Path, required=True, help="directory holding Fandol*-Regular.otf")
    ap.add_argument("--noto", type=Path, required=True, help="directory holding NotoSerifCJK-*.ttc")
    args = ap.parse_args()
    build(args.fandol, args.noto)


if __name__ == "__main__":
    main()
