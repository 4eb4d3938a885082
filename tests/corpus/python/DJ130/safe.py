import ast

def a(request):
    return int(request.GET["n"])

def b(request):
    return ast.literal_eval(request.GET["v"])

def c(request):
    return eval("1 + 2")

def d(obj):
    return obj.eval(request_data=1)

def e(request):
    n = float(request.GET["n"])
    return eval(f"{n} * 2")
