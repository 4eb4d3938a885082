"""SQL helpers shared by the report views."""
from django.db import connection

CUSTOMER_ORDERS = "SELECT o.id, o.total FROM orders_order o JOIN auth_user u ON u.id = o.user_id WHERE u.email = "


def orders_for_customer(email):
    with connection.cursor() as cursor:
        cursor.execute(CUSTOMER_ORDERS + "'%s'" % email)
        return cursor.fetchall()


def orders_for_customer_safe(email):
    with connection.cursor() as cursor:
        cursor.execute(CUSTOMER_ORDERS + "%s", [email])
        return cursor.fetchall()
