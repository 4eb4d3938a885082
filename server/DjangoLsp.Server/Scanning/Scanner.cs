using System.Collections.Concurrent;
using DjangoLsp.Analysis.Engine;
using DjangoLsp.Analysis.Semantics;
using DjangoLsp.Analysis.Syntax;
using DjangoLsp.Server.Caching;
using Microsoft.CodeAnalysis.Text;

namespace DjangoLsp.Server.Scanning;

/// <summary>What a scan found: findings in a stable order, the texts they refer to, and files that could not be read.</summary>
public sealed class ScanResult
{
    public ScanResult(IReadOnlyList<Finding> findings, SourceTexts texts, int fileCount, IReadOnlyList<string> problems)
    {
        Findings = findings;
        Texts = texts;
        FileCount = fileCount;
        Problems = problems;
    }

    public IReadOnlyList<Finding> Findings { get; }
    public SourceTexts Texts { get; }
    public int FileCount { get; }

    /// <summary>One line per file that could not be read (deleted meanwhile, permission denied).</summary>
    public IReadOnlyList<string> Problems { get; }
}

/// <summary>The texts findings point into (for line/column), read once; files not yet seen are read from disk on demand.</summary>
public sealed class SourceTexts
{
    private readonly ConcurrentDictionary<string, SourceText?> _texts = new(StringComparer.Ordinal);

    public void Add(string path, SourceText text) => _texts[path] = text;

    public SourceText? Get(string path) =>
        _texts.GetOrAdd(path, p => SourceFiles.TryRead(p, out var text, out _) ? text : null);
}

/// <summary>Analyses files in parallel with one engine (the CLI's <c>check</c>).</summary>
public sealed class Scanner
{
    private readonly AnalysisEngine _engine;
    private readonly AnalysisOptions _options;

    public Scanner(AnalysisEngine engine, AnalysisOptions options)
    {
        _engine = engine;
        _options = options;
    }

    /// <summary>Called after each file with (files done, files total).</summary>
    public Action<int, int>? Progress { get; init; }

    /// <summary>When set, CPU time per phase is recorded here (<c>check --timings</c>); the engine's analyzers should be wrapped with <see cref="ScanTimings.Wrap"/>.</summary>
    public ScanTimings? Timings { get; init; }

    /// <summary>Per-file results kept between runs; null analyses everything (the default: deterministic in CI).</summary>
    public AnalysisDiskCache? Cache { get; init; }

    public ScanResult Scan(IReadOnlyList<string> files, string? workspaceRoot, CancellationToken cancellationToken = default) =>
        Scan(ScheduleOrder(files), workspaceRoot, cancellationToken);

