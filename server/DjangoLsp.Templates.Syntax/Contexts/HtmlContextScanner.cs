namespace DjangoLsp.Templates.Syntax;

/// <summary>
/// A streaming HTML tokenizer (WHATWG states reduced to what decides a value's context) with a JavaScript
/// lexer for script bodies and event handlers. Feed it the literal text of a rendering in document order;
/// ask <see cref="CurrentContext"/> where an output lands, then call <see cref="AfterOutput"/>.
/// </summary>
internal sealed class HtmlContextScanner
{
    private const int MaxName = 64;
    private const char Unknown = '\uFFFF';
    /// <summary>Inside the scanner object (one allocation less per walk than a separate array).</summary>
    private NameBuffer _buffer;
    private int _bufferLength;
    private HtmlState _state;
    private RawElement _raw;
    private AttrKind _attr;
    private char _delimiter;
    private JsState _js;
    private bool _regexAllowed = true;
    private bool _escapePending;
    private byte _templateDepth;
    private byte _braceDepth;
    private bool _urlStarted;
    private bool _javascriptUrl;
    private bool _scriptIsData;
    private bool _metaRefresh;
    private byte _dashes;
    private bool _endTag;
    private string _tagName = string.Empty;
    private string _attrName = string.Empty;

    /// <summary>The scanner's state. In element content every other field is dead (each is set again before it is
    /// read: on the next tag, script body or attribute value), so all text states are saved as <see cref="HtmlScanState.Initial"/>;
    /// equal states then compare equal, which lets incremental analysis reuse more.</summary>
    public HtmlScanState Save() => _state == HtmlState.Text
        ? HtmlScanState.Initial
        : new(_state, _raw, _attr, _delimiter, _js, _regexAllowed, _escapePending, _templateDepth, _braceDepth,
            _urlStarted, _javascriptUrl, _scriptIsData, _metaRefresh, _dashes, _tagName, _attrName, _endTag,
            _bufferLength == 0 ? string.Empty : new string(Buffer));

    public void Restore(in HtmlScanState s)
    {
        (_state, _raw, _attr, _delimiter, _js, _regexAllowed, _escapePending, _templateDepth, _braceDepth, _urlStarted, _javascriptUrl, _scriptIsData, _metaRefresh, _dashes, _tagName) =
            (s.State, s.Raw, s.Attr, s.Delimiter, s.Js, s.JsRegexAllowed, s.JsEscapePending, s.TemplateDepth, s.BraceDepth, s.UrlStarted, s.JavascriptUrl, s.ScriptIsData, s.MetaRefresh, s.Dashes, s.TagName);
        _attrName = s.AttrName;
        _endTag = s.EndTag;
        _bufferLength = Math.Min(s.Buffer.Length, MaxName);
        s.Buffer.AsSpan(0, _bufferLength).CopyTo(_buffer);
    }

    public static HtmlContextScanner FromState(HtmlScanState state)
    {
        var scanner = new HtmlContextScanner();
        scanner.Restore(state);
        return scanner;
    }

    /// <summary>The context an output inserted here lands in.</summary>
    public TemplateOutputContext CurrentContext()
    {
        string? element = _tagName.Length > 0 ? _tagName : null;
        switch (_state)
        {
            case HtmlState.Text:
                return HtmlTextContext;
            case HtmlState.Comment or HtmlState.BogusComment or HtmlState.MarkupDeclaration:
                return HtmlCommentContext;
            case HtmlState.TagOpen or HtmlState.TagName or HtmlState.EndTag or HtmlState.BeforeAttrName or HtmlState.AttrName
                or HtmlState.AfterAttrName or HtmlState.AfterAttrValueQuoted:
                return Context(OutputContextKind.AttrName, AttributeQuote.None, element, null, null, false);
            case HtmlState.BeforeAttrValue:
                return AttributeContext(AttributeQuote.Unquoted, urlStarted: false, OutputContextKind.JsCode, element);
            case HtmlState.AttrValue:
                var quote = _delimiter switch { '"' => AttributeQuote.Double, '\'' => AttributeQuote.Single, _ => AttributeQuote.Unquoted };
                return AttributeContext(quote, _urlStarted, JsKind(), element);
            case HtmlState.RawText:
                var kind = _raw switch
                {
                    RawElement.Script => _scriptIsData ? OutputContextKind.ScriptOther : JsKind(),
                    RawElement.Style => OutputContextKind.Css,
                    _ => OutputContextKind.Rcdata,
                };
                return Context(kind, AttributeQuote.None, element, null, null, false);
            default:
                return HtmlTextContext;
        }
    }

