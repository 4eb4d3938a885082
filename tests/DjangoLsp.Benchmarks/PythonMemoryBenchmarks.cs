using BenchmarkDotNet.Attributes;
using DjangoLsp.Python.Syntax;

namespace DjangoLsp.Benchmarks;

/// <summary>Memory of holding the syntax trees of the whole standard library at once (printed in setup).</summary>
public class PythonMemoryBenchmarks
{
    private List<PythonSyntaxTree> _trees = new();

    [GlobalSetup]
    public void Setup()
    {
        var texts = PythonCorpus.StdlibTexts();
        long bytes = texts.Sum(t => (long)System.Text.Encoding.UTF8.GetByteCount(t));
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        long before = GC.GetTotalMemory(true);
        _trees = texts.Select(t => PythonSyntaxTree.Parse(t)).ToList();
        texts.Clear();
        long after = GC.GetTotalMemory(true);
        Console.WriteLine($"// {_trees.Count} trees held: {(after - before) / 1e6:F1} MB for {bytes / 1e6:F1} MB of source = {(double)(after - before) / bytes:F1} bytes per source byte (includes the source strings the trees keep)");
    }

    [Benchmark]
    public int WalkAllTrees()
    {
        int n = 0;
        foreach (var t in _trees) n += t.Root.Statements.Count;
        return n;
    }
}
