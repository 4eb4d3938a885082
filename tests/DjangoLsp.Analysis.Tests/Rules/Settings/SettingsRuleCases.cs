namespace DjangoLsp.Analysis.Tests.Rules.Settings;

/// <summary>
/// For each settings rule, snippets appended to a hardened single-file settings module (<see cref="HardenedBase"/>, which
/// has no findings): five or more that must trigger the rule, five or more look-alikes that must not.
/// </summary>
internal static class SettingsRuleCases
{
    public const string HardenedBase = """
        import os

        SECRET_KEY = os.environ["DJANGO_SECRET_KEY"]
        DEBUG = False
        ALLOWED_HOSTS = ["shop.example.com"]

        INSTALLED_APPS = [
            "django.contrib.auth",
            "django.contrib.contenttypes",
            "django.contrib.sessions",
        ]

        MIDDLEWARE = [
            "django.middleware.security.SecurityMiddleware",
            "django.contrib.sessions.middleware.SessionMiddleware",
            "django.middleware.common.CommonMiddleware",
            "django.middleware.csrf.CsrfViewMiddleware",
            "django.contrib.auth.middleware.AuthenticationMiddleware",
            "django.middleware.clickjacking.XFrameOptionsMiddleware",
            "django.middleware.csp.ContentSecurityPolicyMiddleware",
        ]

        SECURE_HSTS_SECONDS = 31536000
        SECURE_HSTS_INCLUDE_SUBDOMAINS = True
        SECURE_HSTS_PRELOAD = True
        SECURE_SSL_REDIRECT = True
        SESSION_COOKIE_SECURE = True
        CSRF_COOKIE_SECURE = True
        SECURE_CSP = {"default-src": ["'self'"]}

        AUTH_PASSWORD_VALIDATORS = [
            {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
        ]

        """;

    private const string Sec = "\"django.middleware.security.SecurityMiddleware\"";
    private const string Ses = "\"django.contrib.sessions.middleware.SessionMiddleware\"";
    private const string Com = "\"django.middleware.common.CommonMiddleware\"";
    private const string Csrf = "\"django.middleware.csrf.CsrfViewMiddleware\"";
    private const string Auth = "\"django.contrib.auth.middleware.AuthenticationMiddleware\"";
    private const string XFr = "\"django.middleware.clickjacking.XFrameOptionsMiddleware\"";
    private const string Csp = "\"django.middleware.csp.ContentSecurityPolicyMiddleware\"";

    private static string Mw(params string[] items) => "MIDDLEWARE = [\n" + string.Concat(items.Select(i => $"    {i},\n")) + "]\n";

