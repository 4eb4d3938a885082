namespace DjangoLsp.Analysis.Rules.Python;

/// <summary>Builds the user documentation of a rule in the common shape: what, why, example, fix, references.</summary>
internal static class RuleDocs
{
    public static string Build(string what, string why, string vulnerable, string fixedCode, params string[] references)
    {
        var refs = string.Join("\n", references.Select(r => "- " + r));
        return $"""
            ## What it does
            {what}

            ## Why is this bad?
            {why}

            ## Example
            ```python
            {Indent(vulnerable)}
            ```

            ## Use instead
            ```python
            {Indent(fixedCode)}
            ```

            ## References
            {Indent(refs)}
            """;
    }

    private static string Indent(string text) => text.Trim('\n');

    public const string OwaspInjection2021 = "A03:2021";
    public const string OwaspInjection2025 = "A05:2025";
    public const string OwaspCheatSheetSql = "[OWASP SQL Injection Prevention Cheat Sheet](https://cheatsheetseries.owasp.org/cheatsheets/SQL_Injection_Prevention_Cheat_Sheet.html)";
    public const string OwaspCheatSheetXss = "[OWASP XSS Prevention Cheat Sheet](https://cheatsheetseries.owasp.org/cheatsheets/Cross_Site_Scripting_Prevention_Cheat_Sheet.html)";
    public const string OwaspCheatSheetRedirect = "[OWASP Unvalidated Redirects and Forwards Cheat Sheet](https://cheatsheetseries.owasp.org/cheatsheets/Unvalidated_Redirects_and_Forwards_Cheat_Sheet.html)";
    public const string OwaspCheatSheetCommand = "[OWASP OS Command Injection Defense Cheat Sheet](https://cheatsheetseries.owasp.org/cheatsheets/OS_Command_Injection_Defense_Cheat_Sheet.html)";
    public const string OwaspCheatSheetDeserialization = "[OWASP Deserialization Cheat Sheet](https://cheatsheetseries.owasp.org/cheatsheets/Deserialization_Cheat_Sheet.html)";
    public const string OwaspCheatSheetSsrf = "[OWASP SSRF Prevention Cheat Sheet](https://cheatsheetseries.owasp.org/cheatsheets/Server_Side_Request_Forgery_Prevention_Cheat_Sheet.html)";
    public const string OwaspPathTraversal = "[OWASP Path Traversal](https://owasp.org/www-community/attacks/Path_Traversal)";
}
