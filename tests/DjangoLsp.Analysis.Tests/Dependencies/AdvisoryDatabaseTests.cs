using System.IO.Compression;
using System.Text.Json;
using DjangoLsp.Analysis.Dependencies.Advisories;
using DjangoLsp.Analysis.Dependencies.Formats;
using DjangoLsp.Analysis.Dependencies.Versions;
using NUnit.Framework;
using static DjangoLsp.Analysis.Tests.Dependencies.DependencyTestHelpers;

namespace DjangoLsp.Analysis.Tests.Dependencies;

public class AdvisoryDatabaseTests
{
    [Test]
    public void EmbeddedSnapshotCoversEveryPyPiPackageWithAttribution()
    {
        var db = Database;
        Assert.That(db.PackageCount, Is.GreaterThan(600));
        Assert.That(db.AdvisoryCount, Is.GreaterThan(2500));
        Assert.That(db.SnapshotDate, Is.EqualTo("2024-10-10"));
        Assert.That(db.SnapshotCommit, Is.EqualTo("3ccb612573e2511ab5cad7dafecd838605c80cda"));
        Assert.That(db.License, Is.EqualTo("CC-BY-4.0"));
        Assert.That(db.Notice, Does.Contain("PyPA Advisory Database").And.Contain("CC-BY 4.0").And.Contain(db.SnapshotCommit));
        foreach (var package in new[] { "django", "requests", "pillow", "jinja2", "urllib3", "cryptography", "djangorestframework" })
            Assert.That(db.ForPackage(package), Is.Not.Empty, package);
    }

    [Test]
    public void NamesAreNormalised()
    {
        Assert.That(Database.ForPackage("Django_REST.Framework"), Is.SameAs(Database.ForPackage("djangorestframework")).Or.Empty);
        Assert.That(Database.ForPackage("PyYAML"), Is.SameAs(Database.ForPackage("pyyaml")));
        Assert.That(Database.ForPackage("no-such-package-anywhere"), Is.Empty);
    }

    [Test]
    public void Cve_2024_42005_RangesFromTheSnapshot()
    {
        var advisory = Database.ForPackage("django").Single(a => a.Aliases.Contains("CVE-2024-42005"));
        Assert.That(advisory.Id, Is.EqualTo("PYSEC-2024-70"));
        Assert.That(advisory.Published, Is.EqualTo("2024-08-07"));
        Assert.That(advisory.Summary, Does.Contain("SQL injection"));
        Assert.That(advisory.FixedVersions.Select(v => v.ToString()), Is.EqualTo(new[] { "4.2.15", "5.0.8" }));
        foreach (var (version, affected) in new[] { ("4.2.14", true), ("4.2", true), ("4.2.15", false), ("4.2.16", false), ("5.0", true), ("5.0.7", true), ("5.0.8", false), ("4.1.13", false), ("5.1", false) })
            Assert.That(advisory.Affects(PythonVersion.Parse(version)), Is.EqualTo(affected), version);
    }

    [Test]
    public void OsvEventsAreEvaluatedInVersionOrder()
    {
        var unordered = new Advisory("X-1", Array.Empty<string>(), "", AdvisorySeverity.Unknown, "", "",
            new[] { new[] { new RangeEvent(RangeEventKind.Introduced, "2.0"), new RangeEvent(RangeEventKind.Fixed, "2.3"), new RangeEvent(RangeEventKind.Introduced, "0"), new RangeEvent(RangeEventKind.Fixed, "1.5") } },
            Array.Empty<string>());
        Assert.That(unordered.Affects(PythonVersion.Parse("1.4")), Is.True);
        Assert.That(unordered.Affects(PythonVersion.Parse("1.5")), Is.False);
        Assert.That(unordered.Affects(PythonVersion.Parse("1.9")), Is.False);
        Assert.That(unordered.Affects(PythonVersion.Parse("2.2.9")), Is.True);
        Assert.That(unordered.Affects(PythonVersion.Parse("2.3")), Is.False);
        var lastAffected = new Advisory("X-2", Array.Empty<string>(), "", AdvisorySeverity.Unknown, "", "",
            new[] { new[] { new RangeEvent(RangeEventKind.Introduced, "1.0"), new RangeEvent(RangeEventKind.LastAffected, "1.2") } },
            new[] { "0.9" });
        Assert.That(lastAffected.Affects(PythonVersion.Parse("1.2")), Is.True);
        Assert.That(lastAffected.Affects(PythonVersion.Parse("1.2.1")), Is.False);
        Assert.That(lastAffected.Affects(PythonVersion.Parse("0.9")), Is.True, "listed explicitly");
        Assert.That(lastAffected.Affects(PythonVersion.Parse("0.8")), Is.False);
    }

