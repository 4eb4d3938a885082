#!/usr/bin/env python3
"""Writes examples/vulnerable-shop/EXPECTED.md from the table below.

Each planted problem is located by a snippet of its line (optionally the first match after an
anchor line), so the line numbers in EXPECTED.md stay exact when the example is edited: rerun
this script after every change to the example. `--check` exits 1 if EXPECTED.md is stale;
`--json` prints the same table as JSON on stdout.
It only reads the example's files; it never imports or runs them.
"""
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent / "vulnerable-shop"

# OWASP Top 10 ids.
BAC = ("A01:2021", "A01:2025")            # Broken Access Control
CRYPTO = ("A02:2021", "A04:2025")         # Cryptographic Failures
INJ = ("A03:2021", "A05:2025")            # Injection
DESIGN = ("A04:2021", "A06:2025")         # Insecure Design
MISCONF = ("A05:2021", "A02:2025")        # Security Misconfiguration
COMPONENTS = ("A06:2021", "A03:2025")     # Vulnerable and Outdated Components / Software Supply Chain Failures
AUTHN = ("A07:2021", "A07:2025")          # Identification and Authentication Failures / Authentication Failures
INTEGRITY = ("A08:2021", "A08:2025")      # Software and Data Integrity Failures
LOGGING = ("A09:2021", "A09:2025")        # Security Logging and Monitoring / Logging and Alerting Failures
SSRF = ("A10:2021", "A01:2025")           # SSRF (merged into Broken Access Control in 2025)
ERRORS = ("A04:2021", "A10:2025")         # error details: Insecure Design / Mishandling of Exceptional Conditions


def loc(path, snippet, after=None):
    return (path, snippet, after)


