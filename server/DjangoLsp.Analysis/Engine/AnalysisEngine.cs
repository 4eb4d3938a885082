using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis.Text;

namespace DjangoLsp.Analysis.Engine;

/// <summary>
/// Runs analyzers over documents and applies the user's options (select/ignore, per-file ignores, severity
/// overrides, minimum severity). An analyzer that throws is reported through <see cref="AnalyzerFailed"/> and
/// skipped: one broken rule never takes the others (or the server) down.
/// </summary>
public sealed partial class AnalysisEngine
{
    public AnalysisEngine(IEnumerable<IDocumentAnalyzer> analyzers)
    {
        Analyzers = analyzers.ToArray();
        Catalog = new RuleCatalog(Analyzers);
    }

    public IReadOnlyList<IDocumentAnalyzer> Analyzers { get; }
    public RuleCatalog Catalog { get; }

    /// <summary>Raised (on the analysing thread) when an analyzer throws something other than cancellation.</summary>
    public event Action<IDocumentAnalyzer, AnalysisDocument, Exception>? AnalyzerFailed;

    public IReadOnlyList<Finding> Analyze(AnalysisDocument document, AnalysisContext context, CancellationToken cancellationToken = default)
    {
        var results = new List<Finding>();
        foreach (var analyzer in Analyzers)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (!analyzer.Supports(document.Kind)) continue;
            try
            {
                foreach (var finding in analyzer.Analyze(document, context, cancellationToken))
                {
                    var adjusted = ApplyOptions(finding, document, context);
                    if (adjusted != null) results.Add(adjusted);
                }
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                throw;
            }
            catch (Exception e)
            {
                AnalyzerFailed?.Invoke(analyzer, document, e);
            }
        }
        results.Sort((a, b) => a.Span.Start != b.Span.Start ? a.Span.Start.CompareTo(b.Span.Start) : string.CompareOrdinal(a.Rule.Id, b.Rule.Id));
        return results;
    }

    /// <summary>Hover at a position: findings covering it first, then analyzers' API-contract hovers.</summary>
    public HoverContent? Hover(AnalysisDocument document, int position, IReadOnlyList<Finding> findings, AnalysisContext context,
        CancellationToken cancellationToken = default)
    {
        var covering = findings.Where(f => f.Span.Start <= position && position <= f.Span.End).ToList();
        if (covering.Count > 0)
        {
            var markdown = string.Join("\n\n---\n\n", covering.Select(FindingHover.Build));
            var span = covering.Select(f => f.Span).Aggregate((a, b) => TextSpan.FromBounds(Math.Min(a.Start, b.Start), Math.Max(a.End, b.End)));
            return new HoverContent(markdown, span);
        }
        foreach (var analyzer in Analyzers)
        {
            if (!analyzer.Supports(document.Kind)) continue;
            try
            {
                var hover = analyzer.GetHover(document, position, context, cancellationToken);
                if (hover != null) return hover;
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                throw;
            }
            catch (Exception e)
            {
                AnalyzerFailed?.Invoke(analyzer, document, e);
            }
        }
        return null;
    }

    private static Finding? ApplyOptions(Finding finding, AnalysisDocument document, AnalysisContext context)
    {
        var options = context.Options;
        var id = finding.Rule.Id;
        if (!options.IsRuleEnabled(id)) return null;
        if (IsSuppressedInline(finding, document)) return null;
        if (IsIgnoredForFile(id, document.Path, context)) return null;
        var severity = options.SeverityOverrides.TryGetValue(id, out var overridden) ? overridden : finding.Severity;
        if (severity > options.MinimumSeverity) return null;   // Error=1 is the highest
        return severity == finding.Severity ? finding : finding with { Severity = severity };
    }

    // `# noqa`, `# noqa: DJ101,DJ200`, `# djangolsp: ignore[DJ101]` (Python) and `{# djangolsp: ignore[DJ221] #}` (templates),
    // on the line where the finding starts.
    // Generated at build time: parsing them when the first document is analysed also JIT-compiled the regex engine's generic helpers.
    private static readonly Regex NoQa = NoQaPattern();
    private static readonly Regex IgnoreComment = IgnoreCommentPattern();

    [GeneratedRegex(@"#\s*noqa(?::\s*(?<codes>[A-Za-z0-9_]+(?:\s*,\s*[A-Za-z0-9_]+)*))?", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex NoQaPattern();

    [GeneratedRegex(@"djangolsp:\s*ignore\[(?<codes>[^\]]*)\]", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex IgnoreCommentPattern();

    private static bool IsSuppressedInline(Finding finding, AnalysisDocument document)
    {
        if (finding.Rule.Id == "syntax" || finding.Span.Start > document.Text.Length) return false;
        var line = document.Text.Lines.GetLineFromPosition(finding.Span.Start).ToString();
        if (line.IndexOf('#') < 0) return false;
        foreach (Match match in IgnoreComment.Matches(line))
            if (Lists(match, finding.Rule.Id)) return true;
        if (document.Kind != DocumentKind.Python) return false;
        var noqa = NoQa.Match(line);
        return noqa.Success && (!noqa.Groups["codes"].Success || Lists(noqa, finding.Rule.Id));
    }

    private static bool Lists(Match match, string id) =>
        match.Groups["codes"].Value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Any(code => code.Equals(id, StringComparison.OrdinalIgnoreCase));

    private static bool IsIgnoredForFile(string ruleId, string path, AnalysisContext context)
    {
        if (context.Options.PerFileIgnores.Count == 0) return false;
        var relative = context.WorkspaceRoot != null ? System.IO.Path.GetRelativePath(context.WorkspaceRoot, path) : path;
        relative = relative.Replace('\\', '/');
        foreach (var (glob, rules) in context.Options.PerFileIgnores)
        {
            if (!Glob.IsMatch(glob, relative)) continue;
            if (rules.Any(r => r.Equals("ALL", StringComparison.OrdinalIgnoreCase) || ruleId.StartsWith(r, StringComparison.OrdinalIgnoreCase)))
                return true;
        }
        return false;
    }
}
