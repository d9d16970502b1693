"""Throughput and latency of the real site, as ratios measured in one run.

    uv run python bench/perf.py                      # SQLite, then PostgreSQL
    uv run python bench/perf.py --db postgres --duration 10 --connections 20
    uv run python bench/perf.py --db sqlite --profile   # plus cProfile of the slow pages

For each database: a fresh database (migrated, the guide loaded, static files
collected), four people seeded in-process through the ORM with bulk_create (10 and
10,000 journal entries; 10 and 1,000 days of history), gunicorn with 2 workers and
production settings over plain HTTP on loopback, the people signed in over HTTP for
their session cookies, then wrk (a second process; installed with apt-get if missing,
or a bounded Python load generator in a subprocess) drives each page for --duration
seconds. Prints requests/s and p50/p95 latency per page, the issue's ratio targets
with PASS/FAIL, the queries each page makes at small and large data, whether the
guide answers conditional requests with 304, and the guide's compressed page weight.

Every load run has a duration and gunicorn is stopped in a finally block. Absolute
numbers on a shared 2-core machine are noise; the ratios are the result.
"""

import argparse
import collections
import contextlib
import cProfile
import datetime
import gzip
import http.client
import http.cookiejar
import io
import json
import os
import pstats
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import harness  # noqa: E402

RESULTS = HERE / "results"  # gitignored
PASSWORD = "bench-passphrase-2026-calm"
SEARCH_WORD = "river"  # in every 10th entry: 1 match of 10, 1,000 matches of 10,000
WORKERS = 2
PORTS = {"sqlite": 8191, "postgres": 8192}
TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
VOCABULARY = str.split(
    "today I felt the distance again and chose to breathe slowly walked outside "
    "wrote a letter I will not send noticed my chest tighten then soften called a "
    "friend made tea slept badly woke early the light was kind I let the feeling "
    "pass without acting on it remembered that my worth does not depend on an answer"
)

PEOPLE = {
    # name: (journal entries, days of history)
    "entries10": (10, 0),
    "entries10k": (10_000, 0),
    "days10": (0, 10),
    "days1000": (0, 1_000),
}

# (label, path, person or None, what the page must contain)
PAGES = [
    ("baseline /ping", "/ping", None, "ok"),
    ("guide article (anon)", "/guide/twin-flame-runner/", None, "<article"),
    ("journal list, 10", "/journal/", "entries10", "journal"),
    ("journal list, 10k", "/journal/", "entries10k", "journal"),
    ("journal search, 10", f"/journal/?q={SEARCH_WORD}", "entries10", SEARCH_WORD),
    ("journal search, 10k", f"/journal/?q={SEARCH_WORD}", "entries10k", SEARCH_WORD),
    ("dashboard, 10 days", "/", "days10", "<main"),
    ("dashboard, 1000 days", "/", "days1000", "<main"),
    ("static asset", None, None, ""),  # path found in the rendered page
]

WRK_SCRIPT = """
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    "WRKJSON {\\"requests\\": %d, \\"duration_us\\": %d, \\"socket_errors\\": %d, "
    .. "\\"status_errors\\": %d, \\"p50_us\\": %d, \\"p95_us\\": %d, \\"p99_us\\": %d}\\n",
    summary.requests, summary.duration, e.connect + e.read + e.write + e.timeout,
    e.status, latency:percentile(50), latency:percentile(95), latency:percentile(99)))
end
"""


# --- Seeding (in-process, through the ORM) ----------------------------------


def entry_body(n):
    words = [VOCABULARY[(n * 7 + i * 3) % len(VOCABULARY)] for i in range(60)]
    if n % 10 == 0:
        words.insert(20, SEARCH_WORD)
    return " ".join(words).capitalize() + "."


