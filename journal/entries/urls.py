from django.urls import path

from . import views

urlpatterns = [
    # /journal/: the person's entries
    path("", views.entry_list, name="entry_list"),
    path("new/", views.entry_new, name="entry_new"),
    path("<int:pk>/", views.entry_detail, name="entry_detail"),
    path("<int:pk>/edit/", views.entry_edit, name="entry_edit"),
    path("<int:pk>/delete/", views.entry_delete, name="entry_delete"),
    # /journal/draft/: the autosaved new entry
    path("draft/", views.draft_save, name="draft"),
    path("draft/discard/", views.draft_discard, name="draft_discard"),
]