    // Immutable, so the element-less contexts are shared by all outputs.
    private static readonly TemplateOutputContext HtmlTextContext = new(OutputContextKind.HtmlText, AttributeQuote.None, null, null, null);
    private static readonly TemplateOutputContext HtmlCommentContext = new(OutputContextKind.HtmlComment, AttributeQuote.None, null, null, null);

    private TemplateOutputContext AttributeContext(AttributeQuote quote, bool urlStarted, OutputContextKind js, string? element)
    {
        var kind = _attr switch
        {
            AttrKind.Url or AttrKind.Srcset => urlStarted ? OutputContextKind.UrlRest : OutputContextKind.UrlStart,
            AttrKind.Event => OutputContextKind.EventHandler,
            AttrKind.Style => OutputContextKind.StyleAttr,
            AttrKind.Srcdoc => OutputContextKind.Srcdoc,
            AttrKind.MetaContent when _metaRefresh => OutputContextKind.MetaRefresh,
            _ => quote switch
            {
                AttributeQuote.Double => OutputContextKind.AttrDouble,
                AttributeQuote.Single => OutputContextKind.AttrSingle,
                _ => OutputContextKind.AttrUnquoted,
            },
        };
        return Context(kind, quote, element, _attrName.Length > 0 ? _attrName : null, _attr == AttrKind.Event ? js : null, _javascriptUrl && urlStarted);
    }

    /// <summary>The last context made: outputs in a row very often share one (the cells of a table row, the
    /// attributes of one element), and contexts are immutable, so an equal one is returned instead of a new one.</summary>
    private TemplateOutputContext? _lastContext;

    private TemplateOutputContext Context(OutputContextKind kind, AttributeQuote quote, string? element, string? attribute, OutputContextKind? js, bool javascriptUrl)
    {
        var last = _lastContext;
        if (last != null && last.Kind == kind && last.Quote == quote && last.IsJavascriptUrl == javascriptUrl && last.JsState == js
            && string.Equals(last.ElementName, element, StringComparison.Ordinal) && string.Equals(last.AttributeName, attribute, StringComparison.Ordinal))
        {
            return last;
        }

        return _lastContext = new TemplateOutputContext(kind, quote, element, attribute, js) { IsJavascriptUrl = javascriptUrl };
    }

    private OutputContextKind JsKind() => _js switch
    {
        JsState.Code => OutputContextKind.JsCode,
        JsState.DoubleString => OutputContextKind.JsStringDouble,
        JsState.SingleString => OutputContextKind.JsStringSingle,
        JsState.Template => OutputContextKind.JsTemplateLiteral,
        JsState.Regex or JsState.RegexClass => OutputContextKind.JsRegex,
        _ => OutputContextKind.JsComment,
    };

    /// <summary>An output of unknown characters was inserted at the current point.</summary>
    public void AfterOutput()
    {
        switch (_state)
        {
            case HtmlState.TagOpen:
                _state = HtmlState.TagName;
                _bufferLength = 0;
                Append(Unknown);
                break;
            case HtmlState.BeforeAttrName or HtmlState.AfterAttrName or HtmlState.AfterAttrValueQuoted:
                _state = HtmlState.AttrName;
                _bufferLength = 0;
                Append(Unknown);
                break;
            case HtmlState.AttrName or HtmlState.TagName:
                Append(Unknown);
                break;
            case HtmlState.BeforeAttrValue:
                BeginValue('\0');
                ValueOutput();
                break;
            case HtmlState.AttrValue:
                ValueOutput();
                break;
            case HtmlState.RawText when _raw == RawElement.Script && _js == JsState.Code:
                _regexAllowed = false;
                break;
        }
    }

    private void ValueOutput()
    {
        _urlStarted = true;
        if (_attr == AttrKind.Event && _js == JsState.Code)
        {
            _regexAllowed = false;
        }

        if (_attr is AttrKind.ScriptType or AttrKind.HttpEquiv or AttrKind.Url)
        {
            Append(Unknown);
        }
    }

