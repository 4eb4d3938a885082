from django.conf import settings
from django.contrib.auth import hashers
from django.contrib.auth.hashers import MD5PasswordHasher, get_hasher, make_password
from django.test import override_settings

LEGACY = "unsalted_md5"


def set_pin(profile, form):
    profile.pin_hash = make_password(form.cleaned_data["pin"], hasher="md5")  # expect: DJ402


def import_user(row):
    return make_password(row["password"], None, "sha1")  # expect: DJ402


def legacy(row):
    return hashers.make_password(row["password"], hasher=LEGACY)  # expect: DJ402


def encode_fast(password):
    return get_hasher("unsalted_sha1").encode(password, "")  # expect: DJ402


def encode_direct(password, salt):
    return MD5PasswordHasher().encode(password, salt)  # expect: DJ402


@override_settings(PASSWORD_HASHERS=["django.contrib.auth.hashers.CryptPasswordHasher"])  # expect: DJ402
def batch_job():
    pass


def configure_standalone():
    settings.configure(PASSWORD_HASHERS=("django.contrib.auth.hashers.SHA1PasswordHasher",))  # expect: DJ402


def at_runtime():
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.UnsaltedMD5PasswordHasher"]  # expect: DJ402


# ---- safe look-alikes ----

def set_pin_default(profile, form):
    profile.pin_hash = make_password(form.cleaned_data["pin"])


def strong(password):
    return make_password(password, hasher="argon2")


def default_hasher(password):
    return get_hasher().encode(password, get_hasher().salt())


def pbkdf2_first():
    settings.configure(PASSWORD_HASHERS=[
        "django.contrib.auth.hashers.PBKDF2PasswordHasher",
        "django.contrib.auth.hashers.MD5PasswordHasher",
    ])


def unusable():
    return make_password(None)


def identify(encoded):
    return get_hasher("default").algorithm
