"""Throughput and latency of the real site, and TARGETS as ratios within one run.

Per database: PEOPLE seeded; queries per page; the guide's 304 and weight; then each of
PAGES under wrk against gunicorn (2 sync workers). See bench/README.md."""

import argparse
import cProfile
import gzip
import os
import re
import subprocess
import sys
import time
import urllib.parse
from pathlib import Path
from typing import NamedTuple

if not __package__:  # run as a file (python bench/perf.py): import it as the package
    sys.path[0] = str(Path(__file__).resolve().parents[1])
from bench import harness  # noqa: E402
from bench.harness import SEARCH_WORD, fetch  # noqa: E402

WORKERS = 2
GUIDE = "/guide/twin-flame-runner/"
# The faces the guide draws above the fold (heading and body text); the stylesheet names
# them, the page preloads only the first. Faces used further down (italic in the reading
# list) are fetched too but are not counted in the first view's weight.
FOLD_FONTS = ("literata-latin-600-normal", "atkinson-hyperlegible-latin-400-normal")
# name: (journal entries, days of history)
PEOPLE = {"entries10": (10, 0), "entries10k": (10_000, 0), "days10": (0, 10), "days1000": (0, 1000)}
LARGE = ("entries10k", "days1000")  # whose pages --profile looks into, with the guide


class Page(NamedTuple):
    label: str
    path: str | None  # None: the site's hashed stylesheet, as the guide page links it
    person: str | None = None  # signed in as this one of PEOPLE
    marker: str = ""  # the page must contain it


PAGES = [
    Page("baseline /ping", "/ping", None, "ok"),
    Page("guide article (anon)", GUIDE, None, "<article"),
    Page("journal list, 10", "/journal/", "entries10", "journal"),
    Page("journal list, 10k", "/journal/", "entries10k", "journal"),
    Page("journal search, 10", f"/journal/?q={SEARCH_WORD}", "entries10", SEARCH_WORD),
    Page("journal search, 10k", f"/journal/?q={SEARCH_WORD}", "entries10k", SEARCH_WORD),
    Page("dashboard, 10 days", "/", "days10", "<main"),
    Page("dashboard, 1000 days", "/", "days1000", "<main"),
    Page("static asset", None),
]
# Ratios within one run: (figure, page, reference page, limit). The page's req/s must be
# at least limit x the reference's; its p50 latency at most limit x the reference's.
TARGETS = [
    ("rps", "guide article (anon)", "baseline /ping", 0.5),
    ("p50_ms", "journal list, 10k", "journal list, 10", 2),
    ("p50_ms", "journal search, 10k", "journal search, 10", 2),
    ("p50_ms", "dashboard, 1000 days", "dashboard, 10 days", 2),
]


def ratio_lines(pages):
    """TARGETS as PASS/FAIL lines; a page not measured is a FAIL."""
    lines = []
    for key, page, reference, limit in TARGETS:
        top, bottom = (pages.get(label, {}).get(key) for label in (page, reference))
        value, rps = top / bottom if top and bottom else None, key == "rps"
        ok = value is not None and (value >= limit if rps else value <= limit)
        what = f"{page} {'req/s >=' if rps else 'p50 <='} {limit:g}x {reference}"
        shown = f"{value or 0:.0%} of {reference}" if rps else f"{value or 0:.2f}x"
        lines.append(
            f"  {'PASS' if ok else 'FAIL'}  {what:<56} {shown if value else 'not measured'}"
        )
    return lines


def static_asset_path(html):
    match = re.search(r'href="(/static/css/site\.[0-9a-f]+\.css)"', html)
    return (match or re.search(r'href="(/static/[^"]+\.css)"', html)).group(1)


def print_queries(db, emails, profile):
    """Queries per page, in-process (Django's test client, warm), the slowest ones of the
    large pages; with profile, cProfiles of the guide and the large pages."""
    from django.contrib.auth import get_user_model
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    print("  queries per page (in-process, test client, warm; ms = one request, no load):")
    slowest = []
    for page in [page for page in PAGES if page.path not in ("/ping", None)]:
        client = Client(HTTP_HOST="127.0.0.1")
        if page.person:
            client.force_login(get_user_model().objects.get(email=emails[page.person]))
        client.get(page.path)  # warm: session, templates, caches
        with CaptureQueriesContext(connection) as captured:
            client.get(page.path)
        queries = captured.captured_queries  # now: the next request clears the log
        started = time.perf_counter()
        for _ in range(5):
            client.get(page.path)
        ms = (time.perf_counter() - started) / 5 * 1000
        print(f"    {page.label:<24} {len(queries):>3} queries {ms:>7.1f} ms")
        if page.person in LARGE:
            queries.sort(key=lambda q: -float(q["time"]))
            slowest += [f"    {page.label:<22} {q['time']}s {q['sql'][:300]}" for q in queries[:2]]
        if profile and page.person in (*LARGE, None):  # open with python -m pstats, snakeviz
            harness.RESULTS.mkdir(exist_ok=True)
            out = harness.RESULTS / f"{db}-{re.sub(r'\W+', '-', page.label)}.prof"
            profiler = cProfile.Profile()
            profiler.runcall(lambda: [client.get(page.path) for _ in range(10)])  # noqa: B023
            profiler.dump_stats(out)
            print(f"    {'':<24} cProfile of 10 requests: {out}")
    print("  slowest queries on the large pages:", *slowest, sep="\n")


