import base64
import marshal
import pickle

def a(request):
    return pickle.loads(base64.b64decode(request.COOKIES["cart"]))

def b(request):
    return pickle.loads(request.body)

def c(request):
    return marshal.loads(request.FILES["f"].read())

def d(blob):
    return pickle.loads(blob)

def e(request):
    data = request.POST["state"].encode()
    return pickle.loads(data)
