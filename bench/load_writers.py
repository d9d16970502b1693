"""Concurrent writers against the real site: do acknowledged writes survive?

    uv run python bench/load_writers.py --db sqlite --writers 20 --seconds 30
    uv run python bench/load_writers.py --db postgres

Starts gunicorn with several workers on a fresh database, signs in one person per
writer, and for --seconds has every writer create entries and edit them. Stops by
itself. Afterwards every entry the site acknowledged (a redirect to it) must be in the
database with the last text the site acknowledged for it. Prints requests, errors and
lost writes; exits non-zero unless errors and lost writes are both 0.
"""

import argparse
import http.cookiejar
import re
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import harness  # noqa: E402

PASSWORD = "load-test-passphrase-2026"
TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
ENTRY = re.compile(r"/journal/([0-9a-f-]{36})/$")


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


class Writer(threading.Thread):
    def __init__(self, base, email, deadline):
        super().__init__(daemon=True)
        self.base, self.email, self.deadline = base, email, deadline
        self.jar = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(self.jar), NoRedirect()
        )
        self.requests = self.errors = 0
        self.acknowledged = {}  # entry id -> last body the site confirmed
        self.error_samples = []

    def call(self, path, data=None):
        self.requests += 1
        body = urllib.parse.urlencode(data).encode() if data is not None else None
        request = urllib.request.Request(self.base + path, data=body)
        if body is not None:
            request.add_header("Referer", self.base + path)
        try:
            response = self.opener.open(request, timeout=30)
        except urllib.error.HTTPError as error:
            response = error
        except OSError as error:
            self.errors += 1
            self.error_samples.append(f"{path}: {error}")
            return None, ""
        status, text = response.status, response.read().decode()
        if status >= 400:
            self.errors += 1
            self.error_samples.append(f"{path}: HTTP {status}")
        return response, text

    def token(self, path):
        _, html = self.call(path)
        match = TOKEN.search(html)
        return match.group(1) if match else ""

    def run(self):
        token = self.token("/accounts/login/")
        self.call(
            "/accounts/login/",
            {"csrfmiddlewaretoken": token, "login": self.email, "password": PASSWORD},
        )
        token = self.token("/journal/new/")
        n = 0
        while time.monotonic() < self.deadline:
            n += 1
            body = f"{self.email} entry {n} at {time.time()}"
            response, _ = self.call(
                "/journal/new/", {"csrfmiddlewaretoken": token, "body": body, "mood": "3"}
            )
            match = response is not None and ENTRY.search(response.headers.get("Location", ""))
            if not match:
                if response is not None and response.status != 302:
                    self.errors += 1
                continue
            entry_id = match.group(1)
            self.acknowledged[entry_id] = body
            if n % 2 == 0 and time.monotonic() < self.deadline:
                edited = body + " (edited)"
                response, _ = self.call(
                    f"/journal/{entry_id}/edit/",
                    {"csrfmiddlewaretoken": token, "body": edited, "mood": "4"},
                )
                if response is not None and response.status == 302:
                    self.acknowledged[entry_id] = edited


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", choices=["sqlite", "postgres"], default="sqlite")
    parser.add_argument("--writers", type=int, default=20)
    parser.add_argument("--seconds", type=float, default=30)
    parser.add_argument("--workers", type=int, default=4)
    parser.add_argument("--port", type=int, default=8170)
    args = parser.parse_args()

    with harness.workdir() as tmp:
        env = harness.site_env(args.db, tmp)
        harness.prepare_database(args.db, env)
        harness.django_setup(env)
        from django.contrib.auth import get_user_model

        from journal.models import Entry

        User = get_user_model()
        emails = [f"writer{i}@example.com" for i in range(args.writers)]
        for email in emails:
            User.objects.create_user(username=email.split("@")[0], email=email, password=PASSWORD)

        with harness.gunicorn(env, args.port, args.workers) as base:
            deadline = time.monotonic() + args.seconds
            writers = [Writer(base, email, deadline) for email in emails]
            started = time.monotonic()
            for writer in writers:
                writer.start()
            for writer in writers:
                writer.join(timeout=args.seconds + 120)
            elapsed = time.monotonic() - started

        stored = {str(k): v for k, v in Entry.objects.values_list("public_id", "body")}
        owners = {str(k): v for k, v in Entry.objects.values_list("public_id", "owner__email")}
        acknowledged = lost = 0
        for writer in writers:
            for entry_id, body in writer.acknowledged.items():
                acknowledged += 1
                if stored.get(entry_id) != body or owners.get(entry_id) != writer.email:
                    lost += 1
        requests = sum(w.requests for w in writers)
        errors = sum(w.errors for w in writers)
        print(
            f"database        {args.db} ({args.workers} gunicorn workers, "
            f"{args.writers} writers, {args.seconds:.0f} s)"
        )
        print(f"requests        {requests} ({requests / elapsed:.0f}/s)")
        print(f"errors          {errors}")
        print(f"entries acked   {acknowledged} (stored: {len(stored)})")
        print(f"lost writes     {lost}")
        for sample in [s for w in writers for s in w.error_samples][:5]:
            print(f"  e.g. {sample}")
        return 0 if errors == 0 and lost == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
