"""Generate the labelled corpus of invented SEN Information Reports (deterministic).

    .venv/bin/python bench/sir_corpus/generate.py

writes bench/sir_corpus/files/* and bench/sir_corpus/labels.json. Labels state the truth:
which items each report covers, its SENCO, local offer link, date and the other schools
it names. Running the script twice gives the same bytes.
"""

import io
import json
import sys
import time
import zipfile
from dataclasses import dataclass, field
from datetime import date
from html import escape
from pathlib import Path

import docx
import weasyprint
from PIL import Image, ImageDraw, ImageFont

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from sections import (  # noqa: E402 - the sibling module sits beside this script
    ALL_ITEMS,
    ASHGROVE,
    BIRCHWOOD,
    FERNHILL,
    INTRO,
    ROWAN,
    SECTIONS,
    SENCO_BLOCKS,
    SENCO_WITHOUT_NAME,
    SPECIAL_OVERRIDES,
)

ON = date(2025, 12, 1)
ITEM_ORDER = list(SECTIONS)


@dataclass(frozen=True)
class School:
    name: str
    la: str
    la_short: str
    domain: str
    senco_name: str
    senco_email: str
    senco_phone: str
    type: str = "mainstream"


SCHOOLS = {
    "oakfield": School(
        "Oakfield Primary School", "Northshire County Council", "Northshire",
        "oakfield.example.sch.uk", "Mrs Jane Harlow", "senco@oakfield.example.sch.uk",
        "01632 960123",
    ),
    "brackenbury": School(
        "Brackenbury Church of England Primary School", "Westmere Borough Council",
        "Westmere", "brackenbury.example.sch.uk", "Mr Tom Adebayo",
        "t.adebayo@brackenbury.example.sch.uk", "01632 960456",
    ),
    "larkspur": School(
        "Larkspur Academy", "Eastvale Council", "Eastvale", "larkspur.example.org.uk",
        "Ms Priya Chandran", "sendco@larkspur.example.org.uk", "(01632) 960 789",
    ),
    "willowmere": School(
        "Willowmere Infant School", "Northshire County Council", "Northshire",
        "willowmere.example.sch.uk", "Miss Laura Penhale",
        "lpenhale@willowmere.example.sch.uk", "01632 960321",
    ),
    "saltmarsh": School(
        "Saltmarsh Primary Academy", "Eastvale Council", "Eastvale",
        "saltmarsh.example.org.uk", "Dr Owen Marsh", "o.marsh@saltmarsh.example.org.uk",
        "01632 960654",
    ),
    "kestrel": School(
        "Kestrel Vale Junior School", "Westmere Borough Council", "Westmere",
        "kestrelvale.example.sch.uk", "Mrs Amira Haddad",
        "inclusion@kestrelvale.example.sch.uk", "01632 960987",
    ),
    "herons": School(
        "Heron's Reach School", "Northshire County Council", "Northshire",
        "heronsreach.example.sch.uk", "Mr Gareth Lowe",
        "g.lowe@heronsreach.example.sch.uk", "01632 960111", type="special",
    ),
    "meadowbank": School(
        "Meadowbank School", "Eastvale Council", "Eastvale", "meadowbank.example.sch.uk",
        "Mrs Ruth Ellison", "r.ellison@meadowbank.example.sch.uk", "01632 960222",
        type="special",
    ),
}  # fmt: skip
COPIED_FROM = {
    "ashbrook": "Ashbrook Primary School",
    "millbrook": "Millbrook Academy",
    "cedar": "Cedar Lane Primary School",
}


@dataclass
class Doc:
    """One invented report: which items it covers and how it is dated and written."""

    file: str
    school: str
    fmt: str
    missing: tuple[str, ...] = ()
    dated: str = "recent"  # recent, stale, undated, edge_fresh, edge_stale, year_only
    copied_from: str | None = None  # another school's name left in the text
    senco_style: int = 0  # index into SENCO_BLOCKS, or -1 for no name
    feeder: str | None = None
    variant: int = 0
    extra: list[str] = field(default_factory=list)


