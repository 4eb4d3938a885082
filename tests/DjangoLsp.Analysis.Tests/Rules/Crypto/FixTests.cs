using Microsoft.CodeAnalysis.Text;

namespace DjangoLsp.Analysis.Tests.Rules.Crypto;

/// <summary>The exact text of each quick fix, and imports added once when two fixes apply in turn.</summary>
[TestFixture]
public class FixTests
{
    private static string FixFirst(string code, string ruleId)
    {
        var finding = RuleHost.Analyze("/p/app/views.py", code).First(f => f.Rule.Id == ruleId);
        Assert.That(finding.Fixes, Is.Not.Empty);
        return RuleHost.Apply(code, finding.Fixes[0]);
    }

    private static string FixAll(string code, string ruleId)
    {
        for (var i = 0; i < 20; i++)
        {
            var finding = RuleHost.Analyze("/p/app/views.py", code).FirstOrDefault(f => f.Rule.Id == ruleId && f.Fixes.Count > 0);
            if (finding == null) return code;
            code = RuleHost.Apply(code, finding.Fixes[0]);
        }
        Assert.Fail("fixes did not converge");
        return code;
    }

    [Test]
    public void RandomChoice_BecomesSecretsChoice_ImportAddedOnce()
    {
        const string code = "import random\nimport string\n\n\ndef make_token():\n    token = random.choice(string.ascii_letters)\n    reset_code = random.randint(100000, 999999)\n    return token, reset_code\n";
        var result = FixAll(code, "DJ410");
        Assert.That(result, Is.EqualTo("import random\nimport string\nimport secrets\n\n\ndef make_token():\n    token = secrets.choice(string.ascii_letters)\n    reset_code = secrets.randbelow(999999 - 100000 + 1) + 100000\n    return token, reset_code\n"));
    }

    [Test]
    public void RandomGetrandbits_BecomesRandbits_ArgumentsKept()
    {
        var result = FixFirst("import random\nimport secrets\n\napi_token = '%x' % random.getrandbits(n * 8)\n", "DJ410");
        Assert.That(result, Is.EqualTo("import random\nimport secrets\n\napi_token = '%x' % secrets.randbits(n * 8)\n"));
    }

    [Test]
    public void EqualsAndNotEquals_BecomeConstantTimeCompare_ImportAddedOnce()
    {
        const string code = "\"\"\"Webhooks.\"\"\"\nimport hmac\n\n\ndef check(signature, expected_signature, api_key, stored_api_key):\n    if signature == expected_signature:\n        pass\n    if api_key != stored_api_key:\n        raise PermissionError\n";
        var result = FixAll(code, "DJ420");
        Assert.That(result, Is.EqualTo("\"\"\"Webhooks.\"\"\"\nimport hmac\nfrom django.utils.crypto import constant_time_compare\n\n\ndef check(signature, expected_signature, api_key, stored_api_key):\n    if constant_time_compare(signature, expected_signature):\n        pass\n    if not constant_time_compare(api_key, stored_api_key):\n        raise PermissionError\n"));
    }

    [Test]
    public void VerifyFalse_BecomesTrue_OtherArgumentsUnchanged()
    {
        var result = FixFirst("import requests\nr = requests.get(url, verify=False, timeout=30)\n", "DJ430");
        Assert.That(result, Is.EqualTo("import requests\nr = requests.get(url, verify=True, timeout=30)\n"));
    }

    [Test]
    public void UnverifiedContext_BecomesDefaultContext()
    {
        var result = FixFirst("import ssl\nctx = ssl._create_unverified_context()\n", "DJ430");
        Assert.That(result, Is.EqualTo("import ssl\nctx = ssl.create_default_context()\n"));
    }

    [Test]
    public void RegexFromRequest_IsEscaped_FlagsKept()
    {
        var result = FixFirst("import re\n\ndef v(request):\n    return re.compile(request.GET['q'], re.I)\n", "DJ801");
        Assert.That(result, Is.EqualTo("import re\n\ndef v(request):\n    return re.compile(re.escape(request.GET['q']), re.I)\n"));
    }

    [Test]
    public void ImportAddedAfterFileWithoutTrailingNewline()
    {
        var result = FixFirst("import random\ndef make_otp(): return random.randrange(10**6)", "DJ410");
        Assert.That(result, Is.EqualTo("import random\nimport secrets\ndef make_otp(): return secrets.randbelow(10**6)"));
    }
}
