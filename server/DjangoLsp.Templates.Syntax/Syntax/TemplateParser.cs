using Microsoft.CodeAnalysis.Text;

namespace DjangoLsp.Templates.Syntax;

/// <summary>
/// Builds the block structure over a token list. Error tolerant: a stray end tag becomes a plain tag node with
/// an error, an unclosed block ends at the end of the file (or where an enclosing block's end tag appears).
/// </summary>
internal sealed class TemplateParser
{
    private readonly TemplateToken[] _tokens;
    private readonly int[] _starts;
    private readonly List<TemplateDiagnostic> _diagnostics = new();
    private readonly Stack<Frame> _frames = new();
    /// <summary>"endxxx" names in the file that do not end a built-in block (null when there are none, the usual case).</summary>
    private HashSet<string>? _endNames;

    private TemplateParser(TemplateToken[] tokens, int[] starts)
    {
        _tokens = tokens;
        _starts = starts;
    }

    public static (TemplateDocumentNode Root, IReadOnlyList<TemplateDiagnostic> Diagnostics) Parse(TemplateToken[] tokens, int[] starts, int length)
    {
        var parser = new TemplateParser(tokens, starts);
        var root = parser.ParseDocument(length);
        if (parser._diagnostics.Count == 0)
        {
            return (root, Array.Empty<TemplateDiagnostic>());
        }

        parser._diagnostics.Sort((a, b) => a.Span.Start.CompareTo(b.Span.Start));
        return (root, parser._diagnostics);
    }

    private TemplateDocumentNode ParseDocument(int length)
    {
        // Unknown tags pair with an "endxxx" that appears somewhere in the file (generic library blocks).
        foreach (var token in _tokens)
        {
            if (token.Kind == TemplateTokenKind.Tag && !token.InVerbatim)
            {
                string name = token.Tag!.Name;
                if (name.StartsWith("end", StringComparison.Ordinal) && name.Length > 3 && !BuiltInTags.IsBlockEndTag(name))
                {
                    (_endNames ??= new HashSet<string>(StringComparer.Ordinal)).Add(name);
                }
            }
        }

        var top = _top;
        bool sawNonTextNode = false;
        for (int i = 0; i < _tokens.Length; i++)
        {
            var token = _tokens[i];
            int start = _starts[i];
            List<TemplateNode> body = _frames.Count > 0 ? _frames.Peek().CurrentBody : top;
            switch (token.Kind)
            {
                case TemplateTokenKind.Text:
                    if (_frames.Count > 0 && _frames.Peek().Open.Name == "comment")
                    {
                        body.Add(new TemplateRawNode(token, i, start));
                        break;
                    }

                    if (_frames.Count == 0 || !_frames.Peek().IsRaw)
                    {
                        ReportUnterminated(token, start);
                    }

                    body.Add(new TemplateTextNode(token, i, start));
                    break;
                case TemplateTokenKind.Comment:
                    body.Add(_frames.Count > 0 && _frames.Peek().IsRaw ? new TemplateRawNode(token, i, start) : new TemplateCommentNode(token, i, start));
                    break;
                case TemplateTokenKind.Variable:
                    if (_frames.Count > 0 && _frames.Peek().IsRaw)
                    {
                        body.Add(new TemplateRawNode(token, i, start));
                        break;
                    }

                    foreach (var error in token.Expression!.Errors)
                    {
                        _diagnostics.Add(error.Shift(start));
                    }

                    body.Add(new TemplateVariableNode(token, i, start));
                    sawNonTextNode = true;
                    break;
                case TemplateTokenKind.Tag:
                    HandleTag(token, i, start, body, ref sawNonTextNode);
                    break;
            }
        }

        while (_frames.Count > 0)
        {
            var frame = _frames.Pop();
            _diagnostics.Add(new TemplateDiagnostic(frame.Open.FullSpan, TemplateDiagnosticCodes.UnclosedBlock,
                $"Unclosed tag '{frame.Open.Name}'. Looking for one of: {frame.EndName}."));
            AddToParent(top, frame.Build(null));
        }

        return new TemplateDocumentNode(top, length);
    }

