using DjangoLsp.Analysis.Engine;
using DjangoLsp.Templates.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace DjangoLsp.Analysis.Rules.Templates;

/// <summary>
/// Per-document state shared by the template rules during one analysis: the source, the node structure
/// (which body list and which blocks enclose each node) and ids already handed out by json_script fixes.
/// </summary>
internal sealed partial class TemplateRuleContext
{
    private readonly Dictionary<TemplateNode, (IReadOnlyList<TemplateNode> Body, TemplateBlockNode? Block)> _parents = new(ReferenceEqualityComparer.Instance);
    private readonly HashSet<string> _usedIds = new(StringComparer.Ordinal);
    private readonly Dictionary<int, TemplateTextNode> _textByToken = new();

    public TemplateRuleContext(AnalysisDocument document, TemplateAnalysis analysis)
    {
        Document = document;
        Analysis = analysis;
        Source = document.GetTextString();
        Index(analysis.Tree.Root.Children, null);
    }

    public AnalysisDocument Document { get; }
    public TemplateAnalysis Analysis { get; }
    public string Source { get; }
    public string Path => Document.Path;

    /// <summary>Whether any literal text of the template contains an HTML tag or comment (false for plain-text e-mails).</summary>
    public bool HasMarkup => _hasMarkup ??= _textByToken.Values.Any(t => MarkupStart().IsMatch(t.Text));

    // Generated at build time: the static Regex.IsMatch parsed the pattern on first use and looked it up in the regex cache on every call.
    [System.Text.RegularExpressions.GeneratedRegex("<[a-zA-Z!/]")]
    private static partial System.Text.RegularExpressions.Regex MarkupStart();

    private bool? _hasMarkup;

    private void Index(IReadOnlyList<TemplateNode> body, TemplateBlockNode? block)
    {
        foreach (var node in body)
        {
            _parents[node] = (body, block);
            if (node is TemplateTextNode textNode)
            {
                _textByToken[textNode.TokenIndex] = textNode;
            }

            if (node is TemplateBlockNode inner)
            {
                foreach (var branch in inner.Branches)
                {
                    _parents[branch.Tag] = (body, inner);
                    Index(branch.Body, inner);
                }

                if (inner.EndTag != null)
                {
                    _parents[inner.EndTag] = (body, inner);
                }
            }
        }
    }

    /// <summary>The body list holding <paramref name="node"/> (a block branch's body or the document's children).</summary>
    public IReadOnlyList<TemplateNode>? BodyOf(TemplateNode node) => _parents.TryGetValue(node, out var p) ? p.Body : null;

    /// <summary>The blocks enclosing <paramref name="node"/>, innermost first.</summary>
    public IEnumerable<TemplateBlockNode> EnclosingBlocks(TemplateNode node)
    {
        var current = _parents.TryGetValue(node, out var p) ? p.Block : null;
        while (current != null)
        {
            yield return current;
            current = _parents.TryGetValue(current, out var q) ? q.Block : null;
        }
    }

    /// <summary>The text node containing <paramref name="position"/>, if the position is in literal text.</summary>
    public TemplateTextNode? TextNodeAt(int position)
    {
        int index = Analysis.Tree.FindTokenIndex(position);
        return index >= 0 && _textByToken.TryGetValue(index, out var text) ? text : null;
    }

    /// <summary>Reserves an element id that occurs nowhere in the template and was not handed out before.</summary>
    public string ReserveId(string wanted)
    {
        string id = wanted;
        for (int n = 2; _usedIds.Contains(id) || Source.Contains('"' + id + '"', StringComparison.Ordinal) || Source.Contains('\'' + id + '\'', StringComparison.Ordinal); n++)
        {
            id = wanted + "-" + n;
        }

        _usedIds.Add(id);
        return id;
    }

    public Finding Report(RuleDescriptor rule, TextSpan span, string message, Severity? severity = null, params CodeFix[] fixes) =>
        new(rule, Path, span, message, severity ?? rule.DefaultSeverity, Array.Empty<RelatedLocation>(), fixes);

    public DocumentEdit Edit(TextSpan span, string newText) => new(Path, new TextChange(span, newText));
}