def seed():
    """Four people, seeded with bulk_create; returns {name: email}."""
    from django.contrib.auth import get_user_model
    from django.utils import timezone

    from guide.models import Practice, Stage
    from journal.models import CheckIn, Entry, Journey, PracticeTick, Tag, Transition

    User = get_user_model()
    stages = list(Stage.objects.published())
    first = stages[0]
    today = timezone.localdate()
    now = timezone.now()
    emails = {}
    for name, (n_entries, n_days) in PEOPLE.items():
        email = f"{name}@example.com"
        user = User.objects.create_user(username=name, email=email, password=PASSWORD)
        emails[name] = email
        # Onboarded: without a journey "/" sends people to /journey/start/.
        journey = Journey.objects.create(owner=user, role="runner", stage=first)
        tags = Tag.objects.bulk_create(
            Tag(owner=user, name=f"tag {i}") for i in ("calm", "hard", "letters")
        )
        # Journal entries: one a day for entry-heavy people, some days with two.
        n_all = n_entries or n_days
        entries = Entry.objects.bulk_create(
            (
                Entry(
                    owner=user,
                    title=f"Day {i}" if i % 3 else "",
                    body=entry_body(i),
                    mood=1 + i % 5,
                    stage=first,
                    entry_date=today - datetime.timedelta(days=i if n_days else i // 2),
                    created_at=now - datetime.timedelta(hours=i * 12),
                )
                for i in range(n_all)
            ),
            batch_size=1000,
        )
        Through = Entry.tags.through
        Through.objects.bulk_create(
            (
                Through(entry_id=entry.pk, tag_id=tags[i % 3].pk)
                for i, entry in enumerate(entries)
                if i % 2 == 0
            ),
            batch_size=2000,
        )
        if not n_days:
            continue
        # History: a daily check-in, a practice ticked (and later unticked) most
        # days, and a move between stages every 50 days, oldest first.
        CheckIn.objects.bulk_create(
            (
                CheckIn(owner=user, day=today - datetime.timedelta(days=i), mood=1 + (i * 3) % 5)
                for i in range(n_days)
            ),
            batch_size=1000,
        )
        practices = list(Practice.objects.filter(stage=first)) or list(Practice.objects.all())
        ticks = []
        for i in range(n_days):
            day = today - datetime.timedelta(days=i)
            practice = practices[i % len(practices)]
            active = i < len(practices)  # the newest tick of each practice stays done
            ticks.append(
                PracticeTick(
                    owner=user,
                    practice=practice,
                    done_on=day,
                    undone_on=None if active else day + datetime.timedelta(days=1),
                )
            )
        PracticeTick.objects.bulk_create(ticks, batch_size=1000)
        moves = [Transition(owner=user, from_stage=None, to_stage=first)]
        current = first
        for k, i in enumerate(range(n_days - 1, 0, -50)):
            target = stages[(k + 1) % len(stages)]
            moves.append(
                Transition(
                    owner=user,
                    from_stage=current,
                    to_stage=target,
                    note="Moved after a long week." if k % 2 else "",
                    created_at=now - datetime.timedelta(days=i),
                )
            )
            current = target
        moves[0].created_at = now - datetime.timedelta(days=n_days)
        Transition.objects.bulk_create(moves)
        journey.stage = current
        journey.save(update_fields=["stage"])
    return emails


# --- HTTP helpers -------------------------------------------------------------


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def sign_in(base, email):
    """Sign in through allauth's form; returns the Cookie header value."""
    jar = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar), NoRedirect())
    html = opener.open(base + "/accounts/login/", timeout=30).read().decode()
    token = TOKEN.search(html).group(1)
    data = urllib.parse.urlencode(
        {"csrfmiddlewaretoken": token, "login": email, "password": PASSWORD}
    ).encode()
    request = urllib.request.Request(base + "/accounts/login/", data=data)
    request.add_header("Referer", base + "/accounts/login/")
    try:
        response = opener.open(request, timeout=30)
    except urllib.error.HTTPError as error:
        response = error
    if response.status != 302:
        raise RuntimeError(f"signing in {email} gave HTTP {response.status}")
    return "; ".join(f"{c.name}={c.value}" for c in jar)


def fetch(url, headers=None):
    """(status, headers, body bytes) without following redirects or decoding."""
    opener = urllib.request.build_opener(NoRedirect())
    request = urllib.request.Request(url, headers=headers or {})
    try:
        response = opener.open(request, timeout=30)
    except urllib.error.HTTPError as error:
        response = error
    return response.status, response.headers, response.read()


