using System.CommandLine;
using System.Diagnostics;
using DjangoLsp.Analysis.Engine;
using DjangoLsp.Server.Output;
using DjangoLsp.Server.Scanning;

namespace DjangoLsp.Server.Cli;

/// <summary><c>djangolsp check PATH...</c>: scans files and folders and reports findings as text, JSON or SARIF.</summary>
public sealed class CheckCommand
{
    private readonly CliApp _app;

    public CheckCommand(CliApp app) => _app = app;

    public Command Create()
    {
        var paths = new Argument<string[]>("paths") { Description = "Files and folders to scan.", Arity = ArgumentArity.OneOrMore };
        var format = new Option<string>("--format") { Description = "Output format.", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong("text", "json", "sarif");
        var select = new Option<string[]>("--select") { Description = "Rule ids or prefixes to report (comma separated or repeated)." };
        var ignore = new Option<string[]>("--ignore") { Description = "Rule ids or prefixes never to report." };
        var minSeverity = new Option<string?>("--min-severity") { Description = "Drop findings below this severity (error, warning, info, hint)." };
        var output = new Option<string?>("--output") { Description = "Write the report to this file instead of stdout." };
        var exclude = new Option<string[]>("--exclude") { Description = "Glob of files or folders to skip (repeatable)." };
        var includeMigrations = new Option<bool>("--include-migrations") { Description = "Also scan migrations/ folders." };

        var command = new Command("check", "Scan files and folders for security problems.")
        {
            paths, format, select, ignore, minSeverity, output, exclude, includeMigrations,
        };
        command.SetAction(parseResult =>
        {
            var options = new AnalysisOptions
            {
                Select = SplitList(parseResult.GetValue(select)),
                Ignore = SplitList(parseResult.GetValue(ignore)),
                MinimumSeverity = ParseSeverity(parseResult.GetValue(minSeverity)),
                Exclude = parseResult.GetValue(exclude) ?? Array.Empty<string>(),
            };
            var walk = new WalkOptions { Exclude = options.Exclude, IncludeMigrations = parseResult.GetValue(includeMigrations) };
            return Run(parseResult.GetValue(paths) ?? Array.Empty<string>(), parseResult.GetValue(format) ?? "text", options, walk,
                parseResult.GetValue(output));
        });
        return command;
    }

    public int Run(IReadOnlyList<string> paths, string format, AnalysisOptions options, WalkOptions walk, string? outputFile)
    {
        foreach (var path in paths)
            if (!File.Exists(path) && !Directory.Exists(path))
                throw new CliUsageException($"path not found: {path}");

        var walker = new FileWalker(walk);
        var files = paths.SelectMany(walker.Enumerate).Distinct(StringComparer.Ordinal).ToList();
        var root = paths.Count == 1 && Directory.Exists(paths[0]) ? Path.GetFullPath(paths[0]) : Directory.GetCurrentDirectory();
        var engine = _app.CreateEngine();

        using var progress = ProgressBar.ForStandardError();
        var scanner = new Scanner(engine, options) { Progress = progress.Report };
        var result = scanner.Scan(files, root);
        progress.Finish();
        foreach (var problem in result.Problems) _app.Error.WriteLine("djangolsp: warning: " + problem);

        var report = new ReportContext(result.Findings, result.Texts, engine.Catalog, Directory.GetCurrentDirectory(), result.FileCount);
        if (outputFile != null)
        {
            using var writer = new StreamWriter(outputFile, append: false, new System.Text.UTF8Encoding(false));
            Write(report, format, writer, colour: false);
            if (format != "text") _app.Error.WriteLine(TextFormatter.Summary(report));
        }
        else
        {
            var colour = format == "text" && ReferenceEquals(_app.Output, Console.Out) && !Console.IsOutputRedirected
                && Environment.GetEnvironmentVariable("NO_COLOR") == null;
            Write(report, format, _app.Output, colour);
        }
        return result.Findings.Count > 0 ? CliApp.ExitFindings : CliApp.ExitClean;
    }

    private static void Write(ReportContext report, string format, TextWriter writer, bool colour)
    {
        switch (format)
        {
            case "json": JsonFormatter.Write(report, writer); break;
            case "sarif": SarifFormatter.Write(report, writer); break;
            default: TextFormatter.Write(report, writer, colour); break;
        }
    }

    private static IReadOnlyList<string> SplitList(string[]? values) =>
        (values ?? Array.Empty<string>()).SelectMany(v => v.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToArray();

    private static Severity ParseSeverity(string? text)
    {
        if (text == null) return Severity.Hint;
        return SeverityNames.TryParse(text, out var severity)
            ? severity
            : throw new CliUsageException($"unknown severity '{text}' (use error, warning, info or hint)");
    }
}
