using DjangoLsp.Analysis.Semantics;
using DjangoLsp.Python.Syntax;

namespace DjangoLsp.Analysis.Taint;

/// <summary>
/// What a branch condition proves about the data: <c>url_has_allowed_host_and_scheme(url=x)</c> (also through a
/// boolean variable), <c>x in ALLOWED</c>, <c>x == "literal"</c>, <c>x.isdigit()</c>, and a falsy <c>x</c>.
/// </summary>
internal sealed class TaintGuards
{
    private readonly PythonSemanticModel _model;
    private readonly TaintEvaluator _evaluator;

    public TaintGuards(PythonSemanticModel model, TaintEvaluator evaluator)
    {
        _model = model;
        _evaluator = evaluator;
    }

    /// <summary>What is known on the branch where <paramref name="condition"/> is <paramref name="whenTrue"/>.</summary>
    public TaintState Refine(ExpressionSyntax condition, bool whenTrue, TaintState state)
    {
        condition = condition.Unparenthesize();
        switch (condition)
        {
            case UnaryExpressionSyntax { OperatorToken.Kind: SyntaxKind.NotKeyword } not:
                return Refine(not.Operand, !whenTrue, state);
            case BinaryExpressionSyntax binary when binary.OperatorToken.Kind == SyntaxKind.AndKeyword:
                // false: the left side was false, or it was true and the right side was false.
                return whenTrue ? Refine(binary.Right, true, Refine(binary.Left, true, state))
                    : JoinStates(Refine(binary.Left, false, state), Refine(binary.Right, false, Refine(binary.Left, true, state)));
            case BinaryExpressionSyntax binary when binary.OperatorToken.Kind == SyntaxKind.OrKeyword:
                return whenTrue ? JoinStates(Refine(binary.Left, true, state), Refine(binary.Right, true, Refine(binary.Left, false, state)))
                    : Refine(binary.Right, false, Refine(binary.Left, false, state));
            case NameExpressionSyntax name when !whenTrue:
                // A falsy value is "", None, 0 or empty: nothing an attacker can use.
                return Sanitize(name, state, AllKinds);
            case NameExpressionSyntax name when _model.GetReachingBinding(name) is { Kind: BindingKind.Assignment, IsPartial: false, Value: CallExpressionSyntax guard }
                                               && TaintKnowledge.IsRedirectGuard(_model.GetCalleeName(guard)):
                return Refine(guard, true, state);
            case CallExpressionSyntax call when whenTrue && TaintKnowledge.IsRedirectGuard(_model.GetCalleeName(call)):
                {
                    var url = call.GetArgument(0, "url")?.Expression;
                    return url != null ? Sanitize(url, state, SinkKind.Redirect) : state;
                }
            case CallExpressionSyntax { Expression: AttributeExpressionSyntax predicate } when whenTrue
                && TaintKnowledge.CharacterClassPredicates.Contains(predicate.Name):
                return Sanitize(predicate.Expression, state, AllKinds);
            case CompareExpressionSyntax compare when compare.Operands.Count == 1:
                {
                    var operand = compare.Operands[0];
                    var op = operand.OperatorToken.Kind;
                    var negated = operand.SecondOperatorToken != null || op == SyntaxKind.ExclamationEqualsToken;
                    var isMembership = op == SyntaxKind.InKeyword || (op == SyntaxKind.NotKeyword && operand.SecondOperatorToken?.Kind == SyntaxKind.InKeyword);
                    var isEquality = op is SyntaxKind.EqualsEqualsToken or SyntaxKind.ExclamationEqualsToken;
                    if (whenTrue == negated) return state;
                    if (isMembership && IsTrustedCollection(operand.Right)) return Sanitize(compare.Left, state, AllKinds);
                    if (isEquality && _model.IsConstant(operand.Right)) return Sanitize(compare.Left, state, AllKinds);
                    if (isEquality && _model.IsConstant(compare.Left)) return Sanitize(operand.Right, state, AllKinds);
                    return state;
                }
            default:
                return state;
        }
    }

    private static readonly SinkKind[] AllKinds = Enum.GetValues<SinkKind>();

    private bool IsTrustedCollection(ExpressionSyntax expression)
    {
        expression = expression.Unparenthesize();
        if (_model.IsConstant(expression)) return true;
        if (expression is NameExpressionSyntax name)
        {
            var binding = _model.GetReachingBinding(name);
            return binding != null && binding.Scope.Kind == ScopeKind.Module && (_model.IsConstant(binding.Value) || name.Name.All(c => !char.IsLower(c)));
        }
        return false;
    }

    private static TaintState JoinStates(TaintState a, TaintState b) => TaintState.Union(a, b);

    private TaintState Sanitize(ExpressionSyntax expression, TaintState state, params SinkKind[] kinds)
    {
        var key = TaintEvaluator.StateKey(expression);
        if (key == null) return state;
        var current = state;
        var value = _evaluator.Eval(expression, ref current);
        return state.SetItem(key, value.Sanitize(kinds));
    }
}