def static_asset_path(html):
    match = re.search(r'href="(/static/css/site\.[0-9a-f]+\.css)"', html) or re.search(
        r'href="(/static/[^"]+\.css)"', html
    )
    return match.group(1) if match else None


# --- Load ---------------------------------------------------------------------


def have_wrk():
    if shutil.which("wrk"):
        return True
    if os.geteuid() == 0 and shutil.which("apt-get"):
        print("wrk is missing: installing the Debian package with apt-get ...", flush=True)
        result = subprocess.run(
            ["apt-get", "install", "-y", "-q", "wrk"],
            env={**os.environ, "DEBIAN_FRONTEND": "noninteractive"},
            capture_output=True,
            timeout=300,
        )
        if result.returncode == 0 and shutil.which("wrk"):
            return True
    print("wrk is not available: using the bounded Python load generator.", flush=True)
    return False


def run_wrk(url, cookie, duration, connections):
    with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as script:
        script.write(WRK_SCRIPT)
    try:
        command = ["wrk", "-t", "2", "-c", str(connections), "-d", f"{max(1, round(duration))}s"]
        command += ["--timeout", "30s", "-s", script.name]
        if cookie:
            command += ["-H", f"Cookie: {cookie}"]
        output = subprocess.run(
            command + [url], capture_output=True, text=True, timeout=duration + 60
        ).stdout
    finally:
        os.unlink(script.name)
    line = next((x for x in output.splitlines() if x.startswith("WRKJSON ")), None)
    if line is None:
        raise RuntimeError(f"wrk gave no result for {url}:\n{output}")
    raw = json.loads(line[len("WRKJSON ") :])
    seconds = raw["duration_us"] / 1e6
    return {
        "rps": raw["requests"] / seconds if seconds else 0.0,
        "p50_ms": raw["p50_us"] / 1000,
        "p95_ms": raw["p95_us"] / 1000,
        "requests": raw["requests"],
        "errors": raw["socket_errors"] + raw["status_errors"],
    }


def python_load(url, cookie, duration, connections):
    """Bounded fallback: `connections` threads for `duration` seconds, in this process.

    Called in a separate process (`--_load`), so the load never shares the server's CPU
    accounting with the script that seeds and reports.
    """
    parts = urllib.parse.urlsplit(url)
    path = parts.path + (f"?{parts.query}" if parts.query else "")
    headers = {"Cookie": cookie} if cookie else {}
    deadline = time.monotonic() + duration
    latencies, errors = [], [0]
    lock = threading.Lock()

    def worker():
        mine, bad = [], 0
        while time.monotonic() < deadline:
            started = time.perf_counter()
            try:
                conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=30)
                conn.request("GET", path, headers=headers)
                response = conn.getresponse()
                response.read()
                conn.close()
                if response.status >= 400:
                    bad += 1
            except OSError:
                bad += 1
            mine.append(time.perf_counter() - started)
        with lock:
            latencies.extend(mine)
            errors[0] += bad

    started = time.monotonic()
    threads = [threading.Thread(target=worker, daemon=True) for _ in range(connections)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=duration + 60)
    elapsed = time.monotonic() - started
    latencies.sort()

    def pct(p):
        return latencies[min(len(latencies) - 1, int(len(latencies) * p))] * 1000

    return {
        "rps": len(latencies) / elapsed,
        "p50_ms": pct(0.50) if latencies else 0.0,
        "p95_ms": pct(0.95) if latencies else 0.0,
        "requests": len(latencies),
        "errors": errors[0],
    }


def drive(url, cookie, duration, connections, use_wrk):
    if use_wrk:
        return run_wrk(url, cookie, duration, connections)
    command = [sys.executable, __file__, "--_load", url, "--duration", str(duration)]
    command += ["--connections", str(connections), "--_cookie", cookie or ""]
    output = subprocess.run(
        command, capture_output=True, text=True, timeout=duration + 120, check=True
    ).stdout
    return json.loads(output.strip().splitlines()[-1])


# --- Checks that are not load ------------------------------------------------


