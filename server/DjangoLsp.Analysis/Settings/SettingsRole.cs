namespace DjangoLsp.Analysis.Settings;

/// <summary>Which environment a settings module is for, decided from its file name.</summary>
public enum SettingsRole
{
    /// <summary>Deployed (production.py, prod.py, staging.py) or unknown (a single settings.py): deployment checks apply.</summary>
    Production,
    /// <summary>Developer machines and test runs (local.py, dev.py, test.py, ci.py): deployment checks do not apply.</summary>
    Development,
    /// <summary>Shared by every environment (base.py, common.py): reported only for what the production module inherits.</summary>
    Shared,
}

/// <summary>Decides whether a Python file is a settings module and which <see cref="SettingsRole"/> it has.</summary>
public static class SettingsFiles
{
    private static readonly HashSet<string> DevelopmentWords = new(StringComparer.Ordinal)
    {
        "local", "locals", "dev", "devel", "develop", "development", "test", "tests", "testing", "ci", "debug", "docker_dev",
    };

    private static readonly HashSet<string> SharedWords = new(StringComparer.Ordinal) { "base", "common", "defaults", "default", "shared", "core" };

    /// <summary>The role for <paramref name="path"/> (e.g. <c>settings/local.py</c> → development).</summary>
    public static SettingsRole RoleOf(string path)
    {
        var name = Path.GetFileNameWithoutExtension(path).ToLowerInvariant();
        if (name == "__init__") return SettingsRole.Production;
        var words = name.Split('_', '-', '.').Where(w => w.Length > 0 && w != "settings").ToList();
        if (words.Any(DevelopmentWords.Contains)) return SettingsRole.Development;
        if (words.Count > 0 && words.All(SharedWords.Contains)) return SettingsRole.Shared;
        return SettingsRole.Production;
    }

    /// <summary>
    /// True when the file looks like a Django settings module: its name or folder says "settings" and it assigns a
    /// setting Django always needs (or star-imports one), or it assigns several core settings whatever its name.
    /// </summary>
    public static bool IsSettingsModule(string path, Python.Syntax.ModuleSyntax module)
    {
        // Django's own defaults (ALLOWED_HOSTS = [], MIDDLEWARE = [], ...): every project overrides them in its
        // settings module, so they describe no deployment (seen when scanning an installed Django).
        if (path.Replace('\\', '/').EndsWith("/django/conf/global_settings.py", StringComparison.Ordinal)) return false;
        var file = Path.GetFileNameWithoutExtension(path).ToLowerInvariant();
        var folder = Path.GetFileName(Path.GetDirectoryName(path) ?? "")?.ToLowerInvariant() ?? "";
        var named = file == "settings" || file.StartsWith("settings_", StringComparison.Ordinal) || file.EndsWith("_settings", StringComparison.Ordinal)
            || folder == "settings";
        var core = 0;
        var starImport = false;
        foreach (var statement in module.Statements)
        {
            switch (statement)
            {
                case Python.Syntax.AssignmentStatementSyntax assignment:
                    foreach (var target in assignment.Targets)
                        if (target is Python.Syntax.NameExpressionSyntax n && CoreSettings.Contains(n.Name)) core++;
                    break;
                case Python.Syntax.FromImportStatementSyntax { IsStarImport: true }:
                    starImport = true;
                    break;
            }
        }
        return named ? core > 0 || starImport : core >= 3;
    }

    private static readonly HashSet<string> CoreSettings = new(StringComparer.Ordinal)
    {
        "SECRET_KEY", "DEBUG", "ALLOWED_HOSTS", "INSTALLED_APPS", "MIDDLEWARE", "ROOT_URLCONF", "DATABASES", "WSGI_APPLICATION",
        "TEMPLATES", "STATIC_URL", "AUTH_PASSWORD_VALIDATORS",
    };
}
