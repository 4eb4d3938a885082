namespace DjangoLsp.Templates.Syntax;

/// <summary>Where a template output lands in the rendered document, as a browser parses it.</summary>
public enum OutputContextKind
{
    /// <summary>Element content (HTML text).</summary>
    HtmlText,
    /// <summary>Escapable raw text: &lt;title&gt;, &lt;textarea&gt; (also raw-text elements such as &lt;xmp&gt;, &lt;iframe&gt;).</summary>
    Rcdata,
    /// <summary>Inside &lt;!-- --&gt; (or a bogus comment / doctype).</summary>
    HtmlComment,
    /// <summary>Inside a tag where a tag or attribute name is expected.</summary>
    AttrName,
    AttrDouble,
    AttrSingle,
    AttrUnquoted,
    /// <summary>Start of a URL-valued attribute (scheme position: <c>javascript:</c> risk).</summary>
    UrlStart,
    /// <summary>Later in a URL-valued attribute.</summary>
    UrlRest,
    /// <summary>An <c>on*</c> attribute (JavaScript); see <see cref="TemplateOutputContext.JsState"/> for where in the JS.</summary>
    EventHandler,
    /// <summary>A <c>style</c> attribute (CSS).</summary>
    StyleAttr,
    JsCode,
    JsStringDouble,
    JsStringSingle,
    JsTemplateLiteral,
    JsRegex,
    JsComment,
    /// <summary>&lt;script&gt; with a non-JavaScript type (application/json, text/template, ...).</summary>
    ScriptOther,
    /// <summary>&lt;style&gt; body.</summary>
    Css,
    /// <summary>&lt;iframe srcdoc&gt;: HTML that is parsed again.</summary>
    Srcdoc,
    /// <summary>&lt;meta http-equiv="refresh" content&gt;: holds a URL.</summary>
    MetaRefresh,
}

/// <summary>How an attribute value is delimited.</summary>
public enum AttributeQuote
{
    /// <summary>Not in an attribute value.</summary>
    None,
    Double,
    Single,
    Unquoted,
}

/// <summary>The context of one output.</summary>
public sealed record TemplateOutputContext(
    OutputContextKind Kind,
    AttributeQuote Quote,
    string? ElementName,
    string? AttributeName,
    OutputContextKind? JsState)
{
    /// <summary>
    /// The stable context name used by the debug output and by rules: html-text, rcdata, html-comment, attr-name,
    /// attr-double, attr-single, attr-unquoted, url-start, url-rest, event-handler, style-attr, js-code,
    /// js-string-double, js-string-single, js-template-literal, js-regex, js-comment, script-other, css, srcdoc,
    /// meta-refresh; URL, event-handler, style, srcdoc and meta-refresh values without quotes get "-unquoted".
    /// </summary>
    public string Name
    {
        get
        {
            string name = KindName(Kind);
            bool typedAttribute = Kind is OutputContextKind.UrlStart or OutputContextKind.UrlRest or OutputContextKind.EventHandler
                or OutputContextKind.StyleAttr or OutputContextKind.Srcdoc or OutputContextKind.MetaRefresh;
            return typedAttribute && Quote == AttributeQuote.Unquoted ? name + "-unquoted" : name;
        }
    }

    /// <summary>A URL attribute whose value starts with <c>javascript:</c>: the rest of the URL runs as JavaScript.</summary>
    public bool IsJavascriptUrl { get; init; }

    /// <summary>True when the value is inside an attribute value (any quoting).</summary>
    public bool IsAttributeValue => Quote != AttributeQuote.None;

    /// <summary>The JavaScript position for <see cref="OutputContextKind.EventHandler"/>, or the kind itself for script bodies.</summary>
    public OutputContextKind? EffectiveJsState => Kind == OutputContextKind.EventHandler ? JsState : IsJs(Kind) ? Kind : null;

    public static bool IsJs(OutputContextKind kind) => kind is OutputContextKind.JsCode or OutputContextKind.JsStringDouble
        or OutputContextKind.JsStringSingle or OutputContextKind.JsTemplateLiteral or OutputContextKind.JsRegex or OutputContextKind.JsComment;

    public static string KindName(OutputContextKind kind) => kind switch
    {
        OutputContextKind.HtmlText => "html-text",
        OutputContextKind.Rcdata => "rcdata",
        OutputContextKind.HtmlComment => "html-comment",
        OutputContextKind.AttrName => "attr-name",
        OutputContextKind.AttrDouble => "attr-double",
        OutputContextKind.AttrSingle => "attr-single",
        OutputContextKind.AttrUnquoted => "attr-unquoted",
        OutputContextKind.UrlStart => "url-start",
        OutputContextKind.UrlRest => "url-rest",
        OutputContextKind.EventHandler => "event-handler",
        OutputContextKind.StyleAttr => "style-attr",
        OutputContextKind.JsCode => "js-code",
        OutputContextKind.JsStringDouble => "js-string-double",
        OutputContextKind.JsStringSingle => "js-string-single",
        OutputContextKind.JsTemplateLiteral => "js-template-literal",
        OutputContextKind.JsRegex => "js-regex",
        OutputContextKind.JsComment => "js-comment",
        OutputContextKind.ScriptOther => "script-other",
        OutputContextKind.Css => "css",
        OutputContextKind.Srcdoc => "srcdoc",
        OutputContextKind.MetaRefresh => "meta-refresh",
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    public override string ToString() => Name;
}
