# Inter-procedural: request data reaches raw SQL through a helper of the same module or a self method.
from django.db import connection
from django.views import View


def run_search(term):
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT id FROM p WHERE name = '{term}'")  # helper itself: unknown data (warning)
        return cursor.fetchall()


def search(request):
    return run_search(request.GET["q"])  # request data into the helper's SQL


def by_category(request):
    category = request.GET.get("c", "")
    rows = run_search(category.strip())  # still request data after strip()
    return rows


def where_clause(column, value):
    return f"{column} = '{value}'"


def filtered(request):
    sql = "SELECT * FROM p WHERE " + where_clause("name", request.GET["name"])
    with connection.cursor() as cursor:
        cursor.execute(sql)  # the helper returns the request data inside SQL text


def wrapper(value):
    return run_search(value)  # a helper calling a helper: unknown here


def deep(request):
    return wrapper(request.POST["q"])  # two calls deep


class ReportView(View):
    def query(self, status):
        with connection.cursor() as cursor:
            cursor.execute("SELECT * FROM o WHERE status = '%s'" % status)  # unknown data (warning)

    def get(self, request):
        return self.query(request.GET["status"])  # through a method called on self
