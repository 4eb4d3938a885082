from django.template import Context, Template
from django.template.loader import render_to_string

def a(request):
    return Template("<p>{{ msg }}</p>").render(Context({"msg": request.POST["msg"]}))

def b(request):
    return render_to_string("card.html", {"message": request.POST["m"]})

def c(template_text):
    return Template(template_text)

def d(request):
    return Template("Hello {{ name }}")

def e(request):
    name = request.GET["name"]
    return Template("<b>{{ name }}</b>").render(Context({"name": name}))
