"""Bytes to rows of text: CSV in whatever encoding and separator, or .xlsx.

Every cell comes back as a string and every row with the number a person sees in
Excel, so error messages can point at it. Nothing here knows about SEN.
"""

import csv
import datetime
import io
import logging
import re
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from tandem.lib.uploads import DAMAGED_ZIP_ERRORS, MAX_XML_PART_BYTES

from .errors import SenImportError

logger = logging.getLogger(__name__)

MAX_BYTES = 20 * 1024 * 1024
MAX_UNZIPPED_BYTES = 400 * 1024 * 1024  # a workbook that inflates past this is refused
MAX_BLANK_RUN = 1000  # formatted empty rows after the data are not read to the end
SEPARATORS = (",", ";", "\t", "|")

_SEPARATOR_HINT = re.compile(r"^sep=(.)\n")
_XLSX_MAGIC = b"PK\x03\x04"
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # old .xls (and other Office) files
# Other files people upload by mistake: PDF, PNG, GIF, JPEG, gzip, RAR, 7-Zip.
_BINARY_MAGIC = (
    b"%PDF-",
    b"\x89PNG",
    b"GIF8",
    b"\xff\xd8\xff",
    b"\x1f\x8b",
    b"Rar!",
    b"7z\xbc\xaf",
)
# Control characters no CSV holds; decoding binary as cp1252 produces them.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")


@dataclass(frozen=True)
class Row:
    number: int
    cells: tuple[str, ...]

    @property
    def is_blank(self) -> bool:
        return not any(self.cells)


def read_rows(data: bytes, filename: str) -> Iterator[Row]:
    """Rows of a CSV or .xlsx file, judged by content rather than the file name."""

    if not data.strip():
        raise SenImportError.single(filename, "The file is empty.")
    if len(data) > MAX_BYTES:
        raise SenImportError.single(
            filename, "The file is larger than 20 MB; export only the SEN columns."
        )
    if data.startswith(_XLSX_MAGIC):
        return _xlsx_rows(data, filename)
    if data.startswith(_OLE_MAGIC):
        raise SenImportError.single(
            filename,
            "This is an old-style Excel (.xls) workbook; save it as .xlsx or CSV "
            "and upload that.",
        )

    return _csv_rows(_decode(data, filename), filename)


def _decode(data: bytes, filename: str) -> str:
    """Text by content, whatever the name: a PDF called .xlsx is still not a table."""

    if data.lstrip().startswith(_BINARY_MAGIC):
        raise _not_text(filename)
    text = _decode_text(data, filename)
    if _CONTROL.search(text[:65536]):
        raise _not_text(filename)

    return text


def _decode_text(data: bytes, filename: str) -> str:
    for bom, encoding in (
        (b"\xef\xbb\xbf", "utf-8-sig"),
        (b"\xff\xfe", "utf-16"),
        (b"\xfe\xff", "utf-16"),
    ):
        if data.startswith(bom):
            try:
                return data.decode(encoding)
            except UnicodeDecodeError:
                raise _not_text(filename) from None
    if b"\x00" in data[:4096]:
        raise _not_text(filename)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252")
    except UnicodeDecodeError:
        raise _not_text(filename) from None


def _not_text(filename: str) -> SenImportError:
    logger.warning("SEN import: upload is neither text nor a workbook")

    return SenImportError.single(
        filename, "The file is not a CSV file or an Excel (.xlsx) workbook."
    )


def sniff_separator(text: str) -> str:
    """The separator that splits the first rows most consistently.

    Each candidate scores the number of sample rows with the most common field
    count (above one); commas win ties, as Excel in England writes them.
    """

    sample = text[:65536]
    best, best_score = ",", 0
    for separator in SEPARATORS:
        reader = csv.reader(io.StringIO(sample), delimiter=separator)
        counts: dict[int, int] = {}
        try:
            for index, fields in enumerate(reader):
                if index >= 50:
                    break
                if len(fields) > 1:
                    counts[len(fields)] = counts.get(len(fields), 0) + 1
        except csv.Error:
            continue
        score = max(counts.values(), default=0)
        if score > best_score:
            best, best_score = separator, score

    return best


def _csv_rows(text: str, filename: str) -> Iterator[Row]:
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    hint = _SEPARATOR_HINT.match(text)
    if hint:  # Excel's "sep=;" line: it names the separator and is not shown
        text = text[hint.end() :]
    separator = hint.group(1) if hint else sniff_separator(text)
    reader = csv.reader(io.StringIO(text), delimiter=separator, strict=False)
    number = 0
    while True:
        number += 1
        try:
            fields = next(reader)
        except StopIteration:
            return
        except csv.Error:
            raise SenImportError.single(
                filename,
                "The file could not be read as CSV from here on; check for a "
                "quotation mark that is opened but never closed.",
                row=number,
            ) from None
        yield Row(number, tuple(field.strip() for field in fields))


def _xlsx_rows(data: bytes, filename: str) -> Iterator[Row]:
    _refuse_zip_bomb(data, filename)
    # openpyxl raises many kinds of exception on a damaged or foreign zip; any of
    # them means the same thing to the person uploading, so they are caught here.
    try:
        from openpyxl import load_workbook

        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
        sheets = list(workbook.worksheets)
    except (zipfile.BadZipFile, Exception):  # noqa: B014 - see comment above
        logger.warning("SEN import: upload could not be opened as a workbook")
        raise SenImportError.single(
            filename,
            "The file could not be opened as an Excel (.xlsx) workbook; it may be "
            "damaged or password-protected.",
        ) from None
    if not sheets:
        raise SenImportError.single(filename, "The workbook has no worksheets.")

    return _sheet_rows(workbook, sheets[0], filename)


def _refuse_zip_bomb(data: bytes, filename: str) -> None:
    """Refuse a small upload that would unpack to hundreds of megabytes."""

    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            members = archive.infolist()
    except DAMAGED_ZIP_ERRORS:
        return  # not a readable zip: openpyxl will say so in its own way
    unpacked = sum(member.file_size for member in members)
    # Worksheets are read a row at a time; every other part is loaded whole.
    loaded_whole = max(
        (m.file_size for m in members if not m.filename.startswith("xl/worksheets/")),
        default=0,
    )
    if unpacked > MAX_UNZIPPED_BYTES or loaded_whole > MAX_XML_PART_BYTES:
        logger.warning("SEN import: workbook refused, it unpacks to %s bytes", unpacked)
        raise SenImportError.single(
            filename,
            "The workbook is too large to read; export only the SEN columns.",
        )


def _sheet_rows(workbook: Any, sheet: Any, filename: str) -> Iterator[Row]:
    blank_run = 0
    try:
        for number, values in enumerate(
            sheet.iter_rows(min_row=1, values_only=True), 1
        ):
            cells = tuple(_cell_text(value) for value in values)
            while cells and not cells[-1]:
                cells = cells[:-1]
            blank_run = 0 if cells else blank_run + 1
            if blank_run > MAX_BLANK_RUN:
                return
            yield Row(number, cells)
    except SenImportError:
        raise
    except Exception:  # a damaged sheet part fails only while it is read
        logger.warning("SEN import: worksheet could not be read")
        raise SenImportError.single(
            filename, "The worksheet could not be read; the workbook may be damaged."
        ) from None
    finally:
        workbook.close()


def _cell_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime.datetime | datetime.date | datetime.time):
        return value.isoformat()

    return str(value).strip()
