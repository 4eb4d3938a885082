import hashlib

from django.contrib.auth import get_user_model
from django.contrib.auth.backends import ModelBackend
from django.utils.crypto import constant_time_compare


class LegacyPasswordBackend(ModelBackend):
    """Signs in customers migrated from the old shop and upgrades their hash."""

    def authenticate(self, request, username=None, password=None, **kwargs):
        if not username or not password:
            return None
        User = get_user_model()
        try:
            user = User.objects.select_related("profile").get(username=username)
        except User.DoesNotExist:
            return None
        legacy = user.profile.legacy_password_md5
        if not legacy:
            return None
        digest = hashlib.md5(password.encode("utf-8")).hexdigest()
        if constant_time_compare(digest, legacy) and self.user_can_authenticate(user):
            user.set_password(password)
            user.save(update_fields=["password"])
            user.profile.legacy_password_md5 = ""
            user.profile.save(update_fields=["legacy_password_md5"])
            return user
        return None
