using Microsoft.CodeAnalysis.Text;

namespace DjangoLsp.Python.Syntax.Tests;

/// <summary>Incremental reparse must give exactly the tree (and diagnostics) of a full parse, while reusing statements.</summary>
public class IncrementalTests
{
    private const int Seed = 20261121;

    private static readonly string[] s_sampleFiles =
    [
        "argparse.py", "ast.py", "dataclasses.py", "json/encoder.py", "textwrap.py", "string.py", "functools.py",
        "enum.py", "typing.py", "pathlib.py", "shlex.py", "csv.py", "difflib.py", "inspect.py", "tokenize.py", "re/_parser.py",
    ];

    private static readonly string[] s_snippets =
    [
        "(", ")", "[", "]", "{", "}", "'", "\"", "\"\"\"", "f'{", "}", ":", "\n", "\n    ", "    ", "\t", "#", "\\\n", "x", "=", ",",
        "if x:\n", "else:\n", "def f():\n", "return ", "pass\n", "lambda: ", "not ", " in ", ".", "*", "**", "@d\n", "class C:\n",
        "match x:\n    case 1:\n        pass\n", "f\"{a!r:>{w}}\"", "1_000", "0x", "await ", "yield ", ";", "try:\n", "except* E:\n",
    ];

    public static IEnumerable<string> SampleFiles()
    {
        var dir = Corpus.StdlibDirectory;
        if (dir is null) yield break;
        foreach (var f in s_sampleFiles)
        {
            var p = Path.Combine(dir, f);
            if (File.Exists(p)) yield return p;
        }
    }

    [Test]
    public void RandomEditsGiveTheSameTreeAsAFullParse()
    {
        var files = SampleFiles().ToList();
        Assert.That(files, Is.Not.Empty);
        var random = new Random(Seed);
        TestContext.Out.WriteLine($"seed {Seed}");
        int edits = 0, reusedTotal = 0, editsWithReuse = 0;
        foreach (var file in files)
        {
            var text = Corpus.Read(file);
            var tree = PythonSyntaxTree.Parse(text, file);
            for (int i = 0; i < 150; i++)
            {
                var current = tree.Text.ToString();
                var change = RandomChange(random, current);
                var newText = tree.Text.WithChanges(change);
                var incremental = tree.WithChanges(newText, [change]);
                var full = PythonSyntaxTree.Parse(newText);
                edits++;
                if (!incremental.IsEquivalentTo(full) || !incremental.Diagnostics.SequenceEqual(full.Diagnostics))
                {
                    var dump = Path.Combine(Path.GetTempPath(), "incremental-failure.py");
                    File.WriteAllText(dump, current);
                    Assert.Fail($"seed {Seed}, file {file}, edit {i}: incremental tree differs after replacing [{change.Span.Start},{change.Span.End}) with {Escape(change.NewText!)} (old text in {dump})");
                }
                Assert.That(incremental.Root.ToFullString(), Is.EqualTo(newText.ToString()));
                reusedTotal += incremental.ReusedNodeCount;
                if (incremental.ReusedNodeCount > 0) editsWithReuse++;
                // Continue from the incremental tree so errors accumulate like typing does; reset now and then.
                tree = i % 50 == 49 ? PythonSyntaxTree.Parse(text, file) : incremental;
            }
        }
        TestContext.Out.WriteLine($"{edits} random edits over {files.Count} files: all equal to full parses; {editsWithReuse} reused statements ({reusedTotal} statements reused in total)");
        Assert.That(editsWithReuse, Is.GreaterThan(edits * 9 / 10), "most edits should reuse statements");
    }

    [Test]
    public void OneCharacterEditInAFunctionReusesEverythingElse()
    {
        var sb = new System.Text.StringBuilder();
        for (int i = 0; i < 200; i++) sb.Append($"def f{i}(a, b):\n    x = a + b\n    return x * {i}\n\n");
        var text = sb.ToString();
        var tree = PythonSyntaxTree.Parse(text);
        int pos = text.IndexOf("return x * 100", StringComparison.Ordinal) + "return x * 1".Length;
        var change = new TextChange(new TextSpan(pos, 0), "7");
        var newTree = tree.WithChanges([change]);
        Assert.That(newTree.IsEquivalentTo(PythonSyntaxTree.Parse(newTree.Text)), Is.True);
        // 199 other functions + the unchanged first statement of f100.
        Assert.That(newTree.ReusedNodeCount, Is.EqualTo(200));
        var f100 = newTree.Root.Statements.OfType<FunctionDefinitionSyntax>().Single(f => f.Name == "f100");
        Assert.That(((ReturnStatementSyntax)f100.Body.Statements[1]).Value!.ToString(), Is.EqualTo("x * 1700"));
    }

