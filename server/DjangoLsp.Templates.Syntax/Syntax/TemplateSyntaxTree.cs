using System.Text;
using Microsoft.CodeAnalysis.Text;

namespace DjangoLsp.Templates.Syntax;

internal sealed record TokenReuse(TemplateSyntaxTree Old, int Prefix, int OldSuffixStart, int NewSuffixStart);

/// <summary>
/// An immutable, lossless parse of one template: green tokens (position-free, reusable across edits), their
/// absolute starts, the block structure and the syntax diagnostics.
/// </summary>
public sealed class TemplateSyntaxTree
{
    private readonly TemplateToken[] _tokens;
    private readonly int[] _starts;
    /// <summary>The lexer state before each token (the verbatim end tag awaited); null when it is null for every token.</summary>
    private readonly string?[]? _lexStates;
    private readonly string _string;

    private TemplateSyntaxTree(SourceText text, string source, string? path, TemplateToken[] tokens, int[] starts, string?[]? lexStates)
    {
        Text = text;
        FilePath = path;
        _string = source;
        _tokens = tokens;
        _starts = starts;
        _lexStates = lexStates;
        (Root, Diagnostics) = TemplateParser.Parse(tokens, starts, source.Length, out int outputHint, out string? jinjaHint);
        OutputHint = outputHint;
        Dialect = TemplateDialectDetector.Detect(path, jinjaHint);
    }

    public SourceText Text { get; }

    /// <summary>About how many outputs a walk of this tree finds (variables and printing tags), to size lists once.</summary>
    internal int OutputHint { get; }

    /// <summary>The file path the tree was parsed for, if any (used for dialect detection and reporting).</summary>
    public string? FilePath { get; }

    public TemplateDocumentNode Root { get; }

    /// <summary>Syntax errors in document order, absolute spans.</summary>
    public IReadOnlyList<TemplateDiagnostic> Diagnostics { get; }

    /// <summary>Django template or Jinja2 (which analyzers must leave alone).</summary>
    public TemplateDialectInfo Dialect { get; }

    /// <summary>The green tokens in document order.</summary>
    public IReadOnlyList<TemplateToken> Tokens => _tokens;

    /// <summary>The tokens as an array (no interface enumerator in hot loops).</summary>
    internal TemplateToken[] TokenArray => _tokens;

    public TextSpan GetTokenSpan(int index) => new(_starts[index], _tokens[index].Width);

    public int GetTokenStart(int index) => _starts[index];

    public static TemplateSyntaxTree Parse(string text, string? path = null) => Parse(SourceText.From(text), path);

    public static TemplateSyntaxTree Parse(SourceText text, string? path = null)
    {
        string source = text.ToString();
        // About one token per 20 characters in real templates (Django admin: 1 per 20.4); the builder grows if needed and is trimmed once.
        var sink = new FullSink(TokenListBuilder.RentScratch(source.Length / 16 + 16));
        TemplateLexer.Lex(source, 0, null, ownText: false, ref sink);
        var (tokens, starts, states) = sink.Builder.ToExactArrays();
        return new TemplateSyntaxTree(text, source, path, tokens, starts, states);
    }

    private readonly struct FullSink(TokenListBuilder builder) : TemplateLexer.ISink
    {
        public TokenListBuilder Builder => builder;

        public bool Emit(TemplateToken token, int start, string? state)
        {
            builder.Add(token, start, state);
            return true;
        }
    }

    /// <summary>Incremental re-lexing: collects tokens until one starts at or after the edit on an old token boundary
    /// in the same lexer state and with the same kind and width; from there on the old tokens are reused.</summary>
    private struct ResyncSink : TemplateLexer.ISink
    {
        private readonly TemplateSyntaxTree _old;
        private readonly TokenListBuilder _builder;
        private readonly int _newEnd;
        private readonly int _delta;
        private int _oldCursor;

        public ResyncSink(TemplateSyntaxTree old, TokenListBuilder builder, int first, int newEnd, int delta)
        {
            _old = old;
            _builder = builder;
            _oldCursor = first;
            _newEnd = newEnd;
            _delta = delta;
            ResumeOld = -1;
        }

        /// <summary>The old token index the lexer resynchronised on, or -1.</summary>
        public int ResumeOld { get; private set; }

        public bool Emit(TemplateToken token, int start, string? state)
        {
            // Resynchronise: a new token starting at or after the edit, on an old boundary with the same lexer state.
            if (start >= _newEnd)
            {
                var oldTokens = _old._tokens;
                var oldStarts = _old._starts;
                int oldPos = start - _delta;
                while (_oldCursor < oldTokens.Length && oldStarts[_oldCursor] < oldPos) _oldCursor++;
                if (_oldCursor < oldTokens.Length && oldStarts[_oldCursor] == oldPos && _old.LexState(_oldCursor) == state
                    && oldTokens[_oldCursor].Kind == token.Kind && oldTokens[_oldCursor].Width == token.Width)
                {
                    ResumeOld = _oldCursor;
                    return false;
                }
            }

            _builder.Add(token, start, state);
            return true;
        }
    }

    /// <summary>Gives the file back byte for byte.</summary>
    public string ToFullString()
    {
        var builder = new StringBuilder(_string.Length);
        foreach (var token in _tokens)
        {
            builder.Append(token.Span);
        }

        return builder.ToString();
    }

    /// <summary>Index of the token containing <paramref name="position"/> (the last token for the end of the file; -1 if empty).</summary>
    public int FindTokenIndex(int position)
    {
        if (_tokens.Length == 0)
        {
            return -1;
        }

        int index = Array.BinarySearch(_starts, position);
        if (index < 0)
        {
            index = ~index - 1;
        }

        return Math.Clamp(index, 0, _tokens.Length - 1);
    }

