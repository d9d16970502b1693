"""Settings for the twin-flame site: one module, the environment read once here."""

import os
from email.utils import parseaddr
from pathlib import Path
from urllib.parse import urlsplit

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.csp import CSP

BASE_DIR = Path(__file__).resolve().parent.parent


TRUE_WORDS = {"1", "true", "yes", "on"}
FALSE_WORDS = {"0", "false", "no", "off"}


def envbool(name, default=False):
    """A yes/no variable; unset or empty means the default, and anything that is not
    a yes/no word stops the start-up, so a typo (DEBUG=ture) is never read as "no"."""
    value = os.environ.get(name, "").strip().lower()
    if not value:
        return default
    if value in TRUE_WORDS | FALSE_WORDS:
        return value in TRUE_WORDS
    raise ImproperlyConfigured(
        f"{name}={os.environ[name]!r} is not a yes/no value: use 1/0, true/false, yes/no or on/off."
    )


def envint(name, default):
    value = os.environ.get(name, "").strip()
    try:
        return int(value) if value else default
    except ValueError:
        raise ImproperlyConfigured(f"{name}={value!r} is not a whole number.") from None


def envlist(name, default=""):
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


def envurl(name, default=""):
    """An origin such as https://example.org (no path), without a trailing slash."""
    value = os.environ.get(name, "").strip().rstrip("/") or default
    if not value:
        raise ImproperlyConfigured(
            f"{name} must be set when DEBUG is off, e.g. https://example.org."
        )
    parts = urlsplit(value)
    if parts.scheme not in ("http", "https") or not parts.netloc or parts.path:
        raise ImproperlyConfigured(
            f"{name}={value!r} must be the site's origin, e.g. https://example.org."
        )
    return value


# --- Core -----------------------------------------------------------------

DEBUG = envbool("DEBUG", False)

SECRET_KEY = os.environ.get("SECRET_KEY", "")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured("SECRET_KEY must be set when DEBUG is off.")
    SECRET_KEY = "dev-only-insecure-key-never-use-in-production"

ALLOWED_HOSTS = envlist("ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]" if DEBUG else "")
CSRF_TRUSTED_ORIGINS = envlist("CSRF_TRUSTED_ORIGINS")
# The one public address, for canonical links, the sitemap, robots.txt and email.
# Required rather than guessed from requests: a page must name the same canonical URL
# whichever host name or proxy it was reached through.
SITE_URL = envurl("SITE_URL", "http://127.0.0.1:8000" if DEBUG else "")

INSTALLED_APPS = [
    "config.apps.SiteAdminConfig",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "django.contrib.humanize",
    "django.contrib.postgres",
    "django_htmx",
    "reversion",
    "reversion_compare",
    "allauth",
    "allauth.account",
    "allauth.mfa",
    "allauth.usersessions",
    "django_tasks_db",
    "guide",
    "journal",
    # Django's own form templates, found by the site's renderer (FORM_RENDERER below)
    "django.forms",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "allauth.usersessions.middleware.UserSessionsMiddleware",
    "journal.accounts.middleware.PersonalSettingsMiddleware",
    "journal.accounts.middleware.PageRevisionMiddleware",
    "config.middleware.SecurityHeadersMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"
ASGI_APPLICATION = "config.asgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.csp",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "config.context_processors.nav_section",
                "journal.accounts.context_processors.discreet",
            ],
        },
    },
]

# Every form field is drawn by templates/forms/field.html (label, hint, errors, control).
FORM_RENDERER = "config.forms.SiteFormRenderer"

# --- Database -------------------------------------------------------------
# SQLite is the embedded default: WAL lets readers run beside the one writer,
# the busy timeout waits for the lock instead of failing, and IMMEDIATE
# transactions take the write lock up front so two writers never deadlock.

DATABASE_URL = os.environ.get("DATABASE_URL", "")
if DATABASE_URL:
    DATABASES = {
        "default": dj_database_url.parse(DATABASE_URL, conn_max_age=60, conn_health_checks=True)
    }
else:
    DATABASES = {
        "default": {
            # Django's SQLite backend, its connection kept across requests (opening one
            # runs the PRAGMAs below) and checked against the file on each request.
            "ENGINE": "config.sqlite_backend",
            "NAME": os.environ.get("SQLITE_PATH", str(BASE_DIR / "db.sqlite3")),
            "CONN_MAX_AGE": 600,
            "CONN_HEALTH_CHECKS": True,
            "OPTIONS": {
                "transaction_mode": "IMMEDIATE",
                "timeout": 20,
                "init_command": (
                    "PRAGMA journal_mode=WAL;"
                    "PRAGMA synchronous=NORMAL;"
                    "PRAGMA foreign_keys=ON;"
                    "PRAGMA mmap_size=134217728;"
                    "PRAGMA cache_size=-20000;"
                ),
            },
        }
    }
