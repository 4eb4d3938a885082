from django.urls import path

from . import reports, views

app_name = "orders"

urlpatterns = [
    path("cart/", views.cart, name="cart"),
    path("cart/add/", views.cart_add, name="cart_add"),
    path("cart/update/", views.cart_update, name="cart_update"),
    path("wishlist/", views.wishlist, name="wishlist"),
    path("checkout/", views.checkout, name="checkout"),
    path("continue/", views.continue_shopping, name="continue_shopping"),
    path("history/", views.order_history, name="order_history"),
    path("track/", views.track, name="track"),
    path("invoice/", views.invoice_by_name, name="invoice_by_name"),
    path("<int:pk>/", views.order_detail, name="order_detail"),
    path("<int:pk>/cancel/", views.cancel_order, name="cancel_order"),
    path("<int:pk>/invoice/", views.invoice, name="invoice"),
    path("<int:pk>/gift-message/", views.gift_message_preview, name="gift_message_preview"),
    path("<int:pk>/gift-card/", views.gift_card_preview, name="gift_card_preview"),
    path("webhooks/payment/", views.payment_webhook, name="payment_webhook"),
    path("webhooks/carrier/", views.carrier_webhook, name="carrier_webhook"),
    path("reports/sales/", reports.sales_by_status, name="sales_by_status"),
    path("reports/daily/", reports.daily_sales, name="daily_sales"),
    path("reports/customers/", reports.top_customers, name="top_customers"),
    path("reports/stock/", reports.stock_report, name="stock_report"),
    path("reports/skus/", reports.sku_lookup, name="sku_lookup"),
    path("reports/skus/contains/", reports.sku_contains, name="sku_contains"),
    path("reports/export/", reports.export_stock_csv, name="export_stock_csv"),
    path("reports/compress/", reports.compress_export, name="compress_export"),
    path("reports/archive/", reports.archive_exports, name="archive_exports"),
    path("reports/customer/", reports.customer_orders, name="customer_orders"),
    path("reports/customer/checked/", reports.customer_orders_checked, name="customer_orders_checked"),
]
