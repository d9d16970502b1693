"""Lighthouse (npm, Debian's Chromium) over the home, guide, sign-in and signed-in pages:
scores against TARGETS (public pages), failed audits with the elements they name."""

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
CHROME = os.environ.get("CHROME_PATH", "/usr/bin/chromium")
CHROME_FLAGS = (
    "--headless=new --no-sandbox --disable-gpu --disable-background-networking "
    "--disable-component-update --disable-sync --no-first-run --disable-quic"
)
TARGETS = {"performance": 95, "accessibility": 100, "best-practices": 100, "seo": 95}
# (label, path, signed in: no targets)
PAGES = [
    ("home", "/", False),
    ("guide", "/guide/twin-flame-runner/", False),
    ("sign-in", "/accounts/login/", False),
    ("dashboard", "/", True),
]


def run_lighthouse(url, out, cookie=None, preset=None, attempts=3):
    command = [str(LIGHTHOUSE), url, "--output=json", f"--output-path={out}", "--quiet"]
    command += [f"--only-categories={','.join(TARGETS)}", f"--chrome-flags={CHROME_FLAGS}"]
    command += ["--max-wait-for-load=30000"] + [f"--preset={preset}"] * bool(preset)
    command += ["--extra-headers=" + json.dumps({"Cookie": cookie})] * bool(cookie)
    for attempt in range(1, attempts + 1):
        out.unlink(missing_ok=True)
        env = {**os.environ, "CHROME_PATH": CHROME}
        result = subprocess.run(command, env=env, capture_output=True, text=True, timeout=240)
        if result.returncode == 0 and out.exists():
            return json.loads(out.read_text())
        # Trace recording in headless Chromium sometimes fails (NO_NAVSTART): try again.
        print(f"  attempt {attempt} failed: {result.stderr.strip()[-300:]}", flush=True)
    raise RuntimeError(f"lighthouse failed on {url} {attempts} times:\n{result.stderr[-3000:]}")


def failed_audits(report):
    """Audits in the categories that did not score 1, heaviest first, elements named."""
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
        items = (audit.get("details") or {}).get("items")  # a dict in some audits
        nodes = []
        for item in [i for i in items if isinstance(i, dict)] if isinstance(items, list) else []:
            node = item.get("node") or {}
            what = node.get("selector") or item.get("url") or item.get("source", {}).get("url")
            nodes.append(f"{what or ''} {node.get('snippet', '')[:160]}".strip())
        failure = {"id": audit_id, "score": audit["score"], "weight": weights[audit_id]}
        failure |= {"title": audit.get("title", ""), "value": audit.get("displayValue", "")}
        failures.append(failure | {"nodes": [node for node in nodes[:5] if node]})
    return failures


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", choices=["sqlite", "postgres"], default="sqlite")
    parser.add_argument("--preset", choices=["desktop", "perf"], help="default: mobile")
    args = parser.parse_args()
    if not LIGHTHOUSE.exists() or not shutil.which(CHROME):
        sys.exit("Needs Lighthouse (`npm ci` in bench/) and Chromium (CHROME_PATH).")
    harness.RESULTS.mkdir(exist_ok=True)
    print(f"Lighthouse {args.preset or 'mobile'}, {args.db}; targets {TARGETS}")
    failing = 0
    with harness.fresh_site(args.db) as env:
        harness.django_setup(env)
        email = harness.seed({"days10": (0, 10)})["days10"]
        with harness.gunicorn(env, 2) as base:
            cookie = harness.sign_in(base, email)
            for label, path, signed_in in PAGES:
                out = harness.RESULTS / f"lighthouse-{label}.json"
                report = run_lighthouse(base + path, out, signed_in and cookie, args.preset)
                scores = {c: round((report["categories"][c]["score"] or 0) * 100) for c in TARGETS}
                misses = [c for c in TARGETS if scores[c] < TARGETS[c] and not signed_in]
                failing += len(misses)
                verdict = "signed in, no target" if signed_in else misses or "PASS"
                print(f"{label} {path} {scores} {verdict}\n  failed audits, heaviest first:")
                for f in failed_audits(report):
                    weight = f"(score {f['score']}, weight {f['weight']})"
                    print(f"  {f['id']} {weight} {f['title']} {f['value']}")
                    print("".join(f"      {node}\n" for node in f["nodes"]), end="")
    return 1 if failing else 0


if __name__ == "__main__":
    sys.exit(main())
