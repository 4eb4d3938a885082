using NUnit.Framework;
using DjangoLsp.Analysis.Engine;
using DjangoLsp.Analysis.Rules.Settings;
using DjangoLsp.Analysis.Settings;
using Microsoft.CodeAnalysis.Text;

namespace DjangoLsp.Analysis.Tests.Settings;

/// <summary>An in-memory workspace: path → text (like open editor buffers), nothing read from disk.</summary>
internal sealed class MemoryFiles : IWorkspaceFiles
{
    private readonly Dictionary<string, AnalysisDocument> _documents = new(StringComparer.Ordinal);

    public MemoryFiles(params (string Path, string Text)[] files)
    {
        foreach (var (path, text) in files) Set(path, text);
    }

    public static string Root => OperatingSystem.IsWindows() ? @"C:\proj" : "/proj";

    public static string P(string relative) => Path.GetFullPath(Path.Combine(Root, relative));

    public AnalysisDocument Set(string relative, string text)
    {
        var path = P(relative);
        var document = new AnalysisDocument(path, SourceText.From(text));
        _documents[path] = document;
        return document;
    }

    public AnalysisDocument Get(string relative) => _documents[P(relative)];

    public AnalysisDocument? TryGetDocument(string path) => _documents.TryGetValue(Path.GetFullPath(path), out var d) ? d : null;
}

internal static class SettingsTestSupport
{
    public static string RepoRoot
    {
        get
        {
            var dir = new DirectoryInfo(TestContext.CurrentContext.TestDirectory);
            while (dir != null && !File.Exists(Path.Combine(dir.FullName, "DjangoLsp.sln"))) dir = dir.Parent;
            return dir?.FullName ?? throw new InvalidOperationException("repository root not found");
        }
    }

    public static EvaluatedSettings Evaluate(MemoryFiles files, string relative) =>
        SettingsEvaluator.Evaluate(files.Get(relative), files, MemoryFiles.Root);

    public static IReadOnlyList<Finding> Analyze(MemoryFiles files, string relative, AnalysisOptions? options = null)
    {
        var engine = new AnalysisEngine(BuiltInAnalyzers.Create());
        return engine.Analyze(files.Get(relative), new AnalysisContext(options ?? AnalysisOptions.Default, files, MemoryFiles.Root));
    }

    /// <summary>Single-file settings: findings for <c>proj/settings.py</c>.</summary>
    public static IReadOnlyList<Finding> AnalyzeSingle(string settingsText) =>
        Analyze(new MemoryFiles(("proj/settings.py", settingsText)), "proj/settings.py");

    public static int Line(Finding f, SourceText text) => text.Lines.GetLineFromPosition(f.Span.Start).LineNumber + 1;

    /// <summary>Applies one fix's edits (all to <paramref name="relative"/>) and returns the new text.</summary>
    public static string Apply(MemoryFiles files, string relative, CodeFix fix)
    {
        var document = files.Get(relative);
        var changes = fix.Edits.Where(e => e.Path == document.Path).Select(e => e.Change).OrderBy(c => c.Span.Start).ToList();
        Assert.That(changes, Has.Count.EqualTo(fix.Edits.Count), "fix edits another file");
        return document.Text.WithChanges(changes).ToString();
    }

    public static IReadOnlyList<RuleDescriptor> SettingsDescriptors => SettingsRules.Descriptors;
}
