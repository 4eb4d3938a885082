using System.Text;

namespace DjangoLsp.Analysis.Engine;

/// <summary>Builds the markdown shown when hovering a finding: the rule, why it matters, the fix, links and the trace.</summary>
public static class FindingHover
{
    public static string Build(Finding finding)
    {
        var rule = finding.Rule;
        var sb = new StringBuilder();
        sb.Append("**").Append(rule.Id).Append(" · ").Append(rule.Name).Append("** (").Append(finding.Severity.ToName()).Append(")\n\n");
        sb.Append(finding.Message).Append("\n\n");
        if (!string.IsNullOrWhiteSpace(rule.Documentation))
            sb.Append(rule.Documentation.Trim()).Append("\n\n");
        if (finding.Related.Count > 0)
        {
            sb.Append("**Trace**\n\n");
            var step = 1;
            foreach (var related in finding.Related)
                sb.Append(step++).Append(". ").Append(related.Message).Append(" — `").Append(System.IO.Path.GetFileName(related.Path)).Append("`\n");
            sb.Append('\n');
        }
        var links = new List<string>();
        links.AddRange(rule.Owasp2021.Concat(rule.Owasp2025).Select(o => $"[OWASP {o} {OwaspTop10.Title(o)}]({OwaspTop10.Url(o)})"));
        links.AddRange(rule.Cwe.Select(c => $"[CWE-{c}]({OwaspTop10.CweUrl(c)})"));
        if (rule.DjangoDocsUrl != null) links.Add($"[Django documentation]({rule.DjangoDocsUrl})");
        if (links.Count > 0) sb.Append(string.Join(" · ", links)).Append('\n');
        return sb.ToString();
    }
}
