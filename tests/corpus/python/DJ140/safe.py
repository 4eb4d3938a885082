import json
import pickle
from django.core import signing

def a(request):
    return json.loads(request.body)

def b(request):
    return signing.loads(request.COOKIES["cart"], salt="cart")

def c(obj):
    return pickle.dumps(obj)

def d():
    return pickle.loads(b"\x80\x04K\x01.")

def e(request):
    return json.loads(request.COOKIES["prefs"])

def f(obj):
    # Django's test runner: check that an object survives pickling (the bytes are made right here).
    return pickle.loads(pickle.dumps(obj))
