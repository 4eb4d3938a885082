using BenchmarkDotNet.Attributes;
using DjangoLsp.Python.Syntax;

namespace DjangoLsp.Benchmarks;

/// <summary>
/// Full parse of every standard-library file (one core). Setup prints the corpus size and python3's
/// <c>ast.parse</c> time over the same files, so MB/s and the speed-up can be read off the result.
/// </summary>
[MemoryDiagnoser]
public class PythonParserBenchmarks
{
    private List<string> _texts = new();

    [GlobalSetup]
    public void Setup()
    {
        _texts = PythonCorpus.StdlibTexts();
        long chars = _texts.Sum(t => (long)t.Length);
        Console.WriteLine($"// stdlib: {_texts.Count} files, {chars} chars");
        Console.WriteLine($"// python3 ast.parse over the same files: {PythonCorpus.PythonAstParseSeconds() * 1000:F0} ms");
    }

    [Benchmark]
    public int ParseWholeStdlib()
    {
        int errors = 0;
        foreach (var t in _texts)
        {
            if (PythonSyntaxTree.Parse(t).GreenRootHasDiagnostics()) errors++;
        }
        return errors;
    }
}

internal static class PythonTreeExtensions
{
    public static bool GreenRootHasDiagnostics(this PythonSyntaxTree tree) => tree.Root.ContainsDiagnostics;
}
