import json
from django.utils.safestring import mark_safe, SafeString

def a(data):
    return mark_safe(json.dumps(data))

def b(request):
    return {"x": mark_safe(json.dumps({"q": request.GET["q"]}))}

def c(items):
    return SafeString(json.dumps(items))

def d(product):
    return mark_safe(json.dumps([product.name]))

def e(obj):
    ctx = {"json": mark_safe(json.dumps(obj, indent=2))}
    return ctx
