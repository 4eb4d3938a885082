using DjangoLsp.Analysis.Semantics;
using DjangoLsp.Python.Syntax;

namespace DjangoLsp.Analysis.Taint;

/// <summary>
/// Forward data-flow over one control-flow graph: the state (variable or dotted attribute → taint) before each
/// element, joined at merge points, refined on the branches of guards (<c>url_has_allowed_host_and_scheme</c>,
/// <c>x in ALLOWED</c>, <c>x.isdigit()</c>, <c>x == "literal"</c>).
/// </summary>
internal sealed class FunctionTaintAnalysis
{
    private const int MaxPasses = 25;
    private readonly TaintEvaluator _evaluator;
    private readonly PythonSemanticModel _model;
    private readonly Func<FunctionDefinitionSyntax, TaintSeed?, TaintState> _parameters;

    /// <param name="parameters">The state at a function's entry (its parameters), given the seed of the run.</param>
    public FunctionTaintAnalysis(PythonSemanticModel model, TaintEvaluator evaluator,
        Func<FunctionDefinitionSyntax, TaintSeed?, TaintState> parameters)
    {
        _model = model;
        _evaluator = evaluator;
        _parameters = parameters;
    }

    public Dictionary<SyntaxNode, TaintState> Run(SyntaxNode owner, TaintSeed? seed, CancellationToken cancellationToken)
    {
        var graph = _model.GetControlFlowGraph(owner, cancellationToken);
        var initial = owner is FunctionDefinitionSyntax function ? _parameters(function, seed) : TaintState.Empty;
        var order = graph.ReversePostOrder();
        var exitStates = new Dictionary<BasicBlock, TaintState>();
        for (var pass = 0; pass < MaxPasses; pass++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var changed = false;
            foreach (var block in order)
            {
                var state = EntryState(block, graph, initial, exitStates);
                foreach (var element in block.Elements) Transfer(element, ref state);
                if (!exitStates.TryGetValue(block, out var old) || !SameTaint(old, state))
                {
                    exitStates[block] = state;
                    changed = true;
                }
            }
            if (!changed) break;
        }
        var result = new Dictionary<SyntaxNode, TaintState>(ReferenceEqualityComparer.Instance);
        foreach (var block in order)
        {
            var state = EntryState(block, graph, initial, exitStates);
            foreach (var element in block.Elements)
            {
                result[element] = state;
                Transfer(element, ref state);
            }
        }
        return result;
    }

    private TaintState EntryState(BasicBlock block, ControlFlowGraph graph,
        TaintState initial, Dictionary<BasicBlock, TaintState> exitStates)
    {
        if (block == graph.Entry) return initial;
        TaintState? joined = null;
        foreach (var edge in block.Predecessors)
        {
            if (!exitStates.TryGetValue(edge.From, out var state)) continue;
            if (edge.Condition != null && edge.Kind is EdgeKind.WhenTrue or EdgeKind.WhenFalse)
                state = _evaluator.Guards.Refine(edge.Condition, edge.Kind == EdgeKind.WhenTrue, state);
            joined = joined == null ? state : Join(joined, state);
        }
        return joined ?? initial;
    }

    private static TaintState Join(TaintState a, TaintState b) => TaintState.Union(a, b);

    private static bool SameTaint(TaintState a, TaintState b) => TaintState.SameTaint(a, b);

    private void Transfer(SyntaxNode element, ref TaintState state)
    {
        switch (element)
        {
            case AssignmentStatementSyntax assignment:
                {
                    var value = _evaluator.Eval(assignment.Value, ref state);
                    foreach (var target in assignment.Targets) _evaluator.AssignTarget(target, value, assignment.Value, ref state);
                    break;
                }
            case AugmentedAssignmentStatementSyntax augmented:
                {
                    var value = TaintValue.Join(_evaluator.Eval(augmented.Target, ref state), _evaluator.Eval(augmented.Value, ref state));
                    _evaluator.AssignTarget(augmented.Target, value, null, ref state);
                    break;
                }
            case AnnotatedAssignmentStatementSyntax { Value: not null } annotated:
                _evaluator.AssignTarget(annotated.Target, _evaluator.Eval(annotated.Value, ref state), annotated.Value, ref state);
                break;
            case ExpressionStatementSyntax statement:
                {
                    // Container mutation: parts.append(x), parts.extend(xs), d.update(...).
                    if (statement.Expression.Unparenthesize() is CallExpressionSyntax { Expression: AttributeExpressionSyntax method } call
                        && method.Name is "append" or "extend" or "add" or "update" or "insert" or "appendleft" or "write" or "writelines")
                    {
                        var key = method.Expression.GetDottedText();
                        if (key != null && !key.Contains("()"))
                        {
                            var value = _evaluator.Eval(method.Expression, ref state);
                            foreach (var argument in call.ArgumentList.Arguments) value = TaintValue.Join(value, _evaluator.Eval(argument.Expression, ref state));
                            state = state.SetItem(key, value);
                        }
                    }
                    else _evaluator.Eval(statement.Expression, ref state);
                    break;
                }
            case ForStatementSyntax @for:
                _evaluator.AssignTarget(@for.Target, _evaluator.Eval(@for.Iterable, ref state), null, ref state);
                break;
            case WithItemSyntax { Target: not null } item:
                _evaluator.AssignTarget(item.Target, _evaluator.Eval(item.Expression, ref state), item.Expression, ref state);
                break;
            case ExceptClauseSyntax { NameToken: { IsMissing: false } name }:
                state = state.SetItem(name.Text, TaintValue.Clean);
                break;
            case CaseClauseSyntax @case when @case.Parent?.Parent is MatchStatementSyntax match:
                {
                    var subject = _evaluator.Eval(match.Subject, ref state);
                    foreach (var capture in @case.Pattern.DescendantNodesAndSelf().OfType<GenericPatternSyntax>())
                        if (capture.NameToken is { IsMissing: false } token) state = state.SetItem(token.Text, subject);
                    break;
                }
            case FunctionDefinitionSyntax function:
                state = state.SetItem(function.Name, TaintValue.Clean);
                break;
            case ClassDefinitionSyntax @class:
                state = state.SetItem(@class.Name, TaintValue.Clean);
                break;
            case ImportStatementSyntax or FromImportStatementSyntax:
                foreach (var alias in element.DescendantNodes().OfType<ImportAliasSyntax>())
                {
                    var local = alias.AliasToken?.Text is { Length: > 0 } a ? a : alias.Name.Name.Split('.')[0];
                    state = state.Remove(local);
                }
                break;
            case ExpressionSyntax condition:
                _evaluator.Eval(condition, ref state);
                break;
        }
    }
}
