using DjangoLsp.Analysis.Dependencies.Parsing;
using DjangoLsp.Analysis.Dependencies.Versions;
using Microsoft.CodeAnalysis.Text;
using NUnit.Framework;

namespace DjangoLsp.Analysis.Tests.Dependencies;

public class DependencyFileParserTests
{
    private static DependencyFile Parse(string name, string text) => DependencyFileParser.Parse("/proj/" + name, SourceText.From(text));

    private static string At(string text, TextSpan span) => text.Substring(span.Start, span.Length);

    [Test]
    public void RequirementsLinesKeepSpans()
    {
        const string text =
            "# comment line\n" +
            "Django[argon2]==4.2.14 ; python_version >= \"3.10\"  # trailing comment\n" +
            "requests >= 2.31, < 3\n" +
            "\n" +
            "celery~=5.3.0 \\\n" +
            "    --hash=sha256:aaa \\\n" +
            "    --hash=sha256:bbb\n" +
            "pytz===2024.1\n" +
            "-e .\n" +
            "-e git+https://github.com/x/y.git#egg=y\n" +
            "https://example.com/pkg-1.0.tar.gz\n" +
            "./local/pkg\n" +
            "--index-url https://pypi.org/simple\n" +
            "this is not a requirement\n" +
            "six\n";
        var file = Parse("requirements.txt", text);
        Assert.That(file.Dependencies.Select(d => d.Name), Is.EqualTo(new[] { "Django", "requests", "celery", "pytz", "six" }));
        var django = file.Dependencies[0];
        Assert.That(At(text, django.NameSpan), Is.EqualTo("Django"));
        Assert.That(At(text, django.SpecifierSpan), Is.EqualTo("==4.2.14"));
        Assert.That(At(text, django.PinSpan!.Value), Is.EqualTo("4.2.14"));
        Assert.That(django.PinnedVersion, Is.EqualTo(PythonVersion.Parse("4.2.14")));
        Assert.That(django.HasHashes, Is.False);
        var requests = file.Dependencies[1];
        Assert.That(At(text, requests.SpecifierSpan), Is.EqualTo(">= 2.31, < 3"));
        Assert.That(requests.PinSpan, Is.Null);
        var celery = file.Dependencies[2];
        Assert.That(celery.HasHashes, Is.True);
        Assert.That(At(text, celery.SpecifierSpan), Is.EqualTo("~=5.3.0"));
        Assert.That(At(text, file.Dependencies[3].PinSpan!.Value), Is.EqualTo("2024.1"));
        Assert.That(file.Dependencies[4].SpecifierText, Is.Empty);
        Assert.That(file.Problems, Has.Count.EqualTo(1));
        Assert.That(At(text, file.Problems[0].Span), Is.EqualTo("this is not a requirement"));
    }

    [Test]
    public void WindowsLineEndingsKeepSpans()
    {
        const string text = "# deps\r\nDjango==4.2.14 \\\r\n    --hash=sha256:abc\r\nrequests==2.31.0\r\n";
        var file = Parse("requirements.txt", text);
        Assert.That(file.Dependencies.Select(d => At(text, d.PinSpan!.Value)), Is.EqualTo(new[] { "4.2.14", "2.31.0" }));
        Assert.That(file.Dependencies[0].HasHashes, Is.True);
    }

    [Test]
    public void ContinuationSplitsAVersionAcrossLines()
    {
        const string text = "Django==4.2.\\\n14\n";
        var dep = Parse("requirements.txt", text).Dependencies.Single();
        Assert.That(dep.PinnedVersion, Is.EqualTo(PythonVersion.Parse("4.2.14")));
        // The pin spans the continuation; its text includes the backslash-newline pip removes.
        Assert.That(At(text, dep.PinSpan!.Value), Is.EqualTo("4.2.\\\n14"));
    }

    [Test]
    public void IncludesAreResolvedRelativeToTheFile()
    {
        var file = RequirementsParser.Parse("/proj/requirements/prod.txt", SourceText.From("-r base.txt\n--requirement=../dev.txt\n-c ../constraints.txt\n-rshared.txt\n-r https://example.com/r.txt\n"));
        Assert.That(file.Includes.Select(i => (i.IsConstraint, i.ResolvedPath)), Is.EqualTo(new[]
        {
            (false, Path.GetFullPath("/proj/requirements/base.txt")),
            (false, Path.GetFullPath("/proj/dev.txt")),
            (true, Path.GetFullPath("/proj/constraints.txt")),
            (false, Path.GetFullPath("/proj/requirements/shared.txt")),
            (false, "https://example.com/r.txt"),
        }));
    }

