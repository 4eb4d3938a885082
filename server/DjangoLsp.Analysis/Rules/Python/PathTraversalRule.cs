using DjangoLsp.Analysis.Engine;
using DjangoLsp.Analysis.Taint;

namespace DjangoLsp.Analysis.Rules.Python;

/// <summary>DJ160: a file path built from request data reaches open / FileResponse / storage / os file operations.</summary>
public sealed class PathTraversalRule : TaintSinkRule
{
    public static readonly RuleDescriptor Descriptor = new(
        "DJ160", "path-from-request", Severity.Error, RuleCategory.PathTraversal,
        new[] { "A01:2021" }, new[] { "A01:2025" }, new[] { 22 },
        "A file path built from request data is opened, served or deleted (path traversal).",
        RuleDocs.Build(
            "Finds `open()`, `FileResponse(path)`, `default_storage.open/delete/save`, `os.remove`, `shutil` and similar file operations whose path comes from request data. `os.path.join` does not help: `join(ROOT, '../../etc/passwd')` and `join(ROOT, '/etc/passwd')` both escape the root.",
            "The user chooses which file on the server is read, overwritten or deleted: settings with secrets, private media of other users, source code.",
            """
            name = request.GET["name"]
            return FileResponse(open(os.path.join(settings.MEDIA_ROOT, name), "rb"))
            """,
            """
            photo = get_object_or_404(Photo, pk=pk, owner=request.user)
            return FileResponse(photo.image.open("rb"))
            # or: path = safe_join(settings.MEDIA_ROOT, os.path.basename(name))
            """,
            "[Django: safe_join / file storage](https://docs.djangoproject.com/en/stable/ref/files/storage/)",
            RuleDocs.OwaspPathTraversal,
            "[CWE-22](https://cwe.mitre.org/data/definitions/22.html)"),
        "https://docs.djangoproject.com/en/stable/ref/files/storage/");

    public PathTraversalRule() : base(Descriptor)
    {
    }

    protected override IReadOnlyDictionary<string, (int Position, string? Keyword)> Sinks { get; } = new Dictionary<string, (int, string?)>
    {
        ["builtins.open"] = (0, "file"),
        ["io.open"] = (0, "file"),
        ["codecs.open"] = (0, "filename"),
        ["django.http.FileResponse"] = (0, null),
        ["django.http.response.FileResponse"] = (0, null),
        ["django.core.files.storage.default_storage.open"] = (0, "name"),
        ["django.core.files.storage.default_storage.delete"] = (0, "name"),
        ["django.core.files.storage.default_storage.save"] = (0, "name"),
        ["django.core.files.storage.default_storage.path"] = (0, "name"),
        ["os.remove"] = (0, "path"), ["os.unlink"] = (0, "path"), ["os.rmdir"] = (0, "path"), ["os.rename"] = (0, "src"),
        ["os.listdir"] = (0, "path"), ["shutil.rmtree"] = (0, "path"), ["shutil.copy"] = (0, "src"), ["shutil.copyfile"] = (0, "src"),
        ["shutil.move"] = (0, "src"), ["tarfile.open"] = (0, "name"), ["zipfile.ZipFile"] = (0, "file"),
    };

    protected override SinkKind Kind => SinkKind.Path;
    protected override string[] Keywords => new[] { "open", "FileResponse", "storage", "remove", "unlink", "shutil", "rmdir", "rename", "listdir", "ZipFile" };

    protected override string Message(string api, TaintValue taint) =>
        $"{api} uses a file path built from {Describe(taint, SinkKind.Path)}; a '../' or absolute path escapes the folder. Look the file up in the database or use safe_join with basename.";
}