DB_IS_POSTGRES = DATABASES["default"]["ENGINE"].endswith("postgresql")

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# --- Cache and sessions ---------------------------------------------------
# With REDIS_URL several instances share one cache, so rate limits and cached
# pages agree across them; without it each process keeps its own. The cache is
# an optimisation, never a dependency: while Redis is away, config.cache serves
# misses (and per-process rate limits), so every page still answers.

REDIS_URL = os.environ.get("REDIS_URL", "")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "config.cache.ResilientRedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": os.environ.get("CACHE_PREFIX", "twinflame"),
            # A Redis that hangs costs a request one second, not a worker.
            "OPTIONS": {"socket_connect_timeout": 1, "socket_timeout": 1},
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
# Rendered pieces of signed-in pages (an entry's card, a blank form) stay in each
# process's own memory, never in the shared cache: private writing never leaves the
# process that renders it. Their keys name everything they show, so they never go
# stale; in development they are off, so an edited template shows at once.
CACHES["fragments"] = {
    "BACKEND": "django.core.cache.backends.dummy.DummyCache"
    if DEBUG
    else "django.core.cache.backends.locmem.LocMemCache",
    "LOCATION": "fragments",
    "TIMEOUT": 60 * 60,
    "OPTIONS": {"MAX_ENTRIES": 20_000},
}
# Whole signed-in pages (journal.accounts.page_cache, and the guide for signed-in
# readers), also only in each process's memory; a few hundred pages of tens of KB each.
CACHES["pages"] = {
    "BACKEND": "django.core.cache.backends.dummy.DummyCache"
    if DEBUG
    else "django.core.cache.backends.locmem.LocMemCache",
    "LOCATION": "pages",
    "OPTIONS": {"MAX_ENTRIES": 500},
}

# Sessions are cached only in a cache every process shares: with a per-process cache,
# signing out in one worker would leave the session alive in the others' copies. Without
# Redis that is Django's database cache: reading a session from its table is one plain
# SELECT by key, where the session backend goes through the ORM (0.15 ms less on every
# signed-in request; bench/signed_in.py). The table is made by `migrate`
# (config.apps.create_cache_tables).
SESSION_COOKIE_AGE = 60 * 60 * 24 * 14
SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
if REDIS_URL:
    SESSION_CACHE_ALIAS = "default"
else:
    SESSION_CACHE_ALIAS = "sessions"
    CACHES["sessions"] = {
        "BACKEND": "django.core.cache.backends.db.DatabaseCache",
        "LOCATION": "session_cache",
        "TIMEOUT": SESSION_COOKIE_AGE,
        "OPTIONS": {"MAX_ENTRIES": 100_000},  # past it, sessions are read from their table
    }
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"
CSRF_FAILURE_VIEW = "config.views.csrf_failure"

# --- Auth (django-allauth) ------------------------------------------------

# Django's and allauth's, keeping the signed-in user's row in the session cache.
AUTHENTICATION_BACKENDS = [
    "journal.accounts.backends.ModelBackend",
    "journal.accounts.backends.AuthenticationBackend",
]
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "home"
ACCOUNT_LOGOUT_REDIRECT_URL = "home"
ACCOUNT_SIGNUP_REDIRECT_URL = os.environ.get("SIGNUP_REDIRECT_URL", "home")
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_UNIQUE_EMAIL = True
# Mandatory verification is what lets sign-up with a taken address look like any other
# sign-up (see ACCOUNT_PREVENT_ENUMERATION); anything else reveals who has an account.
ACCOUNT_EMAIL_VERIFICATION = os.environ.get("ACCOUNT_EMAIL_VERIFICATION", "mandatory")
ACCOUNT_LOGIN_ON_EMAIL_CONFIRMATION = True
ACCOUNT_CONFIRM_EMAIL_ON_GET = False
ACCOUNT_LOGOUT_ON_PASSWORD_CHANGE = False
ACCOUNT_EMAIL_NOTIFICATIONS = True
ACCOUNT_SESSION_REMEMBER = None
# Having an account here is itself private: no form says whether an address has one.
# A sign-up with a taken address looks like any other, and the address's owner gets an
# email (templates/account/email/account_already_exists_*) instead.
ACCOUNT_PREVENT_ENUMERATION = True
ACCOUNT_EMAIL_SUBJECT_PREFIX = "[Twin Flame Runner] "
ACCOUNT_SIGNUP_FORM_CLASS = "journal.accounts.forms.SignupExtraForm"
ACCOUNT_FORMS = {"signup": "journal.accounts.signup.SignupForm"}
ACCOUNT_ADAPTER = "journal.accounts.adapters.AccountAdapter"
ACCOUNT_RATE_LIMITS = {
    # allauth's defaults, stated here so they are visible and tunable.
    "login": "30/m/ip",
    "login_failed": "10/m/ip,5/5m/key",
    "signup": "20/m/ip",
    "reset_password": "20/m/ip,5/m/key",
    "reset_password_from_key": "20/m/ip",
    "confirm_email": "1/3m/key",
    "change_password": "5/m/user",
    "manage_email": "10/m/user",
    "reauthenticate": "10/m/user",
}
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes", "webauthn"]
MFA_PASSKEY_LOGIN_ENABLED = True
MFA_WEBAUTHN_ALLOW_INSECURE_ORIGIN = DEBUG
MFA_TOTP_ISSUER = "Twin Flame Runner"
MFA_ADAPTER = "journal.accounts.adapters.MFAAdapter"
# Tracking "last seen" writes to the database on every signed-in request; the
# session list still shows where and when each session began.
USERSESSIONS_TRACK_ACTIVITY = False
# Editors and superusers need two-factor authentication before admin lets them in.
ADMIN_REQUIRE_MFA = envbool("ADMIN_REQUIRE_MFA", not DEBUG)

