using DjangoLsp.Analysis.Dependencies.Versions;
using NUnit.Framework;

namespace DjangoLsp.Analysis.Tests.Dependencies;

public class Pep440Tests
{
    // PEP 440, "Summary of permitted suffixes and relative ordering", in ascending order.
    private static readonly string[] PepOrdering =
    {
        "1.dev0", "1.0.dev456", "1.0a1", "1.0a2.dev456", "1.0a12.dev456", "1.0a12", "1.0b1.dev456", "1.0b2",
        "1.0b2.post345.dev456", "1.0b2.post345", "1.0rc1.dev456", "1.0rc1", "1.0", "1.0+abc.5", "1.0+abc.7", "1.0+5",
        "1.0.post456.dev34", "1.0.post456", "1.0.15", "1.1.dev1",
    };

    [Test]
    public void Pep440SummaryOrderingHolds()
    {
        var versions = PepOrdering.Select(PythonVersion.Parse).ToList();
        for (var i = 0; i < versions.Count; i++)
            for (var j = 0; j < versions.Count; j++)
                Assert.That(Math.Sign(versions[i].CompareTo(versions[j])), Is.EqualTo(Math.Sign(i.CompareTo(j))),
                    $"{PepOrdering[i]} vs {PepOrdering[j]}");
    }

    [TestCase("1.0RC1", "1.0rc1")]
    [TestCase("1.0c1", "1.0rc1")]
    [TestCase("1.0-preview-2", "1.0rc2")]
    [TestCase("1.0alpha", "1.0a0")]
    [TestCase("1.0.beta.3", "1.0b3")]
    [TestCase("1.0-1", "1.0.post1")]
    [TestCase("1.0.rev4", "1.0.post4")]
    [TestCase("1.0-r", "1.0.post0")]
    [TestCase("1.0.DEV", "1.0.dev0")]
    [TestCase("v1.0", "1.0")]
    [TestCase("  2!1.0  ", "2!1.0")]
    [TestCase("1.0+ubuntu-1", "1.0+ubuntu.1")]
    [TestCase("1.0+UBUNTU_1", "1.0+ubuntu.1")]
    [TestCase("01.002.0003", "1.2.3")]
    [TestCase("1.0+abc.007", "1.0+abc.7")]
    public void NormalisesLikePep440(string written, string normalised)
    {
        Assert.That(PythonVersion.Parse(written).ToString(), Is.EqualTo(normalised));
        Assert.That(PythonVersion.Parse(written), Is.EqualTo(PythonVersion.Parse(normalised)));
    }

    [TestCase("")]
    [TestCase("1.0.")]
    [TestCase("french toast")]
    [TestCase("1.0+")]
    [TestCase("1.0++1")]
    [TestCase("1..0")]
    [TestCase("1.0-")]
    [TestCase("99999999999999999999999999")]
    public void RejectsInvalidVersions(string text) =>
        Assert.That(PythonVersion.TryParse(text, out _), Is.False);

    [TestCase("1.0", "1.0.0", 0)]
    [TestCase("1.0", "1.0.0.0.0", 0)]
    [TestCase("1!1.0", "2.0", 1)]
    [TestCase("1.10", "1.9", 1)]
    [TestCase("4.2.15", "4.2.14", 1)]
    [TestCase("1.0.post1", "1.0", 1)]
    [TestCase("1.0.dev1", "1.0a1", -1)]
    [TestCase("1.0a1", "1.0a1.post1", -1)]
    [TestCase("1.0+1", "1.0+a", 1)]
    [TestCase("1.0+a.1", "1.0+a", 1)]
    public void Compares(string a, string b, int expected) =>
        Assert.That(Math.Sign(PythonVersion.Parse(a).CompareTo(PythonVersion.Parse(b))), Is.EqualTo(expected));

    [Test]
    public void EqualVersionsHashAlike()
    {
        Assert.That(PythonVersion.Parse("1.0").GetHashCode(), Is.EqualTo(PythonVersion.Parse("1.0.0").GetHashCode()));
        Assert.That(new HashSet<PythonVersion> { PythonVersion.Parse("4.2"), PythonVersion.Parse("4.2.0") }, Has.Count.EqualTo(1));
    }

