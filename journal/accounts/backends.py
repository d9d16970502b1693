"""Authentication backends that keep the signed-in user's row in the session cache.

Every signed-in request loads its user by primary key before any view runs; through the
ORM that is the largest cost of a signed-in request after the session itself. The row,
with the person's profile (time zone, discreet mode), is kept in the cache the sessions
use (Redis, or Django's database cache: shared by every process) and dropped whenever
the user or the profile is saved or deleted, so a new password, a deactivation or
discreet mode takes effect at once in every process.
"""

from allauth.account import auth_backends
from django.conf import settings
from django.contrib.auth import backends, get_user_model
from django.core.cache import caches
from django.db import transaction

USER_SECONDS = 5 * 60


def _key(user_id):
    return f"auth:user:{user_id}"


def shared_cache():
    """The cache the sessions use: Redis, or Django's database cache; every process's."""
    return caches[settings.SESSION_CACHE_ALIAS]


def forget(key):
    """Drop a kept value now and, inside a transaction, again once it commits, in case a
    request in between kept the old one."""
    shared_cache().delete(key)
    if transaction.get_connection().in_atomic_block:
        transaction.on_commit(lambda: shared_cache().delete(key), robust=True)


def forget_user(sender, instance, **kwargs):
    """Signal receiver (post_save, post_delete of the user model)."""
    forget(_key(instance.pk))


def forget_owner(sender, instance, **kwargs):
    """Signal receiver (post_save, post_delete of Profile): the kept user carries it."""
    forget_user(sender, instance.owner)


class KeptUserMixin:
    def get_user(self, user_id):
        cache = shared_cache()
        user = cache.get(_key(user_id))
        if user is None:
            # With the profile (time zone, discreet mode), which every page reads.
            user_model = get_user_model()
            try:
                user = user_model._default_manager.select_related("profile").get(pk=user_id)
            except user_model.DoesNotExist:
                return None
            cache.set(_key(user_id), user, USER_SECONDS)
        return user if self.user_can_authenticate(user) else None


class ModelBackend(KeptUserMixin, backends.ModelBackend):
    pass


class AuthenticationBackend(KeptUserMixin, auth_backends.AuthenticationBackend):
    pass
