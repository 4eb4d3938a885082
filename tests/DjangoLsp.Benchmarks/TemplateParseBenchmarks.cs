using BenchmarkDotNet.Attributes;
using DjangoLsp.Templates.Syntax;

namespace DjangoLsp.Benchmarks;

/// <summary>
/// Parse + context classification of all Django admin templates. MB/s = AdminBytes (printed in setup) / Mean.
/// Run: dotnet run -c Release --project tests/DjangoLsp.Benchmarks -- --filter '*TemplateParse*' --job short
/// </summary>
[MemoryDiagnoser]
public class TemplateParseBenchmarks
{
    private string[] _templates = Array.Empty<string>();

    [GlobalSetup]
    public void Setup()
    {
        _templates = TemplateBenchmarkCorpus.AdminTemplates();
        Console.WriteLine($"// admin templates: {_templates.Length} files, {TemplateBenchmarkCorpus.Utf8Bytes(_templates)} UTF-8 bytes");
    }

    [Benchmark]
    public int ParseAdminTemplates()
    {
        int tokens = 0;
        foreach (var text in _templates)
        {
            tokens += TemplateSyntaxTree.Parse(text).Tokens.Count;
        }

        return tokens;
    }

    [Benchmark]
    public int ParseAndClassifyAdminTemplates()
    {
        int outputs = 0;
        foreach (var text in _templates)
        {
            outputs += TemplateAnalysis.Analyze(text).Outputs.Count;
        }

        return outputs;
    }
}