# (area, problem, owasp, cwe, location, safe twin location or None, note[, alternative location])
# The alternative location is a second line an analyzer may equally report the problem on.
FINDINGS = [
    # --- SQL injection (DJ100-119)
    ("DJ100-119 SQL", "cursor.execute with an f-string built from request.GET", INJ, "CWE-89",
     loc("catalog/views.py", "cursor.execute(f\"SELECT id, name, slug, price"),
     loc("catalog/views.py", "cursor.execute(", after="def autocomplete"), ""),
    ("DJ100-119 SQL", "cursor.execute with %-formatting of request.GET", INJ, "CWE-89",
     loc("orders/reports.py", "WHERE status = '%s' GROUP BY day ORDER BY day\" % status)"),
     loc("orders/reports.py", "cursor.execute(", after="def daily_sales"), ""),
    ("DJ100-119 SQL", "cursor.execute with str.format of request.GET", INJ, "CWE-89",
     loc("orders/reports.py", "LIMIT {}\".format(limit))"),
     loc("orders/reports.py", "cursor.execute(", after="def daily_sales"), ""),
    ("DJ100-119 SQL", "cursor.execute of SQL concatenated (+) with request.GET, via a local variable", INJ, "CWE-89",
     loc("orders/reports.py", "cursor.execute(sql)"),
     loc("orders/reports.py", "cursor.execute(", after="def daily_sales"),
     "the SQL is built with + on the alternative line", loc("orders/reports.py", "sql = \"SELECT sku, name, stock")),
    ("DJ100-119 SQL", "Manager.raw with %-formatted SQL containing request.GET", INJ, "CWE-89",
     loc("catalog/views.py", "Product.objects.raw(\"SELECT * FROM catalog_product WHERE category_id = %s AND name"),
     loc("catalog/views.py", "[category.pk])"), ""),
    ("DJ100-119 SQL", "QuerySet.extra(where=[f-string]) with request.GET", INJ, "CWE-89",
     loc("catalog/views.py", ".extra(where=[f\"price BETWEEN"),
     loc("catalog/views.py", ".extra(where=[\"price <= %s\"], params=[ceiling])"), ""),
    ("DJ100-119 SQL", "RawSQL with str.format of request.GET", INJ, "CWE-89",
     loc("catalog/views.py", "RawSQL(\"POSITION('{}'"),
     loc("catalog/views.py", "RawSQL(\"SELECT COUNT(*) FROM unnest"), ""),
    # --- command injection (DJ120-129)
    ("DJ120-129 command", "subprocess.run(f-string, shell=True) with request.POST", INJ, "CWE-78",
     loc("catalog/staff.py", "shell=True"),
     loc("catalog/staff.py", "subprocess.run([\"convert\""), ""),
    ("DJ120-129 command", "os.system with a command concatenated with request.GET", INJ, "CWE-78",
     loc("orders/reports.py", "os.system(\"gzip -kf \""),
     loc("orders/reports.py", "subprocess.run([\"tar\""), ""),
    # --- code and template injection (DJ130-139)
    ("DJ130-139 code", "eval of request.POST", INJ, "CWE-95",
     loc("orders/views.py", "quantity = eval("),
     loc("orders/views.py", "form = CartLineForm(request.POST)"), "safe twin parses the quantity with a form IntegerField"),
    ("DJ130-139 template", "Template() compiled from request.POST (server-side template injection)", INJ, "CWE-1336",
     loc("orders/views.py", "Template(request.POST.get(\"message\""),
     loc("orders/views.py", "render_to_string(\"orders/gift_card.html\""), ""),
    # --- deserialization (DJ140-149)
    ("DJ140-149 deserialization", "pickle.loads of a cookie", INTEGRITY, "CWE-502",
     loc("orders/views.py", "pickle.loads(base64.b64decode(raw))"),
     loc("orders/views.py", "signing.loads(request.COOKIES.get(\"wishlist\""),
     "source: `request.COOKIES.get(CART_COOKIE)` in the same function"),
    ("DJ140-149 deserialization", "yaml.load with yaml.Loader on data fetched from a remote feed", INTEGRITY, "CWE-502",
     loc("catalog/staff.py", "yaml.load(resp.text, Loader=yaml.Loader)"),
     loc("catalog/staff.py", "yaml.safe_load("), ""),
    # --- SSRF (DJ150-159)
    ("DJ150-159 SSRF", "requests.get of a URL taken from request.POST", SSRF, "CWE-918",
     loc("catalog/staff.py", "requests.get(image_url, timeout=10)"),
     loc("orders/views.py", "requests.get(CARRIER_TRACKING_URL, params="), "safe twin: fixed URL, user data only in params"),
    # --- path traversal (DJ160-169)
    ("DJ160-169 path", "open() of os.path.join(MEDIA_ROOT, request.GET[...]) returned in a FileResponse", BAC, "CWE-22",
     loc("catalog/views.py", "return FileResponse(open(path, \"rb\"))"),
     loc("catalog/views.py", "return FileResponse(product.image.open(\"rb\"))"),
     "the path is built with os.path.join on the alternative line", loc("catalog/views.py", "path = os.path.join(settings.MEDIA_ROOT")),
    ("DJ160-169 path", "FileResponse(open(os.path.join(INVOICE_ROOT, request.GET[...])))", BAC, "CWE-22",
     loc("orders/views.py", "FileResponse(open(os.path.join(settings.INVOICE_ROOT, filename)"),
     loc("orders/views.py", "FileResponse(order.invoice.open(\"rb\")"), ""),
    ("DJ160-169 path", "django.views.static.serve routed in the project URLconf", BAC, "CWE-552",
     loc("shop/urls.py", "re_path(r\"^media/(?P<path>.*)$\", serve"), None,
     "Django: serve() is for development only (use static() which is a no-op when DEBUG is False)"),
    # --- XSS in Python (DJ200-219)
    ("DJ200-219 XSS", "mark_safe of an f-string containing request.GET", INJ, "CWE-79",
     loc("catalog/views.py", "banner = mark_safe(f\"Showing"),
     loc("catalog/views.py", "heading = format_html(\"Everything under"),
     "shown by `{{ banner }}` in catalog/search.html"),
    ("DJ200-219 XSS", "mark_safe(json.dumps(...)) rendered into a <script> (json.dumps does not escape </script>)", INJ, "CWE-79",
     loc("catalog/views.py", "mark_safe(json.dumps(gallery))"),
     loc("catalog/templates/catalog/product_detail.html", "json_script:\"product-data\""), ""),
    ("DJ200-219 XSS", "format_html given an already formatted f-string (the free-text display name is not escaped)", INJ, "CWE-79",
     loc("catalog/templatetags/catalog_extras.py", "format_html(f'<span class=\"badge\">"),
     loc("catalog/templatetags/catalog_extras.py", "format_html('<span class=\"price\" data-currency=\"{}\">{}</span>'"),
     "another safe twin: `heading = format_html(...)` in catalog/views.py on_sale"),
    ("DJ200-219 XSS", "HttpResponse (text/html) containing request.GET", INJ, "CWE-79",
     loc("catalog/views.py", "return HttpResponse(\"<p>Your friend will see: \" + note + \"</p>\")"),
     loc("catalog/views.py", "escape(note)"), ""),
    ("DJ200-219 XSS", "template filter registered is_safe=True returns mark_safe of unescaped input", INJ, "CWE-79",
     loc("catalog/templatetags/catalog_extras.py", "return mark_safe(\"\".join(f\"<p>{block}</p>\""),
     loc("catalog/templatetags/catalog_extras.py", "@register.filter(needs_autoescape=True)"),
     "used as `review.body|paragraphs` in product_detail.html",
     loc("catalog/templatetags/catalog_extras.py", "@register.filter(is_safe=True)")),
    # --- open redirect (DJ300-309)
    ("DJ300-309 redirect", "HttpResponseRedirect to request.POST['next']", BAC, "CWE-601",
     loc("catalog/views.py", "return HttpResponseRedirect(request.POST.get(\"next\""),
     loc("accounts/views.py", "return redirect(next_url)"), "safe twin is guarded by url_has_allowed_host_and_scheme"),
    ("DJ300-309 redirect", "redirect() to request.GET['next'] after logout", BAC, "CWE-601",
     loc("accounts/views.py", "return redirect(request.GET.get(\"next\", \"/\"))"),
     loc("accounts/views.py", "return redirect(next_url)"), ""),
    ("DJ300-309 redirect", "is_safe_url: removed in Django 4.0 (ImportError at runtime); use url_has_allowed_host_and_scheme", BAC, "CWE-601",
     loc("orders/views.py", "if not is_safe_url(target"),
     loc("accounts/views.py", "if url_has_allowed_host_and_scheme(next_url"),
     "the import may be reported too (CWE-477, obsolete function)",
     loc("orders/views.py", "from django.utils.http import is_safe_url")),
    # --- CSRF (DJ310-329)
    ("DJ310-329 CSRF", "@csrf_exempt on a view that changes the signed-in user's e-mail", BAC, "CWE-352",
     loc("accounts/views.py", "@csrf_exempt"),
     loc("accounts/views.py", "def newsletter_opt_out"), ""),
    ("DJ310-329 CSRF", "<form method=\"post\"> without {% csrf_token %} (review form)", BAC, "CWE-352",
     loc("catalog/templates/catalog/product_detail.html", "class=\"review-form\""),
     loc("orders/templates/orders/cart.html", "<form action=\"{% url 'orders:cart_update' %}\" method=\"post\""), ""),
    ("DJ310-329 CSRF", "<form method=\"post\"> without {% csrf_token %} (change e-mail)", BAC, "CWE-352",
     loc("accounts/templates/accounts/change_email.html", "<form method=\"post\">"),
     loc("accounts/templates/accounts/edit_profile.html", "<form method=\"post\">"), ""),
    ("DJ310-329 CSRF", "production MIDDLEWARE redefined without CsrfViewMiddleware (security.W003)", MISCONF, "CWE-352",
     loc("shop/settings/production.py", "MIDDLEWARE = ["),
     loc("shop/settings/base.py", "\"django.middleware.csrf.CsrfViewMiddleware\","), ""),
    # --- clickjacking (DJ330-339)
    ("DJ330-339 clickjacking", "@xframe_options_exempt on the checkout", DESIGN, "CWE-1021",
     loc("orders/views.py", "@xframe_options_exempt"), None, ""),
    ("DJ330-339 clickjacking", "X_FRAME_OPTIONS = \"ALLOWALL\" (not DENY/SAMEORIGIN; browsers ignore it)", MISCONF, "CWE-1021",
     loc("shop/settings/production.py", "X_FRAME_OPTIONS = \"ALLOWALL\""), None, ""),
    # --- crypto, randomness, timing, TLS, secrets (DJ4xx)
    ("DJ4xx crypto", "hashlib.md5 of a password", CRYPTO, "CWE-916",
     loc("accounts/backends.py", "hashlib.md5(password.encode(\"utf-8\"))"), None,
     "checks unsalted MD5 hashes migrated from an old shop"),
    ("DJ4xx randomness", "random.choice builds a password-reset code", CRYPTO, "CWE-338",
     loc("accounts/views.py", "random.choice(RESET_CODE_ALPHABET)"),
     loc("accounts/views.py", "secrets.token_urlsafe(32)"), ""),
    ("DJ4xx timing", "HMAC signature compared with ==", CRYPTO, "CWE-208",
     loc("orders/views.py", "if signature == expected:"),
     loc("orders/views.py", "if not constant_time_compare(signature, expected):"), ""),
    ("DJ4xx TLS", "requests.get(..., verify=False)", AUTHN, "CWE-295",
     loc("catalog/staff.py", "verify=False"),
     loc("catalog/staff.py", "SUPPLIER_FEED_URL.replace("), ""),
    ("DJ4xx secrets", "hard-coded SECRET_KEY (django-insecure-...)", CRYPTO, "CWE-321",
     loc("shop/settings/base.py", "SECRET_KEY = \"django-insecure-"), None, ""),
    ("DJ4xx secrets", "hard-coded database password", AUTHN, "CWE-798",
     loc("shop/settings/base.py", "\"PASSWORD\": \"Sh0p-Adm1n-2024!\""),
     loc("shop/settings/production.py", "DATABASES[\"default\"][\"PASSWORD\"] = os.environ[\"DB_PASSWORD\"]"), ""),
    # --- settings / deployment (DJ5xx); production.py is loaded by wsgi.py
    ("DJ5xx settings", "DEBUG = True in production settings (security.W018)", MISCONF, "CWE-489",
     loc("shop/settings/production.py", "DEBUG = True"),
     loc("shop/settings/base.py", "DEBUG = False"), "local.py DEBUG = True is not a finding"),
    ("DJ5xx settings", "ALLOWED_HOSTS = [\"*\"] (Host header poisoning)", MISCONF, "CWE-20",
     loc("shop/settings/production.py", "ALLOWED_HOSTS = [\"*\"]"),
     loc("shop/settings/base.py", "ALLOWED_HOSTS = ["), ""),
    ("DJ5xx settings", "SECRET_KEY falls back to a short constant when the variable is unset (security.W009)", MISCONF, "CWE-1391",
     loc("shop/settings/production.py", "SECRET_KEY = os.environ.get("), None, ""),
    ("DJ5xx settings", "SECURE_SSL_REDIRECT = False (security.W008)", MISCONF, "CWE-319",
     loc("shop/settings/production.py", "SECURE_SSL_REDIRECT = False"), None, ""),
    ("DJ5xx settings", "SECURE_HSTS_SECONDS = 0 (security.W004)", MISCONF, "CWE-319",
     loc("shop/settings/production.py", "SECURE_HSTS_SECONDS = 0"), None, ""),
    ("DJ5xx settings", "SESSION_COOKIE_SECURE = False (security.W012)", MISCONF, "CWE-614",
     loc("shop/settings/production.py", "SESSION_COOKIE_SECURE = False"), None, ""),
    ("DJ5xx settings", "CSRF_COOKIE_SECURE = False (security.W016)", MISCONF, "CWE-614",
     loc("shop/settings/production.py", "CSRF_COOKIE_SECURE = False"), None, ""),
    ("DJ5xx settings", "AUTH_PASSWORD_VALIDATORS = [] (no password policy)", AUTHN, "CWE-521",
     loc("shop/settings/production.py", "AUTH_PASSWORD_VALIDATORS = []"),
     loc("shop/settings/base.py", "AUTH_PASSWORD_VALIDATORS = ["), ""),
    ("DJ5xx settings", "DATA_UPLOAD_MAX_MEMORY_SIZE = None (unbounded request bodies)", MISCONF, "CWE-770",
     loc("shop/settings/production.py", "DATA_UPLOAD_MAX_MEMORY_SIZE = None"), None, ""),
    ("DJ5xx settings", "CORS_ALLOW_ALL_ORIGINS = True together with CORS_ALLOW_CREDENTIALS = True", MISCONF, "CWE-942",
     loc("shop/settings/production.py", "CORS_ALLOW_ALL_ORIGINS = True"),
     loc("shop/settings/local.py", "CORS_ALLOWED_ORIGINS = ["), "CORS_ALLOW_CREDENTIALS is on the next line"),
    ("DJ5xx settings", "PASSWORD_HASHERS lists MD5PasswordHasher first (new hashes are MD5)", CRYPTO, "CWE-916",
     loc("shop/settings/production.py", "\"django.contrib.auth.hashers.MD5PasswordHasher\","), None,
     "the same line in local.py (test speed, as Django's docs suggest) is not a finding"),
    ("DJ5xx settings", "SESSION_SERIALIZER = PickleSerializer (RCE if SECRET_KEY leaks)", INTEGRITY, "CWE-502",
     loc("shop/settings/production.py", "SESSION_SERIALIZER = "), None, ""),
    # --- dependencies (DJ6xx)
    ("DJ6xx dependencies", "Django==4.2.14: PYSEC-2024-67, PYSEC-2024-68, PYSEC-2024-69, PYSEC-2024-70, PYSEC-2024-102 (fixed in 4.2.15/4.2.16)", COMPONENTS, "CWE-1395",
     loc("requirements.txt", "Django==4.2.14"), None, ""),
    ("DJ6xx dependencies", "djangorestframework is not pinned", ("A08:2021", "A03:2025"), "CWE-829",
     loc("requirements.txt", "djangorestframework"), None, ""),
    ("DJ6xx dependencies", "Pillow==9.5.0: PYSEC-2023-175, PYSEC-2023-227 (fixed in 10.0.1/10.0.1)", COMPONENTS, "CWE-1395",
     loc("requirements.txt", "Pillow==9.5.0"), None, ""),
    ("DJ6xx dependencies", "requests==2.28.1: PYSEC-2023-74 (CVE-2023-32681, fixed in 2.31.0)", COMPONENTS, "CWE-1395",
     loc("requirements.txt", "requests==2.28.1"), None, ""),
    ("DJ6xx dependencies", "PyYAML==5.3.1: PYSEC-2021-142 (CVE-2020-14343, fixed in 5.4)", COMPONENTS, "CWE-1395",
     loc("requirements.txt", "PyYAML==5.3.1"), None, ""),
    ("DJ6xx dependencies", "Jinja2==2.11.2: PYSEC-2021-66 (CVE-2020-28493, fixed in 2.11.3)", COMPONENTS, "CWE-1395",
     loc("requirements.txt", "Jinja2==2.11.2"), None, ""),
    # --- access control (DJ7xx)
    ("DJ7xx access", "POST view deletes a Review with no login and no owner check", BAC, "CWE-862",
     loc("catalog/views.py", "def delete_review("),
     loc("catalog/views.py", "def delete_own_review("), "", loc("catalog/views.py", "review.delete()", after="def delete_review(")),
    ("DJ7xx access", "staff view saves Product.stock with no login/staff check", BAC, "CWE-862",
     loc("catalog/staff.py", "def update_stock("),
     loc("catalog/staff.py", "def staff_dashboard("), "", loc("catalog/staff.py", "product.save(", after="def update_stock(")),
    ("DJ7xx access", "get_object_or_404(Order, pk=pk) without filtering by request.user (IDOR)", BAC, "CWE-639",
     loc("orders/views.py", "order = get_object_or_404(Order, pk=pk)"),
     loc("orders/views.py", "order = get_object_or_404(Order, pk=pk, user=request.user, status="), ""),
    ("DJ7xx access", "DRF viewset exposes Order.objects.all() to every signed-in user (IDOR)", BAC, "CWE-639",
     loc("orders/api.py", "queryset = Order.objects.all()"),
     loc("orders/api.py", "return Order.objects.filter(user=self.request.user)"), ""),
    ("DJ7xx access", "DRF endpoint that updates stock is AllowAny", BAC, "CWE-306",
     loc("orders/api.py", "@permission_classes([permissions.AllowAny])"),
     loc("orders/api.py", "@permission_classes([permissions.IsAdminUser])"), ""),
    ("DJ7xx access", "login view calls authenticate() with no throttling / lockout", AUTHN, "CWE-307",
     loc("accounts/views.py", "user = authenticate(request, username=username, password=password)"), None,
     "", loc("accounts/views.py", "def login_view(")),
    # --- denial of service, error handling, logging (DJ8xx)
    ("DJ8xx DoS", "re.compile of a pattern from request.GET (ReDoS)", INJ, "CWE-1333",
     loc("orders/reports.py", "pattern = re.compile(request.GET.get(\"pattern\""),
     loc("orders/reports.py", "re.compile(re.escape("), ""),
    ("DJ8xx DoS", "catastrophic-backtracking regex in re_path (nested quantifier)", DESIGN, "CWE-1333",
     loc("catalog/urls.py", "re_path(r\"^tags/"), None, ""),
    ("DJ8xx DoS", "catastrophic-backtracking regex in RegexValidator (nested quantifier)", DESIGN, "CWE-1333",
     loc("catalog/forms.py", "RegexValidator(r\""), None, "note: Django runs every validator, so max_length does not stop it"),
    ("DJ8xx errors", "str(exc) returned in a JSON response", ERRORS, "CWE-209",
     loc("orders/views.py", "JsonResponse({\"error\": str(exc)}"), None, ""),
    ("DJ8xx errors", "traceback.format_exc() returned in a response", ERRORS, "CWE-209",
     loc("orders/reports.py", "HttpResponse(traceback.format_exc()"), None, ""),
    ("DJ8xx errors", "str(exc) returned in a DRF Response", ERRORS, "CWE-209",
     loc("orders/api.py", "Response({\"detail\": str(exc)}"), None, ""),
    ("DJ8xx logging", "logging the whole request.POST (contains the password)", LOGGING, "CWE-532",
     loc("accounts/views.py", "logger.info(\"login attempt: %s\", request.POST)"),
     loc("orders/reports.py", "logger.info(\"export archive written by %s\""), ""),
    ("DJ8xx logging", "logging a password", LOGGING, "CWE-532",
     loc("accounts/views.py", "with password %s\", username, password)"),
     loc("orders/reports.py", "logger.info(\"export archive written by %s\""), ""),
    # --- XSS in templates (DJ220-259)
    ("DJ220-259 template XSS", "variable in a JS string inside <script> without escapejs", INJ, "CWE-79",
     loc("catalog/templates/catalog/product_detail.html", "var productName = \"{{ product.name }}\";"),
     loc("catalog/templates/catalog/product_detail.html", "{{ product.name|escapejs }}"), ""),
    ("DJ220-259 template XSS", "variable in JS code context inside <script>", INJ, "CWE-79",
     loc("catalog/templates/catalog/product_detail.html", "var gallery = {{ gallery_json }};"),
     loc("catalog/templates/catalog/product_detail.html", "json_script:\"product-data\""), ""),
    ("DJ220-259 template XSS", "{{ data|safe }} in JS code context inside <script>", INJ, "CWE-79",
     loc("orders/templates/orders/order_detail.html", "var tracking = {{ tracking_json|safe }};"),
     loc("catalog/templates/catalog/product_detail.html", "json_script:\"product-data\""), ""),
    ("DJ220-259 template XSS", "variable inside an event-handler attribute (onclick)", INJ, "CWE-79",
     loc("catalog/templates/catalog/product_detail.html", "onclick=\"shareProduct('{{ product.name }}')"), None, ""),
    ("DJ220-259 template XSS", "variable inside a style attribute", INJ, "CWE-79",
     loc("accounts/templates/accounts/profile.html", "style=\"background-color: {{ profile.theme_color }}\""), None, ""),
    ("DJ220-259 template XSS", "unquoted attribute value (value={{ q }})", INJ, "CWE-79",
     loc("catalog/templates/catalog/search.html", "value={{ q }}"),
     loc("templates/base.html", "value=\"{{ request.GET.q }}\""), ""),
    ("DJ220-259 template XSS", "user-controlled URL as a whole href (javascript: URLs)", INJ, "CWE-79",
     loc("catalog/templates/catalog/product_detail.html", "href=\"{{ review.website }}\""),
     loc("catalog/templates/catalog/product_detail.html", "href=\"{% url 'catalog:category' product.category.slug %}\""), ""),
    ("DJ220-259 template XSS", "user-controlled URL as a whole href (javascript: URLs)", INJ, "CWE-79",
     loc("accounts/templates/accounts/profile.html", "href=\"{{ profile.website }}\""), None, ""),
    ("DJ220-259 template XSS", "|safe on user content (gift message)", INJ, "CWE-79",
     loc("orders/templates/orders/order_detail.html", "{{ order.gift_message|safe }}"),
     loc("orders/templates/orders/order_detail.html", "{{ order.shipping_address|linebreaksbr }}"), ""),
    ("DJ220-259 template XSS", "user content inside {% autoescape off %}", INJ, "CWE-79",
     loc("accounts/templates/accounts/profile.html", "{{ profile.bio }}"), None,
     "", loc("accounts/templates/accounts/profile.html", "{% autoescape off %}")),
    # --- added later (kept at the end so earlier ids stay stable)
    ("DJ100-119 SQL", "request.GET passed to a helper in another module that %-formats it into cursor.execute (inter-procedural)", INJ, "CWE-89",
     loc("orders/reports.py", "rows = orders_for_customer(request.GET"),
     loc("orders/reports.py", "rows = orders_for_customer_safe(request.GET"),
     "reported at the call; the trace goes through orders/queries.py"),
    ("DJ100-119 SQL", "helper %-formats its parameter into cursor.execute (the same problem seen inside the helper: data of unknown origin)", INJ, "CWE-89",
     loc("orders/queries.py", "cursor.execute(CUSTOMER_ORDERS + \"'%s'\" % email)"),
     loc("orders/queries.py", "cursor.execute(CUSTOMER_ORDERS + \"%s\", [email])"),
     "a warning: inside the helper the e-mail's origin is unknown; the error is reported at the caller (previous row)"),
]

