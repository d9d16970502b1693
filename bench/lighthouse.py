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

if not __package__:  # run as a file (python bench/lighthouse.py): import it as the package
    sys.path[0] = str(Path(__file__).resolve().parents[1])
from bench import harness  # noqa: E402

LIGHTHOUSE = harness.ROOT / "bench" / "node_modules" / ".bin" / "lighthouse"
CHROME_FLAGS = (
    "--headless=new --no-sandbox --disable-gpu --disable-background-networking "
    "--disable-component-update --disable-sync --no-first-run --disable-quic"
)
CATEGORIES = ["performance", "accessibility", "best-practices", "seo"]
TARGETS = {"performance": 95, "accessibility": 100, "best-practices": 100, "seo": 95}
# (label, path, signed in); the signed-in pages have no target
PAGES = [
    ("home", "/", False),
    ("guide", "/guide/twin-flame-runner/", False),
    ("sign-in", "/accounts/login/", False),
    ("dashboard", "/", True),
]


def run_lighthouse(url, out, cookie=None, preset=None, attempts=3):
    command = [str(LIGHTHOUSE), url, "--output=json", f"--output-path={out}", "--quiet"]
    command += [f"--only-categories={','.join(CATEGORIES)}", f"--chrome-flags={CHROME_FLAGS}"]
    command += ["--max-wait-for-load=30000"] + [f"--preset={preset}"] * bool(preset)
    command += ["--extra-headers=" + json.dumps({"Cookie": cookie})] * bool(cookie)
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
        scored = audit.get("scoreDisplayMode") in ("binary", "numeric", "metricSavings")
        if not scored or audit.get("score") is None or audit["score"] >= 1:
            continue
        items = (audit.get("details") or {}).get("items")
        nodes = []  # some audits keep a dict of their own in items
        for item in (
            [i for i in items if isinstance(i, dict)][:5] if isinstance(items, list) else []
        ):
            node = item.get("node") or {}
            what = node.get("selector") or item.get("url") or item.get("source", {}).get("url")
            nodes.append(f"{what or ''} {node.get('snippet', '')[:160]}".strip())
        failures.append({"id": audit_id, "score": audit["score"], "weight": weights[audit_id],
                         "title": audit.get("title", ""), "value": audit.get("displayValue", ""),
                         "nodes": [n for n in nodes if n]})  # fmt: skip
    return failures


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", choices=["sqlite", "postgres"], default="sqlite")
    parser.add_argument("--preset", choices=["desktop", "perf"], default=None,
                        help="Lighthouse preset (default: its mobile emulation)")  # fmt: skip
    parser.add_argument("--port", type=int, default=0, help="default: a free one")
    args = parser.parse_args()
    chrome = os.environ.get("CHROME_PATH", "/usr/bin/chromium")
    if not LIGHTHOUSE.exists() or not shutil.which(chrome):
        sys.exit("Needs Lighthouse (`npm ci` in bench/) and Chromium (CHROME_PATH).")
    harness.RESULTS.mkdir(exist_ok=True)
    rows = []
    with harness.workdir() as tmp:
        env = harness.site_env(args.db, tmp)
        harness.prepare_database(env)
        harness.django_setup(env)
        email = harness.seed({"days10": (0, 10)})["days10"]
        with harness.gunicorn(env, 2, args.port) as base:
            cookie = harness.sign_in(base, email)
            for label, path, signed_in in PAGES:
                out = harness.RESULTS / f"lighthouse-{label}.json"
                print(f"lighthouse {label} {path} ...", flush=True)
                report = run_lighthouse(base + path, out, signed_in and cookie, args.preset)
                scores = {
                    c: round((report["categories"][c]["score"] or 0) * 100) for c in CATEGORIES
                }
                rows.append((label, path, signed_in, scores, failed_audits(report)))

    print(f"\nLighthouse {args.preset or 'mobile (default)'}, {args.db}, Chromium {chrome}")
    print(f"  {'page':<10} {'perf':>5} {'a11y':>5} {'best':>5} {'seo':>5}  path")
    failing = 0
    for label, path, signed_in, scores, _ in rows:
        misses = [c for c in CATEGORIES if scores[c] < TARGETS[c]]
        failing += 0 if signed_in else len(misses)
        verdict = "PASS" if not misses else "below target: " + ", ".join(misses)
        cells = " ".join(f"{scores[c]:>5}" for c in CATEGORIES)
        print(
            f"  {label:<10} {cells}  {path}  {'(signed in, no target)' if signed_in else verdict}"
        )
    print("  targets: performance >= 95, accessibility 100, best practices 100, SEO >= 95")
    for weighted in (True, False):
        print("  failed audits that count towards a score (weight > 0), with the elements named:"
              if weighted else "  failed diagnostics and insights (weight 0, no effect on the scores):")  # fmt: skip
        for label, _, _, _, failures in rows:
            for f in [f for f in failures if bool(f["weight"]) == weighted]:
                details = f"(score {f['score']}, weight {f['weight']}) {f['title']} " * weighted
                print(f"  [{label}] {f['id']} {details}{f['value']}")
                print("".join(f"      {node}\n" for node in f["nodes"]), end="")
    return 1 if failing else 0


if __name__ == "__main__":
    sys.exit(main())
