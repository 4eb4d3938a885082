using System.Collections.Concurrent;
using System.Globalization;
using DjangoLsp.Analysis;
using DjangoLsp.Analysis.Engine;
using DjangoLsp.Analysis.Semantics;
using DjangoLsp.Analysis.Syntax;
using DjangoLsp.Server.Scanning;
using Microsoft.CodeAnalysis.Text;

namespace DjangoLsp.Benchmarks;

/// <summary>
/// <c>rules-cpu [rounds] [DIR]</c>: thread CPU ms of the node index, the semantic model and every analyzer of Python
/// documents over every <c>.py</c> file of a tree (default: Django's), single-threaded and in the engine's order, as
/// <c>check --timings</c> charges them (a shared feature to the first rule that asks for it). Every round starts from
/// fresh documents and a fresh context (other modules come from the round's documents, as in the CLI's snapshot), so
/// rounds repeat the same work; round 1 includes the JIT. Less noisy than <c>check --timings</c> on a busy machine:
/// one thread, no GC of another thread charged to a row.
/// </summary>
internal static class RuleConsoleModes
{
    public static bool TryRun(string[] args)
    {
        if (args.Length == 0 || args[0] != "rules-cpu") return false;
        var rounds = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 3;
        var root = args.Length > 2 ? args[2] : "/usr/lib/python3/dist-packages/django";
        Run(rounds, root);
        return true;
    }

    private sealed class RoundFiles(Dictionary<string, SourceText> texts) : IWorkspaceFiles
    {
        private readonly ConcurrentDictionary<string, AnalysisDocument> _documents = new(StringComparer.Ordinal);

        public AnalysisDocument? TryGetDocument(string path) =>
            texts.TryGetValue(path, out var text) ? _documents.GetOrAdd(path, p => new AnalysisDocument(p, text)) : null;
    }

    private static void Run(int rounds, string root)
    {
        var texts = Directory.EnumerateFiles(root, "*.py", SearchOption.AllDirectories)
            .OrderBy(p => p, StringComparer.Ordinal)
            .ToDictionary(p => p, p => SourceText.From(File.ReadAllText(p)), StringComparer.Ordinal);
        var analyzers = BuiltInAnalyzers.Create().Where(a => a.Supports(DocumentKind.Python)).ToArray();
        var names = analyzers.Select(a => a.GetType().Name + " (" + string.Join(",", a.SupportedRules.Take(3).Select(r => r.Id)) + ")").ToArray();
        Console.WriteLine($"{root}: {texts.Count} .py files; thread CPU ms per round");
        var table = new List<double[]>();
        for (var round = 0; round < rounds; round++)
        {
            var files = new RoundFiles(texts);
            var context = new AnalysisContext(AnalysisOptions.Default, files, root);
            var row = new double[analyzers.Length + 3];
            long findings = 0;
            foreach (var path in texts.Keys)
            {
                var document = files.TryGetDocument(path)!;
                var start = ThreadCpuClock.Nanoseconds();
                document.GetPythonSyntax();
                var parsed = ThreadCpuClock.Nanoseconds();
                document.GetPythonNodes();
                var indexed = ThreadCpuClock.Nanoseconds();
                document.GetPythonSemantics();
                var modelled = ThreadCpuClock.Nanoseconds();
                row[0] += (parsed - start) / 1e6;
                row[1] += (indexed - parsed) / 1e6;
                row[2] += (modelled - indexed) / 1e6;
                for (var i = 0; i < analyzers.Length; i++)
                {
                    var before = ThreadCpuClock.Nanoseconds();
                    findings += analyzers[i].Analyze(document, context, CancellationToken.None).Count();
                    row[i + 3] += (ThreadCpuClock.Nanoseconds() - before) / 1e6;
                }
            }
            table.Add(row);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"round {round + 1}: {row.Sum():F0} ms, {findings} findings"));
        }
        var labels = new[] { "parse (Python, incl. other modules)", "node index", "semantic model" }.Concat(names).ToArray();
        for (var i = 0; i < labels.Length; i++)
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  {labels[i],-58} {string.Join(" ", table.Select(r => r[i].ToString("F1", CultureInfo.InvariantCulture).PadLeft(7)))}"));
    }
}
