using DjangoLsp.Python.Syntax;

namespace DjangoLsp.Analysis.Project;

/// <summary>Finds model classes in each local app's models.py and the fields that point at the user model.</summary>
internal static class ModelReader
{
    /// <summary>Field names that say "this row belongs to that user".</summary>
    public static readonly IReadOnlySet<string> OwnerNames = new HashSet<string>(StringComparer.Ordinal)
    {
        "user", "owner", "customer", "author", "created_by", "account", "buyer", "profile",
    };

    public static IReadOnlyDictionary<string, DjangoModel> Read(ModuleIndex modules, IReadOnlyList<string> apps, CancellationToken ct)
    {
        var models = new Dictionary<string, DjangoModel>(StringComparer.Ordinal);
        foreach (var app in apps)
        {
            ct.ThrowIfCancellationRequested();
            var package = app.EndsWith("Config", StringComparison.Ordinal) && app.Contains(".apps.", StringComparison.Ordinal) ? app[..app.IndexOf(".apps.", StringComparison.Ordinal)] : app;
            var file = modules.FileOf(package + ".models");
            var tree = file != null ? modules.Tree(file) : null;
            if (file == null || tree == null) continue;
            var imports = modules.Imports(file, tree.Root);
            foreach (var cls in tree.Root.Statements.OfType<ClassDefinitionSyntax>())
            {
                var owners = new List<string>();
                foreach (var assignment in cls.Body.Statements.OfType<AssignmentStatementSyntax>())
                {
                    if (assignment.Targets.FirstOrDefault() is not NameExpressionSyntax field || assignment.Value is not CallExpressionSyntax call) continue;
                    var kind = call.Expression switch
                    {
                        AttributeExpressionSyntax a => a.Name,
                        NameExpressionSyntax n => n.Name,
                        _ => "",
                    };
                    if (kind is not ("ForeignKey" or "OneToOneField")) continue;
                    var target = call.ArgumentList.Arguments.FirstOrDefault(a => !a.IsKeyword || a.NameToken?.Text == "to")?.Expression;
                    if (target != null && IsUserModel(target, imports) && (OwnerNames.Contains(field.Name) || field.Name.EndsWith("_by", StringComparison.Ordinal)))
                        owners.Add(field.Name);
                }
                models[cls.Name] = new DjangoModel(cls.Name, package + ".models." + cls.Name, file, cls.Span, owners);
            }
        }
        return models;
    }

    private static bool IsUserModel(ExpressionSyntax target, IReadOnlyDictionary<string, string> imports)
    {
        switch (target)
        {
            case AttributeExpressionSyntax { Name: "AUTH_USER_MODEL" }:
                return true;
            case StringLiteralExpressionSyntax { Value: { } s }:
                return s is "auth.User" or "User" || s.EndsWith(".User", StringComparison.Ordinal);
            case CallExpressionSyntax { Expression: NameExpressionSyntax { Name: "get_user_model" } }:
                return true;
            case NameExpressionSyntax name:
                return name.Name == "User" || imports.TryGetValue(name.Name, out var q) && q.EndsWith(".User", StringComparison.Ordinal);
            default:
                return false;
        }
    }
}
