using System.Collections.Concurrent;
using System.Collections.Immutable;
using DjangoLsp.Analysis.Engine;
using DjangoLsp.Analysis.Semantics;
using DjangoLsp.Python.Syntax;

namespace DjangoLsp.Analysis.Taint;

/// <summary>
/// Taint facts of one Python document: for any expression, where its value may come from (request data,
/// unknown, or clean) per sink kind, and the trace from the request source. Functions are analysed lazily,
/// once each, on their control-flow graphs. Get it with <c>document.GetPythonTaint(ct)</c>.
/// </summary>
public sealed class PythonTaintModel
{
    private readonly ConcurrentDictionary<SyntaxNode, Lazy<Dictionary<SyntaxNode, ImmutableDictionary<string, TaintValue>>>> _functions =
        new(ReferenceEqualityComparer.Instance);
    private readonly TaintEvaluator _evaluator;

    public PythonTaintModel(PythonSemanticModel semantics, string path)
    {
        Semantics = semantics;
        Path = path;
        _evaluator = new TaintEvaluator(semantics, path);
    }

    public PythonSemanticModel Semantics { get; }
    public string Path { get; }

    /// <summary>The taint of <paramref name="expression"/> at the point where it is evaluated.</summary>
    public TaintValue Evaluate(ExpressionSyntax expression, CancellationToken cancellationToken = default)
    {
        var owner = OwnerOf(expression);
        var states = _functions.GetOrAdd(owner, o => new Lazy<Dictionary<SyntaxNode, ImmutableDictionary<string, TaintValue>>>(
            () => new FunctionTaintAnalysis(Semantics, _evaluator).Run(o, cancellationToken))).Value;
        var state = ImmutableDictionary<string, TaintValue>.Empty;
        for (SyntaxNode? node = expression; node != null && node != owner; node = node.Parent)
        {
            if (states.TryGetValue(node, out var found))
            {
                state = found;
                break;
            }
        }
        return _evaluator.Eval(expression, ref state);
    }

    /// <summary>True when <paramref name="expression"/> is the request object (<c>request</c>, <c>self.request</c>).</summary>
    public bool IsRequestObject(ExpressionSyntax expression) => _evaluator.IsRequestObject(expression);

    /// <summary>The function whose body evaluates <paramref name="node"/>, or the module.</summary>
    public static SyntaxNode OwnerOf(SyntaxNode node)
    {
        SyntaxNode? child = node;
        for (var current = node.Parent; current != null; child = current, current = current.Parent)
        {
            if (current is FunctionDefinitionSyntax function && child == function.Body) return function;
            if (current is ModuleSyntax) return current;
        }
        return child!;
    }
}

/// <summary>The taint model of a Python document, cached per snapshot.</summary>
public sealed class PythonTaintFeature : DocumentFeature<PythonTaintModel>
{
    public static readonly PythonTaintFeature Instance = new();

    private PythonTaintFeature()
    {
    }

    public override PythonTaintModel Compute(AnalysisDocument document, CancellationToken cancellationToken) =>
        new(document.GetPythonSemantics(cancellationToken), document.Path);
}

public static class PythonTaintDocumentExtensions
{
    public static PythonTaintModel GetPythonTaint(this AnalysisDocument document, CancellationToken cancellationToken = default) =>
        document.GetFeature(PythonTaintFeature.Instance, cancellationToken);
}
