using DjangoLsp.Analysis.Engine;
using DjangoLsp.Analysis.Semantics;
using DjangoLsp.Python.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace DjangoLsp.Analysis.Rules.Crypto;

/// <summary>
/// DJ402: a weak Django password hasher chosen in code — <c>make_password(pw, hasher="md5")</c>, <c>get_hasher("sha1")</c>,
/// a weak hasher class used directly, or <c>PASSWORD_HASHERS</c> with a weak default passed to <c>override_settings</c> /
/// <c>settings.configure</c>. Settings modules' own <c>PASSWORD_HASHERS</c> are DJ522's; test files are not reported.
/// </summary>
public sealed class WeakHasherInCodeAnalyzer : PythonRuleAnalyzer
{
    public static readonly RuleDescriptor Descriptor = new(
        Id: "DJ402",
        Name: "weak-password-hasher-in-code",
        DefaultSeverity: Severity.Warning,
        Category: RuleCategory.WeakCrypto,
        Owasp2021: new[] { "A02:2021", "A07:2021" },
        Owasp2025: new[] { "A04:2025", "A07:2025" },
        Cwe: new[] { 916, 328 },
        Summary: "Code stores passwords with a weak Django hasher (MD5, SHA1, unsalted or crypt) instead of the PASSWORD_HASHERS default.",
        Documentation: """
            ## What it does
            Reports code that picks one of Django's weak password hashers — `md5`, `unsalted_md5`, `sha1`, `unsalted_sha1`,
            `crypt` (`MD5PasswordHasher`, `UnsaltedMD5PasswordHasher`, `SHA1PasswordHasher`, `UnsaltedSHA1PasswordHasher`,
            `CryptPasswordHasher`):

            - `make_password(password, hasher="md5")` (or the hasher as third positional argument),
            - `get_hasher("sha1")`, and a weak hasher class instantiated directly (`MD5PasswordHasher().encode(...)`),
            - `PASSWORD_HASHERS` whose first (default) entry is weak, passed to `override_settings(...)`, `settings.configure(...)`
              or assigned to `settings.PASSWORD_HASHERS` outside tests.

            Which files: test files (`tests.py`, `test_*.py`, `*_test.py`, `conftest.py`, anything under `tests/`) are not
            reported — Django's testing documentation recommends `MD5PasswordHasher` there to make tests fast. The
            `PASSWORD_HASHERS` setting of a settings module is checked by DJ522 (an error for deployed settings; test and
            development settings modules such as `test_settings.py` or `settings/test.py` are not reported), so the two
            rules never report the same line.

            ## Why it matters
            These hashers are fast (billions of guesses per second on a GPU), and the unsalted ones give equal passwords
            equal hashes: a leaked user table is cracked in hours. Django keeps them only to verify and upgrade old hashes;
            `UnsaltedMD5PasswordHasher`, `UnsaltedSHA1PasswordHasher`, `SHA1PasswordHasher` and `CryptPasswordHasher` were
            deprecated and removed from Django for this reason. A hasher chosen in code bypasses the project's
            `PASSWORD_HASHERS` default, so upgrading the setting does not fix these passwords.

            ## Example
            ```python
            from django.contrib.auth.hashers import make_password

            profile.pin_hash = make_password(form.cleaned_data["pin"], hasher="md5")
            ```

            ## Fix
            ```python
            profile.pin_hash = make_password(form.cleaned_data["pin"])   # the PASSWORD_HASHERS default (PBKDF2/Argon2)
            ```
            The quick-fix removes the `hasher` argument. Existing hashes keep working: `check_password` reads the
            algorithm from the stored value and upgrades it to the default on the next successful login.

            ## References
            - Django: [Password management — using Argon2, upgrading hashes](https://docs.djangoproject.com/en/stable/topics/auth/passwords/)
            - Django: [Speeding up the tests (MD5 in test settings only)](https://docs.djangoproject.com/en/stable/topics/testing/overview/#speeding-up-the-tests)
            - OWASP: [Password Storage Cheat Sheet](https://cheatsheetseries.owasp.org/cheatsheets/Password_Storage_Cheat_Sheet.html)
            - CWE-916: Use of Password Hash With Insufficient Computational Effort
            """,
        DjangoDocsUrl: "https://docs.djangoproject.com/en/stable/topics/auth/passwords/");

    private const string Hashers = "django.contrib.auth.hashers.";

    /// <summary>Algorithm names (as make_password/get_hasher take them) → hasher class.</summary>
    private static readonly Dictionary<string, string> WeakAlgorithms = new(StringComparer.Ordinal)
    {
        ["md5"] = "MD5PasswordHasher",
        ["unsalted_md5"] = "UnsaltedMD5PasswordHasher",
        ["sha1"] = "SHA1PasswordHasher",
        ["unsalted_sha1"] = "UnsaltedSHA1PasswordHasher",
        ["crypt"] = "CryptPasswordHasher",
    };

