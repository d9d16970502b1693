from django.urls import path

from . import views

app_name = "guide"

urlpatterns = [
    # /guide/
    path("guide/", views.index, name="index"),
    path("guide/stages/<slug:slug>/", views.stage, name="stage"),
    path("guide/<slug:slug>/", views.article, name="article"),
    # /help/
    path("help/", views.support, name="support"),
]
