from django.contrib import admin
from django.urls import include, path

from config.views import healthz, ping, server_error

urlpatterns = [
    # Public guide, support page, sitemap and robots.txt
    path("", include("guide.urls")),
    # Private: journal entries, the phase tracker, a person's own data
    path("", include("journal.urls")),
    # Accounts: every flow is allauth's
    path("accounts/", include("allauth.urls")),
    # Editors only
    path("admin/", admin.site.urls),
    # Load balancers
    path("healthz", healthz, name="healthz"),
    path("ping", ping, name="ping"),
]

handler500 = server_error
