using DjangoLsp.Analysis.Settings;
using NUnit.Framework;

namespace DjangoLsp.Analysis.Tests.Settings;

public class SettingsEvaluatorTests
{
    private static EvaluatedSettings Single(string text) =>
        SettingsTestSupport.Evaluate(new MemoryFiles(("app/settings.py", text)), "app/settings.py");

    private static IReadOnlyList<string>? Strings(EvaluatedSettings s, string name) => s.Get(name)?.Value.StringItems;

    [Test]
    public void LiteralsCollectionsAndArithmetic()
    {
        var s = Single("""
            DEBUG = False
            PORT = 8000
            HSTS = 60 * 60 * 24 * 365
            NAME = "a" "b"
            HOSTS = ["x", 'y']
            PAIR = ("a", 1)
            DB = {"default": {"HOST": "db"}}
            HOST = DB["default"]["HOST"]
            NEG = -5
            """);
        Assert.Multiple(() =>
        {
            Assert.That(s.Get("DEBUG")!.Value.Truthy, Is.False);
            Assert.That(s.Get("HSTS")!.Value.IntValue, Is.EqualTo(31536000));
            Assert.That(s.Get("NAME")!.Value.StrValue, Is.EqualTo("ab"));
            Assert.That(Strings(s, "HOSTS"), Is.EqualTo(new[] { "x", "y" }));
            Assert.That(s.Get("PAIR")!.Value.Kind, Is.EqualTo(PyValueKind.Tuple));
            Assert.That(s.Get("HOST")!.Value.StrValue, Is.EqualTo("db"));
            Assert.That(s.Get("NEG")!.Value.IntValue, Is.EqualTo(-5));
        });
    }

    [Test]
    public void PlusEqualsAppendInsertExtendRemove()
    {
        var s = Single("""
            MIDDLEWARE = ["b"]
            MIDDLEWARE += ["c"]
            MIDDLEWARE.insert(0, "a")
            MIDDLEWARE.append("d")
            MIDDLEWARE.extend(["e", "f"])
            MIDDLEWARE.remove("c")
            APPS = ("x",)
            APPS += ("y",)
            """);
        Assert.That(Strings(s, "MIDDLEWARE"), Is.EqualTo(new[] { "a", "b", "d", "e", "f" }));
        Assert.That(Strings(s, "APPS"), Is.EqualTo(new[] { "x", "y" }));
        // The binding remembers the last statement that changed the list (line 6), each element its own line.
        var binding = s.Get("MIDDLEWARE")!;
        Assert.That(binding.Value.Effective.Items[0].Span.IsEmpty, Is.False);
    }

    [Test]
    public void EnvironmentReadsKeepTheirDefault()
    {
        var s = Single("""
            import os
            from os import environ, getenv
            A = os.environ.get("A", "x")
            B = os.environ["B"]
            C = os.getenv("C")
            D = getenv("D", "1") == "1"
            E = environ.get("E", "False").lower() == "true"
            F = int(os.environ.get("F", "60"))
            G = os.environ.get("G") or "fallback"
            """);
        Assert.Multiple(() =>
        {
            Assert.That(s.Get("A")!.Value.Kind, Is.EqualTo(PyValueKind.Environment));
            Assert.That(s.Get("A")!.Value.EnvName, Is.EqualTo("A"));
            Assert.That(s.Get("A")!.Value.Effective.StrValue, Is.EqualTo("x"));
            Assert.That(s.Get("B")!.Value.Effective.Kind, Is.EqualTo(PyValueKind.Unknown), "no default: unknown");
            Assert.That(s.Get("C")!.Value.Effective.Kind, Is.EqualTo(PyValueKind.None));
            Assert.That(s.Get("D")!.Value.Truthy, Is.True);
            Assert.That(s.Get("D")!.Value.Kind, Is.EqualTo(PyValueKind.Environment), "a comparison on an env read stays an env read");
            Assert.That(s.Get("E")!.Value.Truthy, Is.False);
            Assert.That(s.Get("F")!.Value.Effective.IntValue, Is.EqualTo(60));
            Assert.That(s.Get("G")!.Value.Effective.StrValue, Is.EqualTo("fallback"));
        });
    }

    [Test]
    public void DjangoEnvironAndDecouple()
    {
        var s = Single("""
            import environ
            from decouple import config, Csv
            env = environ.Env()
            A = env("A", default="x")
            B = env.bool("B", default=True)
            C = env.bool("C")
            D = config("D", default="false", cast=bool)
            E = config("E", cast=bool)
            F = env.int("F", default=3600)
            """);
        Assert.Multiple(() =>
        {
            Assert.That(s.Get("A")!.Value.Effective.StrValue, Is.EqualTo("x"));
            Assert.That(s.Get("B")!.Value.Truthy, Is.True);
            Assert.That(s.Get("C")!.Value.Truthy, Is.Null);
            Assert.That(s.Get("D")!.Value.Effective.Kind, Is.EqualTo(PyValueKind.Bool));
            Assert.That(s.Get("D")!.Value.Truthy, Is.False);
            Assert.That(s.Get("E")!.Value.Truthy, Is.Null);
            Assert.That(s.Get("F")!.Value.Effective.IntValue, Is.EqualTo(3600));
        });
    }

