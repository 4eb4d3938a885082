using DjangoLsp.Analysis.Engine;
using DjangoLsp.Analysis.Rules;
using DjangoLsp.Analysis.Tests.Rules.Python;
using Microsoft.CodeAnalysis.Text;

namespace DjangoLsp.Analysis.Tests.Rules;

/// <summary>
/// The rules' text pre-filters share one search per document (<see cref="SourceKeywords"/>). Its answer must be
/// exactly <c>string.Contains</c> of each word: words inside longer words, overlapping words, a word at the very end,
/// words in different search groups, words registered after the document was searched. And the rules that use it
/// must still fire on code that spells the API unusually.
/// </summary>
public class SourceKeywordsTests
{
    private static AnalysisDocument Document(string text) => new("/project/app/views.py", SourceText.From(text));

    [TestCase("x = os.popen(cmd)", new[] { "open" }, true, TestName = "A word inside a longer word counts")]
    [TestCase("HttpResponseRedirect(url)", new[] { "Redirect", "redirect" }, true, TestName = "One of two spellings is enough")]
    [TestCase("return redirec", new[] { "redirect" }, false, TestName = "A prefix of the word at the end is not the word")]
    [TestCase("eval", new[] { "eval" }, true, TestName = "The whole text is the word")]
    [TestCase("", new[] { "eval" }, false, TestName = "Empty text")]
    [TestCase("naïve = 'évaluer' # eval", new[] { "eval" }, true, TestName = "After non-ASCII characters, in a comment")]
    [TestCase("aaaaab", new[] { "aab", "aaab" }, true, TestName = "Overlapping candidates at neighbouring positions")]
    public void A_group_answers_like_Contains(string text, string[] words, bool expected)
    {
        var group = SourceKeywords.Register(words);
        Assert.That(group.AnyIn(Document(text)), Is.EqualTo(expected));
        Assert.That(group.AnyIn(text), Is.EqualTo(expected));
    }

    [Test]
    public void Every_word_of_many_groups_is_found_exactly_where_Contains_finds_it()
    {
        // More words than one search holds (they are searched in groups), some overlapping, some frequent, some absent.
        var words = Enumerable.Range(0, 60).Select(i => "kw" + (char)('a' + i % 26) + i).ToArray();
        var groups = words.Select(w => SourceKeywords.Register(w)).ToArray();
        var random = new Random(1234);
        for (var round = 0; round < 40; round++)
        {
            var parts = Enumerable.Range(0, random.Next(0, 30)).Select(_ => random.Next(3) switch
            {
                0 => words[random.Next(words.Length)],
                1 => words[random.Next(words.Length)][..random.Next(1, 4)],   // a prefix only
                _ => "def f(x):\n    return x + 1\n",
            });
            var text = string.Concat(parts);
            var document = Document(text);
            for (var i = 0; i < words.Length; i++)
                Assert.That(groups[i].AnyIn(document), Is.EqualTo(text.Contains(words[i], StringComparison.Ordinal)), $"{words[i]} in {text}");
        }
    }

    [Test]
    public void A_word_registered_after_the_document_was_searched_is_still_answered()
    {
        var document = Document("value = compute_with_latecomer_word(x)");
        Assert.That(SourceKeywords.Register("compute").AnyIn(document), Is.True);
        var late = SourceKeywords.Register("latecomer_word");
        var absent = SourceKeywords.Register("never_in_this_text_word");
        Assert.That(late.AnyIn(document), Is.True);
        Assert.That(absent.AnyIn(document), Is.False);
    }

    [Test]
    public void Every_Django_file_gets_the_answers_of_Contains()
    {
        const string root = "/usr/lib/python3/dist-packages/django";
        if (!Directory.Exists(root)) Assert.Ignore("Django is not installed");
        string[] words = ["request", "View", "popen", "open", "Redirect", "compile", "exec", "digest", "jsonpickle", "CERT_NONE", "serve"];
        var groups = words.Select(w => SourceKeywords.Register(w)).ToArray();
        foreach (var path in Directory.EnumerateFiles(root, "*.py", SearchOption.AllDirectories).Take(400))
        {
            var text = File.ReadAllText(path);
            var document = new AnalysisDocument(path, SourceText.From(text));
            for (var i = 0; i < words.Length; i++)
                Assert.That(groups[i].AnyIn(document), Is.EqualTo(text.Contains(words[i], StringComparison.Ordinal)), $"{words[i]} in {path}");
        }
    }

