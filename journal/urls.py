from django.urls import include, path

from .views import home

urlpatterns = [
    path("", home.home, name="home"),
    # /journal/: entries, settings and the person's own data
    path("journal/", include("journal.entry_urls", namespace="journal")),
    # /journey/: the phase tracker
    path("journey/", include("journal.journey_urls", namespace="journey")),
]
