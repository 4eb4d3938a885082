using DjangoLsp.Analysis.Tests.Rules.Python;

namespace DjangoLsp.Analysis.Tests.Rules.Crypto;

/// <summary>
/// The crypto/DoS rules skip files that cannot name their module (no import of re/regex, no "hashlib", no "random") before
/// resolving every callee. Imports that do not spell the call the usual way must still count.
/// </summary>
public class ImportPrefilterTests
{
    [TestCase("from re import compile as make\n\ndef f(request):\n    return make(request.GET[\"p\"])\n", TestName = "DJ801 through an aliased from-import of re")]
    [TestCase("import regex\n\ndef f(request, s):\n    return regex.search(request.GET[\"p\"], s)\n", TestName = "DJ801 through the regex module")]
    [TestCase("def f(request, s):\n    import re as r\n    return r.split(request.GET[\"p\"], s)\n", TestName = "DJ801 through a function-local aliased import")]
    public void Regex_from_request_is_found_however_re_is_imported(string code)
    {
        Assert.That(RuleTestHelper.IdsAndLines(code), Does.Contain("DJ801:4").Or.Contain("DJ801:3"));
    }

    [Test]
    public void Regex_calls_without_an_import_of_re_are_not_resolved_as_re()
    {
        const string code = "def f(request, rx):\n    return rx.search(request.GET[\"p\"])\n";
        Assert.That(RuleTestHelper.IdsAndLines(code).Where(f => f.StartsWith("DJ801", StringComparison.Ordinal)), Is.Empty);
    }

    [TestCase("from hashlib import md5 as h\n\ndef store(password):\n    return h(password.encode()).hexdigest()\n", "DJ401", TestName = "DJ401 through an aliased from-import of hashlib")]
    [TestCase("from random import choice as pick\nimport string\n\ndef make_token():\n    token = ''.join(pick(string.ascii_letters) for _ in range(32))\n    return token\n", "DJ410", TestName = "DJ410 through an aliased from-import of random")]
    public void Hash_and_random_rules_follow_aliased_imports(string code, string rule)
    {
        Assert.That(RuleTestHelper.IdsAndLines(code).Any(f => f.StartsWith(rule, StringComparison.Ordinal)), Is.True);
    }
}
