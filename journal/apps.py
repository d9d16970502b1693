from django.apps import AppConfig


class JournalConfig(AppConfig):
    name = "journal"
    verbose_name = "Journal"

    def ready(self):
        from django.contrib.auth import get_user_model
        from django.contrib.auth.signals import user_logged_in
        from django.db.models.signals import m2m_changed, post_delete, post_save

        from .accounts import (
            backends,
            checks,  # noqa: F401  (registers the system check)
            page_cache,
        )
        from .accounts.models import Profile
        from .entries.models import Entry

        # Any change to a person's records retires their kept pages, in every process.
        for model in self.get_models():
            if any(field.name == "owner" for field in model._meta.fields):
                uid = f"page-cache-{model._meta.label}"
                post_save.connect(page_cache.bump_owner, sender=model, dispatch_uid=uid)
                post_delete.connect(page_cache.bump_owner, sender=model, dispatch_uid=uid)
        m2m_changed.connect(page_cache.bump_tagged, sender=Entry.tags.through)
        post_save.connect(page_cache.bump_person, sender=get_user_model())
        # A user row kept for sign-in (accounts.backends) is dropped when it changes.
        post_save.connect(backends.forget_user, sender=get_user_model(), dispatch_uid="kept-u")
        post_delete.connect(backends.forget_user, sender=get_user_model(), dispatch_uid="kept-u")
        post_save.connect(backends.forget_owner, sender=Profile, dispatch_uid="kept-profile")
        post_delete.connect(backends.forget_owner, sender=Profile, dispatch_uid="kept-profile")
        user_logged_in.connect(page_cache.start_counting, dispatch_uid="page-cache-start")
