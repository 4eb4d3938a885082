using DjangoLsp.Analysis.Engine;

namespace DjangoLsp.Analysis.Rules.Templates;

/// <summary>Shared catalog data for the template rules: OWASP mappings and reference links.</summary>
internal static class TemplateRuleSupport
{
    public static readonly IReadOnlyList<string> XssOwasp2021 = new[] { "A03:2021" };
    public static readonly IReadOnlyList<string> XssOwasp2025 = new[] { "A05:2025" };
    public static readonly IReadOnlyList<string> CsrfOwasp2021 = new[] { "A01:2021" };
    public static readonly IReadOnlyList<string> CsrfOwasp2025 = new[] { "A01:2025" };

    public const string AutoescapeDocs = "https://docs.djangoproject.com/en/stable/ref/templates/language/#automatic-html-escaping";
    public const string EscapejsDocs = "https://docs.djangoproject.com/en/stable/ref/templates/builtins/#escapejs";
    public const string JsonScriptDocs = "https://docs.djangoproject.com/en/stable/ref/templates/builtins/#json-script";
    public const string SafeDocs = "https://docs.djangoproject.com/en/stable/ref/templates/builtins/#safe";
    public const string CsrfDocs = "https://docs.djangoproject.com/en/stable/ref/csrf/";
    public const string OwaspXssCheatSheet = "https://cheatsheetseries.owasp.org/cheatsheets/Cross_Site_Scripting_Prevention_Cheat_Sheet.html";
    public const string OwaspCsrfCheatSheet = "https://cheatsheetseries.owasp.org/cheatsheets/Cross-Site_Request_Forgery_Prevention_Cheat_Sheet.html";

    public static RuleDescriptor Xss(string id, string name, Severity severity, int[] cwe, string summary, string documentation, string djangoDocs) =>
        new(id, name, severity, RuleCategory.XssTemplate, XssOwasp2021, XssOwasp2025, cwe, summary, documentation, djangoDocs);
}
