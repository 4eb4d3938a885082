using Microsoft.CodeAnalysis.Text;

namespace DjangoLsp.Templates.Syntax;

/// <summary>A template found by name: its path and current text (an open editor buffer or the file on disk).</summary>
public sealed record TemplateSource(string Name, string Path, SourceText Text)
{
    /// <summary>
    /// The tree of <see cref="Text"/> parsed once and shared by every graph that renders this template (a scan renders
    /// a common parent such as <c>admin/base.html</c> for each of its children), or null: the graph parses the text.
    /// Used only when it is the parse of this same text and path.
    /// </summary>
    public Func<TemplateSyntaxTree>? SharedTree { get; init; }
}

/// <summary>
/// Maps a template name as written in <c>{% extends %}</c>/<c>{% include %}</c> to a template. The analysis layer
/// implements this over settings.TEMPLATES DIRS and app <c>templates/</c> folders (and open documents).
/// </summary>
public interface ITemplateResolver
{
    /// <summary>The template for <paramref name="name"/>, or null when no directory has it.</summary>
    /// <param name="name">The template name, e.g. <c>admin/base.html</c>.</param>
    /// <param name="skipPath">A path to skip (Django's recursive extends: a template extending its own name
    /// continues the search after itself).</param>
    TemplateSource? Resolve(string name, string? skipPath = null);
}

/// <summary>Looks templates up in directories, in order, like Django's filesystem and app_directories loaders.</summary>
public sealed class DirectoryTemplateResolver : ITemplateResolver
{
    private readonly IReadOnlyList<string> _directories;

    public DirectoryTemplateResolver(IEnumerable<string> directories) =>
        _directories = directories.Select(d => Path.GetFullPath(d)).ToArray();

    public IReadOnlyList<string> Directories => _directories;

    public TemplateSource? Resolve(string name, string? skipPath = null)
    {
        if (string.IsNullOrEmpty(name) || name.Contains('\0'))
        {
            return null;
        }

        foreach (var directory in _directories)
        {
            string candidate;
            try
            {
                candidate = Path.GetFullPath(Path.Combine(directory, name));
            }
            catch (Exception e) when (e is ArgumentException or NotSupportedException or PathTooLongException)
            {
                continue;
            }

            // Like Django's safe_join: never leave the template directory.
            string root = directory.EndsWith(Path.DirectorySeparatorChar) ? directory : directory + Path.DirectorySeparatorChar;
            if (!candidate.StartsWith(root, StringComparison.Ordinal) || candidate == skipPath || !File.Exists(candidate))
            {
                continue;
            }

            try
            {
                return new TemplateSource(name, candidate, SourceText.From(File.ReadAllText(candidate)));
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                continue;
            }
        }

        return null;
    }
}

/// <summary>Templates held in memory (tests, unsaved editor buffers). Paths are the names.</summary>
public sealed class InMemoryTemplateResolver : ITemplateResolver
{
    private readonly Dictionary<string, string> _templates;

    public InMemoryTemplateResolver(IDictionary<string, string> templates) => _templates = new Dictionary<string, string>(templates, StringComparer.Ordinal);

    public TemplateSource? Resolve(string name, string? skipPath = null) =>
        name != skipPath && _templates.TryGetValue(name, out var text) ? new TemplateSource(name, name, SourceText.From(text)) : null;
}