    /// <summary>
    /// Incremental reparse. Re-lexes from the start of the line holding the first change until the lexer is back
    /// on an old token boundary in the same state, and reuses every other green token (same objects, so their
    /// parsed filter expressions and tag bits are reused too). The result equals a full parse of <paramref name="newText"/>.
    /// </summary>
    public TemplateSyntaxTree WithChanges(SourceText newText, IReadOnlyList<TextChange> changes)
    {
        if (changes.Count == 0)
        {
            return new TemplateSyntaxTree(newText, _string, FilePath, _tokens, _starts, _lexStates);
        }

        string source = newText.ToString();
        int oldStart = int.MaxValue, oldEnd = 0, delta = 0;
        foreach (var change in changes)
        {
            oldStart = Math.Min(oldStart, change.Span.Start);
            oldEnd = Math.Max(oldEnd, change.Span.End);
            delta += (change.NewText?.Length ?? 0) - change.Span.Length;
        }

        if (_tokens.Length == 0 || source.Length != _string.Length + delta || oldEnd > _string.Length)
        {
            return Parse(newText, FilePath);
        }

        // Tags never span a line, so tokens that end before the line holding the change cannot change.
        int lineStart = oldStart == 0 ? 0 : _string.LastIndexOf('\n', Math.Min(oldStart, _string.Length) - 1) + 1;
        int first = FindTokenIndex(lineStart);
        if (first > 0 && _tokens[first - 1].Kind == TemplateTokenKind.Text)
        {
            // A text token merges with whatever text the edit produces right after it.
            first--;
        }
        int relexStart = _starts[first];
        int newEnd = oldEnd + delta;

        var builder = new TokenListBuilder(_tokens.Length + 8);
        builder.AddRange(_tokens, _starts, _lexStates, 0, first, 0);

        var sink = new ResyncSink(this, builder, first, newEnd, delta);
        TemplateLexer.Lex(source, relexStart, LexState(first), ownText: true, ref sink);
        int resumeOld = sink.ResumeOld;

        int newSuffixStart = builder.Count;
        if (resumeOld >= 0)
        {
            builder.AddRange(_tokens, _starts, _lexStates, resumeOld, _tokens.Length, delta);
        }

        var (tokens, starts, states) = builder.ToArrays();
        var result = new TemplateSyntaxTree(newText, source, FilePath, tokens, starts, states);
        result.Reuse = new TokenReuse(this, first, resumeOld < 0 ? _tokens.Length : resumeOld, resumeOld < 0 ? tokens.Length : newSuffixStart);
        return result;
    }

    private string? LexState(int index) => _lexStates?[index];

    /// <summary>How this tree's tokens relate to the tree it was incrementally derived from (null for a full parse):
    /// tokens [0, Prefix) are the old tokens at the same indices; new tokens from NewSuffixStart on are the old ones
    /// from OldSuffixStart on.</summary>
    internal TokenReuse? Reuse { get; private set; }

    /// <summary>Maps a new token index to the old tree's index of the same (reused) token, or -1.</summary>
    internal int MapToOld(int index)
    {
        if (Reuse is not { } reuse)
        {
            return -1;
        }

        if (index < reuse.Prefix)
        {
            return index;
        }

        return index >= reuse.NewSuffixStart ? index - reuse.NewSuffixStart + reuse.OldSuffixStart : -1;
    }

    private TemplateTokenNode?[]? _nodesByToken;

    /// <summary>The node made of each token (null for tokens inside nodes that are not token nodes).</summary>
    internal TemplateTokenNode? NodeOfToken(int index)
    {
        if (_nodesByToken == null)
        {
            var nodes = new TemplateTokenNode?[_tokens.Length];
            Fill(Root, nodes);
            _nodesByToken = nodes;
        }

        return _nodesByToken[index];

        static void Fill(TemplateNode node, TemplateTokenNode?[] nodes)
        {
            if (node is TemplateTokenNode tokenNode)
            {
                nodes[tokenNode.TokenIndex] = tokenNode;
            }
            else if (node is TemplateBlockNode block)
            {
                // Through the branches: a block's Children array is only built when someone asks for it.
                for (int b = 0; b < block.BranchCount; b++)
                {
                    Fill(block.BranchTag(b), nodes);
                    var body = block.BranchBody(b);
                    for (int i = 0; i < body.Count; i++)
                    {
                        Fill(body[i], nodes);
                    }
                }

                if (block.EndTag != null)
                {
                    Fill(block.EndTag, nodes);
                }
            }
            else
            {
                var children = node.Children;
                for (int i = 0; i < children.Count; i++)
                {
                    Fill(children[i], nodes);
                }
            }
        }
    }

    /// <summary>A readable dump of the structure (for tests and debugging): one line per node.</summary>
    public string DumpStructure()
    {
        var builder = new StringBuilder();
        Dump(Root, 0, builder);
        foreach (var d in Diagnostics)
        {
            builder.Append("! ").Append(d).Append('\n');
        }

        return builder.ToString();
    }

    private static void Dump(TemplateNode node, int depth, StringBuilder builder)
    {
        builder.Append(' ', depth * 2).Append(node.Kind).Append(' ').Append(node.FullSpan);
        if (node is TemplateBlockNode block)
        {
            builder.Append(' ').Append(block.Name).Append(block.IsClosed ? "" : " (unclosed)");
        }
        else if (node is TemplateTokenNode tokenNode && node.Kind != TemplateNodeKind.Text)
        {
            builder.Append(' ').Append(tokenNode.Token.Content);
        }

        builder.Append('\n');
        foreach (var child in node.Children)
        {
            Dump(child, depth + 1, builder);
        }
    }
}
