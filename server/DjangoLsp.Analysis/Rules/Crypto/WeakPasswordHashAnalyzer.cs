using DjangoLsp.Analysis.Engine;
using DjangoLsp.Python.Syntax;

namespace DjangoLsp.Analysis.Rules.Crypto;

/// <summary>DJ401: MD5/SHA-1 (or any bare fast hash) applied to a password.</summary>
public sealed class WeakPasswordHashAnalyzer : PythonRuleAnalyzer
{
    public static readonly RuleDescriptor Descriptor = new(
        Id: "DJ401",
        Name: "weak-hash-for-password",
        DefaultSeverity: Severity.Warning,
        Category: RuleCategory.WeakCrypto,
        Owasp2021: new[] { "A02:2021", "A07:2021" },
        Owasp2025: new[] { "A04:2025", "A07:2025" },
        Cwe: new[] { 916, 327, 328 },
        Summary: "A password is hashed with a fast digest (MD5, SHA-1, bare SHA-2) instead of Django's password hashers.",
        Documentation: """
            ## What it does
            Reports `hashlib.md5(...)`, `hashlib.sha1(...)`, bare `hashlib.sha256(...)`/`sha512(...)` and `hashlib.new("md5" | "sha1", ...)` when the hashed
            value is a password: the argument or the variable/field the digest is stored in is named like a
            password (`password`, `passwd`, `pwd`, `cleaned_data["password"]`, `legacy_password_md5`).

            Hashes of other data — cache keys, ETags, file fingerprints — are not reported, and neither is any call
            that passes `usedforsecurity=False`.

            ## Why it matters
            MD5 and SHA-1 are fast and unsalted here: a GPU tries billions of guesses per second, and equal
            passwords get equal hashes, so a leaked table is cracked with precomputed lists in minutes. Password
            storage needs a slow, salted, tunable function (PBKDF2, Argon2, bcrypt, scrypt).

            ## Example
            ```python
            digest = hashlib.md5(password.encode()).hexdigest()
            if digest == user.profile.password_md5: ...
            ```

            ## Fix
            ```python
            from django.contrib.auth.hashers import check_password, make_password

            user.profile.password_hash = make_password(password)        # PBKDF2/Argon2 from PASSWORD_HASHERS
            if check_password(password, user.profile.password_hash): ...
            ```
            To migrate legacy MD5 hashes, check them once at login and immediately re-store the password with
            `user.set_password(password)` (Django's own "password upgrade" pattern) — then delete the MD5 column.

            No automatic fix is offered: switching the algorithm changes what is stored.

            Weak `PASSWORD_HASHERS` in settings files are reported by the settings rules (DJ5xx).

            ## References
            - Django: [Password management](https://docs.djangoproject.com/en/stable/topics/auth/passwords/)
            - OWASP: [Password Storage Cheat Sheet](https://cheatsheetseries.owasp.org/cheatsheets/Password_Storage_Cheat_Sheet.html)
            - CWE-916: Use of Password Hash With Insufficient Computational Effort
            """,
        DjangoDocsUrl: "https://docs.djangoproject.com/en/stable/topics/auth/passwords/");

    private static readonly HashSet<string> WeakAlgorithms = new(StringComparer.OrdinalIgnoreCase) { "md5", "sha1", "sha-1", "md4", "sha224", "sha256", "sha512" };

    public WeakPasswordHashAnalyzer() : base(Descriptor)
    {
    }

    private static readonly KeywordGroup Words = SourceKeywords.Register("hashlib");

    protected override IEnumerable<Finding> Analyze(PythonFile file, CancellationToken cancellationToken)
    {
        // A hashlib.* name needs an import that names hashlib: no qualified names to resolve without one.
        if (!Words.AnyIn(file.Document)) yield break;
        foreach (var call in file.Calls())
        {
            cancellationToken.ThrowIfCancellationRequested();
            var name = file.CalleeName(call);
            if (name == null || !name.StartsWith("hashlib.", StringComparison.Ordinal)) continue;
            string algorithm;
            ExpressionSyntax? data;
            if (name == "hashlib.new")
            {
                if (Syntactic.Argument(call, 0, "name") is not StringLiteralExpressionSyntax { Value: { } algo }) continue;
                algorithm = algo;
                data = Syntactic.Argument(call, 1, "data");
            }
            else
            {
                algorithm = name["hashlib.".Length..];
                data = Syntactic.Argument(call, 0, "string") ?? Syntactic.Argument(call, 0, "data");
            }
            if (!WeakAlgorithms.Contains(algorithm)) continue;
            if (Syntactic.KeywordArgument(call, "usedforsecurity")?.Expression is { } used && Syntactic.IsLiteral(used, SyntaxKind.FalseKeyword)) continue;
            var aboutPassword = (data != null && SecretNames.IdentifiersOf(data).Any(SecretNames.MentionsPassword)) ||
                                Syntactic.DestinationNames(OutermostChain(call)).Any(SecretNames.MentionsPassword) ||
                                UpdatedWithPassword(call);
            if (!aboutPassword) continue;
            yield return Report(file, call.Span,
                $"Password hashed with {algorithm.ToUpperInvariant()}: use Django's make_password/check_password (PBKDF2/Argon2), not a fast unsalted hash.",
                Severity.Warning);
        }
    }

    /// <summary><c>hashlib.md5(x).hexdigest()</c>: the destination is judged for the whole chain.</summary>
    private static ExpressionSyntax OutermostChain(CallExpressionSyntax call)
    {
        ExpressionSyntax current = call;
        while (current.Parent is AttributeExpressionSyntax attribute && attribute.Parent is CallExpressionSyntax outer && outer.Expression == attribute)
            current = outer;
        return current;
    }

    /// <summary><c>h = hashlib.md5(); h.update(password)</c>.</summary>
    private static bool UpdatedWithPassword(CallExpressionSyntax call)
    {
        if (call.Parent is not AssignmentStatementSyntax assignment || assignment.Targets.FirstOrDefault() is not NameExpressionSyntax target) return false;
        var scope = (SyntaxNode?)call.FirstAncestorOrSelf<FunctionDefinitionSyntax>() ?? call.SyntaxTree?.Root;
        if (scope == null) return false;
        return scope.DescendantNodes().OfType<CallExpressionSyntax>().Any(c =>
            c.Span.Start > call.Span.End &&
            c.Expression is AttributeExpressionSyntax { Name: "update", Expression: NameExpressionSyntax receiver } && receiver.Name == target.Name &&
            Syntactic.PositionalArgument(c, 0) is { } arg && SecretNames.IdentifiersOf(arg).Any(SecretNames.MentionsPassword));
    }
}
