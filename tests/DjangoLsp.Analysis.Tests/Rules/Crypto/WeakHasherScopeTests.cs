using DjangoLsp.Analysis.Engine;
using DjangoLsp.Analysis.Tests.Project;

namespace DjangoLsp.Analysis.Tests.Rules.Crypto;

/// <summary>
/// DJ402's scope: code picking a weak hasher is a warning; test files (Django recommends MD5 there for speed) are not
/// reported; a settings module's own PASSWORD_HASHERS is DJ522's (deployed settings: error; test settings: nothing).
/// </summary>
[TestFixture]
public class WeakHasherScopeTests
{
    private const string MakePassword = "from django.contrib.auth.hashers import make_password\n\ndef f(pw):\n    return make_password(pw, hasher=\"md5\")\n";
    private const string Md5First = "PASSWORD_HASHERS = [\"django.contrib.auth.hashers.MD5PasswordHasher\"]\n";

    [TestCase("/srv/shop/accounts/utils.py", 1)]
    [TestCase("/srv/shop/accounts/tests.py", 0)]
    [TestCase("/srv/shop/accounts/test_utils.py", 0)]
    [TestCase("/srv/shop/accounts/tests/factories.py", 0)]
    [TestCase("/srv/shop/conftest.py", 0)]
    public void Make_password_with_md5_is_reported_outside_tests_only(string path, int count)
    {
        var findings = RuleHost.Analyze(path, MakePassword).Where(f => f.Rule.Id == "DJ402").ToList();
        Assert.That(findings, Has.Count.EqualTo(count));
        Assert.That(findings.All(f => f.Severity == Severity.Warning));
    }

    [Test]
    public void The_fix_removes_the_hasher_argument()
    {
        var finding = RuleHost.Analyze("/srv/shop/accounts/utils.py", MakePassword).Single(f => f.Rule.Id == "DJ402");
        Assert.That(RuleHost.Apply(MakePassword, finding.Fixes[0]), Does.Contain("return make_password(pw)\n"));
    }

    [TestCase("proj/settings/test.py", TestName = "settings/test.py with MD5 first: not reported")]
    [TestCase("proj/test_settings.py", TestName = "test_settings.py with MD5 first: not reported")]
    public void Test_settings_modules_are_not_reported(string settingsPath)
    {
        var workspace = Workspace(settingsPath);
        var findings = workspace.Analyze(new AnalysisEngineAnalyzer(), settingsPath);
        Assert.That(findings.Where(f => f.Rule.Id is "DJ402" or "DJ522"), Is.Empty);
    }

    [Test]
    public void Deployed_settings_are_dj522_errors_not_dj402()
    {
        var workspace = Workspace("proj/settings.py");
        var findings = workspace.Analyze(new AnalysisEngineAnalyzer(), "proj/settings.py");
        Assert.That(findings.Where(f => f.Rule.Id == "DJ402"), Is.Empty);
        Assert.That(findings.Single(f => f.Rule.Id == "DJ522").Severity, Is.EqualTo(Severity.Error));
    }

    private static MemoryWorkspace Workspace(string settingsPath) =>
        new MemoryWorkspace("/mem/dj402-" + Guid.NewGuid().ToString("N"))
            .Add("manage.py", "import os\nos.environ.setdefault(\"DJANGO_SETTINGS_MODULE\", \"proj.settings\")\n")
            .Add("proj/__init__.py", "")
            .Add(settingsPath, "DEBUG = False\nSECRET_KEY = os.environ[\"SECRET_KEY\"]\n" + Md5First);

    /// <summary>All built-in analyzers as one, so each test sees every rule's findings for the file.</summary>
    private sealed class AnalysisEngineAnalyzer : IDocumentAnalyzer
    {
        private static readonly AnalysisEngine Engine = BuiltInAnalyzers.CreateEngine();
        public IReadOnlyList<RuleDescriptor> SupportedRules => Engine.Catalog.All;
        public bool Supports(DocumentKind kind) => true;
        public IEnumerable<Finding> Analyze(AnalysisDocument document, AnalysisContext context, CancellationToken cancellationToken) =>
            Engine.Analyze(document, context, cancellationToken);
    }
}