# Code that looks like a problem to a naive scanner but is safe: must NOT be reported.
NOT_FINDINGS = [
    (loc("catalog/views.py", "random.sample("), "random for a product carousel, not for a secret"),
    (loc("catalog/views.py", "[f\"{term}%\"],"), "an f-string passed as a query parameter, not as SQL"),
    (loc("catalog/views.py", "[category.pk])"), "Manager.raw with params"),
    (loc("catalog/views.py", ".extra(where=[\"price <= %s\"], params=[ceiling])"), "extra() with params"),
    (loc("catalog/views.py", "RawSQL(\"SELECT COUNT(*) FROM unnest"), "RawSQL with params"),
    (loc("catalog/views.py", "escape(note)"), "HttpResponse of escaped input"),
    (loc("catalog/views.py", "heading = format_html(\"Everything under"), "format_html with arguments"),
    (loc("catalog/views.py", "return FileResponse(product.image.open(\"rb\"))"), "file chosen by a model lookup"),
    (loc("orders/reports.py", "cursor.execute(", after="def daily_sales"), "+ concatenates a value looked up in a fixed dict; the user value is a param"),
    (loc("orders/reports.py", "content_type=\"text/plain\")", after="def compress_export"), "text/plain response"),
    (loc("orders/reports.py", "subprocess.run([\"tar\""), "argument list, no shell"),
    (loc("catalog/staff.py", "subprocess.run([\"convert\""), "argument list, no shell, size from a fixed dict"),
    (loc("catalog/staff.py", "yaml.safe_load("), "safe YAML loader"),
    (loc("catalog/staff.py", "SUPPLIER_FEED_URL.replace("), "fixed URL from settings, certificate verified"),
    (loc("orders/views.py", "signing.loads(request.COOKIES.get(\"wishlist\""), "signed JSON cookie"),
    (loc("orders/views.py", "requests.get(CARRIER_TRACKING_URL, params="), "fixed URL, user data only in params"),
    (loc("orders/views.py", "if not constant_time_compare(signature, expected):"), "constant-time comparison"),
    (loc("orders/views.py", "render_to_string(\"orders/gift_card.html\""), "user data passed as template context, not template source"),
    (loc("orders/views.py", "FileResponse(order.invoice.open(\"rb\")"), "order filtered by request.user"),
    (loc("orders/views.py", "order = get_object_or_404(Order, pk=pk, user=request.user, status="), "filtered by request.user"),
    (loc("orders/views.py", "@csrf_exempt", after="def continue_shopping"), "payment webhook: server-to-server, HMAC-signed (info at most)"),
    (loc("orders/views.py", "@csrf_exempt", after="def payment_webhook"), "carrier webhook: server-to-server, HMAC-signed (info at most)"),
    (loc("orders/views.py", "def cart_update("), "POST without login that only rewrites the visitor's own cookie"),
    (loc("orders/models.py", "secrets.token_hex(6)"), "secrets module"),
    (loc("orders/api.py", "return Order.objects.filter(user=self.request.user)"), "queryset filtered by user"),
    (loc("accounts/views.py", "secrets.token_urlsafe(32)"), "secrets module"),
    (loc("accounts/views.py", "return redirect(next_url)"), "guarded by url_has_allowed_host_and_scheme"),
    (loc("accounts/views.py", "constant_time_compare(form.cleaned_data[\"code\"]"), "constant-time comparison"),
    (loc("accounts/backends.py", "if constant_time_compare(digest, legacy)"), "constant-time comparison"),
    (loc("catalog/templatetags/catalog_extras.py", "format_html('<span class=\"price\""), "format_html with arguments"),
    (loc("catalog/templatetags/catalog_extras.py", "return mark_safe(f'<span class=\"stars\""), "needs_autoescape filter that escapes its input"),
    (loc("catalog/admin.py", "return format_html('<img"), "format_html with arguments"),
    (loc("shop/settings/base.py", "PAYMENT_WEBHOOK_SECRET = os.environ.get("), "read from the environment"),
    (loc("shop/settings/production.py", "DATABASES[\"default\"][\"PASSWORD\"] = os.environ[\"DB_PASSWORD\"]"), "read from the environment"),
    (loc("shop/settings/local.py", "DEBUG = True"), "development settings (manage.py), never deployed"),
    (loc("shop/settings/local.py", "\"django.contrib.auth.hashers.MD5PasswordHasher\","), "development/test settings"),
    (loc("templates/base.html", "method=\"get\""), "GET form needs no csrf_token"),
    (loc("templates/base.html", "value=\"{{ request.GET.q }}\""), "quoted attribute, autoescaped"),
    (loc("templates/base.html", "?next={{ request.path|urlencode }}\">Sign out"), "variable in the query string of a fixed URL, urlencoded"),
    (loc("catalog/templates/catalog/product_list.html", "data-sku=\"{{ product.sku }}\""), "quoted attribute, autoescaped"),
    (loc("catalog/templates/catalog/product_detail.html", "json_script:\"product-data\""), "json_script"),
    (loc("catalog/templates/catalog/product_detail.html", "{{ product.name|escapejs }}"), "escapejs in a JS string"),
    (loc("catalog/templates/catalog/product_detail.html", "{{ product.description|linebreaks }}"), "linebreaks escapes its input"),
    (loc("orders/templates/orders/cart.html", "<form action=\"{% url 'orders:cart_update' %}\" method=\"post\""), "POST form with csrf_token"),
    (loc("requirements.txt", "django-cors-headers==4.3.1"), "pinned, no advisory"),
]


