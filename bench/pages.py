"""How fast each main page and export of the demo school is, measured honestly.

    .venv/bin/python bench/pages.py [--quick] [--repeat N] [--json FILE]

It makes a throwaway database (a SQLite file in a temporary folder, or on PostgreSQL a test
database named by DATABASE_TEST_NAME when DATABASE_URL is set), loads the demo school, and
finds the pages by following links from the dashboard as the demo SENCO, so a page that an
app adds is measured without a change here. Each page's median latency is divided by that of
a minimal view served through the same middleware in the same run: the ratio is what the
page costs beyond Django itself, and it travels between machines better than milliseconds.
Every export it finds (PDF, .docx, .ics and other downloads, whatever their URL) is timed on
its own, with its size; the inspection evidence pack is built once, as the background worker
builds it (not in a --quick run); then a batch of SEN Information Report checks runs through
the checker the app uses, on the labelled corpus in bench/sir_corpus (sir_checker_bench.py).

    .venv/bin/python bench/pages.py --urls-for-load FILE

writes, for each demo login, the pages and exports that role can reach, crawled from the
database DATABASE_URL names as it is (bench/load/run.sh uses it; nothing is measured).
"""

import argparse
import json
import mimetypes
import os
import secrets
import statistics
import sys
import tempfile
import time
import types
from dataclasses import asdict, dataclass, field
from pathlib import Path
from urllib.parse import urljoin, urlsplit

ROOT = Path(__file__).resolve().parent.parent
EXPORT_SUFFIXES = (".pdf", ".docx", ".ics", ".csv", ".xlsx", ".zip")
MAX_PAGE_NAMES = 60
QUICK_MAX_PAGE_NAMES = 30
PAGES_EXPLORED_PER_NAME = 3  # e.g. three meetings, as an export may hang off only some
MINIMAL_PATH = "/bench/minimal/"
SIGN_IN_BACKEND = "django.contrib.auth.backends.ModelBackend"
QUICK_BUDGET_SECONDS = 12  # --quick stops timing new pages after this (CI)
CHECKER_ROUNDS = 3  # passes over the corpus; one with --quick


@dataclass
class Target:
    name: str  # the URL name, e.g. "meetings:meeting-detail"
    path: str
    kind: str = "page"  # "page" or "export"
    status: int = 0
    content_type: str = ""
    size: int = 0
    queries: int = 0
    timings: list[float] = field(default_factory=list)
    timed: bool = False
    explored: int = 0  # pages of this URL name read for links while crawling

    @property
    def median_ms(self) -> float:
        return statistics.median(self.timings) * 1000 if self.timings else 0.0


def main(argv: list[str] | None = None) -> int:
    args = _parse(argv)
    workdir = Path(tempfile.mkdtemp(prefix="tandem-bench-"))
    _configure_environment(
        workdir, keep_database=bool(args.urls_for_load), quick=args.quick
    )

    import django

    django.setup()
    if args.urls_for_load:
        return _write_urls_for_load(Path(args.urls_for_load))

    return _benchmark(args, workdir)


def _parse(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="few repetitions (for CI)")
    parser.add_argument(
        "--repeat",
        type=int,
        help="timed requests per page (a quarter as many per export); default 20, 3 quick",
    )
    parser.add_argument(
        "--budget",
        type=float,
        help="seconds of timing pages after which the other pages are listed but not "
        f"timed; exports are always timed (default: none; {QUICK_BUDGET_SECONDS} with "
        "--quick)",
    )
    parser.add_argument("--json", metavar="FILE", help="also write the figures as JSON")
    parser.add_argument("--urls-for-load", metavar="FILE", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.repeat is None:
        args.repeat = 3 if args.quick else 20
    if args.budget is None and args.quick:
        args.budget = QUICK_BUDGET_SECONDS

    return args


def _configure_environment(workdir: Path, *, keep_database: bool, quick: bool) -> None:
    """Production-like settings: DEBUG off, so no query log, real error handling."""

    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tandem.settings")
    os.environ["TANDEM_DEBUG"] = "false"
    os.environ.setdefault("TANDEM_SECRET_KEY", secrets.token_urlsafe(50))
    os.environ["TANDEM_SSL_REDIRECT"] = "false"
    os.environ["TANDEM_SECURE_COOKIES"] = "false"
    os.environ.setdefault("TANDEM_LOG_LEVEL", "WARNING")
    if keep_database:  # only crawling: plain static names, whatever was collected
        os.environ["TANDEM_STATIC_MANIFEST"] = "false"
        return
    os.environ["TANDEM_DATA_DIR"] = str(workdir)
    os.environ["TANDEM_STATIC_ROOT"] = str(workdir / "static")
    (workdir / "static").mkdir()
    if quick:  # no collectstatic: plain static names
        os.environ["TANDEM_STATIC_MANIFEST"] = "false"


def _benchmark(args: argparse.Namespace, workdir: Path) -> int:
    from django.core.management import call_command
    from django.db import connection
    from django.test.utils import override_settings

    engine = connection.vendor
    if engine == "sqlite":
        connection.settings_dict["TEST"]["NAME"] = str(workdir / "bench.sqlite3")
    phases: dict[str, float] = {}
    started = time.perf_counter()
    old_name = connection.creation.create_test_db(verbosity=0, autoclobber=True)
    phases["migrate"] = time.perf_counter() - started
    try:
        if not args.quick:  # hashed static names, as in production
            call_command("collectstatic", interactive=False, verbosity=0)
        with override_settings(
            ROOT_URLCONF=_bench_urlconf(),
            ALLOWED_HOSTS=["testserver"],
            PASSWORD_HASHERS=["django.contrib.auth.hashers.MD5PasswordHasher"],
        ):
            started = time.perf_counter()
            demo = _seed()
            phases["demo"] = time.perf_counter() - started
            results = _measure(demo, args, phases)
            results["pack"] = None if args.quick else _time_pack(demo)
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)
    results["checks"] = _time_checks(args, phases)

    _print_report(results, args, engine, phases)
    if args.json:
        Path(args.json).write_text(
            json.dumps(_as_json(results, args, engine), indent=2)
        )
    failed = [t for t in results["targets"] if t.status >= 500]

    return 1 if failed else 0


