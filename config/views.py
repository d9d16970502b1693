import sys

from django.core.cache import cache
from django.db import connection
from django.db.utils import DatabaseError, InterfaceError, OperationalError
from django.http import HttpResponse, JsonResponse
from django.shortcuts import render
from django.template.loader import render_to_string
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe


def database_is_up():
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError:
        return False
    return True


def cache_is_up():
    """The shared cache answers (config.cache); a per-process cache always does."""
    ping = getattr(cache, "ping", None)
    return ping() if ping else True


@never_cache
@require_safe
def healthz(request):
    """Each dependency's state for load balancers and monitors. 503 only when the
    database is down: the site works without the cache, so a cache outage must not
    take every instance out of the load balancer."""
    database, shared_cache = database_is_up(), cache_is_up()
    body = {
        "status": "ok" if database and shared_cache else "degraded" if database else "unavailable",
        "database": "up" if database else "down",
        "cache": "up" if shared_cache else "down",
    }
    return JsonResponse(body, status=200 if database else 503)


def server_error(request):
    """The 500 handler; a database that went away gets a calm 503 instead."""
    # Rendered without the request: its context (the user, the session) may be
    # exactly what just failed.
    exc = sys.exc_info()[1]
    if isinstance(exc, (OperationalError, InterfaceError)):
        response = HttpResponse(render_to_string("503.html"), status=503)
        response["Retry-After"] = "30"
        return response
    return HttpResponse(render_to_string("500.html"), status=500)


def csrf_failure(request, reason=""):
    return render(request, "403_csrf.html", status=403)


@require_safe
def ping(request):
    """No database, no template: the framework's own ceiling, for benchmarks."""
    return HttpResponse("ok", content_type="text/plain")