    private void HandleTag(TemplateToken token, int index, int start, List<TemplateNode> body, ref bool sawNonTextNode)
    {
        var tag = new TemplateTagNode(token, index, start);
        string name = tag.Name;
        if (_frames.Count > 0 && _frames.Peek().IsRaw)
        {
            var raw = _frames.Peek();
            if (name == raw.EndName || raw.Open.Name == "verbatim" && token.Content == raw.EndName)
            {
                Close(tag);
            }
            else
            {
                body.Add(new TemplateRawNode(token, index, start));
            }

            return;
        }

        if (name.Length == 0)
        {
            _diagnostics.Add(new TemplateDiagnostic(tag.FullSpan, TemplateDiagnosticCodes.EmptyTag, "Empty block tag"));
            body.Add(tag);
            return;
        }

        if (name == "extends" && sawNonTextNode)
        {
            _diagnostics.Add(new TemplateDiagnostic(tag.FullSpan, TemplateDiagnosticCodes.InvalidTagArguments,
                "{% extends %} must be the first tag in the template."));
        }

        ValidateArguments(tag);
        sawNonTextNode = true;

        if (name.StartsWith("end", StringComparison.Ordinal) && name.Length > 3)
        {
            foreach (var frame in _frames)
            {
                if (frame.EndName == name)
                {
                    while (_frames.Peek() != frame)
                    {
                        var unclosed = _frames.Peek();
                        _diagnostics.Add(new TemplateDiagnostic(unclosed.Open.FullSpan, TemplateDiagnosticCodes.UnclosedBlock,
                            $"Unclosed tag '{unclosed.Open.Name}'. Looking for one of: {unclosed.EndName}."));
                        Close(null);
                    }

                    Close(tag);
                    return;
                }
            }

            if (BuiltInTags.IsBlockEndTag(name) || !BuiltInTags.IsKnownTag(name))
            {
                _diagnostics.Add(new TemplateDiagnostic(tag.FullSpan, TemplateDiagnosticCodes.UnexpectedEndTag,
                    _frames.Count > 0
                        ? $"Invalid block tag: '{name}', expected '{_frames.Peek().EndName}'"
                        : $"Invalid block tag: '{name}'. Did you forget to register or load this tag?"));
            }

            body.Add(tag);
            return;
        }

        if (BuiltInTags.IsIntermediateTag(name))
        {
            if (_frames.Count > 0 && BuiltInTags.AcceptsIntermediate(_frames.Peek().Open.Name, name, _frames.Peek().IsBuiltIn))
            {
                _frames.Peek().StartBranch(tag);
            }
            else
            {
                _diagnostics.Add(new TemplateDiagnostic(tag.FullSpan, TemplateDiagnosticCodes.MisplacedIntermediateTag,
                    _frames.Count > 0
                        ? $"Invalid block tag: '{name}', expected '{_frames.Peek().EndName}'"
                        : $"Invalid block tag: '{name}'"));
                body.Add(tag);
            }

            return;
        }

        if (_frames.Count > 0 && _frames.Peek().Open.Name is "blocktrans" or "blocktranslate")
        {
            _diagnostics.Add(new TemplateDiagnostic(tag.FullSpan, TemplateDiagnosticCodes.InvalidTagArguments,
                $"'{_frames.Peek().Open.Name}' doesn't allow other block tags (seen '{name}') inside it"));
        }

        bool builtIn = BuiltInTags.IsBlockTag(name);
        if (builtIn || _endNames != null && !BuiltInTags.IsKnownTag(name) && _endNames.Contains("end" + name))
        {
            string endName = name == "verbatim" ? "end" + token.Content : BuiltInTags.EndTagName(name);

            _frames.Push(new Frame(tag, endName, BuiltInTags.IsRawBlock(name), builtIn));
            return;
        }

        body.Add(tag);
    }

    private void ValidateArguments(TemplateTagNode tag)
    {
        if (tag.Token.ArgumentProblem is { } problem)
        {
            _diagnostics.Add(new TemplateDiagnostic(tag.FullSpan, TemplateDiagnosticCodes.InvalidTagArguments, problem));
        }
    }

