using BenchmarkDotNet.Attributes;
using DjangoLsp.Python.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace DjangoLsp.Benchmarks;

/// <summary>One-character edit in the middle of a 5,000-line file: incremental reparse vs full parse.</summary>
public class PythonIncrementalBenchmarks
{
    private PythonSyntaxTree _tree = null!;
    private SourceText _edited = null!;
    private TextChange _change;

    [GlobalSetup]
    public void Setup()
    {
        // The same ~5,000-line text as the console mode `incremental`, so both report on one file.
        var text = PythonConsoleModes.IncrementalBenchmarkText(out var cut);
        _tree = PythonSyntaxTree.Parse(text);
        // Insert a digit into the middle line's first identifier-ish position.
        int middle = text.Length / 2;
        while (middle < text.Length && !char.IsLetter(text[middle])) middle++;
        _change = new TextChange(new TextSpan(middle, 0), "x");
        _edited = _tree.Text.WithChanges(_change);
        var inc = _tree.WithChanges(_edited, [_change]);
        Console.WriteLine($"// {cut} lines, {text.Length} chars; reused statements: {inc.ReusedNodeCount}; equal to full parse: {inc.IsEquivalentTo(PythonSyntaxTree.Parse(_edited))}");
    }

    [Benchmark]
    public PythonSyntaxTree IncrementalOneCharEdit() => _tree.WithChanges(_edited, [_change]);

    [Benchmark(Baseline = true)]
    public PythonSyntaxTree FullParseAfterEdit() => PythonSyntaxTree.Parse(_edited);
}
