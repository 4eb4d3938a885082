from django.db import connection
from django.db.models.expressions import RawSQL
from .models import Product

TABLE = "catalog_product"
ORDER = {"price": "price", "name": "name"}

def a(request):
    with connection.cursor() as cursor:
        cursor.execute("SELECT * FROM p WHERE name = %s", [request.GET["q"]])

def b(request):
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT * FROM {TABLE} WHERE id = %s", [request.GET["id"]])

def c(request):
    column = ORDER.get(request.GET.get("o"), "name")
    return Product.objects.raw("SELECT * FROM p ORDER BY " + column)

def d(request):
    return Product.objects.extra(where=["price < %s"], params=[request.GET["max"]])

def e(request):
    return RawSQL("SELECT id FROM p WHERE id = %s", (request.GET["id"],))

def f(request):
    n = int(request.GET["n"])
    with connection.cursor() as cursor:
        cursor.execute("SELECT * FROM p LIMIT %d" % n)

def g(request, ops):
    with connection.cursor() as cursor:
        cursor.execute("SELECT * FROM %s" % ops.quote_name(request.GET["t"]))

def h(db):
    db.execute("SELECT 1")
