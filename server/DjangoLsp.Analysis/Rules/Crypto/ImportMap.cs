using DjangoLsp.Python.Syntax;

namespace DjangoLsp.Analysis.Rules.Crypto;

/// <summary>
/// Which import lines a module has (local name → imported name, all import statements at any depth). Used only
/// by fixes, to add <c>import secrets</c> or <c>constant_time_compare</c> once; name resolution for rules goes
/// through the shared semantic model (<see cref="PythonFile.Semantics"/>).
/// </summary>
public sealed class ImportMap
{
    private readonly Dictionary<string, string> _names = new(StringComparer.Ordinal);

    public static ImportMap Build(SyntaxNode root)
    {
        var map = new ImportMap();
        foreach (var node in root.DescendantNodes())
        {
            switch (node)
            {
                case ImportStatementSyntax import:
                    foreach (var alias in import.Names)
                    {
                        var full = alias.Name.Name;
                        if (full.Length == 0) continue;
                        var asName = alias.AliasToken?.Text;
                        if (!string.IsNullOrEmpty(asName)) map._names[asName] = full;
                        else map._names[full.Split('.')[0]] = full.Split('.')[0];
                    }
                    break;
                case FromImportStatementSyntax from when !from.IsStarImport && from.Level == 0 && from.Module != null:
                    foreach (var alias in from.Names)
                    {
                        var name = alias.Name.Name;
                        if (name.Length == 0) continue;
                        var local = alias.AliasToken?.Text;
                        map._names[string.IsNullOrEmpty(local) ? name : local] = from.Module.Name + "." + name;
                    }
                    break;
            }
        }
        return map;
    }

    public bool TryGet(string localName, out string qualified) => _names.TryGetValue(localName, out qualified!);

    /// <summary>True when some local name is bound to <paramref name="qualified"/> (e.g. <c>secrets</c>).</summary>
    public bool Binds(string localName, string qualified) => _names.TryGetValue(localName, out var q) && q == qualified;
}
