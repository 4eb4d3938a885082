using System.Security.Cryptography;
using System.Text;
using DjangoLsp.Analysis.Engine;
using Microsoft.CodeAnalysis.Text;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace DjangoLsp.Server.Output;

/// <summary>
/// SARIF 2.1.0 as GitHub code scanning reads it: rule metadata with security tags and security-severity,
/// results with relative locations under <c>%SRCROOT%</c>, related locations and code flows from the taint
/// trace, fixes, and partial fingerprints so alerts survive unrelated edits.
/// </summary>
public static class SarifFormatter
{
    public const string SchemaUri = "https://json.schemastore.org/sarif-2.1.0.json";
    private const string SrcRoot = "%SRCROOT%";

    public static JObject Build(ReportContext report)
    {
        var rules = report.Catalog.All.ToList();
        foreach (var extra in report.Findings.Select(f => f.Rule).Distinct())
            if (!rules.Any(r => r.Id == extra.Id)) rules.Add(extra);   // findings from rules outside the catalog still resolve
        var index = rules.Select((r, i) => (r.Id, i)).ToDictionary(p => p.Id, p => p.i, StringComparer.Ordinal);
        var fingerprints = new Dictionary<string, int>(StringComparer.Ordinal);

        var run = new JObject
        {
            ["tool"] = new JObject
            {
                ["driver"] = new JObject
                {
                    ["name"] = "DjangoLsp",
                    ["informationUri"] = RuleLinks.ProjectUrl,
                    ["version"] = ToolVersion,
                    ["semanticVersion"] = ToolVersion,
                    ["rules"] = new JArray(rules.Select(Rule)),
                },
            },
            ["originalUriBaseIds"] = new JObject
            {
                [SrcRoot] = new JObject { ["uri"] = new Uri(Path.TrimEndingDirectorySeparator(report.BaseDirectory) + Path.DirectorySeparatorChar).AbsoluteUri },
            },
            ["columnKind"] = "utf16CodeUnits",
            ["results"] = new JArray(report.Findings.Select(f => Result(report, f, index[f.Rule.Id], fingerprints))),
        };
        return new JObject
        {
            ["$schema"] = SchemaUri,
            ["version"] = "2.1.0",
            ["runs"] = new JArray(run),
        };
    }

    public static void Write(ReportContext report, TextWriter writer)
    {
        using var json = new JsonTextWriter(writer) { Formatting = Formatting.Indented, CloseOutput = false };
        Build(report).WriteTo(json);
        json.Flush();
        writer.WriteLine();
    }

    public static string ToolVersion => typeof(SarifFormatter).Assembly.GetName().Version?.ToString(3) ?? "0.0.0";

    public static string Level(Severity severity) => severity switch
    {
        Severity.Error => "error",
        Severity.Warning => "warning",
        _ => "note",
    };

    /// <summary>GitHub maps this to critical/high/medium/low (≥9, ≥7, ≥4, &gt;0).</summary>
    public static string SecuritySeverity(Severity severity) => severity switch
    {
        Severity.Error => "8.0",
        Severity.Warning => "5.5",
        Severity.Information => "3.0",
        _ => "1.0",
    };

    private static JObject Rule(RuleDescriptor rule)
    {
        var tags = new JArray("security", rule.Category);
        foreach (var cwe in rule.Cwe) tags.Add($"external/cwe/cwe-{cwe}");
        foreach (var owasp in rule.Owasp2021.Concat(rule.Owasp2025)) tags.Add(OwaspTop10.Tag(owasp));
        var documentation = string.IsNullOrWhiteSpace(rule.Documentation) ? rule.Summary : rule.Documentation;
        return new JObject
        {
            ["id"] = rule.Id,
            ["name"] = rule.Name,
            ["shortDescription"] = new JObject { ["text"] = rule.Summary },
            ["fullDescription"] = new JObject { ["text"] = rule.Summary },
            ["help"] = new JObject { ["text"] = documentation, ["markdown"] = documentation },
            ["helpUri"] = RuleLinks.DocsUrl(rule),
            ["defaultConfiguration"] = new JObject { ["level"] = Level(rule.DefaultSeverity) },
            ["properties"] = new JObject
            {
                ["tags"] = tags,
                ["precision"] = "high",
                ["security-severity"] = SecuritySeverity(rule.DefaultSeverity),
            },
        };
    }