    [Test]
    public void ConstraintsFilesAreRecognised()
    {
        var file = Parse("constraints.txt", "django<5\n");
        Assert.That(file.Kind, Is.EqualTo(DependencyFileKind.Constraints));
        Assert.That(file.Dependencies.Single().Specifiers!.HasUpperBound, Is.True);
    }

    [Test]
    public void PyprojectPep621AndPoetry()
    {
        const string text = """
            [build-system]
            requires = ["setuptools>=61"]

            [project]
            name = "shop"
            dependencies = [
                "Django==4.2.14",   # pinned
                'requests>=2.31',
                "celery[redis] ~= 5.3 ; sys_platform != 'win32'",
            ]

            [project.optional-dependencies]
            test = ["pytest==8.0.0"]

            [dependency-groups]
            dev = ["ruff>=0.4", {include-group = "test"}]

            [tool.poetry.dependencies]
            python = "^3.10"
            django = "^4.2"
            pillow = { version = "~10.0", extras = ["webp"] }
            sqlparse = "0.4.3"
            gunicorn = { git = "https://github.com/benoitc/gunicorn.git" }

            [tool.poetry.group.dev.dependencies]
            pyyaml = ">=5.3,<5.4"
            """;
        var file = Parse("pyproject.toml", text);
        Assert.That(file.Problems, Is.Empty);
        Assert.That(file.Dependencies.Select(d => $"{d.Section}:{d.Name}"), Is.EqualTo(new[]
        {
            "project.dependencies:Django", "project.dependencies:requests", "project.dependencies:celery",
            "project.optional-dependencies.test:pytest", "dependency-groups.dev:ruff",
            "tool.poetry.dependencies:django", "tool.poetry.dependencies:pillow", "tool.poetry.dependencies:sqlparse",
            "tool.poetry.group.dev.dependencies:pyyaml",
        }));
        var django = file.Dependencies[0];
        Assert.That(At(text, django.PinSpan!.Value), Is.EqualTo("4.2.14"));
        Assert.That(At(text, file.Dependencies[2].SpecifierSpan), Is.EqualTo("~= 5.3"));
        var caret = file.Dependencies[5];
        Assert.That(caret.Specifiers!.ToString(), Is.EqualTo(">=4.2,<5"));
        Assert.That(At(text, caret.SpecifierSpan), Is.EqualTo("\"^4.2\""));
        Assert.That(file.Dependencies[6].Specifiers!.ToString(), Is.EqualTo(">=10.0,<10.1"));
        var exact = file.Dependencies[7];
        Assert.That(exact.PinnedVersion, Is.EqualTo(PythonVersion.Parse("0.4.3")));
        Assert.That(At(text, exact.PinSpan!.Value), Is.EqualTo("0.4.3"));
    }

    [TestCase("^1.2.3", ">=1.2.3,<2")]
    [TestCase("^0.2.3", ">=0.2.3,<0.3")]
    [TestCase("^0.0.3", ">=0.0.3,<0.0.4")]
    [TestCase("^0.0", ">=0.0,<0.1")]
    [TestCase("^0", ">=0,<1")]
    [TestCase("~1.2.3", ">=1.2.3,<1.3")]
    [TestCase("~1", ">=1,<2")]
    [TestCase(">=1.2 <2.0", ">=1.2,<2.0")]
    [TestCase(">=1.2,<2.0", ">=1.2,<2.0")]
    [TestCase("1.2.*", "==1.2.*")]
    [TestCase("*", "")]
    public void PoetryConstraintsConvertToPep440(string poetry, string pep440) =>
        Assert.That(PoetryConstraint.Convert(poetry, out _, out _)!.ToString(), Is.EqualTo(pep440));

    [Test]
    public void PoetryAlternativesAreNotGuessed() =>
        Assert.That(PoetryConstraint.Convert("^1.0 || ^2.0", out _, out _), Is.Null);

