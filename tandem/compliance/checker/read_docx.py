"""Word .docx: paragraphs, tables, headers and footers, placed under their headings."""

import io
import zipfile
from collections.abc import Iterator

import docx
from docx.blkcntnr import BlockItemContainer
from docx.oxml.ns import qn
from docx.oxml.xmlchemy import BaseOxmlElement
from docx.table import Table
from docx.text.paragraph import Paragraph

from tandem.lib.uploads import DAMAGED_ZIP_ERRORS

from .blocks import BlockBuilder, Extracted
from .errors import KIND_DAMAGED, KIND_TOO_LARGE, UnreadableReport
from .text import clean

Item = Paragraph | Table
# Word stores a text box twice (modern and fallback); read only the first.
_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"

# A .docx is a zip; refuse archives that would unpack into something enormous.
MAX_UNPACKED_BYTES = 200 * 1024 * 1024


def read_docx(data: bytes) -> Extracted:
    """Read the body in order, then headers and footers (where dates often sit)."""

    _check_archive(data)
    document = docx.Document(io.BytesIO(data))

    builder = BlockBuilder()
    for item in _body_items(document.element.body, document._body):
        if isinstance(item, Paragraph):
            _paragraph(builder, item)
        else:
            _table(builder, item)

    seen: set[str] = set()
    for section in document.sections:
        for part, name in ((section.header, "header"), (section.footer, "footer")):
            for paragraph in part.paragraphs:
                text = clean(paragraph.text)
                if text and text not in seen:
                    seen.add(text)
                    builder.body_block(text, where=name)

    return Extracted("docx", builder.blocks)


def _body_items(element: BaseOxmlElement, parent: BlockItemContainer) -> Iterator[Item]:
    """Paragraphs and tables in order, including those inside content controls and
    text boxes (python-docx's own iterator skips both)."""

    for child in element.iterchildren():
        if child.tag == qn("w:p"):
            yield Paragraph(child, parent)
            for box in child.iter(qn("w:txbxContent")):
                if not any(a.tag == _FALLBACK for a in box.iterancestors()):
                    yield from _body_items(box, parent)
        elif child.tag == qn("w:tbl"):
            yield Table(child, parent)
        elif child.tag == qn("w:sdt"):
            content = child.find(qn("w:sdtContent"))
            if content is not None:
                yield from _body_items(content, parent)


def _check_archive(data: bytes) -> None:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            unpacked = sum(info.file_size for info in archive.infolist())
    except DAMAGED_ZIP_ERRORS as error:
        raise UnreadableReport(
            "The Word document is damaged and cannot be opened.", kind=KIND_DAMAGED
        ) from error
    if unpacked > MAX_UNPACKED_BYTES:
        raise UnreadableReport(
            "The Word document is too large to check once unpacked.",
            kind=KIND_TOO_LARGE,
        )


def _paragraph(builder: BlockBuilder, paragraph: Paragraph) -> None:
    text = clean(paragraph.text)
    for link in paragraph.hyperlinks:
        url = link.url
        if url.startswith(("http://", "https://", "mailto:")) and url not in text:
            text += f" ({url.removeprefix('mailto:')})"
    if _is_heading(paragraph, text):
        builder.heading_block(text)
    else:
        builder.run_in(_bold_lead(paragraph), text)


def _is_heading(paragraph: Paragraph, text: str) -> bool:
    style = paragraph.style
    name = (style.name or "") if style is not None else ""
    if name.startswith(("Heading", "Title")):
        return True
    runs = [run for run in paragraph.runs if run.text.strip()]

    return (
        bool(runs)
        and all(run.bold for run in runs)
        and len(text) < 100
        and not text.endswith(".")
    )


def _bold_lead(paragraph: Paragraph) -> str:
    """The bold words the paragraph opens with."""

    lead = ""
    for run in paragraph.runs:
        if run.text.strip() and not run.bold:
            break
        lead += run.text

    return clean(lead)


def _table(builder: BlockBuilder, table: Table) -> None:
    """One block per row, cells joined with " | " (a contacts row stays together)."""

    seen: set[object] = set()
    for row in table.rows:
        cells = []
        for cell in row.cells:
            if (
                cell._tc in seen
            ):  # a merged cell repeats in every row and column it spans
                continue
            seen.add(cell._tc)
            cells.append(clean(" ".join(p.text for p in cell.paragraphs)))
        builder.body_block(" | ".join(text for text in cells if text))
