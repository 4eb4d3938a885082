using System.Collections.Immutable;
using DjangoLsp.Analysis.Engine;
using DjangoLsp.Analysis.Semantics;
using DjangoLsp.Python.Syntax;

namespace DjangoLsp.Analysis.Taint;

/// <summary>
/// Computes the taint of an expression in a given state (variable → taint). Pure except for walrus targets.
/// Unknown calls produce <see cref="TaintOrigin.Unknown"/> data: precision first, the rules only report
/// request data as errors.
/// </summary>
internal sealed class TaintEvaluator
{
    private const int MaxDepth = 150;
    private readonly PythonSemanticModel _model;
    private readonly string _path;

    public TaintEvaluator(PythonSemanticModel model, string path)
    {
        _model = model;
        _path = path;
    }

    public RelatedLocation Location(SyntaxNode node, string message) => new(_path, node.Span, message);

    public TaintValue Eval(ExpressionSyntax? expression, ref ImmutableDictionary<string, TaintValue> state, int depth = 0)
    {
        if (expression == null) return TaintValue.Clean;
        if (depth > MaxDepth) return TaintValue.Unknown;
        switch (expression)
        {
            case LiteralExpressionSyntax:
                return TaintValue.Clean;
            case StringLiteralExpressionSyntax literal:
                {
                    if (!literal.IsFormatted) return TaintValue.Clean;
                    var result = TaintValue.Clean;
                    foreach (var fstring in literal.Parts.OfType<FStringExpressionSyntax>())
                        foreach (var interpolation in Interpolations(fstring.Parts))
                            result = TaintValue.Join(result, Eval(interpolation.Expression, ref state, depth + 1));
                    return result;
                }
            case NameExpressionSyntax name:
                return EvalName(name, state);
            case AttributeExpressionSyntax attribute:
                return EvalAttribute(attribute, ref state, depth);
            case SubscriptExpressionSyntax subscript:
                {
                    // The element of a container: the key does not choose the data, the container does.
                    return Eval(subscript.Expression, ref state, depth + 1);
                }
            case CallExpressionSyntax call:
                return EvalCall(call, ref state, depth);
            case BinaryExpressionSyntax binary:
                return TaintValue.Join(Eval(binary.Left, ref state, depth + 1), Eval(binary.Right, ref state, depth + 1));
            case CompareExpressionSyntax:
                return TaintValue.Clean;
            case UnaryExpressionSyntax unary:
                return unary.OperatorToken.Kind == SyntaxKind.NotKeyword ? TaintValue.Clean : Eval(unary.Operand, ref state, depth + 1);
            case ConditionalExpressionSyntax conditional:
                return TaintValue.Join(Eval(conditional.WhenTrue, ref state, depth + 1), Eval(conditional.WhenFalse, ref state, depth + 1));
            case ParenthesizedExpressionSyntax parenthesized:
                return Eval(parenthesized.Expression, ref state, depth + 1);
            case AwaitExpressionSyntax awaited:
                return Eval(awaited.Expression, ref state, depth + 1);
            case StarredExpressionSyntax starred:
                return Eval(starred.Expression, ref state, depth + 1);
            case DoubleStarredExpressionSyntax starred:
                return Eval(starred.Expression, ref state, depth + 1);
            case CollectionExpressionSyntax collection:
                {
                    var result = TaintValue.Clean;
                    foreach (var element in collection.Elements) result = TaintValue.Join(result, Eval(element, ref state, depth + 1));
                    return result;
                }
            case DictExpressionSyntax dict:
                {
                    var result = TaintValue.Clean;
                    foreach (var item in dict.Items)
                    {
                        if (item is DictEntrySyntax entry) result = TaintValue.Join(result, Eval(entry.Value, ref state, depth + 1));
                        else if (item is ExpressionSyntax other) result = TaintValue.Join(result, Eval(other, ref state, depth + 1));
                    }
                    return result;
                }
            case ComprehensionExpressionSyntax comprehension:
                {
                    var inner = state;
                    foreach (var clause in comprehension.Clauses)
                    {
                        if (clause is ComprehensionForSyntax @for)
                            AssignTarget(@for.Target, Eval(@for.Iterable, ref inner, depth + 1), null, ref inner, depth);
                    }
                    return comprehension.Element switch
                    {
                        DictEntrySyntax entry => Eval(entry.Value, ref inner, depth + 1),
                        ExpressionSyntax element => Eval(element, ref inner, depth + 1),
                        _ => TaintValue.Unknown,
                    };
                }
            case NamedExpressionSyntax named:
                {
                    var value = Eval(named.Value, ref state, depth + 1);
                    AssignTarget(named.Target, value, named.Value, ref state, depth);
                    return value;
                }
            case LambdaExpressionSyntax:
                return TaintValue.Clean;
            default:
                return TaintValue.Unknown;
        }
    }

