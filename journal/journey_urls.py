from django.urls import path

from .views import journey

app_name = "journey"

urlpatterns = [
    # /journey/: your stage, its practices, prompts and the way on
    path("", journey.index, name="index"),
    path("start/", journey.start, name="start"),
    path("practices/<int:pk>/", journey.tick, name="tick"),
    path("move/", journey.move, name="move"),
    # /journey/check-in/: today's mood (the form lives on the dashboard)
    path("check-in/", journey.check_in, name="check_in"),
    # /journey/history/: the timeline and the pictures
    path("history/", journey.history, name="history"),
]
