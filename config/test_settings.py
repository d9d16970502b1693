"""Test overlay: the real settings, loaded as production would be, then loosened for tests.

Production settings never read a test flag; everything tests need differently is set
here, and only here.
"""

import os

# Production refuses to start without these; tests get throw-away values.
os.environ.setdefault("SECRET_KEY", "tests-only-secret-key-never-use-in-production")
os.environ.setdefault("SITE_URL", "http://127.0.0.1:8000")

from config.settings import *  # noqa: E402,F403

ALLOWED_HOSTS = ALLOWED_HOSTS or ["localhost", "127.0.0.1", "[::1]"]  # noqa: F405
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
MAILERS = {"default": {"BACKEND": "django.core.mail.backends.locmem.EmailBackend"}}

# Plain HTTP on the test client and the live server.
SECURE_SSL_REDIRECT = False
SESSION_COOKIE_SECURE = CSRF_COOKIE_SECURE = False
SECURE_HSTS_SECONDS = 0
SECURE_HSTS_INCLUDE_SUBDOMAINS = SECURE_HSTS_PRELOAD = False
MFA_WEBAUTHN_ALLOW_INSECURE_ORIGIN = True
# Tests of the admin sign in without setting up two-factor authentication first;
# tests/accounts/test_admin_access.py turns it back on to test it.
ADMIN_REQUIRE_MFA = False

# Serve static files straight from the source folders: tests never run collectstatic.
STORAGES["staticfiles"] = {  # noqa: F405
    "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
}
WHITENOISE_AUTOREFRESH = True
WHITENOISE_USE_FINDERS = True

# The live server's threads must not keep connections open past a test, or
# PostgreSQL refuses to drop the test database at the end of the run.
DATABASES["default"]["CONN_MAX_AGE"] = 0  # noqa: F405

# Tests run in one process, so the local-memory cache is shared by the live server's
# threads: cached sessions keep browser tests from contending for the in-memory
# database's table locks. (Production caches sessions only in a shared cache.)
# (tests/accounts/test_session_cache.py covers the production choice, the database cache.)
SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
SESSION_CACHE_ALIAS = "default"
