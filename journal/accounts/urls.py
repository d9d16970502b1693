from django.urls import path

from . import views

urlpatterns = [
    # /journal/settings/: the person's time zone
    path("settings/", views.settings_view, name="settings"),
    # /journal/data/delete/: the account and everything in it
    path("data/delete/", views.delete_account, name="delete_account"),
]
