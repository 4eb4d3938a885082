import random
import random as rnd
from random import choice, randint
import string

ALPHABET = string.ascii_letters + string.digits


def _new_reset_code(length=32):
    return "".join(random.choice(ALPHABET) for _ in range(length))  # expect: DJ410


def make_otp():
    otp = random.randint(100000, 999999)  # expect: DJ410
    return otp


def api_token():
    token = "%032x" % rnd.getrandbits(128)  # expect: DJ410
    return token


def invite(user):
    return Invite.objects.create(user=user, token=str(random.random()))  # expect: DJ410


def salt_for(user):
    salt = "".join(choice(ALPHABET) for _ in range(12))  # expect: DJ410
    return salt


def pin():
    verification_code = randint(1000, 9999)  # expect: DJ410
    return verification_code


def new_password_for(user):
    password = "".join(random.sample(ALPHABET, 12))  # expect: DJ410
    user.set_password(password)


# ---- safe look-alikes ----

def featured(products):
    return random.sample(list(products), k=4)


def shuffle_catalog(items):
    random.shuffle(items)
    return items


def ab_bucket(user):
    variant = random.choice(["A", "B"])
    return variant


def jitter():
    delay = random.uniform(0.5, 1.5)
    return delay


def secure_token():
    import secrets
    token = secrets.token_urlsafe(32)
    return token


def system_random_code():
    reset_code = random.SystemRandom().randint(100000, 999999)
    return reset_code
