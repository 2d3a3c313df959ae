#!/usr/bin/env python3
"""Makes the document files the file readers are tested on (tests/data/files/), once; they are
committed, so the tests need none of the tools used here.

    scripts/make-test-files.py [CORPUS_DIR]     (default ../shared/corpus)

Needs reportlab (pip), the WenQuanYi Zen Hei font (Debian fonts-wqy-zenhei), LibreOffice (Debian
libreoffice-writer-nogui) and a release build of the CLI (it reads each report's paragraphs, so
the files hold the same paragraphs the clean text has).

For every corpus report NAME it writes:
- NAME.pdf     laid out as a 公文 (GB/T 9704: A4, 28 characters x 22 lines, 16 pt, page numbers
               `— N —` at the outer margin) by reportlab, the font embedded as Identity-H with a
               ToUnicode map;
- NAME.docx    a Word document whose headings 一、（一）1.（1） are Word's automatic numbering
               (numbering.xml), with a page header and a page-number footer, re-saved by LibreOffice;
- NAME.lo.pdf  the same document printed to PDF by LibreOffice (a second producer);
- NAME.ofd     an OFD (GB/T 33190) with one TextObject a line, laid out as NAME.pdf.
And the cases a reader must refuse or handle: a PDF without a text layer, a password-protected
PDF, a truncated .docx, a legacy .doc and .wps, a saved web page in GBK, and a small .docx with a
table, a header and numbering in several formats.
"""
import html
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import unicodedata
import zipfile
import zlib

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, "tests", "data", "files")
FONT = subprocess.run(["fc-match", "-f", "%{file}", "WenQuanYi Zen Hei"], capture_output=True, text=True).stdout
pdfmetrics.registerFont(TTFont("ZenHei", FONT, subfontIndex=0))
SIZE = 16  # 3号
LINE_CHARS, PAGE_LINES = 28, 22
LEFT, TOP = 28 * mm, 37 * mm
WIDTH = LINE_CHARS * SIZE
PITCH = 225 * mm / PAGE_LINES
CLOSING = "，。、；：？！）》」』”’%％"
PT_MM = 25.4 / 72


def paragraphs(path):
    """The report's paragraphs as the core reads them from its clean text."""
    cli = os.path.join(ROOT, "target", "release", "reportlens")
    out = subprocess.run([cli, "analyze", "--json", path], capture_output=True, text=True, check=True).stdout
    report = json.loads(out)
    text = open(path, encoding="utf-8", newline="").read()
    pars = []
    for p in report["paragraphs"]:
        s = "".join(text[a:b] for a, b in p["pieces"]).strip().strip("\u3000")
        if s:
            pars.append(s)
    return pars


def width(ch):
    return SIZE if unicodedata.east_asian_width(ch) in "WF" else SIZE / 2


def wrap(par, first_indent):
    lines, cur, w = [], "", first_indent
    for ch in par:
        # closing punctuation hangs at the end of a line rather than opening the next (避头)
        if w + width(ch) > WIDTH + 0.01 and not (cur and ch in CLOSING):
            lines.append(cur)
            cur, w = "", 0
        cur += ch
        w += width(ch)
    lines.append(cur)
    return lines


def layout(pars):
    """Pages of positioned lines: [(x, y_from_top, text, size)] in points."""
    pages, page, row = [], [], 0
    for i, par in enumerate(pars):
        centred = i == 0
        indent = 0 if centred else 2 * SIZE
        for k, seg in enumerate(wrap(par, indent)):
            if row == PAGE_LINES:
                pages.append(page)
                page, row = [], 0
            y = TOP + row * PITCH
            if centred:
                x = (A4[0] - sum(map(width, seg))) / 2
            else:
                x = LEFT + (indent if k == 0 else 0)
            page.append((x, y, seg, SIZE))
            row += 1
    pages.append(page)
    return pages


def page_number(n):
    """`— N —` at the outer margin: right on odd pages, left on even (GB/T 9704, 7.5)."""
    s = f"— {n} —"
    w = sum(width(c) for c in s) * 14 / SIZE
    x = A4[0] - LEFT - SIZE - w if n % 2 else LEFT + SIZE
    return (x, A4[1] - 20 * mm, s, 14)


def write_pdf(pars, path, encrypt=None):
    c = canvas.Canvas(path, pagesize=A4, encrypt=encrypt, invariant=1)
    pages = layout(pars)
    for n, page in enumerate(pages, 1):
        for x, y, s, size in page + [page_number(n)]:
            c.setFont("ZenHei", size)
            c.drawString(x, A4[1] - y, s)
        c.showPage()
    c.save()


