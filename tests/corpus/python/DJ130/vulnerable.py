def a(request):
    return eval(request.GET["expr"])

def b(request):
    exec(request.POST["code"])

def c(request):
    code = compile(request.body, "<req>", "exec")
    return code

def d(request):
    expr = "1 + " + request.GET["n"]
    return eval(expr)

def e(text):
    return eval(text)

def f(path):
    with open(path) as handle:
        source = handle.read()
    exec(compile(source, path, "exec"))
