# No journal model is registered here: entries, check-ins and the rest are readable by
# their owner alone, never through the admin.
from journal.accounts.admin import PrivateUserAdmin  # noqa: F401  (registers it)
