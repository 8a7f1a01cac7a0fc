"""`tandem export meeting-record --meeting ID --format pdf|docx -o FILE`."""

from __future__ import annotations

from pathlib import Path

from django.core.management.base import CommandError

from tandem.lib.words import counted
from tandem.meetings import exports
from tandem.meetings.models import Meeting


def register(subparsers) -> None:  # noqa: ANN001
    parser = subparsers.add_parser(
        "meeting-record",
        help="The one-page record of a meeting as PDF or Word, for the governing body pack.",
    )
    parser.add_argument("--meeting", type=int, required=True, help="The meeting's id.")
    parser.add_argument("--format", choices=["pdf", "docx"], default="pdf")
    parser.add_argument("-o", "--output", required=True, help="The file to write.")
    parser.set_defaults(handler=export_meeting_record)


def export_meeting_record(command, options: dict) -> None:  # noqa: ANN001
    meeting = (
        Meeting.objects.select_related("school").filter(pk=options["meeting"]).first()
    )
    if meeting is None:
        raise CommandError(f"There is no meeting with id {options['meeting']}.")
    build = exports.record_pdf if options["format"] == "pdf" else exports.record_docx
    data = build(meeting)
    output = Path(options["output"])
    try:
        output.write_bytes(data)
    except OSError as error:
        raise CommandError(f"Could not write {output}: {error.strerror}.") from error

    command.stdout.write(
        f"Wrote the record of meeting {meeting.pk} ({meeting.local_start:%d/%m/%Y}) "
        f"to {output} ({counted(len(data), 'byte')})."
    )