    private static JObject Result(ReportContext report, Finding finding, int ruleIndex, Dictionary<string, int> fingerprints)
    {
        var result = new JObject
        {
            ["ruleId"] = finding.Rule.Id,
            ["ruleIndex"] = ruleIndex,
            ["level"] = Level(finding.Severity),
            ["message"] = new JObject { ["text"] = finding.Message },
            ["locations"] = new JArray(new JObject { ["physicalLocation"] = PhysicalLocation(report, finding.Path, finding.Span) }),
            ["partialFingerprints"] = new JObject { ["djangolsp/v1"] = Fingerprint(report, finding, fingerprints) },
        };
        if (finding.Related.Count > 0)
        {
            result["relatedLocations"] = new JArray(finding.Related.Select((r, i) => new JObject
            {
                ["id"] = i + 1,
                ["physicalLocation"] = PhysicalLocation(report, r.Path, r.Span),
                ["message"] = new JObject { ["text"] = r.Message },
            }));
            var steps = finding.Related.Select(r => ThreadFlowLocation(report, r.Path, r.Span, r.Message))
                .Append(ThreadFlowLocation(report, finding.Path, finding.Span, finding.Message));
            result["codeFlows"] = new JArray(new JObject
            {
                ["threadFlows"] = new JArray(new JObject { ["locations"] = new JArray(steps) }),
            });
        }
        if (finding.Fixes.Count > 0)
        {
            result["fixes"] = new JArray(finding.Fixes.Select(fix => new JObject
            {
                ["description"] = new JObject { ["text"] = fix.Title },
                ["artifactChanges"] = new JArray(fix.Edits.GroupBy(e => e.Path).Select(g => new JObject
                {
                    ["artifactLocation"] = ArtifactLocation(report, g.Key),
                    ["replacements"] = new JArray(g.Select(e => new JObject
                    {
                        ["deletedRegion"] = Region(report.Locate(e.Path, e.Change.Span)),
                        ["insertedContent"] = new JObject { ["text"] = e.Change.NewText ?? "" },
                    })),
                })),
            }));
        }
        return result;
    }

    private static JObject ThreadFlowLocation(ReportContext report, string path, TextSpan span, string message) => new()
    {
        ["location"] = new JObject
        {
            ["physicalLocation"] = PhysicalLocation(report, path, span),
            ["message"] = new JObject { ["text"] = message },
        },
    };

    private static JObject PhysicalLocation(ReportContext report, string path, TextSpan span) => new()
    {
        ["artifactLocation"] = ArtifactLocation(report, path),
        ["region"] = Region(report.Locate(path, span)),
    };

    private static JObject ArtifactLocation(ReportContext report, string path) => new()
    {
        ["uri"] = Uri.EscapeDataString(report.RelativePath(path)).Replace("%2F", "/", StringComparison.Ordinal),
        ["uriBaseId"] = SrcRoot,
    };

    /// <summary>SARIF regions are 1-based; endColumn is one past the last character.</summary>
    private static JObject Region(LinePositionSpan span) => new()
    {
        ["startLine"] = span.Start.Line + 1,
        ["startColumn"] = span.Start.Character + 1,
        ["endLine"] = span.End.Line + 1,
        ["endColumn"] = span.End.Character + 1,
    };

    /// <summary>Rule + file + the flagged line's trimmed text + occurrence number: stable when lines move.</summary>
    private static string Fingerprint(ReportContext report, Finding finding, Dictionary<string, int> seen)
    {
        var line = report.Locate(finding.Path, finding.Span).Start.Line;
        var key = $"{finding.Rule.Id}|{report.RelativePath(finding.Path)}|{report.LineText(finding.Path, line).Trim()}";
        seen[key] = seen.TryGetValue(key, out var n) ? n + 1 : 1;
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(key));
        return Convert.ToHexString(hash, 0, 16).ToLowerInvariant() + ":" + seen[key];
    }
}
