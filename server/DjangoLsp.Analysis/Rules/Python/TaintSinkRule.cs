using DjangoLsp.Analysis.Engine;
using DjangoLsp.Analysis.Semantics;
using DjangoLsp.Analysis.Taint;
using DjangoLsp.Python.Syntax;

namespace DjangoLsp.Analysis.Rules.Python;

/// <summary>
/// A rule of the shape "data reaches argument N of one of these functions": the sink table is the rule's,
/// the severity follows the data (request data: error; unknown non-constant data: warning when
/// <see cref="ReportUnknown"/>). Constants never fire.
/// </summary>
public abstract class TaintSinkRule : PythonRule
{
    protected TaintSinkRule(RuleDescriptor rule) : base(rule)
    {
    }

    /// <summary>Fully qualified function name → (position, keyword) of the dangerous argument.</summary>
    protected abstract IReadOnlyDictionary<string, (int Position, string? Keyword)> Sinks { get; }

    protected abstract SinkKind Kind { get; }

    protected internal override SinkKind? HelperSinkKind => Kind;

    /// <summary>Whether non-constant data of unknown origin is reported (as a warning).</summary>
    protected virtual bool ReportUnknown => false;

    /// <summary>Whether unknown data in this particular argument is reported (default: <see cref="ReportUnknown"/>).</summary>
    protected virtual bool ReportsUnknown(ExpressionSyntax argument, RuleContext context) => ReportUnknown;

    /// <summary>Words that must occur in the file for the rule to apply (cheap pre-filter).</summary>
    protected abstract string[] Keywords { get; }

    private KeywordGroup? _prefilter;
    private HashSet<string>? _sinkLastNames;

    /// <summary>The last dotted part of every sink's name (<c>execute</c> of <c>django.db.connection.cursor().execute</c>).</summary>
    private HashSet<string> SinkLastNames =>
        _sinkLastNames ??= Sinks.Keys.Select(k => k[(k.LastIndexOf('.') + 1)..]).ToHashSet(StringComparer.Ordinal);

    // Registered on first use (Keywords is the subclass's); a document searched before that tests the words itself.
    protected override KeywordGroup Prefilter => _prefilter ??= SourceKeywords.Register(Keywords);

    /// <summary>The sink's display name and argument for <paramref name="call"/>, or null when it is not a sink.</summary>
    protected virtual (string Api, ExpressionSyntax Argument)? FindSink(CallExpressionSyntax call, RuleContext context)
    {
        // The qualified name of `x.attr(...)` is null or ends with ".attr": a call whose attribute is no sink's last name
        // is settled without the name (most calls are method calls, and every sink rule asked about every one of them).
        if (call.Expression is AttributeExpressionSyntax { Name: var attribute } && !SinkLastNames.Contains(attribute)) return null;
        var qualified = context.Semantics.GetCalleeName(call);
        if (qualified == null || !Sinks.TryGetValue(qualified, out var sink)) return null;
        var argument = call.GetArgument(sink.Position, sink.Keyword);
        return argument == null ? null : (qualified, argument.Expression);
    }

    /// <summary>Last word on whether a sink with data should be reported (e.g. shell=True present).</summary>
    protected virtual bool IsDangerous(CallExpressionSyntax call, RuleContext context) => true;

    protected abstract string Message(string api, TaintValue taint);

    protected virtual IReadOnlyList<CodeFix> Fixes(CallExpressionSyntax call, ExpressionSyntax argument, RuleContext context) => Array.Empty<CodeFix>();

    protected internal override Finding? AnalyzeCall(CallExpressionSyntax call, RuleContext context)
    {
        var sink = FindSink(call, context);
        if (sink == null) return null;
        var (api, argument) = sink.Value;
        if (context.Semantics.IsConstant(argument) || !IsDangerous(call, context)) return null;
        // Where no request data can be, only a rule that reports unknown data needs the data flow.
        if (!context.Taint.MayCarryRequestData(argument) && !ReportsUnknown(argument, context)) return null;
        var taint = context.Taint.Evaluate(argument, context.CancellationToken);
        var origin = taint.OriginFor(Kind);
        if (origin == TaintOrigin.None || (origin == TaintOrigin.Unknown && !ReportsUnknown(argument, context))) return null;
        return Report(context, argument, Message(ShortName(api), taint), SeverityFor(origin), taint, Fixes(call, argument, context));
    }

    protected static string ShortName(string qualified)
    {
        var parts = qualified.Replace("()", "").Split('.');
        return parts.Length >= 2 ? parts[^2] + "." + parts[^1] + "()" : parts[^1] + "()";
    }

    protected static bool IsTrue(ExpressionSyntax? expression) =>
        expression?.Unparenthesize() is LiteralExpressionSyntax { Kind: SyntaxKind.TrueLiteralExpression };
}
