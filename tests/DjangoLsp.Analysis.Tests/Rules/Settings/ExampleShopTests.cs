using DjangoLsp.Analysis.Engine;
using DjangoLsp.Analysis.Tests.Settings;
using NUnit.Framework;

namespace DjangoLsp.Analysis.Tests.Rules.Settings;

/// <summary>The settings, CSRF and clickjacking findings of examples/vulnerable-shop land on the lines EXPECTED.md lists.</summary>
public class ExampleShopTests
{
    private static string Shop => Path.Combine(SettingsTestSupport.RepoRoot, "examples", "vulnerable-shop");

    private static IReadOnlyList<(string Rule, int Line, string Message)> FindingsFor(string relative)
    {
        var path = Path.Combine(Shop, relative);
        var document = DiskFiles.Instance.TryGetDocument(path)!;
        var engine = BuiltInAnalyzers.CreateEngine();
        var findings = engine.Analyze(document, new AnalysisContext(AnalysisOptions.Default, DiskFiles.Instance, Shop));
        return findings.Where(f => f.Rule.Id != "syntax")
            .Select(f => (f.Rule.Id, SettingsTestSupport.Line(f, document.Text), f.Message)).ToList();
    }

    [TestCase("shop/settings/production.py", 11, "DJ500")]   // VS038 DEBUG = True (W018)
    [TestCase("shop/settings/production.py", 14, "DJ502")]   // VS039 ALLOWED_HOSTS = ["*"]
    [TestCase("shop/settings/production.py", 16, "DJ503")]   // VS040 SECRET_KEY fallback (W009)
    [TestCase("shop/settings/production.py", 22, "DJ319")]   // VS029 MIDDLEWARE without CsrfViewMiddleware (W003)
    [TestCase("shop/settings/production.py", 34, "DJ331")]   // VS031 X_FRAME_OPTIONS = "ALLOWALL" (W019)
    [TestCase("shop/settings/production.py", 37, "DJ510")]   // VS041 SECURE_SSL_REDIRECT = False (W008)
    [TestCase("shop/settings/production.py", 38, "DJ506")]   // VS042 SECURE_HSTS_SECONDS = 0 (W004)
    [TestCase("shop/settings/production.py", 39, "DJ511")]   // VS043 SESSION_COOKIE_SECURE = False (W012)
    [TestCase("shop/settings/production.py", 40, "DJ512")]   // VS044 CSRF_COOKIE_SECURE = False — W016 needs CsrfViewMiddleware, see below
    [TestCase("shop/settings/production.py", 43, "DJ519")]   // VS045 AUTH_PASSWORD_VALIDATORS = []
    [TestCase("shop/settings/production.py", 46, "DJ520")]   // VS046 DATA_UPLOAD_MAX_MEMORY_SIZE = None
    [TestCase("shop/settings/production.py", 49, "DJ521")]   // VS047 CORS all origins + credentials
    [TestCase("shop/settings/production.py", 54, "DJ522")]   // VS048 MD5PasswordHasher first
    [TestCase("shop/settings/production.py", 60, "DJ523")]   // VS049 PickleSerializer
    [TestCase("accounts/views.py", 80, "DJ310")]             // VS026 @csrf_exempt on change_email
    [TestCase("orders/views.py", 92, "DJ330")]               // VS030 @xframe_options_exempt on checkout
    public void ExpectedFindingIsReported(string file, int line, string rule)
    {
        var findings = FindingsFor(file);
        Assert.That(findings.Any(f => f.Rule == rule && f.Line == line), Is.True,
            $"{rule} expected at {file}:{line}; got:\n" + string.Join("\n", findings.Select(f => $"{f.Rule} {f.Line} {f.Message}")));
    }

    [Test]
    public void DevelopmentSettingsAreNotReported()
    {
        // OK035/OK036: local.py has DEBUG = True and MD5 hashing for tests: development only.
        Assert.That(FindingsFor("shop/settings/local.py"), Is.Empty);
    }

    [Test]
    public void BaseIsReportedOnlyForWhatProductionInherits()
    {
        var findings = FindingsFor("shop/settings/base.py");
        // base.py's DEBUG = False, ALLOWED_HOSTS and MIDDLEWARE are overridden by production.py: nothing about them here.
        Assert.That(findings.Where(f => f.Line is 13 or 15 or 31), Is.Empty, string.Join("\n", findings));
        // The environment-driven webhook secrets (OK033) are not settings findings.
        Assert.That(findings.Where(f => f.Line == 105), Is.Empty);
    }

    [Test]
    public void EnvironmentReadsInProductionAreNotFlagged()
    {
        // OK034: DATABASES["default"]["PASSWORD"] = os.environ["DB_PASSWORD"] (line 19).
        Assert.That(FindingsFor("shop/settings/production.py").Where(f => f.Line == 19), Is.Empty);
    }
}
