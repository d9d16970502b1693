from django.urls import path

from . import views

app_name = "journey"

urlpatterns = [
    # /journey/: your stage, its practices, prompts and the way on
    path("", views.index, name="index"),
    path("start/", views.start, name="start"),
    path("practices/<int:pk>/", views.tick, name="tick"),
    path("move/", views.move, name="move"),
    # /journey/check-in/: today's mood (the form lives on the dashboard)
    path("check-in/", views.check_in, name="check_in"),
    # /journey/history/: the timeline and the pictures
    path("history/", views.history, name="history"),
]
