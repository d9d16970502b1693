from django.apps import AppConfig
from django.db.models.signals import post_delete, post_migrate, post_save

EDITORS = "Editors"
# Kept by load_guide for itself; nothing an editor needs to see.
NOT_FOR_EDITORS = {"shippedcontent"}


def ensure_editors_group(sender, using="default", **kwargs):
    """The Editors group holds exactly the guide's permissions.

    A migration creates it; this keeps it whole after each migrate (new guide models)
    and after a database flush, which removes groups but recreates permissions.
    """
    from django.contrib.auth.models import Group, Permission

    group, _ = Group.objects.using(using).get_or_create(name=EDITORS)
    permissions = Permission.objects.using(using).filter(content_type__app_label="guide")
    group.permissions.add(*permissions.exclude(content_type__model__in=NOT_FOR_EDITORS))


class GuideConfig(AppConfig):
    name = "guide"
    verbose_name = "Guide"

    def ready(self):
        from .page_cache import bump_version

        post_migrate.connect(ensure_editors_group, sender=self)
        # Any change to guide content (admin, revert, load_guide) retires cached pages.
        for model in self.get_models():
            post_save.connect(bump_version, sender=model, dispatch_uid=f"guide-page-{model}")
            post_delete.connect(bump_version, sender=model, dispatch_uid=f"guide-del-{model}")