def conditional_check(url):
    status, headers, _ = fetch(url)
    etag, modified = headers.get("ETag"), headers.get("Last-Modified")
    result = {"etag": etag, "last_modified": modified}
    result["cache_control"] = headers.get("Cache-Control")
    conditional = {}
    if etag:
        conditional["If-None-Match"] = etag
    if modified:
        conditional["If-Modified-Since"] = modified
    result["status_conditional"] = fetch(url, conditional)[0] if conditional else None
    result["answers_304"] = result["status_conditional"] == 304
    return result


def page_weight(base, path):
    """Bytes on the wire for the guide page: HTML gzipped by us (the site does not
    compress HTML), CSS/JS as whitenoise serves them to a browser asking for br/gzip."""
    _, headers, body = fetch(base + path, {"Accept-Encoding": "br, gzip"})
    served = headers.get("Content-Encoding") or "identity"
    if served != "identity":
        body = fetch(base + path)[2]
    html = body.decode()
    note = f"served as {served}, {len(body) if served == 'identity' else '?'} bytes"
    rows = [("html (gzip -6)", path, len(body), len(gzip.compress(body, 6)), note)]
    assets = re.findall(r'<link[^>]+rel="stylesheet"[^>]+href="([^"]+)"', html)
    assets += re.findall(r'<link[^>]+href="([^"]+)"[^>]+rel="stylesheet"', html)
    scripts = re.findall(r'<script[^>]+src="([^"]+)"', html)
    images = re.findall(r'<img[^>]+src="(/[^"]+)"', html)
    images += re.findall(r'<link[^>]+rel="(?:icon|preload)"[^>]+href="(/[^"]+)"', html)
    for kind, urls in (("css", assets), ("js", scripts), ("other", images)):
        for asset in dict.fromkeys(urls):
            _, plain_headers, plain = fetch(base + asset)
            _, headers, wire = fetch(base + asset, {"Accept-Encoding": "br, gzip"})
            note = " ".join(
                x
                for x in (
                    headers.get("Content-Encoding") or "identity",
                    headers.get("Cache-Control") or "no Cache-Control",
                )
            )
            rows.append((kind, asset, len(plain), len(wire), note))
    return rows


@contextlib.contextmanager
def template_timer():
    """Inclusive time and calls per template (base.html includes its blocks' time)."""
    from django.template.base import Template

    times, calls = collections.defaultdict(float), collections.Counter()
    original = Template._render

    def timed(self, context):
        started = time.perf_counter()
        try:
            return original(self, context)
        finally:
            name = getattr(self.origin, "template_name", None) or self.name or "?"
            times[name] += time.perf_counter() - started
            calls[name] += 1

    Template._render = timed
    try:
        yield times, calls
    finally:
        Template._render = original


def query_counts(db, emails, profile=False):
    """Queries per page (in-process, Django's test client), small and large data.

    With profile: for the large pages, cProfile (bench/results/*.prof), time per
    template and every query with its time (bench/results/*.txt).
    """
    from django.contrib.auth import get_user_model
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    User = get_user_model()
    out, profiles = [], []
    for label, path, person, _ in PAGES:
        if path is None or path == "/ping":
            continue
        client = Client(HTTP_HOST="127.0.0.1")
        if person:
            client.force_login(User.objects.get(email=emails[person]))
        client.get(path)  # warm: session, templates, caches
        with CaptureQueriesContext(connection) as queries:
            response = client.get(path)
        # Read now: the next request's request_started signal clears the log.
        captured = list(queries.captured_queries)
        started = time.perf_counter()
        for _ in range(5):
            client.get(path)
        ms = (time.perf_counter() - started) / 5 * 1000
        slowest = sorted(captured, key=lambda q: -float(q["time"]))[:3]
        out.append((label, response.status_code, len(captured), ms, slowest))
        if profile and person in ("entries10k", "days1000", None):
            profiles.append(profile_page(db, label, client, path, captured))
    return out, profiles


