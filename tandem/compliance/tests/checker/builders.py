"""Small builders for test documents (each test states what it needs)."""

import io
import zipfile
from datetime import date

import docx
import pypdfium2 as pdfium
import weasyprint
from PIL import Image

from tandem.compliance.checker import CheckResult, check_report

ON = date(2025, 12, 1)


def check(data: bytes, *, name: str = "report", school: str = "Oakfield Primary School",
          school_type: str = "mainstream", on: date = ON) -> CheckResult:  # fmt: skip
    return check_report(data, name, school_name=school, school_type=school_type, on=on)


def pdf_from_html(html: str) -> bytes:
    return weasyprint.HTML(string=html).write_pdf()


def image_pdf(pages: int = 1) -> bytes:
    images = [Image.new("L", (600, 800), 250) for _ in range(pages)]
    buffer = io.BytesIO()
    images[0].save(buffer, "PDF", save_all=True, append_images=images[1:])

    return buffer.getvalue()


def merge_pdfs(*parts: bytes) -> bytes:
    merged = pdfium.PdfDocument.new()
    for part in parts:
        merged.import_pages(pdfium.PdfDocument(part))
    buffer = io.BytesIO()
    merged.save(buffer)

    return buffer.getvalue()


def make_docx(*blocks: tuple[str, str], footer: str = "") -> bytes:
    """blocks: ("h1" | "p" | "bold", text)."""

    document = docx.Document()
    for kind, text in blocks:
        if kind == "h1":
            document.add_heading(text, level=1)
        elif kind == "bold":
            document.add_paragraph().add_run(text).bold = True
        else:
            document.add_paragraph(text)
    if footer:
        document.sections[0].footer.paragraphs[0].text = footer
    buffer = io.BytesIO()
    document.save(buffer)

    return buffer.getvalue()


def zip_with(names: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, content in names.items():
            archive.writestr(name, content)

    return buffer.getvalue()
