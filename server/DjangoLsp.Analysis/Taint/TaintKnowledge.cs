namespace DjangoLsp.Analysis.Taint;

/// <summary>What the taint analysis knows about APIs: request sources, sanitizers and functions that pass data through.</summary>
internal static class TaintKnowledge
{
    /// <summary>Attributes of an HttpRequest (or DRF Request) that hold data the client controls.</summary>
    public static readonly IReadOnlySet<string> RequestDataAttributes = new HashSet<string>(StringComparer.Ordinal)
    {
        "GET", "POST", "COOKIES", "FILES", "META", "headers", "body", "data", "query_params", "path", "path_info",
        "content_params", "resolver_match",
    };

    /// <summary>Methods of an HttpRequest whose result the client controls.</summary>
    public static readonly IReadOnlySet<string> RequestDataMethods = new HashSet<string>(StringComparer.Ordinal)
    {
        "get_full_path", "get_full_path_info", "build_absolute_uri", "read", "readline", "readlines", "get_signed_cookie",
    };

    /// <summary>Functions whose result is safe for every sink (type conversions, lengths, URL reversing).</summary>
    public static readonly IReadOnlySet<string> CleanFunctions = new HashSet<string>(StringComparer.Ordinal)
    {
        "builtins.int", "builtins.float", "builtins.bool", "builtins.len", "builtins.abs", "builtins.round", "builtins.hash",
        "builtins.id", "builtins.ord", "builtins.isinstance", "builtins.hasattr", "builtins.callable", "builtins.range",
        "uuid.UUID", "decimal.Decimal", "django.urls.reverse", "django.urls.reverse_lazy", "django.shortcuts.resolve_url",
        "django.utils.text.slugify", "django.utils.text.get_valid_filename", "secrets.token_hex", "secrets.token_urlsafe",
        "uuid.uuid4", "django.utils.timezone.now", "datetime.datetime.now", "datetime.date.today", "time.time",
        "django.utils.crypto.get_random_string",
    };

    /// <summary>
    /// HTTP client calls: the response is a third party's data, never clean, whatever URL was asked for. (Without this,
    /// <c>requests.get(url)</c> looked like a dictionary lookup whose key is not data, and came out clean.)
    /// </summary>
    public static readonly IReadOnlySet<string> NetworkResponses = new HashSet<string>(StringComparer.Ordinal)
    {
        "requests.get", "requests.post", "requests.put", "requests.patch", "requests.delete", "requests.head",
        "requests.options", "requests.request", "httpx.get", "httpx.post", "httpx.put", "httpx.patch", "httpx.delete",
        "httpx.head", "httpx.options", "httpx.request", "urllib.request.urlopen",
    };

    /// <summary>Sanitizers for one kind of sink: their result is safe for that sink (but not for others).</summary>
    public static readonly IReadOnlyDictionary<string, SinkKind[]> Sanitizers = new Dictionary<string, SinkKind[]>(StringComparer.Ordinal)
    {
        ["django.utils.html.escape"] = new[] { SinkKind.Html },
        ["django.utils.html.conditional_escape"] = new[] { SinkKind.Html },
        ["django.utils.html.format_html"] = new[] { SinkKind.Html },
        ["django.utils.html.format_html_join"] = new[] { SinkKind.Html },
        ["django.utils.html.json_script"] = new[] { SinkKind.Html },
        ["django.utils.html.escapejs"] = new[] { SinkKind.Html },
        ["django.utils.html.strip_tags"] = new[] { SinkKind.Html },
        ["django.utils.html.urlize"] = new[] { SinkKind.Html },
        ["django.template.loader.render_to_string"] = new[] { SinkKind.Html },
        ["html.escape"] = new[] { SinkKind.Html },
        ["markupsafe.escape"] = new[] { SinkKind.Html },
        ["bleach.clean"] = new[] { SinkKind.Html },
        ["shlex.quote"] = new[] { SinkKind.Command },
        ["shlex.join"] = new[] { SinkKind.Command },
        ["pipes.quote"] = new[] { SinkKind.Command },
        ["os.path.basename"] = new[] { SinkKind.Path },
        ["django.utils._os.safe_join"] = new[] { SinkKind.Path },
        ["werkzeug.utils.secure_filename"] = new[] { SinkKind.Path },
        ["django.core.signing.loads"] = new[] { SinkKind.Deserialization },
    };

