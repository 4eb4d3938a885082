using DjangoLsp.Analysis.Syntax;
using DjangoLsp.Python.Syntax;

namespace DjangoLsp.Analysis.Project;

/// <summary>
/// Python modules of one project, by dotted name relative to the project root (the folder with manage.py, which is
/// on sys.path when Django runs), and the names each module imports, resolved to dotted names.
/// </summary>
internal sealed class ModuleIndex
{
    private readonly string _root;
    private readonly RecordingFiles _files;
    private readonly CancellationToken _ct;

    public ModuleIndex(string root, RecordingFiles files, CancellationToken ct)
    {
        _root = Path.GetFullPath(root);
        _files = files;
        _ct = ct;
    }

    /// <summary>The file of a dotted module (<c>a.b</c> → a/b.py or a/b/__init__.py), or null.</summary>
    public string? FileOf(string module)
    {
        if (string.IsNullOrEmpty(module) || module.Split('.').Any(p => p.Length == 0)) return null;
        var baseName = Path.Combine(new[] { _root }.Concat(module.Split('.')).ToArray());
        foreach (var candidate in new[] { baseName + ".py", Path.Combine(baseName, "__init__.py") })
            if (_files.Get(candidate) != null) return candidate;
        return null;
    }

    /// <summary>The dotted name of a file under the root (<c>orders/urls.py</c> → orders.urls), or null outside it.</summary>
    public string? ModuleOf(string path)
    {
        var full = Path.GetFullPath(path);
        if (!full.StartsWith(_root + Path.DirectorySeparatorChar, StringComparison.Ordinal) || !full.EndsWith(".py", StringComparison.Ordinal)) return null;
        var relative = full[(_root.Length + 1)..^3].Replace(Path.DirectorySeparatorChar, '.');
        return relative.EndsWith(".__init__", StringComparison.Ordinal) ? relative[..^9] : relative;
    }

    public PythonSyntaxTree? Tree(string path) => _files.Get(path)?.GetPythonSyntax(_ct);

    /// <summary>Local name → dotted name for the module's top-level imports (relative ones made absolute).</summary>
    public Dictionary<string, string> Imports(string path, ModuleSyntax module)
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        var self = ModuleOf(path) ?? "";
        var isPackage = Path.GetFileName(path) == "__init__.py";
        foreach (var statement in module.Statements)
        {
            switch (statement)
            {
                case ImportStatementSyntax import:
                    foreach (var alias in import.Names)
                    {
                        var full = alias.Name.Name;
                        if (alias.AliasToken is { } asName) map[asName.Text] = full;
                        else if (full.Length > 0) map[full.Split('.')[0]] = full.Split('.')[0];
                    }
                    break;
                case FromImportStatementSyntax fromImport when !fromImport.IsStarImport:
                {
                    var from = fromImport.Module?.Name ?? "";
                    if (fromImport.Level > 0)
                    {
                        var parts = self.Split('.').ToList();
                        var drop = isPackage ? fromImport.Level - 1 : fromImport.Level;
                        if (drop > parts.Count) continue;
                        parts.RemoveRange(parts.Count - drop, drop);
                        if (from.Length > 0) parts.Add(from);
                        from = string.Join('.', parts.Where(p => p.Length > 0));
                    }
                    foreach (var alias in fromImport.Names)
                        map[alias.AliasToken?.Text ?? alias.Name.Name] = from.Length > 0 ? from + "." + alias.Name.Name : alias.Name.Name;
                    break;
                }
            }
        }
        return map;
    }

    /// <summary>Dotted name of a name/attribute chain through the imports (or a local top-level definition).</summary>
    public static string? Qualify(ExpressionSyntax expression, IReadOnlyDictionary<string, string> imports, string? selfModule) =>
        expression switch
        {
            NameExpressionSyntax name => imports.TryGetValue(name.Name, out var q) ? q : selfModule != null ? selfModule + "." + name.Name : null,
            AttributeExpressionSyntax attribute => Qualify(attribute.Expression, imports, selfModule) is { } left ? left + "." + attribute.Name : null,
            _ => null,
        };

    /// <summary>The top-level function or class a dotted name points at (<c>orders.views.order_detail</c>), or null.</summary>
    public ViewDefinition? Definition(string qualified, int depth = 0)
    {
        if (depth > 4) return null;
        var parts = qualified.Split('.');
        for (var split = parts.Length - 1; split >= 1; split--)
        {
            var file = FileOf(string.Join('.', parts[..split]));
            if (file == null) continue;
            if (split != parts.Length - 1) return null;
            var tree = Tree(file);
            if (tree == null) return null;
            foreach (var statement in tree.Root.Statements)
            {
                if (statement is FunctionDefinitionSyntax f && f.Name == parts[^1]) return new ViewDefinition(file, f.Span, f.Name, false);
                if (statement is ClassDefinitionSyntax c && c.Name == parts[^1]) return new ViewDefinition(file, c.Span, c.Name, true);
            }
            // Re-exported by an import: follow once more.
            var imports = Imports(file, tree.Root);
            return imports.TryGetValue(parts[^1], out var target) && target != qualified ? Definition(target, depth + 1) : null;
        }
        return null;
    }
}