    public static readonly Dictionary<string, (string[] Vulnerable, string[] Safe)> Cases = new()
    {
        ["DJ500"] = (
            new[] { "DEBUG = True\n", "DEBUG = 1\n", "DEBUG = os.environ.get(\"DJANGO_DEBUG\", \"True\") == \"True\"\n",
                "DEBUG = os.environ.get(\"DJANGO_DEBUG\", \"False\")\n", "DEBUG = not False\n" },
            new[] { "DEBUG = False\n", "DEBUG = os.environ.get(\"DJANGO_DEBUG\") == \"1\"\n", "DEBUG = 0\n",
                "DEBUG = os.environ.get(\"DJANGO_DEBUG\", \"\") == \"True\"\n", "DEBUG_TOOLBAR = True\n" }),
        ["DJ501"] = (
            new[] { "ALLOWED_HOSTS = []\n", "ALLOWED_HOSTS = ()\n", "ALLOWED_HOSTS = [] + []\n", "ALLOWED_HOSTS = [\"x\"]\nALLOWED_HOSTS.remove(\"x\")\n",
                "ALLOWED_HOSTS = os.environ.get(\"HOSTS\", \"\") and []\n" },
            new[] { "ALLOWED_HOSTS = [\"example.com\"]\n", "ALLOWED_HOSTS = [\".example.com\"]\n", "ALLOWED_HOSTS = os.environ[\"HOSTS\"].split(\",\")\n",
                "ALLOWED_HOSTS = []\nALLOWED_HOSTS.append(\"example.com\")\n", "ALLOWED_HOSTS = (\"a.example.com\",)\n" }),
        ["DJ502"] = (
            new[] { "ALLOWED_HOSTS = [\"*\"]\n", "ALLOWED_HOSTS = (\"*\",)\n", "ALLOWED_HOSTS = [\"example.com\", \"*\"]\n",
                "ALLOWED_HOSTS = [] + [\"*\"]\n", "ALLOWED_HOSTS.append(\"*\")\n" },
            new[] { "ALLOWED_HOSTS = [\".example.com\"]\n", "ALLOWED_HOSTS = [\"*.example.com\"]\n", "ALLOWED_HOSTS = [\"*\"]\nALLOWED_HOSTS.remove(\"*\")\n",
                "ALLOWED_HOSTS = os.environ.get(\"HOSTS\", \"example.com\").split(\",\")\n", "CSRF_TRUSTED_ORIGINS = [\"*\"]\n" }),
        ["DJ503"] = (
            new[] { "SECRET_KEY = \"abc\"\n", "SECRET_KEY = \"django-insecure-\" + \"k\" * 2 + \"q8#Lm2@vZ7!pR4$wT1^yU6&nB3*cX9-kD5_hF0+gJ8=sA2%eW7\"\n",
                "SECRET_KEY = \"x\" * 60\n", "SECRET_KEY = os.environ.get(\"DJANGO_SECRET_KEY\", \"dev\")\n",
                "SECRET_KEY = os.getenv(\"DJANGO_SECRET_KEY\", \"change-me-in-production\")\n" },
            new[] { "SECRET_KEY = os.environ[\"K\"]\n", "SECRET_KEY = \"q8#Lm2@vZ7!pR4$wT1^yU6&nB3*cX9-kD5_hF0+gJ8=sA2%eW7\"\n",
                "SECRET_KEY = os.environ.get(\"K\", \"q8#Lm2@vZ7!pR4$wT1^yU6&nB3*cX9-kD5_hF0+gJ8=sA2%eW7\")\n",
                "from django.core.management.utils import get_random_secret_key\nSECRET_KEY = get_random_secret_key()\n",
                "SIGNING_KEY = \"abc\"\n" }),
        ["DJ504"] = (
            new[] { "SECRET_KEY = \"q8#Lm2@vZ7!pR4$wT1^yU6&nB3*cX9-kD5_hF0+gJ8=sA2%eW7\"\n", "SECRET_KEY = \"abc\"\n",
                "SECRET_KEY = \"django-insecure-q8#Lm2@vZ7!pR4$wT1^yU6&nB3*cX9-kD5_hF0+gJ8=sA2%eW7\"\n",
                "SECRET_KEY = (\n    \"q8#Lm2@vZ7!pR4$wT1^yU6&nB3*\"\n    \"cX9-kD5_hF0+gJ8=sA2%eW7\"\n)\n",
                "SECRET_KEY: str = \"q8#Lm2@vZ7!pR4$wT1^yU6&nB3*cX9-kD5_hF0+gJ8=sA2%eW7\"\n" },
            new[] { "SECRET_KEY = os.environ[\"K\"]\n", "SECRET_KEY = os.environ.get(\"K\", \"x\" * 60)\n",
                "SECRET_KEY = open(\"/run/secrets/django_key\").read().strip()\n", "API_KEY = \"q8#Lm2@vZ7!pR4$wT1\"\n",
                "SECRET_KEY = os.getenv(\"K\")\n" }),
        ["DJ505"] = (
            new[] { Mw(Ses, Com, Csrf, Auth, XFr, Csp), "MIDDLEWARE = []\n", "MIDDLEWARE.remove(" + Sec + ")\n",
                "MIDDLEWARE = (" + Csrf + ", " + XFr + ", " + Csp + ")\n", "MIDDLEWARE = [m for m in []]\nMIDDLEWARE = [" + Com + "]\n" },
            new[] { Mw(Sec, Csrf, XFr, Csp), "MIDDLEWARE.insert(0, " + Sec + ")\n", "MIDDLEWARE = (" + Sec + ", " + Csrf + ", " + XFr + ", " + Csp + ")\n",
                "MIDDLEWARE = []\nMIDDLEWARE += [" + Sec + ", " + Csrf + ", " + XFr + ", " + Csp + "]\n",
                "BASE_MIDDLEWARE = [" + Sec + ", " + Csrf + ", " + XFr + ", " + Csp + "]\nMIDDLEWARE = BASE_MIDDLEWARE\n" }),
        ["DJ506"] = (
            new[] { "SECURE_HSTS_SECONDS = 0\n", "SECURE_HSTS_SECONDS = None\n", "SECURE_HSTS_SECONDS = int(os.environ.get(\"HSTS\", \"0\"))\n",
                "SECURE_HSTS_SECONDS = False\n", "SECURE_HSTS_SECONDS = 0 * 3600\n" },
            new[] { "SECURE_HSTS_SECONDS = 3600\n", "SECURE_HSTS_SECONDS = 60 * 60 * 24 * 365\n", "SECURE_HSTS_SECONDS = int(os.environ.get(\"HSTS\", \"3600\"))\n",
                "SECURE_HSTS_SECONDS = int(os.environ[\"HSTS\"])\n", "MIDDLEWARE.remove(" + Sec + ")\nSECURE_HSTS_SECONDS = 0\n" }),
        ["DJ507"] = (
            new[] { "SECURE_HSTS_INCLUDE_SUBDOMAINS = False\n", "SECURE_HSTS_INCLUDE_SUBDOMAINS = None\n", "SECURE_HSTS_INCLUDE_SUBDOMAINS = 0\n",
                "SECURE_HSTS_INCLUDE_SUBDOMAINS = \"True\"\n", "SECURE_HSTS_INCLUDE_SUBDOMAINS = 1\n" },
            new[] { "SECURE_HSTS_INCLUDE_SUBDOMAINS = True\n", "SECURE_HSTS_SECONDS = 0\nSECURE_HSTS_INCLUDE_SUBDOMAINS = False\n",
                "SECURE_HSTS_INCLUDE_SUBDOMAINS = os.environ[\"SUB\"] == \"1\"\n", "MIDDLEWARE.remove(" + Sec + ")\nSECURE_HSTS_INCLUDE_SUBDOMAINS = False\n",
                "SECURE_HSTS_INCLUDE_SUBDOMAINS = not False\n" }),
        ["DJ508"] = (
            new[] { "SECURE_HSTS_PRELOAD = False\n", "SECURE_HSTS_PRELOAD = None\n", "SECURE_HSTS_PRELOAD = 0\n", "SECURE_HSTS_PRELOAD = \"yes\"\n",
                "SECURE_HSTS_PRELOAD = os.environ.get(\"PRELOAD\", \"\") == \"1\"\n" },
            new[] { "SECURE_HSTS_PRELOAD = True\n", "SECURE_HSTS_SECONDS = None\nSECURE_HSTS_PRELOAD = False\n", "SECURE_HSTS_PRELOAD = os.environ[\"P\"] == \"1\"\n",
                "MIDDLEWARE.remove(" + Sec + ")\nSECURE_HSTS_PRELOAD = False\n", "HSTS_PRELOAD = False\n" }),
        ["DJ509"] = (
            new[] { "SECURE_CONTENT_TYPE_NOSNIFF = False\n", "SECURE_CONTENT_TYPE_NOSNIFF = None\n", "SECURE_CONTENT_TYPE_NOSNIFF = 0\n",
                "SECURE_CONTENT_TYPE_NOSNIFF = \"True\"\n", "SECURE_CONTENT_TYPE_NOSNIFF = 1\n" },
            new[] { "SECURE_CONTENT_TYPE_NOSNIFF = True\n", "SECURE_CONTENT_TYPE_NOSNIFF = os.environ[\"N\"] == \"1\"\n",
                "MIDDLEWARE.remove(" + Sec + ")\nSECURE_CONTENT_TYPE_NOSNIFF = False\n", "SECURE_CONTENT_TYPE_NOSNIFF = bool(1)\n", "SECURE_BROWSER_XSS_FILTER = False\n" }),
        ["DJ510"] = (
            new[] { "SECURE_SSL_REDIRECT = False\n", "SECURE_SSL_REDIRECT = None\n", "SECURE_SSL_REDIRECT = 1\n",
                "SECURE_SSL_REDIRECT = os.environ.get(\"SSL\", \"0\") == \"1\"\n", "SECURE_SSL_REDIRECT = \"yes\"\n" },
            new[] { "SECURE_SSL_REDIRECT = True\n", "SECURE_SSL_REDIRECT = os.environ[\"SSL\"] == \"1\"\n", "MIDDLEWARE.remove(" + Sec + ")\nSECURE_SSL_REDIRECT = False\n",
                "SECURE_SSL_REDIRECT = not False\n", "SECURE_PROXY_SSL_HEADER = None\n" }),
        ["DJ511"] = (
            new[] { "SESSION_COOKIE_SECURE = False\n", "SESSION_COOKIE_SECURE = None\n", "SESSION_COOKIE_SECURE = 0\n",
                "SESSION_COOKIE_SECURE = os.environ.get(\"SECURE\", \"\") == \"1\"\n", "SESSION_COOKIE_SECURE = DEBUG\n" },
            new[] { "SESSION_COOKIE_SECURE = True\n", "SESSION_COOKIE_SECURE = \"yes\"\n", "SESSION_COOKIE_SECURE = os.environ[\"S\"] == \"1\"\n",
                "INSTALLED_APPS = [\"django.contrib.auth\"]\nMIDDLEWARE.remove(" + Ses + ")\nSESSION_COOKIE_SECURE = False\n", "SESSION_COOKIE_SAMESITE = None\n" }),
        ["DJ512"] = (
            new[] { "CSRF_COOKIE_SECURE = False\n", "CSRF_COOKIE_SECURE = None\n", "CSRF_COOKIE_SECURE = 0\n",
                "CSRF_COOKIE_SECURE = os.environ.get(\"SECURE\", \"\") == \"1\"\n", "CSRF_COOKIE_SECURE = DEBUG\n" },
            new[] { "CSRF_COOKIE_SECURE = True\n", "CSRF_USE_SESSIONS = True\nCSRF_COOKIE_SECURE = False\n", "CSRF_COOKIE_SECURE = os.environ[\"S\"] == \"1\"\n",
                "CSRF_COOKIE_HTTPONLY = False\n", "CSRF_COOKIE_SECURE = \"1\"\n" }),
        ["DJ513"] = (
            new[] { "SESSION_COOKIE_HTTPONLY = False\n", "SESSION_COOKIE_HTTPONLY = None\n", "SESSION_COOKIE_HTTPONLY = 0\n",
                "SESSION_COOKIE_HTTPONLY = \"\"\n", "SESSION_COOKIE_HTTPONLY = os.environ.get(\"H\", \"\") == \"1\"\n" },
            new[] { "SESSION_COOKIE_HTTPONLY = True\n", "SESSION_COOKIE_HTTPONLY = not False\n", "CSRF_COOKIE_HTTPONLY = False\n",
                "INSTALLED_APPS = [\"django.contrib.auth\"]\nMIDDLEWARE.remove(" + Ses + ")\nSESSION_COOKIE_HTTPONLY = False\n",
                "SESSION_COOKIE_HTTPONLY = os.environ[\"H\"] == \"1\"\n" }),
        ["DJ514"] = (
            new[] { "SECURE_REFERRER_POLICY = None\n", "SECURE_REFERRER_POLICY = os.environ.get(\"REFERRER\")\n",
                "SECURE_REFERRER_POLICY = None if True else \"origin\"\n", "POLICY = None\nSECURE_REFERRER_POLICY = POLICY\n",
                "SECURE_REFERRER_POLICY = os.getenv(\"REFERRER\", None)\n" },
            new[] { "SECURE_REFERRER_POLICY = \"no-referrer\"\n", "SECURE_REFERRER_POLICY = [\"origin\"]\n", "SECURE_REFERRER_POLICY = os.environ[\"R\"]\n",
                "MIDDLEWARE.remove(" + Sec + ")\nSECURE_REFERRER_POLICY = None\n", "REFERRER_POLICY = None\n" }),
        ["DJ515"] = (
            new[] { "SECURE_REFERRER_POLICY = \"same_origin\"\n", "SECURE_REFERRER_POLICY = \"nope\"\n", "SECURE_REFERRER_POLICY = [\"origin\", \"bogus\"]\n",
                "SECURE_REFERRER_POLICY = \"origin,, same-origin\"\n", "SECURE_REFERRER_POLICY = \"Same-Origin\"\n" },
            new[] { "SECURE_REFERRER_POLICY = \"same-origin\"\n", "SECURE_REFERRER_POLICY = \"origin, strict-origin\"\n", "SECURE_REFERRER_POLICY = (\"no-referrer\",)\n",
                "SECURE_REFERRER_POLICY = os.environ[\"R\"]\n", "MIDDLEWARE.remove(" + Sec + ")\nSECURE_REFERRER_POLICY = \"bogus\"\n" }),
        ["DJ516"] = (
            new[] { "SECURE_CROSS_ORIGIN_OPENER_POLICY = \"same_origin\"\n", "SECURE_CROSS_ORIGIN_OPENER_POLICY = \"allow-popups\"\n",
                "SECURE_CROSS_ORIGIN_OPENER_POLICY = \"none\"\n", "SECURE_CROSS_ORIGIN_OPENER_POLICY = \"SAME-ORIGIN\"\n",
                "SECURE_CROSS_ORIGIN_OPENER_POLICY = os.environ.get(\"COOP\", \"unsafe\")\n" },
            new[] { "SECURE_CROSS_ORIGIN_OPENER_POLICY = \"same-origin\"\n", "SECURE_CROSS_ORIGIN_OPENER_POLICY = \"same-origin-allow-popups\"\n",
                "SECURE_CROSS_ORIGIN_OPENER_POLICY = \"unsafe-none\"\n", "SECURE_CROSS_ORIGIN_OPENER_POLICY = None\n",
                "SECURE_CROSS_ORIGIN_OPENER_POLICY = os.environ[\"COOP\"]\n" }),
        ["DJ517"] = (
            new[] { "X_FRAME_OPTIONS = \"SAMEORIGIN\"\n", "X_FRAME_OPTIONS = \"sameorigin\"\n", "X_FRAME_OPTIONS = \"deny\"\n", "X_FRAME_OPTIONS = \"SameOrigin\"\n",
                "X_FRAME_OPTIONS = os.environ.get(\"XFO\", \"SAMEORIGIN\")\n" },
            new[] { "X_FRAME_OPTIONS = \"DENY\"\n", "X_FRAME_OPTIONS = os.environ[\"XFO\"]\n", "MIDDLEWARE.remove(" + XFr + ")\nX_FRAME_OPTIONS = \"SAMEORIGIN\"\n",
                "X_FRAME_OPTIONS = \"ALLOWALL\"\n", "FRAME_OPTIONS = \"SAMEORIGIN\"\n" }),
        ["DJ331"] = (
            new[] { "X_FRAME_OPTIONS = \"ALLOWALL\"\n", "X_FRAME_OPTIONS = \"ALLOW-FROM https://partner.example\"\n", "X_FRAME_OPTIONS = \"\"\n",
                "X_FRAME_OPTIONS = None\n", "X_FRAME_OPTIONS = os.environ.get(\"XFO\", \"allow\")\n" },
            new[] { "X_FRAME_OPTIONS = \"DENY\"\n", "X_FRAME_OPTIONS = \"SAMEORIGIN\"\n", "X_FRAME_OPTIONS = \"sameorigin\"\n", "X_FRAME_OPTIONS = os.environ[\"XFO\"]\n",
                "MIDDLEWARE.remove(" + XFr + ")\nX_FRAME_OPTIONS = \"ALLOWALL\"\n" }),
        ["DJ518"] = (
            new[] { Mw(Sec, Ses, Com, Csrf, Auth, XFr), "SECURE_CSP = {}\n", "SECURE_CSP = None\n", "MIDDLEWARE.remove(" + Csp + ")\n",
                "MIDDLEWARE = (" + Sec + ", " + Csrf + ", " + XFr + ")\n" },
            new[] { "SECURE_CSP_REPORT_ONLY = {\"default-src\": [\"'self'\"]}\n", Mw(Sec, Csrf, XFr, "\"csp.middleware.CSPMiddleware\""),
                "SECURE_CSP = None\nSECURE_CSP_REPORT_ONLY = {\"default-src\": [\"'self'\"]}\n", "MIDDLEWARE = [" + Sec + ", " + Csrf + ", " + XFr + ", os.environ[\"EXTRA_MW\"]]\n",
                "SECURE_CSP = {\"default-src\": [\"'none'\"]}\n" }),
        ["DJ519"] = (
            new[] { "AUTH_PASSWORD_VALIDATORS = []\n", "AUTH_PASSWORD_VALIDATORS = ()\n", "AUTH_PASSWORD_VALIDATORS.clear()\n",
                "AUTH_PASSWORD_VALIDATORS = list(())\n", "AUTH_PASSWORD_VALIDATORS = [] if not DEBUG else [{\"NAME\": \"x\"}]\n" },
            new[] { "AUTH_PASSWORD_VALIDATORS = [{\"NAME\": \"django.contrib.auth.password_validation.CommonPasswordValidator\"}]\n",
                "AUTH_PASSWORD_VALIDATORS += [{\"NAME\": \"django.contrib.auth.password_validation.NumericPasswordValidator\"}]\n",
                "AUTH_PASSWORD_VALIDATORS = os.environ[\"V\"].split(\",\")\n",
                "INSTALLED_APPS = [\"django.contrib.contenttypes\", \"django.contrib.sessions\"]\nAUTH_PASSWORD_VALIDATORS = []\n", "PASSWORD_RESET_TIMEOUT = 0\n" }),
        ["DJ520"] = (
            new[] { "DATA_UPLOAD_MAX_MEMORY_SIZE = None\n", "DATA_UPLOAD_MAX_NUMBER_FIELDS = None\n", "DATA_UPLOAD_MAX_NUMBER_FILES = None\n",
                "DATA_UPLOAD_MAX_MEMORY_SIZE = os.environ.get(\"MAX_BODY\")\n", "UNLIMITED = None\nDATA_UPLOAD_MAX_NUMBER_FIELDS = UNLIMITED\n" },
            new[] { "DATA_UPLOAD_MAX_MEMORY_SIZE = 10 * 1024 * 1024\n", "DATA_UPLOAD_MAX_NUMBER_FIELDS = 5000\n", "FILE_UPLOAD_MAX_MEMORY_SIZE = None\n",
                "DATA_UPLOAD_MAX_MEMORY_SIZE = int(os.environ.get(\"MAX_BODY\", \"5242880\"))\n", "DATA_UPLOAD_MAX_NUMBER_FILES = int(os.environ[\"MAX_FILES\"])\n" }),
        ["DJ521"] = (
            new[] { "CORS_ALLOW_ALL_ORIGINS = True\nCORS_ALLOW_CREDENTIALS = True\n", "CORS_ORIGIN_ALLOW_ALL = True\nCORS_ALLOW_CREDENTIALS = True\n",
                "CORS_ALLOW_ALL_ORIGINS = os.environ.get(\"CORS_ALL\", \"1\") == \"1\"\nCORS_ALLOW_CREDENTIALS = True\n",
                "CORS_ALLOW_ALL_ORIGINS = \"True\"\nCORS_ALLOW_CREDENTIALS = \"True\"\n", "CORS_ALLOW_ALL_ORIGINS = 1\nCORS_ALLOW_CREDENTIALS = 1\n" },
            new[] { "CORS_ALLOW_ALL_ORIGINS = True\nCORS_ALLOW_CREDENTIALS = False\n", "CORS_ALLOWED_ORIGINS = [\"https://app.example.com\"]\nCORS_ALLOW_CREDENTIALS = True\n",
                "CORS_ALLOW_ALL_ORIGINS = False\nCORS_ALLOW_CREDENTIALS = True\n", "CORS_ALLOW_ALL_ORIGINS = True\n",
                "CORS_ORIGIN_ALLOW_ALL = DEBUG\nCORS_ALLOW_CREDENTIALS = True\n" }),
        ["DJ522"] = (
            new[] { "PASSWORD_HASHERS = [\"django.contrib.auth.hashers.MD5PasswordHasher\"]\n",
                "PASSWORD_HASHERS = [\"django.contrib.auth.hashers.UnsaltedMD5PasswordHasher\", \"django.contrib.auth.hashers.PBKDF2PasswordHasher\"]\n",
                "PASSWORD_HASHERS = (\"django.contrib.auth.hashers.SHA1PasswordHasher\",)\n",
                "PASSWORD_HASHERS = [\"django.contrib.auth.hashers.PBKDF2PasswordHasher\"]\nPASSWORD_HASHERS.insert(0, \"django.contrib.auth.hashers.UnsaltedSHA1PasswordHasher\")\n",
                "PASSWORD_HASHERS = [\"django.contrib.auth.hashers.CryptPasswordHasher\"]\n" },
            new[] { "PASSWORD_HASHERS = [\"django.contrib.auth.hashers.PBKDF2PasswordHasher\", \"django.contrib.auth.hashers.MD5PasswordHasher\"]\n",
                "PASSWORD_HASHERS = [\"django.contrib.auth.hashers.Argon2PasswordHasher\"]\n", "PASSWORD_HASHERS = [\"django.contrib.auth.hashers.BCryptSHA256PasswordHasher\"]\n",
                "PASSWORD_HASHERS = [\"django.contrib.auth.hashers.ScryptPasswordHasher\"]\n", "PASSWORD_HASHERS = os.environ[\"HASHERS\"].split(\",\")\n" }),
        ["DJ523"] = (
            new[] { "SESSION_SERIALIZER = \"django.contrib.sessions.serializers.PickleSerializer\"\n", "SESSION_SERIALIZER = \"shop.serializers.PickleSerializer\"\n",
                "SESSION_SERIALIZER = os.environ.get(\"SER\", \"django.contrib.sessions.serializers.PickleSerializer\")\n",
                "SER = \"django.contrib.sessions.serializers.PickleSerializer\"\nSESSION_SERIALIZER = SER\n",
                "SESSION_SERIALIZER: str = \"django.contrib.sessions.serializers.PickleSerializer\"\n" },
            new[] { "SESSION_SERIALIZER = \"django.contrib.sessions.serializers.JSONSerializer\"\n", "SESSION_SERIALIZER = \"shop.serializers.PickleSafeSerializer\"\n",
                "SESSION_SERIALIZER = os.environ[\"SER\"]\n", "CACHE_SERIALIZER = \"django.contrib.sessions.serializers.PickleSerializer\"\n",
                "SESSION_ENGINE = \"django.contrib.sessions.backends.signed_cookies\"\n" }),
        ["DJ524"] = (
            new[] { "SECRET_KEY_FALLBACKS = [\"abc\"]\n",
                "SECRET_KEY_FALLBACKS = [\"django-insecure-\" + \"q8#Lm2@vZ7!pR4$wT1^yU6&nB3*cX9-kD5_hF0+gJ8=sA2%eW7\"]\n",
                "SECRET_KEY_FALLBACKS = [os.environ.get(\"OLD_SECRET_KEY\", \"dev\")]\n", "SECRET_KEY_FALLBACKS = (\"x\" * 60,)\n",
                "SECRET_KEY_FALLBACKS = [os.environ[\"OLD_SECRET_KEY\"], \"\"]\n",
                // Without the variable this is [""]: Django accepts signatures made with an empty key.
                "SECRET_KEY_FALLBACKS = os.environ.get(\"OLD_SECRET_KEYS\", \"\").split(\",\")\n" },
            new[] { "SECRET_KEY_FALLBACKS = []\n", "SECRET_KEY_FALLBACKS = [os.environ[\"OLD_SECRET_KEY\"]]\n",
                "SECRET_KEY_FALLBACKS = [\"q8#Lm2@vZ7!pR4$wT1^yU6&nB3*cX9-kD5_hF0+gJ8=sA2%eW7\"]\n",
                "SECRET_KEY_FALLBACKS = [k for k in os.environ.get(\"OLD_SECRET_KEYS\", \"\").split(\",\") if k]\n", "OLD_SECRET_KEYS = [\"abc\"]\n" }),
        ["DJ525"] = (
            new[] { "DEFAULT_HASHING_ALGORITHM = \"md5\"\n", "DEFAULT_HASHING_ALGORITHM = \"SHA256\"\n", "DEFAULT_HASHING_ALGORITHM = None\n",
                "DEFAULT_HASHING_ALGORITHM = os.environ.get(\"HASHING\", \"sha512\")\n", "DEFAULT_HASHING_ALGORITHM = \"sha-256\"\n" },
            new[] { "DEFAULT_HASHING_ALGORITHM = \"sha256\"\n", "DEFAULT_HASHING_ALGORITHM = \"sha1\"\n", "HASHING_ALGORITHM = \"md5\"\n",
                "DEFAULT_HASHING_ALGORITHM = os.environ[\"HASHING\"]\n", "DEFAULT_HASHING_ALGORITHM = os.environ.get(\"HASHING\", \"sha256\")\n" }),
        ["DJ312"] = (
            new[] { "def failure(request):\n    pass\n\nCSRF_FAILURE_VIEW = \"proj.settings.failure\"\n",
                "def failure():\n    pass\n\nCSRF_FAILURE_VIEW = \"proj.settings.failure\"\n",
                "def failure(request, why):\n    pass\n\nCSRF_FAILURE_VIEW = \"proj.settings.failure\"\n",
                "def failure(request, reason, /):\n    pass\n\nCSRF_FAILURE_VIEW = \"proj.settings.failure\"\n",
                "def failure(request, reason, template_name):\n    pass\n\nCSRF_FAILURE_VIEW = \"proj.settings.failure\"\n",
                "from django.views.decorators.csrf import requires_csrf_token\n\n@requires_csrf_token\ndef failure(request):\n    pass\n\nCSRF_FAILURE_VIEW = \"proj.settings.failure\"\n" },
            new[] { "def failure(request, reason=\"\"):\n    pass\n\nCSRF_FAILURE_VIEW = \"proj.settings.failure\"\n",
                "def failure(request, reason):\n    pass\n\nCSRF_FAILURE_VIEW = \"proj.settings.failure\"\n",
                "def failure(*args, **kwargs):\n    pass\n\nCSRF_FAILURE_VIEW = \"proj.settings.failure\"\n",
                "def failure(request, **kwargs):\n    pass\n\nCSRF_FAILURE_VIEW = \"proj.settings.failure\"\n",
                "def failure(request, *, reason=None, template_name=\"403.html\"):\n    pass\n\nCSRF_FAILURE_VIEW = \"proj.settings.failure\"\n",
                "@custom_wrapper\ndef failure(request):\n    pass\n\nCSRF_FAILURE_VIEW = \"proj.settings.failure\"\n",
                "def failure(request):\n    pass\n\nCSRF_FAILURE_VIEW_NAME = \"proj.settings.failure\"\n" }),
        ["DJ313"] = (
            new[] { "CSRF_FAILURE_VIEW = \"csrf_failure\"\n", "CSRF_FAILURE_VIEW = \"proj.views.csrf_failure\"\n",
                "CSRF_FAILURE_VIEW = \"proj.settings.no_such_view\"\n", "CSRF_FAILURE_VIEW = \"\"\n", "CSRF_FAILURE_VIEW = \"proj..failure\"\n" },
            new[] { "CSRF_FAILURE_VIEW = \"django.views.csrf.csrf_failure\"\n", "CSRF_FAILURE_VIEW = \"thirdparty.views.csrf_failure\"\n",
                "def failure(request, reason=\"\"):\n    pass\n\nCSRF_FAILURE_VIEW = \"proj.settings.failure\"\n",
                "from thirdparty.views import failure\n\nCSRF_FAILURE_VIEW = \"proj.settings.failure\"\n",
                "CSRF_FAILURE_VIEW = os.environ[\"CSRF_FAILURE_VIEW\"]\n",
                "try:\n    from thirdparty.views import failure\nexcept ImportError:\n    pass\n\nCSRF_FAILURE_VIEW = \"proj.settings.failure\"\n" }),
        ["DJ319"] = (
            new[] { Mw(Sec, Ses, Com, Auth, XFr, Csp), "MIDDLEWARE = []\n", "MIDDLEWARE.remove(" + Csrf + ")\n",
                "MIDDLEWARE = (" + Sec + ", " + XFr + ", " + Csp + ")\n", "MIDDLEWARE = [" + Sec + "]\n" },
            new[] { Mw(Sec, Csrf, XFr, Csp), "MIDDLEWARE = []\nMIDDLEWARE.insert(0, " + Csrf + ")\n", "MIDDLEWARE += [" + Csrf + "]\n",
                "MIDDLEWARE = []\nMIDDLEWARE.extend([" + Sec + ", " + Csrf + ", " + XFr + ", " + Csp + "])\n",
                "MIDDLEWARE = [os.environ[\"FIRST_MIDDLEWARE\"], " + Sec + "]\n" }),
        ["DJ332"] = (
            new[] { Mw(Sec, Ses, Com, Csrf, Auth, Csp), "MIDDLEWARE = []\n", "MIDDLEWARE.remove(" + XFr + ")\n",
                "MIDDLEWARE = (" + Sec + ", " + Csrf + ", " + Csp + ")\n", "MIDDLEWARE = [" + Sec + "]\n" },
            new[] { Mw(Sec, Csrf, XFr, Csp), "MIDDLEWARE = []\nMIDDLEWARE.append(" + XFr + ")\n", "MIDDLEWARE += [" + XFr + "]\n",
                "MIDDLEWARE = [" + XFr + "] + MIDDLEWARE\n", "MIDDLEWARE = [os.environ[\"FIRST_MIDDLEWARE\"], " + Sec + "]\n" }),
    };
}
