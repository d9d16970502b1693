from django.urls import path

from .views import journey

app_name = "journey"

urlpatterns = [
    path("", journey.index, name="index"),
]
