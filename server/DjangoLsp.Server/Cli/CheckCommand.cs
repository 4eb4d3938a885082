using System.CommandLine;
using System.Diagnostics;
using System.Text.RegularExpressions;
using DjangoLsp.Analysis.Configuration;
using DjangoLsp.Analysis.Engine;
using DjangoLsp.Server.Caching;
using DjangoLsp.Server.Output;
using DjangoLsp.Server.Scanning;

namespace DjangoLsp.Server.Cli;

/// <summary><c>djangolsp check PATH...</c>: scans files and folders and reports findings as text, JSON or SARIF.</summary>
public sealed partial class CheckCommand
{
    private readonly CliApp _app;

    public CheckCommand(CliApp app) => _app = app;

    public Command Create() => Create(Execute);

    /// <summary>The command, handing what it parsed to <paramref name="run"/> (tests compare it with <see cref="CheckArguments.TryParsePlain"/>).</summary>
    public static Command Create(Func<CheckArguments, int> run)
    {
        var paths = new Argument<string[]>("paths") { Description = "Files and folders to scan.", Arity = ArgumentArity.OneOrMore };
        var format = new Option<string>("--format") { Description = "Output format.", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong("text", "json", "sarif");
        var select = new Option<string[]>("--select") { Description = "Rule ids or prefixes to report (comma separated or repeated)." };
        var ignore = new Option<string[]>("--ignore") { Description = "Rule ids or prefixes never to report." };
        var minSeverity = new Option<string?>("--min-severity") { Description = "Drop findings below this severity (error, warning, info, hint)." };
        var output = new Option<string?>("--output") { Description = "Write the report to this file instead of stdout." };
        var exclude = new Option<string[]>("--exclude") { Description = "Glob of files or folders to skip (repeatable)." };
        var noConfig = new Option<bool>("--no-config") { Description = "Do not read [tool.djangolsp] from pyproject.toml." };
        var includeMigrations = new Option<bool>("--include-migrations") { Description = "Also scan migrations/ folders." };
        // Hidden: for profiling the product itself, not for users' reports.
        var timings = new Option<bool>("--timings") { Description = "Print CPU time per phase and per analyzer to stderr.", Hidden = true };

        var cache = new Option<bool>("--cache") { Description = "Reuse per-file results of earlier runs (cache outside the repository: $XDG_CACHE_HOME/djangolsp)." };
        var noCache = new Option<bool>("--no-cache") { Description = "Analyse every file (the default; overrides --cache)." };
        var cacheDir = new Option<string?>("--cache-dir") { Description = "Cache folder (implies --cache)." };

        var command = new Command("check", "Scan files and folders for security problems.")
        {
            paths, format, select, ignore, minSeverity, output, exclude, includeMigrations, noConfig, timings, cache, noCache, cacheDir,
        };
        command.SetAction(parseResult => run(new CheckArguments(
            parseResult.GetValue(paths) ?? Array.Empty<string>(),
            parseResult.GetValue(format) ?? "text",
            parseResult.GetResult(select) != null ? parseResult.GetValue(select) ?? Array.Empty<string>() : null,
            parseResult.GetResult(ignore) != null ? parseResult.GetValue(ignore) ?? Array.Empty<string>() : null,
            parseResult.GetValue(minSeverity),
            parseResult.GetValue(output),
            parseResult.GetValue(exclude) ?? Array.Empty<string>(),
            parseResult.GetValue(noConfig),
            parseResult.GetValue(includeMigrations),
            parseResult.GetValue(timings),
            parseResult.GetValue(cache),
            parseResult.GetValue(noCache),
            parseResult.GetValue(cacheDir))));
        return command;
    }

    /// <summary>Runs the command as parsed (by System.CommandLine or <see cref="CheckArguments.TryParsePlain"/>).</summary>
    public int Execute(CheckArguments arguments)
    {
        // Flags form the top layer; only flags actually given override pyproject.toml.
        var flags = new ConfigurationLayer
        {
            Select = arguments.Select != null ? SplitList(arguments.Select) : null,
            Ignore = arguments.Ignore != null ? SplitList(arguments.Ignore) : null,
            MinimumSeverity = arguments.MinSeverity is { } min ? ParseSeverity(min) : (Severity?)null,
            Exclude = arguments.Exclude is { Length: > 0 } ex ? ex : null,
        };
        var scanPaths = arguments.Paths;
        CheckPaths(scanPaths);
        var project = arguments.NoConfig ? PyProjectConfiguration.None : PyProjectConfiguration.Discover(scanPaths[0]);
        foreach (var warning in project.Warnings) _app.Error.WriteLine("djangolsp: warning: " + warning);
        var options = flags.ApplyTo(project.Layer.ApplyTo(AnalysisOptions.Default));
        var walk = new WalkOptions { Exclude = options.Exclude, IncludeMigrations = arguments.IncludeMigrations };
        var useCache = !arguments.NoCache && (arguments.Cache || arguments.CacheDirectory != null);
        return Run(scanPaths, arguments.Format, options, walk, arguments.Output, project.Directory,
            useCache ? new CacheRequest(arguments.CacheDirectory) : null, arguments.Timings);
    }

    /// <summary>Use the on-disk cache; <paramref name="Directory"/> null: the default per-workspace folder.</summary>
    public sealed record CacheRequest(string? Directory);

    public int Run(IReadOnlyList<string> paths, string format, AnalysisOptions options, WalkOptions walk, string? outputFile, string? projectRoot = null,
        CacheRequest? cacheRequest = null, bool timings = false)
    {
        CheckPaths(paths);
        var clock = Stopwatch.StartNew();
        var timing = timings ? new ScanTimings() : null;
        var startupCpu = timing != null ? Process.GetCurrentProcess().TotalProcessorTime : TimeSpan.Zero;
        if (timing != null && CliApp.MainStarted != 0) timing.Timeline.MarkAt("main started", CliApp.MainStarted);

        // Building the analyzers (rule tables, advisories) and walking the tree are both start-up work. The engine is
        // built on another core while a walk thread fills the scan queue, and the workers start on the first files
        // found instead of waiting for the whole walk (taking the largest found so far, all largest first once it ends).
        var early = _app.TakeEarlyEngine();
        var engineTask = early != null ? early.Task : Task.Run(() =>
        {
            if (timing == null) return _app.CreateEngine();
            var created = timing.Measure("create engine", _app.CreateEngine);
            timing.Timeline.Mark("engine created");
            return created;
        });
        var walker = new FileWalker(walk);
        var files = new ScanQueue();
        void FindFiles()
        {
            var seen = new HashSet<string>(StringComparer.Ordinal);
            try
            {
                // Plain loops: LINQ over the WalkedFile struct is generic code the precompiled image lacks (JIT-compiled
                // at start-up, on the walk's critical path).
                foreach (var path in paths)
                    foreach (var file in walker.EnumerateFiles(path))
                        if (seen.Add(file.Path)) files.Add(file.Path, file.Length);
            }
            finally
            {
                files.Complete();
            }
        }
        var walkTask = Task.Factory.StartNew(() =>
        {
            if (timing != null)
            {
                timing.Measure("find files", () => { FindFiles(); return 0; });
                timing.Timeline.Mark($"walk done ({files.Count} files)");
            }
            else
            {
                FindFiles();
            }
            // The report is written after the scan on one thread, and the output code's first run (type loading,
            // the JSON library's set-up) took 30-40 ms of it. On a big scan this thread is otherwise done now, while
            // the workers still have most of the files to go: run the formatter once on an empty report here.
            if (files.Count >= WarmUpFileCount)
            {
                var warmUp = new ReportContext(Array.Empty<Finding>(), new SourceTexts(), engineTask.GetAwaiter().GetResult().Catalog, Directory.GetCurrentDirectory(), 0);
                if (timing != null)
                {
                    timing.Measure("warm up report", () => { Write(warmUp, format, TextWriter.Null, colour: false); return 0; });
                    timing.Timeline.Mark("report warmed up");
                }
                else
                {
                    Write(warmUp, format, TextWriter.Null, colour: false);
                }
            }
        }, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        var root = paths.Count == 1 && Directory.Exists(paths[0]) ? Path.GetFullPath(paths[0]) : Directory.GetCurrentDirectory();
        // per-file-ignores globs are written relative to the pyproject.toml, so its folder is the root when the scan is inside it.
        if (projectRoot != null && IsUnder(root, projectRoot)) root = projectRoot;
        var engine = engineTask.GetAwaiter().GetResult();
        if (early != null && timing != null)
        {
            timing.Record("create engine", early.CpuNanoseconds);
            timing.Timeline.MarkAt("engine created", early.CreatedAt);
        }
        if (timing != null) engine = new AnalysisEngine(timing.Wrap(engine.Analyzers));

        using var progress = ProgressBar.ForStandardError();
        AnalysisDiskCache? cache = null;
        if (cacheRequest != null)
        {
            var directory = cacheRequest.Directory != null
                ? Path.Combine(Path.GetFullPath(cacheRequest.Directory), Path.GetFileName(AnalysisDiskCache.DefaultDirectory(root)))
                : AnalysisDiskCache.DefaultDirectory(root);
            cache = new AnalysisDiskCache(directory, AnalysisDiskCache.ConfigKey(engine, options, root), engine.Catalog);
        }
        var scanner = new Scanner(engine, options) { Progress = progress.Report, Cache = cache, Timings = timing };
        timing?.Timeline.Mark("scan started");
        var result = scanner.Scan(files, root);
        timing?.Timeline.Mark("scan done");
        walkTask.GetAwaiter().GetResult();   // done (the queue completed); rethrows a failed walk
        progress.Finish();
        if (cache != null)
        {
            cache.Prune();
            if (Environment.GetEnvironmentVariable("DJANGOLSP_CACHE_STATS") == "1")
                _app.Error.WriteLine($"djangolsp: cache {cache.Directory}: {cache.Hits} hits, {cache.Misses} misses ({cache.Rejected} unusable), {cache.Stores} stored");
        }
        foreach (var problem in result.Problems) _app.Error.WriteLine("djangolsp: warning: " + problem);

        var report = new ReportContext(result.Findings, result.Texts, engine.Catalog, Directory.GetCurrentDirectory(), result.FileCount);
        if (timing != null)
        {
            timing.Measure("write report", () => WriteReport(report, format, outputFile));
            timing.Timeline.Mark("report written");
        }
        else
        {
            WriteReport(report, format, outputFile);
        }
        timing?.Write(_app.Error, clock.Elapsed, Process.GetCurrentProcess().TotalProcessorTime, startupCpu);
        return result.Findings.Count > 0 ? CliApp.ExitFindings : CliApp.ExitClean;
    }

    /// <summary>Scans of fewer files are over too soon for the formatter's warm-up to run beside them.</summary>
    private const int WarmUpFileCount = 200;

    private int WriteReport(ReportContext report, string format, string? outputFile)
    {
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
            // The formatters write many small pieces, and the console writer flushes each one: 9,000 write calls for
            // Django's 40 kB JSON report. Built in memory, the report goes out in a few large writes.
            var buffer = new StringWriter { NewLine = _app.Output.NewLine };
            Write(report, format, buffer, colour);
            _app.Output.Write(buffer.ToString());
            _app.Output.Flush();
        }
        return 0;
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

    // Generated at build time: nothing to parse or set up when the command starts.
    [GeneratedRegex("^(DJ[0-9]*|ALL)(,|$)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex RuleLike();

    private static void CheckPaths(IReadOnlyList<string> paths)
    {
        foreach (var path in paths)
        {
            if (File.Exists(path) || Directory.Exists(path)) continue;
            // `--select DJ1 DJ2 .` puts DJ2 among the paths: say how to pass several rules instead of "not found".
            if (RuleLike().IsMatch(path))
                throw new CliUsageException($"path not found: {path} (it looks like a rule id: list several rules as --select DJ1,DJ2 or repeat the flag)");
            throw new CliUsageException($"path not found: {path}");
        }
    }

    private static bool IsUnder(string path, string folder)
    {
        var relative = Path.GetRelativePath(folder, path);
        return relative == "." || (!relative.StartsWith("..", StringComparison.Ordinal) && !Path.IsPathRooted(relative));
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