    [Test]
    public void IfOnKnownConditionTakesTheBranchUnknownConditionMakesNamesUnknown()
    {
        var s = Single("""
            import socket
            DEBUG = False
            if DEBUG:
                A = 1
            elif not DEBUG:
                A = 2
            else:
                A = 3
            if socket.gethostname() == "prod":
                B = True
            else:
                B = True
            C = 1
            for x in []:
                C = 2
            """);
        Assert.That(s.Get("A")!.Value.IntValue, Is.EqualTo(2));
        Assert.That(s.Get("B")!.Value.Kind, Is.EqualTo(PyValueKind.Unknown));
        Assert.That(s.Get("C")!.Value.Kind, Is.EqualTo(PyValueKind.Unknown));
    }

    [Test]
    public void TryBodyRunsHandlersAreConditional()
    {
        var s = Single("""
            import os
            try:
                KEY = os.environ["KEY"]
                X = 1
            except KeyError:
                KEY = "dev"
            """);
        Assert.That(s.Get("X")!.Value.IntValue, Is.EqualTo(1));
        Assert.That(s.Get("KEY")!.Value.Kind, Is.EqualTo(PyValueKind.Unknown));
    }

    [Test]
    public void RelativeStarImportChainKeepsOriginFiles()
    {
        var files = new MemoryFiles(
            ("proj/settings/__init__.py", ""),
            ("proj/settings/base.py", "DEBUG = True\nMIDDLEWARE = [\"a\"]\nSECRET = 'x'\n_PRIVATE = 1\n"),
            ("proj/settings/common.py", "from .base import *\nMIDDLEWARE += [\"b\"]\n"),
            ("proj/settings/production.py", "from .common import *  # noqa\nDEBUG = False\n"));
        var s = SettingsTestSupport.Evaluate(files, "proj/settings/production.py");
        Assert.Multiple(() =>
        {
            Assert.That(s.Get("DEBUG")!.Path, Is.EqualTo(MemoryFiles.P("proj/settings/production.py")));
            Assert.That(s.Get("SECRET")!.Path, Is.EqualTo(MemoryFiles.P("proj/settings/base.py")));
            Assert.That(s.Get("MIDDLEWARE")!.Path, Is.EqualTo(MemoryFiles.P("proj/settings/common.py")));
            Assert.That(Strings(s, "MIDDLEWARE"), Is.EqualTo(new[] { "a", "b" }));
            Assert.That(s.Get("_PRIVATE"), Is.Null, "names starting with _ are not star-imported");
            Assert.That(s.HasUnresolvedImports, Is.False);
            Assert.That(s.Files, Has.Count.EqualTo(3));
        });
    }

    [Test]
    public void AbsoluteStarImportResolvesFromTheProjectRoot()
    {
        var files = new MemoryFiles(
            ("proj/shop/settings/base.py", "DEBUG = True\n"),
            ("proj/shop/settings/production.py", "from shop.settings.base import *\n"));
        var s = SettingsTestSupport.Evaluate(files, "proj/shop/settings/production.py");
        Assert.That(s.Get("DEBUG")!.Value.Truthy, Is.True);
    }

    [Test]
    public void MissingStarImportIsUnresolvedAndCyclesTerminate()
    {
        var missing = Single("from .nowhere import *\nDEBUG = False\n");
        Assert.That(missing.HasUnresolvedImports, Is.True);

        var files = new MemoryFiles(
            ("proj/settings/a.py", "from .b import *\nA = 1\n"),
            ("proj/settings/b.py", "from .a import *\nB = 2\n"));
        var s = SettingsTestSupport.Evaluate(files, "proj/settings/a.py");
        Assert.That(s.Get("B")!.Value.IntValue, Is.EqualTo(2));
        Assert.That(s.Get("A")!.Value.IntValue, Is.EqualTo(1));
    }

    [Test]
    public void BrokenCodeDoesNotThrow()
    {
        var s = Single("DEBUG = (\nMIDDLEWARE = [\"a\",\nif x:\n  \x00garbage = = 3\n");
        Assert.That(s, Is.Not.Null);
    }

    [Test]
    public void RoleFromFileName()
    {
        Assert.Multiple(() =>
        {
            Assert.That(SettingsFiles.RoleOf("/p/settings/local.py"), Is.EqualTo(SettingsRole.Development));
            Assert.That(SettingsFiles.RoleOf("/p/settings/dev.py"), Is.EqualTo(SettingsRole.Development));
            Assert.That(SettingsFiles.RoleOf("/p/settings_dev.py"), Is.EqualTo(SettingsRole.Development));
            Assert.That(SettingsFiles.RoleOf("/p/settings/test.py"), Is.EqualTo(SettingsRole.Development));
            Assert.That(SettingsFiles.RoleOf("/p/settings/ci.py"), Is.EqualTo(SettingsRole.Development));
            Assert.That(SettingsFiles.RoleOf("/p/settings/testing.py"), Is.EqualTo(SettingsRole.Development));
            Assert.That(SettingsFiles.RoleOf("/p/settings/base.py"), Is.EqualTo(SettingsRole.Shared));
            Assert.That(SettingsFiles.RoleOf("/p/settings/production.py"), Is.EqualTo(SettingsRole.Production));
            Assert.That(SettingsFiles.RoleOf("/p/settings/prod.py"), Is.EqualTo(SettingsRole.Production));
            Assert.That(SettingsFiles.RoleOf("/p/settings.py"), Is.EqualTo(SettingsRole.Production));
        });
    }
}
