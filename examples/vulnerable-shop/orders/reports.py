"""Sales reports for the staff back office."""
import csv
import logging
import os
import re
import subprocess
import traceback

from django.conf import settings
from django.contrib.admin.views.decorators import staff_member_required
from django.db import connection
from django.http import HttpResponse
from django.shortcuts import render

from catalog.models import Product

from .queries import orders_for_customer, orders_for_customer_safe

logger = logging.getLogger(__name__)

REPORT_ORDERING = {"day": "day", "count": "orders DESC", "revenue": "revenue DESC"}


@staff_member_required
def sales_by_status(request):
    status = request.GET.get("status", "paid")
    with connection.cursor() as cursor:
        cursor.execute("SELECT date_trunc('day', created) AS day, COUNT(*), SUM(total) FROM orders_order WHERE status = '%s' GROUP BY day ORDER BY day" % status)
        rows = cursor.fetchall()
    return render(request, "orders/report.html", {"rows": rows, "title": f"Sales ({status})"})


@staff_member_required
def daily_sales(request):
    since = request.GET.get("since", "2024-01-01")
    ordering = REPORT_ORDERING.get(request.GET.get("order", ""), "day")
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT date_trunc('day', created) AS day, COUNT(*) AS orders, SUM(total) AS revenue "
            "FROM orders_order WHERE created >= %s GROUP BY day ORDER BY " + ordering,
            [since],
        )
        rows = cursor.fetchall()
    return render(request, "orders/report.html", {"rows": rows, "title": "Daily sales"})


@staff_member_required
def top_customers(request):
    limit = request.GET.get("limit", "10")
    with connection.cursor() as cursor:
        cursor.execute("SELECT user_id, COUNT(*), SUM(total) FROM orders_order GROUP BY user_id ORDER BY 3 DESC LIMIT {}".format(limit))
        rows = cursor.fetchall()
    return render(request, "orders/report.html", {"rows": rows, "title": "Top customers"})


@staff_member_required
def stock_report(request):
    order_by = request.GET.get("order_by", "stock")
    sql = "SELECT sku, name, stock FROM catalog_product WHERE is_active ORDER BY " + order_by
    try:
        with connection.cursor() as cursor:
            cursor.execute(sql)
            rows = cursor.fetchall()
    except Exception:
        return HttpResponse(traceback.format_exc(), content_type="text/plain", status=500)
    return render(request, "orders/report.html", {"rows": rows, "title": "Stock"})


@staff_member_required
def sku_lookup(request):
    pattern = re.compile(request.GET.get("pattern", ""), re.IGNORECASE)
    skus = [sku for sku in Product.objects.values_list("sku", flat=True) if pattern.search(sku)]
    return render(request, "orders/report.html", {"rows": [(sku,) for sku in skus], "title": "SKU lookup"})


@staff_member_required
def sku_contains(request):
    needle = re.compile(re.escape(request.GET.get("text", "")), re.IGNORECASE)
    skus = [sku for sku in Product.objects.values_list("sku", flat=True) if needle.search(sku)]
    return render(request, "orders/report.html", {"rows": [(sku,) for sku in skus], "title": "SKU search"})


@staff_member_required
def export_stock_csv(request):
    path = os.path.join(settings.EXPORT_ROOT, "stock.csv")
    with open(path, "w", newline="") as handle:
        writer = csv.writer(handle)
        for row in Product.objects.values_list("sku", "name", "stock"):
            writer.writerow(row)
    return HttpResponse("Export written to stock.csv.", content_type="text/plain")


@staff_member_required
def compress_export(request):
    """Gzips one of the CSV exports so it can be mailed to the accountant."""
    name = request.GET.get("name", "stock.csv")
    os.system("gzip -kf " + os.path.join(settings.EXPORT_ROOT, name))
    return HttpResponse(f"Compressed {os.path.basename(name)}.", content_type="text/plain")


@staff_member_required
def archive_exports(request):
    archive = os.path.join(settings.EXPORT_ROOT, "archive.tar.gz")
    subprocess.run(["tar", "-czf", archive, "-C", str(settings.EXPORT_ROOT), "."], check=True)
    logger.info("export archive written by %s", request.user.username)
    return HttpResponse("Archive written.", content_type="text/plain")


@staff_member_required
def customer_orders(request):
    """Orders of one customer, looked up by e-mail (the SQL is built inside the helper in queries.py)."""
    rows = orders_for_customer(request.GET.get("email", ""))
    return render(request, "orders/report.html", {"rows": rows, "title": "Customer orders"})


@staff_member_required
def customer_orders_checked(request):
    rows = orders_for_customer_safe(request.GET.get("email", ""))
    return render(request, "orders/report.html", {"rows": rows, "title": "Customer orders"})