    /// <summary>Replacement fields of an f-string, including those nested in format specs.</summary>
    internal static IEnumerable<InterpolationSyntax> Interpolations(IEnumerable<SyntaxNode> parts)
    {
        foreach (var part in parts)
        {
            if (part is not InterpolationSyntax interpolation) continue;
            yield return interpolation;
            foreach (var nested in Interpolations(interpolation.FormatSpecParts)) yield return nested;
        }
    }

    private TaintValue EvalName(NameExpressionSyntax name, ImmutableDictionary<string, TaintValue> state)
    {
        if (state.TryGetValue(name.Name, out var value)) return value;
        var binding = _model.GetReachingBinding(name);
        if (binding == null) return TaintValue.Clean;                     // builtins
        switch (binding.Kind)
        {
            case BindingKind.Import or BindingKind.Function or BindingKind.Class:
                return TaintValue.Clean;
            case BindingKind.Parameter when IsRequestParameter(binding):
                return TaintValue.Clean;
        }
        if (binding.Scope.Kind is ScopeKind.Module or ScopeKind.Class)
        {
            // Module/class level names: constants and configuration are trusted.
            if (IsUpperCase(name.Name) || _model.IsConstant(binding.Value)) return TaintValue.Clean;
        }
        return TaintValue.Unknown;
    }

    private static bool IsUpperCase(string name) => name.Any(char.IsLetter) && !name.Any(char.IsLower);

    private TaintValue EvalAttribute(AttributeExpressionSyntax attribute, ref ImmutableDictionary<string, TaintValue> state, int depth)
    {
        var dotted = attribute.GetDottedText();
        if (dotted != null && state.TryGetValue(dotted, out var tracked)) return tracked;
        if (IsRequestObject(attribute.Expression))
        {
            if (TaintKnowledge.RequestDataAttributes.Contains(attribute.Name))
                return TaintValue.FromRequest(Location(attribute, $"`{attribute}` is request data"));
            return TaintValue.Unknown;
        }
        if (attribute.Name == "cleaned_data") return TaintValue.Unknown;
        if (attribute.Name == "data" && attribute.Expression is NameExpressionSyntax { Name: "form" })
            return TaintValue.FromRequest(Location(attribute, "`form.data` is request data"));
        if (dotted is "self.kwargs" or "self.args") return TaintValue.Unknown;
        var qualified = _model.GetQualifiedName(attribute);
        if (qualified != null && qualified.StartsWith("django.conf.settings", StringComparison.Ordinal)) return TaintValue.Clean;
        return Eval(attribute.Expression, ref state, depth + 1);
    }

    /// <summary><c>request</c> (a parameter or free name), <c>self.request</c>, or a parameter annotated as a request.</summary>
    public bool IsRequestObject(ExpressionSyntax expression)
    {
        expression = expression.Unparenthesize();
        if (expression is AttributeExpressionSyntax { Name: "request", Expression: NameExpressionSyntax { Name: "self" } }) return true;
        if (expression is not NameExpressionSyntax name) return false;
        var binding = _model.GetReachingBinding(name);
        if (binding == null) return name.Name == "request";
        return binding.Kind == BindingKind.Parameter && IsRequestParameter(binding);
    }

    private static bool IsRequestParameter(Binding binding)
    {
        if (binding.Node is not ParameterSyntax parameter) return false;
        if (binding.Name == "request") return true;
        var annotation = parameter.Annotation?.ToString();
        return annotation != null && (annotation.EndsWith("HttpRequest", StringComparison.Ordinal) || annotation == "Request");
    }

