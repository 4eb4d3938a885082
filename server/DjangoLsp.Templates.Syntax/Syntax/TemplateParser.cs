using Microsoft.CodeAnalysis.Text;

namespace DjangoLsp.Templates.Syntax;

/// <summary>
/// Builds the block structure over a token list. Error tolerant: a stray end tag becomes a plain tag node with
/// an error, an unclosed block ends at the end of the file (or where an enclosing block's end tag appears).
/// </summary>
internal sealed class TemplateParser
{
    private TemplateToken[] _tokens = Array.Empty<TemplateToken>();
    private int[] _starts = Array.Empty<int>();
    private readonly List<TemplateDiagnostic> _diagnostics = new();
    private readonly Stack<Frame> _frames = new();
    /// <summary>Finished frames kept for the next block (one Frame per block otherwise).</summary>
    private readonly Stack<Frame> _spareFrames = new();
    private int _outputHint;

    /// <summary>"endxxx" names in the file that do not end a built-in block (null when there are none, the usual case).</summary>
    private HashSet<string>? _endNames;

    /// <summary>This thread's parser between parses: its lists keep their capacity, so a parse allocates the tree
    /// and not the working storage. Taken out while in use, so a nested parse (none today) gets a fresh one.</summary>
    [ThreadStatic]
    private static TemplateParser? t_spare;

    /// <summary>Builds the tree. <paramref name="outputHint"/> is how many outputs a walk will likely find (variables
    /// and printing tags), to size the output list once.</summary>
    /// <paramref name="jinjaHint"/> is the first token's Jinja2-only syntax (see <see cref="TemplateDialectDetector"/>), found
    /// in the same pass over the tokens as the end tag names.
    public static (TemplateDocumentNode Root, IReadOnlyList<TemplateDiagnostic> Diagnostics) Parse(TemplateToken[] tokens, int[] starts, int length,
        out int outputHint, out string? jinjaHint)
    {
        var parser = t_spare ?? new TemplateParser();
        t_spare = null;
        parser._tokens = tokens;
        parser._starts = starts;
        parser._outputHint = 0;
        var root = parser.ParseDocument(length, out jinjaHint);
        outputHint = parser._outputHint;
        IReadOnlyList<TemplateDiagnostic> diagnostics = Array.Empty<TemplateDiagnostic>();
        if (parser._diagnostics.Count > 0)
        {
            parser._diagnostics.Sort((a, b) => a.Span.Start.CompareTo(b.Span.Start));
            diagnostics = parser._diagnostics.ToArray();
        }

        parser.Reset();
        t_spare = parser;
        return (root, diagnostics);
    }

    /// <summary>Drops every reference to the parsed template so the spare parser keeps no tree alive.</summary>
    private void Reset()
    {
        _tokens = Array.Empty<TemplateToken>();
        _starts = Array.Empty<int>();
        _diagnostics.Clear();
        _nodes.Clear();
        _endNames = null;
        if (_diagnostics.Capacity > 1024) _diagnostics.Capacity = 0;
        if (_nodes.Capacity > 4096) _nodes.Capacity = 0;
    }

    private TemplateDocumentNode ParseDocument(int length, out string? jinjaHint)
    {
        // Unknown tags pair with an "endxxx" that appears somewhere in the file (generic library blocks).
        jinjaHint = null;
        foreach (var token in _tokens)
        {
            if (token.InVerbatim || token.Kind is TemplateTokenKind.Text or TemplateTokenKind.Comment)
            {
                continue;
            }

            if (token.Kind == TemplateTokenKind.Tag)
            {
                string name = token.Tag!.Name;
                if (name.StartsWith("end", StringComparison.Ordinal) && name.Length > 3 && (token.Tag.Flags & TagFlags.BuiltInBlockEnd) == 0)
                {
                    (_endNames ??= new HashSet<string>(StringComparer.Ordinal)).Add(name);
                }
            }

            jinjaHint ??= token.JinjaHint;
        }

        bool sawNonTextNode = false;
        for (int i = 0; i < _tokens.Length; i++)
        {
            var token = _tokens[i];
            int start = _starts[i];
            switch (token.Kind)
            {
                case TemplateTokenKind.Text:
                    if (_frames.Count > 0 && _frames.Peek().Open.Name == "comment")
                    {
                        _nodes.Add(new TemplateRawNode(token, i, start));
                        break;
                    }

                    if (_frames.Count == 0 || !_frames.Peek().IsRaw)
                    {
                        ReportUnterminated(token, start);
                    }

                    _nodes.Add(new TemplateTextNode(token, i, start));
                    break;
                case TemplateTokenKind.Comment:
                    _nodes.Add(_frames.Count > 0 && _frames.Peek().IsRaw ? new TemplateRawNode(token, i, start) : new TemplateCommentNode(token, i, start));
                    break;
                case TemplateTokenKind.Variable:
                    if (_frames.Count > 0 && _frames.Peek().IsRaw)
                    {
                        _nodes.Add(new TemplateRawNode(token, i, start));
                        break;
                    }

                    var errors = token.Expression!.Errors;
                    for (int e = 0; e < errors.Count; e++)
                    {
                        _diagnostics.Add(errors[e].Shift(start));
                    }

                    _nodes.Add(new TemplateVariableNode(token, i, start));
                    _outputHint++;
                    sawNonTextNode = true;
                    break;
                case TemplateTokenKind.Tag:
                    HandleTag(token, i, start, ref sawNonTextNode);
                    break;
            }
        }

        while (_frames.Count > 0)
        {
            var frame = _frames.Peek();
            _diagnostics.Add(new TemplateDiagnostic(frame.Open.FullSpan, TemplateDiagnosticCodes.UnclosedBlock,
                $"Unclosed tag '{frame.Open.Name}'. Looking for one of: {frame.EndName}."));
            Close(null);
        }

        return new TemplateDocumentNode(_nodes.Count == 0 ? Array.Empty<TemplateNode>() : _nodes.ToArray(), length);
    }