    /// <summary>Analyses the files of <paramref name="files"/> as they come (a walk may still be adding them), largest first.</summary>
    public ScanResult Scan(ScanQueue files, string? workspaceRoot, CancellationToken cancellationToken = default)
    {
        var texts = new SourceTexts();
        var findings = new ConcurrentBag<Finding>();
        var problems = new ConcurrentBag<string>();
        // Other files (imported helpers, the project model's settings and URLconfs) are read once per scan through
        // the snapshot. A scan file already loaded that way (a helper module some call resolved to) is analysed from
        // that document, so it is parsed once; the scan's other files are deliberately not put in the snapshot:
        // keeping every file's tree and models alive until the end of the scan quadrupled the live heap (45 -> 183 MB
        // on Django's tree) and cost more CPU in garbage collection than it saved.
        var snapshot = new SnapshotFiles { Prepare = Timings is { } t ? d => BuildSharedFeatures(d, t, cancellationToken) : null };
        var context = new AnalysisContext(_options, snapshot, workspaceRoot);
        var done = 0;
        var analysis = new CachedAnalysis(_engine);
        // Files do not change during a scan: each dependency's fingerprint is computed once.
        var fingerprints = new ConcurrentDictionary<string, string>(StringComparer.Ordinal);
        string FingerprintOf(string path) => fingerprints.GetOrAdd(path, p => RecordingWorkspaceFiles.Fingerprint(snapshot.TryGetDocument(p)));
        _engine.AnalyzerFailed += OnFailure;
        try
        {
            ParallelWork.Run(files, cancellationToken, path =>
            {
                if (Timings != null) Timings.Timeline.Item(path, () => AnalyzeFile(path));
                else AnalyzeFile(path);
            });
        }
        finally
        {
            _engine.AnalyzerFailed -= OnFailure;
            analysis.Detach();
        }
        var ordered = findings
            .OrderBy(f => f.Path, StringComparer.Ordinal)
            .ThenBy(f => f.Span.Start)
            .ThenBy(f => f.Rule.Id, StringComparer.Ordinal)
            .ToList();
        return new ScanResult(ordered, texts, files.Count, problems.OrderBy(p => p, StringComparer.Ordinal).ToList());

        void AnalyzeFile(string path)
        {
            var (read, text, error) = Timings is { } timings
                ? timings.Measure("read file", () => (SourceFiles.TryRead(path, out var t, out var e), t, e))
                : (SourceFiles.TryRead(path, out var t, out var e), t, e);
            if (read)
            {
                texts.Add(path, text);
                var document = snapshot.Adopt(path, () => new AnalysisDocument(path, text));
                if (Timings != null) BuildSharedFeatures(document, Timings, cancellationToken);
                var any = false;
                foreach (var finding in analysis.Analyze(Cache, document, context, cancellationToken, FingerprintOf))
                {
                    findings.Add(finding);
                    any = true;
                }
                // The report places findings by line, written on one thread after the scan: index this file's
                // lines now, in parallel, while the text is at hand (the line table is kept in the text).
                if (any) _ = text.Lines.Count;
            }
            else if (error != null && !error.StartsWith("binary", StringComparison.Ordinal))
            {
                problems.Add($"{path}: {error}");
            }
            Progress?.Invoke(Interlocked.Increment(ref done), files.Count);   // the total grows while a walk is still adding files
        }

        void OnFailure(IDocumentAnalyzer analyzer, AnalysisDocument document, Exception e) =>
            problems.Add($"{document.Path}: analyzer {analyzer.GetType().Name} failed: {e.Message}");
    }

    /// <summary>
    /// Largest files first (ties in path order): analysis time grows with size, and a big file picked up last would
    /// leave the other cores idle while one thread finishes it. Sizes the walker did not record are looked up.
    /// </summary>
    private ScanQueue ScheduleOrder(IReadOnlyList<string> files) =>
        ScanQueue.Of(files.Select(f => (f, files.Count < 2 ? 0 : FileSizes != null && FileSizes.TryGetValue(f, out var size) ? size : SizeOf(f))));

    private static long SizeOf(string path)
    {
        try
        {
            return new FileInfo(path).Length;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return 0;
        }
    }

    /// <summary>File sizes the walker already knows (<see cref="FileWalker.EnumerateFiles"/>), so scheduling costs no extra stat.</summary>
    public IReadOnlyDictionary<string, long>? FileSizes { get; init; }

    // With --timings the features every analyzer shares are built up front, so that their cost shows as a
    // phase of its own instead of being charged to whichever analyzer happens to run first.
    private static void BuildSharedFeatures(AnalysisDocument document, ScanTimings timings, CancellationToken cancellationToken)
    {
        switch (document.Kind)
        {
            case DocumentKind.Python:
                timings.Measure("parse (Python)", () => document.GetPythonSyntax(cancellationToken));
                timings.Measure("node index (Python)", () => document.GetPythonNodes(cancellationToken));
                timings.Measure("semantic model (Python)", () => document.GetPythonSemantics(cancellationToken));
                break;
            case DocumentKind.DjangoTemplate:
                timings.Measure("parse (template)", () => document.GetTemplateAnalysis(cancellationToken));
                break;
        }
    }
}