def find_line(location):
    path, snippet, after = location
    lines = (ROOT / path).read_text(encoding="utf-8").splitlines()
    start = 0
    if after is not None:
        anchors = [i for i, line in enumerate(lines) if after in line]
        if len(anchors) != 1:
            raise SystemExit(f"{path}: anchor {after!r} found {len(anchors)} times")
        start = anchors[0] + 1
        for i in range(start, len(lines)):
            if snippet in lines[i]:
                return i + 1, lines[i].strip()
        raise SystemExit(f"{path}: {snippet!r} not found after {after!r}")
    hits = [i for i, line in enumerate(lines) if snippet in line]
    if len(hits) != 1:
        raise SystemExit(f"{path}: {snippet!r} found {len(hits)} times; make it unique or add an anchor")
    return hits[0] + 1, lines[hits[0]].strip()


def cell(text):
    return text.replace("|", "\\|")


def code(text):
    if len(text) > 90:
        text = text[:87] + "..."
    return "`" + cell(text).replace("`", "'") + "`"


def render():
    out = [
        "# vulnerable-shop: expected findings",
        "",
        "Generated by `examples/tools/expected_findings.py` from the example's files; do not edit by hand,",
        "rerun the script after changing the example (`--check` fails when this file is stale).",
        "",
        "* **Line** is 1-based and is the line of the sink (the dangerous call, setting, attribute or",
        "  requirement), never of the source. **Alt line**, when present, is another line of the same file",
        "  where reporting the same problem is equally right (a decorator, the enclosing def, the source).",
        "* **Safe twin** is the same feature written safely; nothing may be reported on that line.",
        "* **Area** is the rule-id range from docs/architecture.md.",
        "* OWASP ids: Top 10 2021 and Top 10 2025. A `|` inside a cell is written `\\|`.",
        "",
        "| ID | File | Line | Alt line | Area | Problem | OWASP 2021 | OWASP 2025 | CWE | Safe twin | Code | Note |",
        "|---|---|---|---|---|---|---|---|---|---|---|---|",
    ]
    for number, entry in enumerate(FINDINGS, start=1):
        area, problem, owasp, cwe, where, twin, note = entry[:7]
        alt = entry[7] if len(entry) > 7 else None
        line, text = find_line(where)
        alt_text = ""
        if alt is not None:
            if alt[0] != where[0]:
                raise SystemExit(f"alternative line of {where} is in another file")
            alt_text = str(find_line(alt)[0])
        twin_text = ""
        if twin is not None:
            twin_line, _ = find_line(twin)
            twin_text = f"{twin[0]}:{twin_line}"
        out.append(
            f"| VS{number:03d} | {where[0]} | {line} | {alt_text} | {area} | {cell(problem)} | {owasp[0]} | {owasp[1]} | {cwe} "
            f"| {twin_text} | {code(text)} | {cell(note)} |"
        )
    counts = {}
    for entry in FINDINGS:
        counts[entry[0]] = counts.get(entry[0], 0) + 1
    out += [
        "",
        f"{len(FINDINGS)} planted problems, "
        f"{sum(1 for entry in FINDINGS if entry[5] is not None)} of them with a safe twin.",
        "",
        "| Area | Problems |",
        "|---|---|",
    ]
    out += [f"| {area} | {count} |" for area, count in counts.items()]
    out += [
        "",
        "## Must not be reported",
        "",
        "Safe code that a pattern-only scanner tends to flag. A finding on one of these lines is a false positive",
        "(the two webhooks may at most get an informational note).",
        "",
        "| ID | File | Line | Why it is safe | Code |",
        "|---|---|---|---|---|",
    ]
    for number, (where, why) in enumerate(NOT_FINDINGS, start=1):
        line, text = find_line(where)
        out.append(f"| OK{number:03d} | {where[0]} | {line} | {cell(why)} | {code(text)} |")
    out += ["", f"{len(NOT_FINDINGS)} safe lines.", ""]
    return "\n".join(out)


