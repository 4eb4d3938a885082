# Safe look-alikes: the helper sanitises or parameterises what it gets; nothing may be reported.
from django.db import connection
from django.views import View


def run_search(term):
    with connection.cursor() as cursor:
        cursor.execute("SELECT id FROM p WHERE name = %s", [term])
        return cursor.fetchall()


def search(request):
    return run_search(request.GET["q"])


def by_id(pk):
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT * FROM p WHERE id = {int(pk)}")


def detail(request):
    return by_id(request.GET["id"])


def as_number(value):
    return int(value)


def limited(request):
    n = as_number(request.GET["n"])
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT * FROM p LIMIT {n}")


SORTS = {"price": "price", "name": "name"}


def order_column(choice):
    if choice in SORTS:
        return choice
    return "name"


def ordered(request):
    column = order_column(request.GET.get("o"))
    with connection.cursor() as cursor:
        cursor.execute("SELECT * FROM p ORDER BY " + column)


class ReportView(View):
    def query(self, status):
        with connection.cursor() as cursor:
            cursor.execute("SELECT * FROM o WHERE status = %s", [status])

    def get(self, request):
        return self.query(request.GET["status"])