    [TestCase("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H", 9.8)]
    [TestCase("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:H", 7.5)]
    [TestCase("CVSS:3.1/AV:N/AC:L/PR:N/UI:R/S:C/C:L/I:L/A:N", 6.1)]
    [TestCase("CVSS:3.0/AV:L/AC:H/PR:H/UI:R/S:U/C:L/I:N/A:N", 1.8)]
    [TestCase("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:N", 0.0)]
    public void CvssBaseScores(string vector, double expected) =>
        Assert.That(Cvss3.BaseScore(vector), Is.EqualTo(expected).Within(0.001));

    [Test]
    public void SaveAndLoadRoundTrip()
    {
        var source = new AdvisoryDatabase(new Dictionary<string, IReadOnlyList<Advisory>>
        {
            ["Some_Package"] = new[]
            {
                new Advisory("GHSA-aaaa", new[] { "CVE-2099-1" }, "Bad thing.", AdvisorySeverity.High, "2099-01-01", "2099-01-02",
                    new[] { new[] { new RangeEvent(RangeEventKind.Introduced, "0"), new RangeEvent(RangeEventKind.Fixed, "1.2.3") } }, new[] { "1.0" }),
            },
        }, "test", "CC0", "notice", "abc", "2099-01-03");
        using var stream = new MemoryStream();
        source.Save(stream);
        stream.Position = 0;
        var loaded = AdvisoryDatabase.Load(stream);
        Assert.That(loaded.SnapshotDate, Is.EqualTo("2099-01-03"));
        var a = loaded.ForPackage("some-package").Single();
        Assert.That((a.Id, a.Severity, a.Summary, a.Published), Is.EqualTo(("GHSA-aaaa", AdvisorySeverity.High, "Bad thing.", "2099-01-01")));
        Assert.That(a.Affects(PythonVersion.Parse("1.2.2")), Is.True);
        Assert.That(a.Affects(PythonVersion.Parse("1.2.3")), Is.False);
    }

    [Test]
    public void DamagedDataIsRejectedClearly()
    {
        Assert.Throws<InvalidDataException>(() => AdvisoryDatabase.Load(new MemoryStream(new byte[] { 1, 2, 3 })));
        using var gz = new MemoryStream();
        using (var z = new GZipStream(gz, CompressionLevel.Fastest, leaveOpen: true)) z.Write("{\"format\": 99, \"packages\": {}}"u8);
        gz.Position = 0;
        Assert.Throws<InvalidDataException>(() => AdvisoryDatabase.Load(gz));
    }

    private const string PysecYaml = """
        id: PYSEC-2099-1
        modified: 2099-08-07T17:22:10.804411Z
        published: 2099-08-07T15:15:00Z
        aliases:
        - CVE-2099-42005
        details: An issue was discovered in Demo 5.0 before 5.0.8.
          QuerySet.values() is subject to SQL injection
          via a crafted key.
        affected:
        - package:
            ecosystem: PyPI
            name: Demo_Pkg
            purl: pkg:pypi/demo-pkg
          ranges:
          - type: GIT
            repo: https://github.com/x/y
            events:
            - introduced: "0"
            - fixed: 0123456789abcdef
          - type: ECOSYSTEM
            events:
            - introduced: "5.0"
            - fixed: 5.0.8
          versions:
          - "5.0"
          - 5.0.1
        references:
        - type: WEB
          url: https://example.com/#anchor
        """;

    private const string OsvJson = """
        {"id": "GHSA-xxxx-yyyy-zzzz", "modified": "2099-09-01T00:00:00Z", "published": "2099-08-30T00:00:00Z",
         "aliases": ["CVE-2099-7"], "summary": "Denial of service in other-pkg",
         "database_specific": {"severity": "CRITICAL"},
         "affected": [{"package": {"ecosystem": "PyPI", "name": "other-pkg"},
                       "ranges": [{"type": "ECOSYSTEM", "events": [{"introduced": "0"}, {"fixed": "2.0.1"}]}]},
                      {"package": {"ecosystem": "npm", "name": "other-pkg"},
                       "ranges": [{"type": "SEMVER", "events": [{"introduced": "0"}]}]}]}
        """;