# --- Background tasks (django.tasks) ---------------------------------------
# Reminders run on a worker. The embedded default keeps the queue in the database
# (`manage.py db_worker`); several instances can share Redis through django-tasks-rq
# instead (see README, "Background worker").

TASKS_BACKEND = os.environ.get("TASKS_BACKEND", "django_tasks_db.DatabaseBackend")
TASKS = {"default": {"BACKEND": TASKS_BACKEND, "QUEUES": ["default"]}}
if TASKS_BACKEND.startswith("django_tasks_rq."):
    INSTALLED_APPS += ["django_rq", "django_tasks_rq"]
    RQ_QUEUES = {"default": {"URL": REDIS_URL or "redis://127.0.0.1:6379/0"}}

# --- Email ----------------------------------------------------------------

# Development prints messages to the console; production sends them by SMTP.
# Django 6.1 configures email through MAILERS.
MAILERS = {
    "default": {
        "BACKEND": os.environ.get(
            "EMAIL_BACKEND",
            "django.core.mail.backends.console.EmailBackend"
            if DEBUG
            else "django.core.mail.backends.smtp.EmailBackend",
        ),
        "OPTIONS": {},
    }
}
if MAILERS["default"]["BACKEND"].endswith("smtp.EmailBackend"):
    MAILERS["default"]["OPTIONS"] = {
        "host": os.environ.get("EMAIL_HOST", "localhost"),
        "port": envint("EMAIL_PORT", 25),
        "username": os.environ.get("EMAIL_HOST_USER", ""),
        "password": os.environ.get("EMAIL_HOST_PASSWORD", ""),
        "use_tls": envbool("EMAIL_USE_TLS", False),
        "timeout": 10,
    }
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "Twin Flame Runner <hello@localhost>")
# The sender and subject prefix of mail to someone in discreet mode; set the address too
# if the usual one names the site.
DISCREET_FROM_EMAIL = os.environ.get(
    "DISCREET_FROM_EMAIL", f"Notes <{parseaddr(DEFAULT_FROM_EMAIL)[1]}>"
)
DISCREET_EMAIL_SUBJECT_PREFIX = "[Notes] "
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# --- Internationalisation -------------------------------------------------

LANGUAGE_CODE = "en-us"
# allauth's headings and buttons in sentence case ("Sign up"): locale/en/LC_MESSAGES.
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True

# --- Static files (whitenoise) --------------------------------------------

STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
        if not DEBUG
        else "django.contrib.staticfiles.storage.StaticFilesStorage"
    },
}
WHITENOISE_MAX_AGE = 60 * 60 * 24 * 365 if not DEBUG else 0

# --- Security -------------------------------------------------------------

SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SECURE_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF],
    "style-src": [CSP.SELF],
    "img-src": [CSP.SELF, "data:"],
    "font-src": [CSP.SELF],
    "connect-src": [CSP.SELF],
    "form-action": [CSP.SELF],
    "frame-ancestors": [CSP.NONE],
    "object-src": [CSP.NONE],
    "base-uri": [CSP.NONE],
}
PERMISSIONS_POLICY = (
    "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()"
)

SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https") if envbool("BEHIND_PROXY") else None
SECURE_SSL_REDIRECT = envbool("SECURE_SSL_REDIRECT", not DEBUG)
SESSION_COOKIE_SECURE = CSRF_COOKIE_SECURE = envbool("SECURE_COOKIES", not DEBUG)
SECURE_HSTS_SECONDS = envint("SECURE_HSTS_SECONDS", 0 if DEBUG else 31536000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = SECURE_HSTS_SECONDS > 0
SECURE_HSTS_PRELOAD = SECURE_HSTS_SECONDS > 0
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]

# --- The guide ------------------------------------------------------------

# Where the quick-exit control on the help pages goes: a neutral, everyday page.
QUICK_EXIT_URL = "https://www.bbc.com/weather"

# --- Logging --------------------------------------------------------------
# Errors are logged without request bodies, so journal text never reaches a log; both
# formats redact ids, query strings, email and IP addresses (config/logging.py).

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {
        "plain": {
            "()": "config.logging.RedactingFormatter",
            "format": "%(asctime)s %(levelname)s %(name)s %(message)s",
        },
        "json": {"()": "config.logging.JsonFormatter"},
    },
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "formatter": "plain" if DEBUG else "json",
        }
    },
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    "loggers": {"django.db.backends": {"level": "WARNING"}},
}
