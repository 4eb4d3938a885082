using DjangoLsp.Analysis.Engine;
using DjangoLsp.Protocol.Lsp;
using DjangoLsp.Server.Handlers;
using DjangoLsp.Server.Text;
using DjangoLsp.Server.Workspace;
using Microsoft.CodeAnalysis.Text;
using Newtonsoft.Json.Linq;
using NUnit.Framework;

namespace DjangoLsp.Server.Tests;

public class PositionEncoderTests
{
    private static readonly SourceText Text = SourceText.From("ab\ré🐍x\r\n日本\nlast");

    [TestCase(0, 2, 2)]
    [TestCase(1, 0, 3)]
    [TestCase(1, 1, 4)]
    [TestCase(1, 3, 6)]     // after the surrogate pair
    [TestCase(1, 4, 7)]
    [TestCase(1, 99, 7)]    // past the end of the line clamps to the line end
    [TestCase(2, 1, 10)]
    [TestCase(99, 0, 16)]   // past the last line clamps to the end
    public void Utf16_offsets(int line, int character, int offset) =>
        Assert.That(PositionEncoder.Utf16.ToOffset(Text, new Position(line, character)), Is.EqualTo(offset));

    [TestCase(1, 0, 3)]
    [TestCase(1, 2, 4)]     // é is two bytes
    [TestCase(1, 6, 6)]     // 🐍 is four bytes
    [TestCase(1, 7, 7)]
    [TestCase(1, 4, 4)]     // inside the emoji snaps to its start
    [TestCase(2, 3, 10)]    // 日 is three bytes
    public void Utf8_offsets(int line, int character, int offset) =>
        Assert.That(PositionEncoder.Utf8.ToOffset(Text, new Position(line, character)), Is.EqualTo(offset));

    [Test]
    public void Round_trips_every_character_boundary_in_both_encodings()
    {
        foreach (var encoder in new[] { PositionEncoder.Utf16, PositionEncoder.Utf8 })
            for (var offset = 0; offset <= Text.Length; offset++)
            {
                if (offset < Text.Length && char.IsLowSurrogate(Text[offset])) continue;
                if (offset > 0 && offset < Text.Length && Text[offset - 1] == '\r' && Text[offset] == '\n') continue;
                Assert.That(encoder.ToOffset(Text, encoder.ToPosition(Text, offset)), Is.EqualTo(offset), $"{encoder.Kind} offset {offset}");
            }
    }
}

public class FixAllMergeTests
{
    private static readonly RuleDescriptor Rule = Support.MarkerAnalyzer.Rule;

    private static Finding WithFix(int start, int length, string replacement, bool safe = true) =>
        new(Rule, "/a.py", new TextSpan(start, length), "m", Severity.Warning, Array.Empty<RelatedLocation>(),
            new[] { new CodeFix("fix", new[] { new DocumentEdit("/a.py", new TextChange(new TextSpan(start, length), replacement)) }, safe) });

    [Test]
    public void Overlapping_and_unsafe_fixes_are_left_out_and_duplicates_merged()
    {
        var merged = CodeActionHandler.MergeFixAll(new[]
        {
            WithFix(0, 5, "a"),
            WithFix(3, 4, "b"),          // overlaps the first: dropped
            WithFix(10, 2, "c"),
            WithFix(10, 2, "c"),         // identical edit from another finding: once
            WithFix(20, 1, "d", safe: false),
            WithFix(30, 0, "e"),
            WithFix(30, 0, "f"),         // second insertion at the same point: ambiguous order, dropped
        });
        Assert.That(merged.Select(e => e.Change.NewText), Is.EqualTo(new[] { "a", "c", "e" }));
    }
}

public class ServerSettingsTests
{
    [Test]
    public void Parses_every_documented_key_and_ignores_bad_values()
    {
        var settings = ServerSettings.Parse(JObject.Parse("""
            {"djangolsp": {"select": ["DJ1", "DJ2"], "ignore": "DJ101, DJ102", "severityOverrides": {"DJ101": "error", "DJ102": "loud"},
             "minSeverity": "warning", "exclude": ["build/**"], "settingsModule": "shop.settings", "templateDirs": ["tpl"],
             "reportSyntaxErrors": false, "scanOnStartup": true, "debounceMs": 40}}
            """));
        var options = settings.Analysis;
        Assert.That(options.Select, Is.EqualTo(new[] { "DJ1", "DJ2" }));
        Assert.That(options.Ignore, Is.EqualTo(new[] { "DJ101", "DJ102" }));
        Assert.That(options.SeverityOverrides, Is.EquivalentTo(new Dictionary<string, Severity> { ["DJ101"] = Severity.Error }));
        Assert.That(options.MinimumSeverity, Is.EqualTo(Severity.Warning));
        Assert.That(options.Exclude, Is.EqualTo(new[] { "build/**" }));
        Assert.That(options.SettingsModule, Is.EqualTo("shop.settings"));
        Assert.That(options.ExtraTemplateDirs, Is.EqualTo(new[] { "tpl" }));
        Assert.That(options.ReportSyntaxErrors, Is.False);
        Assert.That(settings.ScanOnStartup, Is.True);
        Assert.That(settings.DebounceMs, Is.EqualTo(40));

        var defaults = ServerSettings.Parse(JObject.Parse("""{"select": 5, "minSeverity": ["x"], "debounceMs": "fast"}"""));
        Assert.That(defaults.Analysis.Select, Is.Empty);
        Assert.That(defaults.Analysis.MinimumSeverity, Is.EqualTo(Severity.Hint));
        Assert.That(defaults.DebounceMs, Is.EqualTo(150));
    }
}
