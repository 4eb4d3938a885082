using System.Text;
using DjangoLsp.Analysis.Engine;
using DjangoLsp.Analysis.Tests.Rules.Crypto;
using Microsoft.CodeAnalysis.Text;

namespace DjangoLsp.Analysis.Tests.Engine;

/// <summary>
/// <see cref="SourceFiles.TryRead"/> decodes files itself (one open, no eager checksum); the text must be exactly what
/// Roslyn's stream decoding gave, and bad files must still give a message instead of an exception.
/// </summary>
public class SourceFilesTests
{
    private string _folder = null!;

    [SetUp]
    public void Create() => _folder = Directory.CreateTempSubdirectory("djangolsp-sourcefiles").FullName;

    [TearDown]
    public void Delete() => Directory.Delete(_folder, true);

    private string Write(string name, byte[] bytes)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    private static string RoslynDecoding(byte[] bytes)
    {
        using var stream = new MemoryStream(bytes, writable: false);
        return SourceText.From(stream, new UTF8Encoding(false, false), SourceHashAlgorithm.Sha256, throwIfBinaryDetected: false).ToString();
    }

    [Test]
    public void Real_files_decode_exactly_as_roslyns_stream_decoding()
    {
        var files = Directory.EnumerateFiles(Path.Combine(RuleHost.RepoRoot, "examples"), "*.*", SearchOption.AllDirectories)
            .Where(p => p.EndsWith(".py", StringComparison.Ordinal) || p.EndsWith(".html", StringComparison.Ordinal)).ToList();
        Assert.That(files, Has.Count.GreaterThan(10));
        foreach (var path in files)
        {
            Assert.That(SourceFiles.TryRead(path, out var text, out var error), Is.True, path);
            Assert.That(error, Is.Null);
            Assert.That(text.ToString(), Is.EqualTo(RoslynDecoding(File.ReadAllBytes(path))), path);
        }
    }

    [TestCase(new byte[] { 0xEF, 0xBB, 0xBF, (byte)'x', (byte)'=', (byte)'1' }, "x=1")]                     // UTF-8 BOM dropped
    [TestCase(new byte[] { (byte)'s', (byte)'=', (byte)'"', 0xC3, 0xA9, (byte)'"' }, "s=\"é\"")]               // UTF-8 without BOM
    [TestCase(new byte[] { (byte)'s', (byte)'=', 0xFF, 0xC3 }, "s=\uFFFD\uFFFD")]                              // invalid bytes
    [TestCase(new byte[] { 0xFF, 0xFE, 0x41, 0x26, 0x42, 0x26 }, "\u2641\u2642")]                              // UTF-16 LE BOM (no zero byte)
    [TestCase(new byte[] { 0xFE, 0xFF, 0x26, 0x41, 0x26, 0x42 }, "\u2641\u2642")]                              // UTF-16 BE BOM
    [TestCase(new byte[0], "")]
    public void Encodings_and_byte_order_marks(byte[] bytes, string expected)
    {
        var path = Write("f.py", bytes);
        Assert.That(SourceFiles.TryRead(path, out var text, out var error), Is.True, error);
        Assert.That(text.ToString(), Is.EqualTo(expected));
        Assert.That(text.ToString(), Is.EqualTo(RoslynDecoding(bytes)));
    }

    [Test]
    public void Missing_files_folders_binary_and_oversized_files_give_messages()
    {
        Assert.That(SourceFiles.TryRead(Path.Combine(_folder, "missing.py"), out _, out var missing), Is.False);
        Assert.That(missing, Is.EqualTo("file not found"));
        Assert.That(SourceFiles.TryRead(Path.Combine(_folder, "no", "such", "dir.py"), out _, out var noDir), Is.False);
        Assert.That(noDir, Is.EqualTo("file not found"));
        Assert.That(SourceFiles.TryRead(_folder, out _, out var folder), Is.False);
        Assert.That(folder, Is.EqualTo("file not found"));
        Assert.That(SourceFiles.TryRead(Write("b.py", new byte[] { 1, 0, 2 }), out _, out var binary), Is.False);
        Assert.That(binary, Does.StartWith("binary"));
        var big = Path.Combine(_folder, "big.py");
        using (var stream = File.Create(big)) stream.SetLength(SourceFiles.MaxFileBytes + 1);
        Assert.That(SourceFiles.TryRead(big, out _, out var oversized), Is.False);
        Assert.That(oversized, Does.Contain("larger than"));
    }

    [Test]
    public void Checksum_is_still_available_on_demand()
    {
        var path = Write("c.py", Encoding.UTF8.GetBytes("x = 1\n"));
        Assert.That(SourceFiles.TryRead(path, out var text, out _), Is.True);
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes("x = 1\n"));
        var expected = SourceText.From(stream, new UTF8Encoding(false, false), SourceHashAlgorithm.Sha256).GetChecksum();
        Assert.That(text.GetChecksum(), Is.EqualTo(expected));
    }

    [Test]
    public void Disk_files_answer_existing_files_and_nothing_for_missing_paths_or_folders()
    {
        var path = Write("views.py", Encoding.UTF8.GetBytes("x = 1\n"));
        Assert.That(DiskFiles.Instance.TryGetDocument(path)?.Text.ToString(), Is.EqualTo("x = 1\n"));
        Assert.That(DiskFiles.Instance.TryGetDocument(Path.Combine(_folder, "missing.py")), Is.Null);
        Assert.That(DiskFiles.Instance.TryGetDocument(Path.Combine(_folder, "no", "such", "module.py")), Is.Null);
        Assert.That(DiskFiles.Instance.TryGetDocument(_folder), Is.Null);
    }
}
