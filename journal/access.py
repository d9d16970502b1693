"""The one ownership gate: every private row is read through `for_owner`, and every
private object in a view is fetched with `get_owned_or_404`."""

from django.db import models
from django.shortcuts import get_object_or_404


class OwnedQuerySet(models.QuerySet):
    """Every private queryset starts here: rows of one person, nobody else's."""

    def for_owner(self, user):
        if not user.is_authenticated:
            return self.none()
        return self.filter(owner=user)


def get_owned_or_404(queryset_or_model, user, **lookup):
    """Return the object of `user` matching `lookup`, or 404 for anyone else.

    Takes a model or a queryset whose model has an OwnedQuerySet manager.
    A 404 (not a 403), so nobody learns that someone else's object exists.
    """
    if isinstance(queryset_or_model, type):
        queryset_or_model = queryset_or_model.objects
    return get_object_or_404(queryset_or_model.for_owner(user), **lookup)