    [Test]
    public void Pipfile()
    {
        const string text = """
            [[source]]
            url = "https://pypi.org/simple"
            verify_ssl = true
            name = "pypi"

            [packages]
            django = "==4.2.14"
            requests = "*"
            "django-environ" = {version = ">=0.11", extras = ["x"]}
            mylib = {path = ".", editable = true}

            [dev-packages]
            pytest = "==8.0.0"

            [requires]
            python_version = "3.12"
            """;
        var file = Parse("Pipfile", text);
        Assert.That(file.Dependencies.Select(d => d.Name), Is.EqualTo(new[] { "django", "requests", "django-environ", "pytest" }));
        Assert.That(At(text, file.Dependencies[0].PinSpan!.Value), Is.EqualTo("4.2.14"));
        Assert.That(file.Dependencies[1].Specifiers!.Clauses, Is.Empty);
        Assert.That(At(text, file.Dependencies[2].NameSpan), Is.EqualTo("\"django-environ\""));
    }

    [Test]
    public void PipfileLock()
    {
        const string text = """
            {
                "_meta": {"hash": {"sha256": "abc"}, "pipfile-spec": 6},
                "default": {
                    "django": {
                        "hashes": ["sha256:1111", "sha256:2222"],
                        "index": "pypi",
                        "version": "==4.2.14"
                    },
                    "mylib": {"editable": true, "path": "."}
                },
                "develop": {
                    "pytest": {"hashes": [], "version": "==8.0.0"}
                }
            }
            """;
        var file = Parse("Pipfile.lock", text);
        Assert.That(file.IsLockFile, Is.True);
        Assert.That(file.Dependencies.Select(d => (d.Name, d.HasHashes, d.IsLocked)), Is.EqualTo(new[] { ("django", true, true), ("pytest", false, true) }));
        Assert.That(At(text, file.Dependencies[0].PinSpan!.Value), Is.EqualTo("4.2.14"));
        Assert.That(Parse("Pipfile.lock", "{ not json").Problems, Has.Count.EqualTo(1));
    }

    [Test]
    public void PoetryLockAndUvLock()
    {
        const string poetry = """
            # This file is automatically @generated by Poetry
            [[package]]
            name = "django"
            version = "4.2.14"
            description = "A high-level Python web framework"
            optional = false
            python-versions = ">=3.8"
            files = [
                {file = "Django-4.2.14-py3-none-any.whl", hash = "sha256:3ec3"},
            ]

            [package.dependencies]
            asgiref = ">=3.6.0,<4"

            [[package]]
            name = "mylib"
            version = "0.1.0"

            [package.source]
            type = "directory"
            url = "../mylib"

            [metadata]
            lock-version = "2.0"
            content-hash = "abc"
            """;
        var file = Parse("poetry.lock", poetry);
        var django = file.Dependencies.Single();
        Assert.That(django.Name, Is.EqualTo("django"));
        Assert.That(django.HasHashes, Is.True);
        Assert.That(At(poetry, django.PinSpan!.Value), Is.EqualTo("4.2.14"));

        const string uv = """
            version = 1
            requires-python = ">=3.12"

            [[package]]
            name = "django"
            version = "4.2.14"
            source = { registry = "https://pypi.org/simple" }
            dependencies = [
                { name = "asgiref" },
            ]
            sdist = { url = "https://files.pythonhosted.org/django-4.2.14.tar.gz", hash = "sha256:fc6b", size = 10 }

            [[package]]
            name = "shop"
            version = "0.1.0"
            source = { editable = "." }
            """;
        var uvFile = Parse("uv.lock", uv);
        Assert.That(uvFile.Kind, Is.EqualTo(DependencyFileKind.UvLock));
        Assert.That(uvFile.Dependencies.Select(d => d.Name), Is.EqualTo(new[] { "django" }));
        Assert.That(At(uv, uvFile.Dependencies[0].PinSpan!.Value), Is.EqualTo("4.2.14"));
    }

    [TestCase("requirements.txt")]
    [TestCase("pyproject.toml")]
    [TestCase("Pipfile")]
    [TestCase("Pipfile.lock")]
    [TestCase("poetry.lock")]
    [TestCase("uv.lock")]
    public void MalformedFilesGiveProblemsNotExceptions(string name)
    {
        foreach (var text in new[] { "", "[[[", "\"\"\"", "{", "name = ", "= 4", "[project]\ndependencies = [\"Django==\", 42, ", "\uFFFD\u0000\u0001" })
            Assert.DoesNotThrow(() => Parse(name, text), $"{name}: {text}");
    }

    [Test]
    public void TomlErrorOnOneLineDoesNotHideTheRest()
    {
        const string text = "[project]\nname = shop\ndependencies = [\"Django==4.2.14\"]\n";
        var file = Parse("pyproject.toml", text);
        Assert.That(file.Problems, Has.Count.EqualTo(1));
        Assert.That(file.Dependencies.Single().Name, Is.EqualTo("Django"));
    }
}
