"""Lighthouse over the real site: home, guide, sign-in and the signed-in dashboard.

    (cd bench && npm ci)                # once: Lighthouse under bench/node_modules
    uv run python bench/lighthouse.py   # SQLite; --db postgres, --preset desktop

Starts gunicorn (production settings over plain HTTP on loopback, harness.py) on a
fresh database, seeds one onboarded person with 10 days of history, signs them in
over HTTP for a session cookie (passed to Lighthouse with --extra-headers for the
dashboard), runs the npm `lighthouse` CLI with Debian's Chromium on each page, and
prints the performance, accessibility, best-practices and SEO scores per page and
every failed audit with the elements it names. The JSON reports are kept in
bench/results/lighthouse-*.json (gitignored). gunicorn stops in a finally block.

Targets (issue 7): performance >= 95, accessibility 100, best practices 100, SEO >= 95
on the public pages (home, guide, sign-in).
"""

import argparse
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import harness  # noqa: E402
import perf  # noqa: E402

LIGHTHOUSE = HERE / "node_modules" / ".bin" / "lighthouse"
CHROME_FLAGS = (
    "--headless=new --no-sandbox --disable-gpu --disable-background-networking "
    "--disable-component-update --disable-sync --no-first-run --disable-quic"
)
CATEGORIES = ["performance", "accessibility", "best-practices", "seo"]
TARGETS = {"performance": 95, "accessibility": 100, "best-practices": 100, "seo": 95}
# (label, path, signed in, public)
PAGES = [
    ("home", "/", False, True),
    ("guide", "/guide/twin-flame-runner/", False, True),
    ("sign-in", "/accounts/login/", False, True),
    ("dashboard", "/", True, False),
]
PORT = 8193


def run_lighthouse(url, out, cookie=None, preset=None, attempts=3):
    command = [
        str(LIGHTHOUSE),
        url,
        "--output=json",
        f"--output-path={out}",
        f"--only-categories={','.join(CATEGORIES)}",
        f"--chrome-flags={CHROME_FLAGS}",
        "--quiet",
        "--max-wait-for-load=30000",
    ]
    if preset:
        command.append(f"--preset={preset}")
    if cookie:
        command.append("--extra-headers=" + json.dumps({"Cookie": cookie}))
    env = {**os.environ, "CHROME_PATH": os.environ.get("CHROME_PATH", "/usr/bin/chromium")}
    for attempt in range(1, attempts + 1):
        Path(out).unlink(missing_ok=True)
        result = subprocess.run(command, env=env, capture_output=True, text=True, timeout=240)
        if result.returncode == 0 and Path(out).exists():
            return json.loads(Path(out).read_text())
        # Trace recording in headless Chromium sometimes fails (NO_NAVSTART): try again.
        print(f"  attempt {attempt} failed: {result.stderr.strip()[-300:]}", flush=True)
    raise RuntimeError(f"lighthouse failed on {url} {attempts} times:\n{result.stderr[-3000:]}")


def failed_audits(report):
    """Audits in the four categories that did not score 1, with the elements named."""
    weights = {}
    for category in report["categories"].values():
        for ref in category["auditRefs"]:
            weights[ref["id"]] = max(weights.get(ref["id"], 0), ref.get("weight", 0))
    failures = []
    for audit_id in sorted(weights, key=lambda a: (-weights[a], a)):
        audit = report["audits"].get(audit_id, {})
        score = audit.get("score")
        if audit.get("scoreDisplayMode") not in ("binary", "numeric", "metricSavings"):
            continue
        if score is None or score >= 1:
            continue
        items = (audit.get("details") or {}).get("items") or []
        if not isinstance(items, list):
            items = []  # some audits keep a dict of their own here
        items = [item for item in items if isinstance(item, dict)]
        nodes = []
        for item in items[:5]:
            node = item.get("node") or {}
            what = node.get("selector") or item.get("url") or item.get("source", {}).get("url")
            snippet = node.get("snippet", "")
            nodes.append(f"{what or ''} {snippet[:160]}".strip())
        failures.append(
            {
                "id": audit_id,
                "score": score,
                "weight": weights[audit_id],
                "title": audit.get("title", ""),
                "value": audit.get("displayValue", ""),
                "nodes": [n for n in nodes if n],
            }
        )
    return failures


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", choices=["sqlite", "postgres"], default="sqlite")
    parser.add_argument("--preset", choices=["desktop", "perf"], default=None,
                        help="Lighthouse preset (default: its mobile emulation)")  # fmt: skip
    args = parser.parse_args()

    if not LIGHTHOUSE.exists():
        print("Lighthouse is not installed: run `npm ci` in bench/ first.", file=sys.stderr)
        return 2
    chrome = os.environ.get("CHROME_PATH", "/usr/bin/chromium")
    if not shutil.which(chrome):
        print(f"No Chromium at {chrome}: set CHROME_PATH.", file=sys.stderr)
        return 2
    perf.RESULTS.mkdir(exist_ok=True)
    rows = []
    with harness.workdir() as tmp:
        env = harness.site_env(args.db, tmp)
        harness.prepare_database(args.db, env)
        harness.django_setup(env)
        perf.PEOPLE.clear()
        perf.PEOPLE["days10"] = (0, 10)
        emails = perf.seed()
        with harness.gunicorn(env, PORT, 2) as base:
            cookie = perf.sign_in(base, emails["days10"])
            for label, path, signed_in, public in PAGES:
                out = perf.RESULTS / f"lighthouse-{label}.json"
                print(f"lighthouse {label} {path} ...", flush=True)
                report = run_lighthouse(base + path, out, cookie if signed_in else None,
                                        args.preset)  # fmt: skip
                scores = {
                    name: round((report["categories"][name]["score"] or 0) * 100)
                    for name in CATEGORIES
                }
                rows.append((label, path, public, scores, failed_audits(report)))

    print()
    print(f"Lighthouse {args.preset or 'mobile (default)'}, {args.db}, Chromium {chrome}")
    print(f"  {'page':<10} {'perf':>5} {'a11y':>5} {'best':>5} {'seo':>5}  path")
    failing = 0
    for label, path, public, scores, _ in rows:
        cells = " ".join(f"{scores[c]:>5}" for c in CATEGORIES)
        misses = [c for c in CATEGORIES if scores[c] < TARGETS[c]]
        if public:
            failing += len(misses)
        verdict = "PASS" if not misses else "below target: " + ", ".join(misses)
        print(f"  {label:<10} {cells}  {path}  {verdict if public else '(signed in, no target)'}")
    print("  targets: performance >= 95, accessibility 100, best practices 100, SEO >= 95")
    print("  failed audits that count towards a score (weight > 0), with the elements named:")
    for label, _, _, _, failures in rows:
        for failure in failures:
            if not failure["weight"]:
                continue
            print(
                f"  [{label}] {failure['id']} (score {failure['score']}, weight "
                f"{failure['weight']}) {failure['title']} {failure['value']}"
            )
            for node in failure["nodes"]:
                print(f"      {node}")
    print("  failed diagnostics and insights (weight 0, no effect on the scores):")
    for label, _, _, _, failures in rows:
        for failure in failures:
            if failure["weight"]:
                continue
            print(f"  [{label}] {failure['id']} {failure['value']}")
            for node in failure["nodes"]:
                print(f"      {node}")
    return 1 if failing else 0


if __name__ == "__main__":
    sys.exit(main())
