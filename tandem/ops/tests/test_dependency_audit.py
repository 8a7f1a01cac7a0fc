""".ci/dependency_audit.py: pip-audit's exit code, report and errors read as one verdict.

The inputs are what pip-audit 2.10.1 really printed (see the module's --self-test, which
CI runs against a fake OSV service, for the same outcomes from pip-audit itself).
"""

import importlib.util
from pathlib import Path

AUDIT = Path(__file__).resolve().parents[3] / ".ci" / "dependency_audit.py"
spec = importlib.util.spec_from_file_location("dependency_audit", AUDIT)
dependency_audit = importlib.util.module_from_spec(spec)
spec.loader.exec_module(dependency_audit)
judge = dependency_audit.judge

NAME_NOT_RESOLVED = """\
WARNING:pip_audit._cli:--no-deps is supported, but users are encouraged to fully hash
Traceback (most recent call last):
    raise ConnectionError(e, request=request)
requests.exceptions.ConnectionError: HTTPSConnectionPool(host='api.osv.dev', port=443): \
Max retries exceeded with url: /v1/query (Caused by NameResolutionError(...))
"""


def package(name: str, version: str, vulns: list | None = None) -> dict:
    return {"name": name, "version": version, "vulns": vulns or []}


def advisory(vuln_id: str, *fixed: str) -> dict:
    return {"id": vuln_id, "fix_versions": list(fixed), "description": "Bad thing."}


def test_a_reported_vulnerability_fails_and_names_package_id_and_fix() -> None:
    report = {
        "dependencies": [
            package("django", "5.2.19", [advisory("PYSEC-1", "5.2.20", "6.0.1")]),
            package("icalendar", "7.3.2"),
        ],
        "fixes": [],
    }

    verdict = judge(1, report, "Found 1 known vulnerability in 1 package\n")

    assert (verdict.outcome, verdict.exit_code) == ("vulnerable", 1)
    assert verdict.message == "1 known vulnerability in 1 of 2 packages"
    assert verdict.details == (
        "  django 5.2.19: PYSEC-1 (fixed in 5.2.20, 6.0.1) Bad thing.",
    )


def test_every_package_audited_and_none_vulnerable_passes() -> None:
    report = {"dependencies": [package("django", "5.2.19")], "fixes": []}

    verdict = judge(0, report, "No known vulnerabilities found\n")

    assert (verdict.outcome, verdict.exit_code) == ("clean", 0)
    assert verdict.message == "1 packages, no known vulnerabilities"


def test_packages_skipped_by_the_service_are_blocked_not_clean() -> None:
    # PyPI's JSON API answered 404 for each release: pip-audit exits 0 all the same.
    reason = "Dependency not found on PyPI and could not be audited: django (5.2.19)"
    report = {
        "dependencies": [
            {"name": "django", "skip_reason": reason},
            package("icalendar", "7.3.2"),
        ],
        "fixes": [],
    }

    verdict = judge(0, report, "No known vulnerabilities found, 1 skipped\n")

    assert (verdict.outcome, verdict.exit_code) == ("blocked", 0)
    assert verdict.message == f"1 of 2 packages not audited ({reason})"


def test_an_unreachable_service_is_blocked_with_the_error_as_reason() -> None:
    verdict = judge(1, None, NAME_NOT_RESOLVED)

    assert (verdict.outcome, verdict.exit_code) == ("blocked", 0)
    assert verdict.message.startswith(
        "requests.exceptions.ConnectionError: HTTPSConnectionPool(host='api.osv.dev'"
    )


def test_any_other_failure_of_pip_audit_fails() -> None:
    stderr = "ERROR:pip_audit._cli:invalid requirements input: requirements.lock\n"

    verdict = judge(1, None, stderr)

    assert (verdict.outcome, verdict.exit_code) == ("failed", 1)
    assert verdict.message == f"pip-audit exited 1: {stderr.strip()}"


def test_blocked_is_printed_as_one_unmistakable_line(capsys) -> None:  # noqa: ANN001
    dependency_audit.report(dependency_audit.Verdict("blocked", "no network"))

    lines = capsys.readouterr().out.splitlines()

    assert "DEPENDENCY AUDIT BLOCKED: no network" in lines
