from django.urls import path

from .views import data, drafts, entries, settings

app_name = "journal"

urlpatterns = [
    # /journal/: the person's entries
    path("", entries.entry_list, name="entry_list"),
    path("new/", entries.entry_new, name="entry_new"),
    path("<int:pk>/", entries.entry_detail, name="entry_detail"),
    path("<int:pk>/edit/", entries.entry_edit, name="entry_edit"),
    path("<int:pk>/delete/", entries.entry_delete, name="entry_delete"),
    # /journal/draft/: the autosaved new entry
    path("draft/", drafts.draft_save, name="draft"),
    path("draft/discard/", drafts.draft_discard, name="draft_discard"),
    # /journal/settings/ and /journal/data/: the person's settings and own data
    path("settings/", settings.settings_view, name="settings"),
    path("data/", data.data, name="data"),
    path("data/export.json", data.export_json, name="export_json"),
    path("data/export.zip", data.export_zip, name="export_zip"),
    path("data/import/", data.import_json, name="import"),
    path("data/delete/", data.delete_account, name="delete_account"),
]
