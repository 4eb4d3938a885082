import json
from django.utils.html import json_script
from django.utils.safestring import mark_safe

def a(data):
    return json_script(data, "data")

def b(data):
    return json.dumps(data)

def c():
    return mark_safe("<br>")

def d(data):
    return {"data": data}

def e(data):
    return mark_safe(json_script(data, "x"))
