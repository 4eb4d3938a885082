using System.Text.RegularExpressions;

namespace DjangoLsp.Analysis.Dependencies;

/// <summary>PEP 503 name normalisation: <c>Django_REST.framework</c> and <c>django-rest-framework</c> are one project.</summary>
public static partial class PackageName
{
    [GeneratedRegex("[-_.]+", RegexOptions.CultureInvariant)]
    private static partial Regex SeparatorsPattern();

    public static string Normalize(string name) => SeparatorsPattern().Replace(name.Trim(), "-").ToLowerInvariant();
}
