"""allauth's sign-up form as the site shows it (ACCOUNT_FORMS["signup"]).

A module of its own: allauth's form module imports SignupExtraForm from forms.py
while it loads, so this subclass cannot live there.
"""

from allauth.account import forms as allauth_forms
from django.contrib.auth import password_validation


class SignupForm(allauth_forms.SignupForm):
    """allauth's sign-up form with the password rules as one calm line, not four bullets."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "password1" in self.fields:
            self.fields["password1"].help_text = password_rules()


def password_rules():
    """The configured password validators, said in one sentence."""
    lengths = [
        validator.min_length
        for validator in password_validation.get_default_password_validators()
        if isinstance(validator, password_validation.MinimumLengthValidator)
    ]
    start = f"At least {lengths[0]} characters" if lengths else "Anything you will remember"
    return f"{start}; not a common password, not only numbers, and not like your email."