    private void HandleTag(TemplateToken token, int index, int start, ref bool sawNonTextNode)
    {
        var tag = new TemplateTagNode(token, index, start);
        var syntax = token.Tag!;
        string name = syntax.Name;
        var flags = syntax.Flags;
        if ((flags & TagFlags.Printing) != 0)
        {
            _outputHint++;
        }

        if (_frames.Count > 0 && _frames.Peek().IsRaw)
        {
            var raw = _frames.Peek();
            if (name == raw.EndName || raw.Open.Name == "verbatim" && token.Content == raw.EndName)
            {
                Close(tag);
            }
            else
            {
                _nodes.Add(new TemplateRawNode(token, index, start));
            }

            return;
        }

        if (name.Length == 0)
        {
            _diagnostics.Add(new TemplateDiagnostic(tag.FullSpan, TemplateDiagnosticCodes.EmptyTag, "Empty block tag"));
            _nodes.Add(tag);
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

            if ((flags & (TagFlags.BuiltInBlockEnd | TagFlags.Known)) != TagFlags.Known)
            {
                _diagnostics.Add(new TemplateDiagnostic(tag.FullSpan, TemplateDiagnosticCodes.UnexpectedEndTag,
                    _frames.Count > 0
                        ? $"Invalid block tag: '{name}', expected '{_frames.Peek().EndName}'"
                        : $"Invalid block tag: '{name}'. Did you forget to register or load this tag?"));
            }

            _nodes.Add(tag);
            return;
        }

        if ((flags & TagFlags.Intermediate) != 0)
        {
            if (_frames.Count > 0 && BuiltInTags.AcceptsIntermediate(_frames.Peek().Open.Name, name, _frames.Peek().IsBuiltIn))
            {
                _frames.Peek().StartBranch(tag, _nodes);
            }
            else
            {
                _diagnostics.Add(new TemplateDiagnostic(tag.FullSpan, TemplateDiagnosticCodes.MisplacedIntermediateTag,
                    _frames.Count > 0
                        ? $"Invalid block tag: '{name}', expected '{_frames.Peek().EndName}'"
                        : $"Invalid block tag: '{name}'"));
                _nodes.Add(tag);
            }

            return;
        }

        if (_frames.Count > 0 && _frames.Peek().Open.Name is "blocktrans" or "blocktranslate")
        {
            _diagnostics.Add(new TemplateDiagnostic(tag.FullSpan, TemplateDiagnosticCodes.InvalidTagArguments,
                $"'{_frames.Peek().Open.Name}' doesn't allow other block tags (seen '{name}') inside it"));
        }

        bool builtIn = (flags & TagFlags.Block) != 0;
        if (builtIn || _endNames != null && (flags & TagFlags.Known) == 0 && _endNames.Contains("end" + name))
        {
            string endName = name == "verbatim" ? "end" + token.Content : BuiltInTags.EndTagName(name);

            var frame = _spareFrames.Count > 0 ? _spareFrames.Pop() : new Frame();
            frame.Start(tag, endName, (flags & TagFlags.Raw) != 0, builtIn, _nodes.Count);
            _frames.Push(frame);
            return;
        }

        _nodes.Add(tag);
    }

    private void ValidateArguments(TemplateTagNode tag)
    {
        if ((tag.Syntax.Flags & TagFlags.ArgumentRules) != 0 && tag.Token.ArgumentProblem is { } problem)
        {
            _diagnostics.Add(new TemplateDiagnostic(tag.FullSpan, TemplateDiagnosticCodes.InvalidTagArguments, problem));
        }
    }

