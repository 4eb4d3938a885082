using DjangoLsp.Analysis.Engine;
using DjangoLsp.Server.Scanning;
using Microsoft.CodeAnalysis.Text;

namespace DjangoLsp.Server.Output;

/// <summary>What every output format needs: findings, the texts to place them, the rule catalog and the folder paths are relative to.</summary>
public sealed class ReportContext
{
    public ReportContext(IReadOnlyList<Finding> findings, SourceTexts texts, RuleCatalog catalog, string baseDirectory, int fileCount)
    {
        Findings = findings;
        Texts = texts;
        Catalog = catalog;
        BaseDirectory = baseDirectory;
        FileCount = fileCount;
    }

    public IReadOnlyList<Finding> Findings { get; }
    public SourceTexts Texts { get; }
    public RuleCatalog Catalog { get; }
    public string BaseDirectory { get; }
    public int FileCount { get; }

    /// <summary>Relative to the base folder, forward slashes (stable across machines and OSes).</summary>
    public string RelativePath(string path) => Path.GetRelativePath(BaseDirectory, path).Replace('\\', '/');

    /// <summary>Zero-based line/character (UTF-16) of a span; (0,0) when the file cannot be read any more.</summary>
    public LinePositionSpan Locate(string path, TextSpan span)
    {
        var text = Texts.Get(path);
        if (text == null) return new LinePositionSpan(LinePosition.Zero, LinePosition.Zero);
        var start = Math.Min(span.Start, text.Length);
        var end = Math.Clamp(span.End, start, text.Length);
        return text.Lines.GetLinePositionSpan(TextSpan.FromBounds(start, end));
    }

    public string LineText(string path, int line)
    {
        var text = Texts.Get(path);
        return text == null || line >= text.Lines.Count ? "" : text.Lines[line].ToString();
    }
}
