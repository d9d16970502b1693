"""The pages a signed-in person opens daily, against signed-in /ping, in one run.

For each database: three people seeded (PEOPLE), gunicorn with 2 sync workers, each
person signed in through the real form; then wrk (-t2 -c8 by default) drives each of
PAGES for --duration seconds with the same session cookie on every request, in --rounds
rounds over all pages. Prints a Markdown table (each page's median round: req/s, p50,
share of signed-in /ping) and the issue's targets as PASS/FAIL.
"""

import argparse
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import NamedTuple

if not __package__:  # run as a file (python bench/signed_in.py): import it as the package
    sys.path[0] = str(Path(__file__).resolve().parents[1])
from bench import harness  # noqa: E402
from bench.harness import SEARCH_WORD, fetch  # noqa: E402

WORKERS = 2
# name: (journal entries, days of history)
PEOPLE = {"person": (1_000, 1_000), "entries10": (10, 0), "entries10k": (10_000, 0)}
PING_SIGNED_IN = "/ping signed in"
PING_ANONYMOUS = "/ping anonymous"


class Page(NamedTuple):
    label: str
    path: str
    person: str | None  # signed in as this one of PEOPLE
    marker: str = ""  # the page must contain it
    daily: bool = False  # one of the pages: >= TARGET_SHARE of signed-in /ping


PAGES = [
    Page(PING_SIGNED_IN, "/ping", "person", "ok"),
    Page(PING_ANONYMOUS, "/ping", None, "ok"),
    Page("/journal/", "/journal/", "person", "Your journal", True),
    Page(f"/journal/?q={SEARCH_WORD}", f"/journal/?q={SEARCH_WORD}", "person", SEARCH_WORD, True),
    Page("/ dashboard", "/", "person", "<main", True),
    Page("/journey/", "/journey/", "person", "<main", True),
    Page("/journey/history/", "/journey/history/", "person", "<main", True),
    Page("/guide/ signed in", "/guide/", "person", "<article", True),
    Page("journal list, 10 entries", "/journal/", "entries10", "Your journal"),
    Page("journal list, 10,000 entries", "/journal/", "entries10k", "Your journal"),
    Page("journal search, 10 entries", f"/journal/?q={SEARCH_WORD}", "entries10", SEARCH_WORD),
    Page("journal search, 10,000", f"/journal/?q={SEARCH_WORD}", "entries10k", SEARCH_WORD),
]
TARGET_SHARE, STRETCH_SHARE = 0.35, 0.50
PING_SHARE = 0.50  # signed-in /ping against anonymous /ping
SCALE = [  # p50 at 10,000 entries <= 1.5x the p50 at 10
    ("journal list, 10,000 entries", "journal list, 10 entries", 1.5),
    ("journal search, 10,000", "journal search, 10 entries", 1.5),
]


def verdicts(results):
    """The issue's targets as PASS/FAIL lines, from {label: measured row}."""
    base = results[PING_SIGNED_IN]["rps"]
    lines = []
    for page in PAGES:
        if page.daily:
            share = results[page.label]["rps"] / base
            ok = "PASS" if share >= TARGET_SHARE else "FAIL"
            stretch = " (stretch met)" if share >= STRETCH_SHARE else ""
            what = f"{page.label} >= {TARGET_SHARE:.0%} of signed-in /ping"
            lines.append(f"  {ok}  {what}: {share:.1%}{stretch}")
    share = base / results[PING_ANONYMOUS]["rps"]
    ok = "PASS" if share >= PING_SHARE else "FAIL"
    lines.append(f"  {ok}  signed-in /ping >= {PING_SHARE:.0%} of anonymous /ping: {share:.1%}")
    for big, small, limit in SCALE:
        ratio = results[big]["p50_ms"] / results[small]["p50_ms"]
        ok = "PASS" if ratio <= limit else "FAIL"
        lines.append(f"  {ok}  {big} p50 <= {limit}x {small}: {ratio:.2f}x")
    return lines


def table(results):
    base = results[PING_SIGNED_IN]["rps"]
    lines = ["| page | req/s | p50 ms | share of signed-in `/ping` | errors | rendered ms |"]
    lines.append("|---|---|---|---|---|---|")
    for page in PAGES:
        row = results[page.label]
        rendered = f"{row['render_ms']:.1f}" if "render_ms" in row else ""
        lines.append(
            f"| `{page.label}` | {row['rps']:.0f} | {row['p50_ms']:.1f} "
            f"| {row['rps'] / base:.1%} | {row['errors']} | {rendered} |"
        )
    return lines