    internal static string? ArgumentProblem(TagSyntax syntax)
    {
        int count = syntax.BitCount;
        return syntax.Name switch
        {
            "autoescape" when count != 2 || !(syntax.BitText(1) is "on" or "off") => "'autoescape' argument should be 'on' or 'off'",
            "extends" when count != 2 => "'extends' takes one argument",
            "include" when count < 2 => "'include' tag takes at least one argument: the name of the template to be included.",
            "block" when count != 2 => "'block' tag takes only one argument",
            "load" when count < 2 => "'load' tag requires at least one argument",
            "url" when count < 2 => "'url' takes at least one argument, a URL pattern name.",
            "for" when count < 4 || !syntax.HasBit("in") => "'for' statements should use the format 'for x in y'",
            "if" or "elif" when count < 2 => $"'{syntax.Name}' requires a condition",
            "filter" when count != 2 => "'filter' tag takes one argument: the filters to apply",
            "with" when count < 2 => "'with' expected at least one variable assignment",
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
        _nodes.Add(frame.Build(endTag, _nodes));
        _spareFrames.Push(frame);
    }

    /// <summary>The nodes of every open body, innermost last: a node is always added to the innermost open body,
    /// so bodies are contiguous runs at the end of this list, cut into exactly sized arrays when they end (no list
    /// per body). What is left at the end is the top level.</summary>
    private readonly List<TemplateNode> _nodes = new();

    private sealed class Frame
    {
        private TemplateTagNode _branchTag = null!;
        private int _bodyStart;
        /// <summary>Finished branches (before elif/else/empty/plural) of this block; empty for the usual one-branch block.
        /// Kept (cleared) when the frame is reused.</summary>
        private readonly List<TemplateBlockBranch> _done = new();

        /// <summary>Frames are pooled by the parser: <see cref="Start"/> sets every field for the next block.</summary>
        public void Start(TemplateTagNode open, string endName, bool isRaw, bool isBuiltIn, int bodyStart)
        {
            Open = open;
            _branchTag = open;
            EndName = endName;
            IsRaw = isRaw;
            IsBuiltIn = isBuiltIn;
            _bodyStart = bodyStart;
            _done.Clear();
        }

        public TemplateTagNode Open { get; private set; } = null!;

        public string EndName { get; private set; } = string.Empty;

        public bool IsRaw { get; private set; }

        public bool IsBuiltIn { get; private set; }

        public void StartBranch(TemplateTagNode tag, List<TemplateNode> nodes)
        {
            _done.Add(new TemplateBlockBranch(_branchTag, Cut(nodes)));
            _branchTag = tag;
            _bodyStart = nodes.Count;
        }

        /// <summary>Takes the current branch's body off the end of <paramref name="nodes"/>.</summary>
        private TemplateNode[] Cut(List<TemplateNode> nodes)
        {
            int count = nodes.Count - _bodyStart;
            if (count == 0)
            {
                return Array.Empty<TemplateNode>();
            }

            var body = new TemplateNode[count];
            nodes.CopyTo(_bodyStart, body, 0, count);
            nodes.RemoveRange(_bodyStart, count);
            return body;
        }

        public TemplateBlockNode Build(TemplateTagNode? endTag, List<TemplateNode> nodes)
        {
            var body = Cut(nodes);
            TemplateBlockBranch[]? branches = null;
            if (_done.Count > 0)
            {
                _done.Add(new TemplateBlockBranch(_branchTag, body));
                branches = _done.ToArray();
                _done.Clear();
            }

            int start = Open.Position;
            int end = endTag?.FullSpan.End ?? LastEnd(branches, _branchTag, body);
            var block = new TemplateBlockNode(Open, branches?[0].Body ?? body, branches, endTag, IsRaw, IsBuiltIn, TextSpan.FromBounds(start, end));
            // Nothing of this block stays referenced by the pooled frame.
            _branchTag = null!;
            Open = null!;
            return block;
        }

        /// <summary>Where an unclosed block ends: after the last node of its last non-empty branch, else after its last branch tag.</summary>
        private static int LastEnd(TemplateBlockBranch[]? branches, TemplateTagNode lastTag, TemplateNode[] lastBody)
        {
            if (lastBody.Length > 0)
            {
                return lastBody[^1].FullSpan.End;
            }

            if (branches != null)
            {
                for (int i = branches.Length - 1; i >= 0; i--)
                {
                    if (branches[i].Body.Count > 0)
                    {
                        return branches[i].Body[^1].FullSpan.End;
                    }
                }
            }

            return lastTag.FullSpan.End;
        }
    }
}