    /// <summary>Advances over literal template text.</summary>
    public void Feed(ReadOnlySpan<char> text)
    {
        int i = 0;
        int n = text.Length;
        while (i < n)
        {
            switch (_state)
            {
                case HtmlState.Text:
                {
                    int lt = text.Slice(i).IndexOf('<');
                    if (lt < 0)
                    {
                        return;
                    }

                    i += lt + 1;
                    _state = HtmlState.TagOpen;
                    break;
                }

                case HtmlState.TagOpen:
                {
                    char c = text[i];
                    if (char.IsAsciiLetter(c))
                    {
                        _state = HtmlState.TagName;
                        _endTag = false;
                        _bufferLength = 0;
                    }
                    else if (c == '/')
                    {
                        _state = HtmlState.TagName;
                        _endTag = true;
                        _bufferLength = 0;
                        i++;
                    }
                    else if (c == '!')
                    {
                        _state = HtmlState.MarkupDeclaration;
                        _dashes = 0;
                        i++;
                    }
                    else if (c == '?')
                    {
                        _state = HtmlState.BogusComment;
                        i++;
                    }
                    else
                    {
                        _state = HtmlState.Text;
                    }

                    break;
                }

                case HtmlState.TagName:
                {
                    // The name's characters in one tight loop (not once round the state switch per character).
                    char c = text[i];
                    while (!(IsHtmlSpace(c) || c == '/' || c == '>'))
                    {
                        Append(char.ToLowerInvariant(c));
                        if (++i == n)
                        {
                            return;
                        }

                        c = text[i];
                    }

                    if (IsHtmlSpace(c) || c == '/' || c == '>')
                    {
                        EndTagName();
                        if (c == '>')
                        {
                            FinishTag();
                        }
                        else
                        {
                            _state = _endTag ? HtmlState.EndTag : HtmlState.BeforeAttrName;
                        }
                    }
                    else
                    {
                        Append(char.ToLowerInvariant(c));
                    }

                    i++;
                    break;
                }

                case HtmlState.EndTag:
                {
                    int gt = text.Slice(i).IndexOf('>');
                    if (gt < 0)
                    {
                        return;
                    }

                    i += gt + 1;
                    FinishTag();
                    break;
                }

                case HtmlState.BeforeAttrName:
                {
                    char c = text[i];
                    if (c == '>')
                    {
                        FinishTag();
                    }
                    else if (!IsHtmlSpace(c) && c != '/')
                    {
                        _state = HtmlState.AttrName;
                        _bufferLength = 0;
                        Append(char.ToLowerInvariant(c));
                    }

                    i++;
                    break;
                }

                case HtmlState.AttrName:
                {
                    char c = text[i];
                    while (!(IsHtmlSpace(c) || c is '/' or '=' or '>'))
                    {
                        Append(char.ToLowerInvariant(c));
                        if (++i == n)
                        {
                            return;
                        }

                        c = text[i];
                    }

                    if (IsHtmlSpace(c))
                    {
                        EndAttrName();
                        _state = HtmlState.AfterAttrName;
                    }
                    else if (c == '/')
                    {
                        EndAttrName();
                        _state = HtmlState.BeforeAttrName;
                    }
                    else if (c == '=')
                    {
                        EndAttrName();
                        _state = HtmlState.BeforeAttrValue;
                    }
                    else if (c == '>')
                    {
                        EndAttrName();
                        FinishTag();
                    }
                    else
                    {
                        Append(char.ToLowerInvariant(c));
                    }

                    i++;
                    break;
                }

                case HtmlState.AfterAttrName:
                {
                    char c = text[i];
                    if (c == '=')
                    {
                        _state = HtmlState.BeforeAttrValue;
                        i++;
                    }
                    else if (c == '>')
                    {
                        FinishTag();
                        i++;
                    }
                    else if (c == '/')
                    {
                        _state = HtmlState.BeforeAttrName;
                        i++;
                    }
                    else if (IsHtmlSpace(c))
                    {
                        i++;
                    }
                    else
                    {
                        _state = HtmlState.BeforeAttrName;
                    }

                    break;
                }

                case HtmlState.BeforeAttrValue:
                {
                    char c = text[i];
                    if (IsHtmlSpace(c))
                    {
                        i++;
                    }
                    else if (c is '"' or '\'')
                    {
                        BeginValue(c);
                        i++;
                    }
                    else if (c == '>')
                    {
                        FinishTag();
                        i++;
                    }
                    else
                    {
                        BeginValue('\0');
                    }

                    break;
                }

                case HtmlState.AttrValue:
                    i = FeedAttributeValue(text, i);
                    break;

                case HtmlState.AfterAttrValueQuoted:
                {
                    char c = text[i];
                    if (c == '>')
                    {
                        FinishTag();
                        i++;
                    }
                    else if (IsHtmlSpace(c) || c == '/')
                    {
                        _state = HtmlState.BeforeAttrName;
                        i++;
                    }
                    else
                    {
                        _state = HtmlState.BeforeAttrName;
                    }

                    break;
                }

                case HtmlState.MarkupDeclaration:
                {
                    char c = text[i];
                    if (c == '-' && _dashes == 0)
                    {
                        _dashes = 1;
                        i++;
                    }
                    else if (c == '-' && _dashes == 1)
                    {
                        _state = HtmlState.Comment;
                        _dashes = 0;
                        i++;
                    }
                    else
                    {
                        _state = HtmlState.BogusComment;
                    }

                    break;
                }

                case HtmlState.Comment:
                {
                    char c = text[i++];
                    if (c == '-')
                    {
                        if (_dashes < 2) _dashes++;
                    }
                    else if (c == '>' && _dashes >= 2)
                    {
                        _state = HtmlState.Text;
                        _dashes = 0;
                    }
                    else
                    {
                        _dashes = 0;
                    }

                    break;
                }

                case HtmlState.BogusComment:
                {
                    int gt = text.Slice(i).IndexOf('>');
                    if (gt < 0)
                    {
                        return;
                    }

                    i += gt + 1;
                    _state = HtmlState.Text;
                    break;
                }

                case HtmlState.RawText:
                    i = _raw == RawElement.Script && !_scriptIsData ? FeedScript(text, i) : FeedRawText(text, i);
                    break;
            }
        }
    }

