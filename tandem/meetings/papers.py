"""Papers sent with an agenda: PDF, Word, Excel or plain text, judged by content, not by
name."""

from django.conf import settings
from django.core.files.uploadedfile import UploadedFile

from tandem.lib.uploads import Kind, sniff_upload

PAPER_KINDS = frozenset({Kind.PDF, Kind.DOCX, Kind.XLSX, Kind.TEXT})


def sniff_paper(upload: UploadedFile) -> Kind:
    """The kind of an uploaded paper, or UploadRejected naming the file and the reason."""

    upload.seek(0)
    data = upload.read()
    upload.seek(0)
    sniffed = sniff_upload(
        data,
        upload.name,
        allowed=PAPER_KINDS,
        max_bytes=settings.TANDEM_MAX_UPLOAD_BYTES,
    )

    return sniffed.kind