DOCS = [
    # Complete reports in each format.
    Doc("oakfield_complete.txt", "oakfield", "text"),
    Doc("oakfield_complete.html", "oakfield", "html", senco_style=1, variant=1),
    Doc("oakfield_complete.docx", "oakfield", "docx", senco_style=2, variant=2),
    Doc("oakfield_complete.pdf", "oakfield", "pdf", senco_style=3, variant=3),
    Doc("brackenbury_complete.docx", "brackenbury", "docx", variant=1),
    Doc("larkspur_complete.pdf", "larkspur", "pdf", senco_style=1, variant=2,
        feeder="Thornfield Sixth Form College"),
    Doc("saltmarsh_complete.html", "saltmarsh", "html", senco_style=2),
    Doc("kestrel_complete.txt", "kestrel", "text", senco_style=3, variant=1,
        feeder="Thornfield High School"),
    # Reports missing particular items.
    Doc("oakfield_no_complaints.txt", "oakfield", "text", missing=("9",), variant=2),
    Doc("brackenbury_no_local_offer.html", "brackenbury", "html", missing=("13",)),
    Doc("larkspur_no_access.docx", "larkspur", "docx",
        missing=("s69_i", "s69_ii", "s69_iii", "s69_iv"), variant=3),
    Doc("willowmere_no_senco_name.pdf", "willowmere", "pdf", missing=("4",),
        senco_style=-1, variant=1),
    Doc("saltmarsh_thin.txt", "saltmarsh", "text",
        missing=("3a", "3b", "3f", "3g", "8", "10", "11", "12"), variant=2),
    Doc("kestrel_no_parents_pupils.docx", "kestrel", "docx", missing=("7", "8"),
        senco_style=1, variant=3),
    Doc("willowmere_no_identification.html", "willowmere", "html", missing=("2", "5"),
        senco_style=2),
    Doc("oakfield_no_support_detail.pdf", "oakfield", "pdf",
        missing=("3", "3c", "3d", "3e", "6"), variant=1),
    Doc("brackenbury_no_transition_iass.txt", "brackenbury", "text",
        missing=("11", "12", "1"), senco_style=2, variant=2),
    Doc("larkspur_headings_only.html", "larkspur", "html",
        missing=tuple(ITEM_ORDER), senco_style=-1, dated="undated"),
    # Copied reports: another school's name left in.
    Doc("willowmere_copied_ashbrook.docx", "willowmere", "docx",
        copied_from="ashbrook", variant=1),
    Doc("saltmarsh_copied_millbrook.pdf", "saltmarsh", "pdf", copied_from="millbrook",
        senco_style=1, variant=2),
    Doc("kestrel_copied_cedar.html", "kestrel", "html", copied_from="cedar",
        missing=("13",), variant=3),
    Doc("oakfield_copied_ashbrook.txt", "oakfield", "text", copied_from="ashbrook",
        senco_style=2, dated="stale"),
    # Special schools (items 2 and 4 do not apply).
    Doc("herons_special.docx", "herons", "docx", missing=("2",)),
    Doc("herons_special.pdf", "herons", "pdf", missing=("2", "4"), senco_style=-1,
        variant=1),
    Doc("meadowbank_special.html", "meadowbank", "html", senco_style=1, variant=2),
    Doc("meadowbank_special_no_access_plan.txt", "meadowbank", "text",
        missing=("s69_iv", "9"), variant=3),
    # Stale, undated and edge-dated reports.
    Doc("brackenbury_stale.pdf", "brackenbury", "pdf", dated="stale", senco_style=3),
    Doc("larkspur_undated.txt", "larkspur", "text", dated="undated", variant=1),
    Doc("willowmere_exactly_12_months.docx", "willowmere", "docx", dated="edge_fresh",
        variant=2),
    Doc("kestrel_12_months_and_a_day.html", "kestrel", "html", dated="edge_stale",
        senco_style=2, variant=1),
    Doc("saltmarsh_year_only.docx", "saltmarsh", "docx", dated="year_only",
        senco_style=3, variant=3),
    Doc("oakfield_future_review.html", "oakfield", "html", dated="recent", variant=2,
        extra=["Next review: 01/09/2026."]),
    # An HTML page saved with the wrong extension is still read (by content).
    Doc("meadowbank_page_saved_as.pdf", "meadowbank", "html", variant=1),
]  # fmt: skip

# Image-only copies of three reports: name -> index in DOCS.
SCANNED = {
    "oakfield_scanned.pdf": 0,
    "kestrel_scanned.pdf": 7,
    "herons_scanned.pdf": 22,
}

DATE_LINES = {
    "recent": ("Date of this report: 15/09/2025.", date(2025, 9, 15)),
    "stale": ("Last reviewed: July 2023.", date(2023, 7, 1)),
    "edge_fresh": ("Last reviewed: 01/12/2024.", date(2024, 12, 1)),
    "edge_stale": ("Updated 30 November 2024.", date(2024, 11, 30)),
    "undated": ("", None),
    "year_only": ("", date(2025, 9, 1)),
}