def write_scanned_pdf(path):
    """A page with shapes only, as a scan without OCR has no text layer."""
    c = canvas.Canvas(path, pagesize=A4, invariant=1)
    for k in range(22):
        c.rect(LEFT, A4[1] - TOP - k * PITCH, WIDTH * (0.6 + 0.4 * (k % 3 != 2)), SIZE * 0.8, fill=1)
    c.showPage()
    c.save()


# ---- OFD (GB/T 33190-2016): OFD.xml → Doc_0/Document.xml → pages of TextObjects, units mm ----

OFD_NS = "http://www.ofdspec.org/2016"


def delta_x(text, size_mm):
    """DeltaX: the advance after each character but the last, runs of one value as `g N V`."""
    deltas = [round(width(c) / SIZE * size_mm, 3) for c in text[:-1]]
    out, i = [], 0
    while i < len(deltas):
        j = i
        while j < len(deltas) and deltas[j] == deltas[i]:
            j += 1
        out.append(f"g {j - i} {deltas[i]}" if j - i > 1 else f"{deltas[i]}")
        i = j
    return " ".join(out)


def write_ofd(pars, path, title):
    pages = layout(pars)
    files = {}
    files["OFD.xml"] = (
        f'<?xml version="1.0" encoding="UTF-8"?>\n<ofd:OFD xmlns:ofd="{OFD_NS}" Version="1.0" DocType="OFD">'
        f"<ofd:DocBody><ofd:DocInfo><ofd:DocID>{zlib.crc32(title.encode()):012d}</ofd:DocID>"
        f"<ofd:Title>{html.escape(title)}</ofd:Title><ofd:Creator>reportlens tests</ofd:Creator></ofd:DocInfo>"
        "<ofd:DocRoot>Doc_0/Document.xml</ofd:DocRoot></ofd:DocBody></ofd:OFD>"
    )
    page_refs = "".join(
        f'<ofd:Page ID="{n + 1}" BaseLoc="Pages/Page_{n}/Content.xml"/>' for n in range(len(pages))
    )
    files["Doc_0/Document.xml"] = (
        f'<?xml version="1.0" encoding="UTF-8"?>\n<ofd:Document xmlns:ofd="{OFD_NS}"><ofd:CommonData>'
        "<ofd:MaxUnitID>100000</ofd:MaxUnitID><ofd:PageArea><ofd:PhysicalBox>0 0 210 297</ofd:PhysicalBox>"
        "</ofd:PageArea><ofd:PublicRes>PublicRes.xml</ofd:PublicRes></ofd:CommonData>"
        f"<ofd:Pages>{page_refs}</ofd:Pages></ofd:Document>"
    )
    files["Doc_0/PublicRes.xml"] = (
        f'<?xml version="1.0" encoding="UTF-8"?>\n<ofd:Res xmlns:ofd="{OFD_NS}" BaseLoc="Res"><ofd:Fonts>'
        '<ofd:Font ID="2" FontName="仿宋_GB2312" FamilyName="仿宋"/><ofd:Font ID="3" FontName="宋体" FamilyName="宋体"/>'
        "</ofd:Fonts></ofd:Res>"
    )
    uid = 1000
    for n, page in enumerate(pages):
        objs = []
        for x, y, s, size in page + [page_number(n + 1)]:
            uid += 1
            size_mm = round(size * PT_MM, 3)
            w = round(sum(width(c) for c in s) / SIZE * size_mm, 3)
            # The boundary is the line's box; the baseline sits at 0.88 of the size inside it.
            top = round((y - size * 0.88) * PT_MM, 3)
            objs.append(
                f'<ofd:TextObject ID="{uid}" Boundary="{round(x * PT_MM, 3)} {top} {w + 1} {round(size_mm * 1.2, 3)}" '
                f'Font="{2 if size == SIZE else 3}" Size="{size_mm}">'
                f'<ofd:FillColor Value="0 0 0"/><ofd:TextCode X="0" Y="{round(size_mm * 0.88, 3)}" '
                f'DeltaX="{delta_x(s, size_mm)}">{html.escape(s, quote=False)}</ofd:TextCode></ofd:TextObject>'
            )
        files[f"Doc_0/Pages/Page_{n}/Content.xml"] = (
            f'<?xml version="1.0" encoding="UTF-8"?>\n<ofd:Page xmlns:ofd="{OFD_NS}"><ofd:Content>'
            f'<ofd:Layer ID="{n + 1}">{"".join(objs)}</ofd:Layer></ofd:Content></ofd:Page>'
        )
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, body in files.items():
            # A fixed date, so that a file made again is the same file.
            z.writestr(zipfile.ZipInfo(name, (2024, 1, 1, 0, 0, 0)), body, zipfile.ZIP_DEFLATED)


