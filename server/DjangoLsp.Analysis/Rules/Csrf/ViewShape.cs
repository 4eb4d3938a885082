using DjangoLsp.Python.Syntax;

namespace DjangoLsp.Analysis.Rules.Csrf;

/// <summary>Decides statically whether a view changes state (handles POST, writes to the database) or only reads.</summary>
internal static class ViewShape
{
    private static readonly HashSet<string> WritingMethods = new(StringComparer.Ordinal)
    {
        "save", "delete", "update", "create", "get_or_create", "update_or_create", "bulk_create", "bulk_update", "set_password",
        "add", "remove", "send_mail", "login", "logout",
    };

    private static readonly HashSet<string> UnsafeHttpMethods = new(StringComparer.Ordinal) { "POST", "PUT", "PATCH", "DELETE" };

    private static readonly HashSet<string> RequestBodies = new(StringComparer.Ordinal) { "POST", "body", "FILES", "data" };

    /// <summary>What makes the view state-changing (for the message), or null when it only reads.</summary>
    public static string? StateChangingReason(SyntaxNode view, ImportedNames imports)
    {
        switch (view)
        {
            case FunctionDefinitionSyntax function:
                foreach (var decorator in function.Decorators)
                {
                    var target = decorator.Expression is CallExpressionSyntax call ? call.Expression : decorator.Expression;
                    var name = imports.Resolve(target) ?? (target as NameExpressionSyntax)?.Name;
                    if (name is null) continue;
                    if (name.EndsWith("require_POST", StringComparison.Ordinal)) return "it only accepts POST";
                    if (name.EndsWith("require_GET", StringComparison.Ordinal) || name.EndsWith("require_safe", StringComparison.Ordinal)) return null;
                    if (name.EndsWith("require_http_methods", StringComparison.Ordinal) && decorator.Expression is CallExpressionSyntax methods &&
                        methods.DescendantNodes().OfType<StringLiteralExpressionSyntax>().Any(s => s.Value is { } v && UnsafeHttpMethods.Contains(v.ToUpperInvariant())))
                        return "it accepts unsafe HTTP methods";
                }
                return BodyReason(function.Body);
            case ClassDefinitionSyntax cls:
                foreach (var method in cls.Body.Statements.OfType<FunctionDefinitionSyntax>())
                    if (method.Name is "post" or "put" or "patch" or "delete") return $"it defines {method.Name}()";
                foreach (var baseClass in cls.Arguments?.Arguments ?? (IReadOnlyList<ArgumentSyntax>)Array.Empty<ArgumentSyntax>())
                {
                    var text = baseClass.Expression.ToString();
                    if (text.Contains("Create", StringComparison.Ordinal) || text.Contains("Update", StringComparison.Ordinal) ||
                        text.Contains("Delete", StringComparison.Ordinal) || text.Contains("FormView", StringComparison.Ordinal) ||
                        text.Contains("ViewSet", StringComparison.Ordinal) || text.EndsWith("APIView", StringComparison.Ordinal))
                        return $"it derives from {text}";
                }
                return BodyReason(cls.Body);
            default:
                return null;
        }
    }

    private static string? BodyReason(SyntaxNode body)
    {
        foreach (var node in body.DescendantNodes())
        {
            switch (node)
            {
                case AttributeExpressionSyntax { Expression: NameExpressionSyntax { Name: "request" } } attribute when RequestBodies.Contains(attribute.Name):
                    return $"it reads request.{attribute.Name}";
                case CompareExpressionSyntax compare when compare.ToString().Contains("method", StringComparison.Ordinal) &&
                    compare.DescendantNodes().OfType<StringLiteralExpressionSyntax>().Any(s => s.Value is { } v && UnsafeHttpMethods.Contains(v)):
                    return "it handles POST requests";
                case CallExpressionSyntax { Expression: AttributeExpressionSyntax method } when WritingMethods.Contains(method.Name):
                    return $"it calls .{method.Name}()";
            }
        }
        return null;
    }
}
