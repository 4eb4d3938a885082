using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using DjangoLsp.Analysis.Engine;
using DjangoLsp.Analysis.Project;
using DjangoLsp.Analysis.Syntax;
using DjangoLsp.Templates.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace DjangoLsp.Analysis.Rules.Templates;

/// <summary>
/// The contexts a template's outputs really have in the pages that render it, from the <see cref="TemplateGraph"/>:
/// a child template's block override starts where the parent puts the block (inside <c>&lt;script&gt;</c> it is
/// JavaScript), and a template included inside <c>&lt;script&gt;</c> starts in JavaScript too. The single-file
/// analysis cannot see either: it starts every block and every template in HTML text.
/// <list type="bullet">
/// <item>Template names are resolved over the project's template directories (TEMPLATES DIRS, app templates/), or,
/// outside a Django project, over the <c>templates</c> folders above the template.</item>
/// <item>Includers are found in an index of <c>{% include "name" %}</c> tags of the template folders on disk,
/// rebuilt when a file there changes on disk (an unsaved includer buffer is seen after it is saved).</item>
/// </list>
/// </summary>
internal static partial class TemplateRenderContexts
{
    private const int MaxIncluders = 16;
    private const int MaxIndexedFiles = 5000;
    // Generated at build time: RegexOptions.Compiled would compile it to IL and JIT it in every process.
    private static readonly Regex IncludeTag = IncludeTagPattern();
    private static readonly ConcurrentDictionary<string, (string Stamp, IReadOnlyDictionary<string, IReadOnlyList<string>> Includers)> IncludeIndex = new(StringComparer.Ordinal);
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<AnalysisContext, ConcurrentDictionary<string, IReadOnlyDictionary<string, IReadOnlyList<string>>>> IndexPerContext = new();

    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<AnalysisContext, ConcurrentDictionary<string, TemplateGraphResult>> RenderPerContext = new();

    [GeneratedRegex(@"\{%-?\s*include\s+(?<q>[""'])(?<name>[^""'\r\n]+)\k<q>")]
    private static partial Regex IncludeTagPattern();

    /// <summary>One output in one rendering context; <see cref="Origin"/> says which other template gave it that context.</summary>
    public sealed record RenderedOutput(TemplateOutput Output, RelatedLocation? Origin);

    /// <summary>
    /// For each output of the single-file analysis, the renderings whose context differs from the single-file one
    /// (with their origin), or the single-file output alone when no other template changes its context.
    /// </summary>
    public static IReadOnlyList<IReadOnlyList<RenderedOutput>> Resolve(AnalysisDocument document, TemplateAnalysis analysis,
        AnalysisContext context, CancellationToken cancellationToken)
    {
        var single = analysis.Outputs.Select(o => (IReadOnlyList<RenderedOutput>)new[] { new RenderedOutput(o, null) }).ToList();
        var directories = TemplateDirectories(document.Path, context, cancellationToken);
        if (directories.Count == 0) return single;

        var path = Path.GetFullPath(document.Path);
        var resolver = new ProjectTemplateResolver(directories, context.Files);
        var renderings = new List<RenderedOutput>();
        // Outputs of the child's blocks as the parent renders them; their origin (a walk of the parent chain) is only
        // worked out below for the few whose context differs from the single-file one.
        var blockOutputs = new HashSet<TemplateOutput>(ReferenceEqualityComparer.Instance);
        var extends = FindExtends(analysis.Tree);
        if (extends is not null)
        {
            var graph = new TemplateGraph(resolver);
            var result = graph.Analyze(analysis.Tree);
            foreach (var output in result.OutputsIn(path))
            {
                renderings.Add(new RenderedOutput(output, null));
                blockOutputs.Add(output);
            }
        }

        foreach (var (includer, name, tag) in Includers(path, directories, context, cancellationToken))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var result = RenderIncluder(includer.Name, analysis.Tree, path, directories, resolver, context);
            var origin = new RelatedLocation(includer.Path, tag, $"'{includer.Name}' includes '{name}' here");
            foreach (var output in result.OutputsIn(path)) renderings.Add(new RenderedOutput(output, origin));
        }
        if (renderings.Count == 0) return single;

