from django.db import models


class OwnedQuerySet(models.QuerySet):
    """Every private queryset starts here: rows of one person, nobody else's."""

    def for_owner(self, user):
        if not user.is_authenticated:
            return self.none()
        return self.filter(owner=user)
