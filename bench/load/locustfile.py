"""Simulated signed-in people at the demo school, for bench/load/run.sh.

Each simulated user signs in through the real login form as one of the demo logins (taken in
turn), then reads the pages that role can reach and now and then downloads an export. The
URLs come from TANDEM_LOAD_URLS, a file that `bench/pages.py --urls-for-load` writes by
following links as each role, so pages that apps add are in the load without a change here.
Only ever point it at 127.0.0.1.
"""

import itertools
import json
import os
import random
import re
import time
from urllib.parse import urlsplit

from locust import HttpUser, between, events, task

with open(os.environ["TANDEM_LOAD_URLS"], encoding="utf-8") as urls_file:
    URLS = json.load(urls_file)
ROLES = itertools.cycle(URLS["roles"])
CSRF = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
SIGN_IN = {"login form", "sign in"}
SAMPLES: list[dict] = []  # every request, for exact percentiles (bench/load/summary.py)


@events.init.add_listener
def only_loopback(environment, **kwargs) -> None:  # noqa: ANN001, ANN003
    host = urlsplit(environment.host or "").hostname
    if host not in {"127.0.0.1", "localhost", "::1"}:
        raise SystemExit(f"The load test only targets this machine, not {host}.")


@events.request.add_listener
def keep_sample(request_type, name, response_time, exception, **kwargs) -> None:  # noqa: ANN001, ANN003
    SAMPLES.append(
        {
            "at": time.time(),
            "name": f"{request_type} {name}",
            "kind": "sign-in" if name in SIGN_IN else _kind(name),
            "ms": response_time,
            "error": None if exception is None else str(exception)[:200],
        }
    )


@events.quitting.add_listener
def write_samples(environment, **kwargs) -> None:  # noqa: ANN001, ANN003
    with open(os.environ["TANDEM_LOAD_SAMPLES"], "w", encoding="utf-8") as out:
        json.dump(SAMPLES, out)


class SchoolStaff(HttpUser):
    wait_time = between(0.5, 2.0)

    def on_start(self) -> None:
        self.role = next(ROLES)
        page = self.client.get("/accounts/login/", name="login form")
        token = CSRF.search(page.text)
        with self.client.post(
            "/accounts/login/",
            data={
                "username": self.role["username"],
                "password": URLS["password"],
                "csrfmiddlewaretoken": token.group(1) if token else "",
            },
            headers={"Referer": f"{self.host}/accounts/login/"},
            name="sign in",
            catch_response=True,
        ) as response:
            if "/accounts/login/" in response.url:
                response.failure(f"{self.role['username']} could not sign in")

    @task(6)
    def read_a_page(self) -> None:
        self._get(self.role["pages"])

    @task(1)
    def download_an_export(self) -> None:
        self._get(self.role["exports"] or self.role["pages"])

    def _get(self, paths: list[str]) -> None:
        path = random.choice(paths)  # noqa: S311 (choosing a page, not a secret)
        with self.client.get(path, name=_label(path), catch_response=True) as response:
            if response.status_code != 200:
                response.failure(f"{response.status_code} for {path}")
            elif "/accounts/login/" in response.url:
                response.failure(f"signed out on {path}")


def _kind(name: str) -> str:
    return (
        "export"
        if name.endswith((".pdf", ".docx", ".ics", ".csv", ".xlsx"))
        else "page"
    )


def _label(path: str) -> str:
    """Group URLs by shape (ids become {id}), so the report has one line per page."""

    return re.sub(r"/\d+(?=/|\.|$)", "/{id}", path)
