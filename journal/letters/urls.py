from django.urls import path

from . import views
from .models import Kind

app_name = "letters"

urlpatterns = [
    # /journal/letters/: unsent letters and letters to the future self
    path("", views.letter_list, name="list"),
    path("new/", views.letter_new, {"kind": Kind.UNSENT}, name="new"),
    path("new/future/", views.letter_new, {"kind": Kind.FUTURE}, name="new_future"),
    path("<uuid:public_id>/", views.letter_detail, name="detail"),
    path("<uuid:public_id>/edit/", views.letter_edit, name="edit"),
    path("<uuid:public_id>/let-go/", views.letter_let_go, name="let_go"),
    path("<uuid:public_id>/restore/", views.letter_restore, name="restore"),
]