def build(doc: Doc) -> tuple[str, list[tuple[str, list[str]]], dict]:
    """The title, the sections (heading, paragraphs) and the labels of a report."""

    school = SCHOOLS[doc.school]
    values = _values(doc, school)
    sections: list[tuple[str, list[str]]] = []
    date_line, report_date = DATE_LINES[doc.dated]
    intro = [INTRO[doc.variant % len(INTRO)].format(**values)]
    if date_line:
        intro.append(date_line)
    sections.append(("Introduction", intro))

    for offset, key in enumerate(ITEM_ORDER):
        headings, bodies = SECTIONS[key]
        if school.type == "special" and key in SPECIAL_OVERRIDES:
            headings, bodies = SPECIAL_OVERRIDES[key]
        pick = doc.variant + offset
        heading = headings[pick % len(headings)]
        if key in doc.missing:
            if doc.file.startswith("larkspur_headings_only"):
                sections.append((heading, ["This section will be completed soon."]))
            elif key == "4":
                sections.append((heading, [SENCO_WITHOUT_NAME]))
            continue
        body = [part.format(**values) for part in bodies[pick % len(bodies)]]
        sections.append((heading, body))
    if doc.extra:
        sections.append(("Review", list(doc.extra)))

    title = "SEN Information Report"
    if doc.dated == "year_only":
        title += " 2025/26"

    text = " ".join([title, *[" ".join([h, *ps]) for h, ps in sections]])

    return title, sections, _labels(doc, school, report_date, text, values)


def _values(doc: Doc, school: School) -> dict[str, str]:
    senco_block = ""
    if doc.senco_style >= 0:
        senco_block = SENCO_BLOCKS[doc.senco_style].format(
            senco_name=school.senco_name,
            senco_email=school.senco_email,
            senco_phone=school.senco_phone,
        )
    # A copied report keeps the other school's name where the copier missed it.
    name = COPIED_FROM[doc.copied_from] if doc.copied_from else school.name
    slug = school.la_short.lower()

    return {
        "school": name,
        "la": school.la,
        "la_short": school.la_short,
        "lo_url": f"https://www.{slug}.example.gov.uk/send/local-offer",
        "iass_url": f"https://www.{slug}-sendiass.example.org.uk",
        "senco_block": senco_block,
        "feeder": doc.feeder or "the secondary schools in our area",
    }


def _labels(
    doc: Doc, school: School, report_date: date | None, text: str, values: dict
) -> dict:
    items = {}
    for key in ITEM_ORDER:
        if school.type == "special" and key in ("2", "4"):
            items[key] = None
        else:
            items[key] = key not in doc.missing
    has_senco = doc.senco_style >= 0 and "4" not in doc.missing
    style = SENCO_BLOCKS[doc.senco_style] if has_senco else ""
    candidates = [COPIED_FROM.get(doc.copied_from or ""), doc.feeder]
    stale = report_date is None or report_date < date(ON.year - 1, ON.month, ON.day)
    service = f"{school.la_short} Educational Psychology Service"

    return {
        "file": doc.file,
        "format": doc.fmt,
        "school_name": school.name,
        "school_type": school.type,
        "on": ON.isoformat(),
        "readable": True,
        "items": items,
        "senco_name": school.senco_name if has_senco else None,
        "senco_email": school.senco_email if "{senco_email}" in style else None,
        "senco_phone": school.senco_phone if "{senco_phone}" in style else None,
        "local_offer_url": values["lo_url"] if "13" not in doc.missing else None,
        "report_date": report_date.isoformat() if report_date else None,
        "stale": stale,
        "other_schools": [name for name in candidates if name and name in text],
        "claims": [name for name in (service, "SENDIASS") if name in text],
    }


# --- rendering ------------------------------------------------------------------------


def render_text(title: str, sections: list[tuple[str, list[str]]]) -> bytes:
    lines = [title, ""]
    for heading, paragraphs in sections:
        lines += [heading, ""]
        for paragraph in paragraphs:
            lines += [paragraph, ""]

    return "\n".join(lines).encode("utf-8")


def render_html(title: str, sections: list[tuple[str, list[str]]], school: str) -> str:
    parts = [
        "<!DOCTYPE html>",
        '<html lang="en-GB"><head><meta charset="utf-8">',
        f"<title>{escape(title)}</title>",
        "<style>body{font-family:sans-serif;font-size:11pt;margin:2cm}</style>",
        "</head><body>",
        f'<nav><a href="/">Home</a> <a href="/admissions">{escape(school)}</a></nav>',
        f"<h1>{escape(title)}</h1>",
    ]
    for heading, paragraphs in sections:
        parts.append(f"<h2>{escape(heading)}</h2>")
        in_list = False
        for paragraph in paragraphs:
            if paragraph.startswith("- "):
                if not in_list:
                    parts.append("<ul>")
                    in_list = True
                parts.append(f"<li>{_linked(paragraph[2:])}</li>")
                continue
            if in_list:
                parts.append("</ul>")
                in_list = False
            parts.append(f"<p>{_linked(paragraph)}</p>")
        if in_list:
            parts.append("</ul>")
    parts.append("</body></html>")

    return "\n".join(parts)


