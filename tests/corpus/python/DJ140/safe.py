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
