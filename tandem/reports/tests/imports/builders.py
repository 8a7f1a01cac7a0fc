"""Build SEN export files the way people really make them, in memory."""

import csv
import datetime
import io

from openpyxl import Workbook
from openpyxl.styles import Font, PatternFill

PUPIL_HEADINGS = (
    "UPN",
    "Legal Surname",
    "Legal Forename",
    "DOB",
    "Admission Date",
    "NC Year",
    "SEN Status",
    "Primary Need",
    "Notes",
)

# Twelve pupils. Names are odd enough that finding one anywhere is a real leak.
PUPILS = (
    (
        "A123456789012",
        "Quartermaine",
        "Zebedee",
        "01/02/2016",
        "45123",
        "Y3",
        "SEN Support",
        "ASD",
        "",
    ),
    (
        "B123456789012",
        "Fotheringay",
        "Ottoline",
        "14/11/2015",
        "45124",
        "Year 3",
        "Education, Health and Care Plan",
        "SEMH",
        'Said "hi", then left',
    ),
    (
        "C123456789012",
        "Pennyfeather",
        "Ignatius",
        "30/06/2016",
        "45125",
        "3",
        "No Special Educational Need",
        "",
        "",
    ),
    (
        "D123456789012",
        "Cholmondeley",
        "Araminta",
        "05/09/2014",
        "45126",
        "Y4",
        "SEN Support",
        "Specific Learning Difficulty",
        "Line one\nline two",
    ),
    (
        "E123456789012",
        "Wolstenholme",
        "Peregrine",
        "12/12/2014",
        "45127",
        "4",
        "EHC Plan",
        "DS",
        "",
    ),
    (
        "F123456789012",
        "Featherstonehaugh",
        "Clementine",
        "07/07/2014",
        "45128",
        "Y4",
        "Monitoring",
        "",
        "",
    ),
    (
        "G123456789012",
        "Bartholomew-Smythe",
        "Evangeline",
        "03/03/2019",
        "45129",
        "Reception",
        "SEN Support",
        "SLCN",
        "",
    ),
    (
        "H123456789012",
        "Marchbanks",
        "Thelonius",
        "19/04/2019",
        "45130",
        "R",
        "",
        "",
        "",
    ),
    (
        "I123456789012",
        "Ravenscroft",
        "Philippa; Jane",
        "22/08/2020",
        "45131",
        "N2",
        "SEN Support",
        "Speech, Language and Communication Needs",
        "",
    ),
    (
        "J123456789012",
        "Underhill",
        "Bartholomew",
        "01/09/2009",
        "45132",
        "Y11",
        "Statement",
        "HI",
        "",
    ),
    (
        "K123456789012",
        "Vandersteen",
        "Marigold",
        "15/01/2010",
        "45133",
        "Year 11",
        "SEN Support",
        "",
        "",
    ),
    (
        "L123456789012",
        "Winterbottom",
        "Octavius",
        "28/02/2010",
        "45134",
        "11",
        "No Special Educational Need",
        "",
        "",
    ),
)

PUPIL_NAMES = [name for pupil in PUPILS for name in pupil[1:3]] + ["Philippa", "Jane"]
PUPIL_IDENTIFIERS = PUPIL_NAMES + [pupil[0] for pupil in PUPILS]

# What PUPILS add up to, worked out by hand.
EXPECTED_BY_YEAR = {
    "N2": {"K": 1, "E": 0, "N": 0},
    "R": {"K": 1, "E": 0, "N": 1},
    "Y3": {"K": 1, "E": 1, "N": 1},
    "Y4": {"K": 1, "E": 1, "N": 1},
    "Y11": {"K": 1, "E": 1, "N": 1},
}
EXPECTED_BY_NEED = {
    "SPLD": {"K": 1, "E": 0},
    "SLCN": {"K": 2, "E": 0},
    "ASD": {"K": 1, "E": 0},
    "SEMH": {"K": 0, "E": 1},
    "HI": {"K": 0, "E": 1},
    "DS": {"K": 0, "E": 1},
}


def csv_bytes(
    rows, *, separator: str = ",", encoding: str = "utf-8-sig", newline: str = "\r\n"
) -> bytes:
    """A CSV file as Excel writes it: every field with a separator, quote or line
    break quoted, CRLF line ends, and a byte-order mark for "CSV UTF-8"."""

    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=separator, lineterminator=newline)
    writer.writerows(rows)

    return buffer.getvalue().encode(encoding)


def xlsx_bytes(
    rows,
    *,
    title: str | None = None,
    formatted_empty_rows: int = 0,
    dates: bool = True,
) -> bytes:
    """A workbook with an optional title row and blank row above the headings,
    real dates and numbers in cells, and styled but empty rows below the data."""

    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "SEN register"
    if title:
        sheet.append([title])
        sheet["A1"].font = Font(bold=True, size=14)
        sheet.append([])
    for row in rows:
        sheet.append([_xlsx_value(value, dates) for value in row])
    last = sheet.max_row
    fill = PatternFill("solid", fgColor="FFFF00")
    for offset in range(1, formatted_empty_rows + 1):
        for column in range(1, 10):
            sheet.cell(row=last + offset, column=column).fill = fill
    buffer = io.BytesIO()
    workbook.save(buffer)

    return buffer.getvalue()


def _xlsx_value(value, dates: bool):
    if dates and isinstance(value, str) and value.count("/") == 2:
        day, month, year = value.split("/")
        if day.isdigit() and month.isdigit() and year.isdigit():
            return datetime.date(int(year), int(month), int(day))
    if isinstance(value, str) and value.isdigit() and len(value) < 6:
        return int(value)

    return value


def pupil_rows():
    return [PUPIL_HEADINGS, *PUPILS]
