from django.utils.safestring import mark_safe, SafeString
from django.utils.safestring import mark_safe as ms

def a(request):
    return mark_safe(f"<b>{request.GET['q']}</b>")

def b(request):
    return SafeString("<i>" + request.POST["name"] + "</i>")

def c(request):
    return ms(request.GET["html"])

def d(value):
    return mark_safe("<p>%s</p>" % value)

def e(items):
    return mark_safe("".join(f"<li>{i}</li>" for i in items))
