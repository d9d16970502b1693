from django.contrib.admin.apps import AdminConfig
from django.core.management import call_command
from django.db.models.signals import post_migrate


def create_cache_tables(using="default", **kwargs):
    """After every `migrate`: the database cache's table (sessions, without Redis), so
    no set-up step beyond `migrate` is ever needed. Does nothing if it exists."""
    call_command("createcachetable", database=using, verbosity=0)


class SiteAdminConfig(AdminConfig):
    """Django's admin, with this site's front door (see config.admin.SiteAdmin); as the
    project's own app config it also hooks the project-wide set-up to `migrate`."""

    default_site = "config.admin.SiteAdmin"

    def ready(self):
        super().ready()
        post_migrate.connect(create_cache_tables, sender=self, dispatch_uid="cache-tables")
