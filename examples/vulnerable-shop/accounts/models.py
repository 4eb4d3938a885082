from django.conf import settings
from django.db import models


class Profile(models.Model):
    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="profile")
    display_name = models.CharField(max_length=80, blank=True)
    bio = models.TextField(blank=True)
    website = models.CharField(max_length=200, blank=True)
    theme_color = models.CharField(max_length=32, blank=True, default="#f5f5f5")
    newsletter = models.BooleanField(default=False)
    # Unsalted MD5 hex digest carried over from the old PHP shop; cleared on first login.
    legacy_password_md5 = models.CharField(max_length=32, blank=True)
    reset_code = models.CharField(max_length=64, blank=True)
    reset_code_created = models.DateTimeField(null=True, blank=True)
    email_token = models.CharField(max_length=64, blank=True)

    def __str__(self):
        return self.display_name or self.user.get_username()
