from django.urls import path

from . import views

app_name = "reminders"

urlpatterns = [
    # /journal/reminders/: a person's own reminder settings
    path("journal/reminders/", views.reminder_settings, name="settings"),
    # /reminders/unsubscribe/<token>/: the signed link in every reminder (no sign-in)
    path("reminders/unsubscribe/<str:token>/", views.unsubscribe, name="unsubscribe"),
]
