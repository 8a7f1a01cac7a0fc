"""Malformed files for the property tests of every view and command that takes one, and a
record of what is stored, so a test can show a refused file left nothing behind.

Each format's strategy starts from a real file (PDF, Word .docx, Excel .xlsx, HTML, CSV)
and damages it (cut short, bytes overwritten, noise spliced in, one part of the zip
replaced), or puts random bytes behind the format's opening bytes. Apps' tests use
`malformed_files(claims)` for each format in `FORMATS` (a pytest parameter, so every
run covers every format) with the `db` and `client` fixtures and `UPLOAD_FUZZ` settings.
"""

import csv
import io
import zipfile
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import docx
import openpyxl
from django.apps import apps
from django.conf import settings
from hypothesis import HealthCheck
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st
from weasyprint import HTML

# Examples (per format) share the test's database (one transaction) and upload folder;
# no example database, so a run leaves nothing in the worktree.
UPLOAD_FUZZ = hypothesis_settings(
    max_examples=10,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
MAGIC = {
    "pdf": b"%PDF-1.7\n",
    "docx": b"PK\x03\x04",
    "xlsx": b"PK\x03\x04",
    "html": b"<!doctype html><html><body>",
    "csv": b"NC Year,SEN Status,Primary Need\r\n",
}
STEMS = ["report", "Autumn term (final) v2", "O'Brien & Co notes", "SEN-register_2025"]


@dataclass(frozen=True)
class Upload:
    """A file as a person uploads it: its bytes, its name, and the format it claims."""

    data: bytes
    name: str
    claims: str


# Real files --------------------------------------------------------------------------


@cache
def valid_pdf() -> bytes:
    return HTML(
        string="<h1>SEN Information Report</h1><p>Our SENCO is Ms Example. We "
        "identify needs early and review provision each term.</p>"
    ).write_pdf()


@cache
def valid_docx() -> bytes:
    document = docx.Document()
    document.add_heading("SEN Information Report", level=1)
    document.add_paragraph("Our SENCO is Ms Example. We review provision each term.")
    buffer = io.BytesIO()
    document.save(buffer)

    return buffer.getvalue()


SEN_ROWS = [
    ("Surname", "NC Year", "SEN Status", "Primary Need"),
    ("Quartermaine", "Y3", "SEN Support", "ASD"),
    ("Fotheringay", "Y3", "EHC Plan", "SEMH"),
    ("Pennyfeather", "Y4", "No Special Educational Need", ""),
    ("Cholmondeley", "Y4", "K", "SLCN"),
]


@cache
def valid_xlsx() -> bytes:
    workbook = openpyxl.Workbook()
    for row in SEN_ROWS:
        workbook.active.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)

    return buffer.getvalue()


def valid_csv() -> bytes:
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\r\n").writerows(SEN_ROWS)

    return buffer.getvalue().encode("utf-8-sig")


def valid_html() -> bytes:
    return (
        b"<!doctype html><html lang='en'><head><title>SEN report</title></head>"
        b"<body><h1>SEN Information Report</h1><p>Our SENCO is Ms Example.</p>"
        b"</body></html>"
    )


VALID = {
    "pdf": valid_pdf,
    "docx": valid_docx,
    "xlsx": valid_xlsx,
    "html": valid_html,
    "csv": valid_csv,
}
FORMATS = tuple(VALID)


# Damage ------------------------------------------------------------------------------


def damaged(original: bytes) -> st.SearchStrategy[bytes]:
    """The file cut short, with bytes overwritten, or with noise spliced in."""

    size = len(original)
    cut = st.integers(0, size - 1).map(lambda at: original[:at])
    overwritten = st.lists(
        st.tuples(st.integers(0, size - 1), st.integers(0, 255)), min_size=1, max_size=8
    ).map(lambda changes: _overwrite(original, changes))
    spliced = st.tuples(
        st.integers(0, size), st.binary(min_size=1, max_size=200), st.integers(0, 200)
    ).map(lambda s: original[: s[0]] + s[1] + original[s[0] + s[2] :])

    return st.one_of(cut, overwritten, spliced)