def profile_page(db, label, client, path, captured, repeat=10):
    RESULTS.mkdir(exist_ok=True)
    slug = re.sub(r"[^a-z0-9]+", "-", label.lower()).strip("-")
    with template_timer() as (times, calls):
        started = time.perf_counter()
        for _ in range(repeat):
            client.get(path)
        total = (time.perf_counter() - started) / repeat * 1000
    profiler = cProfile.Profile()
    profiler.enable()
    for _ in range(repeat):
        client.get(path)
    profiler.disable()
    profiler.dump_stats(RESULTS / f"{db}-{slug}.prof")
    stream = io.StringIO()
    stats = pstats.Stats(profiler, stream=stream).sort_stats("cumulative")
    stats.print_stats(r"/(guide|journal|config)/", 25)
    lines = [f"{total:.1f} ms a request (no profiler). Templates, inclusive ms a request:"]
    for name, seconds in sorted(times.items(), key=lambda kv: -kv[1])[:8]:
        lines.append(f"  {seconds / repeat * 1000:7.1f} ms  x{calls[name] // repeat:<3} {name}")
    sql_ms = sum(float(q["time"]) for q in captured) * 1000
    lines.append(f"SQL: {len(captured)} queries, {sql_ms:.1f} ms (see the .txt for each one)")
    lines.append("cProfile, project code only, cumulative s over the requests:")
    body = stream.getvalue().splitlines()
    start = next((i for i, x in enumerate(body) if x.strip().startswith("ncalls")), 0)
    lines += [x for x in body[start:] if x.strip()]
    plans = explain_slowest(captured)
    for sql, plan in plans[:2]:
        lines.append(f"EXPLAIN of a slow query: {sql[:160]}...")
        lines += ["  " + x for x in plan.splitlines()[:12]]
    (RESULTS / f"{db}-{slug}.txt").write_text(
        "\n".join(lines)
        + "\n\nQueries of one request:\n"
        + "\n".join(f"{q['time']}s  {q['sql']}" for q in captured)
        + "\n\nPlans of the slowest:\n"
        + "\n\n".join(f"{sql}\n{plan}" for sql, plan in plans)
        + "\n"
    )
    return label, "\n".join(lines)


def explain_slowest(captured, count=3):
    """Query plans of the slowest SELECTs of a request (EXPLAIN ANALYZE on PostgreSQL)."""
    from django.db import connection

    selects = []
    for query in sorted(captured, key=lambda q: -float(q["time"])):
        sql = re.sub(r"^DECLARE \S+ NO SCROLL CURSOR WITH HOLD FOR ", "", query["sql"])
        if sql.startswith("SELECT") and float(query["time"]) >= 0.001:
            selects.append(sql)
    plans = []
    for sql in selects[:count]:
        prefix = (
            "EXPLAIN (ANALYZE, BUFFERS) "
            if connection.vendor == "postgresql"
            else ("EXPLAIN QUERY PLAN ")
        )
        try:
            with connection.cursor() as cursor:
                cursor.execute(prefix + sql)
                rows = cursor.fetchall()
        except Exception as error:  # the logged SQL is not always re-runnable as text
            plans.append((sql, f"(no plan: {error})"))
            continue
        plans.append((sql, "\n".join(" | ".join(str(c) for c in r) for r in rows)))
    return plans


# --- One database -------------------------------------------------------------


