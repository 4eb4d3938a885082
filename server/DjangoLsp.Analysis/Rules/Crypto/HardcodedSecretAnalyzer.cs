using DjangoLsp.Analysis.Engine;
using DjangoLsp.Python.Syntax;

namespace DjangoLsp.Analysis.Rules.Crypto;

/// <summary>DJ440: passwords, API keys, tokens and signing keys written into the source as literals.</summary>
public sealed class HardcodedSecretAnalyzer : PythonRuleAnalyzer
{
    public static readonly RuleDescriptor Descriptor = new(
        Id: "DJ440",
        Name: "hardcoded-secret",
        DefaultSeverity: Severity.Warning,
        Category: RuleCategory.HardcodedSecret,
        Owasp2021: new[] { "A07:2021", "A02:2021" },
        Owasp2025: new[] { "A07:2025", "A04:2025" },
        Cwe: new[] { 798, 259, 321 },
        Summary: "A password, API key, token or signing key is a literal in the source code.",
        Documentation: """
            ## What it does
            Reports a non-empty string literal of at least 8 characters given to something named like a
            credential:
            - assignments: `DB_PASSWORD = "..."`, `STRIPE_API_KEY = "..."`, `SECRET_KEY = "..."` (outside settings modules);
            - dict entries: `"PASSWORD": "..."` in `DATABASES`, `"api_key": "..."`, and `Authorization` headers
              with a literal bearer/basic credential;
            - keyword arguments: `connect(password="...")`, `Client(api_key="...")`, `token="..."`.

            Not reported: empty strings, values read from the environment (`os.environ[...]`,
            `os.environ.get(...)`, `env("...")`), literals with spaces (messages, help texts), obvious placeholders
            (`changeme`, `your-api-key`, `<password>`, `xxxxxxxx`, `dummy…`, `example…`), identifier-like
            values that name where a secret is kept (`SESSION_TOKEN_KEY = "_password_reset_token"`, all lower-case
            letters with `_`/`-`) — a placeholder is
            not a leaked secret, and the settings rules already flag weak/default `SECRET_KEY` values — and test
            files (`tests.py`, `test_*.py`, `tests/`), where fixture credentials are normal.

            `SECRET_KEY` in settings modules (`settings.py`, `settings/*.py`, `*_settings.py`) is left to the
            settings rule for Django's `security.W009` (DJ5xx) so it is reported once; database and API passwords in
            settings modules are reported here.

            ## Why it matters
            Source code is copied to every developer laptop, CI runner, container image and backup, and often ends up
            public. A credential in it cannot be rotated without a deployment, and every past commit keeps it.

            ## Example
            ```python
            DATABASES = {"default": {"ENGINE": "django.db.backends.postgresql", "PASSWORD": "Sh0p-Adm1n-2024!"}}
            ```

            ## Fix
            ```python
            DATABASES = {"default": {"ENGINE": "django.db.backends.postgresql", "PASSWORD": os.environ["DB_PASSWORD"]}}
            ```
            Then rotate the leaked credential: removing it from the code does not remove it from history.
            No automatic fix is offered (the value has to move somewhere the deployment provides).

            ## References
            - Django: [Deployment checklist — SECRET_KEY](https://docs.djangoproject.com/en/stable/howto/deployment/checklist/#secret-key)
            - OWASP: [Secrets Management Cheat Sheet](https://cheatsheetseries.owasp.org/cheatsheets/Secrets_Management_Cheat_Sheet.html)
            - CWE-798: Use of Hard-coded Credentials
            """,
        DjangoDocsUrl: "https://docs.djangoproject.com/en/stable/howto/deployment/checklist/#secret-key");

    private static readonly string[] PlaceholderParts =
    {
        "changeme", "change-me", "change_me", "changethis", "your-", "your_", "yourpassword", "<", "${", "{{", "xxxx", "****", "dummy", "example",
        "placeholder", "replace", "insert", "todo", "fixme", "secret-key-here", "password-here", "redacted", "notasecret", "not-a-secret",
    };

    public HardcodedSecretAnalyzer() : base(Descriptor)
    {
    }

