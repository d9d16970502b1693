from django.urls import path

from . import views

urlpatterns = [
    # /journal/: the person's entries
    path("", views.entry_list, name="entry_list"),
    path("new/", views.entry_new, name="entry_new"),
    path("<uuid:public_id>/", views.entry_detail, name="entry_detail"),
    path("<uuid:public_id>/edit/", views.entry_edit, name="entry_edit"),
    path("<uuid:public_id>/delete/", views.entry_delete, name="entry_delete"),
    # The old numbered addresses: the owner is sent on, anyone else gets a 404
    path("<int:pk>/", views.old_entry_address, {"to": "entry_detail"}, name="old_entry"),
    path("<int:pk>/edit/", views.old_entry_address, {"to": "entry_edit"}, name="old_entry_edit"),
    path(
        "<int:pk>/delete/",
        views.old_entry_address,
        {"to": "entry_delete"},
        name="old_entry_delete",
    ),
    # /journal/draft/: the autosaved new entry
    path("draft/", views.draft_save, name="draft"),
    path("draft/discard/", views.draft_discard, name="draft_discard"),
]