def run_one(db, duration, connections, profile, use_wrk, rounds=1):
    results = {"db": db, "pages": {}}
    with harness.workdir() as tmp:
        env = harness.site_env(db, tmp)
        print(f"[{db}] preparing the database ...", flush=True)
        harness.prepare_database(db, env)
        harness.django_setup(env)
        started = time.monotonic()
        emails = seed()
        print(f"[{db}] seeded in {time.monotonic() - started:.1f} s", flush=True)
        from django.db import connection

        if db == "postgres":
            with connection.cursor() as cursor:
                cursor.execute("ANALYZE")
        counts, profiles = query_counts(db, emails, profile)
        results["queries"] = [
            {
                "page": label,
                "status": status,
                "queries": n,
                "in_process_ms": ms,
                "slowest": [f"{q['time']}s {q['sql'][:300]}" for q in slowest],
            }
            for label, status, n, ms, slowest in counts
        ]
        results["profiles"] = profiles
        connection.close()
        with harness.gunicorn(env, PORTS[db], WORKERS) as base:
            cookies = {name: sign_in(base, email) for name, email in emails.items()}
            guide_html = fetch(base + "/guide/twin-flame-runner/")[2].decode()
            asset = static_asset_path(guide_html)
            results["conditional"] = conditional_check(base + "/guide/twin-flame-runner/")
            results["weight"] = page_weight(base, "/guide/twin-flame-runner/")
            targets = []
            for label, path, person, marker in PAGES:
                path = path or asset
                cookie = cookies.get(person)
                status, _, body = fetch(base + path, {"Cookie": cookie} if cookie else {})
                if status != 200 or marker.encode() not in body:
                    raise RuntimeError(f"{label}: {path} gave HTTP {status} (no {marker!r})")
                fetch(base + path, {"Cookie": cookie} if cookie else {})  # warm both workers
                targets.append((label, path, cookie))
            results["loadavg_before"] = os.getloadavg()
            # Several rounds over all pages, each page's median kept: a burst of other
            # work on the machine then spoils one sample, not a whole comparison.
            samples = collections.defaultdict(list)
            for round_ in range(1, rounds + 1):
                for label, path, cookie in targets:
                    print(f"[{db}] round {round_}/{rounds} {label:<24}", flush=True)
                    row = drive(base + path, cookie, duration, connections, use_wrk)
                    samples[label].append(row)
            results["loadavg_after"] = os.getloadavg()
            for label, path, _ in targets:
                rows = samples[label]
                row = {key: statistics.median(r[key] for r in rows) for key in rows[0]}
                row["errors"] = sum(r["errors"] for r in rows)
                row["rounds"] = [round(r["rps"], 1) for r in rows]
                row["path"] = path
                results["pages"][label] = row
    return results


# --- Report -------------------------------------------------------------------


def ratio_lines(pages):
    """The issue's targets as PASS/FAIL lines; a page not measured is a FAIL."""

    def ratio(top, bottom):
        return top / bottom if top and bottom else None

    def get(label, key):
        return pages.get(label, {}).get(key) or 0.0

    checks = [
        (
            "guide req/s >= 50% of baseline",
            ratio(get("guide article (anon)", "rps"), get("baseline /ping", "rps")),
            lambda v: v >= 0.5,
            "{:.0%} of baseline",
        )
    ]
    for what, small, large in (
        ("journal list p50 10k <= 2x p50 at 10", "journal list, 10", "journal list, 10k"),
        ("journal search p50 10k <= 2x p50 at 10", "journal search, 10", "journal search, 10k"),
        ("dashboard p50 1000 days <= 2x at 10", "dashboard, 10 days", "dashboard, 1000 days"),
    ):
        checks.append(
            (what, ratio(get(large, "p50_ms"), get(small, "p50_ms")), lambda v: v <= 2, "{:.2f}x")
        )
    lines = []
    for name, value, meets, shown in checks:
        ok = value is not None and meets(value)
        text = "not measured" if value is None else shown.format(value)
        lines.append(f"  {'PASS' if ok else 'FAIL'}  {name:<40} {text}")
    return lines


