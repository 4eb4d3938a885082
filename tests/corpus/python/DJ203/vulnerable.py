from django.utils.html import format_html

def a(request):
    return format_html(f"<b>{request.GET['q']}</b>")

def b(name):
    return format_html(f'<span class="badge">{name}</span>')

def c(user):
    return format_html("<a href='%s'>x</a>" % user.url)

def d(title):
    return format_html("<h1>{}</h1>".format(title))

def e(a, b):
    return format_html("<p>" + a + b + "</p>")