def _bench_urlconf() -> types.ModuleType:
    """Tandem's URLs plus one trivial view, only while the benchmark runs."""

    from django.http import HttpRequest, HttpResponse
    from django.urls import path

    import tandem.urls

    def minimal(request: HttpRequest) -> HttpResponse:
        return HttpResponse("ok", content_type="text/plain")

    module = types.ModuleType("bench_urls")
    module.__dict__.update(
        {k: v for k, v in vars(tandem.urls).items() if k.startswith("handler")}
    )
    module.urlpatterns = [path(MINIMAL_PATH.strip("/") + "/", minimal)]
    module.urlpatterns += tandem.urls.urlpatterns

    return module


def _seed():  # noqa: ANN202
    from tandem.schools import demo

    seeded = demo.seed_demo()
    if seeded is None:
        raise SystemExit("The benchmark database already had the demo school.")

    return seeded


def _measure(demo, args: argparse.Namespace, phases: dict) -> dict:  # noqa: ANN001
    """Crawl as the demo SENCO, then time the minimal view, the pages and the exports."""

    from django.test import Client

    from tandem.schools.models import Membership

    client = Client(raise_request_exception=False)
    client.force_login(demo.users[Membership.Role.SENCO], backend=SIGN_IN_BACKEND)
    started = time.perf_counter()
    limit = QUICK_MAX_PAGE_NAMES if args.quick else MAX_PAGE_NAMES
    targets = crawl(client, demo.school.urn, limit=limit)
    phases["crawl"] = time.perf_counter() - started
    minimal = Target(name="(minimal view)", path=MINIMAL_PATH)
    _time(client, minimal, repeat=args.repeat * 3)

    started = time.perf_counter()
    _time_pages(client, [t for t in targets if t.kind == "page"], args)
    phases["pages"] = time.perf_counter() - started
    started = time.perf_counter()
    for export in [t for t in targets if t.kind == "export"]:  # seconds, not ms, each
        _time(client, export, repeat=_export_repeat(args))
    phases["exports"] = time.perf_counter() - started
    # The minimal view again, in case the machine got busier meanwhile.
    _time(client, minimal, repeat=args.repeat * 3)

    return {"minimal": minimal, "targets": targets}


def _time_pages(client, pages: list[Target], args: argparse.Namespace) -> None:  # noqa: ANN001
    """The dashboard first, then the rest, until the time budget (if any) is spent."""

    deadline = time.perf_counter() + args.budget if args.budget else None
    dashboard_first = sorted(pages, key=lambda t: t.name != "schools:dashboard")
    for page in dashboard_first:
        if deadline and time.perf_counter() > deadline:
            return
        _time(client, page, repeat=args.repeat)


def _time_pack(demo) -> dict:  # noqa: ANN001
    """The inspection evidence pack, built as the background worker builds it."""

    from tandem.compliance import evidence_pack
    from tandem.lib.calendar import london_today

    started = time.perf_counter()
    pdf = evidence_pack.build(demo.school, today=london_today()).pdf
    seconds = time.perf_counter() - started

    return {"seconds": seconds, "kb": len(pdf) / 1024}


