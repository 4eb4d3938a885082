using DjangoLsp.Analysis.Tests.Rules.Python;

namespace DjangoLsp.Analysis.Tests.Rules.Crypto;

/// <summary>
/// DJ802 settles `x.attr(...)` calls by their last name before resolving the callee, and DJ420 looks for an HMAC
/// digest in a local's assignments only in files that contain the word "digest". Aliases and locals must still count.
/// </summary>
public class CallNamePrefilterTests
{
    private static IEnumerable<string> Found(string code, string rule) =>
        RuleTestHelper.IdsAndLines(code).Where(f => f.StartsWith(rule + ":", StringComparison.Ordinal));

    [TestCase("from re import compile as make\n\nPATTERN = make(r\"^(a+)+$\")\n", "DJ802:3", TestName = "DJ802 through an aliased from-import of re")]
    [TestCase("import re as r\n\nPATTERN = r.compile(r\"^(a+)+$\")\n", "DJ802:3", TestName = "DJ802 through an aliased module import")]
    [TestCase("from django.urls import re_path as rp\n\nurlpatterns = [rp(r\"^tags/(?P<t>([\\w-]+,?)+)/$\", None)]\n", "DJ802:3", TestName = "DJ802 through an aliased re_path")]
    [TestCase("from django.core import validators\n\nv = validators.RegexValidator(r\"^([A-Z0-9]+[- ]?)+$\")\n", "DJ802:3", TestName = "DJ802 through a module attribute")]
    public void Catastrophic_patterns_are_found_however_the_callee_is_spelled(string code, string expected)
    {
        Assert.That(Found(code, "DJ802"), Does.Contain(expected));
    }

    [Test]
    public void Catastrophic_pattern_given_to_an_unrelated_method_is_not_reported()
    {
        const string code = "import re\n\ndef f(parser):\n    return parser.build(r\"^(a+)+$\")\n";
        Assert.That(Found(code, "DJ802"), Is.Empty);
    }

    [TestCase("hexdigest", TestName = "DJ420 through a local holding an hmac hexdigest")]
    [TestCase("digest", TestName = "DJ420 through a local holding an hmac digest")]
    public void Hmac_digest_held_in_a_local_is_still_evidence(string method)
    {
        var code = "import hmac\nimport hashlib\n\ndef check(key, msg, sig):\n" +
                   $"    expected = hmac.new(key, msg, hashlib.sha256).{method}()\n    return expected == sig\n";
        Assert.That(Found(code, "DJ420"), Does.Contain("DJ420:6"));
    }

    [Test]
    public void Plain_comparison_of_names_in_a_file_without_digests_is_not_reported()
    {
        const string code = "def check(expected, sig):\n    return expected == sig\n";
        Assert.That(Found(code, "DJ420"), Is.Empty);
    }
}