    [Test]
    public void LoadsOsvYamlAndJsonFromADirectory()
    {
        var dir = Directory.CreateTempSubdirectory("djangolsp-osv-").FullName;
        try
        {
            Directory.CreateDirectory(Path.Combine(dir, "vulns", "demo-pkg"));
            File.WriteAllText(Path.Combine(dir, "vulns", "demo-pkg", "PYSEC-2099-1.yaml"), PysecYaml);
            File.WriteAllText(Path.Combine(dir, "GHSA-xxxx-yyyy-zzzz.json"), OsvJson);
            File.WriteAllText(Path.Combine(dir, "broken.json"), "{ nope");
            File.WriteAllText(Path.Combine(dir, "README.md"), "not an advisory");
            var log = new StringWriter();
            var db = AdvisoryDatabase.LoadFromDirectory(dir, log);
            Assert.That(db.PackageCount, Is.EqualTo(2));
            var demo = db.ForPackage("demo-pkg").Single();
            Assert.That(demo.Aliases, Is.EqualTo(new[] { "CVE-2099-42005" }));
            Assert.That(demo.Summary, Is.EqualTo("QuerySet.values() is subject to SQL injection via a crafted key."));
            Assert.That(demo.Ranges, Has.Count.EqualTo(1), "GIT ranges are dropped");
            Assert.That(demo.Affects(PythonVersion.Parse("5.0.7")), Is.True);
            Assert.That(demo.Affects(PythonVersion.Parse("5.0.8")), Is.False);
            var other = db.ForPackage("other_pkg").Single();
            Assert.That(other.Severity, Is.EqualTo(AdvisorySeverity.Critical));
            Assert.That(other.Summary, Is.EqualTo("Denial of service in other-pkg"));
            Assert.That(db.SnapshotDate, Is.EqualTo("2099-09-01"));
            Assert.That(log.ToString(), Does.Contain("broken.json"));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Test]
    public void UpdateInstallsANewerDatabaseThatIsPreferred()
    {
        var dir = Directory.CreateTempSubdirectory("djangolsp-osv-").FullName;
        var target = Path.Combine(dir, "cache", "djangolsp", "advisories.json.gz");
        try
        {
            Directory.CreateDirectory(Path.Combine(dir, "in"));
            File.WriteAllText(Path.Combine(dir, "in", "a.yaml"), PysecYaml);
            var log = new StringWriter();
            Assert.That(AdvisoryStore.UpdateFrom(Path.Combine(dir, "in"), log, target), Is.EqualTo(0), log.ToString());
            Assert.That(File.Exists(target), Is.True);
            var preferred = AdvisoryStore.LoadPreferred(target);
            Assert.That(preferred.SnapshotDate, Is.EqualTo("2099-08-07"));
            Assert.That(preferred.ForPackage("demo-pkg"), Has.Count.EqualTo(1));

            Assert.That(AdvisoryStore.UpdateFrom(Path.Combine(dir, "missing"), new StringWriter(), target), Is.EqualTo(1));
            Directory.CreateDirectory(Path.Combine(dir, "empty"));
            Assert.That(AdvisoryStore.UpdateFrom(Path.Combine(dir, "empty"), new StringWriter(), target), Is.EqualTo(2));

            File.WriteAllBytes(target, new byte[] { 0x1f, 0x8b, 0, 0 });
            Assert.That(AdvisoryStore.LoadPreferred(target), Is.SameAs(AdvisoryStore.Embedded), "a damaged copy falls back to the embedded data");
            Assert.That(AdvisoryStore.LoadPreferred(Path.Combine(dir, "nothing.gz")), Is.SameAs(AdvisoryStore.Embedded));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Test]
    public void OlderUserCopyIsNotPreferred()
    {
        var dir = Directory.CreateTempSubdirectory("djangolsp-osv-").FullName;
        try
        {
            var old = new AdvisoryDatabase(new Dictionary<string, IReadOnlyList<Advisory>>
            {
                ["x"] = new[] { new Advisory("X", Array.Empty<string>(), "", AdvisorySeverity.Unknown, "", "", Array.Empty<IReadOnlyList<RangeEvent>>(), Array.Empty<string>()) },
            }, "old", "", "", "", "2001-01-01");
            var path = Path.Combine(dir, "old.json.gz");
            using (var f = File.Create(path)) old.Save(f);
            Assert.That(AdvisoryStore.LoadPreferred(path), Is.SameAs(AdvisoryStore.Embedded));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    /// <summary>
    /// Oracle: the C# YAML reader must read every advisory of the PyPA snapshot exactly as the build script (PyYAML)
    /// did, so a user's `advisories update --from` a PyPA checkout gives the same data as the embedded file.
    /// </summary>
    [Test]
    public void YamlReaderAgreesWithTheBuildScriptOnTheWholeSnapshot()
    {
        var snapshot = FindSnapshot();
        if (snapshot == null)
        {
            Assert.Ignore("PyPA advisory snapshot not found next to the repository");
            return;
        }
        var fromYaml = AdvisoryDatabase.LoadFromDirectory(snapshot);
        var embedded = Database;
        Assert.That(fromYaml.PackageCount, Is.EqualTo(embedded.PackageCount));
        Assert.That(fromYaml.AdvisoryCount, Is.EqualTo(embedded.AdvisoryCount));
        Assert.That(fromYaml.SnapshotDate, Is.EqualTo(embedded.SnapshotDate));
        var mismatches = new List<string>();
        foreach (var package in embedded.Packages)
        {
            var expected = embedded.ForPackage(package);
            var actual = fromYaml.ForPackage(package);
            foreach (var e in expected)
            {
                var a = actual.FirstOrDefault(x => x.Id == e.Id);
                if (a == null) { mismatches.Add($"{package}/{e.Id}: missing"); continue; }
                if (!a.Aliases.SequenceEqual(e.Aliases)) mismatches.Add($"{package}/{e.Id}: aliases");
                if (a.Summary != e.Summary) mismatches.Add($"{package}/{e.Id}: summary '{a.Summary}' vs '{e.Summary}'");
                if (a.Severity != e.Severity) mismatches.Add($"{package}/{e.Id}: severity {a.Severity} vs {e.Severity}");
                if (a.Published != e.Published || a.Modified != e.Modified) mismatches.Add($"{package}/{e.Id}: dates");
                if (!a.Versions.SequenceEqual(e.Versions)) mismatches.Add($"{package}/{e.Id}: versions");
                if (JsonSerializer.Serialize(a.Ranges) != JsonSerializer.Serialize(e.Ranges)) mismatches.Add($"{package}/{e.Id}: ranges");
            }
        }
        Assert.That(mismatches, Is.Empty, string.Join("\n", mismatches.Take(20)));
    }

    private static string? FindSnapshot()
    {
        for (var dir = new DirectoryInfo(TestContext.CurrentContext.TestDirectory); dir != null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared", "advisories", "pypa-advisory-database");
            if (Directory.Exists(Path.Combine(candidate, "vulns"))) return candidate;
        }
        return null;
    }

    [Test]
    public void YamlReaderHandlesBlockAndFlowForms()
    {
        const string yaml = """
            a: |
              line 1
              line 2
            b: >-
              folded
              text
            c: []
            d: {x: 1, y: "two"}
            e: [a, 'b''c', "d\"e"]
            f: 'single
              continued'
            g: ~
            nested:
              - - inner
              - key: v
                other: w
            """;
        var root = (Dictionary<string, object?>)YamlSubsetReader.Parse(yaml)!;
        Assert.That(root["a"], Is.EqualTo("line 1\nline 2\n"));
        Assert.That(root["b"], Is.EqualTo("folded text"));
        Assert.That(root["c"], Is.Empty);
        Assert.That(((Dictionary<string, object?>)root["d"]!)["y"], Is.EqualTo("two"));
        Assert.That(root["e"], Is.EqualTo(new[] { "a", "b'c", "d\"e" }));
        Assert.That(root["f"], Is.EqualTo("single continued"));
        Assert.That(root["g"], Is.Null);
        var nested = (List<object?>)root["nested"]!;
        Assert.That(nested[0], Is.EqualTo(new[] { "inner" }));
        Assert.That(((Dictionary<string, object?>)nested[1]!)["other"], Is.EqualTo("w"));
    }

    [TestCase("a: \"unterminated\n")]
    [TestCase("\ta: 1\n")]
    [TestCase("a: [1, 2\n")]
    public void YamlReaderRejectsWhatItCannotRead(string yaml) =>
        Assert.Throws<FormatException>(() => YamlSubsetReader.Parse(yaml));
}
