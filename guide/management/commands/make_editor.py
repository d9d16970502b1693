"""Make an existing account an editor of the guide (or, with --remove, stop it being one).

uv run python manage.py make_editor someone@example.org
"""

from allauth.account.utils import filter_users_by_email
from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from guide.apps import EDITORS


class Command(BaseCommand):
    help = "Give an account the Editors group and staff status (the admin's guide pages)."

    def add_arguments(self, parser):
        parser.add_argument("email", help="The email address the person signed up with.")
        parser.add_argument(
            "--remove", action="store_true", help="Take editing away again (not for superusers)."
        )

    @transaction.atomic
    def handle(self, email, remove, **options):
        users = filter_users_by_email(email.strip(), prefer_verified=True)
        if not users:
            raise CommandError(
                f"No account uses {email}. Ask them to sign up on the site first, "
                "then run this again."
            )
        user = users[0]
        group, _ = Group.objects.get_or_create(name=EDITORS)
        if remove:
            user.groups.remove(group)
            if not user.is_superuser:
                user.is_staff = False
                user.save(update_fields=["is_staff"])
            self.stdout.write(f"{email} is no longer an editor.")
            return
        user.groups.add(group)
        user.is_staff = True
        user.save(update_fields=["is_staff"])
        self.stdout.write(
            f"{email} is now an editor. They sign in as usual and open /admin/; where "
            "ADMIN_REQUIRE_MFA is on (production), the admin first asks them to set up "
            "two-factor authentication."
        )