    /// <summary>Functions whose result carries the data of their arguments.</summary>
    public static readonly IReadOnlySet<string> Propagators = new HashSet<string>(StringComparer.Ordinal)
    {
        "builtins.str", "builtins.bytes", "builtins.list", "builtins.tuple", "builtins.set", "builtins.dict", "builtins.sorted",
        "builtins.reversed", "builtins.format", "builtins.repr", "builtins.min", "builtins.max", "builtins.next", "builtins.iter",
        "builtins.filter", "builtins.map", "builtins.zip", "builtins.enumerate", "builtins.bytearray", "builtins.memoryview",
        "os.path.join", "os.path.normpath", "os.path.abspath", "os.path.realpath", "os.path.expanduser", "os.path.splitext",
        "os.path.dirname", "os.fspath", "os.fsencode", "os.fsdecode",
        "pathlib.Path", "pathlib.PurePath", "pathlib.PosixPath",
        "urllib.parse.unquote", "urllib.parse.unquote_plus", "urllib.parse.urljoin", "urllib.parse.urlunparse", "urllib.parse.quote",
        "urllib.parse.quote_plus", "urllib.parse.urlencode",
        "base64.b64decode", "base64.urlsafe_b64decode", "base64.b64encode", "base64.urlsafe_b64encode", "base64.b32decode",
        "base64.b16decode", "base64.decodebytes", "binascii.unhexlify", "binascii.a2b_base64", "codecs.decode", "zlib.decompress",
        "gzip.decompress", "bz2.decompress", "lzma.decompress",
        "json.loads", "json.dumps", "html.unescape", "copy.copy", "copy.deepcopy", "typing.cast", "textwrap.dedent",
        "django.utils.encoding.force_str", "django.utils.encoding.smart_str", "django.utils.encoding.force_bytes",
        "django.utils.encoding.smart_bytes", "django.utils.http.urlsafe_base64_decode", "django.utils.http.urlunquote",
        "io.BytesIO", "io.StringIO",
    };

    /// <summary>Methods that return (part of) their receiver and arguments: string methods, dict/list access.</summary>
    public static readonly IReadOnlySet<string> PropagatingMethods = new HashSet<string>(StringComparer.Ordinal)
    {
        "strip", "lstrip", "rstrip", "lower", "upper", "title", "capitalize", "casefold", "swapcase", "replace", "split",
        "rsplit", "splitlines", "partition", "rpartition", "join", "format", "format_map", "encode", "decode", "zfill", "center",
        "ljust", "rjust", "expandtabs", "removeprefix", "removesuffix", "translate", "getlist", "lists", "items", "values",
        "keys", "dict", "copy", "urlencode", "read", "readline", "readlines", "chunks", "strftime",
    };

    /// <summary>Methods returning an element of their receiver (or the default): the key does not matter.</summary>
    public static readonly IReadOnlySet<string> LookupMethods = new HashSet<string>(StringComparer.Ordinal)
    {
        "get", "pop", "setdefault", "popitem",
    };

    /// <summary>String predicates that, when true, leave only digits/letters.</summary>
    public static readonly IReadOnlySet<string> CharacterClassPredicates = new HashSet<string>(StringComparer.Ordinal)
    {
        "isdigit", "isdecimal", "isnumeric", "isalnum", "isalpha", "isidentifier", "isascii_digit",
    };

    /// <summary>Redirect guards: when they return true for a URL, it is safe to redirect to.</summary>
    public static bool IsRedirectGuard(string? qualifiedName) =>
        qualifiedName != null && (qualifiedName.EndsWith("url_has_allowed_host_and_scheme", StringComparison.Ordinal)
                                  || qualifiedName.EndsWith("is_safe_url", StringComparison.Ordinal));
}
