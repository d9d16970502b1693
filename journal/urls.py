from django.urls import include, path

from .accounts import urls as accounts_urls
from .data import urls as data_urls
from .entries import urls as entries_urls
from .journey import views as journey_views

# Entries, the person's settings and their own data share the /journal/ prefix and the
# "journal" namespace; each idea keeps its own urls module.
journal_patterns = [
    *entries_urls.urlpatterns,
    *accounts_urls.urlpatterns,
    *data_urls.urlpatterns,
]

urlpatterns = [
    # /: the welcome page for visitors, the dashboard for people signed in
    path("", journey_views.home, name="home"),
    # /journal/: entries, settings and the person's own data
    path("journal/", include((journal_patterns, "journal"))),
    # /journal/letters/: letters kept apart from the journal
    path("journal/letters/", include("journal.letters.urls")),
    # /journal/reminders/ and the signed /reminders/unsubscribe/ link
    path("", include("journal.reminders.urls")),
    # /journey/: the phase tracker
    path("journey/", include("journal.journey.urls")),
]
