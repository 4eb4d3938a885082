using DjangoLsp.Analysis.Tests.Rules.Python;

namespace DjangoLsp.Analysis.Tests.Rules.Crypto;

/// <summary>
/// DJ810 skips files without the word "Response" and settles `x.attr(...)` calls whose attribute does not end in
/// "Response" without resolving them; DJ801 settles `x.attr(...)` calls by their attribute name. Aliases, module
/// attributes and from-imports must still be found.
/// </summary>
public class ResponseAndRegexPrefilterTests
{
    private static IEnumerable<string> Found(string code, string rule) =>
        RuleTestHelper.IdsAndLines(code).Where(f => f.StartsWith(rule + ":", StringComparison.Ordinal));

    private const string Handler = "    try:\n        work()\n    except Exception as e:\n";

    [TestCase("from django.http import JsonResponse as Reply\n\ndef view(request):\n" + Handler + "        return Reply({\"error\": str(e)})\n",
        "DJ810:7", TestName = "DJ810 through an aliased response class")]
    [TestCase("from django import http\n\ndef view(request):\n" + Handler + "        return http.HttpResponse(str(e))\n",
        "DJ810:7", TestName = "DJ810 through a module attribute")]
    [TestCase("import django.http as h\n\ndef view(request):\n" + Handler + "        return h.JsonResponse({\"detail\": e.args})\n",
        "DJ810:7", TestName = "DJ810 through an aliased module")]
    public void Exception_details_are_found_however_the_response_is_spelled(string code, string expected)
    {
        Assert.That(Found(code, "DJ810"), Does.Contain(expected));
    }

    [Test]
    public void Exception_text_given_to_a_method_that_is_not_a_response_is_not_reported()
    {
        const string code = "import logging\n\ndef view(request, log):\n" + Handler + "        return log.render(str(e))\n";
        Assert.That(Found(code, "DJ810"), Is.Empty);
    }

    [TestCase("from re import compile as make\n\ndef view(request):\n    return make(request.GET[\"q\"])\n", "DJ801:4",
        TestName = "DJ801 through an aliased from-import")]
    [TestCase("import re as r\n\ndef view(request):\n    return r.search(request.GET[\"q\"], \"text\")\n", "DJ801:4",
        TestName = "DJ801 through an aliased module")]
    [TestCase("import regex\n\ndef view(request):\n    return regex.fullmatch(request.POST[\"q\"], \"text\")\n", "DJ801:4",
        TestName = "DJ801 through the regex module")]
    [TestCase("def view(request):\n    import re\n    return re.compile(request.GET[\"q\"])\n", "DJ801:3",
        TestName = "DJ801 with the import inside the function")]
    [TestCase("class V:\n    def get(self, request):\n        from regex import search\n        return search(request.GET[\"q\"], \"t\")\n", "DJ801:4",
        TestName = "DJ801 with a from-import of regex inside a method")]
    [TestCase("import os, re.sre_parse\n\ndef view(request):\n    return re.match(request.GET[\"q\"], \"t\")\n", "DJ801:4",
        TestName = "DJ801 through a dotted import of a submodule of re")]
    [TestCase("try:\n    import regex as re\nexcept ImportError:\n    pass\n\ndef view(request):\n    return re.split(request.GET[\"q\"], \"t\")\n", "DJ801:7",
        TestName = "DJ801 through an import in a try block")]
    public void Patterns_from_the_request_are_found_however_the_function_is_spelled(string code, string expected)
    {
        Assert.That(Found(code, "DJ801"), Does.Contain(expected));
    }

    [Test]
    public void Request_data_given_to_another_method_of_re_objects_is_not_reported()
    {
        const string code = "import re\n\ndef view(request, cache):\n    return cache.compile_later(request.GET[\"q\"])\n";
        Assert.That(Found(code, "DJ801"), Is.Empty);
    }

    [Test]
    public void A_module_named_re_that_is_never_imported_is_not_resolved_to_the_standard_one()
    {
        // Without an import of re or regex the rule does nothing (as before its import pre-filter): `re` here is a global.
        const string code = "import remote\nfrom . import regexes\n\ndef view(request):\n    return re.compile(request.GET[\"q\"])\n";
        Assert.That(Found(code, "DJ801"), Is.Empty);
    }
}
