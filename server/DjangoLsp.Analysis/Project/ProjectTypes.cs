using DjangoLsp.Analysis.Settings;
using Microsoft.CodeAnalysis.Text;

namespace DjangoLsp.Analysis.Project;

/// <summary>A route parameter: <c>&lt;int:pk&gt;</c> gives (pk, int); a regex group <c>(?P&lt;pk&gt;[0-9]+)</c> gives (pk, regex).</summary>
public sealed partial record UrlParameter(string Name, string Converter)
{
    /// <summary>For a regex group: the group's pattern (<c>[0-9]{4}</c>); null for path converters or when not read.</summary>
    public string? Pattern { get; init; }

    /// <summary>
    /// Converters whose values cannot carry markup or path separators (the taint engine treats them as clean): int, uuid,
    /// and regex groups that match digits only (<c>[0-9]+</c>, <c>\d{4}</c>).
    /// </summary>
    public bool IsNonTextual => Converter is "int" or "uuid" || (Converter == "regex" && Pattern != null && DigitsOnly.IsMatch(Pattern));

    // Generated at build time (precompiled with the assembly): a RegexOptions.Compiled pattern is compiled to IL and
    // JIT-compiled on first use in every process, milliseconds of start-up each.
    private static readonly System.Text.RegularExpressions.Regex DigitsOnly = DigitsOnlyPattern();

    [System.Text.RegularExpressions.GeneratedRegex(@"^(?:(?:\\d|\[0-9\]|\[\\d\]|[0-9])(?:[+*?]|\{\d+(?:,\d*)?\})?)+$")]
    private static partial System.Text.RegularExpressions.Regex DigitsOnlyPattern();
}

/// <summary>Where a view is defined: file, the function or class, and (for class-based views) the class.</summary>
public sealed record ViewDefinition(string Path, TextSpan Span, string Name, bool IsClass);

/// <summary>
/// One URL pattern after following <c>include()</c>: the full pattern (prefixes joined), its parameters, the view's
/// qualified name as written through the imports (e.g. <c>orders.views.order_detail</c>) and its definition when found.
/// </summary>
public sealed record UrlRoute(
    string Pattern,
    IReadOnlyList<UrlParameter> Parameters,
    string? Name,
    string? Namespace,
    string? ViewQualifiedName,
    ViewDefinition? View,
    string UrlConfPath,
    TextSpan Span,
    IReadOnlyDictionary<string, string> AsViewArguments)
{
    /// <summary>The route is served by Django's admin site (admin.site.urls).</summary>
    public bool IsAdmin => ViewQualifiedName is { } q && q.EndsWith("site.urls", StringComparison.Ordinal);
}

/// <summary>A model class with the fields that tie a row to a user (ForeignKey/OneToOne to the user model).</summary>
public sealed record DjangoModel(string Name, string QualifiedName, string Path, TextSpan Span, IReadOnlyList<string> OwnerFields);

/// <summary>One Django project: a folder with manage.py (or a settings module named by DJANGO_SETTINGS_MODULE).</summary>
public sealed class DjangoProject
{
    public required string Root { get; init; }
    public required string? SettingsModule { get; init; }
    public required string? SettingsPath { get; init; }
    public EvaluatedSettings? Settings { get; init; }
    public required IReadOnlyList<string> InstalledApps { get; init; }
    public required IReadOnlyList<string> Middleware { get; init; }
    public required string? RootUrlConf { get; init; }
    /// <summary>Template directories in Django's lookup order: TEMPLATES DIRS, then each installed app's templates/ (when APP_DIRS).</summary>
    public required IReadOnlyList<string> TemplateDirectories { get; init; }
    public required bool AppDirs { get; init; }
    public required IReadOnlyList<UrlRoute> Routes { get; init; }
    public required IReadOnlyDictionary<string, DjangoModel> Models { get; init; }
    /// <summary>REST_FRAMEWORK["DEFAULT_PERMISSION_CLASSES"]; null when not set (DRF's default is AllowAny).</summary>
    public IReadOnlyList<string>? DefaultPermissionClasses { get; init; }
    public IReadOnlyList<string>? DefaultThrottleClasses { get; init; }
    /// <summary>Template name → views that render it (function or class definitions).</summary>
    public required IReadOnlyDictionary<string, IReadOnlyList<ViewDefinition>> TemplateViews { get; init; }

    public bool HasMiddleware(string suffix) => Middleware.Any(m => m.EndsWith(suffix, StringComparison.Ordinal));
    public bool HasApp(string name) => InstalledApps.Any(a => a == name || a.StartsWith(name + ".", StringComparison.Ordinal));

    /// <summary>The routes served by the function or class defined at <paramref name="path"/> named <paramref name="name"/>.</summary>
    public IEnumerable<UrlRoute> RoutesTo(string path, string name) =>
        Routes.Where(r => r.View is { } v && v.Name == name && SamePath(v.Path, path));

    /// <summary>
    /// For the taint engine: the converter of each URL parameter of the view (name → converter) over all its routes;
    /// a parameter is listed as non-textual only when every route gives it an int/uuid converter. Empty when unrouted.
    /// </summary>
    public IReadOnlyDictionary<string, UrlParameter> ParametersOf(string path, string viewName)
    {
        var result = new Dictionary<string, UrlParameter>(StringComparer.Ordinal);
        foreach (var parameter in RoutesTo(path, viewName).SelectMany(r => r.Parameters))
            result[parameter.Name] = result.TryGetValue(parameter.Name, out var seen) && !seen.IsNonTextual ? seen : parameter;
        return result;
    }

    internal static bool SamePath(string a, string b) =>
        string.Equals(System.IO.Path.GetFullPath(a), System.IO.Path.GetFullPath(b), StringComparison.Ordinal);
}
