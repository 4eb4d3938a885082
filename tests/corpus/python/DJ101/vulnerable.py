from django.db import connection, connections
from django.db.models.expressions import RawSQL
from .models import Product

def a(request):
    q = request.GET["q"]
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT * FROM p WHERE name = '{q}'")

def b(request):
    cur = connection.cursor()
    cur.execute("SELECT * FROM p WHERE id = %s" % request.GET["id"])

def c(request):
    sql = "SELECT * FROM p WHERE name = '" + request.POST["n"] + "'"
    connections["default"].cursor().execute(sql)

def d(request):
    return Product.objects.raw("SELECT * FROM p WHERE slug = '{}'".format(request.GET["s"]))

def e(request):
    return Product.objects.extra(where=[f"price < {request.GET['max']}"])

def f(request):
    return Product.objects.annotate(x=RawSQL("SELECT %s" % request.GET["col"], ()))

def g(name):
    with connection.cursor() as cursor:
        cursor.execute(f"DELETE FROM p WHERE name = '{name}'")
