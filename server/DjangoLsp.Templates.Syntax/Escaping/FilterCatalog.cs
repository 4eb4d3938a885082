namespace DjangoLsp.Templates.Syntax;

/// <summary>What a filter does to the escaping of the value flowing through it.</summary>
public enum FilterEffect
{
    /// <summary>Transforms the value without escaping it (upper, default, truncatechars, addslashes, ...).</summary>
    Neutral,
    /// <summary>Marks the value safe so autoescape skips it (safe, safeseq).</summary>
    MarksSafe,
    /// <summary>HTML-escapes (escape: only if not already safe; force_escape: always) and marks safe.</summary>
    EscapesHtml,
    /// <summary>HTML-escapes the input when autoescape is on and emits safe HTML markup (linebreaks, urlize, join, ...).</summary>
    EscapesHtmlWhenAutoescaping,
    /// <summary>escapejs: JavaScript string escaping (no quotes, &lt;, &gt;, &amp;, line terminators), marked safe.</summary>
    EscapesJs,
    /// <summary>urlencode: percent-encoding (no quotes, spaces, ':' or '&lt;').</summary>
    EscapesUrl,
    /// <summary>json_script: a complete, escaped &lt;script type="application/json"&gt; element.</summary>
    JsonScript,
    /// <summary>The result is a number, date, boolean word or slug: it cannot carry markup.</summary>
    ProducesInertValue,
}

/// <summary>One entry of the filter table.</summary>
public sealed record FilterInfo(string Name, FilterEffect Effect, bool PreservesSafe, string Note);

/// <summary>The built-in filters (django.template.defaultfilters, humanize) and their escaping effect.</summary>
public static class FilterCatalog
{
    private static readonly Dictionary<string, FilterInfo> Filters = Build();

    private static readonly Dictionary<string, FilterInfo>.AlternateLookup<ReadOnlySpan<char>> FilterLookup = Filters.GetAlternateLookup<ReadOnlySpan<char>>();

    public static FilterInfo? Get(string name) => Filters.TryGetValue(name, out var info) ? info : null;

    /// <summary>The filter name as a string: the catalog's own string for built-in filters.</summary>
    internal static string Name(ReadOnlySpan<char> name) => FilterLookup.TryGetValue(name, out var info) ? info.Name : new string(name);

    public static IReadOnlyCollection<FilterInfo> All => Filters.Values;

    private static Dictionary<string, FilterInfo> Build()
    {
        var map = new Dictionary<string, FilterInfo>(StringComparer.Ordinal);
        void Add(FilterEffect effect, bool preservesSafe, string note, params string[] names)
        {
            foreach (var name in names)
            {
                map[name] = new FilterInfo(name, effect, preservesSafe, note);
            }
        }

        Add(FilterEffect.MarksSafe, true, "marks the value safe: autoescape is skipped", "safe", "safeseq");
        Add(FilterEffect.EscapesHtml, true, "HTML-escapes and marks safe", "escape", "force_escape", "escapeseq");
        Add(FilterEffect.EscapesHtmlWhenAutoescaping, true, "escapes its input when autoescape is on, emits safe HTML",
            "linebreaks", "linebreaksbr", "urlize", "urlizetrunc", "join", "unordered_list", "linenumbers");
        Add(FilterEffect.EscapesJs, true, "JavaScript string escaping", "escapejs");
        Add(FilterEffect.EscapesUrl, false, "percent-encodes", "urlencode");
        Add(FilterEffect.JsonScript, true, "emits an escaped <script type=\"application/json\"> element", "json_script");
        Add(FilterEffect.ProducesInertValue, false, "number, date or fixed word: no markup possible",
            "length", "wordcount", "floatformat", "filesizeformat", "get_digit", "divisibleby", "length_is", "intcomma", "intword",
            "ordinal", "apnumber", "date", "time", "timesince", "timeuntil", "naturaltime", "naturalday", "pluralize", "yesno",
            "slugify", "widthratio", "add_class_never_used");
        Add(FilterEffect.Neutral, true, "transforms text, keeps the safe mark",
            "lower", "title", "capfirst", "center", "ljust", "rjust", "cut", "wordwrap", "truncatechars", "truncatewords",
            "truncatechars_html", "truncatewords_html", "striptags", "addslashes", "stringformat", "iriencode", "last", "slice",
            "default_if_none", "random", "dictsort", "dictsortreversed", "localize", "unlocalize", "localtime", "utc", "timezone",
            "removetags", "phone2numeric", "pprint", "add");
        Add(FilterEffect.Neutral, false, "transforms the value, drops the safe mark",
            "upper", "default", "first", "make_list", "linebreaks_never_used");
        map.Remove("add_class_never_used");
        map.Remove("linebreaks_never_used");
        return map;
    }
}
