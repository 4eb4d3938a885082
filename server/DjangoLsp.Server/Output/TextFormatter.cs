using DjangoLsp.Analysis.Engine;

namespace DjangoLsp.Server.Output;

/// <summary>Human output: <c>path:line:col: severity DJxxx message</c> (1-based) and a summary line; colour only on a terminal.</summary>
public static class TextFormatter
{
    public static void Write(ReportContext report, TextWriter writer, bool colour)
    {
        foreach (var finding in report.Findings)
        {
            var span = report.Locate(finding.Path, finding.Span);
            var severity = finding.Severity.ToName();
            if (colour) severity = Colour(finding.Severity) + severity + "\u001b[0m";
            writer.WriteLine($"{report.RelativePath(finding.Path)}:{span.Start.Line + 1}:{span.Start.Character + 1}: {severity} {finding.Rule.Id} {finding.Message}");
        }
        writer.WriteLine(Summary(report));
    }

    public static string Summary(ReportContext report)
    {
        var files = report.FileCount == 1 ? "1 file" : $"{report.FileCount} files";
        if (report.Findings.Count == 0) return $"No findings in {files}.";
        // Counted in a loop: grouping by the Severity enum is generic code over a value type that the precompiled
        // image lacks, JIT-compiled at the very end of a scan (serial, on the critical path).
        var counts = new int[(int)Severity.Hint + 1];
        foreach (var finding in report.Findings) counts[(int)finding.Severity]++;
        var bySeverity = new List<string>();
        for (var severity = Severity.Error; severity <= Severity.Hint; severity++)
            if (counts[(int)severity] > 0) bySeverity.Add($"{counts[(int)severity]} {severity.ToName()}{(counts[(int)severity] == 1 ? "" : "s")}");
        var total = report.Findings.Count == 1 ? "1 finding" : $"{report.Findings.Count} findings";
        return $"Found {total} ({string.Join(", ", bySeverity)}) in {files}.";
    }

    private static string Colour(Severity severity) => severity switch
    {
        Severity.Error => "\u001b[31m",
        Severity.Warning => "\u001b[33m",
        Severity.Information => "\u001b[36m",
        _ => "\u001b[2m",
    };
}
