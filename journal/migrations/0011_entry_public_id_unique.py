import uuid

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("journal", "0010_entry_public_id_fill"),
    ]

    operations = [
        migrations.AlterField(
            model_name="entry",
            name="public_id",
            field=models.UUIDField(default=uuid.uuid4, editable=False, unique=True),
        ),
    ]
