namespace DjangoLsp.Templates.Syntax;

/// <summary>Knowledge of Django's built-in tags (django.template.defaulttags, i18n, l10n, tz, cache, static).</summary>
public static class BuiltInTags
{
    private static readonly Dictionary<string, string[]> BlockIntermediates = new(StringComparer.Ordinal)
    {
        ["if"] = new[] { "elif", "else" },
        ["for"] = new[] { "empty" },
        ["with"] = Array.Empty<string>(),
        ["block"] = Array.Empty<string>(),
        ["filter"] = Array.Empty<string>(),
        ["autoescape"] = Array.Empty<string>(),
        ["spaceless"] = Array.Empty<string>(),
        ["verbatim"] = Array.Empty<string>(),
        ["comment"] = Array.Empty<string>(),
        ["blocktranslate"] = new[] { "plural" },
        ["blocktrans"] = new[] { "plural" },
        ["ifchanged"] = new[] { "else" },
        ["ifequal"] = new[] { "else" },
        ["ifnotequal"] = new[] { "else" },
        ["cache"] = Array.Empty<string>(),
        ["localize"] = Array.Empty<string>(),
        ["language"] = Array.Empty<string>(),
        ["timezone"] = Array.Empty<string>(),
        ["localtime"] = Array.Empty<string>(),
    };

    private static readonly HashSet<string> Intermediates = new(StringComparer.Ordinal) { "elif", "else", "empty", "plural" };

    private static readonly HashSet<string> SingleTags = new(StringComparer.Ordinal)
    {
        "extends", "include", "load", "url", "csrf_token", "static", "get_static_prefix", "get_media_prefix", "cycle", "firstof", "now",
        "trans", "translate", "widthratio", "templatetag", "debug", "lorem", "regroup", "resetcycle", "querystring",
        "get_current_language", "get_available_languages", "get_language_info", "get_language_info_list",
        "get_current_language_bidi", "get_current_timezone", "partialdef", "partial",
    };

    /// <summary>True for built-in tags that open a block (need an end tag).</summary>
    public static bool IsBlockTag(string name) => BlockIntermediates.ContainsKey(name);

    public static bool IsRawBlock(string name) => name is "verbatim" or "comment";

    public static bool IsIntermediateTag(string name) => Intermediates.Contains(name);

    public static bool IsKnownTag(string name) => IsBlockTag(name) || SingleTags.Contains(name) || Intermediates.Contains(name) || name.StartsWith("end", StringComparison.Ordinal) && IsBlockTag(name.Substring(3));

    /// <summary>Whether <paramref name="intermediate"/> is allowed directly inside block <paramref name="block"/>.
    /// Unknown (library) blocks accept the common intermediates.</summary>
    public static bool AcceptsIntermediate(string block, string intermediate, bool builtIn)
    {
        if (!builtIn)
        {
            return intermediate is "else" or "elif" or "empty";
        }

        return BlockIntermediates.TryGetValue(block, out var list) && Array.IndexOf(list, intermediate) >= 0;
    }
}
