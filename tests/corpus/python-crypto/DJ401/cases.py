import hashlib
import hashlib as hl
from hashlib import md5, sha1


def check_legacy(user, password):
    digest = hashlib.md5(password.encode("utf-8")).hexdigest()  # expect: DJ401
    return digest == user.profile.legacy_hash


def store(user, form):
    user.profile.password_sha1 = hashlib.sha1(form.cleaned_data["new_password"].encode()).hexdigest()  # expect: DJ401


def aliased(pwd):
    return hl.md5(pwd.encode()).hexdigest()  # expect: DJ401


def imported_name(raw):
    password_hash = md5(raw).hexdigest()  # expect: DJ401
    return password_hash


def via_new(passwd):
    return hashlib.new("md5", passwd.encode()).hexdigest()  # expect: DJ401


def via_update(password):
    h = sha1()  # expect: DJ401
    h.update(password.encode())
    return h.hexdigest()


# ---- safe look-alikes ----

def cache_key(url):
    return "page:" + hashlib.md5(url.encode()).hexdigest()


def etag(content):
    return '"%s"' % hashlib.sha1(content).hexdigest()


def fingerprint_password_file(path):
    # usedforsecurity=False says this is not a security use.
    return hashlib.md5(path.read_bytes(), usedforsecurity=False).hexdigest()


def strong(password):
    from django.contrib.auth.hashers import make_password
    return make_password(password)


def file_checksum(chunk):
    return hashlib.new("sha256", chunk).hexdigest()


def avatar_url(email):
    return "https://www.gravatar.com/avatar/" + hashlib.md5(email.lower().encode()).hexdigest()
