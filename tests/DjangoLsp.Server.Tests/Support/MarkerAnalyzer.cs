using DjangoLsp.Analysis.Engine;
using Microsoft.CodeAnalysis.Text;

namespace DjangoLsp.Server.Tests.Support;

/// <summary>
/// TEST-ONLY analyzer: flags every occurrence of the word MARKER in any document, with a related location
/// (the start of the document), a fix-all-safe fix (MARKER → safe) and an unsafe second fix (delete it), and
/// an API hover on the word "contract". Lets server and output tests run without real rules.
/// </summary>
public sealed class MarkerAnalyzer : IDocumentAnalyzer
{
    public const string Word = "MARKER";

    public static readonly RuleDescriptor Rule = new(
        "DJ990", "test-marker", Severity.Warning, RuleCategory.Other,
        new[] { "A03:2021" }, new[] { "A05:2025" }, new[] { 89 },
        "Test rule: the word MARKER.", "Test documentation for the **marker** rule.");

    /// <summary>Extra time per analysis, to widen race windows in concurrency tests.</summary>
    public TimeSpan Delay { get; set; }

    public int Calls;

    /// <summary>
    /// Analyses of documents whose path ends with this suffix wait for <see cref="Release"/> (honouring
    /// cancellation), so a test can hold a race window open deterministically instead of sleeping.
    /// </summary>
    public string? HoldPathSuffix { get; set; }

    public ManualResetEventSlim Release { get; } = new(true);

    /// <summary>Released once per analysis that started waiting for <see cref="Release"/>.</summary>
    public SemaphoreSlim Held { get; } = new(0);

    public IReadOnlyList<RuleDescriptor> SupportedRules => new[] { Rule };

    public bool Supports(DocumentKind kind) => true;

    public IEnumerable<Finding> Analyze(AnalysisDocument document, AnalysisContext context, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref Calls);
        if (Delay > TimeSpan.Zero) Task.Delay(Delay, cancellationToken).Wait(cancellationToken);
        if (HoldPathSuffix != null && document.Path.EndsWith(HoldPathSuffix, StringComparison.Ordinal) && !Release.IsSet)
        {
            Held.Release();
            Release.Wait(cancellationToken);
        }
        var text = document.Text.ToString();
        var results = new List<Finding>();
        for (var i = text.IndexOf(Word, StringComparison.Ordinal); i >= 0; i = text.IndexOf(Word, i + Word.Length, StringComparison.Ordinal))
        {
            var span = new TextSpan(i, Word.Length);
            results.Add(new Finding(Rule, document.Path, span, "Found the marker word.", Rule.DefaultSeverity,
                new[] { new RelatedLocation(document.Path, new TextSpan(0, 0), "document starts here") },
                new[]
                {
                    new CodeFix("Replace MARKER with safe", new[] { new DocumentEdit(document.Path, new TextChange(span, "safe")) }),
                    new CodeFix("Delete MARKER", new[] { new DocumentEdit(document.Path, new TextChange(span, "")) }, SafeForFixAll: false),
                }));
        }
        return results;
    }

    public HoverContent? GetHover(AnalysisDocument document, int position, AnalysisContext context, CancellationToken cancellationToken)
    {
        var text = document.Text.ToString();
        var i = text.IndexOf("contract", StringComparison.Ordinal);
        return i >= 0 && position >= i && position <= i + 8 ? new HoverContent("**contract** hover", new TextSpan(i, 8)) : null;
    }
}
