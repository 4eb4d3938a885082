using DjangoLsp.Analysis.Engine;
using DjangoLsp.Python.Syntax;

namespace DjangoLsp.Analysis.Tests.Rules.Python;

/// <summary>DJ142's fix: yaml.load with a full loader becomes yaml.safe_load of the same document.</summary>
public class YamlLoadFixTests
{
    private static string ApplySingleFix(string code)
    {
        var finding = RuleTestHelper.Analyze(code).Single(f => f.Rule.Id == "DJ142");
        Assert.That(finding.Fixes, Has.Count.EqualTo(1));
        var result = RuleTestHelper.Apply(code, finding.Fixes[0]);
        Assert.That(PythonSyntaxTree.Parse(result).HasErrors, Is.False, result);
        Assert.That(RuleTestHelper.IdsAndLines(result), Is.Empty, "finding gone and nothing new:\n" + result);
        return result;
    }

    [TestCase("yaml.load(request.body, Loader=yaml.Loader)", "yaml.safe_load(request.body)")]
    [TestCase("yaml.load(request.body)", "yaml.safe_load(request.body)")]
    [TestCase("yaml.load( request.body ,  yaml.FullLoader )", "yaml.safe_load(request.body)")]
    [TestCase("yaml.unsafe_load(request.body)", "yaml.safe_load(request.body)")]
    [TestCase("yaml.load(stream=request.body, Loader=yaml.UnsafeLoader)", "yaml.safe_load(request.body)")]
    [TestCase("list(yaml.load_all(request.body, Loader=yaml.Loader))", "list(yaml.safe_load_all(request.body))")]
    public void Becomes_safe_load_of_the_same_document(string call, string expected)
    {
        var code = $"import yaml\n\ndef view(request):\n    data = {call}\n    return data\n";
        var result = ApplySingleFix(code);
        Assert.That(result, Is.EqualTo($"import yaml\n\ndef view(request):\n    data = {expected}\n    return data\n"));
    }

    [Test]
    public void Request_data_is_an_error_and_other_data_a_warning()
    {
        var fromRequest = RuleTestHelper.Analyze("import yaml\ndef v(request):\n    return yaml.load(request.body)\n").Single(f => f.Rule.Id == "DJ142");
        var fromFile = RuleTestHelper.Analyze("import yaml\ndef v(path):\n    return yaml.load(open(path))\n").Single(f => f.Rule.Id == "DJ142");
        Assert.That(fromRequest.Severity, Is.EqualTo(Severity.Error));
        Assert.That(fromFile.Severity, Is.EqualTo(Severity.Warning));
        Assert.That(fromRequest.Related, Is.Not.Empty, "trace from the request source");
    }

    [Test]
    public void No_fix_when_the_function_was_imported_by_name()
    {
        var finding = RuleTestHelper.Analyze("from yaml import load, Loader\ndef v(request):\n    return load(request.body, Loader=Loader)\n").Single(f => f.Rule.Id == "DJ142");
        Assert.That(finding.Fixes, Is.Empty, "renaming would need an import change; left to the user");
    }
}
