using DjangoLsp.Analysis.Engine;
using DjangoLsp.Analysis.Semantics;
using DjangoLsp.Analysis.Syntax;
using DjangoLsp.Analysis.Taint;
using DjangoLsp.Python.Syntax;

namespace DjangoLsp.Analysis.Rules.Python;

/// <summary>
/// Base of the Python rules: one rule per class, Python documents only, a walk over the calls of the module
/// with the semantic and taint models at hand. Subclasses implement <see cref="AnalyzeCall"/> (and may
/// override <see cref="Analyze"/> for non-call patterns).
/// </summary>
public abstract class PythonRule : IDocumentAnalyzer
{
    protected PythonRule(RuleDescriptor rule) => Rule = rule;

    public RuleDescriptor Rule { get; }
    public IReadOnlyList<RuleDescriptor> SupportedRules => new[] { Rule };

    public bool Supports(DocumentKind kind) => kind == DocumentKind.Python;

    public virtual IEnumerable<Finding> Analyze(AnalysisDocument document, AnalysisContext context, CancellationToken cancellationToken)
    {
        var direct = MightApply(document);
        if (!direct && HelperSinkKind == null) return Array.Empty<Finding>();
        var taint = TaintWorkspace.ModelFor(document, context, cancellationToken);
        var ruleContext = new RuleContext(document, taint, cancellationToken);
        var calls = document.GetPythonNodes(cancellationToken).Calls;
        var findings = new List<Finding>();
        if (direct)
        {
            foreach (var call in calls)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var finding = AnalyzeCall(call, ruleContext);
                if (finding != null) findings.Add(finding);
            }
        }
        if (HelperSinkKind is { } kind) findings.AddRange(HelperSinks.Find(this, kind, ruleContext, calls));
        return findings;
    }

    /// <summary>
    /// Words without one of which the rule cannot apply (e.g. the API's name), or null. They are searched for in the
    /// document together with every other rule's words (<see cref="SourceKeywords"/>); register them once per rule.
    /// </summary>
    protected virtual KeywordGroup? Prefilter => null;

    /// <summary>Cheap text pre-filter: false when the rule cannot apply (e.g. the API name never occurs).</summary>
    protected internal virtual bool MightApply(string text) => Prefilter?.AnyIn(text) ?? true;

    /// <summary><see cref="MightApply(string)"/> of the document's text; with a <see cref="Prefilter"/>, from the shared search.</summary>
    protected internal bool MightApply(AnalysisDocument document) => Prefilter is { } prefilter ? prefilter.AnyIn(document) : MightApply(document.GetTextString());

    protected internal virtual Finding? AnalyzeCall(CallExpressionSyntax call, RuleContext context) => null;

    /// <summary>
    /// The sink kind of this rule when its sinks can be reached through workspace helper functions: request data passed
    /// to a helper whose parameter reaches one of the rule's sinks is reported at the call (see <see cref="HelperSinks"/>).
    /// Null for rules that are not about data reaching a sink.
    /// </summary>
    protected internal virtual SinkKind? HelperSinkKind => null;

    /// <summary>Builds a finding at <paramref name="sink"/> with the taint trace (source → sink) as related locations.</summary>
    protected Finding Report(RuleContext context, SyntaxNode sink, string message, Severity severity, TaintValue? taint = null,
        IReadOnlyList<CodeFix>? fixes = null)
    {
        var related = new List<RelatedLocation>();
        if (taint is { } t && t.MaxOrigin == TaintOrigin.Request)
            related.AddRange(t.Trace);
        if (related.Count > 0)
            related.Add(new RelatedLocation(context.Document.Path, sink.Span, $"reaches the sink `{Shorten(sink.ToString())}`"));
        return new Finding(Rule, context.Document.Path, sink.Span, message, severity, related, fixes ?? Array.Empty<CodeFix>());
    }

    protected static string Shorten(string text)
    {
        text = text.Replace('\n', ' ').Replace('\r', ' ');
        return text.Length <= 60 ? text : text[..57] + "...";
    }

    /// <summary>"request data (`request.GET`)" or "data of unknown origin".</summary>
    protected static string Describe(TaintValue taint, SinkKind kind)
    {
        if (taint.OriginFor(kind) != TaintOrigin.Request) return "non-constant data of unknown origin";
        var source = taint.Trace.FirstOrDefault();
        return source == null ? "request data" : "request data (" + source.Message.Replace(" is request data", "") + ")";
    }

    protected static Severity SeverityFor(TaintOrigin origin) => origin == TaintOrigin.Request ? Severity.Error : Severity.Warning;
}

/// <summary>Everything a rule needs about the document it is looking at.</summary>
public sealed record RuleContext(AnalysisDocument Document, PythonTaintModel Taint, CancellationToken CancellationToken)
{
    public PythonSemanticModel Semantics => Taint.Semantics;
}
