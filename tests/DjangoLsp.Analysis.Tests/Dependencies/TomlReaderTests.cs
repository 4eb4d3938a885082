using DjangoLsp.Analysis.Dependencies.Formats;
using NUnit.Framework;

namespace DjangoLsp.Analysis.Tests.Dependencies;

public class TomlReaderTests
{
    [Test]
    public void ReadsTheTomlThatDependencyFilesUse()
    {
        const string text = """"
            # comment
            title = "TOML \"Example\" \u00e9"
            literal = 'C:\Users\x'
            multi = """
            line one
            line two\
              continued"""
            raw = '''
            no \escapes'''
            int = 42
            float = -3.5e2
            flag = true
            date = 1979-05-27 07:32:00Z
            arr = [1, "two", [3, 4], { five = 5 },]
            "quoted key" = 1
            a.b.c = "dotted"

            [server]
            host = "localhost"

            [server.tls]
            enabled = false

            [[items]]
            name = "first"

            [[items]]
            name = "second"
            [items.meta]
            x = 1
            """";
        var doc = TomlReader.Parse(text);
        Assert.That(doc.Errors, Is.Empty, string.Join("; ", doc.Errors));
        var root = doc.Root;
        Assert.That(root.String("title"), Is.EqualTo("TOML \"Example\" é"));
        Assert.That(root.String("literal"), Is.EqualTo(@"C:\Users\x"));
        Assert.That(root.String("multi"), Is.EqualTo("line one\nline two" + "continued"));
        Assert.That(root.String("raw"), Is.EqualTo(@"no \escapes"));
        Assert.That(((DocScalar)root["int"]!).Raw, Is.EqualTo("42"));
        Assert.That(((DocScalar)root["float"]!).Raw, Is.EqualTo("-3.5e2"));
        Assert.That(((DocScalar)root["flag"]!).Raw, Is.EqualTo("true"));
        Assert.That(((DocScalar)root["date"]!).Raw, Is.EqualTo("1979-05-27 07:32:00Z"));
        var arr = (DocArray)root["arr"]!;
        Assert.That(arr.Items, Has.Count.EqualTo(4));
        Assert.That(((DocTable)arr.Items[3]).Entries.Single().Key, Is.EqualTo("five"));
        Assert.That(root["quoted key"], Is.Not.Null);
        Assert.That(root.Table("a")!.Table("b")!.String("c"), Is.EqualTo("dotted"));
        Assert.That(root.Table("server")!.Table("tls")!["enabled"], Is.TypeOf<DocScalar>());
        var items = (DocArray)root["items"]!;
        Assert.That(items.Items.Cast<DocTable>().Select(t => t.String("name")), Is.EqualTo(new[] { "first", "second" }));
        Assert.That(((DocTable)items.Items[1]).Table("meta"), Is.Not.Null);
    }

    [Test]
    public void StringSpansPointAtTheQuotedText()
    {
        const string text = "x = \"Django==4.2.14\"\ny = \"a\\tb\"\n";
        var root = TomlReader.Parse(text).Root;
        var x = (DocString)root["x"]!;
        Assert.That(text.Substring(x.ContentSpan.Start, x.ContentSpan.Length), Is.EqualTo("Django==4.2.14"));
        Assert.That(x.IsVerbatim, Is.True);
        var span = x.SpanOf(8, 6);
        Assert.That(text.Substring(span.Start, span.Length), Is.EqualTo("4.2.14"));
        var y = (DocString)root["y"]!;
        Assert.That(y.IsVerbatim, Is.False);
        Assert.That(y.SpanOf(0, 1), Is.EqualTo(y.Span), "escapes break the 1:1 mapping, so the whole string is used");
    }

    [TestCase("a = 1\na = 2\n")]
    [TestCase("a = \"unterminated\n")]
    [TestCase("a = bare\n")]
    [TestCase("a = [1, 2\n")]
    [TestCase("a = {x = 1\n")]
    [TestCase("= 1\n")]
    [TestCase("a = \"\\q\"\n")]
    [TestCase("a = 1 b = 2\n")]
    public void ErrorsAreRecordedAndReadingContinues(string bad)
    {
        var doc = TomlReader.Parse(bad + "ok = \"yes\"\n");
        Assert.That(doc.Errors, Is.Not.Empty, bad);
        Assert.That(doc.Root.String("ok"), Is.EqualTo("yes"), bad);
    }

    [Test]
    public void TableDefinedTwiceIsAnError()
    {
        var doc = TomlReader.Parse("[t]\na = 1\n[t]\nb = 2\n");
        Assert.That(doc.Errors, Has.Count.EqualTo(1));
        Assert.That(doc.Root.Table("t")!.Entries.Select(e => e.Key), Is.EqualTo(new[] { "a", "b" }));
    }

    [Test]
    public void DeepNestingIsAnErrorNotAStackOverflow()
    {
        var doc = TomlReader.Parse("a = " + new string('[', 100_000) + "\nok = 1\n");
        Assert.That(doc.Errors, Is.Not.Empty);
        Assert.That(doc.Root["ok"], Is.Not.Null);
    }

    [Test]
    public void JsonReaderKeepsSpans()
    {
        const string text = "{\"a\": [1, true, null, \"x\\ny\"], \"b\": {\"version\": \"==1.0\"}}";
        var root = (DocTable)JsonSpanReader.TryParse(text)!;
        var version = (DocString)root.Table("b")!["version"]!;
        Assert.That(text.Substring(version.ContentSpan.Start, version.ContentSpan.Length), Is.EqualTo("==1.0"));
        Assert.That(((DocString)((DocArray)root["a"]!).Items[3]).Value, Is.EqualTo("x\ny"));
        Assert.That(JsonSpanReader.TryParse("{\"a\": }"), Is.Null);
        Assert.That(JsonSpanReader.TryParse(new string('[', 10_000)), Is.Null);
    }
}