        // Graph outputs of this file are on this analysis' own nodes (the graph was given its tree).
        var byNode = new Dictionary<TemplateNode, List<RenderedOutput>>(ReferenceEqualityComparer.Instance);
        foreach (var rendering in renderings)
        {
            if (!byNode.TryGetValue(rendering.Output.Node, out var list)) byNode[rendering.Output.Node] = list = new List<RenderedOutput>();
            list.Add(rendering);
        }
        var merged = new List<IReadOnlyList<RenderedOutput>>(analysis.Outputs.Count);
        foreach (var output in analysis.Outputs)
        {
            var different = (byNode.TryGetValue(output.Node, out var variants) ? variants : new List<RenderedOutput>())
                .Where(r => r.Output.Context != output.Context)
                .GroupBy(r => r.Output.Context)
                .Select(g => g.First())
                .Select(r => blockOutputs.Contains(r.Output)
                    ? r with { Origin = BlockOrigin(analysis.Tree, r.Output, extends!, resolver, context, cancellationToken) }
                    : r)
                .ToList();
            merged.Add(different.Count > 0 ? different : new[] { new RenderedOutput(output, null) });
        }
        return merged;
    }

    /// <summary>
    /// The page of an includer, rendered once per analysis for all the templates it includes (a widget template is
    /// included by a dozen others). Shared only when <paramref name="own"/> is the tree the resolver hands out for
    /// <paramref name="path"/> anyway, so the rendering does not depend on which included template asks.
    /// </summary>
    private static TemplateGraphResult RenderIncluder(string includerName, TemplateSyntaxTree own, string path, IReadOnlyList<string> directories,
        ProjectTemplateResolver resolver, AnalysisContext context)
    {
        bool shared = own.FilePath == path && context.Files.TryGetDocument(path) is { } document
            && ReferenceEquals(document.Text, own.Text) && ReferenceEquals(document.GetTemplateAnalysis().Tree, own);
        if (!shared) return Render();
        var key = string.Join('\n', directories) + "\0" + includerName;
        return RenderPerContext.GetValue(context, _ => new ConcurrentDictionary<string, TemplateGraphResult>(StringComparer.Ordinal))
            .GetOrAdd(key, _ => Render());

        TemplateGraphResult Render()
        {
            var graph = new TemplateGraph(resolver);
            graph.Update(own);
            return graph.Analyze(includerName);
        }
    }

    /// <summary>The template directories that contain <paramref name="path"/>'s template folder, in lookup order.</summary>
    private static IReadOnlyList<string> TemplateDirectories(string path, AnalysisContext context, CancellationToken cancellationToken)
    {
        var full = Path.GetFullPath(path);
        var project = DjangoProjectModel.ForFile(full, context, cancellationToken);
        if (project != null && project.TemplateDirectories.Any(d => IsUnder(full, d))) return project.TemplateDirectories;
        // Outside a project (or a template folder the settings do not list): the "templates" folders above the file.
        var dirs = new List<string>();
        for (var dir = Path.GetDirectoryName(full); dir != null; dir = Path.GetDirectoryName(dir))
            if (Path.GetFileName(dir) == "templates") dirs.Add(dir);
        return dirs;
    }

    private static bool IsUnder(string path, string directory) =>
        path.StartsWith(directory.TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar, StringComparison.Ordinal);

    private static string? FindExtends(TemplateSyntaxTree tree)
    {
        foreach (var node in tree.Root.Children)
        {
            if (node is TemplateTagNode { Name: "extends" } tag)
                return tag.Syntax.Bits.Count >= 2 && tag.Syntax.Bits[1].IsQuoted ? tag.Syntax.Bits[1].Unquoted : null;
            if (node is TemplateVariableNode or TemplateBlockNode || node is TemplateTagNode { Name: not "load" }) return null;
        }
        return null;
    }

    /// <summary>
    /// Where the parent template puts the block holding <paramref name="output"/>: the start tag of the element
    /// (<c>&lt;script&gt;</c>, <c>&lt;style&gt;</c>, a tag whose attribute it is in) around the nearest parent's
    /// <c>{% block %}</c> of that name.
    /// </summary>
    private static RelatedLocation? BlockOrigin(TemplateSyntaxTree child, TemplateOutput output, string parentName, ITemplateResolver resolver,
        AnalysisContext context, CancellationToken cancellationToken)
    {
        var blockName = EnclosingBlockName(child.Root, output.Node);
        if (blockName == null) return null;
        var name = parentName;
        string? skip = child.FilePath;
        for (var depth = 0; depth < 16; depth++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var source = resolver.Resolve(name, skip != null && skip.EndsWith(name, StringComparison.Ordinal) ? skip : null);
            if (source == null) return null;
            var parent = context.Files.TryGetDocument(source.Path)?.GetTemplateAnalysis(cancellationToken).Tree;
            if (parent == null) return null;
            var block = parent.Root.DescendantNodes().OfType<TemplateBlockNode>().FirstOrDefault(b => b.Name == "block" && b.BlockName == blockName);
            if (block != null)
            {
                var text = parent.Text.ToString();
                var element = EnclosingElement(text, block.FullSpan.Start);
                var where = element ?? new TextSpan(block.OpenTag.FullSpan.Start, block.OpenTag.FullSpan.Length);
                return new RelatedLocation(source.Path, where,
                    $"'{name}' renders block '{blockName}' here ({output.Context.Name}), so this child's override is in that context");
            }
            if (FindExtends(parent) is not { } next) return null;
            skip = source.Path;
            name = next;
        }
        return null;
    }

    private static string? EnclosingBlockName(TemplateNode root, TemplateNode target)
    {
        string? found = null;
        void Visit(TemplateNode node, string? current)
        {
            if (found != null) return;
            if (ReferenceEquals(node, target))
            {
                found = current ?? "";
                return;
            }
            var name = node is TemplateBlockNode { Name: "block" } b ? b.BlockName ?? current : current;
            foreach (var child in node.Children) Visit(child, name);
        }
        Visit(root, null);
        return string.IsNullOrEmpty(found) ? null : found;
    }

    /// <summary>The start tag of the raw-text element (script/style) open at <paramref name="position"/>, else of the tag it is inside.</summary>
    private static TextSpan? EnclosingElement(string text, int position)
    {
        foreach (var element in new[] { "script", "style" })
        {
            var open = text.LastIndexOf("<" + element, position, StringComparison.OrdinalIgnoreCase);
            if (open < 0) continue;
            var close = text.IndexOf("</" + element, open, StringComparison.OrdinalIgnoreCase);
            if (close >= 0 && close < position) continue;
            var end = text.IndexOf('>', open);
            return TextSpan.FromBounds(open, end < 0 || end > position ? position : end + 1);
        }
        var lt = text.LastIndexOf('<', Math.Max(0, position - 1));
        var gt = lt < 0 ? -1 : text.IndexOf('>', lt);
        if (lt >= 0 && (gt < 0 || gt >= position) && lt + 1 < text.Length && char.IsLetter(text[lt + 1]))
            return TextSpan.FromBounds(lt, position);
        return null;
    }

    /// <summary>Templates that include <paramref name="path"/> by one of its names, with the include tag's span.</summary>
    private static IEnumerable<(TemplateSource Includer, string Name, TextSpan Tag)> Includers(string path, IReadOnlyList<string> directories,
        AnalysisContext context, CancellationToken cancellationToken)
    {
        var names = directories.Where(d => IsUnder(path, d))
            .Select(d => Path.GetRelativePath(d, path).Replace(Path.DirectorySeparatorChar, '/')).Distinct().ToList();
        var count = 0;
        foreach (var directory in directories)
        {
            // One analysis sees the disk as it was: the index (and the walk that stamps it) is checked once per context.
            var index = IndexPerContext.GetValue(context, _ => new ConcurrentDictionary<string, IReadOnlyDictionary<string, IReadOnlyList<string>>>(StringComparer.Ordinal))
                .GetOrAdd(directory, d => IndexOf(d, cancellationToken));
            foreach (var name in names)
            {
                if (!index.TryGetValue(name, out var includers)) continue;
                foreach (var includerPath in includers)
                {
                    if (includerPath == path || count >= MaxIncluders) continue;
                    var document = context.Files.TryGetDocument(includerPath);
                    if (document == null) continue;
                    var text = document.GetTextString();
                    var match = IncludeTag.Matches(text).FirstOrDefault(m => m.Groups["name"].Value == name);
                    if (match == null) continue;
                    var includerName = Path.GetRelativePath(directory, includerPath).Replace(Path.DirectorySeparatorChar, '/');
                    count++;
                    yield return (new TemplateSource(includerName, includerPath, document.Text), name, new TextSpan(match.Index, match.Length));
                }
            }
        }
    }

    /// <summary>Included name → includer paths for the templates under <paramref name="directory"/> (cached while the files on disk are unchanged).</summary>
    private static IReadOnlyDictionary<string, IReadOnlyList<string>> IndexOf(string directory, CancellationToken cancellationToken)
    {
        List<FileInfo> files;
        try
        {
            files = Directory.Exists(directory)
                ? new DirectoryInfo(directory).EnumerateFiles("*", SearchOption.AllDirectories).Take(MaxIndexedFiles).ToList()
                : new List<FileInfo>();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return new Dictionary<string, IReadOnlyList<string>>();
        }
        var stamp = $"{files.Count}:{files.Sum(f => f.Length)}:{(files.Count == 0 ? 0 : files.Max(f => f.LastWriteTimeUtc.Ticks))}";
        if (IncludeIndex.TryGetValue(directory, out var cached) && cached.Stamp == stamp) return cached.Includers;
        var includers = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var file in files)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (!SourceFiles.TryRead(file.FullName, out var text, out _)) continue;
            var content = text.ToString();
            if (!content.Contains("include", StringComparison.Ordinal)) continue;
            foreach (Match match in IncludeTag.Matches(content))
            {
                var name = match.Groups["name"].Value;
                if (!includers.TryGetValue(name, out var list)) includers[name] = list = new List<string>();
                if (!list.Contains(file.FullName)) list.Add(file.FullName);
            }
        }
        var result = includers.ToDictionary(p => p.Key, p => (IReadOnlyList<string>)p.Value, StringComparer.Ordinal);
        IncludeIndex[directory] = (stamp, result);
        return result;
    }
}
