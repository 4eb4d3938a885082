from django.urls import path, re_path

from . import staff, views

app_name = "catalog"

urlpatterns = [
    path("", views.product_list, name="product_list"),
    path("search/", views.search, name="search"),
    path("search/autocomplete/", views.autocomplete, name="autocomplete"),
    path("search/best/", views.best_match, name="best_match"),
    path("prices/", views.price_range, name="price_range"),
    path("sale/", views.on_sale, name="on_sale"),
    path("category/<slug:slug>/", views.category_products, name="category"),
    re_path(r"^tags/(?P<tags>([\w-]+,?)+)/$", views.tagged, name="tagged"),
    path("product/<slug:slug>/", views.product_detail, name="product_detail"),
    path("product/<slug:slug>/review/", views.add_review, name="add_review"),
    path("review/<int:pk>/delete/", views.delete_review, name="delete_review"),
    path("review/<int:pk>/remove/", views.delete_own_review, name="delete_own_review"),
    path("share/", views.share_preview, name="share_preview"),
    path("share/plain/", views.share_preview_plain, name="share_preview_plain"),
    path("currency/", views.set_currency, name="set_currency"),
    path("photo/", views.product_photo, name="product_photo"),
    path("photo/<int:pk>/", views.product_photo_by_id, name="product_photo_by_id"),
    path("staff/", staff.staff_dashboard, name="staff_dashboard"),
    path("staff/stock/<int:pk>/", staff.update_stock, name="update_stock"),
    path("staff/photo/<int:pk>/import/", staff.import_photo_from_url, name="import_photo"),
    path("staff/photo/<int:pk>/thumbnail/", staff.make_thumbnail, name="make_thumbnail"),
    path("staff/photo/<int:pk>/preset/", staff.make_thumbnail_preset, name="make_thumbnail_preset"),
    path("staff/feed/", staff.import_supplier_feed, name="import_feed"),
    path("staff/categories/", staff.import_category_file, name="import_categories"),
]
