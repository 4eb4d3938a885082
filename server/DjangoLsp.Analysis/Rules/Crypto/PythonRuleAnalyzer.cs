using DjangoLsp.Analysis.Engine;
using DjangoLsp.Analysis.Semantics;
using DjangoLsp.Analysis.Syntax;
using DjangoLsp.Python.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace DjangoLsp.Analysis.Rules.Crypto;

/// <summary>
/// Base of the syntax-driven crypto/DoS rules: one rule per analyzer, Python documents only, the file's
/// facts (tree, imports, file role) computed once per call and handed to <see cref="Analyze(PythonFile, CancellationToken)"/>.
/// </summary>
public abstract class PythonRuleAnalyzer : IDocumentAnalyzer
{
    protected PythonRuleAnalyzer(RuleDescriptor rule)
    {
        Rule = rule;
        SupportedRules = new[] { rule };
    }

    public RuleDescriptor Rule { get; }

    public IReadOnlyList<RuleDescriptor> SupportedRules { get; }

    public bool Supports(DocumentKind kind) => kind == DocumentKind.Python;

    public IEnumerable<Finding> Analyze(AnalysisDocument document, AnalysisContext context, CancellationToken cancellationToken)
    {
        var tree = document.GetPythonSyntax(cancellationToken);
        var file = new PythonFile(document, tree, () => document.GetPythonSemantics(cancellationToken), () => document.GetPythonNodes(cancellationToken));
        return Analyze(file, cancellationToken).ToList();
    }

    protected abstract IEnumerable<Finding> Analyze(PythonFile file, CancellationToken cancellationToken);

    protected Finding Report(PythonFile file, TextSpan span, string message, Severity severity, params CodeFix[] fixes) =>
        new(Rule, file.Path, span, message, severity, Array.Empty<RelatedLocation>(), fixes);
}

/// <summary>What every rule wants to know about the file being analysed.</summary>
public sealed class PythonFile
{
    private readonly Lazy<PythonSemanticModel> _semantics;
    private readonly Lazy<PythonNodeIndex> _nodes;
    private ImportMap? _imports;

    public PythonFile(AnalysisDocument document, PythonSyntaxTree tree, Func<PythonSemanticModel> semantics, Func<PythonNodeIndex> nodes)
    {
        Document = document;
        Tree = tree;
        _semantics = new Lazy<PythonSemanticModel>(semantics);
        _nodes = new Lazy<PythonNodeIndex>(nodes);
    }

    /// <summary>Every node of the module in document order, shared by all rules (walk it instead of the tree).</summary>
    public PythonNodeIndex Nodes => _nodes.Value;

    /// <summary>The shared semantic model (scopes, import-aware qualified names, constants) of the document.</summary>
    public PythonSemanticModel Semantics => _semantics.Value;

    public AnalysisDocument Document { get; }
    public PythonSyntaxTree Tree { get; }
    public string Path => Document.Path;
    public SourceText Text => Document.Text;
    /// <summary>The module's import lines, for fixes that add an import only when it is missing.</summary>
    public ImportMap Imports => _imports ??= ImportMap.Build(Tree.Root);

    /// <summary>tests.py, test_*.py, *_test.py, conftest.py or anything under a tests/ folder.</summary>
    public bool IsTestFile
    {
        get
        {
            var normalized = Path.Replace('\\', '/');
            var name = System.IO.Path.GetFileName(normalized);
            return name is "tests.py" or "conftest.py" || name.StartsWith("test_", StringComparison.Ordinal) ||
                   name.EndsWith("_test.py", StringComparison.Ordinal) || normalized.Contains("/tests/", StringComparison.Ordinal);
        }
    }

    /// <summary>settings.py, settings_*.py, *_settings.py or any module in a settings/ package.</summary>
    public bool IsSettingsFile
    {
        get
        {
            var normalized = Path.Replace('\\', '/');
            var name = System.IO.Path.GetFileNameWithoutExtension(normalized);
            return name.StartsWith("settings", StringComparison.Ordinal) || name.EndsWith("_settings", StringComparison.Ordinal) ||
                   normalized.Contains("/settings/", StringComparison.Ordinal);
        }
    }

    public IReadOnlyList<CallExpressionSyntax> Calls() => Nodes.Calls;

    /// <summary>Fully qualified name of the callee (e.g. <c>hashlib.md5</c>), from the semantic model.</summary>
    public string? CalleeName(CallExpressionSyntax call) => Semantics.GetCalleeName(call);

    /// <summary>Fully qualified name of an expression (e.g. <c>ssl.CERT_NONE</c>), from the semantic model.</summary>
    public string? QualifiedName(ExpressionSyntax expression) => Semantics.GetQualifiedName(expression);
}
