using DjangoLsp.Analysis.Engine;

namespace DjangoLsp.Analysis.Tests.Rules.Crypto;

/// <summary>Error when request data reaches the sink, warning for unsafe-by-design sinks, information for hardening.</summary>
[TestFixture]
public class SeverityTests
{
    private static Finding Single(string code, string rule, string path = "/srv/shop/app/views.py")
    {
        var findings = RuleHost.Analyze(path, code).Where(f => f.Rule.Id == rule).ToList();
        Assert.That(findings, Has.Count.EqualTo(1), string.Join("\n", findings.Select(f => f.Message)));
        return findings[0];
    }

    [Test]
    public void TimingCompare_WithRequestHeader_IsError()
    {
        var finding = Single("def v(request, expected_signature):\n    return request.headers['X-Sig'] == expected_signature\n", "DJ420");
        Assert.That(finding.Severity, Is.EqualTo(Severity.Error));
        Assert.That(finding.Span.Length, Is.EqualTo("request.headers['X-Sig'] == expected_signature".Length), "span is the comparison (the sink)");
    }

    [Test]
    public void TimingCompare_OfUnknownOrigin_IsWarning() =>
        Assert.That(Single("def v(token, stored_token):\n    return token == stored_token\n", "DJ420").Severity, Is.EqualTo(Severity.Warning));

    [Test]
    public void RegexFromRequest_IsError_SpanIsThePattern()
    {
        const string code = "import re\ndef v(request):\n    return re.compile(request.GET['q'])\n";
        var finding = Single(code, "DJ801");
        Assert.That(finding.Severity, Is.EqualTo(Severity.Error));
        Assert.That(code.Substring(finding.Span.Start, finding.Span.Length), Is.EqualTo("request.GET['q']"));
    }

    [Test]
    public void RegexFromRequest_ThroughVariable_CarriesTaintTraceToTheSource()
    {
        const string code = "import re\ndef v(request):\n    q = request.GET.get('q', '')\n    return re.search(q, 'abc')\n";
        var finding = Single(code, "DJ801");
        Assert.That(code.Substring(finding.Span.Start, finding.Span.Length), Is.EqualTo("q"), "span is the sink argument");
        Assert.That(finding.Related, Is.Not.Empty);
        Assert.That(code.Substring(finding.Related[0].Span.Start, finding.Related[0].Span.Length), Does.Contain("request.GET"));
    }

    [Test]
    public void DisableWarnings_IsInformation_OnlyWithVerifyOff()
    {
        const string off = "import requests, urllib3\nurllib3.disable_warnings()\nrequests.get(u, verify=False)\n";
        var findings = RuleHost.Analyze("/srv/shop/app/feed.py", off).Where(f => f.Rule.Id == "DJ430").ToList();
        Assert.That(findings.Select(f => f.Severity), Is.EquivalentTo(new[] { Severity.Information, Severity.Warning }));
        Assert.That(RuleHost.Analyze("/srv/shop/app/feed.py", "import urllib3\nurllib3.disable_warnings()\n"), Is.Empty);
    }

    [Test]
    public void HardcodedSecrets_InTestFiles_AreNotReported()
    {
        const string code = "API_KEY = 'sk_live_51H8xKqL2mN3pQ4rS5tU6vW'\n";
        Assert.That(RuleHost.Analyze("/srv/shop/app/client.py", code), Has.Count.EqualTo(1));
        Assert.That(RuleHost.Analyze("/srv/shop/app/tests.py", code), Is.Empty);
        Assert.That(RuleHost.Analyze("/srv/shop/app/tests/test_client.py", code), Is.Empty);
    }

    [Test]
    public void SecretKey_InSettingsModule_IsLeftToSettingsRules()
    {
        const string code = "SECRET_KEY = 'django-insecure-7r#k2m!v0x$3q9w@e8l^t4h'\n";
        Assert.That(RuleHost.Analyze("/srv/shop/shop/settings/base.py", code), Is.Empty);
        Assert.That(RuleHost.Analyze("/srv/shop/shop/settings.py", code), Is.Empty);
        Assert.That(Single(code, "DJ440", "/srv/shop/shop/signing.py").Severity, Is.EqualTo(Severity.Warning));
    }

    [Test]
    public void BrokenCode_DoesNotThrow()
    {
        foreach (var code in new[] { "def f(:\n  hashlib.md5(password", "re.compile(request.GET[", "x == ", "\0\u0001binary", "logger.info(f'{password", "re_path(r'(a+", "" })
            Assert.DoesNotThrow(() => RuleHost.Analyze("/srv/shop/app/views.py", code));
    }
}