    internal static string? ArgumentProblem(TagSyntax syntax)
    {
        var bits = syntax.Bits;
        return syntax.Name switch
        {
            "autoescape" when bits.Count != 2 || bits[1].Text is not ("on" or "off") => "'autoescape' argument should be 'on' or 'off'",
            "extends" when bits.Count != 2 => "'extends' takes one argument",
            "include" when bits.Count < 2 => "'include' tag takes at least one argument: the name of the template to be included.",
            "block" when bits.Count != 2 => "'block' tag takes only one argument",
            "load" when bits.Count < 2 => "'load' tag requires at least one argument",
            "url" when bits.Count < 2 => "'url' takes at least one argument, a URL pattern name.",
            "for" when bits.Count < 4 || !syntax.HasBit("in") => "'for' statements should use the format 'for x in y'",
            "if" or "elif" when bits.Count < 2 => $"'{syntax.Name}' requires a condition",
            "filter" when bits.Count != 2 => "'filter' tag takes one argument: the filters to apply",
            "with" when bits.Count < 2 => "'with' expected at least one variable assignment",
            _ => null,
        };
    }

    private void ReportUnterminated(TemplateToken token, int start)
    {
        if (!token.HasUnterminatedOpeners)
        {
            return;
        }

        foreach (int offset in token.UnterminatedOpeners)
        {
            string opener = token.Text.Substring(offset, 2);
            string closer = opener switch { "{{" => "}}", "{%" => "%}", _ => "#}" };
            int lineEnd = token.Text.IndexOf('\n', offset);
            int length = (lineEnd < 0 ? token.Text.Length : lineEnd) - offset;
            _diagnostics.Add(new TemplateDiagnostic(new TextSpan(start + offset, length), TemplateDiagnosticCodes.UnterminatedTag,
                $"Unterminated '{opener}': no '{closer}' on the same line (Django then renders it as text)."));
        }
    }

    private void Close(TemplateTagNode? endTag)
    {
        var frame = _frames.Pop();
        var block = frame.Build(endTag);
        List<TemplateNode> parent = _frames.Count > 0 ? _frames.Peek().CurrentBody : _top;
        parent.Add(block);
    }

    private readonly List<TemplateNode> _top = new();

    private void AddToParent(List<TemplateNode> top, TemplateNode node)
    {
        if (_frames.Count > 0)
        {
            _frames.Peek().CurrentBody.Add(node);
        }
        else
        {
            top.Add(node);
        }
    }

    private sealed class Frame
    {
        private readonly List<TemplateNode> _openBody = new();
        /// <summary>Branches after the first (elif/else/empty/plural); null for the usual one-branch block.</summary>
        private List<(TemplateTagNode Tag, List<TemplateNode> Body)>? _more;

        public Frame(TemplateTagNode open, string endName, bool isRaw, bool isBuiltIn)
        {
            Open = open;
            EndName = endName;
            IsRaw = isRaw;
            IsBuiltIn = isBuiltIn;
            CurrentBody = _openBody;
        }

        public TemplateTagNode Open { get; }

        public string EndName { get; }

        public bool IsRaw { get; }

        public bool IsBuiltIn { get; }

        public List<TemplateNode> CurrentBody { get; private set; }

        public void StartBranch(TemplateTagNode tag)
        {
            CurrentBody = new List<TemplateNode>();
            (_more ??= new()).Add((tag, CurrentBody));
        }

        public TemplateBlockNode Build(TemplateTagNode? endTag)
        {
            var branches = new TemplateBlockBranch[1 + (_more?.Count ?? 0)];
            branches[0] = new TemplateBlockBranch(Open, _openBody);
            for (int i = 1; i < branches.Length; i++)
            {
                var (tag, body) = _more![i - 1];
                branches[i] = new TemplateBlockBranch(tag, body);
            }

            int start = Open.FullSpan.Start;
            int end = endTag?.FullSpan.End ?? LastEnd(branches);
            return new TemplateBlockNode(branches, endTag, IsRaw, IsBuiltIn, TextSpan.FromBounds(start, end));
        }

        private static int LastEnd(TemplateBlockBranch[] branches)
        {
            for (int i = branches.Length - 1; i >= 0; i--)
            {
                if (branches[i].Body.Count > 0)
                {
                    return branches[i].Body[^1].FullSpan.End;
                }
            }

            return branches[^1].Tag.FullSpan.End;
        }
    }
}
