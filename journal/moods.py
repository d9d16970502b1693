from django.db import models


class Mood(models.IntegerChoices):
    """How a day or an entry felt; shared by journal entries and the tracker's check-ins."""

    VERY_LOW = 1, "Very low"
    LOW = 2, "Low"
    OKAY = 3, "Okay"
    GOOD = 4, "Good"
    VERY_GOOD = 5, "Very good"
