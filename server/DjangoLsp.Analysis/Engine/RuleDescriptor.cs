namespace DjangoLsp.Analysis.Engine;

/// <summary>
/// Everything that is known about a rule before it fires: the catalog entry. One per rule, declared next to the
/// rule's code (Ruff's layout); `docs/rules/*.md`, `djangolsp rules`, `djangolsp explain`, hovers and SARIF
/// metadata are all generated from it so they cannot drift.
/// </summary>
/// <param name="Id">Stable id, e.g. <c>DJ101</c>; never reused.</param>
/// <param name="Name">Kebab-case name, e.g. <c>sql-built-from-strings</c>.</param>
/// <param name="Owasp2021">OWASP Top 10 2021 items, e.g. <c>A03:2021</c>.</param>
/// <param name="Owasp2025">OWASP Top 10 2025 items, e.g. <c>A05:2025</c>.</param>
/// <param name="Cwe">CWE numbers, e.g. 89.</param>
/// <param name="Summary">One line: what it detects.</param>
/// <param name="Documentation">Markdown: what it does, why it is bad, example, fix, references.</param>
/// <param name="DjangoDocsUrl">Link to the relevant page of Django's documentation, if any.</param>
public sealed record RuleDescriptor(
    string Id,
    string Name,
    Severity DefaultSeverity,
    string Category,
    IReadOnlyList<string> Owasp2021,
    IReadOnlyList<string> Owasp2025,
    IReadOnlyList<int> Cwe,
    string Summary,
    string Documentation,
    string? DjangoDocsUrl = null)
{
    /// <summary>Where the rule's generated page lives (relative to the repository's docs folder).</summary>
    public string DocsPath => $"rules/{Id}.md";
}
