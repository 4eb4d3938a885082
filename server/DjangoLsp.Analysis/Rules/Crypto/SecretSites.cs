using DjangoLsp.Analysis.Engine;
using DjangoLsp.Analysis.Syntax;
using DjangoLsp.Python.Syntax;

namespace DjangoLsp.Analysis.Rules.Crypto;

/// <summary>
/// The nodes the secret rules look at, collected in one pass over the document's node index on first use:
/// comparisons (DJ420) and the places where a name meets a string literal (DJ440: assignments, annotated
/// assignments, dict entries, keyword arguments). Both rules walked every node of every file for a few kinds.
/// Not part of the index's own bulk walk: every extra type test there costs every node of every file, whether or
/// not a rule asks (measured in session 5).
/// </summary>
internal sealed class SecretSites
{
    private SecretSites(CompareExpressionSyntax[] compares, SyntaxNode[] namedValues)
    {
        Compares = compares;
        NamedValues = namedValues;
    }

    /// <summary>Every comparison, in document order.</summary>
    public IReadOnlyList<CompareExpressionSyntax> Compares { get; }

    /// <summary>
    /// Every assignment, annotated assignment and dict entry, and every keyword argument, whose value is a string
    /// literal, in document order (the nodes are of those four types; the rule reads the parts itself).
    /// </summary>
    public IReadOnlyList<SyntaxNode> NamedValues { get; }

    public static SecretSites For(AnalysisDocument document, CancellationToken cancellationToken) =>
        document.GetFeature(Feature.Instance, cancellationToken);

    private static SecretSites Collect(PythonNodeIndex index, CancellationToken cancellationToken)
    {
        var compares = new List<CompareExpressionSyntax>();
        var namedValues = new List<SyntaxNode>();
        var nodes = index.Nodes;
        for (var i = 0; i < nodes.Count; i++)
        {
            if ((i & 0xFFF) == 0) cancellationToken.ThrowIfCancellationRequested();
            switch (nodes[i])
            {
                case CompareExpressionSyntax compare:
                    compares.Add(compare);
                    break;
                case AssignmentStatementSyntax { Value: StringLiteralExpressionSyntax } assignment:
                    namedValues.Add(assignment);
                    break;
                case AnnotatedAssignmentStatementSyntax { Value: StringLiteralExpressionSyntax } annotated:
                    namedValues.Add(annotated);
                    break;
                case DictEntrySyntax { Value: StringLiteralExpressionSyntax } entry:
                    namedValues.Add(entry);
                    break;
                case ArgumentSyntax { Expression: StringLiteralExpressionSyntax } argument when argument.NameToken != null:
                    namedValues.Add(argument);
                    break;
            }
        }
        return new SecretSites(compares.ToArray(), namedValues.ToArray());
    }

    private sealed class Feature : DocumentFeature<SecretSites>
    {
        public static readonly Feature Instance = new();

        public override SecretSites Compute(AnalysisDocument document, CancellationToken cancellationToken) =>
            Collect(document.GetPythonNodes(cancellationToken), cancellationToken);
    }
}
