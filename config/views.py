import sys

from django.db import connection
from django.db.utils import DatabaseError, InterfaceError, OperationalError
from django.http import HttpResponse, JsonResponse
from django.shortcuts import render
from django.template.loader import render_to_string
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe


@never_cache
@require_safe
def healthz(request):
    """200 while the database answers, 503 when it does not (for load balancers)."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError:
        return JsonResponse({"status": "unavailable", "database": "down"}, status=503)
    return JsonResponse({"status": "ok", "database": "up"})


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