def report(results, duration, connections, load_tool):
    db = results["db"]
    print()
    print(
        f"== {db}: gunicorn {WORKERS} sync workers, {load_tool}, {connections} connections, "
        f"{duration:.0f} s per page =="
    )
    before, after = results.get("loadavg_before"), results.get("loadavg_after")
    if before and after:
        print(f"  load average (1 min) before {before[0]:.1f}, after {after[0]:.1f} (2 cores)")
    rounds = len(next(iter(results["pages"].values())).get("rounds", [1]))
    if rounds > 1:
        print(f"  medians of {rounds} rounds; req/s of each round at the end of the line")
    print(f"  {'page':<24} {'req/s':>8} {'p50 ms':>8} {'p95 ms':>8} {'errors':>7}  path")
    for label, row in results["pages"].items():
        print(
            f"  {label:<24} {row['rps']:>8.1f} {row['p50_ms']:>8.1f} {row['p95_ms']:>8.1f} "
            f"{row['errors']:>7}  {row['path']}" + (f"  {row['rounds']}" if rounds > 1 else "")
        )
    print("  targets (ratios in this run):")
    for line in ratio_lines(results["pages"]):
        print(line)
    print("  queries per page (in-process, test client, warm; ms = one request, no load):")
    for row in results["queries"]:
        print(f"    {row['page']:<24} {row['queries']:>3} queries {row['in_process_ms']:>7.1f} ms")
    print("  slowest queries on the large pages:")
    for row in results["queries"]:
        if row["page"].endswith(("10k", "1000 days")):
            for sql in row["slowest"][:2]:
                print(f"    {row['page']:<22} {sql}")
    c = results["conditional"]
    print(
        f"  guide conditional GET: ETag={c['etag']!r} Last-Modified={c['last_modified']!r} "
        f"Cache-Control={c['cache_control']!r} -> HTTP {c['status_conditional']} "
        f"({'answers 304' if c['answers_304'] else 'NO 304'})"
    )
    print("  guide page weight (bytes on the wire):")
    total = js = 0
    for kind, url, plain, wire, note in results["weight"]:
        total += wire
        js += wire if kind == "js" else 0
        print(f"    {kind:<14} {plain:>8} -> {wire:>7}  {url}  {note}")
    print(
        f"  {'PASS' if total <= 60 * 1024 else 'FAIL'}  guide page <= 60 KB compressed"
        f"{'':<17} {total / 1024:.1f} KB (HTML gzipped)"
    )
    html = results["weight"][0]
    if "identity" in html[4]:
        as_served = total - html[3] + html[2]
        print(
            f"  {'PASS' if as_served <= 60 * 1024 else 'FAIL'}  guide page as served now "
            f"(HTML not compressed){'':<2} {as_served / 1024:.1f} KB"
        )
    print(
        f"  {'PASS' if js <= 20 * 1024 else 'FAIL'}  JS <= 20 KB compressed{'':<27} "
        f"{js / 1024:.1f} KB"
    )
    for label, text in results.get("profiles", []):
        print(f"\n  -- {label} ({db}), in-process --")
        print("\n".join("    " + x for x in text.splitlines()))


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", choices=["sqlite", "postgres", "both"], default="both")
    parser.add_argument("--duration", type=float, default=10)
    parser.add_argument("--connections", type=int, default=20)
    parser.add_argument(
        "--rounds", type=int, default=1, help="measure every page this often, keep medians"
    )
    parser.add_argument("--profile", action="store_true", help="cProfile the large pages")
    parser.add_argument("--python-load", action="store_true", help="never use wrk")
    parser.add_argument("--json", help="also write the results to this file")
    parser.add_argument("--_load", help=argparse.SUPPRESS)
    parser.add_argument("--_cookie", default="", help=argparse.SUPPRESS)
    parser.add_argument("--_child", help=argparse.SUPPRESS)
    args = parser.parse_args()

    if args._load:
        print(json.dumps(python_load(args._load, args._cookie, args.duration, args.connections)))
        return 0
    use_wrk = not args.python_load and have_wrk()
    load_tool = "wrk -t2" if use_wrk else "python load generator"
    if args._child:
        # One database per process: Django is set up once per process.
        results = run_one(
            args.db, args.duration, args.connections, args.profile, use_wrk, args.rounds
        )
        Path(args._child).write_text(json.dumps(results))
        return 0

    dbs = ["sqlite", "postgres"] if args.db == "both" else [args.db]
    all_results = []
    for db in dbs:
        with tempfile.NamedTemporaryFile(suffix=".json", delete=False) as out:
            path = out.name
        try:
            command = [sys.executable, __file__, "--_child", path, "--db", db]
            command += ["--duration", str(args.duration), "--connections", str(args.connections)]
            command += ["--rounds", str(args.rounds)]
            command += ["--profile"] * args.profile + ["--python-load"] * (not use_wrk)
            budget = 600 + len(PAGES) * (args.duration + 90)
            subprocess.run(command, check=True, timeout=budget)
            all_results.append(json.loads(Path(path).read_text()))
        finally:
            os.unlink(path)
    for results in all_results:
        report(results, args.duration, args.connections, load_tool)
    if args.json:
        Path(args.json).write_text(json.dumps(all_results, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