def settle(base, seconds=15):
    """Wait until the workers have finished the requests wrk left queued when it stopped
    (a slow page leaves seconds of them), so they do not count against the next page."""
    deadline, quick = time.monotonic() + seconds, 0
    while quick < 3 and time.monotonic() < deadline:
        started = time.monotonic()
        fetch(base + "/ping")
        quick = quick + 1 if time.monotonic() - started < 0.05 else 0


def headers_for(page, cookies):
    return {"Cookie": cookies[page.person]} if page.person else {}


def median_row(rows):
    medians = {key: statistics.median(row[key] for row in rows) for key in ("rps", "p50_ms")}
    return medians | {"errors": sum(row["errors"] for row in rows)}


def render_costs(email):
    """{label: ms} for the daily pages rendered in-process with no kept copy: what the
    first visit after a change costs (the wrk rounds measure the visits after it)."""
    from django.conf import settings
    from django.contrib.auth import get_user_model
    from django.test import Client, override_settings

    client = Client(HTTP_HOST="127.0.0.1")
    client.force_login(get_user_model().objects.get(email=email))
    off = {**settings.CACHES, "pages": {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}}
    costs = {}
    with override_settings(CACHES=off):
        for page in PAGES:
            if not page.daily:
                continue
            timings = []
            for n in range(12):
                started = time.perf_counter()
                client.get(page.path)
                if n >= 2:  # the first two warm the process's other caches
                    timings.append((time.perf_counter() - started) * 1000)
            costs[page.label] = statistics.median(timings)
    return costs


def run(db, args):
    with harness.fresh_site(db, pg_name=args.pg_name) as env:
        print(f"[{db}] seeding {', '.join(PEOPLE)} ...", flush=True)
        harness.django_setup(env)
        emails = harness.seed(PEOPLE)
        with harness.gunicorn(env, WORKERS) as base:
            cookies = {name: harness.sign_in(base, email) for name, email in emails.items()}
            for page in PAGES:
                status, _, body = fetch(base + page.path, headers_for(page, cookies))
                if status != 200 or page.marker.encode() not in body:
                    raise RuntimeError(f"{page.label}: HTTP {status} or no {page.marker!r}")
            # Rounds over every page, so a burst of load from elsewhere on the machine
            # falls on all of them rather than on one; each page's median round counts.
            runs = {page.label: [] for page in PAGES}
            for n in range(1, args.rounds + 1):
                for page in PAGES:
                    url, headers = base + page.path, headers_for(page, cookies)
                    settle(base)
                    row = harness.measure(url, args.duration, args.connections, headers)
                    runs[page.label].append(row)
                    print(
                        f"  round {n}  {page.label:<30} {row['rps']:7.0f} req/s"
                        f"  p50 {row['p50_ms']:6.1f} ms",
                        flush=True,
                    )
    results = {label: median_row(rows) for label, rows in runs.items()}
    for label, ms in render_costs(emails["person"]).items():
        results[label]["render_ms"] = ms
    print(
        f"\n{db}: gunicorn -w {WORKERS}, wrk -t2 -c{args.connections}, "
        f"median of {args.rounds} rounds of {args.duration:g} s a page; "
        f"load average {os.getloadavg()[0]:.1f}; rendered ms: one request in-process "
        "with no kept copy of the page (the first visit after a change)\n"
    )
    print("\n".join(table(results) + [""] + verdicts(results)), flush=True)
    return all(" FAIL " not in line for line in verdicts(results))


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", choices=["sqlite", "postgres", "both"], default="both")
    parser.add_argument("--duration", type=float, default=4, help="seconds a page a round")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--connections", type=int, default=8)
    parser.add_argument("--pg-name", default="twinflame_bench_signed_in")
    args = parser.parse_args()
    if args.db == "both":  # one process per database: Django is set up once per process
        own = ["--duration", str(args.duration), "--rounds", str(args.rounds)]
        own += ["--connections", str(args.connections)]
        own += ["--pg-name", args.pg_name]
        codes = [
            subprocess.run([sys.executable, __file__, "--db", db, *own]).returncode
            for db in ("sqlite", "postgres")
        ]
        sys.exit(max(codes))
    sys.exit(0 if run(args.db, args) else 1)


if __name__ == "__main__":
    main()
