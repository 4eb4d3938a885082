using System.Text.RegularExpressions;

namespace DjangoLsp.Analysis.Dependencies;

/// <summary>PEP 503 name normalisation: <c>Django_REST.framework</c> and <c>django-rest-framework</c> are one project.</summary>
public static class PackageName
{
    private static readonly Regex Separators = new("[-_.]+", RegexOptions.CultureInvariant);

    public static string Normalize(string name) => Separators.Replace(name.Trim(), "-").ToLowerInvariant();
}
