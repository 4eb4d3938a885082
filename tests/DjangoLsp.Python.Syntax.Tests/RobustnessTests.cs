using System.Text;

namespace DjangoLsp.Python.Syntax.Tests;

/// <summary>Bad input never throws, never hangs, never overflows the stack; the tree always round-trips.</summary>
public class RobustnessTests
{
    private const int Seed = 4242;
    private const string Specials = "()[]{}'\":\n\t\\#";

    [Test]
    public void RandomMutationsAndTruncationsNeverThrow()
    {
        var random = new Random(Seed);
        TestContext.Out.WriteLine($"seed {Seed}");
        int parses = 0;
        foreach (var file in IncrementalTests.SampleFiles().Take(8))
        {
            var text = Corpus.Read(file);
            for (int i = 0; i < 40; i++)
            {
                var chars = text.ToCharArray();
                int mutations = random.Next(1, 30);
                for (int m = 0; m < mutations; m++)
                {
                    chars[random.Next(chars.Length)] = random.Next(4) switch
                    {
                        0 => (char)random.Next(0, 128),
                        1 => Specials[random.Next(Specials.Length)],
                        2 => (char)random.Next(0x80, 0xFFFF),
                        _ => (char)random.Next(32, 127),
                    };
                }
                var mutated = new string(chars);
                var truncated = text[..random.Next(text.Length)];
                foreach (var input in new[] { mutated, truncated })
                {
                    var tree = PythonSyntaxTree.Parse(input);
                    parses++;
                    Assert.That(tree.Root.ToFullString(), Is.EqualTo(input));
                    _ = tree.Diagnostics.Count;
                    _ = Debug.PythonAstJson.Convert(tree);
                }
            }
        }
        TestContext.Out.WriteLine($"{parses} mutated/truncated parses, none threw");
    }

    [Test]
    public void RandomBytesNeverThrow()
    {
        var random = new Random(Seed);
        for (int i = 0; i < 300; i++)
        {
            var bytes = new byte[random.Next(0, 2000)];
            random.NextBytes(bytes);
            var text = Encoding.UTF8.GetString(bytes);
            var tree = PythonSyntaxTree.Parse(text);
            Assert.That(tree.Root.ToFullString(), Is.EqualTo(text));
        }
    }

    [TestCase("(", ")", "x")]
    [TestCase("[", "]", "x")]
    [TestCase("{", "}", "x")]
    [TestCase("-", "", "x")]
    [TestCase("not ", "", "x")]
    [TestCase("lambda: ", "", "x")]
    [TestCase("f(", ")", "x")]
    [TestCase("x[", "]", "x")]
    [TestCase("a if b else ", "", "c")]
    [TestCase("~", "", "x")]
    [TestCase("x.", "", "y")]
    [TestCase("f'{", "}'", "x")]
    public void TenThousandLevelsOfNestingAreReportedNotOverflowed(string open, string close, string inner)
    {
        const int depth = 10_000;
        var sb = new StringBuilder();
        for (int i = 0; i < depth; i++) sb.Append(open);
        sb.Append(inner);
        for (int i = 0; i < depth; i++) sb.Append(close);
        sb.Append('\n');
        var text = sb.ToString();
        PythonSyntaxTree? tree = null;
        // Run on a thread with a small (1 MB) stack to prove the limit protects ordinary threads.
        var thread = new Thread(() => tree = PythonSyntaxTree.Parse(text), 1024 * 1024);
        thread.Start();
        thread.Join();
        Assert.That(tree, Is.Not.Null);
        Assert.That(tree!.Root.ToFullString(), Is.EqualTo(text));
        if (open is "x." or "a if b else ")
        {
            // Attribute chains and conditional chains nest on the right or left without recursion limits in CPython either.
            return;
        }
        Assert.That(tree.Diagnostics.Select(d => d.Message), Has.Some.Contains("too many nested"));
    }

    [Test]
    public void TenThousandNestedBlocksAreReported()
    {
        var sb = new StringBuilder();
        for (int i = 0; i < 10_000; i++) sb.Append(' ', i).Append("if x:\n");
        sb.Append(' ', 10_000).Append("pass\n");
        var text = sb.ToString();
        PythonSyntaxTree? tree = null;
        var thread = new Thread(() => tree = PythonSyntaxTree.Parse(text), 1024 * 1024);
        thread.Start();
        thread.Join();
        Assert.That(tree!.Root.ToFullString(), Is.EqualTo(text));
        Assert.That(tree.Diagnostics.Select(d => d.Message), Has.Some.Contains("too many levels of indentation"));
    }

    [Test]
    public void FiveMegabyteFileParses()
    {
        var files = IncrementalTests.SampleFiles().ToList();
        var sb = new StringBuilder();
        int k = 0;
        while (sb.Length < 5 * 1024 * 1024) sb.Append(Corpus.Read(files[k++ % files.Count])).Append('\n');
        var text = sb.ToString();
        var tree = PythonSyntaxTree.Parse(text);
        Assert.That(tree.Root.ToFullString().Length, Is.EqualTo(text.Length));
        Assert.That(tree.HasErrors, Is.False);
        Assert.That(tree.Root.DescendantNodes().Count(), Is.GreaterThan(100_000));
    }
}
