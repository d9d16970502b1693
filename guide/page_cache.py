"""Whole-page cache for the public guide.

A cookieless visitor has no session, no messages and no CSRF token on the page,
so one rendered page serves them all. A signed-in reader's page differs only in its
header (the account menu, discreet mode) and the CSRF token of its sign-out form: they
get a copy of their own, keyed on those, in this process's memory (`CACHES["pages"]`).

Any save or delete of guide content bumps the version, which changes every key (and
the ETag) at once; entries also expire after a minute so that content scheduled with
`publish_at` appears on time without a save.
"""

import functools
import hashlib
import time

from django.conf import settings
from django.contrib import messages
from django.core.cache import cache, caches
from django.core.cache.backends.dummy import DummyCache
from django.http import HttpResponse
from django.utils.cache import get_conditional_response, patch_cache_control
from django.utils.http import http_date

VERSION_KEY = "guide:version"
PAGE_SECONDS = 60


def content_version():
    """When the guide last changed (a Unix time), as far as this cache knows."""
    version = cache.get(VERSION_KEY)
    if version is None:
        version = int(time.time())
        cache.add(VERSION_KEY, version, None)
        version = cache.get(VERSION_KEY, version)
    return version


def bump_version(**kwargs):
    cache.set(VERSION_KEY, max(int(time.time()), content_version() + 1), None)


def cacheable(request):
    return (
        request.method in ("GET", "HEAD")
        and not request.GET
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
        and "messages" not in request.COOKIES
    )


KEPT_HEADERS = ("Content-Type", "Cache-Control", "Vary", "X-Robots-Tag")


def signed_in_keepable(request):
    """Whether a signed-in person's page may be served from, or kept in, CACHES["pages"]:
    a GET with the CSRF cookie its forms' tokens are made from (part of every key) and no
    message waiting to be shown; never while kept pages are switched off (development)."""
    return (
        not isinstance(caches["pages"], DummyCache)
        and request.method in ("GET", "HEAD")
        and request.user.is_authenticated
        and settings.CSRF_COOKIE_NAME in request.COOKIES
        and not len(messages.get_messages(request))
    )


def kept_page(view, request, args, kwargs, prefix, parts, seconds):
    """This person's kept copy of the page under `parts` (who they are and their CSRF
    cookie are added), or the page rendered now and kept when it is a plain 200."""
    parts = (*parts, request.user.pk, request.COOKIES[settings.CSRF_COOKIE_NAME])
    digest = hashlib.sha256("\x1f".join(map(str, parts)).encode()).hexdigest()
    pages, key = caches["pages"], f"{prefix}:{digest}"
    kept = pages.get(key)
    if kept is not None:
        content, headers = kept
        response = HttpResponse(content)
        for name, value in headers:
            response[name] = value
        return response
    response = view(request, *args, **kwargs)
    if response.status_code == 200 and not response.streaming and not response.cookies:
        headers = [(name, response[name]) for name in KEPT_HEADERS if name in response]
        pages.set(key, (response.content, headers), seconds)
    return response


def public_page(view):
    """Serve cookieless visitors a shared copy, with ETag/Last-Modified for 304s, and
    signed-in readers a copy of their own."""

    @functools.wraps(view)
    def wrapper(request, *args, **kwargs):
        if not cacheable(request):
            if signed_in_keepable(request) and not request.GET:  # ?preview=1: editors
                # A signed-in reader's own copy, until the guide changes.
                parts = (content_version(), request.path, getattr(request, "discreet", False))
                return kept_page(view, request, args, kwargs, "guide:reader", parts, PAGE_SECONDS)
            return view(request, *args, **kwargs)
        version = content_version()
        path_hash = hashlib.sha256(request.path.encode()).hexdigest()[:16]
        key = f"guide:page:{version}:{path_hash}"
        cached = cache.get(key)
        if cached is None:
            response = view(request, *args, **kwargs)
            if response.status_code != 200 or response.has_header("Set-Cookie"):
                return response
            # The ETag follows the page itself, so content that went live at its
            # publish_at (no save, same version) still reaches returning visitors.
            digest = hashlib.sha256(response.content).hexdigest()[:20]
            cached = (response.content, response["Content-Type"], f'"{digest}"')
            cache.set(key, cached, PAGE_SECONDS)
        content, content_type, etag = cached
        response = HttpResponse(content, content_type=content_type)
        response["ETag"] = etag
        response["Last-Modified"] = http_date(version)
        # Browsers keep it but ask again each time; the answer is usually a 304.
        patch_cache_control(response, public=True, no_cache=True)
        response["Vary"] = "Cookie"
        return get_conditional_response(
            request, etag=etag, last_modified=version, response=response
        )

    return wrapper
