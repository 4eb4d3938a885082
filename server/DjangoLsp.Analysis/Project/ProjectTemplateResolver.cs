using DjangoLsp.Analysis.Engine;
using DjangoLsp.Templates.Syntax;

namespace DjangoLsp.Analysis.Project;

/// <summary>
/// Template name → file for the template graph, over the project's TEMPLATES DIRS and app templates/ folders in
/// Django's order, reading through the workspace files (so unsaved buffers count). Never leaves a template folder.
/// </summary>
public sealed class ProjectTemplateResolver : ITemplateResolver
{
    private readonly DjangoProject _project;
    private readonly IWorkspaceFiles _files;

    public ProjectTemplateResolver(DjangoProject project, IWorkspaceFiles files)
    {
        _project = project;
        _files = files;
    }

    public TemplateSource? Resolve(string name, string? skipPath = null)
    {
        if (string.IsNullOrEmpty(name) || name.Contains('\0')) return null;
        foreach (var directory in _project.TemplateDirectories)
        {
            string candidate;
            try { candidate = Path.GetFullPath(Path.Combine(directory, name)); }
            catch (Exception e) when (e is ArgumentException or NotSupportedException or PathTooLongException) { continue; }
            var root = directory.EndsWith(Path.DirectorySeparatorChar) ? directory : directory + Path.DirectorySeparatorChar;
            if (!candidate.StartsWith(root, StringComparison.Ordinal) || candidate == skipPath) continue;
            if (_files.TryGetDocument(candidate) is { } document) return new TemplateSource(name, candidate, document.Text);
        }
        return null;
    }
}