# ---- DOCX: WordprocessingML with automatic numbering, a header and a page-number footer ----

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
CN = "一二三四五六七八九"


def chinese(n):
    if n < 10:
        return CN[n - 1]
    tens, ones = divmod(n, 10)
    return ("" if tens == 1 else CN[tens - 1]) + "十" + (CN[ones - 1] if ones else "")


# Level, the marker's pattern, and its value.
MARKERS = [
    (0, re.compile(r"^([一二三四五六七八九十]+)、"), lambda m: m),
    (1, re.compile(r"^（([一二三四五六七八九十]+)）"), lambda m: m),
    (2, re.compile(r"^(\d+)\.(?!\d)"), lambda m: m),
    (3, re.compile(r"^（(\d+)）"), lambda m: m),
]
LEVELS = [("chineseCounting", "%1、"), ("chineseCounting", "（%2）"), ("decimal", "%3."), ("decimal", "（%4）")]


def numbered(pars):
    """Each paragraph as (level or None, text without the marker when Word would number it)."""
    counters = [0, 0, 0, 0]
    out = []
    for p in pars:
        hit = None
        for level, pat, _ in MARKERS:
            m = pat.match(p)
            if not m:
                continue
            want = counters[level] + 1
            written = chinese(want) if level < 2 else str(want)
            if m.group(1) == written and len(p) > len(m.group(0)):
                hit = (level, p[len(m.group(0)):])
            break
        if hit:
            level = hit[0]
            counters[level] += 1
            for k in range(level + 1, 4):
                counters[k] = 0
        out.append(hit or (None, p))
    return out


def run_xml(text):
    return f'<w:r><w:t xml:space="preserve">{html.escape(text, quote=False)}</w:t></w:r>'


def para_xml(text, level=None, centred=False, indent=True):
    ppr = ""
    if level is not None:
        ppr += f'<w:numPr><w:ilvl w:val="{level}"/><w:numId w:val="1"/></w:numPr>'
    if centred:
        ppr += '<w:jc w:val="center"/>'
    elif indent:
        ppr += '<w:ind w:firstLine="640"/>'
    return f"<w:p><w:pPr>{ppr}</w:pPr>{run_xml(text)}</w:p>"


def table_xml(rows):
    body = "".join(
        "<w:tr>" + "".join(f'<w:tc><w:tcPr><w:tcW w:w="2000" w:type="dxa"/></w:tcPr>{para_xml(c, indent=False)}</w:tc>' for c in row) + "</w:tr>"
        for row in rows
    )
    return f'<w:tbl><w:tblPr><w:tblStyle w:val="TableGrid"/><w:tblW w:w="0" w:type="auto"/></w:tblPr>{body}</w:tbl>'


def write_docx(body_xml, path, header_text):
    levels = "".join(
        f'<w:lvl w:ilvl="{i}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/><w:lvlText w:val="{text}"/>'
        f'<w:lvlJc w:val="left"/><w:pPr><w:ind w:firstLine="640"/></w:pPr></w:lvl>'
        for i, (fmt, text) in enumerate(LEVELS)
    )
    parts = {
        "[Content_Types].xml": (
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
            '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
            '<Default Extension="xml" ContentType="application/xml"/>'
            '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
            '<Override PartName="/word/numbering.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"/>'
            '<Override PartName="/word/header1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml"/>'
            '<Override PartName="/word/footer1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"/>'
            "</Types>"
        ),
        "_rels/.rels": (
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>'
            "</Relationships>"
        ),
        "word/_rels/document.xml.rels": (
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" Target="numbering.xml"/>'
            '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/header" Target="header1.xml"/>'
            '<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer" Target="footer1.xml"/>'
            "</Relationships>"
        ),
        "word/numbering.xml": (
            f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:numbering xmlns:w="{W}">'
            f'<w:abstractNum w:abstractNumId="0"><w:multiLevelType w:val="multilevel"/>{levels}</w:abstractNum>'
            '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>'
        ),
        # Word's Header style is set small (小五, 9 pt).
        "word/header1.xml": (
            f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:hdr xmlns:w="{W}"><w:p><w:pPr><w:jc w:val="center"/></w:pPr>'
            f'<w:r><w:rPr><w:sz w:val="18"/><w:szCs w:val="18"/></w:rPr><w:t>{html.escape(header_text, quote=False)}</w:t></w:r></w:p></w:hdr>'
        ),
        "word/footer1.xml": (
            f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:ftr xmlns:w="{W}"><w:p><w:pPr><w:jc w:val="center"/></w:pPr>'
            '<w:r><w:t xml:space="preserve">— </w:t></w:r><w:r><w:fldChar w:fldCharType="begin"/></w:r>'
            '<w:r><w:instrText xml:space="preserve"> PAGE </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>'
            '<w:r><w:t>1</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r><w:r><w:t xml:space="preserve"> —</w:t></w:r></w:p></w:ftr>'
        ),
        "word/document.xml": (
            f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="{W}" xmlns:r="{R}"><w:body>'
            f"{body_xml}"
            '<w:sectPr><w:headerReference w:type="default" r:id="rId2"/><w:footerReference w:type="default" r:id="rId3"/>'
            '<w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="2098" w:right="1474" w:bottom="1984" w:left="1588" w:header="851" w:footer="992" w:gutter="0"/>'
            "</w:sectPr></w:body></w:document>"
        ),
    }
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, body in parts.items():
            # A fixed date, so that a file made again is the same file.
            z.writestr(zipfile.ZipInfo(name, (2024, 1, 1, 0, 0, 0)), body, zipfile.ZIP_DEFLATED)