    protected override IEnumerable<Finding> Analyze(PythonFile file, CancellationToken cancellationToken)
    {
        if (file.IsTestFile) yield break;
        foreach (var node in file.Nodes.Nodes)
        {
            cancellationToken.ThrowIfCancellationRequested();
            switch (node)
            {
                case AssignmentStatementSyntax assignment when assignment.Value is StringLiteralExpressionSyntax literal:
                    foreach (var target in assignment.Targets)
                        if (SecretNames.HeadIdentifier(target) is { } name && Check(file, name, literal) is { } f1) { yield return f1; break; }
                    break;
                case AnnotatedAssignmentStatementSyntax { Value: StringLiteralExpressionSyntax annotatedLiteral } annotated:
                    if (SecretNames.HeadIdentifier(annotated.Target) is { } annotatedName && Check(file, annotatedName, annotatedLiteral) is { } f2) yield return f2;
                    break;
                case DictEntrySyntax { Key: StringLiteralExpressionSyntax { Value: { } key }, Value: StringLiteralExpressionSyntax entryLiteral }:
                    if (key.Equals("Authorization", StringComparison.OrdinalIgnoreCase))
                    {
                        var value = entryLiteral.Value ?? "";
                        var credential = value.Contains(' ', StringComparison.Ordinal) ? value[(value.IndexOf(' ', StringComparison.Ordinal) + 1)..] : value;
                        if (LooksLikeSecret(credential))
                            yield return Report(file, entryLiteral.Span, "Hard-coded credential in an Authorization header: read it from the environment or a secrets store.", Severity.Warning);
                    }
                    else if (Check(file, key, entryLiteral) is { } f3) yield return f3;
                    break;
                case ArgumentSyntax { NameToken: { } keyword, Expression: StringLiteralExpressionSyntax argumentLiteral }:
                    if (Check(file, keyword.Text, argumentLiteral) is { } f4) yield return f4;
                    break;
            }
        }
    }

    private Finding? Check(PythonFile file, string name, StringLiteralExpressionSyntax literal)
    {
        // Most string values are short (LooksLikeSecret needs 8 characters): settle them before the name's words.
        if (literal.Value is not { Length: >= 8 }) return null;
        if (!IsCredentialName(name)) return null;
        if (name.Equals("SECRET_KEY", StringComparison.OrdinalIgnoreCase) && file.IsSettingsFile) return null;
        if (literal.Value is not { } value || !LooksLikeSecret(value)) return null;
        return Report(file, literal.Span, $"Hard-coded secret for '{name}': read it from the environment or a secrets store, and rotate it.", Severity.Warning);
    }

    private static bool IsCredentialName(string name)
    {
        if (!SecretNames.IsSecretName(name)) return false;
        // Names for things derived from or describing secrets, not secrets themselves.
        var head = SecretNames.Words(name)[^1];
        return head is not ("digest" or "signature" or "sig" or "mac" or "hmac" or "csrf" or "salt" or "nonce");
    }

    private static bool LooksLikeSecret(string value)
    {
        if (value.Length < 8) return false;
        if (value.Any(char.IsWhiteSpace)) return false;
        if (value.Distinct().Count() <= 2) return false;
        var lower = value.ToLowerInvariant();
        if (PlaceholderParts.Any(p => lower.Contains(p, StringComparison.Ordinal))) return false;
        // Format strings, URLs names and dotted paths are configuration, not credentials.
        if (value.Contains("%(", StringComparison.Ordinal) || value.Contains("{}", StringComparison.Ordinal)) return false;
        if (value.All(c => char.IsLetter(c) || c is '_' or '.') && value.Contains('.', StringComparison.Ordinal)) return false;
        // Regular expressions ('[^\W\d]\w*') describe tokens; they are not tokens.
        if (value.Contains("\\w", StringComparison.Ordinal) || value.Contains("\\d", StringComparison.Ordinal) || value.Contains("\\s", StringComparison.Ordinal) || value.StartsWith("[^", StringComparison.Ordinal))
            return false;
        // Identifier-like names ('_password_reset_token', 'set-password', '_csrftoken') are keys *under which* a
        // secret is stored, not the secret; real credentials mix in digits, capitals or symbols.
        if (value.All(c => char.IsAsciiLetterLower(c) || c is '_' or '-') && (value[0] == '_' || value.Contains('_', StringComparison.Ordinal) || value.Contains('-', StringComparison.Ordinal)))
            return false;
        return true;
    }
}
