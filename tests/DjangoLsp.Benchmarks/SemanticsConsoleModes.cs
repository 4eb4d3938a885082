using System.Globalization;
using DjangoLsp.Analysis.Engine;
using DjangoLsp.Analysis.Semantics;
using DjangoLsp.Analysis.Syntax;
using DjangoLsp.Server.Scanning;
using Microsoft.CodeAnalysis.Text;

namespace DjangoLsp.Benchmarks;

/// <summary>
/// <c>semantics-phases [rounds] [DIR]</c>: thread CPU time and allocated bytes of the shared per-document features
/// every rule uses (parse, node index, semantic model, and control-flow graphs of every function) over every
/// <c>.py</c> file of a tree (default: Django's), single-threaded, in the order <c>check --timings</c> builds them.
/// Round 1 is cold (JIT, tier-0 code); later rounds show steady-state cost.
/// </summary>
internal static class SemanticsConsoleModes
{
    public static bool TryRun(string[] args)
    {
        if (args.Length == 0 || args[0] is not ("semantics-phases" or "semantics-alloc")) return false;
        if (args[0] == "semantics-alloc")
        {
            AllocationProfile(args.Length > 1 ? args[1] : "/usr/lib/python3/dist-packages/django");
            return true;
        }
        var rounds = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 5;
        var root = args.Length > 2 ? args[2] : "/usr/lib/python3/dist-packages/django";
        Phases(rounds, root);
        return true;
    }

    private static (string Path, SourceText Text)[] Load(string root) =>
        Directory.EnumerateFiles(root, "*.py", SearchOption.AllDirectories)
            .OrderBy(p => p, StringComparer.Ordinal)
            .Select(p => (Path: p, Text: SourceText.From(File.ReadAllText(p))))
            .ToArray();

    /// <summary><c>semantics-alloc [DIR]</c>: sampled allocation by type while building the semantic model and node index (trees parsed before).</summary>
    private static void AllocationProfile(string root)
    {
        var texts = Load(root);
        var documents = texts.Select(t => new AnalysisDocument(t.Path, t.Text)).ToArray();
        foreach (var document in documents) document.GetPythonSyntax();
        using var profiler = new AllocationProfiler();
        profiler.Start();
        foreach (var document in documents)
        {
            document.GetPythonNodes();
            document.GetPythonSemantics();
        }
        profiler.Stop();
        Console.WriteLine("semantic model + node index, allocated bytes per source char by type:");
        profiler.Print(texts.Sum(t => (long)t.Text.Length), 30);
    }

    private static void Phases(int rounds, string root)
    {
        var texts = Load(root);
        var chars = texts.Sum(t => (long)t.Text.Length);
        Console.WriteLine($"{root}: {texts.Length} .py files, {chars / 1e6:F2} M chars; thread CPU ms (allocated MB) per phase");
        for (var round = 1; round <= rounds; round++)
        {
            var phases = new (string Name, Action<AnalysisDocument> Build, long Nanoseconds, long Bytes)[]
            {
                ("parse", d => d.GetPythonSyntax(), 0, 0),
                ("node index", d => d.GetPythonNodes(), 0, 0),
                ("semantic model", d => d.GetPythonSemantics(), 0, 0),
                ("all CFGs", d =>
                {
                    var model = d.GetPythonSemantics();
                    model.GetControlFlowGraph(model.Tree.Root);
                    foreach (var function in model.Functions) model.GetControlFlowGraph(function);
                }, 0, 0),
            };
            foreach (var (path, text) in texts)
            {
                var document = new AnalysisDocument(path, text);
                for (var i = 0; i < phases.Length; i++)
                {
                    var bytes = GC.GetAllocatedBytesForCurrentThread();
                    var start = ThreadCpuClock.Nanoseconds();
                    phases[i].Build(document);
                    phases[i].Nanoseconds += ThreadCpuClock.Nanoseconds() - start;
                    phases[i].Bytes += GC.GetAllocatedBytesForCurrentThread() - bytes;
                }
            }
            Console.WriteLine($"round {round}: " + string.Join(", ", phases.Select(p =>
                string.Create(CultureInfo.InvariantCulture, $"{p.Name} {p.Nanoseconds / 1e6:F0} ms ({p.Bytes / 1e6:F0} MB)"))));
        }
    }
}