def as_json():
    import json

    findings = []
    for number, entry in enumerate(FINDINGS, start=1):
        area, problem, owasp, cwe, where, twin, note = entry[:7]
        alt = entry[7] if len(entry) > 7 else None
        findings.append({
            "id": f"VS{number:03d}", "file": where[0], "line": find_line(where)[0],
            "alt_line": find_line(alt)[0] if alt else None, "area": area, "problem": problem,
            "owasp2021": owasp[0], "owasp2025": owasp[1], "cwe": cwe,
            "twin": {"file": twin[0], "line": find_line(twin)[0]} if twin else None, "note": note,
        })
    safe = [
        {"id": f"OK{number:03d}", "file": where[0], "line": find_line(where)[0], "why": why}
        for number, (where, why) in enumerate(NOT_FINDINGS, start=1)
    ]
    return json.dumps({"findings": findings, "safe": safe}, indent=2)


def main():
    if "--json" in sys.argv:
        print(as_json())
        return 0
    target = ROOT / "EXPECTED.md"
    text = render()
    if "--check" in sys.argv:
        current = target.read_text(encoding="utf-8") if target.exists() else ""
        if current != text:
            print("EXPECTED.md is stale; rerun examples/tools/expected_findings.py", file=sys.stderr)
            return 1
        return 0
    target.write_text(text, encoding="utf-8")
    print(f"wrote {target} ({len(FINDINGS)} findings, {len(NOT_FINDINGS)} safe lines)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
