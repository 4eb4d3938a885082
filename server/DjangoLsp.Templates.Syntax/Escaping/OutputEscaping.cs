namespace DjangoLsp.Templates.Syntax;

/// <summary>What kind of value reaches the output, as far as the template alone can tell.</summary>
public enum OutputValueKind
{
    /// <summary>Comes from the context: may be attacker-controlled.</summary>
    Unknown,
    /// <summary>A literal in the template (string, number, True/False/None) or a translated literal: developer-controlled.</summary>
    Literal,
    /// <summary>A number, date, slug or fixed word produced by a filter or tag: cannot carry markup.</summary>
    Inert,
    /// <summary>A URL path produced by <c>{% url %}</c> or <c>{% static %}</c> (starts with a path, percent-quoted).</summary>
    UrlPath,
}

/// <summary>The last encoding applied to the value before it lands in the document.</summary>
public enum OutputEncoding
{
    None,
    Html,
    /// <summary>HTML-escaped twice (what &lt;iframe srcdoc&gt; needs).</summary>
    HtmlTwice,
    Js,
    Url,
    /// <summary>A complete json_script element.</summary>
    JsonScriptElement,
}

/// <summary>The escaping an output gets: its filters, autoescape, enclosing {% filter %} sections.</summary>
public sealed record OutputEscaping(
    bool Autoescape,
    OutputValueKind Value,
    bool MarkedSafe,
    OutputEncoding Encoding,
    IReadOnlyList<string> Filters,
    IReadOnlyList<string> UnknownFilters)
{
    /// <summary>
    /// Simulates Django's rendering of the value: the filter chain (with its SafeData marks), then autoescape
    /// (conditional_escape), then the filters of enclosing <c>{% filter %}</c> sections (innermost first;
    /// their input is the rendered, safe-marked body).
    /// </summary>
    internal static OutputEscaping Compute(OutputValueKind initialValue, bool initiallySafe, IReadOnlyList<FilterCall> ownFilters,
        bool autoescape, IReadOnlyList<IReadOnlyList<FilterCall>> sections)
    {
        var value = initialValue;
        bool safe = initiallySafe;
        var encoding = OutputEncoding.None;
        int filterCount = ownFilters.Count;
        for (int i = 0; i < sections.Count; i++)
        {
            filterCount += sections[i].Count;
        }

        // Most outputs have no filter: share the empty list instead of allocating one per output.
        string[] names = filterCount == 0 ? Array.Empty<string>() : new string[filterCount];
        int named = 0;
        List<string>? unknown = null;

        void Apply(FilterCall filter)
        {
            names[named++] = filter.Name;
            var info = FilterCatalog.Get(filter.Name);
            if (info == null)
            {
                (unknown ??= new()).Add(filter.Name);
                value = value == OutputValueKind.Literal || value == OutputValueKind.Inert ? OutputValueKind.Unknown : value;
                return;
            }

            switch (info.Effect)
            {
                case FilterEffect.MarksSafe:
                    safe = true;
                    break;
                case FilterEffect.EscapesHtml:
                    if (!safe || filter.Name == "force_escape")
                    {
                        encoding = encoding == OutputEncoding.Html || encoding == OutputEncoding.HtmlTwice ? OutputEncoding.HtmlTwice : OutputEncoding.Html;
                    }

                    safe = true;
                    break;
                case FilterEffect.EscapesHtmlWhenAutoescaping:
                    // Emits markup; the input is escaped only when autoescape is on and it was not safe.
                    encoding = autoescape && !safe ? OutputEncoding.Html : OutputEncoding.None;
                    if (value != OutputValueKind.Literal && value != OutputValueKind.Inert && (!autoescape || safe))
                    {
                        value = OutputValueKind.Unknown;
                    }

                    safe = true;
                    break;
                case FilterEffect.EscapesJs:
                    encoding = OutputEncoding.Js;
                    safe = true;
                    break;
                case FilterEffect.EscapesUrl:
                    encoding = OutputEncoding.Url;
                    safe = false;
                    break;
                case FilterEffect.JsonScript:
                    encoding = OutputEncoding.JsonScriptElement;
                    safe = true;
                    break;
                case FilterEffect.ProducesInertValue:
                    if (filter.Name == "yesno" && filter.Argument is { IsLiteral: false })
                    {
                        value = OutputValueKind.Unknown;
                    }
                    else
                    {
                        value = OutputValueKind.Inert;
                    }

                    encoding = OutputEncoding.None;
                    safe = false;
                    break;
                default:
                    if (filter.Name is "default" or "default_if_none" && filter.Argument is { IsLiteral: false } && value != OutputValueKind.Unknown)
                    {
                        value = OutputValueKind.Unknown;
                    }

                    if (filter.Name == "add")
                    {
                        // int(value) + int(arg), else value + arg, else "": a number argument yields a number or "".
                        value = filter.Argument is { Kind: TemplateValueKind.Number } ? OutputValueKind.Inert
                            : value == OutputValueKind.Inert ? OutputValueKind.Unknown : value;
                    }

                    if (!info.PreservesSafe)
                    {
                        safe = false;
                    }

                    break;
            }
        }

        for (int i = 0; i < ownFilters.Count; i++)
        {
            Apply(ownFilters[i]);
        }

        if (autoescape && !safe)
        {
            encoding = encoding switch
            {
                OutputEncoding.None => OutputEncoding.Html,
                OutputEncoding.Html => OutputEncoding.HtmlTwice,
                _ => encoding,
            };
            safe = true;
        }

        for (int i = 0; i < sections.Count; i++)
        {
            safe = true; // NodeList.render marks the rendered body safe.
            var section = sections[i];
            for (int k = 0; k < section.Count; k++)
            {
                Apply(section[k]);
            }
        }

        if (filterCount == 0)
        {
            return Shared(autoescape, value, safe, encoding);
        }

        return new OutputEscaping(autoescape, value, safe, encoding, names, (IReadOnlyList<string>?)unknown ?? Array.Empty<string>());
    }

    /// <summary>Escapings without filters (most outputs), one immutable instance per combination.</summary>
    private static readonly OutputEscaping?[] SharedUnfiltered = new OutputEscaping?[2 * 4 * 2 * 6];

    private static OutputEscaping Shared(bool autoescape, OutputValueKind value, bool safe, OutputEncoding encoding)
    {
        int index = (((autoescape ? 1 : 0) * 4 + (int)value) * 2 + (safe ? 1 : 0)) * 6 + (int)encoding;
        // Racing threads make equal records; either may win.
        return SharedUnfiltered[index] ??= new OutputEscaping(autoescape, value, safe, encoding, Array.Empty<string>(), Array.Empty<string>());
    }

    /// <summary>
    /// Whether the final value is correctly escaped for <paramref name="context"/>, with a one-line reason.
    /// </summary>
    public (bool Escaped, string Reason) JudgeFor(TemplateOutputContext context)
    {
        if (Value is OutputValueKind.Literal or OutputValueKind.Inert)
        {
            return (true, Value == OutputValueKind.Literal ? "literal value" : "value is a number, date or fixed word");
        }

        if (Encoding == OutputEncoding.JsonScriptElement)
        {
            return context.Kind == OutputContextKind.HtmlText
                ? (true, "json_script element in HTML text")
                : (false, "json_script emits a <script> element; it belongs in HTML text only");
        }

        bool html = Encoding is OutputEncoding.Html or OutputEncoding.HtmlTwice;
        bool js = Encoding == OutputEncoding.Js;
        bool url = Encoding == OutputEncoding.Url;
        bool urlPath = Value == OutputValueKind.UrlPath && html;
        bool unquoted = context.Quote == AttributeQuote.Unquoted;
        string none = Autoescape ? "only HTML-escaped" : "not escaped (autoescape off or marked safe)";
        if (Encoding == OutputEncoding.None)
        {
            none = MarkedSafe && Autoescape ? "marked safe: not escaped" : "not escaped";
        }

        switch (context.Kind)
        {
            case OutputContextKind.HtmlText or OutputContextKind.Rcdata or OutputContextKind.HtmlComment or OutputContextKind.ScriptOther:
                return html || js || url ? (true, "HTML special characters are escaped") : (false, none);
            case OutputContextKind.AttrDouble or OutputContextKind.AttrSingle:
                return html || js || url ? (true, "quotes and markup are escaped") : (false, none);
            case OutputContextKind.AttrUnquoted:
                return url ? (true, "urlencode leaves no spaces or quotes") : (false, "unquoted attribute: autoescape does not escape spaces");
            case OutputContextKind.AttrName:
                return (false, "value inside a tag can add attributes (e.g. onerror=)");
            case OutputContextKind.UrlStart:
                if (url) return (true, "urlencode encodes ':' so no javascript: scheme");
                if (urlPath && !unquoted) return (true, "URL path from {% url %}/{% static %}");
                return (false, unquoted ? "unquoted URL attribute" : "value at the start of a URL can be a javascript: URL");
            case OutputContextKind.UrlRest:
                if (context.IsJavascriptUrl) return (false, "inside a javascript: URL the value runs as JavaScript (percent-decoding undoes urlencode)");
                if (url) return (true, "percent-encoded");
                if (unquoted) return (false, "unquoted attribute: autoescape does not escape spaces");
                return html ? (true, "inside a URL after its scheme, HTML-escaped") : (false, none);
            case OutputContextKind.EventHandler:
                if (unquoted) return (false, "unquoted event handler attribute");
                return context.JsState is OutputContextKind.JsStringDouble or OutputContextKind.JsStringSingle && js
                    ? (true, "escapejs inside a JS string")
                    : (false, "event handler: HTML escaping is undone before the JavaScript runs");
            case OutputContextKind.JsStringDouble or OutputContextKind.JsStringSingle:
                return js ? (true, "escapejs inside a JS string") : url ? (true, "percent-encoded inside a JS string") : (false, "JS string needs escapejs");
            case OutputContextKind.JsCode or OutputContextKind.JsTemplateLiteral or OutputContextKind.JsRegex or OutputContextKind.JsComment:
                return (false, context.Kind == OutputContextKind.JsCode ? "value in JavaScript code: no escaping makes it data (use json_script)" : "no Django filter escapes for this JavaScript position");
            case OutputContextKind.StyleAttr or OutputContextKind.Css:
                return (false, "CSS: no Django filter escapes for CSS");
            case OutputContextKind.Srcdoc:
                return Encoding == OutputEncoding.HtmlTwice && !unquoted ? (true, "escaped twice for srcdoc") : (false, "srcdoc is parsed as HTML after attribute decoding: needs double escaping");
            case OutputContextKind.MetaRefresh:
                return url ? (true, "percent-encoded") : (false, "meta refresh URL can be a javascript: URL");
            default:
                return (false, "unknown context");
        }
    }
}
