from django.utils.html import conditional_escape, escape, format_html
from django.utils.safestring import mark_safe

def a(request):
    return mark_safe("<br>")

def b(request):
    return mark_safe(f"<b>{escape(request.GET['q'])}</b>")

def c(request):
    return format_html("<b>{}</b>", request.GET["q"])

def d(value):
    return mark_safe("<p>%s</p>" % conditional_escape(value))

def e(value, autoescape=True):
    esc = conditional_escape if autoescape else (lambda text: text)
    return mark_safe(f"<span>{esc(value)}</span>")

def f(n):
    count = int(n)
    return mark_safe(f"<span>{count}</span>")
