from django.template import Context, Template, engines
import jinja2

def a(request):
    return Template(request.POST["tpl"]).render(Context({}))

def b(request):
    return engines["django"].from_string(request.GET["t"])

def c(request):
    return jinja2.Template(request.POST["t"])

def d(request):
    source = "<p>" + request.POST["body"] + "</p>"
    return Template(source)

def e(request):
    return Template(template_string=request.GET["t"])
