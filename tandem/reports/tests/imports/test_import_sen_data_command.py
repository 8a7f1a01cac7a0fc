"""`tandem import-sen-data`: the import from the command line."""

import io
import json
import logging
import tempfile
from contextlib import redirect_stderr
from pathlib import Path
from unittest import mock

from django.contrib.auth import get_user_model
from django.core import serializers
from django.core.management import CommandError, call_command
from django.test import TestCase

from tandem.audit.models import AuditEntry
from tandem.audit.services import SYSTEM_USERNAME, system_actor
from tandem.cli import main as tandem_main
from tandem.reports.models import SendCount, TermlyReport
from tandem.reports.services import get_or_start_report, submit_report
from tandem.testing import make_school

from .builders import (
    EXPECTED_BY_NEED,
    PUPIL_IDENTIFIERS,
    csv_bytes,
    pupil_rows,
    xlsx_bytes,
)

BAD_ROWS = [
    ("Surname", "NC Year", "SEN Provision", "Primary Need"),
    ("Quartermaine", "Y3", "SEN Support", "ASD"),
    ("Fotheringay", "Y15", "Sen Suport", "ASD"),
]


class ImportSenDataTests(TestCase):
    def setUp(self) -> None:
        self.school = make_school(name="Larch Lane Primary", urn="123456")
        self.folder = tempfile.TemporaryDirectory()
        self.addCleanup(self.folder.cleanup)

    def write(self, name: str, data: bytes) -> str:
        path = Path(self.folder.name) / name
        path.write_bytes(data)

        return str(path)

    def run_command(self, path: str, *extra: str) -> tuple[str, str]:
        out, err = io.StringIO(), io.StringIO()
        call_command(
            "import_sen_data", path, "--school", "123456", "--term", "2025-26:autumn",
            *extra, stdout=out, stderr=err,
        )  # fmt: skip

        return out.getvalue(), err.getvalue()

    def counts(self, report: TermlyReport) -> dict[tuple[str, str, str], int]:
        return {
            (c.year_group, c.need, c.provision): c.count for c in report.counts.all()
        }

    def test_pupil_level_file_fills_the_terms_report(self):
        out, _ = self.run_command(self.write("register.csv", csv_bytes(pupil_rows())))

        report = TermlyReport.objects.get(school=self.school)
        self.assertEqual((report.academic_year, report.term), ("2025/26", "autumn"))
        self.assertEqual(report.pupils_on_roll, 12)
        counts = self.counts(report)
        self.assertEqual(counts[("", "", "K")], 5)
        self.assertEqual(counts[("", "", "E")], 3)
        self.assertEqual(counts[("Y4", "", "K")], 1)
        self.assertEqual(counts[("", "SLCN", "K")], 2)
        self.assertEqual(counts[("Y4", "DS", "E")], 1)
        self.assertEqual(
            out.splitlines()[0],
            "Imported: Larch Lane Primary, Autumn 2025/26: 12 pupils on roll, 5 on "
            "SEN support, 3 with EHC plans (12 rows read).",
        )
        self.assertIn("Warning: Row 11: the retired status", out)

    def test_import_is_audited_as_the_system_user(self):
        self.run_command(self.write("register.xlsx", xlsx_bytes(pupil_rows())))

        entry = AuditEntry.objects.get(action="reports.numbers.imported")
        self.assertEqual(entry.actor.username, SYSTEM_USERNAME)
        self.assertEqual(entry.school, self.school)
        self.assertEqual(entry.data["rows"], 12)
        self.assertFalse(entry.actor.has_usable_password())

    def test_json_output(self):
        out, _ = self.run_command(
            self.write("register.csv", csv_bytes(pupil_rows())), "--json"
        )

        printed = json.loads(out)
        self.assertEqual(printed["pupils"], 12)
        self.assertEqual(printed["sen_support"], 5)
        self.assertEqual(printed["ehc_plan"], 3)
        self.assertEqual(printed["by_year"]["Y3"], {"K": 1, "E": 1})
        self.assertEqual(printed["by_need"], EXPECTED_BY_NEED)
        self.assertEqual(len(printed["warnings"]), 2)

    def test_dry_run_saves_nothing(self):
        out, _ = self.run_command(
            self.write("register.csv", csv_bytes(pupil_rows())), "--dry-run", "--json"
        )

        self.assertEqual(json.loads(out)["pupils"], 12)
        self.assertFalse(TermlyReport.objects.exists())
        self.assertFalse(AuditEntry.objects.exists())

    def test_bad_file_prints_every_problem_and_saves_nothing(self):
        path = self.write("autumn.csv", csv_bytes(BAD_ROWS))

        with self.assertRaises(CommandError) as caught:
            self.run_command(path)

        self.assertEqual(caught.exception.returncode, 2)
        self.assertFalse(TermlyReport.objects.exists())
        self.assertFalse(AuditEntry.objects.exists())

    def test_bad_file_exits_2_from_the_tandem_command(self):
        path = self.write("autumn.csv", csv_bytes(BAD_ROWS))
        err = io.StringIO()

        # run_from_argv closes every connection when it ends, which would end
        # this test's transaction; the exit status is what is being checked.
        with (
            self.assertRaises(SystemExit) as caught,
            redirect_stderr(err),
            mock.patch("django.core.management.base.connections.close_all"),
        ):
            tandem_main(
                ["tandem", "import-sen-data", path, "--school", "123456",
                 "--term", "2025-26:autumn"]
            )  # fmt: skip

        self.assertEqual(caught.exception.code, 2)
        lines = err.getvalue().splitlines()
        lines = lines[lines.index("The file could not be imported (2 problems):") :]
        self.assertIn("autumn.csv, row 3, column “SEN Provision”:", lines[1])
        self.assertIn("autumn.csv, row 3, column “NC Year”:", lines[2])
        self.assertEqual(
            lines[-1],
            "CommandError: Nothing was imported; correct the file and try again.",
        )
        for identifier in ("Quartermaine", "Fotheringay"):
            self.assertNotIn(identifier, err.getvalue())

    def test_bad_file_as_json(self):
        path = self.write("autumn.csv", csv_bytes(BAD_ROWS))
        out = io.StringIO()

        with self.assertRaises(CommandError):
            call_command(
                "import_sen_data", path, "--school", "123456", "--term",
                "2025-26:autumn", "--json", stdout=out, stderr=io.StringIO(),
            )  # fmt: skip

        errors = json.loads(out.getvalue())["errors"]
        self.assertEqual(
            [(e["file"], e["row"], e["field"]) for e in errors],
            [("autumn.csv", 3, "SEN Provision"), ("autumn.csv", 3, "NC Year")],
        )

    def test_bad_file_leaves_existing_numbers_alone(self):
        self.run_command(self.write("good.csv", csv_bytes(pupil_rows())))
        report = TermlyReport.objects.get(school=self.school)
        before = self.counts(report)

        with self.assertRaises(CommandError):
            self.run_command(self.write("bad.csv", csv_bytes(BAD_ROWS)))

        report.refresh_from_db()
        self.assertEqual(self.counts(report), before)
        self.assertEqual(report.pupils_on_roll, 12)

    def test_a_second_import_replaces_the_first(self):
        self.run_command(self.write("good.csv", csv_bytes(pupil_rows())))
        rows = [("NC Year", "SEN Status", "Primary Need"), ("Y1", "K", "ASD")]
        rows += [("Y1", "N", "")] * 3
        self.run_command(self.write("new.csv", csv_bytes(rows)))

        report = TermlyReport.objects.get(school=self.school)
        self.assertEqual(report.pupils_on_roll, 4)
        self.assertEqual(self.counts(report)[("", "", "K")], 1)
        self.assertNotIn(("Y4", "", "K"), self.counts(report))

    def test_nothing_identifying_is_stored_or_printed(self):
        with self.assertLogs(level=logging.DEBUG) as logs:
            out, err = self.run_command(
                self.write("register.csv", csv_bytes(pupil_rows()))
            )
            logging.getLogger("tandem").debug("end of import")

        stored = serializers.serialize(
            "json",
            [
                *TermlyReport.objects.all(),
                *SendCount.objects.all(),
                *AuditEntry.objects.all(),
            ],
        )
        everything = stored + out + err + "\n".join(logs.output)
        for identifier in PUPIL_IDENTIFIERS:
            self.assertNotIn(identifier, everything)

    def test_dfe_file_with_many_schools_uses_the_given_urn(self):
        rows = [("school_urn", "sen_provision", "sen_primary_need", "pupil_count")]
        rows += [
            ("999999", "All pupils", "All pupils", "900"),
            ("123456", "All pupils", "All pupils", "210"),
            ("123456", "SEN support / SEN without an EHC plan", "Total", "30"),
            ("123456", "Education, health and care plan", "Total", "4"),
        ]

        out, _ = self.run_command(self.write("dfe.csv", csv_bytes(rows)), "--json")

        self.assertEqual(json.loads(out)["pupils"], 210)
        report = TermlyReport.objects.get(school=self.school)
        self.assertEqual(report.pupils_on_roll, 210)

    def test_submitted_report_is_not_changed(self):
        actor = system_actor()
        report = get_or_start_report(self.school, "2025/26", "autumn", by=actor)
        submit_report(report, by=actor, expected_version=report.version)

        with self.assertRaisesMessage(CommandError, "submitted to governors"):
            self.run_command(self.write("register.csv", csv_bytes(pupil_rows())))

        self.assertFalse(SendCount.objects.exists())

    def test_unknown_school(self):
        path = self.write("register.csv", csv_bytes(pupil_rows()))

        with self.assertRaisesMessage(CommandError, "No school has URN 999999."):
            call_command(
                "import_sen_data", path, "--school", "999999", "--term",
                "2025-26:autumn", stdout=io.StringIO(),
            )  # fmt: skip

    def test_missing_file(self):
        with self.assertRaisesMessage(CommandError, "No such file"):
            self.run_command(str(Path(self.folder.name) / "absent.csv"))

    def test_bad_term_is_a_usage_error(self):
        path = self.write("register.csv", csv_bytes(pupil_rows()))

        with self.assertRaises(CommandError) as caught:
            call_command(
                "import_sen_data", path, "--school", "123456",
                "--term", "2025-27:winter", stdout=io.StringIO(),
            )  # fmt: skip

        self.assertIn("--term", str(caught.exception))
        self.assertEqual(get_user_model().objects.count(), 0)


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


class ImportProgressTests(TestCase):
    def test_large_file_shows_rows_read_on_a_terminal(self):
        make_school(urn="123456")
        rows = [("NC Year", "SEN Status", "Primary Need", "Notes")]
        rows += [("Y7", "N", "", "x" * 100)] * 12_000
        with tempfile.NamedTemporaryFile(suffix=".csv") as handle:
            handle.write(csv_bytes(rows))
            handle.flush()
            err = _Terminal()
            call_command(
                "import_sen_data", handle.name, "--school", "123456",
                "--term", "2025-26:spring", "--dry-run",
                stdout=io.StringIO(), stderr=err,
            )  # fmt: skip

        shown = err.getvalue()
        self.assertIn("\rReading rows: 0 rows [", shown)
        self.assertIn("\rReading rows: 12000 rows [", shown)
        self.assertTrue(shown.endswith("\n"))
