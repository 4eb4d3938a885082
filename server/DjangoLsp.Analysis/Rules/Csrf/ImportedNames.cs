using DjangoLsp.Python.Syntax;

namespace DjangoLsp.Analysis.Rules.Csrf;

/// <summary>
/// Maps the names a module binds with import statements to the qualified names they stand for, so
/// <c>@csrf_exempt</c>, <c>@ce</c> (<c>import ... as ce</c>) and <c>@csrf.csrf_exempt</c> resolve alike. Names the
/// module did not import resolve to null (a local function called <c>csrf_exempt</c> is not Django's).
/// </summary>
internal sealed class ImportedNames
{
    private readonly Dictionary<string, string> _qualified = new(StringComparer.Ordinal);

    public ImportedNames(ModuleSyntax module)
    {
        foreach (var node in module.DescendantNodes())
        {
            switch (node)
            {
                // A module-level def/class of the same name (after the import) shadows it.
                case FunctionDefinitionSyntax function when function.Ancestors().FirstOrDefault(a => a is StatementSyntax) == null:
                    _qualified.Remove(function.Name);
                    break;
                case ClassDefinitionSyntax cls when cls.Ancestors().FirstOrDefault(a => a is StatementSyntax) == null:
                    _qualified.Remove(cls.Name);
                    break;
                case ImportStatementSyntax import:
                    foreach (var alias in import.Names)
                    {
                        var full = alias.Name.Name;
                        if (alias.AliasToken is { } asName) _qualified[asName.Text] = full;
                        else if (full.Length > 0) _qualified[full.Split('.')[0]] = full.Split('.')[0];
                    }
                    break;
                case FromImportStatementSyntax { Level: 0, Module: { } from } fromImport when !fromImport.IsStarImport:
                    foreach (var alias in fromImport.Names)
                        _qualified[alias.AliasToken?.Text ?? alias.Name.Name] = from.Name + "." + alias.Name.Name;
                    break;
            }
        }
    }

    /// <summary>The qualified name of a name/attribute chain, e.g. <c>django.views.decorators.csrf.csrf_exempt</c>.</summary>
    public string? Resolve(ExpressionSyntax expression)
    {
        switch (expression)
        {
            case NameExpressionSyntax name:
                return _qualified.TryGetValue(name.Name, out var q) ? q : null;
            case AttributeExpressionSyntax attribute:
                return Resolve(attribute.Expression) is { } left ? left + "." + attribute.Name : null;
            default:
                return null;
        }
    }
}
