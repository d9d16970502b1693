from django.urls import path

from .views import entries, settings

app_name = "journal"

urlpatterns = [
    path("", entries.entry_list, name="entry_list"),
    path("settings/", settings.settings_view, name="settings"),
    path("data/", settings.data, name="data"),
]
