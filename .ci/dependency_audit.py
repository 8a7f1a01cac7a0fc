"""The dependency audit CI runs: pip-audit on requirements.lock, against OSV.

    .ci/.venv/bin/python .ci/dependency_audit.py [--osv-url URL]
    .ci/.venv/bin/python .ci/dependency_audit.py --self-test

The outcome is read from pip-audit's own exit code and JSON report:
- every pinned package audited, no known vulnerability: exit 0;
- known vulnerabilities (pip-audit exits 1 and its report lists them): each is printed,
  exit 1;
- the vulnerability service could not be reached, or packages were left unaudited: one
  loud "DEPENDENCY AUDIT BLOCKED: <reason>" line, exit 0, so CI goes on but nobody can
  take the run for a clean audit;
- any other failure of pip-audit (a lock it cannot read, say): exit 1.

OSV rather than pip-audit's default service: PyPI's JSON API answers 404 for a release it
cannot serve, and pip-audit reports that as a skipped package and "No known
vulnerabilities found", exit 0; an unreachable OSV is an error instead.

--self-test runs pip-audit for real against a fake OSV service on 127.0.0.1 (pip-audit's
--osv-url option) and checks that each outcome is recognised: an advisory for Django, no
advisory, and a port nobody listens on.
"""

import argparse
import json
import socket
import subprocess
import sys
import tempfile
import threading
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LOCK = ROOT / "requirements.lock"
# Lines of pip-audit's error output that mean the service could not be used.
UNREACHABLE_SIGNS = (
    "requests.exceptions.ConnectionError",
    "requests.exceptions.ConnectTimeout",
    "requests.exceptions.ReadTimeout",
    "requests.exceptions.HTTPError",
    "Could not connect to",
    "is not redirecting properly",
)
SELF_TEST_ID = "TANDEM-SELF-TEST-1"


@dataclass(frozen=True)
class Verdict:
    outcome: str  # "clean", "vulnerable", "blocked" or "failed"
    message: str  # one line
    details: tuple[str, ...] = ()  # one line per vulnerability

    @property
    def exit_code(self) -> int:
        return 1 if self.outcome in {"vulnerable", "failed"} else 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--osv-url", help="the OSV query URL (default: pip-audit's)")
    parser.add_argument("--self-test", action="store_true", help="see the docstring")
    args = parser.parse_args(argv)
    if args.self_test:
        return self_test()

    verdict = audit(osv_url=args.osv_url)
    report(verdict)

    return verdict.exit_code


def audit(*, osv_url: str | None = None) -> Verdict:
    """Run pip-audit on the lock (every line is an exact pin, so no resolving)."""

    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder) / "audit.json"
        command = [
            *(sys.executable, "-m", "pip_audit", "-r", str(LOCK)),
            *("--no-deps", "--disable-pip", "--vulnerability-service", "osv"),
            *("--format", "json", "--output", str(out), "--progress-spinner", "off"),
        ]
        if osv_url:
            command += ["--osv-url", osv_url]
        finished = subprocess.run(  # noqa: S603 (a fixed command, no shell)
            command, capture_output=True, text=True, check=False
        )
        document = json.loads(out.read_text()) if out.exists() else None

    return judge(finished.returncode, document, finished.stderr)


def judge(returncode: int, document: dict | None, stderr: str) -> Verdict:
    """What pip-audit's exit code, JSON report (None if none) and errors amount to."""

    if document is None:
        return _judge_failure(returncode, stderr)
    packages = document["dependencies"]
    vulnerable = [p for p in packages if p.get("vulns")]
    skipped = [p for p in packages if "skip_reason" in p]
    if vulnerable:
        lines = [_vulnerability_line(p, v) for p in vulnerable for v in p["vulns"]]
        noun = "vulnerability" if len(lines) == 1 else "vulnerabilities"
        return Verdict(
            "vulnerable",
            f"{len(lines)} known {noun} in {len(vulnerable)} of {len(packages)} packages",
            tuple(lines),
        )
    if returncode != 0:
        return Verdict("failed", _tail(stderr))
    if skipped:
        return Verdict(
            "blocked",
            f"{len(skipped)} of {len(packages)} packages not audited "
            f"({skipped[0]['skip_reason']})",
        )

    return Verdict("clean", f"{len(packages)} packages, no known vulnerabilities")