    // Examples from PEP 440's "Version specifiers" section and packaging's test-suite conventions.
    [TestCase("~=2.2", "2.2", true)]
    [TestCase("~=2.2", "2.3", true)]
    [TestCase("~=2.2", "3.0", false)]
    [TestCase("~=2.2", "2.1", false)]
    [TestCase("~=1.4.5", "1.4.5", true)]
    [TestCase("~=1.4.5", "1.4.9", true)]
    [TestCase("~=1.4.5", "1.5.0", false)]
    [TestCase("~=2.2.post3", "2.3", true)]
    [TestCase("~=2.2.post3", "2.2", false)]
    [TestCase("~=1.4.5a4", "1.4.5", true)]
    [TestCase("~=1.4.5a4", "1.5", false)]
    [TestCase("~=2.2.0", "2.2.9", true)]
    [TestCase("~=2.2.0", "2.3", false)]
    [TestCase("~=1!2.2", "1!2.5", true)]
    [TestCase("~=1!2.2", "2.5", false)]
    [TestCase("==1.1.*", "1.1.0", true)]
    [TestCase("==1.1.*", "1.1.post1", true)]
    [TestCase("==1.1.*", "1.1", true)]
    [TestCase("==1.1.*", "1.10", false)]
    [TestCase("==1.1.*", "1.2", false)]
    [TestCase("==4.2.*", "4.2.15", true)]
    [TestCase("==1.0.*", "1", true)]
    [TestCase("!=1.1.*", "1.1.5", false)]
    [TestCase("!=1.1.*", "1.2", true)]
    [TestCase("==1.1", "1.1.0", true)]
    [TestCase("==1.1", "1.1.dev1", false)]
    [TestCase("==1.1", "1.1a1", false)]
    [TestCase("==1.1", "1.1.post1", false)]
    [TestCase("==1.1", "1.1+local", true)]
    [TestCase("==1.1+local", "1.1", false)]
    [TestCase("==1.1+local", "1.1+local", true)]
    [TestCase("!=1.1", "1.1.0", false)]
    [TestCase("!=1.1", "1.1.post1", true)]
    [TestCase(">=1.1", "1.1", true)]
    [TestCase(">=1.1", "1.1+local", true)]
    [TestCase(">=1.1", "1.0.9", false)]
    [TestCase("<=1.1", "1.1+local", true)]
    [TestCase("<=1.1", "1.1.post1", false)]
    [TestCase("<3.1", "3.0.9", true)]
    [TestCase("<3.1", "3.1.dev0", false)]
    [TestCase("<3.1", "3.1rc1", false)]
    [TestCase("<3.1rc2", "3.1rc1", true)]
    [TestCase(">3.1", "3.1.post1", false)]
    [TestCase(">3.1", "3.1+local", false)]
    [TestCase(">3.1", "3.2", true)]
    [TestCase(">3.1.post1", "3.1.post2", true)]
    [TestCase(">=4.2,<5", "4.2.15", true)]
    [TestCase(">=4.2,<5", "5.0", false)]
    [TestCase(">=4.2, !=4.2.3, <5", "4.2.3", false)]
    [TestCase("===1.0", "1.0", true)]
    [TestCase("===1.0", "1.0.0", false)]
    [TestCase("", "99.0", true)]
    public void SpecifierMatching(string specifier, string version, bool expected)
    {
        Assert.That(SpecifierSet.TryParse(specifier, out var set), Is.True, specifier);
        Assert.That(set.Contains(PythonVersion.Parse(version), includePrereleases: true), Is.EqualTo(expected), $"{version} in {specifier}");
    }

    [Test]
    public void PrereleasesAreExcludedUnlessASpecifierNamesOne()
    {
        SpecifierSet.TryParse(">=1.0", out var plain);
        SpecifierSet.TryParse(">=1.0rc1", out var pre);
        var rc = PythonVersion.Parse("1.1rc1");
        Assert.That(plain.Contains(rc), Is.False);
        Assert.That(plain.Contains(rc, includePrereleases: true), Is.True);
        Assert.That(pre.Contains(rc), Is.True);
    }

    [TestCase("~=1")]
    [TestCase(">=1.0.*")]
    [TestCase("<1.0+local")]
    [TestCase("=>1.0")]
    [TestCase("==")]
    [TestCase(">=4.2,")]
    [TestCase("4.2")]
    public void RejectsInvalidSpecifiers(string text) =>
        Assert.That(SpecifierSet.TryParse(text, out _), Is.False);

    [Test]
    public void PinnedVersionAndUpperBound()
    {
        SpecifierSet.TryParse("==4.2.14", out var pin);
        SpecifierSet.TryParse("==4.2.*", out var wildcard);
        SpecifierSet.TryParse(">=3", out var open);
        Assert.That(pin.PinnedVersion, Is.EqualTo(PythonVersion.Parse("4.2.14")));
        Assert.That(wildcard.PinnedVersion, Is.Null);
        Assert.That(wildcard.HasUpperBound, Is.True);
        Assert.That(open.HasUpperBound, Is.False);
    }
}
