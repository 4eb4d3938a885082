using DjangoLsp.Analysis.Engine;
using DjangoLsp.Python.Syntax;

namespace DjangoLsp.Analysis.Rules.Crypto;

/// <summary>DJ410: the <c>random</c> module (Mersenne Twister) producing a token, password, key, OTP, salt or reset code.</summary>
public sealed class InsecureRandomAnalyzer : PythonRuleAnalyzer
{
    public static readonly RuleDescriptor Descriptor = new(
        Id: "DJ410",
        Name: "insecure-random-for-secret",
        DefaultSeverity: Severity.Warning,
        Category: RuleCategory.WeakRandom,
        Owasp2021: new[] { "A02:2021" },
        Owasp2025: new[] { "A04:2025" },
        Cwe: new[] { 338, 330 },
        Summary: "A token, password, key, OTP, salt or reset code is generated with the predictable `random` module.",
        Documentation: """
            ## What it does
            Reports calls of the `random` module (`random.random`, `choice`, `choices`, `randint`, `randrange`,
            `getrandbits`, `sample`, `shuffle`, `uniform`, `random.Random()`) whose result becomes a secret: it is
            assigned to, passed as or returned by something named like a token, password, key, OTP, PIN, salt,
            nonce or reset/verification code (`reset_code = ...`, `token=...`, `def make_otp(): return ...`).

            Not reported: shuffling a product list, sampling for A/B tests or "you might also like" carousels,
            `random.SystemRandom()`, and anything in test files.

            ## Why it matters
            `random` is a Mersenne Twister: after 624 observed outputs an attacker can compute every past and
            future value, and seeds derived from time are guessable. A password-reset code generated with it can be
            predicted from codes the attacker requested for their own account.

            ## Example
            ```python
            def new_reset_code(length=32):
                return "".join(random.choice(ALPHABET) for _ in range(length))
            ```

            ## Fix
            ```python
            import secrets

            def new_reset_code(length=32):
                return "".join(secrets.choice(ALPHABET) for _ in range(length))
            ```
            The quick fix rewrites `random.choice(seq)` → `secrets.choice(seq)`, `random.randint(a, b)` →
            `secrets.randbelow(b - a + 1) + a`, `random.randrange(n)` → `secrets.randbelow(n)`,
            `random.getrandbits(k)` → `secrets.randbits(k)`, and adds `import secrets` once. For new code prefer
            `secrets.token_urlsafe()` or Django's `get_random_string()`.

            ## References
            - Python: [secrets — Generate secure random numbers](https://docs.python.org/3/library/secrets.html)
            - Django: [`django.utils.crypto.get_random_string`](https://docs.djangoproject.com/en/stable/topics/signing/)
            - OWASP: [Cryptographic Storage Cheat Sheet — secure random](https://cheatsheetseries.owasp.org/cheatsheets/Cryptographic_Storage_Cheat_Sheet.html#secure-random-number-generation)
            """,
        DjangoDocsUrl: "https://docs.djangoproject.com/en/stable/topics/signing/");

    private static readonly HashSet<string> RandomFunctions = new(StringComparer.Ordinal)
    {
        "random", "choice", "choices", "randint", "randrange", "getrandbits", "sample", "shuffle", "uniform", "randbytes", "Random",
    };

    public InsecureRandomAnalyzer() : base(Descriptor)
    {
    }

    private static readonly KeywordGroup Words = SourceKeywords.Register("random");

    protected override IEnumerable<Finding> Analyze(PythonFile file, CancellationToken cancellationToken)
    {
        // A random.* name needs an import that names the random module.
        if (file.IsTestFile || !Words.AnyIn(file.Document)) yield break;
        foreach (var call in file.Calls())
        {
            cancellationToken.ThrowIfCancellationRequested();
            var name = file.CalleeName(call);
            if (name == null || !name.StartsWith("random.", StringComparison.Ordinal)) continue;
            var function = name["random.".Length..];
            if (!RandomFunctions.Contains(function)) continue;
            var secret = SecretDestination(call);
            if (secret == null) continue;
            var fix = BuildFix(file, call, function);
            yield return Report(file, call.Span,
                $"`random.{function}` is predictable but its result becomes '{secret}': use the `secrets` module.",
                Severity.Warning, fix == null ? Array.Empty<CodeFix>() : new[] { fix });
        }
    }

    /// <summary>The secret-looking name the random value ends up in, or null.</summary>
    private static string? SecretDestination(CallExpressionSyntax call)
    {
        foreach (var name in Syntactic.DestinationNames(call))
            if (SecretNames.IsSecretName(name)) return name;
        if (Syntactic.EnclosingFunction(call) is { } function && SecretNames.IsSecretName(function.NameToken.Text))
            return function.NameToken.Text;
        return null;
    }

    private static CodeFix? BuildFix(PythonFile file, CallExpressionSyntax call, string function)
    {
        var args = call.ArgumentList.Arguments;
        if (args.Any(a => a.StarToken != null)) return null;
        string? replacement = null;
        switch (function)
        {
            case "choice" when args.Count == 1 && !args[0].IsKeyword:
                replacement = $"secrets.choice({args[0].Expression})";
                break;
            case "randint" when args.Count == 2 && args.All(a => !a.IsKeyword):
                var low = Operand(args[0].Expression);
                var high = Operand(args[1].Expression);
                replacement = $"secrets.randbelow({high} - {low} + 1) + {low}";
                if (call.Parent is BinaryExpressionSyntax or UnaryExpressionSyntax or AttributeExpressionSyntax or SubscriptExpressionSyntax)
                    replacement = "(" + replacement + ")";
                break;
            case "randrange" when args.Count == 1 && !args[0].IsKeyword:
                replacement = $"secrets.randbelow({args[0].Expression})";
                break;
            case "getrandbits" when args.Count == 1 && !args[0].IsKeyword:
                replacement = $"secrets.randbits({args[0].Expression})";
                break;
        }
        if (replacement == null) return null;
        return SourceEdits.Fix("Use the secrets module", true,
            SourceEdits.Replace(file, call.Span, replacement),
            SourceEdits.AddImport(file, "import secrets", "secrets", "secrets"));
    }

    private static string Operand(ExpressionSyntax e) =>
        e is NameExpressionSyntax or LiteralExpressionSyntax or AttributeExpressionSyntax or CallExpressionSyntax or SubscriptExpressionSyntax or ParenthesizedExpressionSyntax
            ? e.ToString()
            : "(" + e + ")";
}
