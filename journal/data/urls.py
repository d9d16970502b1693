from django.urls import path

from . import views

urlpatterns = [
    # /journal/data/: download everything, or bring an export back
    path("data/", views.data, name="data"),
    path("data/export.json", views.export_json, name="export_json"),
    path("data/export.zip", views.export_zip, name="export_zip"),
    path("data/import/", views.import_json, name="import"),
    path("data/import/other/", views.import_other, name="import_other"),
]
