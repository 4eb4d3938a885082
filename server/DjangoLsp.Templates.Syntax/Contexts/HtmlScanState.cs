namespace DjangoLsp.Templates.Syntax;

internal enum HtmlState : byte
{
    Text,
    TagOpen,
    TagName,
    EndTag,
    BeforeAttrName,
    AttrName,
    AfterAttrName,
    BeforeAttrValue,
    AttrValue,
    AfterAttrValueQuoted,
    MarkupDeclaration,
    Comment,
    BogusComment,
    RawText,
}

internal enum RawElement : byte
{
    None,
    Script,
    Style,
    /// <summary>title, textarea (RCDATA) and xmp, iframe, noembed, noframes (RAWTEXT): escaped text until the end tag.</summary>
    TextLike,
}

internal enum AttrKind : byte
{
    Plain,
    Url,
    Srcset,
    Event,
    Style,
    Srcdoc,
    MetaContent,
    ScriptType,
    HttpEquiv,
}

internal enum JsState : byte
{
    Code,
    DoubleString,
    SingleString,
    Template,
    Regex,
    RegexClass,
    LineComment,
    BlockComment,
}

/// <summary>
/// Everything the HTML/JS scanner knows at a point of the document. A value type with value equality so a
/// walk can be saved, restored (template graph) and compared (incremental convergence).
/// </summary>
internal readonly record struct HtmlScanState(
    HtmlState State,
    RawElement Raw,
    AttrKind Attr,
    char Delimiter,
    JsState Js,
    bool JsRegexAllowed,
    bool JsEscapePending,
    byte TemplateDepth,
    byte BraceDepth,
    bool UrlStarted,
    bool JavascriptUrl,
    bool ScriptIsData,
    bool MetaRefresh,
    byte Dashes,
    string TagName,
    string AttrName,
    bool EndTag,
    string Buffer)
{
    public static readonly HtmlScanState Initial = new(HtmlState.Text, RawElement.None, AttrKind.Plain, '\0', JsState.Code, true, false, 0, 0,
        false, false, false, false, 0, string.Empty, string.Empty, false, string.Empty);

    /// <summary>The state at the start of a JavaScript body (script element or event handler).</summary>
    public HtmlScanState WithFreshJs() => this with { Js = JsState.Code, JsRegexAllowed = true, JsEscapePending = false, TemplateDepth = 0, BraceDepth = 0 };
}
