using DjangoLsp.Analysis.Engine;
using DjangoLsp.Analysis.Taint;
using DjangoLsp.Python.Syntax;

namespace DjangoLsp.Analysis.Rules.Crypto;

/// <summary>
/// "Does this value come from the HTTP request": the shared taint engine (<see cref="PythonTaintModel"/>, with
/// its trace) or, as a fallback it may miss, a syntactic check local to one function (direct reads of
/// <c>request.GET/POST/body/...</c>, also <c>self.request.…</c>, and variables assigned from them). A value that
/// went through an <c>escape(...)</c> call is not request data for the regex rule.
/// </summary>
public static class RequestData
{
    private static readonly HashSet<string> RequestAttributes = new(StringComparer.Ordinal)
    {
        "GET", "POST", "body", "data", "query_params", "COOKIES", "FILES", "headers", "META", "content_params",
    };

    /// <summary>True for <c>request.GET</c>, <c>self.request.POST</c>, <c>request.data</c> … (the whole container).</summary>
    public static bool IsRequestContainer(ExpressionSyntax expression) =>
        expression is AttributeExpressionSyntax attribute && RequestAttributes.Contains(attribute.Name) && IsRequestObject(attribute.Expression);

    private static bool IsRequestObject(ExpressionSyntax expression) => expression switch
    {
        NameExpressionSyntax { Name: "request" or "req" } => true,
        AttributeExpressionSyntax { Name: "request", Expression: NameExpressionSyntax { Name: "self" } } => true,
        _ => false,
    };

    /// <summary>
    /// Request data reaching <paramref name="expression"/> by the taint engine or the syntactic check; the trace
    /// (source first) is empty when only the syntactic check saw it.
    /// </summary>
    public static bool IsFromRequest(PythonFile file, ExpressionSyntax expression, out IReadOnlyList<RelatedLocation> trace, CancellationToken cancellationToken)
    {
        trace = Array.Empty<RelatedLocation>();
        if (IsEscaped(expression)) return false;
        var model = file.Document.GetPythonTaint(cancellationToken);
        // No data flow where request data cannot be (most functions): the syntactic check alone decides there.
        if (!model.MayCarryRequestData(expression)) return IsFromRequest(expression);
        var taint = model.Evaluate(expression, cancellationToken);
        if (taint.MaxOrigin == TaintOrigin.Request)
        {
            trace = taint.Trace;
            return true;
        }
        return IsFromRequest(expression);
    }

    /// <summary><c>re.escape(x)</c>, or a local assigned from an escape call.</summary>
    private static bool IsEscaped(ExpressionSyntax expression)
    {
        static bool IsEscapeCall(ExpressionSyntax e) => e is CallExpressionSyntax { Expression: AttributeExpressionSyntax { Name: "escape" } or NameExpressionSyntax { Name: "escape" } };
        if (IsEscapeCall(expression)) return true;
        return expression is NameExpressionSyntax name && LocalAssignments(name).LastOrDefault() is { } value && IsEscapeCall(value);
    }

    /// <summary>True when <paramref name="expression"/> reads request data, directly or through a local variable.</summary>
    public static bool IsFromRequest(ExpressionSyntax expression) => IsFromRequest(expression, new HashSet<string>(StringComparer.Ordinal), 0);

    private static bool IsFromRequest(ExpressionSyntax expression, HashSet<string> visiting, int depth)
    {
        if (depth > 8) return false;
        foreach (var node in expression.DescendantNodesAndSelf())
        {
            if (node is ExpressionSyntax e && IsRequestContainer(e)) return true;
            if (node is CallExpressionSyntax { Expression: AttributeExpressionSyntax { Name: "escape" } }) return false;
            if (node is NameExpressionSyntax name && visiting.Add(name.Name))
            {
                foreach (var value in LocalAssignments(name))
                    if (IsFromRequest(value, visiting, depth + 1)) return true;
            }
        }
        return false;
    }

    /// <summary>Values assigned to <paramref name="name"/> earlier in the same function (plain and walrus assignments).</summary>
    public static IEnumerable<ExpressionSyntax> LocalAssignments(NameExpressionSyntax name)
    {
        var function = name.FirstAncestorOrSelf<FunctionDefinitionSyntax>();
        if (function == null) yield break;
        foreach (var node in function.DescendantNodes())
        {
            if (node.Span.Start >= name.Span.Start) yield break;
            if (node is AssignmentStatementSyntax assignment &&
                assignment.Targets.Any(t => t is NameExpressionSyntax target && target.Name == name.Name))
                yield return assignment.Value;
            else if (node is NamedExpressionSyntax { Target: NameExpressionSyntax walrus } named && walrus.Name == name.Name)
                yield return named.Value;
        }
    }
}