def print_conditional_get(url):
    """Does the page answer a GET with its own ETag / Last-Modified with 304?"""
    headers = fetch(url)[1]
    conditional = {"If-None-Match": headers["ETag"], "If-Modified-Since": headers["Last-Modified"]}
    status = fetch(url, {name: value for name, value in conditional.items() if value})[0]
    print(
        f"  guide conditional GET: ETag={headers['ETag']!r} "
        f"Last-Modified={headers['Last-Modified']!r} Cache-Control={headers['Cache-Control']!r} "
        f"-> HTTP {status} ({'answers 304' if status == 304 else 'NO 304'})"
    )


def print_page_weight(base, path):
    """Bytes on the wire: the HTML gzipped by us (the site does not compress HTML), each
    stylesheet, script, icon and FOLD_FONTS face as whitenoise serves it to a browser
    asking for br/gzip."""
    served = fetch(base + path, {"Accept-Encoding": "br, gzip"})[1]["Content-Encoding"]
    body = fetch(base + path)[2]
    rows = [("html (gzip -6)", path, len(body), len(gzip.compress(body, 6)), served or "plain")]
    html = body.decode()
    css = re.findall(r'<link[^>]+rel="stylesheet"[^>]+href="([^"]+)"', html)
    css += re.findall(r'<link[^>]+href="([^"]+)"[^>]+rel="stylesheet"', html)
    other = re.findall(r'<img[^>]+src="(/[^"]+)"', html)
    other += re.findall(r'<link[^>]+rel="(?:icon|preload)"[^>]+href="(/[^"]+)"', html)
    js = re.findall(r'<script[^>]+src="([^"]+)"', html)
    for sheet in css:  # the fold's fonts, as the stylesheet names them (hashed)
        text = fetch(base + sheet)[2].decode()
        fonts = re.findall(r'url\("?([^")]+\.woff2)"?\)', text)
        other += [urllib.parse.urljoin(sheet, f) for f in fonts if any(n in f for n in FOLD_FONTS)]
    for kind, urls in (("css", css), ("js", js), ("other", other)):
        for url in dict.fromkeys(urls):
            _, headers, wire = fetch(base + url, {"Accept-Encoding": "br, gzip"})
            note = f"{headers['Content-Encoding'] or 'identity'} {headers['Cache-Control']}"
            rows.append((kind, url, len(fetch(base + url)[2]), len(wire), note))
    print("  guide page weight (bytes on the wire):")
    for kind, url, plain, wire, note in rows:
        print(f"    {kind:<14} {plain:>8} -> {wire:>7}  {url}  {note}")
    total, js = sum(row[3] for row in rows), sum(row[3] for row in rows if row[0] == "js")
    checks = [(total, 60, "guide page <= 60 KB compressed (HTML gzipped)")]
    if not served:
        checks.append((total - rows[0][3] + rows[0][2], 60, "guide page as served (HTML plain)"))
    for size, kb, what in [*checks, (js, 20, "JS <= 20 KB compressed")]:
        print(f"  {'PASS' if size <= kb * 1024 else 'FAIL'}  {what:<56} {size / 1024:.1f} KB")


def print_load(base, cookies, duration, connections):
    """Every page checked, then under wrk for `duration` seconds; then TARGETS."""
    asset = static_asset_path(fetch(base + GUIDE)[2].decode())
    load_before = os.getloadavg()[0]
    print(f"  {'page':<24} {'req/s':>8} {'p50 ms':>8} {'p95 ms':>8} {'errors':>7}  path")
    pages = {}
    for page in PAGES:
        path = page.path or asset
        headers = {"Cookie": cookies[page.person]} if page.person else {}
        for _ in range(2):  # it answers, and both workers are warm
            status, _, body = fetch(base + path, headers)
        if status != 200 or page.marker.encode() not in body:
            raise RuntimeError(f"{page.label}: {path} gave {status} (no {page.marker!r})")
        row = pages[page.label] = harness.measure(base + path, duration, connections, headers)
        print(
            f"  {page.label:<24} {row['rps']:>8.1f} {row['p50_ms']:>8.1f} {row['p95_ms']:>8.1f} "
            f"{row['errors']:>7}  {path}",
            flush=True,
        )
    print(f"  load average (1 min) before {load_before:.1f}, after {os.getloadavg()[0]:.1f}")
    print("  targets (ratios in this run):", *ratio_lines(pages), sep="\n")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", choices=["sqlite", "postgres", "both"], default="both")
    parser.add_argument("--duration", type=float, default=10, help="seconds of load a page")
    parser.add_argument("--connections", type=int, default=20)
    parser.add_argument("--profile", action="store_true", help="cProfile the large pages")
    args = parser.parse_args()
    if args.db == "both":  # Django is set up once a process: one process per database
        for db in ("sqlite", "postgres"):
            command = [sys.executable, "-m", "bench.perf", *sys.argv[1:], "--db", db]
            subprocess.run(command, check=True, cwd=harness.ROOT)
        return
    print(f"[{args.db}] preparing the database and seeding ...", flush=True)
    with harness.fresh_site(args.db) as env:
        harness.django_setup(env)
        emails = harness.seed(PEOPLE)
        from django.db import connection

        if args.db == "postgres":
            with connection.cursor() as cursor:
                cursor.execute("ANALYZE")
        print(
            f"\n== {args.db}: gunicorn {WORKERS} sync workers, wrk -t2, {args.connections} "
            f"connections, {args.duration:.0f} s per page, {os.cpu_count()} cores =="
        )
        print_queries(args.db, emails, args.profile)
        connection.close()
        with harness.gunicorn(env, WORKERS) as base:
            cookies = {name: harness.sign_in(base, email) for name, email in emails.items()}
            print_conditional_get(base + GUIDE)
            print_page_weight(base, GUIDE)
            print_load(base, cookies, args.duration, args.connections)


if __name__ == "__main__":
    main()
