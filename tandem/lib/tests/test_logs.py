import logging
import sys

from tandem.lib.logs import WithheldMessageFormatter

QUOTED = "Pupil Ann Smith: autism"  # not on the raising line, which the frames show


def _read_upload() -> None:
    raise KeyError(QUOTED)


def _make_section() -> None:
    try:
        _read_upload()
    except KeyError as error:
        raise ValueError(QUOTED) from error


def test_a_logged_exception_shows_where_and_what_kind_but_not_its_message() -> None:
    try:
        _make_section()
    except ValueError:
        record = logging.LogRecord(
            "tandem.x",
            logging.ERROR,
            __file__,
            1,
            "Job %s raised",
            (7,),
            sys.exc_info(),
        )

    record.exc_text = f"KeyError: {QUOTED}"  # as another handler's formatter leaves it
    text = WithheldMessageFormatter("%(levelname)s %(message)s").format(record)

    assert text.startswith("ERROR Job 7 raised\nTraceback (most recent call last):")
    assert "in _read_upload" in text
    assert "builtins.KeyError: (message withheld)" in text
    assert "The exception above led to this one:" in text
    assert "in _make_section" in text
    assert text.endswith("builtins.ValueError: (message withheld)")
    assert "Ann Smith" not in text
    assert "autism" not in text


def test_the_configured_log_output_withholds_messages(capsys) -> None:
    try:
        _read_upload()
    except KeyError:
        logging.getLogger("tandem.x").exception("Upload %s unreadable", 9)

    logged = capsys.readouterr().err
    assert "Upload 9 unreadable" in logged
    assert "builtins.KeyError: (message withheld)" in logged
    assert "Ann Smith" not in logged


def test_django_s_own_loggers_print_through_the_same_formatter(capsys) -> None:
    """With DEBUG on, Django would add a console handler of its own to "django", with
    its plain formatter; Tandem's settings remove it, so a 500 logged by Django is shown
    once, with the message withheld."""

    assert logging.getLogger("django").handlers == []
    try:
        _read_upload()
    except KeyError:
        logging.getLogger("django.request").exception("Internal Server Error: /x/")

    logged = capsys.readouterr().err
    assert logged.count("Internal Server Error: /x/") == 1
    assert "builtins.KeyError: (message withheld)" in logged
    assert "Ann Smith" not in logged
