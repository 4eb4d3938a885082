namespace DjangoLsp.Templates.Syntax;

/// <summary>Tables of element and attribute names that change how a value is interpreted.</summary>
internal static class HtmlNames
{
    private static readonly HashSet<string> UrlAttributes = new(StringComparer.Ordinal)
    {
        "href", "src", "action", "formaction", "poster", "data", "xlink:href", "cite", "background", "manifest", "ping",
        "longdesc", "usemap", "codebase", "classid", "archive", "profile", "icon", "lowsrc", "dynsrc", "itemtype", "itemid",
        "xmlns", "xml:base", "attributionsrc",
    };

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> UrlAttributeLookup = UrlAttributes.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>A shared name and what it makes of an attribute regardless of the element (see <see cref="ClassifyName"/>),
    /// so an attribute costs one lookup.</summary>
    private sealed record NameEntry(string Name, AttrKind Kind);

    private static readonly Dictionary<string, NameEntry> Interned = new(StringComparer.Ordinal);
    private static readonly Dictionary<string, NameEntry>.AlternateLookup<ReadOnlySpan<char>> InternedLookup;

    /// <summary>Names seen in templates beyond the fixed table (data-*, aria-*, ...), shared across files; bounded.</summary>
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, NameEntry> Seen = new(StringComparer.Ordinal);
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, NameEntry>.AlternateLookup<ReadOnlySpan<char>> SeenLookup = Seen.GetAlternateLookup<ReadOnlySpan<char>>();
    private const int MaxSeen = 4096;

    static HtmlNames()
    {
        foreach (var name in new[]
                 {
                     "a", "abbr", "b", "body", "br", "button", "caption", "code", "dd", "div", "dl", "dt", "em", "fieldset", "form",
                     "h1", "h2", "h3", "h4", "h5", "h6", "head", "header", "hr", "html", "i", "iframe", "img", "input", "label",
                     "legend", "li", "link", "main", "meta", "nav", "noscript", "ol", "option", "p", "pre", "script", "section",
                     "select", "small", "span", "strong", "style", "table", "tbody", "td", "textarea", "tfoot", "th", "thead",
                     "title", "tr", "ul", "svg", "path", "xmp", "noembed", "noframes", "object", "embed", "video", "audio", "source",
                     "class", "id", "name", "type", "value", "href", "src", "action", "method", "style", "title", "alt", "for",
                     "rel", "lang", "dir", "width", "height", "colspan", "rowspan", "scope", "content", "http-equiv", "charset",
                     "checked", "selected", "disabled", "readonly", "required", "multiple", "autofocus", "placeholder",
                     "aria-label", "aria-hidden", "role", "data", "srcset", "srcdoc", "onclick", "onload", "size", "maxlength",
                     "target", "tabindex", "accept", "autocomplete", "enctype", "novalidate", "hidden", "label", "headers",
                 })
        {
            Interned[name] = new NameEntry(name, ClassifyName(name));
        }

        InternedLookup = Interned.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>Returns a string for an already lower-cased name, reusing common ones.</summary>
    public static string Intern(ReadOnlySpan<char> lower) => Lookup(lower).Name;

    /// <summary>Like <see cref="Intern"/> for an attribute name, also giving its kind apart from the element (for <see cref="ClassifyForElement"/>).</summary>
    public static string InternAttribute(ReadOnlySpan<char> lower, out AttrKind nameKind)
    {
        var entry = Lookup(lower);
        nameKind = entry.Kind;
        return entry.Name;
    }

    private static NameEntry Lookup(ReadOnlySpan<char> lower)
    {
        if (InternedLookup.TryGetValue(lower, out var entry) || SeenLookup.TryGetValue(lower, out entry))
        {
            return entry;
        }

        string s = new(lower);
        entry = new NameEntry(s, ClassifyName(s));
        if (lower.Length <= 32 && Seen.Count < MaxSeen)
        {
            Seen.TryAdd(s, entry);
        }

        return entry;
    }

    public static RawElement RawElementFor(string tagName) => tagName switch
    {
        "script" => RawElement.Script,
        "style" => RawElement.Style,
        "title" or "textarea" or "xmp" or "iframe" or "noembed" or "noframes" => RawElement.TextLike,
        _ => RawElement.None,
    };

    /// <summary>The kind of attribute <paramref name="attrName"/> on element <paramref name="tagName"/>, given the kind
    /// its name has on any element (<paramref name="nameKind"/>, from <see cref="ClassifyName"/>).</summary>
    public static AttrKind ClassifyForElement(string tagName, string attrName, AttrKind nameKind)
    {
        switch (attrName)
        {
            case "srcdoc" when tagName == "iframe":
                return AttrKind.Srcdoc;
            case "content" when tagName == "meta":
                return AttrKind.MetaContent;
            case "type" when tagName == "script":
                return AttrKind.ScriptType;
            case "http-equiv" when tagName == "meta":
                return AttrKind.HttpEquiv;
            default:
                return nameKind;
        }
    }

    /// <summary>What an attribute name means on any element (none of the element-specific names starts with "on"
    /// or is style/srcset, so checking those first, as <see cref="ClassifyForElement"/> does, changes nothing).</summary>
    private static AttrKind ClassifyName(string attrName)
    {
        if (attrName.StartsWith("on", StringComparison.Ordinal) && attrName.Length > 2)
        {
            return AttrKind.Event;
        }

        switch (attrName)
        {
            case "style":
                return AttrKind.Style;
            case "srcset" or "imagesrcset":
                return AttrKind.Srcset;
        }

        var name = attrName.AsSpan();
        if (name.StartsWith("data-", StringComparison.Ordinal))
        {
            name = name.Slice(5);
        }

        int colon = name.IndexOf(':');
        if (UrlAttributeLookup.Contains(name) || colon >= 0 && UrlAttributeLookup.Contains(name.Slice(colon + 1)))
        {
            return AttrKind.Url;
        }

        // Like Go's html/template: names mentioning src/uri/url carry URLs (data-src, data-url, ...).
        return !name.SequenceEqual("srcdoc") && name.Contains("src", StringComparison.Ordinal) || name.Contains("uri", StringComparison.Ordinal) || name.Contains("url", StringComparison.Ordinal)
            ? AttrKind.Url
            : AttrKind.Plain;
    }

    /// <summary>Whether a &lt;script type&gt; value makes the body data rather than JavaScript.</summary>
    public static bool IsDataScriptType(ReadOnlySpan<char> type)
    {
        var t = type.Trim();
        int semicolon = t.IndexOf(';');
        if (semicolon >= 0)
        {
            t = t.Slice(0, semicolon).Trim();
        }

        foreach (var javascript in JavaScriptTypes)
        {
            // Browsers match MIME types ASCII case-insensitively.
            if (System.Text.Ascii.EqualsIgnoreCase(t, javascript))
            {
                return false;
            }
        }

        return !t.Contains('\uFFFF');
    }

    private static readonly string[] JavaScriptTypes =
    {
        "", "module", "text/javascript", "application/javascript", "text/ecmascript", "application/ecmascript",
        "application/x-javascript", "text/x-javascript", "text/jscript", "text/livescript", "javascript", "text/babel", "text/jsx",
    };
}
