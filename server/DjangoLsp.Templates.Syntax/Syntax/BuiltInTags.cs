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

    private static readonly HashSet<string> Words = BuildWords();

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> WordLookup = Words.GetAlternateLookup<ReadOnlySpan<char>>();

    private static HashSet<string> BuildWords()
    {
        var words = new HashSet<string>(StringComparer.Ordinal)
        {
            "as", "in", "with", "only", "not", "and", "or", "is", "silent", "on", "off", "reversed", "count", "asvar", "trimmed", "noop",
            "context", "from", "i18n", "l10n", "tz", "static", "cache", "humanize", "==", "!=", "<", ">", "<=", ">=", "None", "True", "False",
            "content", "title", "extrahead", "extrastyle", "breadcrumbs", "bodyclass", "nav-sidebar", "object-tools", "sidebar", "footer",
        };
        foreach (var name in BlockIntermediates.Keys)
        {
            words.Add(name);
            words.Add("end" + name);
        }

        words.UnionWith(Intermediates);
        words.UnionWith(SingleTags);
        return words;
    }

    /// <summary>A tag name or short tag argument as a string, shared for the common ones (no allocation per tag).</summary>
    internal static string InternWord(ReadOnlySpan<char> word) => WordLookup.TryGetValue(word, out var s) ? s : new string(word);

    /// <summary>Whether <paramref name="name"/> is "end" + a built-in block tag name.</summary>
    internal static bool IsBlockEndTag(string name) =>
        name.Length > 3 && name.StartsWith("end", StringComparison.Ordinal) && BlockIntermediatesLookup.ContainsKey(name.AsSpan(3));

    private static readonly Dictionary<string, string[]>.AlternateLookup<ReadOnlySpan<char>> BlockIntermediatesLookup = BlockIntermediates.GetAlternateLookup<ReadOnlySpan<char>>();

    private static readonly Dictionary<string, string> EndNames = BlockIntermediates.Keys.ToDictionary(k => k, k => "end" + k, StringComparer.Ordinal);

    /// <summary>"end" + <paramref name="name"/>, shared for built-in blocks.</summary>
    internal static string EndTagName(string name) => EndNames.TryGetValue(name, out var end) ? end : "end" + name;

    private static readonly string[] PrintingTags =
    {
        "url", "static", "firstof", "cycle", "trans", "translate", "now", "widthratio", "get_static_prefix", "get_media_prefix",
        "csrf_token", "templatetag", "lorem", "debug",
    };

    private static readonly Dictionary<string, BuiltInTag> TagsByName = BuildFlags().ToDictionary(p => p.Key, p => new BuiltInTag(p.Key, p.Value), StringComparer.Ordinal);

    private static readonly Dictionary<string, BuiltInTag>.AlternateLookup<ReadOnlySpan<char>> TagLookup = TagsByName.GetAlternateLookup<ReadOnlySpan<char>>();

    private static Dictionary<string, TagFlags> BuildFlags()
    {
        var flags = new Dictionary<string, TagFlags>(StringComparer.Ordinal);
        void Set(string name, TagFlags flag) => flags[name] = flags.GetValueOrDefault(name) | flag;
        foreach (var name in BlockIntermediates.Keys)
        {
            Set(name, TagFlags.Known | TagFlags.Block | (IsRawBlock(name) ? TagFlags.Raw : TagFlags.None));
            Set("end" + name, TagFlags.Known | TagFlags.BuiltInBlockEnd);
        }

        foreach (var name in Intermediates)
        {
            Set(name, TagFlags.Known | TagFlags.Intermediate);
        }

        foreach (var name in SingleTags)
        {
            Set(name, TagFlags.Known);
        }

        foreach (var name in PrintingTags)
        {
            Set(name, TagFlags.Printing);
        }

        // Must list every name TemplateParser.ArgumentProblem checks.
        foreach (var name in new[] { "autoescape", "extends", "include", "block", "load", "url", "for", "if", "elif", "filter", "with" })
        {
            Set(name, TagFlags.ArgumentRules);
        }

        foreach (var name in new[] { "for", "if", "elif", "with", "include" })
        {
            Set(name, TagFlags.JinjaCallCheck);
        }

        foreach (var name in new[] { "autoescape", "filter", "blocktrans", "blocktranslate", "comment", "verbatim" })
        {
            Set(name, TagFlags.WalkedWhole);
        }

        return flags;
    }

    /// <summary>The tag name as a string (shared for built-in tags) and what Django's built-ins make of it, with one lookup.</summary>
    internal static (string Name, TagFlags Flags) Lookup(ReadOnlySpan<char> name) =>
        TagLookup.TryGetValue(name, out var tag) ? (tag.Name, tag.Flags) : (InternWord(name), TagFlags.None);

    /// <summary>The built-in tag named <paramref name="name"/>, or null.</summary>
    internal static BuiltInTag? Find(ReadOnlySpan<char> name) => TagLookup.TryGetValue(name, out var tag) ? tag : null;

    /// <summary>True for built-in tags that open a block (need an end tag).</summary>
    public static bool IsBlockTag(string name) => BlockIntermediates.ContainsKey(name);

    public static bool IsRawBlock(string name) => name is "verbatim" or "comment";

    public static bool IsIntermediateTag(string name) => Intermediates.Contains(name);

    public static bool IsKnownTag(string name) => IsBlockTag(name) || SingleTags.Contains(name) || Intermediates.Contains(name) || IsBlockEndTag(name);

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

/// <summary>A built-in tag name, its flags and the one <see cref="TagSyntax"/> shared by all its plain one-bit uses.</summary>
internal sealed class BuiltInTag(string name, TagFlags flags)
{
    public string Name { get; } = name;

    public TagFlags Flags { get; } = flags;

    /// <summary>The syntax of <c>{% name %}</c> written with one space after the opener (made on first use).</summary>
    public TagSyntax? SingleBit;
}

/// <summary>What a tag name is among Django's built-in tags (computed once per parsed tag).</summary>
[Flags]
internal enum TagFlags : ushort
{
    None = 0,
    /// <summary>Any built-in tag, intermediate or built-in end tag (<see cref="BuiltInTags.IsKnownTag"/>).</summary>
    Known = 1,
    /// <summary>Opens a built-in block.</summary>
    Block = 2,
    /// <summary>elif, else, empty, plural.</summary>
    Intermediate = 4,
    /// <summary>"end" + a built-in block name.</summary>
    BuiltInBlockEnd = 8,
    /// <summary>verbatim, comment: the body is not template code.</summary>
    Raw = 16,
    /// <summary>Prints a value (url, static, trans, csrf_token, ...) unless it ends in "as name".</summary>
    Printing = 32,
    /// <summary>Its arguments are checked (<see cref="TemplateParser.ArgumentProblem"/>); other tags need no look.</summary>
    ArgumentRules = 64,
    /// <summary>for, if, elif, with, include: Jinja2 call syntax in the arguments gives a Jinja2 template away.</summary>
    JinjaCallCheck = 128,
    /// <summary>autoescape, filter, blocktrans(late), comment, verbatim: the walk takes the block whole (it changes how its body is walked).</summary>
    WalkedWhole = 256,
}