    private static readonly HashSet<string> WeakClasses = new(WeakAlgorithms.Values, StringComparer.Ordinal);

    public WeakHasherInCodeAnalyzer() : base(Descriptor)
    {
    }

    private static readonly KeywordGroup Words = SourceKeywords.Register("Hasher", "hasher");

    protected override IEnumerable<Finding> Analyze(PythonFile file, CancellationToken cancellationToken)
    {
        if (file.IsTestFile) yield break;
        if (!Words.AnyIn(file.Document)) yield break;
        foreach (var call in file.Calls())
        {
            cancellationToken.ThrowIfCancellationRequested();
            var name = file.CalleeName(call);
            if (name == null) continue;
            if (name == Hashers + "make_password")
            {
                var argument = call.GetArgument(2, "hasher");
                if (argument != null && Weak(file, argument.Expression) is { } algorithm)
                    yield return Report(file, argument.Span,
                        $"make_password(..., hasher=\"{algorithm}\") stores this password with {WeakAlgorithms[algorithm]}, a fast hash cracked in hours; leave out hasher= to use the PASSWORD_HASHERS default.",
                        Severity.Warning, RemoveArgument(file, call, argument));
            }
            else if (name == Hashers + "get_hasher")
            {
                var argument = call.GetArgument(0, "algorithm");
                if (argument != null && Weak(file, argument.Expression) is { } algorithm)
                    yield return Report(file, argument.Span,
                        $"get_hasher(\"{algorithm}\") selects {WeakAlgorithms[algorithm]}, a fast password hash; use get_hasher() (the PASSWORD_HASHERS default).",
                        Severity.Warning);
            }
            else if (name.StartsWith(Hashers, StringComparison.Ordinal) && WeakClasses.Contains(name[Hashers.Length..]))
            {
                yield return Report(file, call.Expression.Span,
                    $"{name[Hashers.Length..]} hashes passwords with a fast, crackable algorithm; use make_password() with the PASSWORD_HASHERS default.",
                    Severity.Warning);
            }
            else if (name.EndsWith("override_settings", StringComparison.Ordinal) || name == "django.conf.settings.configure")
            {
                if (call.GetKeywordArgument("PASSWORD_HASHERS")?.Expression is { } list && WeakDefault(file, list) is { } first)
                    yield return Report(file, first.Span, DefaultMessage(file, first), Severity.Warning);
            }
        }
        foreach (var assignment in file.Tree.Root.DescendantNodes().OfType<AssignmentStatementSyntax>())
        {
            if (!assignment.Targets.Any(t => t is AttributeExpressionSyntax { Name: "PASSWORD_HASHERS" } a && file.QualifiedName(a) == "django.conf.settings.PASSWORD_HASHERS")) continue;
            if (WeakDefault(file, assignment.Value) is { } first) yield return Report(file, first.Span, DefaultMessage(file, first), Severity.Warning);
        }
    }

    private static string DefaultMessage(PythonFile file, ExpressionSyntax first) =>
        $"PASSWORD_HASHERS starts with {file.Semantics.GetConstantString(first)!.Split('.')[^1]}: every new password is stored with a fast, crackable hash (only tests should do this).";

    /// <summary>The weak algorithm name a constant string argument selects, or null.</summary>
    private static string? Weak(PythonFile file, ExpressionSyntax expression) =>
        file.Semantics.GetConstantString(expression) is { } value && WeakAlgorithms.ContainsKey(value) ? value : null;

    /// <summary>The first element of a list/tuple of hasher paths when it is a weak hasher, or null.</summary>
    private static ExpressionSyntax? WeakDefault(PythonFile file, ExpressionSyntax expression)
    {
        if (expression.Unparenthesize() is not CollectionExpressionSyntax { Elements.Count: > 0 } list) return null;
        var first = list.Elements[0];
        var path = file.Semantics.GetConstantString(first);
        return path != null && path.StartsWith(Hashers, StringComparison.Ordinal) && WeakClasses.Contains(path[Hashers.Length..]) ? first : null;
    }

    /// <summary>Deletes <c>, hasher="md5"</c> (the argument and the comma before it).</summary>
    private static CodeFix RemoveArgument(PythonFile file, CallExpressionSyntax call, ArgumentSyntax argument)
    {
        var arguments = call.ArgumentList.Arguments;
        var index = arguments.ToList().IndexOf(argument);
        var start = index > 0 ? arguments[index - 1].Span.End : argument.Span.Start;
        var end = index > 0 ? argument.Span.End : index + 1 < arguments.Count ? arguments[index + 1].Span.Start : argument.Span.End;
        return SourceEdits.Fix("Use the PASSWORD_HASHERS default (remove hasher=)", true,
            SourceEdits.Replace(file, TextSpan.FromBounds(start, end), ""));
    }
}