def report_docx(pars, path):
    body = "".join(para_xml(text, level, centred=(i == 0)) for i, (level, text) in enumerate(numbered(pars)))
    write_docx(body, path, pars[0][:20])


def libreoffice(src, fmt, outdir):
    with tempfile.TemporaryDirectory() as profile:
        subprocess.run(
            ["soffice", f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", fmt, "--outdir", outdir, src],
            check=True, capture_output=True, timeout=300,
        )


def main(corpus):
    os.makedirs(OUT, exist_ok=True)
    names = sorted(f[:-4] for f in os.listdir(corpus) if f.endswith(".txt"))
    with tempfile.TemporaryDirectory() as tmp:
        for name in names:
            pars = paragraphs(os.path.join(corpus, name + ".txt"))
            write_pdf(pars, os.path.join(OUT, name + ".pdf"))
            write_ofd(pars, os.path.join(OUT, name + ".ofd"), pars[0])
            src = os.path.join(tmp, name + ".docx")
            report_docx(pars, src)
            libreoffice(src, "docx:MS Word 2007 XML", OUT)
            libreoffice(src, "pdf", tmp)
            shutil.move(os.path.join(tmp, name + ".pdf"), os.path.join(OUT, name + ".lo.pdf"))
            print(name)
        first = paragraphs(os.path.join(corpus, names[0] + ".txt"))
        write_scanned_pdf(os.path.join(OUT, "scanned.pdf"))
        write_pdf(first[:6], os.path.join(OUT, "password.pdf"), encrypt="secret")
        whole = open(os.path.join(OUT, names[0] + ".docx"), "rb").read()
        open(os.path.join(OUT, "corrupt.docx"), "wb").write(whole[: len(whole) // 2])
        ole = b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1" + bytes(504)
        open(os.path.join(OUT, "legacy.doc"), "wb").write(ole)
        open(os.path.join(OUT, "legacy.wps"), "wb").write(ole)
        # A small document for the reader's own rules: numbering in several formats, a table,
        # a header (furniture) and a footer with a page number.
        body = "".join([
            para_xml("关于统计工作的通知", centred=True),
            para_xml("各单位：", indent=False),
            para_xml("总体要求", 0),
            para_xml("全年受理案件15件。", None),
            para_xml("工作目标", 1),
            para_xml("完成培训3次。", 2),
            para_xml("开展检查12次。", 2),
            para_xml("细化到人", 3),
            para_xml("主要措施", 1),
            para_xml("保障措施", 0),
            table_xml([["项目", "数量", "单位"], ["案件", "15", "件"], ["培训", "3", "次"]]),
            para_xml("特此通知。"),
        ])
        write_docx(body, os.path.join(OUT, "numbering.docx"), "某某市人民政府文件")
    page = (
        '<!DOCTYPE html><html><head><meta charset="gbk"><title>关于开展检查的通知</title></head><body>'
        '<div class="nav">首页 &gt; 政务公开</div><h1>关于开展检查的通知</h1>'
        '<p>各区人民政府：</p><p>一、检查范围</p><p>全市共检查企业120家，发现问题35个。</p>'
        '<p>二、工作要求</p><p>请于2024年3月1日前报送结果。</p><div class="footer">打印本页 关闭窗口</div></body></html>'
    )
    open(os.path.join(OUT, "page.htm"), "wb").write(page.encode("gbk"))


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, "..", "shared", "corpus"))
