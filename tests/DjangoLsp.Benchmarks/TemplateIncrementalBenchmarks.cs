using BenchmarkDotNet.Attributes;
using DjangoLsp.Templates.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace DjangoLsp.Benchmarks;

/// <summary>
/// A one-character edit in a 2,000-line template, re-analysed (incremental reparse + context classification),
/// compared with a full parse and analysis.
/// Run: dotnet run -c Release --project tests/DjangoLsp.Benchmarks -- --filter '*TemplateIncremental*' --job short
/// </summary>
[MemoryDiagnoser]
public class TemplateIncrementalBenchmarks
{
    private TemplateAnalysis _analysis = null!;
    private TextChange _change;
    private SourceText _edited = null!;

    [GlobalSetup]
    public void Setup()
    {
        string text = TemplateBenchmarkCorpus.TwoThousandLineTemplate();
        _analysis = TemplateAnalysis.Analyze(TemplateSyntaxTree.Parse(SourceText.From(text)));
        int position = text.IndexOf("<td", text.Length / 2, StringComparison.Ordinal) + 1;
        _change = new TextChange(new TextSpan(position, 0), "x");
        _edited = _analysis.Tree.Text.WithChanges(_change);
        Console.WriteLine($"// 2000-line template: {text.Length} chars, {_analysis.Tree.Tokens.Count} tokens, {_analysis.Outputs.Count} outputs");
    }

    [Benchmark(Baseline = true)]
    public int OneCharacterEditIncremental() => _analysis.WithChanges(_edited, new[] { _change }).Outputs.Count;

    [Benchmark]
    public int FullReparseAndAnalysis() => TemplateAnalysis.Analyze(TemplateSyntaxTree.Parse(_edited)).Outputs.Count;
}
