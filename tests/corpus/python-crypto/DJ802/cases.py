import re

from django.core.validators import RegexValidator
from django.urls import path, re_path

urlpatterns = [
    re_path(r"^tags/(?P<tags>([\w-]+,?)+)/$", views.tagged),  # expect: DJ802
    re_path(r"^archive/(?P<path>(\w+/?)*)$", views.archive),  # expect: DJ802
    re_path(r"^tags/(?P<tags>[\w-]+(?:,[\w-]+)*)/$", views.tagged_safe),
    re_path(r"^(?P<year>[0-9]{4})/(?P<slug>[-\w]+)/$", views.article),
    path("about/", views.about),
]

sku_validator = RegexValidator(r"^([A-Z0-9]+[- ]?)+$", "bad sku")  # expect: DJ802
email_like = re.compile(r"^(a+)+$")  # expect: DJ802
words = re.compile(r"^(\s*\w+\s*)*$")  # expect: DJ802
alternation = re.compile(r"(\w|\d)+x")  # expect: DJ802
dots = re.compile(r"(.*a){20}")  # expect: DJ802

# ---- safe look-alikes ----

version = re.compile(r"^(\d+\.)+\d+$")
csv_tags = RegexValidator(r"^([\w-]+,)*[\w-]+$")
atomic = re.compile(r"^(?>a+)+$")
possessive = re.compile(r"^(a++)+$")
verbose = re.compile(r"""
    ^(a+)+$   # verbose patterns are not judged
""", re.VERBOSE)
disjoint_alternation = re.compile(r"(a|b)+c")
