using DjangoLsp.Analysis.Engine;
using DjangoLsp.Analysis.Syntax;
using DjangoLsp.Templates.Syntax;

namespace DjangoLsp.Analysis.Project;

/// <summary>
/// Template name → file for the template graph, over the project's TEMPLATES DIRS and app templates/ folders in
/// Django's order, reading through the workspace files (so unsaved buffers count). Never leaves a template folder.
/// </summary>
public sealed class ProjectTemplateResolver : ITemplateResolver
{
    private readonly IReadOnlyList<string> _directories;
    private readonly IWorkspaceFiles _files;

    public ProjectTemplateResolver(DjangoProject project, IWorkspaceFiles files)
        : this(project.TemplateDirectories, files)
    {
    }

    /// <summary>A resolver over explicit template directories (e.g. the <c>templates</c> folders above a template outside any project).</summary>
    public ProjectTemplateResolver(IReadOnlyList<string> directories, IWorkspaceFiles files)
    {
        _directories = directories;
        _files = files;
    }

    public IReadOnlyList<string> Directories => _directories;

    public TemplateSource? Resolve(string name, string? skipPath = null)
    {
        if (string.IsNullOrEmpty(name) || name.Contains('\0')) return null;
        foreach (var directory in _directories)
        {
            string candidate;
            try { candidate = Path.GetFullPath(Path.Combine(directory, name)); }
            catch (Exception e) when (e is ArgumentException or NotSupportedException or PathTooLongException) { continue; }
            var root = directory.EndsWith(Path.DirectorySeparatorChar) ? directory : directory + Path.DirectorySeparatorChar;
            if (!candidate.StartsWith(root, StringComparison.Ordinal) || candidate == skipPath) continue;
            // The document's own tree: parsed once per snapshot, whichever template renders it (and by its own analysis).
            if (_files.TryGetDocument(candidate) is { } document)
                return new TemplateSource(name, candidate, document.Text) { SharedTree = () => document.GetTemplateAnalysis().Tree };
        }
        return null;
    }
}