def _judge_failure(returncode: int, stderr: str) -> Verdict:
    signs = [
        line.strip()
        for line in stderr.splitlines()
        if any(sign in line for sign in UNREACHABLE_SIGNS)
    ]
    if returncode != 0 and signs:
        return Verdict("blocked", signs[-1])

    return Verdict("failed", f"pip-audit exited {returncode}: {_tail(stderr)}")


def _vulnerability_line(package: dict, vulnerability: dict) -> str:
    fixed = ", ".join(vulnerability.get("fix_versions") or []) or "no fix yet"
    summary = (vulnerability.get("description") or "")[:120]

    return (
        f"  {package['name']} {package['version']}: {vulnerability['id']} "
        f"(fixed in {fixed}) {summary}"
    )


def _tail(text: str, lines: int = 5) -> str:
    return "\n".join(text.strip().splitlines()[-lines:]) or "(no output)"


def report(verdict: Verdict) -> None:
    if verdict.outcome == "blocked":
        banner = "!" * 78
        print(f"{banner}\nDEPENDENCY AUDIT BLOCKED: {verdict.message}\n{banner}")
        print(
            "The lock was NOT audited; CI goes on. Audit it where OSV can be reached."
        )
    elif verdict.outcome == "clean":
        print(f"Dependency audit: requirements.lock, {verdict.message} (OSV).")
    elif verdict.outcome == "vulnerable":
        print(f"Dependency audit FAILED: requirements.lock, {verdict.message}:")
        print("\n".join(verdict.details))
    else:
        print(f"Dependency audit could not run: {verdict.message}")


# The self-test ------------------------------------------------------------------------


def self_test() -> int:
    """pip-audit for real against a fake OSV service: each outcome must be recognised."""

    cases = [("an advisory for Django", True, "vulnerable")]
    cases += [("no advisory", False, "clean"), ("nobody listening", None, "blocked")]
    wrong = 0
    for label, advise, expected in cases:
        verdict = _audit_against_fake_osv(advise)
        right = verdict.outcome == expected and (
            expected != "vulnerable" or SELF_TEST_ID in "".join(verdict.details)
        )
        wrong += not right
        print(
            f"Self-test, {label}: {verdict.outcome} ({verdict.message})"
            f"{'' if right else f' - WRONG, expected {expected}'}"
        )

    return 1 if wrong else 0


def _audit_against_fake_osv(advise: bool | None) -> Verdict:
    """advise: True, an advisory for django; False, none; None, no service at all."""

    if advise is None:
        with socket.socket() as probe:  # a free port, closed again before use
            probe.bind(("127.0.0.1", 0))
            port = probe.getsockname()[1]
        return audit(osv_url=f"http://127.0.0.1:{port}/v1/query")

    server = ThreadingHTTPServer(("127.0.0.1", 0), _fake_osv(advise))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        return audit(osv_url=f"http://127.0.0.1:{server.server_port}/v1/query")
    finally:
        server.shutdown()
        server.server_close()


def _fake_osv(advise: bool) -> type[BaseHTTPRequestHandler]:
    class FakeOsv(BaseHTTPRequestHandler):
        def do_POST(self) -> None:  # noqa: N802 (the name http.server calls)
            query = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
            name = query["package"]["name"]
            body = {"vulns": [_advisory(name)]} if advise and name == "django" else {}
            data = json.dumps(body).encode()
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def log_message(self, format: str, *args: object) -> None:  # noqa: A002
            pass  # quiet: one line per package otherwise

    return FakeOsv


def _advisory(name: str) -> dict:
    """A made-up OSV record in the schema pip-audit reads (id, summary, affected)."""

    return {
        "id": SELF_TEST_ID,
        "summary": "Made-up advisory served by the self-test's fake OSV.",
        "affected": [
            {
                "package": {"name": name, "ecosystem": "PyPI"},
                "ranges": [
                    {
                        "type": "ECOSYSTEM",
                        "events": [{"introduced": "0"}, {"fixed": "999.0"}],
                    }
                ],
            }
        ],
    }


if __name__ == "__main__":
    sys.exit(main())