def _linked(text: str) -> str:
    """Escape a paragraph and turn its links into anchors, as a website would."""

    words = []
    for word in escape(text).split(" "):
        bare = word.rstrip(".,")
        if bare.startswith("https://"):
            word = f'<a href="{bare}">{bare}</a>{word[len(bare) :]}'
        words.append(word)

    return " ".join(words)


def render_docx(
    title: str, sections: list[tuple[str, list[str]]], footer: str
) -> bytes:
    document = docx.Document()
    document.core_properties.author = "Tandem corpus"
    document.add_heading(title, level=0)
    for heading, paragraphs in sections:
        document.add_heading(heading, level=1)
        rows = [p.strip("| ").split(" | ") for p in paragraphs if p.startswith("| ")]
        if rows:
            table = document.add_table(rows=0, cols=max(len(row) for row in rows))
            for row in rows:
                for cell, text in zip(table.add_row().cells, row, strict=False):
                    cell.text = text
        for paragraph in paragraphs:
            if paragraph.startswith("| "):
                continue
            if paragraph.startswith("- "):
                document.add_paragraph(paragraph[2:], style="List Bullet")
            else:
                document.add_paragraph(paragraph)
    if footer:
        document.sections[0].footer.paragraphs[0].text = footer
    buffer = io.BytesIO()
    document.save(buffer)

    return _fixed_zip(buffer.getvalue())


def _fixed_zip(data: bytes) -> bytes:
    """Rewrite a zip with fixed timestamps so the file is the same on every run."""

    out = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(data)) as source,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target,
    ):
        for info in source.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=(2025, 9, 1, 0, 0, 0))
            fixed.compress_type = zipfile.ZIP_DEFLATED
            target.writestr(fixed, source.read(info.filename))

    return out.getvalue()


def render_scanned(title: str, sections: list[tuple[str, list[str]]]) -> bytes:
    """An image-only PDF: the report as a picture of a page, with no text layer."""

    font = ImageFont.load_default(size=22)
    pages = []
    page, y = _blank_page(), 120
    for line in [
        title,
        *[h for h, _ in sections],
        *[p for _, ps in sections for p in ps],
    ]:
        for chunk in [line[i : i + 85] for i in range(0, len(line), 85)]:
            ImageDraw.Draw(page).text((110, y), chunk, font=font, fill=40)
            y += 34
            if y > 1650:
                pages.append(page)
                page, y = _blank_page(), 120
    pages.append(page)
    buffer = io.BytesIO()
    stamp = time.strptime("2025-09-01", "%Y-%m-%d")
    pages[0].save(
        buffer, "PDF", resolution=150, save_all=True, append_images=pages[1:3],
        creationDate=stamp, modDate=stamp,
    )  # fmt: skip

    return buffer.getvalue()


def _blank_page() -> Image.Image:
    return Image.new("L", (1240, 1754), 245)


# --- files that cannot be read --------------------------------------------------------


def encrypted_pdf() -> bytes:
    """A tiny PDF whose standard security handler wants a password we do not know."""

    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>",
        b"<< /Filter /Standard /V 1 /R 2 /O <" + b"ab" * 32 + b"> /U <" + b"cd" * 32
        + b"> /P -44 >>",
    ]  # fmt: skip
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for offset in offsets:
        out += b"%010d 00000 n \n" % offset
    file_id = b"<00112233445566778899aabbccddeeff>"
    out += (
        b"trailer\n<< /Size %d /Root 1 0 R /Encrypt 4 0 R /ID [%s %s] >>\n"
        b"startxref\n%d\n%%%%EOF\n" % (len(objects) + 1, file_id, file_id, xref)
    )

    return bytes(out)