    [Test]
    public void IndentationChangeReparsesTheAffectedBlock()
    {
        var text = "def f():\n    a = 1\nb = 2\nc = 3\n";
        var tree = PythonSyntaxTree.Parse(text);
        var change = new TextChange(new TextSpan(text.IndexOf("b = 2", StringComparison.Ordinal), 0), "    ");
        var newTree = tree.WithChanges([change]);
        Assert.That(newTree.IsEquivalentTo(PythonSyntaxTree.Parse(newTree.Text)), Is.True);
        var f = (FunctionDefinitionSyntax)newTree.Root.Statements[0];
        Assert.That(f.Body.Statements, Has.Count.EqualTo(2));
        Assert.That(newTree.Root.Statements, Has.Count.EqualTo(2));
    }

    [Test]
    public void AddingElseAfterABlockIsSeen()
    {
        var text = "if x:\n    a = 1\n\nprint(2)\n";
        var tree = PythonSyntaxTree.Parse(text);
        var change = new TextChange(new TextSpan(text.IndexOf("print", StringComparison.Ordinal), 0), "else:\n    b = 2\n");
        var newTree = tree.WithChanges([change]);
        Assert.That(newTree.IsEquivalentTo(PythonSyntaxTree.Parse(newTree.Text)), Is.True);
        Assert.That(((IfStatementSyntax)newTree.Root.Statements[0]).Else, Is.Not.Null);
    }

    [Test]
    public void SeveralChangesAtOnce()
    {
        var text = "a = 1\nb = 2\nc = 3\nd = 4\ne = 5\n";
        var tree = PythonSyntaxTree.Parse(text);
        TextChange[] changes = [new(new TextSpan(4, 1), "10"), new(new TextSpan(16, 1), "30")];
        var newTree = tree.WithChanges(changes);
        Assert.That(newTree.Text.ToString(), Is.EqualTo("a = 10\nb = 2\nc = 30\nd = 4\ne = 5\n"));
        Assert.That(newTree.IsEquivalentTo(PythonSyntaxTree.Parse(newTree.Text)), Is.True);
        Assert.That(newTree.ReusedNodeCount, Is.EqualTo(2));
    }

    private static TextChange RandomChange(Random random, string text)
    {
        int len = text.Length;
        int pos = len == 0 ? 0 : random.Next(len + 1);
        switch (random.Next(8))
        {
            case 0: // insert a character
                return new TextChange(new TextSpan(pos, 0), ((char)random.Next(32, 127)).ToString());
            case 1: // delete a few characters
                return new TextChange(new TextSpan(pos, Math.Min(random.Next(1, 6), len - pos)), "");
            case 2: // insert a grammar-significant snippet
                return new TextChange(new TextSpan(pos, 0), s_snippets[random.Next(s_snippets.Length)]);
            case 3: // replace a few characters with a snippet
                return new TextChange(new TextSpan(pos, Math.Min(random.Next(1, 4), len - pos)), s_snippets[random.Next(s_snippets.Length)]);
            case 4: // delete a whole line
            {
                var (start, end) = LineAt(text, pos);
                return new TextChange(new TextSpan(start, end - start), "");
            }
            case 5: // duplicate a line
            {
                var (start, end) = LineAt(text, pos);
                return new TextChange(new TextSpan(start, 0), text[start..end]);
            }
            case 6: // indent a line
            {
                var (start, _) = LineAt(text, pos);
                return new TextChange(new TextSpan(start, 0), random.Next(2) == 0 ? "    " : " ");
            }
            default: // dedent a line
            {
                var (start, end) = LineAt(text, pos);
                int ws = 0;
                while (start + ws < end && text[start + ws] == ' ' && ws < 4) ws++;
                return new TextChange(new TextSpan(start, ws), "");
            }
        }
    }

    private static (int Start, int End) LineAt(string text, int pos)
    {
        int start = pos;
        while (start > 0 && text[start - 1] != '\n') start--;
        int end = pos;
        while (end < text.Length && text[end] != '\n') end++;
        if (end < text.Length) end++;
        return (start, end);
    }

    private static string Escape(string s) => s.Replace("\n", "\\n").Replace("\t", "\\t");
}
