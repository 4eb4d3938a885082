using DjangoLsp.Analysis.Engine;
using DjangoLsp.Analysis.Settings;
using DjangoLsp.Analysis.Syntax;
using DjangoLsp.Python.Syntax;

namespace DjangoLsp.Analysis.Rules.Settings;

/// <summary>
/// Statically resolves <c>CSRF_FAILURE_VIEW</c> (a dotted path) to its definition in the workspace, the way Django's
/// <c>get_callable</c> would import it, without running Python. Paths into packages that are not in the workspace
/// (Django itself, installed apps) are not judged.
/// </summary>
internal static class CsrfFailureView
{
    public const string Setting = "CSRF_FAILURE_VIEW";
    private const string DjangoDefault = "django.views.csrf.csrf_failure";

    /// <summary>What the dotted path leads to.</summary>
    public abstract record Resolution;

    /// <summary>Django could not import it: <see cref="Why"/> says what is missing.</summary>
    public sealed record NotImportable(string Path, string Why) : Resolution;

    /// <summary>A plain <c>def</c> in a workspace module (its signature can be judged).</summary>
    public sealed record Function(string Path, string File, FunctionDefinitionSyntax Definition) : Resolution;

    /// <summary>Not judged: the default, a third-party module, a computed value, or a name bound some other way.</summary>
    public sealed record NotJudged : Resolution;

    private static readonly NotJudged Nothing = new();

    public static Resolution Resolve(SettingsCheckContext context)
    {
        if (context.Binding(Setting) == null) return Nothing;
        var value = context.Value(Setting).Effective;
        if (value.Kind != PyValueKind.Str) return Nothing;
        var path = value.StrValue!.Trim();
        if (path == DjangoDefault || path.Length == 0) return path.Length == 0 ? new NotImportable(path, "it is empty") : Nothing;
        var dot = path.LastIndexOf('.');
        if (dot < 0) return new NotImportable(path, "it is not a dotted path (Django needs 'package.module.view')");
        var module = path[..dot];
        var name = path[(dot + 1)..];
        if (module.Length == 0 || name.Length == 0 || module.Split('.').Any(p => p.Length == 0))
            return new NotImportable(path, "it is not a valid dotted path");

        var file = ModuleResolver.Candidates(context.Settings.Path, 0, module, context.WorkspaceRoot)
            .FirstOrDefault(c => context.Document(c) != null);
        if (file == null)
        {
            return IsWorkspacePackage(context, module.Split('.')[0])
                ? new NotImportable(path, $"module '{module}' does not exist in the project")
                : Nothing;
        }

        var document = context.Document(file)!;
        var tree = document.GetPythonSyntax();
        return Find(tree.Root.Statements, name) switch
        {
            Binding.None => new NotImportable(path, $"module '{module}' has no '{name}'"),
            Binding.Def def => new Function(path, file, def.Definition),
            _ => Nothing,
        };
    }

    /// <summary>
    /// Whether the first package of a dotted path is part of the workspace: a module or package file under the
    /// workspace root or a folder above the settings module, or the folder that holds the settings module itself.
    /// </summary>
    private static bool IsWorkspacePackage(SettingsCheckContext context, string package)
    {
        var settingsPath = Path.GetFullPath(context.Settings.Path);
        foreach (var root in Roots(context))
        {
            var folder = Path.Combine(root, package);
            if (context.Document(folder + ".py") != null || context.Document(Path.Combine(folder, "__init__.py")) != null) return true;
            if (settingsPath.StartsWith(folder + Path.DirectorySeparatorChar, StringComparison.Ordinal)) return true;
        }
        return false;
    }

    /// <summary>The folders above the settings module up to the workspace root (two levels when there is no root).</summary>
    private static IEnumerable<string> Roots(SettingsCheckContext context)
    {
        var root = context.WorkspaceRoot is { } r ? Path.GetFullPath(r).TrimEnd(Path.DirectorySeparatorChar) : null;
        var dir = Path.GetDirectoryName(Path.GetFullPath(context.Settings.Path));
        for (var i = 0; dir != null && i < 8; i++, dir = Path.GetDirectoryName(dir))
        {
            if (root != null && !(dir + Path.DirectorySeparatorChar).StartsWith(root + Path.DirectorySeparatorChar, StringComparison.Ordinal)) yield break;
            yield return dir;
            if (root == null && i >= 1) yield break;
        }
    }

    private abstract record Binding
    {
        public sealed record None : Binding;
        public sealed record Def(FunctionDefinitionSyntax Definition) : Binding;
        public sealed record Other : Binding;
    }

    /// <summary>The last module-level binding of <paramref name="name"/>; conditional blocks and star imports make it unknown.</summary>
    private static Binding Find(IEnumerable<StatementSyntax> statements, string name)
    {
        Binding found = new Binding.None();
        foreach (var statement in statements)
        {
            switch (statement)
            {
                case FunctionDefinitionSyntax def when def.Name == name:
                    found = new Binding.Def(def);
                    break;
                case ClassDefinitionSyntax cls when cls.Name == name:
                    found = new Binding.Other();
                    break;
                case FunctionDefinitionSyntax or ClassDefinitionSyntax:
                    break;
                case FromImportStatementSyntax { IsStarImport: true }:
                    if (found is Binding.None) found = new Binding.Other();
                    break;
                case FromImportStatementSyntax from when from.Names.Any(n => (n.AliasToken?.Text ?? n.Name.Name) == name):
                case ImportStatementSyntax import when import.Names.Any(n => (n.AliasToken?.Text ?? n.Name.Name.Split('.')[0]) == name):
                    found = new Binding.Other();
                    break;
                case CompoundStatementSyntax compound:
                    // if/try/with/for at module level: a binding inside may or may not run.
                    if (compound.DescendantNodes().Any(n => n is FunctionDefinitionSyntax f && f.Name == name || n is ClassDefinitionSyntax c && c.Name == name
                            || n is NameExpressionSyntax ne && ne.Name == name
                            || n is ImportAliasSyntax alias && (alias.AliasToken?.Text ?? alias.Name.Name.Split('.')[0]) == name)
                        || compound.DescendantNodes().OfType<FromImportStatementSyntax>().Any(f => f.IsStarImport))
                        found = new Binding.Other();
                    break;
                default:
                    if (statement.DescendantNodes().OfType<NameExpressionSyntax>().Any(n => n.Name == name && IsAssignedTarget(n)))
                        found = new Binding.Other();
                    break;
            }
        }
        return found;
    }

    private static bool IsAssignedTarget(NameExpressionSyntax name)
    {
        SyntaxNode node = name;
        for (var parent = name.Parent; parent != null; node = parent, parent = parent.Parent)
        {
            switch (parent)
            {
                case AssignmentStatementSyntax assignment:
                    return assignment.Targets.Any(t => ReferenceEquals(t, node));
                case AnnotatedAssignmentStatementSyntax annotated:
                    return ReferenceEquals(annotated.Target, node);
                case NamedExpressionSyntax walrus:
                    return ReferenceEquals(walrus.Target, node);
                case CollectionExpressionSyntax or ParenthesizedExpressionSyntax or StarredExpressionSyntax:
                    continue; // a, b = ... / [a, b] = ...
                default:
                    return false;
            }
        }
        return false;
    }
}
