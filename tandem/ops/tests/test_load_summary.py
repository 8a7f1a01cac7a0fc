"""bench/load/summary.py: the load test's verdict and figures, from kept samples."""

import importlib.util
import json
from pathlib import Path

import pytest

SUMMARY = Path(__file__).resolve().parents[3] / "bench" / "load" / "summary.py"
spec = importlib.util.spec_from_file_location("load_summary", SUMMARY)
summary = importlib.util.module_from_spec(spec)
spec.loader.exec_module(summary)


def sample(name: str, ms: float, *, at: float, kind: str = "page", error=None) -> dict:  # noqa: ANN001
    return {"at": at, "name": name, "kind": kind, "ms": ms, "error": error}


def run(tmp_path: Path, samples: list[dict], capsys) -> tuple[int, str]:  # noqa: ANN001
    path = tmp_path / "samples.json"
    path.write_text(json.dumps(samples))
    code = summary.main(
        [str(path), "--users", "2", "--seconds", "10", "--workers", "4"]
    )
    return code, capsys.readouterr().out


def test_no_errors_passes_and_prints_exact_figures(tmp_path, capsys) -> None:
    samples = [
        sample("GET /schools/{id}/", ms, at=ms / 10) for ms in range(10, 110, 10)
    ]
    samples.append(sample("POST sign in", 900, at=0, kind="sign-in"))

    code, out = run(tmp_path, samples, capsys)

    assert code == 0
    assert "Pages and exports: 10 requests, throughput 1.1 requests/s" in out
    assert "median 55 ms, 95th percentile 96 ms." in out
    assert "Signing in: 1 times, median 900 ms" in out
    assert "Errors: 0." in out


def test_any_error_fails_even_when_signing_in(tmp_path, capsys) -> None:
    samples = [
        sample("GET /schools/{id}/", 20, at=0),
        sample("POST sign in", 900, at=0, kind="sign-in", error="could not sign in"),
    ]

    code, out = run(tmp_path, samples, capsys)

    assert code == 1
    assert "Errors: 1." in out
    assert "POST sign in: could not sign in" in out


def test_no_pages_at_all_fails(tmp_path, capsys) -> None:
    code, _ = run(tmp_path, [sample("POST sign in", 900, at=0, kind="sign-in")], capsys)

    assert code == 1


@pytest.mark.parametrize(
    ("values", "percent", "expected"),
    [([5.0], 95, 5.0), ([1, 2, 3, 4], 50, 2.5), (list(range(1, 101)), 95, 95.05)],
)
def test_percentiles(values: list[float], percent: int, expected: float) -> None:
    assert summary._pct(values, percent) == pytest.approx(expected)
