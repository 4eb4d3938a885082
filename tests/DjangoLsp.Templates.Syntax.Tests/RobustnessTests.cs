namespace DjangoLsp.Templates.Syntax.Tests;

/// <summary>Random mutations of real templates never throw or hang; odd input is handled.</summary>
public class RobustnessTests
{
    [Test]
    public void MutatedDjangoTemplatesNeverThrow()
    {
        var random = new Random(42);
        var files = TestUtil.DjangoTemplates();
        var watch = System.Diagnostics.Stopwatch.StartNew();
        int runs = 0;
        foreach (var path in files)
        {
            string original = File.ReadAllText(path);
            for (int i = 0; i < 10; i++)
            {
                string mutated = Mutate(random, original);
                var analysis = TemplateAnalysis.Analyze(mutated, path);
                Assert.That(analysis.Tree.ToFullString(), Is.EqualTo(mutated));
                TemplateDebugCommands.Format(analysis, path);
                runs++;
            }
        }

        Assert.That(runs, Is.EqualTo(files.Count * 10));
        Assert.That(watch.Elapsed, Is.LessThan(TimeSpan.FromSeconds(60)), "mutated parses must not hang");
    }

    [TestCase("")]
    [TestCase("{")]
    [TestCase("{{")]
    [TestCase("{%")]
    [TestCase("}}%}#}")]
    [TestCase("{{}}{%%}{##}")]
    [TestCase("<")]
    [TestCase("<script")]
    [TestCase("<script>")]
    [TestCase("<a href=")]
    [TestCase("<a href='")]
    [TestCase("<!--")]
    [TestCase("<script>`${`${`${{{ x }}")]
    [TestCase("<script>/[/{{ x }}")]
    [TestCase("<script>\\")]
    [TestCase("\0\uFFFF\uD800{{ \uD800 }}")]
    public void OddInputDoesNotThrow(string text)
    {
        var analysis = TemplateAnalysis.Analyze(text);
        Assert.That(analysis.Tree.ToFullString(), Is.EqualTo(text));
        Assert.That(analysis.Outputs.All(o => o.Context.Name.Length > 0), Is.True);
    }

    [Test]
    public void HugeAndBinaryInput()
    {
        var random = new Random(1);
        var chars = new char[300_000];
        for (int i = 0; i < chars.Length; i++)
        {
            chars[i] = (char)random.Next(0, 256);
        }

        string text = new string(chars);
        var analysis = TemplateAnalysis.Analyze(text);
        Assert.That(analysis.Tree.ToFullString(), Is.EqualTo(text));
        string deep = string.Concat(Enumerable.Repeat("{% if a %}", 5000)) + string.Concat(Enumerable.Repeat("{% endif %}", 5000));
        Assert.That(TemplateSyntaxTree.Parse(deep).Diagnostics, Is.Empty);
        Assert.That(TemplateAnalysis.Analyze(deep).Outputs, Is.Empty);
    }

    [Test]
    public void DebugCommandReportsUnreadableFiles()
    {
        var writer = new StringWriter();
        int code = TemplateDebugCommands.DebugTemplate(new[] { "/nonexistent/x.html" }, writer);
        Assert.That(code, Is.EqualTo(2));
        Assert.That(writer.ToString(), Does.Contain("\"error\""));
    }

    private static string Mutate(Random random, string text)
    {
        var chars = new System.Text.StringBuilder(text);
        int count = random.Next(1, 8);
        for (int i = 0; i < count && chars.Length > 0; i++)
        {
            int at = random.Next(chars.Length);
            switch (random.Next(4))
            {
                case 0:
                    chars.Remove(at, Math.Min(random.Next(1, 20), chars.Length - at));
                    break;
                case 1:
                    chars.Insert(at, "{%}{{<'\"`/*"[random.Next(11)]);
                    break;
                case 2:
                    int from = random.Next(chars.Length);
                    int length = Math.Min(random.Next(1, 40), chars.Length - from);
                    chars.Insert(at, chars.ToString(from, length));
                    break;
                default:
                    chars[at] = (char)random.Next(0, 0x3000);
                    break;
            }
        }

        return chars.ToString();
    }
}