def _overwrite(original: bytes, changes: Iterable[tuple[int, int]]) -> bytes:
    data = bytearray(original)
    for position, value in changes:
        data[position] = value

    return bytes(data)


def behind_magic(prefix: bytes) -> st.SearchStrategy[bytes]:
    return st.binary(max_size=2000).map(lambda body: prefix + body)


def with_a_part_replaced(original: bytes) -> st.SearchStrategy[bytes]:
    """A real .docx or .xlsx with one part's content swapped for junk (checksums right)."""

    with zipfile.ZipFile(io.BytesIO(original)) as archive:
        names = archive.namelist()

    return st.tuples(st.sampled_from(names), st.binary(max_size=500)).map(
        lambda swap: _replace_part(original, *swap)
    )


def _replace_part(original: bytes, name: str, content: bytes) -> bytes:
    buffer = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(original)) as source,
        zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as out,
    ):
        for info in source.infolist():
            part = content if info.filename == name else source.read(info.filename)
            out.writestr(info.filename, part)

    return buffer.getvalue()


ZIP_MEMBERS = [
    "[Content_Types].xml",
    "word/document.xml",
    "xl/workbook.xml",
    "xl/worksheets/sheet1.xml",
    "mimetype",
    "content.xml",
    "notes.txt",
]


def foreign_zips() -> st.SearchStrategy[bytes]:
    """Zip archives that are not a Word document or workbook, or only pretend to be."""

    members = st.dictionaries(
        st.sampled_from(ZIP_MEMBERS), st.binary(max_size=300), min_size=0, max_size=4
    )

    return members.map(zip_of)


def zip_of(members: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, content in members.items():
            archive.writestr(name, content)

    return buffer.getvalue()


def needing_a_newer_zip_version(original: bytes) -> bytes:
    """The archive with its first central-directory entry asking for zip version 6.4,
    which Python's zipfile cannot read (NotImplementedError, not BadZipFile)."""

    at = original.index(b"PK\x01\x02") + 6  # the signature, then "version made by"

    return original[:at] + b"\x40\x00" + original[at + 2 :]


def malformed_bytes(claims: str) -> st.SearchStrategy[bytes]:
    """Bytes that claim to be this format and are not a sound file of it."""

    strategies = [damaged(VALID[claims]()), behind_magic(MAGIC[claims])]
    if claims in ("docx", "xlsx"):
        strategies += [with_a_part_replaced(VALID[claims]()), foreign_zips()]

    return st.one_of(strategies)


@st.composite
def malformed_files(draw: st.DrawFn, claims: str) -> Upload:
    """A malformed file of one format, named as that format."""

    stem = draw(st.sampled_from(STEMS))

    return Upload(draw(malformed_bytes(claims)), f"{stem}.{claims}", claims)


def is_a_sentence(message: str) -> bool:
    """A message a person can act on: words, ending as a sentence or a question does."""

    return bool(message.strip()) and message.endswith((".", "?"))


# What is stored ----------------------------------------------------------------------


@dataclass(frozen=True)
class Stored:
    """Row counts of every model of some apps, and the files in the upload folder."""

    rows: dict[str, int]
    files: frozenset[str]

    def changes_since(self, before: "Stored") -> dict[str, int]:
        """Models whose row count moved, with by how much; new files under "files"."""

        moved = {
            label: count - before.rows[label]
            for label, count in self.rows.items()
            if count != before.rows[label]
        }
        if added := len(self.files - before.files):
            moved["files"] = added

        return moved


def stored(*app_labels: str) -> Stored:
    """What the apps (and the audit trail) hold now."""

    models = [
        model
        for label in (*app_labels, "audit")
        for model in apps.get_app_config(label).get_models()
    ]
    root = Path(settings.MEDIA_ROOT)
    files = (
        frozenset(str(p.relative_to(root)) for p in root.rglob("*") if p.is_file())
        if root.exists()
        else frozenset()
    )

    return Stored({m._meta.label: m._base_manager.count() for m in models}, files)
