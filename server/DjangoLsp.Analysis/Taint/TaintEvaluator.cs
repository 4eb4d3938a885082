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
    private readonly Func<CallExpressionSyntax, CallTarget?> _resolve;
    private readonly Func<FunctionDefinitionSyntax, CancellationToken, ReturnSummary?> _summaryOf;
    private readonly Func<ExpressionSyntax, ExpressionSyntax?, TaintValue?> _urlKwarg;

    public TaintEvaluator(PythonSemanticModel model, string path, Func<CallExpressionSyntax, CallTarget?> resolve,
        Func<FunctionDefinitionSyntax, CancellationToken, ReturnSummary?> summaryOf, Func<ExpressionSyntax, ExpressionSyntax?, TaintValue?> urlKwarg)
    {
        _model = model;
        _path = path;
        _resolve = resolve;
        _summaryOf = summaryOf;
        _urlKwarg = urlKwarg;
        Guards = new TaintGuards(model, this);
    }

    public TaintGuards Guards { get; }

    public RelatedLocation Location(SyntaxNode node, string message) => new(_path, node.Span, message);

    public TaintValue Eval(ExpressionSyntax? expression, ref TaintState state, int depth = 0)
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
                    // f"/shop/{slug}/": a constant start fixes the redirect target's host.
                    var prefix = LeadingText(literal);
                    if (prefix != null && !IsOpenPrefix(prefix)) result = WithRedirectFrom(result, TaintValue.Clean);
                    return result;
                }
            case NameExpressionSyntax name:
                return EvalName(name, state);
            case AttributeExpressionSyntax attribute:
                return EvalAttribute(attribute, ref state, depth);
            case SubscriptExpressionSyntax subscript:
                {
                    // A checked element (`if request.GET["mode"] in MODES`) is remembered under its text.
                    if (StateKey(subscript) is { } key && state.TryGetValue(key, out var checkedValue)) return checkedValue;
                    if (_urlKwarg(subscript.Expression.Unparenthesize(), subscript.Index as ExpressionSyntax) is { } captured) return captured;
                    // The element of a container: the key does not choose the data, the container does.
                    return Eval(subscript.Expression, ref state, depth + 1);
                }
            case CallExpressionSyntax call:
                return EvalCall(call, ref state, depth);
            case BinaryExpressionSyntax binary when binary.OperatorToken.Kind == SyntaxKind.PercentToken && _model.GetConstantString(binary.Left) is { } format:
                {
                    var value = Eval(binary.Left, ref state, depth + 1);
                    var specs = ConversionSpecs(format);
                    var right = binary.Right.Unparenthesize();
                    var items = right is CollectionExpressionSyntax { Kind: SyntaxKind.TupleExpression } t ? t.Elements : new[] { right };
                    for (var i = 0; i < items.Count; i++)
                    {
                        // %d, %f, %x... print a number: nothing else gets through.
                        if (specs != null && specs.Count == items.Count && "diouxXeEfFgGc".Contains(specs[i])) continue;
                        value = TaintValue.Join(value, Eval(items[i], ref state, depth + 1));
                    }
                    // "%s?%s" % (url, query): only what comes first decides where a redirect goes.
                    var percent = format.IndexOf('%');
                    var prefix = percent < 0 ? format : format[..percent];
                    if (!IsOpenPrefix(prefix)) return WithRedirectFrom(value, TaintValue.Clean);
                    if (prefix.Length > 0) return value;
                    var first = binary.Right.Unparenthesize() is CollectionExpressionSyntax { Kind: SyntaxKind.TupleExpression, Elements.Count: > 0 } tuple ? tuple.Elements[0] : binary.Right;
                    return WithRedirectFrom(value, Eval(first, ref state, depth + 1));
                }
            case BinaryExpressionSyntax binary when binary.OperatorToken.Kind == SyntaxKind.PlusToken:
                {
                    var left = Eval(binary.Left, ref state, depth + 1);
                    var value = TaintValue.Join(left, Eval(binary.Right, ref state, depth + 1));
                    var prefix = _model.GetConstantString(binary.Left);
                    return prefix != null && !IsOpenPrefix(prefix) ? WithRedirectFrom(value, TaintValue.Clean)
                        : prefix == null ? WithRedirectFrom(value, left) : value;
                }
            case BinaryExpressionSyntax binary:
                return TaintValue.Join(Eval(binary.Left, ref state, depth + 1), Eval(binary.Right, ref state, depth + 1));
            case CompareExpressionSyntax:
                return TaintValue.Clean;
            case UnaryExpressionSyntax unary:
                return unary.OperatorToken.Kind == SyntaxKind.NotKeyword ? TaintValue.Clean : Eval(unary.Operand, ref state, depth + 1);
            case ConditionalExpressionSyntax conditional:
                {
                    // Each branch is evaluated knowing what the condition proves.
                    var whenTrue = Guards.Refine(conditional.Condition, true, state);
                    var whenFalse = Guards.Refine(conditional.Condition, false, state);
                    return TaintValue.Join(Eval(conditional.WhenTrue, ref whenTrue, depth + 1), Eval(conditional.WhenFalse, ref whenFalse, depth + 1));
                }
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

    /// <summary>A constant URL prefix after which data can still choose the host ("", "/", "//", "\\", "http://").</summary>
    private static bool IsOpenPrefix(string prefix) =>
        prefix.Length == 0 || prefix is "/" or "\\" or "//" || prefix.EndsWith("://", StringComparison.Ordinal);

    /// <summary>The value with its redirect taint taken from <paramref name="leading"/> (the part that decides the target).</summary>
    private static TaintValue WithRedirectFrom(TaintValue value, TaintValue leading)
    {
        var shift = 2 * (int)SinkKind.Redirect;
        var bits = (value.Bits & ~(3u << shift)) | (leading.Bits & (3u << shift));
        return value with { Bits = bits };
    }

    /// <summary>
    /// The state key of an expression a guard can talk about: a name, a dotted attribute chain, or a subscript of
    /// one with a constant index (<c>request.GET["mode"]</c>); null otherwise.
    /// </summary>
    public static string? StateKey(ExpressionSyntax expression)
    {
        expression = expression.Unparenthesize();
        if (expression is SubscriptExpressionSyntax { Index: StringLiteralExpressionSyntax or LiteralExpressionSyntax } subscript)
        {
            var container = StateKey(subscript.Expression);
            return container == null ? null : container + "[" + subscript.Index + "]";
        }
        var dotted = expression.GetDottedText();
        return dotted == null || dotted.Contains("()") ? null : dotted;
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

    /// <summary>The conversion characters of a printf-style format in order, or null for mapping keys (<c>%(name)s</c>).</summary>
    private static List<char>? ConversionSpecs(string format)
    {
        var specs = new List<char>();
        for (var i = 0; i < format.Length; i++)
        {
            if (format[i] != '%') continue;
            i++;
            if (i >= format.Length) return null;
            if (format[i] == '%') continue;
            if (format[i] == '(') return null;
            while (i < format.Length && "#0- +*.0123456789hlL".Contains(format[i])) i++;
            if (i >= format.Length) return null;
            specs.Add(format[i]);
        }
        return specs;
    }

    /// <summary>The literal text before the first replacement field of an f-string literal.</summary>
    private static string? LeadingText(StringLiteralExpressionSyntax literal)
    {
        var sb = new System.Text.StringBuilder();
        foreach (var part in literal.Parts)
        {
            if (part is SyntaxToken token) { sb.Append(token.Text.Trim('"', '\'', 'r', 'b', 'u', 'R', 'B', 'U')); continue; }
            if (part is not FStringExpressionSyntax fstring) return null;
            foreach (var piece in fstring.Parts)
            {
                if (piece is SyntaxToken middle) sb.Append(middle.Text);
                else return sb.ToString();
            }
        }
        return sb.ToString();
    }

    private TaintValue EvalName(NameExpressionSyntax name, TaintState state)
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

    private TaintValue EvalAttribute(AttributeExpressionSyntax attribute, ref TaintState state, int depth)
    {
        var dotted = attribute.GetDottedText();
        if (dotted != null && state.TryGetValue(dotted, out var tracked)) return tracked;
        if (IsRequestObject(attribute.Expression))
        {
            if (TaintKnowledge.RequestDataAttributes.Contains(attribute.Name))
            {
                var source = TaintValue.FromRequest(Location(attribute, $"`{attribute}` is request data"));
                // The request's own path is a same-site target, not an open redirect.
                return attribute.Name is "path" or "path_info" ? source.Sanitize(SinkKind.Redirect) : source;
            }
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

    private TaintValue EvalCall(CallExpressionSyntax call, ref TaintState state, int depth)
    {
        var callee = call.Expression.Unparenthesize();
        if (callee is AttributeExpressionSyntax method && IsRequestObject(method.Expression))
        {
            if (!TaintKnowledge.RequestDataMethods.Contains(method.Name)) return TaintValue.Unknown;
            var source = TaintValue.FromRequest(Location(call, $"`{call}` is request data"));
            return method.Name is "get_full_path" or "get_full_path_info" or "build_absolute_uri" ? source.Sanitize(SinkKind.Redirect) : source;
        }
        var qualified = _model.GetCalleeName(call);
        if (qualified != null)
        {
            if (TaintKnowledge.CleanFunctions.Contains(qualified)) return TaintValue.Clean;
            if (TaintKnowledge.Sanitizers.TryGetValue(qualified, out var kinds)) return JoinArguments(call, ref state, depth).Sanitize(kinds);
            if (TaintKnowledge.Propagators.Contains(qualified)) return JoinArguments(call, ref state, depth);
            if (TaintKnowledge.NetworkResponses.Contains(qualified)) return TaintValue.Unknown;
        }
        if (callee is NameExpressionSyntax { Name: "quote_name" or "qn" or "qn2" })
            return JoinArguments(call, ref state, depth).Sanitize(SinkKind.Sql);
        if (qualified == null && callee is NameExpressionSyntax local && IsEscaperAlias(local))
            return JoinArguments(call, ref state, depth).Sanitize(SinkKind.Html);

        if (_resolve(call) is { } target && target.Model.GetReturnSummary(target.Function, CancellationToken.None) is { } summary)
            return ThroughHelper(call, target, summary, ref state, depth);

        if (callee is AttributeExpressionSyntax attribute)
        {
            if (attribute.Name is "quote_name" or "quote_name_unless_alias") return JoinArguments(call, ref state, depth).Sanitize(SinkKind.Sql);
            if (TaintKnowledge.PropagatingMethods.Contains(attribute.Name))
                return TaintValue.Join(Eval(attribute.Expression, ref state, depth + 1), JoinArguments(call, ref state, depth));
            if (TaintKnowledge.LookupMethods.Contains(attribute.Name))
            {
                if (attribute.Name == "get" && _urlKwarg(attribute.Expression.Unparenthesize(), call.GetArgument(0, "key")?.Expression) is { } captured) return captured;
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

    /// <summary>
    /// The value of a call to a summarised workspace function: what it returns on its own, plus each argument's data
    /// for the sink kinds that survive from the matching parameter to the return value.
    /// </summary>
    private TaintValue ThroughHelper(CallExpressionSyntax call, CallTarget target, ReturnSummary summary, ref TaintState state, int depth)
    {
        var own = target.IsVirtual ? TaintValue.Join(summary.Base, TaintValue.Unknown) : summary.Base;
        var result = own.TakesStep ? own.WithStep(Location(call, $"returned by {target.Describe()}")) : own;
        foreach (var (argument, parameter) in target.Bind(call))
        {
            var value = Eval(argument.Expression, ref state, depth + 1);
            if (value.IsClean) continue;
            if (parameter < 0 || value.MaxOrigin != TaintOrigin.Request)
            {
                // *args / **kwargs at the call (which parameter gets what is not known), or data of unknown origin (not
                // worth a seeded run of the helper): keep the data, as for any unknown call.
                result = TaintValue.Join(result, value);
                continue;
            }
            var transfer = summary.Parameter(parameter);
            if (transfer.MaxOrigin == TaintOrigin.Unknown)
            {
                result = TaintValue.Join(result, value);   // cut (recursion/depth): keep the data
                continue;
            }
            if (transfer.IsClean) continue;
            var name = target.Function.Parameters.Parameters[parameter].NameToken?.Text;
            result = TaintValue.Join(result, value.Through(transfer, Location(argument.Expression, $"passed to {target.Describe()} as `{name}`")));
        }
        return result;
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

    private TaintValue JoinArguments(CallExpressionSyntax call, ref TaintState state, int depth)
    {
        var result = TaintValue.Clean;
        foreach (var argument in call.ArgumentList.Arguments)
            result = TaintValue.Join(result, Eval(argument.Expression, ref state, depth + 1));
        return result;
    }

    /// <summary>Binds an assignment target; <paramref name="valueSyntax"/> lets tuple targets pair with tuple values.</summary>
    public void AssignTarget(ExpressionSyntax target, TaintValue value, ExpressionSyntax? valueSyntax, ref TaintState state, int depth = 0)
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