    private TaintValue EvalCall(CallExpressionSyntax call, ref ImmutableDictionary<string, TaintValue> state, int depth)
    {
        var callee = call.Expression.Unparenthesize();
        if (callee is AttributeExpressionSyntax method && IsRequestObject(method.Expression))
        {
            return TaintKnowledge.RequestDataMethods.Contains(method.Name)
                ? TaintValue.FromRequest(Location(call, $"`{call}` is request data"))
                : TaintValue.Unknown;
        }
        var qualified = _model.GetCalleeName(call);
        if (qualified != null)
        {
            if (TaintKnowledge.CleanFunctions.Contains(qualified)) return TaintValue.Clean;
            if (TaintKnowledge.Sanitizers.TryGetValue(qualified, out var kinds)) return JoinArguments(call, ref state, depth).Sanitize(kinds);
            if (TaintKnowledge.Propagators.Contains(qualified)) return JoinArguments(call, ref state, depth);
        }
        else if (callee is NameExpressionSyntax local && IsEscaperAlias(local))
            return JoinArguments(call, ref state, depth).Sanitize(SinkKind.Html);

        if (callee is AttributeExpressionSyntax attribute)
        {
            if (attribute.Name == "quote_name") return JoinArguments(call, ref state, depth).Sanitize(SinkKind.Sql);
            if (TaintKnowledge.PropagatingMethods.Contains(attribute.Name))
                return TaintValue.Join(Eval(attribute.Expression, ref state, depth + 1), JoinArguments(call, ref state, depth));
            if (TaintKnowledge.LookupMethods.Contains(attribute.Name))
            {
                var result = Eval(attribute.Expression, ref state, depth + 1);
                var arguments = call.ArgumentList.Arguments;
                for (var i = 1; i < arguments.Count; i++) result = TaintValue.Join(result, Eval(arguments[i].Expression, ref state, depth + 1));
                return result;
            }
            if (TaintKnowledge.CharacterClassPredicates.Contains(attribute.Name) || attribute.Name is "startswith" or "endswith" or "count" or "find" or "index")
                return TaintValue.Clean;
            if (qualified == null)
            {
                // An unknown method of request data most likely returns request data.
                var receiver = Eval(attribute.Expression, ref state, depth + 1);
                if (receiver.MaxOrigin == TaintOrigin.Request) return receiver;
            }
        }
        return TaintValue.Unknown;
    }

    /// <summary><c>esc = conditional_escape if autoescape else (lambda t: t)</c>: calling <c>esc</c> escapes when escaping is on.</summary>
    private bool IsEscaperAlias(NameExpressionSyntax name)
    {
        var binding = _model.GetReachingBinding(name);
        if (binding?.Value?.Unparenthesize() is not ConditionalExpressionSyntax conditional) return false;
        foreach (var branch in new[] { conditional.WhenTrue, conditional.WhenFalse })
        {
            var qualified = _model.GetQualifiedName(branch);
            if (qualified != null && TaintKnowledge.Sanitizers.TryGetValue(qualified, out var kinds) && kinds.Contains(SinkKind.Html)) return true;
        }
        return false;
    }

    private TaintValue JoinArguments(CallExpressionSyntax call, ref ImmutableDictionary<string, TaintValue> state, int depth)
    {
        var result = TaintValue.Clean;
        foreach (var argument in call.ArgumentList.Arguments)
            result = TaintValue.Join(result, Eval(argument.Expression, ref state, depth + 1));
        return result;
    }

    /// <summary>Binds an assignment target; <paramref name="valueSyntax"/> lets tuple targets pair with tuple values.</summary>
    public void AssignTarget(ExpressionSyntax target, TaintValue value, ExpressionSyntax? valueSyntax, ref ImmutableDictionary<string, TaintValue> state, int depth = 0)
    {
        switch (target)
        {
            case NameExpressionSyntax name:
                state = state.SetItem(name.Name, value.WithStep(Location(name, $"assigned to `{name.Name}`")));
                break;
            case ParenthesizedExpressionSyntax parenthesized:
                AssignTarget(parenthesized.Expression, value, valueSyntax, ref state, depth);
                break;
            case StarredExpressionSyntax starred:
                AssignTarget(starred.Expression, value, null, ref state, depth);
                break;
            case CollectionExpressionSyntax collection:
                {
                    var values = valueSyntax?.Unparenthesize() is CollectionExpressionSyntax v && v.Elements.Count == collection.Elements.Count
                                 && !v.Elements.Any(e => e is StarredExpressionSyntax) ? v.Elements : null;
                    for (var i = 0; i < collection.Elements.Count; i++)
                    {
                        var elementValue = values != null ? Eval(values[i], ref state, depth + 1) : value;
                        AssignTarget(collection.Elements[i], elementValue, values?[i], ref state, depth);
                    }
                    break;
                }
            case AttributeExpressionSyntax attribute:
                {
                    var dotted = attribute.GetDottedText();
                    if (dotted != null) state = state.SetItem(dotted, value.WithStep(Location(attribute, $"assigned to `{dotted}`")));
                    break;
                }
            case SubscriptExpressionSyntax subscript:
                {
                    // d[k] = v: the container now holds v.
                    var container = subscript.Expression.Unparenthesize();
                    var key = container is NameExpressionSyntax n ? n.Name : container.GetDottedText();
                    if (key != null)
                    {
                        var old = Eval(container, ref state, depth + 1);
                        state = state.SetItem(key, TaintValue.Join(old, value));
                    }
                    break;
                }
        }
    }
}
