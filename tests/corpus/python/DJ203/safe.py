from django.utils.html import format_html

CSS = "badge"

def a(name):
    return format_html('<span class="badge">{}</span>', name)

def b(name):
    return format_html(f'<span class="{CSS}">{{}}</span>', name)

def c(url, label):
    return format_html("<a href='{}'>{}</a>", url, label)

def d():
    return format_html("<br>")

def e(template, name):
    return format_html(template, name)
