"""Production cookies: Secure, SameSite=Lax, and the session cookie out of JavaScript's reach.

The real settings are loaded in a fresh interpreter with production's environment (DEBUG
off) and a request goes through the project's whole middleware stack.
"""

import json
import subprocess
import sys

SCRIPT = """
import json, os
os.environ["DJANGO_SETTINGS_MODULE"] = "config.settings"
import django
django.setup()
from django.core.handlers.base import BaseHandler
from django.core.management import call_command
from django.test import RequestFactory

call_command("migrate", verbosity=0)
handler = BaseHandler()
handler.load_middleware()
request = RequestFactory().get("/cookies/", secure=True, headers={"host": "example.com"})
request.urlconf = "tests.security.cookie_urls"
response = handler.get_response(request)
cookies = {
    name: {key: morsel[key] for key in ("secure", "httponly", "samesite", "max-age")}
    for name, morsel in response.cookies.items()
}
print(json.dumps({"status": response.status_code, "cookies": cookies}))
"""


def production_cookies(tmp_path):
    env = {
        "PATH": "",
        "SECRET_KEY": "x" * 60,
        "ALLOWED_HOSTS": "example.com",
        "SITE_URL": "https://example.com",
        "SQLITE_PATH": str(tmp_path / "db.sqlite3"),
    }
    result = subprocess.run(
        [sys.executable, "-c", SCRIPT], env=env, capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_production_cookies_are_secure_lax_and_the_session_is_http_only(tmp_path):
    answer = production_cookies(tmp_path)
    assert answer["status"] == 200
    session, csrf = answer["cookies"]["sessionid"], answer["cookies"]["csrftoken"]
    assert session["secure"] is True
    assert session["httponly"] is True
    assert session["samesite"] == "Lax"
    assert csrf["secure"] is True
    assert csrf["samesite"] == "Lax"
    # The CSRF cookie stays readable: static/js/site.js sends it with htmx requests.
    assert csrf["httponly"] == ""
