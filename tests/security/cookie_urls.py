"""A one-view URLconf for the production cookie test: it starts a session and a CSRF token."""

from django.http import HttpResponse
from django.middleware.csrf import get_token
from django.urls import path


def start_session(request):
    request.session["seen"] = True
    get_token(request)
    return HttpResponse("ok")


urlpatterns = [path("cookies/", start_session)]