    private static IEnumerable<string> Found(string code, string rule) =>
        RuleTestHelper.IdsAndLines(code).Where(f => f.StartsWith(rule + ":", StringComparison.Ordinal));

    // Each rule's words must occur however the API is spelled: through an alias, a module attribute, a subclass name.
    [TestCase("from builtins import eval as run\n\ndef view(request):\n    return run(request.GET[\"q\"])\n", "DJ130", "DJ130:4",
        TestName = "DJ130 through an aliased builtin")]
    [TestCase("import os as o\n\ndef view(request):\n    o.popen(request.GET[\"cmd\"])\n", "DJ120", "DJ120:4",
        TestName = "DJ120 through os.popen of an aliased module")]
    [TestCase("from django.http import HttpResponseRedirect as Go\n\ndef view(request):\n    return Go(request.GET[\"next\"])\n", "DJ301", "DJ301:4",
        TestName = "DJ301 through an aliased redirect class")]
    [TestCase("from django.utils.safestring import mark_safe as ms\n\ndef view(request):\n    return ms(request.GET[\"html\"])\n", "DJ200", "DJ200:4",
        TestName = "DJ200 through an aliased mark_safe")]
    [TestCase("import io\n\ndef view(request):\n    return io.open(request.GET[\"path\"]).read()\n", "DJ160", "DJ160:4",
        TestName = "DJ160 through io.open")]
    [TestCase("import pickle as p\n\ndef view(request):\n    return p.loads(request.body)\n", "DJ140", "DJ140:4",
        TestName = "DJ140 through an aliased pickle")]
    [TestCase("import hmac\n\ndef view(request, key, msg):\n    expected = hmac.new(key, msg, 'sha256').hexdigest()\n    return expected == request.GET[\"sig\"]\n",
        "DJ420", "DJ420:5", TestName = "DJ420 with an HMAC digest in a local")]
    [TestCase("import requests\n\ndef fetch(url):\n    return requests.get(url, verify=False)\n", "DJ430", "DJ430:4",
        TestName = "DJ430 with verify=False")]
    public void Rules_with_shared_prefilters_still_fire(string code, string rule, string expected)
    {
        Assert.That(Found(code, rule), Does.Contain(expected));
    }

    [TestCase("import builtins\n\ndef view(request):\n    return builtins.len(request.GET[\"q\"])\n", "DJ130", TestName = "No eval, exec or compile: DJ130 silent")]
    [TestCase("import os\n\ndef view(request):\n    return os.path.join(\"a\", request.GET[\"q\"])\n", "DJ120", TestName = "No system or popen: DJ120 silent")]
    [TestCase("def view(request):\n    return request.GET.get(\"next\")\n", "DJ301", TestName = "No redirect: DJ301 silent")]
    public void Rules_without_their_words_stay_silent(string code, string rule)
    {
        Assert.That(Found(code, rule), Is.Empty);
    }

    // Sink rules settle `x.attr(...)` by the attribute alone when no sink's name ends with it; calls whose attribute is a
    // sink's last name must still be resolved (module attributes, aliases, chains through a call).
    [TestCase("import subprocess as sp\n\ndef view(request):\n    sp.call(request.GET[\"cmd\"], shell=True)\n", "DJ121", "DJ121:4",
        TestName = "DJ121 through a method of an aliased module")]
    [TestCase("import yaml\n\ndef view(request):\n    return yaml.load(request.body, Loader=yaml.Loader)\n", "DJ142", "DJ142:4",
        TestName = "DJ142 through a module attribute")]
    [TestCase("import os\n\ndef view(request):\n    os.system(\"ls \" + request.GET[\"d\"])\n", "DJ120", "DJ120:4",
        TestName = "DJ120 through os.system")]
    public void Sink_methods_are_still_resolved(string code, string rule, string expected)
    {
        Assert.That(Found(code, rule), Does.Contain(expected));
    }

    [TestCase("def view(request, engine):\n    return engine.eval(request.GET[\"q\"])\n", "DJ130", TestName = "A method named eval on a parameter is not builtins.eval")]
    [TestCase("def view(request, shell):\n    shell.system(request.GET[\"q\"])\n", "DJ120", TestName = "A method named system on a parameter is not os.system")]
    [TestCase("import os\n\ndef view(request):\n    os.path.exists(request.GET[\"q\"])\n", "DJ160", TestName = "A method that is no sink's last name is not reported")]
    public void Methods_that_only_look_like_sinks_are_not_reported(string code, string rule)
    {
        Assert.That(Found(code, rule), Is.Empty);
    }
}
