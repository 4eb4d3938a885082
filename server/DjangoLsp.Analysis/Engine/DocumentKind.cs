namespace DjangoLsp.Analysis.Engine;

/// <summary>What a document is, decided from its path and the client's language id.</summary>
public enum DocumentKind
{
    Other,
    Python,
    DjangoTemplate,
    Requirements,
}

public static class DocumentKinds
{
    /// <summary>
    /// Classifies a document. <paramref name="languageId"/> (from the editor) wins when it is known;
    /// otherwise the file name decides.
    /// </summary>
    public static DocumentKind FromPath(string path, string? languageId = null)
    {
        switch (languageId)
        {
            case "python": return DocumentKind.Python;
            case "django-html": case "django-txt": case "htmldjango": return DocumentKind.DjangoTemplate;
            case "pip-requirements": return DocumentKind.Requirements;
        }
        var name = System.IO.Path.GetFileName(path).ToLowerInvariant();
        var ext = System.IO.Path.GetExtension(name);
        if (ext is ".py" or ".pyi") return DocumentKind.Python;
        if (name.StartsWith("requirements", StringComparison.Ordinal) && ext is ".txt" or ".in") return DocumentKind.Requirements;
        if (name is "constraints.txt" or "pyproject.toml" or "pipfile" or "pipfile.lock" or "poetry.lock" or "uv.lock") return DocumentKind.Requirements;
        if (ext is ".html" or ".htm" or ".djhtml" or ".dtl" or ".jinja" or ".jinja2" or ".j2" or ".txt" && IsUnderTemplates(path)) return DocumentKind.DjangoTemplate;
        if (ext is ".html" or ".htm" or ".djhtml" or ".dtl") return DocumentKind.DjangoTemplate;
        return DocumentKind.Other;
    }

    private static bool IsUnderTemplates(string path) =>
        path.Replace('\\', '/').Contains("/templates/", StringComparison.OrdinalIgnoreCase);
}
