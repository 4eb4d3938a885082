namespace DjangoLsp.Python.Syntax.Tests;

public class RoundTripTests
{
    [Test]
    public void EveryStdlibFileRoundTripsExactly() => AssertRoundTrip(Corpus.StdlibFiles(), "stdlib");

    [Test]
    public void EveryDjangoFileRoundTripsExactly()
    {
        var files = Corpus.DjangoFiles();
        if (files.Count == 0) Assert.Ignore("Django is not installed (apt-get install python3-django)");
        AssertRoundTrip(files, "django");
    }

    private static void AssertRoundTrip(IReadOnlyList<string> files, string name)
    {
        Assert.That(files, Is.Not.Empty, $"{name} corpus not found");
        var failures = new List<string>();
        foreach (var file in files)
        {
            var text = Corpus.Read(file);
            var tree = PythonSyntaxTree.Parse(text, file);
            if (tree.Root.ToFullString() != text) failures.Add(file);
        }
        TestContext.Out.WriteLine($"{name}: {files.Count} files, {failures.Count} round-trip failures");
        Assert.That(failures, Is.Empty);
    }
}