def _export_repeat(args: argparse.Namespace) -> int:
    return max(1, args.repeat // 4)


def _time_checks(args: argparse.Namespace, phases: dict) -> dict:
    """A batch of SEN Information Report checks, through the checker the app runs."""

    import sir_checker_bench  # beside this file, so on sys.path when run as a script

    rounds = 1 if args.quick else CHECKER_ROUNDS
    batch = sir_checker_bench.time_checks(sir_checker_bench.load_labels(), rounds)
    phases["checks"] = batch.seconds

    return {
        "documents": batch.documents,
        "rounds": rounds,
        "seconds": batch.seconds,
        "per_second": batch.per_second,
    }


def crawl(  # noqa: ANN001
    client, urn: str, *, depth: int = 2, limit: int = MAX_PAGE_NAMES
) -> list[Target]:
    """One target per URL name reachable by links from the school's dashboard.

    The first page of each URL name is its target, and up to PAGES_EXPLORED_PER_NAME
    pages of a name are read for links, so an export that only some meetings or versions
    offer is still found. Every page target is fetched once (its status is kept); one
    that answers with a download is an export. Exports found by their path are left for
    the caller to fetch, since rendering them is the slow part. `limit` caps the page
    names, never the exports.
    """

    from django.urls import resolve, reverse

    start = reverse("schools:dashboard", kwargs={"urn": urn})
    dashboard = Target(name=resolve(start).view_name, path=start)
    found: dict[str, Target] = {dashboard.name: dashboard}
    seen = {start}
    frontier = [dashboard]
    for _ in range(depth + 1):
        next_frontier = []
        for page in frontier:
            for link in _visit(client, page, prefix=f"/schools/{urn}/"):
                if link.path not in seen and _adopt(link, found, seen, limit=limit):
                    next_frontier.append(link)
        frontier = next_frontier
    for page in frontier:  # the deepest pages: status and type only
        _visit(client, page, prefix=None)

    return sorted(found.values(), key=lambda t: (t.kind, t.name))


def _adopt(
    link: Target, found: dict[str, Target], seen: set[str], *, limit: int
) -> bool:
    """Keep a new link as a target or a page to explore; True when it should be read."""

    known = found.get(link.name)
    if known is None:
        pages = sum(1 for t in found.values() if t.kind == "page")
        if link.kind == "page" and pages >= limit:
            return False
        found[link.name] = link
    elif known.kind == "export" or known.explored >= PAGES_EXPLORED_PER_NAME:
        return False
    seen.add(link.path)
    if link.kind == "export":
        return False
    (known or link).explored += 1

    return True


def _visit(client, page: Target, *, prefix: str | None) -> list[Target]:  # noqa: ANN001
    """Fetch a page, keep its status and type, and return its links under `prefix`."""

    response = client.get(page.path)
    page.status = response.status_code
    page.content_type = _content_type(response)
    if page.status == 200 and page.content_type != "text/html":
        page.kind = "export"  # a download that its path did not announce
    if prefix is None or page.kind == "export" or page.status != 200:
        return []

    return _linked_targets(response.content, page.path, prefix)


def _linked_targets(html: bytes, base: str, prefix: str) -> list[Target]:
    from bs4 import BeautifulSoup
    from django.urls import Resolver404, resolve

    targets = []
    for link in BeautifulSoup(html, "html.parser").find_all("a", href=True):
        path = urlsplit(urljoin(base, link["href"])).path
        if not path.startswith(prefix):
            continue
        try:
            name = resolve(path).view_name
        except Resolver404:
            continue
        kind = "export" if path.endswith(EXPORT_SUFFIXES) else "page"
        targets.append(Target(name=name, path=path, kind=kind))

    return targets


def _content_type(response) -> str:  # noqa: ANN001
    return response.get("Content-Type", "").split(";")[0]


def _time(client, target: Target, *, repeat: int) -> None:  # noqa: ANN001
    """Fetch once (status, size, queries; it warms caches), then time `repeat` fetches."""

    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    target.timed = True
    with CaptureQueriesContext(connection) as queries:
        response = _get(client, target.path)
    target.status = response.status_code
    target.content_type = _content_type(response)
    target.size = len(response.content)
    target.queries = len(queries)
    if target.status != 200:
        return
    for _ in range(repeat):
        started = time.perf_counter()
        _get(client, target.path)
        target.timings.append(time.perf_counter() - started)


def _get(client, path: str):  # noqa: ANN001, ANN202
    response = client.get(path)
    if response.streaming:  # read it all, as a browser would
        response._content = b"".join(response.streaming_content)

    return response


def _print_report(
    results: dict, args: argparse.Namespace, engine: str, phases: dict
) -> None:
    mode = "quick" if args.quick else "full"
    spent = ", ".join(f"{name} {seconds:.1f} s" for name, seconds in phases.items())
    print(
        f"Tandem page benchmark: {engine}, {mode} run, {args.repeat} timed requests a "
        f"page ({spent})"
    )
    _print_pages(results)
    _print_exports(results, args)
    _print_pack(results["pack"])
    _print_checks(results["checks"])
    for t in results["targets"]:
        if t.timed and t.status != 200:
            print(f"Warning: {t.name} ({t.path}) answered {t.status}; not timed.")


def _print_pages(results: dict) -> None:
    base = results["minimal"].median_ms
    pages = [t for t in results["targets"] if t.kind == "page"]
    print(f"Minimal view through the same middleware: median {base:.2f} ms\n")
    print(
        f"{'Page':<36} {'Status':>6} {'Queries':>7} {'Median ms':>9} {'x minimal':>9}"
    )
    for t in pages:
        if not t.timed:
            print(f"{t.name:<36} {'-':>6} {'-':>7} {'not timed':>9} {'-':>9}")
            continue
        ratio = f"{t.median_ms / base:9.1f}" if t.timings and base else f"{'-':>9}"
        print(f"{t.name:<36} {t.status:>6} {t.queries:>7} {t.median_ms:>9.1f} {ratio}")
    ratios = [t.median_ms / base for t in pages if t.timings and base]
    if ratios:
        print(f"\nMedian page: {statistics.median(ratios):.1f} x the minimal view.")
    untimed = [t.name for t in pages if not t.timed]
    if untimed:
        print(f"Not timed, as the run's time budget was spent: {', '.join(untimed)}.")


def _print_exports(results: dict, args: argparse.Namespace) -> None:
    exports = [t for t in results["targets"] if t.kind == "export"]
    repeat = _export_repeat(args)
    print(
        f"\nExports: {len(exports)} found by following links; each fetched once, then "
        f"timed {'once' if repeat == 1 else f'{repeat} times'}."
    )
    print(f"{'Export':<36} {'Status':>6} {'Format':<7} {'KB':>8} {'Median ms':>9}")
    for t in exports:
        extension = mimetypes.guess_extension(t.content_type) or t.content_type
        median = f"{t.median_ms:>9.1f}" if t.timings else f"{'-':>9}"
        print(
            f"{t.name:<36} {t.status:>6} {extension:<7} {t.size / 1024:>8.1f} {median}"
        )


def _print_pack(pack: dict | None) -> None:
    if pack is None:
        print("\nEvidence pack: not timed in a quick run.")
        return
    print(
        f"\nEvidence pack (built once, as the background worker builds it): "
        f"{pack['kb']:.1f} KB PDF in {pack['seconds']:.2f} s."
    )


def _print_checks(checks: dict) -> None:
    passes = "1 pass" if checks["rounds"] == 1 else f"{checks['rounds']} passes"
    print(
        f"\nSEN Information Report checks (check_report on bench/sir_corpus, {passes}): "
        f"{checks['documents']} documents in {checks['seconds']:.2f} s, "
        f"{checks['per_second']:.1f} documents/s."
    )


def _as_json(results: dict, args: argparse.Namespace, engine: str) -> dict:
    minimal: Target = results["minimal"]

    def row(target: Target) -> dict:
        data = asdict(target)
        data["median_ms"] = target.median_ms
        data["ratio"] = (
            target.median_ms / minimal.median_ms if minimal.median_ms else None
        )
        return data

    return {
        "database": engine,
        "quick": args.quick,
        "repeat": args.repeat,
        "minimal": row(minimal),
        "targets": [row(t) for t in results["targets"]],
        "checks": results["checks"],
        "evidence_pack": results["pack"],
    }


def _write_urls_for_load(path: Path) -> int:
    """For each demo login at the demo school: the pages and exports it can reach."""

    from django.contrib.auth import get_user_model
    from django.test import Client
    from django.test.utils import override_settings

    from tandem.schools import demo

    roles = []
    broken: list[str] = []
    with override_settings(ALLOWED_HOSTS=["testserver"]):
        for username, _, _, role in demo.PEOPLE:
            if role is None:
                continue
            client = Client(raise_request_exception=False)
            user = get_user_model().objects.get(username=username)
            client.force_login(user, backend=SIGN_IN_BACKEND)
            targets = crawl(client, demo.DEMO_URN)
            broken += [f"{t.path} ({t.status})" for t in targets if t.status >= 500]
            pages = [t.path for t in targets if t.kind == "page" and t.status == 200]
            exports = [t.path for t in targets if t.kind == "export"]
            roles.append(
                {
                    "username": username,
                    "role": str(role),
                    "pages": pages,
                    "exports": exports,
                }
            )
    if broken:
        print(f"Pages that failed while crawling: {', '.join(sorted(set(broken)))}")
        return 1
    document = {"password": demo.DEMO_PASSWORD, "roles": roles}
    path.write_text(json.dumps(document, indent=2))
    total = sum(len(r["pages"]) + len(r["exports"]) for r in roles)
    print(f"Wrote {total} URLs for {len(roles)} roles to {path}.")

    return 0


if __name__ == "__main__":
    sys.exit(main())