def unreadable_files(
    sample_pdf: bytes, sample_docx: bytes
) -> dict[str, tuple[bytes, str]]:
    """File name -> (bytes, the error kind the checker must report)."""

    png = io.BytesIO()
    Image.new("RGB", (40, 20), (200, 30, 30)).save(png, "PNG")

    return {
        "password_protected.pdf": (encrypted_pdf(), "password"),
        "damaged.pdf": (sample_pdf[:400] + b"\x00" * 64, "damaged"),
        "truncated.docx": (sample_docx[: len(sample_docx) // 2], "damaged"),
        "old_word_format.doc": (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 512,
                                "wrong_type"),
        "picture_named_report.pdf": (png.getvalue(), "wrong_type"),
        "empty.txt": (b"", "empty"),
        "binary_noise.txt": (bytes(range(256)) * 4, "wrong_type"),
    }  # fmt: skip


def main(target: Path = HERE) -> None:
    """Write target/files/* and target/labels.json."""

    files = target / "files"
    files.mkdir(exist_ok=True)
    for old in files.iterdir():
        old.unlink()
    labels = []
    samples: dict[str, bytes] = {}

    for doc in DOCS:
        title, sections, label = build(doc)
        school = SCHOOLS[doc.school]
        if doc.fmt == "text":
            data = render_text(title, sections)
        elif doc.fmt == "html":
            data = render_html(title, sections, school.name).encode("utf-8")
        elif doc.fmt == "docx":
            footer = ""
            if doc.dated == "recent":
                # Move the date to the footer, where Word users often put it.
                sections[0] = (sections[0][0], sections[0][1][:1])
                footer = DATE_LINES["recent"][0]
            data = render_docx(title, sections, footer)
        else:
            html = render_html(title, sections, school.name)
            data = weasyprint.HTML(string=html).write_pdf()
        samples.setdefault(doc.fmt, data)
        (files / doc.file).write_bytes(data)
        labels.append(label)

    for hand, fmt in ((FERNHILL, "text"), (ROWAN, "html"), (ASHGROVE, "docx"),
                      (BIRCHWOOD, "pdf")):  # fmt: skip
        (files / hand["file"]).write_bytes(_render_hand(hand, fmt))
        labels.append(_hand_label(hand, fmt))

    for name, index in SCANNED.items():
        doc = DOCS[index]
        title, sections, _ = build(doc)
        (files / name).write_bytes(render_scanned(title, sections))
        labels.append(_unreadable_label(name, doc, "no_text_layer"))

    for name, (data, kind) in unreadable_files(samples["pdf"], samples["docx"]).items():
        (files / name).write_bytes(data)
        labels.append(_unreadable_label(name, DOCS[0], kind))

    text = json.dumps({"on": ON.isoformat(), "documents": labels}, indent=1)
    (target / "labels.json").write_text(text + "\n", encoding="utf-8")
    total = sum(path.stat().st_size for path in files.iterdir())
    print(f"{len(labels)} files, {total / 1024:.0f} KiB in {files}")


def _render_hand(hand: dict, fmt: str) -> bytes:
    title, *sections = hand["sections"]
    if fmt == "text":
        return render_text(title[0], [(title[0], title[1]), *sections])
    if fmt == "docx":
        return render_docx(title[0], [(title[0], title[1]), *sections], hand["footer"])
    html = render_html(title[0], sections, hand["school_name"])
    html = html.replace("<h1>", "<p>" + " ".join(title[1]) + "</p><h1>", 1)
    if fmt == "pdf":
        header = (
            "@page{@top-center{content:'" + hand["page_header"] + "'}"
            "@bottom-center{content:'Page ' counter(page)}}"
        )
        return weasyprint.HTML(
            string=html.replace("</style>", header + "</style>")
        ).write_pdf()

    return html.encode()


def _hand_label(hand: dict, fmt: str) -> dict:
    if "covered" in hand:
        items = {key: key in hand["covered"] for key in ALL_ITEMS}
    else:
        items = {key: key not in hand["not_covered"] for key in ALL_ITEMS}
    if hand.get("school_type") == "special":
        items.update({"2": None, "4": None})
    report_date = date.fromisoformat(hand["report_date"])

    return {
        "file": hand["file"],
        "format": fmt,
        "school_name": hand["school_name"],
        "school_type": hand.get("school_type", "mainstream"),
        "hand_written": True,
        "on": ON.isoformat(),
        "readable": True,
        "items": items,
        **{key: hand[key] for key in DETAIL_KEYS},
        "stale": report_date < date(ON.year - 1, ON.month, ON.day),
        "other_schools": [],
    }


DETAIL_KEYS = (
    "senco_name", "senco_email", "senco_phone", "local_offer_url", "report_date",
    "claims",
)  # fmt: skip


def _unreadable_label(name: str, doc: Doc, kind: str) -> dict:
    school = SCHOOLS[doc.school]

    return {
        "file": name,
        "school_name": school.name,
        "school_type": school.type,
        "on": ON.isoformat(),
        "readable": False,
        "error_kind": kind,
    }


if __name__ == "__main__":
    main()