    private int FeedRawText(ReadOnlySpan<char> text, int i)
    {
        while (true)
        {
            int lt = text.Slice(i).IndexOf("</", StringComparison.Ordinal);
            if (lt < 0)
            {
                return text.Length;
            }

            i += lt;
            if (IsEndTagOf(text, i, _tagName))
            {
                _state = HtmlState.EndTag;
                _endTag = true;
                _raw = RawElement.None;
                return i + 2 + _tagName.Length;
            }

            i += 2;
        }
    }

    private static bool IsEndTagOf(ReadOnlySpan<char> text, int lt, string name)
    {
        int after = lt + 2 + name.Length;
        if (after > text.Length || !text.Slice(lt + 2, name.Length).Equals(name, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        // At the very end of a piece of text we cannot see the next character; browsers need one of these.
        return after == text.Length || IsHtmlSpace(text[after]) || text[after] is '/' or '>';
    }

    private int FeedScript(ReadOnlySpan<char> text, int i)
    {
        int n = text.Length;
        while (i < n)
        {
            char c = text[i];
            if (c == '<' && i + 1 < n && text[i + 1] == '/' && IsEndTagOf(text, i, "script"))
            {
                // "</script" ends the element whatever the JS state (a string, a comment, a regex).
                _state = HtmlState.EndTag;
                _endTag = true;
                _raw = RawElement.None;
                return i + 8;
            }

            i = StepJs(text, i);
        }

        return i;
    }

    /// <summary>One JavaScript lexer step at <paramref name="i"/>; returns the next index.</summary>
    private int StepJs(ReadOnlySpan<char> text, int i) => StepJs(text, i, text[i]);

    private int StepJs(ReadOnlySpan<char> text, int i, char c)
    {
        int n = text.Length;
        if (_escapePending)
        {
            _escapePending = false;
            return i + 1;
        }

        switch (_js)
        {
            case JsState.Code:
                switch (c)
                {
                    case '"':
                        _js = JsState.DoubleString;
                        return i + 1;
                    case '\'':
                        _js = JsState.SingleString;
                        return i + 1;
                    case '`':
                        _js = JsState.Template;
                        return i + 1;
                    case '/':
                        if (i + 1 < n && text[i + 1] == '/')
                        {
                            _js = JsState.LineComment;
                            return i + 2;
                        }

                        if (i + 1 < n && text[i + 1] == '*')
                        {
                            _js = JsState.BlockComment;
                            return i + 2;
                        }

                        if (_regexAllowed)
                        {
                            _js = JsState.Regex;
                        }
                        else
                        {
                            _regexAllowed = true;
                        }

                        return i + 1;
                    case '{':
                        if (_templateDepth > 0 && _braceDepth < byte.MaxValue) _braceDepth++;
                        _regexAllowed = true;
                        return i + 1;
                    case '}':
                        if (_templateDepth > 0)
                        {
                            if (_braceDepth == 0)
                            {
                                _templateDepth--;
                                _js = JsState.Template;
                                return i + 1;
                            }

                            _braceDepth--;
                        }

                        _regexAllowed = true;
                        return i + 1;
                    case ')' or ']':
                        _regexAllowed = false;
                        return i + 1;
                    case '+' or '-':
                        if (i + 1 < n && text[i + 1] == c)
                        {
                            _regexAllowed = false;
                            return i + 2;
                        }

                        _regexAllowed = true;
                        return i + 1;
                    default:
                        if (IsJsIdentifierChar(c))
                        {
                            int start = i;
                            while (i < n && IsJsIdentifierChar(text[i])) i++;
                            _regexAllowed = IsRegexKeyword(text.Slice(start, i - start));
                            return i;
                        }

                        if (c is ' ' or '\t' or '\n' or '\r' or '\f' or '\v' or '\u00a0' or '\u2028' or '\u2029')
                        {
                            return i + 1;
                        }

                        _regexAllowed = true;
                        return i + 1;
                }

            case JsState.DoubleString or JsState.SingleString:
                if (c == '\\')
                {
                    _escapePending = true;
                }
                else if (c == (_js == JsState.DoubleString ? '"' : '\'') || c == '\n')
                {
                    _js = JsState.Code;
                    _regexAllowed = false;
                }

                return i + 1;

            case JsState.Template:
                if (c == '\\')
                {
                    _escapePending = true;
                }
                else if (c == '`')
                {
                    _js = JsState.Code;
                    _regexAllowed = false;
                }
                else if (c == '$' && i + 1 < n && text[i + 1] == '{')
                {
                    _js = JsState.Code;
                    _regexAllowed = true;
                    if (_templateDepth < byte.MaxValue) _templateDepth++;
                    _braceDepth = 0;
                    return i + 2;
                }

                return i + 1;

            case JsState.Regex:
                if (c == '\\')
                {
                    _escapePending = true;
                }
                else if (c == '[')
                {
                    _js = JsState.RegexClass;
                }
                else if (c == '/' || c == '\n')
                {
                    _js = JsState.Code;
                    _regexAllowed = false;
                }

                return i + 1;

            case JsState.RegexClass:
                if (c == '\\')
                {
                    _escapePending = true;
                }
                else if (c == ']')
                {
                    _js = JsState.Regex;
                }

                return i + 1;

            case JsState.LineComment:
                if (c is '\n' or '\r' or '\u2028' or '\u2029')
                {
                    _js = JsState.Code;
                }

                return i + 1;

            default:
                if (c == '*' && i + 1 < n && text[i + 1] == '/')
                {
                    _js = JsState.Code;
                    return i + 2;
                }

                return i + 1;
        }
    }

    private int FeedAttributeValue(ReadOnlySpan<char> text, int i)
    {
        int n = text.Length;
        if (_attr is not (AttrKind.Event or AttrKind.Url or AttrKind.Srcset or AttrKind.ScriptType or AttrKind.HttpEquiv))
        {
            // Nothing inside this value matters but its end: jump there.
            int end = _delimiter != '\0' ? text.Slice(i).IndexOf(_delimiter) : text.Slice(i).IndexOfAny(UnquotedValueEnd);
            if (end < 0)
            {
                return n;
            }

            i += end;
        }

        while (i < n)
        {
            char c = text[i];
            if (_delimiter != '\0' ? c == _delimiter : IsHtmlSpace(c) || c == '>')
            {
                EndValue();
                if (_delimiter != '\0')
                {
                    _state = HtmlState.AfterAttrValueQuoted;
                    return i + 1;
                }

                if (c == '>')
                {
                    FinishTag();
                }
                else
                {
                    _state = HtmlState.BeforeAttrName;
                }

                return i + 1;
            }

            switch (_attr)
            {
                case AttrKind.Event:
                    if (c == '&')
                    {
                        // The attribute value is HTML-decoded before it runs: &quot; is a quote to the JS lexer.
                        int length = DecodeQuoteEntity(text.Slice(i), out char decoded);
                        if (length > 0)
                        {
                            StepJs(text, i, decoded);
                            i += length;
                            continue;
                        }
                    }

                    i = StepJs(text, i);
                    continue;
                case AttrKind.Url:
                    if (!IsHtmlSpace(c)) _urlStarted = true;
                    if (!_javascriptUrl && c is not ('\t' or '\n' or '\r'))
                    {
                        if (c == ':')
                        {
                            _javascriptUrl = Buffer.Trim().Equals("javascript", StringComparison.OrdinalIgnoreCase);
                            Append(Unknown);
                        }
                        else
                        {
                            Append(c);
                        }
                    }

                    break;
                case AttrKind.Srcset:
                    if (c == ',') _urlStarted = false;
                    else if (!IsHtmlSpace(c)) _urlStarted = true;
                    break;
                case AttrKind.ScriptType or AttrKind.HttpEquiv:
                    Append(c);
                    break;
            }

            i++;
        }

        return i;
    }

    /// <summary>What ends an unquoted attribute value (<see cref="IsHtmlSpace"/> or '&gt;').</summary>
    private static readonly System.Buffers.SearchValues<char> UnquotedValueEnd = System.Buffers.SearchValues.Create(" \t\n\r\f>");

    private static int DecodeQuoteEntity(ReadOnlySpan<char> s, out char decoded)
    {
        foreach (var (entity, ch) in QuoteEntities)
        {
            if (s.StartsWith(entity, StringComparison.OrdinalIgnoreCase))
            {
                decoded = ch;
                return entity.Length;
            }
        }

        decoded = '\0';
        return 0;
    }

    private static readonly (string Entity, char Char)[] QuoteEntities =
    {
        ("&quot;", '"'), ("&#34;", '"'), ("&#x22;", '"'), ("&#39;", '\''), ("&#x27;", '\''), ("&apos;", '\''),
        ("&#96;", '`'), ("&#x60;", '`'), ("&grave;", '`'),
    };

    private void BeginValue(char delimiter)
    {
        _state = HtmlState.AttrValue;
        _delimiter = delimiter;
        _urlStarted = false;
        _javascriptUrl = false;
        _bufferLength = 0;
        if (_attr == AttrKind.Event)
        {
            _js = JsState.Code;
            _regexAllowed = true;
            _escapePending = false;
            _templateDepth = 0;
            _braceDepth = 0;
        }
    }

    private void EndValue()
    {
        var value = Buffer;
        if (_attr == AttrKind.ScriptType)
        {
            _scriptIsData = HtmlNames.IsDataScriptType(value);
        }
        else if (_attr == AttrKind.HttpEquiv)
        {
            _metaRefresh = value.Trim().Equals("refresh", StringComparison.OrdinalIgnoreCase) || value.Contains(Unknown);
        }

        _bufferLength = 0;
    }

    private void EndTagName()
    {
        _tagName = HtmlNames.Intern(Buffer);
        _bufferLength = 0;
        _attrName = string.Empty;
        _attr = AttrKind.Plain;
        if (!_endTag)
        {
            _scriptIsData = false;
            _metaRefresh = false;
        }
    }

    private void EndAttrName()
    {
        _attrName = HtmlNames.InternAttribute(Buffer, out var nameKind);
        _bufferLength = 0;
        _attr = HtmlNames.ClassifyForElement(_tagName, _attrName, nameKind);
    }

    private void FinishTag()
    {
        _attr = AttrKind.Plain;
        _attrName = string.Empty;
        _delimiter = '\0';
        var raw = _endTag ? RawElement.None : HtmlNames.RawElementFor(_tagName);
        _endTag = false;
        if (raw == RawElement.None)
        {
            _state = HtmlState.Text;
            _raw = RawElement.None;
            _tagName = string.Empty;
            return;
        }

        _state = HtmlState.RawText;
        _raw = raw;
        _js = JsState.Code;
        _regexAllowed = true;
        _escapePending = false;
        _templateDepth = 0;
        _braceDepth = 0;
    }

    /// <summary>The characters collected so far (tag or attribute name, start of a URL, script type).</summary>
    private ReadOnlySpan<char> Buffer => ((ReadOnlySpan<char>)_buffer).Slice(0, _bufferLength);

    [System.Runtime.CompilerServices.InlineArray(MaxName)]
    private struct NameBuffer
    {
        private char _first;
    }

    private void Append(char c)
    {
        if (_bufferLength < MaxName)
        {
            _buffer[_bufferLength++] = c;
        }
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    private static bool IsHtmlSpace(char c) => c is ' ' or '\t' or '\n' or '\r' or '\f';

    private static bool IsJsIdentifierChar(char c) => char.IsAsciiLetterOrDigit(c) || c is '_' or '$' || c > 0x7f && char.IsLetterOrDigit(c);

    private static bool IsRegexKeyword(ReadOnlySpan<char> word) =>
        word is "return" or "typeof" or "case" or "do" or "else" or "in" or "instanceof" or "new" or "delete" or "void" or "throw" or "yield" or "await" or "of";
}
