using DjangoLsp.Server.Scanning;
using NUnit.Framework;

namespace DjangoLsp.Server.Tests;

public class FileWalkerTests
{
    private string _root = null!;

    [SetUp]
    public void CreateTree()
    {
        _root = Directory.CreateTempSubdirectory("djangolsp-walk").FullName;
        Write("manage.py");
        Write("shop/views.py");
        Write("shop/templates/shop/index.html");
        Write("shop/migrations/0001_initial.py");
        Write("requirements.txt");
        Write("README.md");
        Write("node_modules/pkg/x.py");
        Write(".git/hooks/x.py");
        Write("shop/__pycache__/views.cpython-311.py");
        Write(".venv/lib/site.py");
        Write("myenv/pyvenv.cfg");
        Write("myenv/lib/thing.py");
        Write("env/lib/other.py");   // a folder named env WITHOUT pyvenv.cfg is ordinary code
        Write("build/generated.py");
        Write("logs/debug.py");
        Write("logs/keep.py");
        Write("secret_local.py");
        Write(".gitignore", "# comment\nbuild/\n*_local.py\nlogs/*\n!logs/keep.py\n");
        Write("shop/.gitignore", "/skip_here.py\n");
        Write("shop/skip_here.py");
        Write("skip_here.py");
    }

    [TearDown]
    public void Delete() => Directory.Delete(_root, true);

    private void Write(string relative, string content = "x = 1\n")
    {
        var path = Path.Combine(_root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
    }

    private List<string> Walk(WalkOptions? options = null) =>
        new FileWalker(options ?? new WalkOptions()).Enumerate(_root)
            .Select(p => Path.GetRelativePath(_root, p).Replace('\\', '/')).OrderBy(p => p, StringComparer.Ordinal).ToList();

    [Test]
    public void Walked_files_carry_their_sizes_from_the_listing()
    {
        Write("shop/big.py", new string('x', 5000));
        var walked = new FileWalker(new WalkOptions()).EnumerateFiles(_root).ToList();
        Assert.That(walked.Select(f => f.Path), Is.EqualTo(new FileWalker(new WalkOptions()).Enumerate(_root)));
        foreach (var file in walked)
            Assert.That(file.Length, Is.EqualTo(new FileInfo(file.Path).Length), file.Path);
        Assert.That(walked.Single(f => f.Path.EndsWith("big.py", StringComparison.Ordinal)).Length, Is.EqualTo(5000));
        var single = Path.Combine(_root, "shop", "big.py");
        Assert.That(new FileWalker(new WalkOptions()).EnumerateFiles(single), Is.EqualTo(new[] { new WalkedFile(single, 5000) }));
    }

    [Test]
    public void Symbolic_links_to_folders_are_not_followed()
    {
        Write("real/inside.py");
        Directory.CreateSymbolicLink(Path.Combine(_root, "linked"), Path.Combine(_root, "real"));
        Directory.CreateSymbolicLink(Path.Combine(_root, "real", "loop"), _root);   // a cycle must not hang the walk
        var walked = Walk();
        Assert.That(walked, Does.Contain("real/inside.py"));
        Assert.That(walked.Where(p => p.StartsWith("linked/", StringComparison.Ordinal) || p.Contains("/loop/", StringComparison.Ordinal)), Is.Empty);
    }

    [Test]
    public void Default_walk_skips_tooling_folders_virtualenvs_migrations_and_gitignored_files()
    {
        Assert.That(Walk(), Is.EqualTo(new[]
        {
            "env/lib/other.py",
            "logs/keep.py",
            "manage.py",
            "requirements.txt",
            "shop/templates/shop/index.html",
            "shop/views.py",
            "skip_here.py",
        }));
    }

    [Test]
    public void Walking_a_subfolder_honours_gitignore_files_up_to_the_repository_root()
    {
        Directory.CreateDirectory(Path.Combine(_root, ".git"));
        Write(".gitignore", "generated_*.py\n");
        Write("shop/generated_models.py");
        var files = new FileWalker(new WalkOptions()).Enumerate(Path.Combine(_root, "shop"))
            .Select(p => Path.GetFileName(p)).ToList();
        Assert.That(files, Does.Contain("views.py").And.Not.Contain("generated_models.py"));

        Directory.Delete(Path.Combine(_root, ".git"), true);   // not a repository: parent .gitignore files are not ours to apply
        files = new FileWalker(new WalkOptions()).Enumerate(Path.Combine(_root, "shop")).Select(p => Path.GetFileName(p)).ToList();
        Assert.That(files, Does.Contain("generated_models.py"));
    }

    [Test]
    public void Migrations_are_included_when_asked()
    {
        Assert.That(Walk(new WalkOptions { IncludeMigrations = true }), Does.Contain("shop/migrations/0001_initial.py"));
    }

    [Test]
    public void Exclude_globs_remove_files_and_folders()
    {
        var files = Walk(new WalkOptions { Exclude = new[] { "shop/templates", "**/manage.py" } });
        Assert.That(files, Does.Not.Contain("manage.py").And.Not.Contain("shop/templates/shop/index.html"));
        Assert.That(files, Does.Contain("shop/views.py"));
    }

    [Test]
    public void Gitignore_can_be_turned_off()
    {
        Assert.That(Walk(new WalkOptions { RespectGitIgnore = false }), Does.Contain("build/generated.py").And.Contain("secret_local.py"));
    }

    [Test]
    public void A_file_given_directly_is_returned_even_if_its_kind_is_unknown_and_a_missing_path_gives_nothing()
    {
        var readme = Path.Combine(_root, "README.md");
        Assert.That(new FileWalker(new WalkOptions()).Enumerate(readme), Is.EqualTo(new[] { readme }));
        Assert.That(new FileWalker(new WalkOptions()).Enumerate(Path.Combine(_root, "missing")), Is.Empty);
    }
}
