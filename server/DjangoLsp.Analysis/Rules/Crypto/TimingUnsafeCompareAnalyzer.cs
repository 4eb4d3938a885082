using DjangoLsp.Analysis.Engine;
using DjangoLsp.Python.Syntax;

namespace DjangoLsp.Analysis.Rules.Crypto;

/// <summary>DJ420: <c>==</c>/<c>!=</c> on signatures, HMACs, tokens, API keys or passwords.</summary>
public sealed class TimingUnsafeCompareAnalyzer : PythonRuleAnalyzer
{
    public static readonly RuleDescriptor Descriptor = new(
        Id: "DJ420",
        Name: "timing-unsafe-secret-compare",
        DefaultSeverity: Severity.Warning,
        Category: RuleCategory.TimingCompare,
        Owasp2021: new[] { "A02:2021" },
        Owasp2025: new[] { "A04:2025" },
        Cwe: new[] { 208 },
        Summary: "A signature, HMAC, token, API key or password is compared with == instead of a constant-time comparison.",
        Documentation: """
            ## What it does
            Reports `a == b` and `a != b` where one side is a secret — named like a signature, HMAC, digest,
            token, API key, secret or password, or computed by `hmac.new(...).hexdigest()`/`.digest()` — and the
            other side is not a constant. Severity is *error* when the other side comes from the request
            (a signature header, a token query parameter), *warning* otherwise.

            Reported only with evidence that a guess meets a secret: an HMAC digest on one side, request data on
            one side, or secret-named values on both sides. A lone `token`/`digest` is not enough (lexers compare
            tokens with token types; integrity checks compare file digests, which are not secret).

            Not reported: comparisons with constants, classes and enum members (`token == Keyword`), `None` or `""` (`token == ""`), lengths (`len(token) == 32`),
            `request.method == "POST"`, names whose head word is not secret (`token_type`, `signature_version`),
            password confirmations (`password != password2`), class constants (`token == self.reset_url_token` where
            the class sets `reset_url_token = "set-password"`) and a value compared with something computed from
            itself (`csrf_token = sanitize(cookie_token); csrf_token != cookie_token`).

            ## Why it matters
            `==` on strings stops at the first differing character, so the response time leaks how many leading
            characters of a guess are right. Over many requests an attacker recovers a valid HMAC or token one
            character at a time.

            ## Example
            ```python
            expected = hmac.new(key, request.body, hashlib.sha256).hexdigest()
            if signature == expected:
                ...
            ```

            ## Fix
            ```python
            from django.utils.crypto import constant_time_compare

            if constant_time_compare(signature, expected):
                ...
            ```
            The quick fix rewrites `a == b` → `constant_time_compare(a, b)` and `a != b` →
            `not constant_time_compare(a, b)`, adding the import once. (`hmac.compare_digest` is equivalent.)

            ## References
            - Django: [`django.utils.crypto.constant_time_compare`](https://docs.djangoproject.com/en/stable/ref/utils/)
            - Python: [`hmac.compare_digest`](https://docs.python.org/3/library/hmac.html#hmac.compare_digest)
            - OWASP: [Web Security Testing Guide — Timing attacks](https://owasp.org/www-project-web-security-testing-guide/)
            - CWE-208: Observable Timing Discrepancy
            """,
        DjangoDocsUrl: "https://docs.djangoproject.com/en/stable/ref/utils/");

    public TimingUnsafeCompareAnalyzer() : base(Descriptor)
    {
    }

    private static readonly KeywordGroup Digest = SourceKeywords.Register("digest");

    protected override IEnumerable<Finding> Analyze(PythonFile file, CancellationToken cancellationToken)
    {
        // An HMAC digest is a `.digest()`/`.hexdigest()` call, so without the word no local needs its assignments
        // walked for one (that walk, for every name compared with ==, was most of this rule's cost).
        var mayHaveDigest = Digest.AnyIn(file.Document);
        foreach (var compare in file.Nodes.OfType<CompareExpressionSyntax>())
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (compare.Operands.Count != 1) continue;
            var op = compare.Operands[0].OperatorToken.Kind;
            if (op is not (SyntaxKind.EqualsEqualsToken or SyntaxKind.ExclamationEqualsToken)) continue;
            var left = compare.Left;
            var right = compare.Operands[0].Right;
            if (IsHarmlessSide(left) || IsHarmlessSide(right)) continue;
            var leftSecret = SecretText(file, left, mayHaveDigest);
            var rightSecret = SecretText(file, right, mayHaveDigest);
            var secret = leftSecret ?? rightSecret;
            if (secret == null) continue;
            IReadOnlyList<RelatedLocation> trace = Array.Empty<RelatedLocation>();
            var fromRequest = RequestData.IsFromRequest(file, left, out trace, cancellationToken) || RequestData.IsFromRequest(file, right, out trace, cancellationToken);
            // Evidence that a guess meets a secret: an HMAC on one side, the request on one side, or secrets on both.
            // A lone "token" or "digest" is too weak: lexers compare tokens with token types, and integrity
            // checks compare file digests, neither of which a timing attack can exploit.
            if (!(IsHmacDigestValue(file, left, mayHaveDigest) || IsHmacDigestValue(file, right, mayHaveDigest) || fromRequest || (leftSecret != null && rightSecret != null))) continue;
            // x.token == y.token (in __eq__) compares two objects, not a guess with a secret.
            if (left is AttributeExpressionSyntax la && right is AttributeExpressionSyntax ra && la.Name == ra.Name) continue;
            // password != password2: a confirmation check of two values the same user typed.
            if (SecretNames.IdentifiersOf(left).Any(SecretNames.MentionsPassword) && SecretNames.IdentifiersOf(right).Any(SecretNames.MentionsPassword)) continue;
            // token == self.marker where the class sets marker = "literal": a constant in disguise.
            if (IsClassConstant(left) || IsClassConstant(right)) continue;
            // csrf_token = sanitize(cookie_token); csrf_token != cookie_token: both sides are the same client value.
            if (IsDerivedFrom(left, right) || IsDerivedFrom(right, left)) continue;
            var negated = op == SyntaxKind.ExclamationEqualsToken;
            var call = $"constant_time_compare({left}, {right})";
            var replacement = negated ? "not " + call : call;
            if (negated && compare.Parent is BinaryExpressionSyntax or UnaryExpressionSyntax or CompareExpressionSyntax)
                replacement = "(" + replacement + ")";
            var fix = SourceEdits.Fix("Compare with constant_time_compare", true,
                SourceEdits.Replace(file, compare.Span, replacement),
                SourceEdits.AddImport(file, "from django.utils.crypto import constant_time_compare", "constant_time_compare",
                    "django.utils.crypto.constant_time_compare"));
            yield return new Finding(Rule, file.Path, compare.Span,
                $"'{secret}' compared with {(negated ? "!=" : "==")} leaks timing: use constant_time_compare().",
                fromRequest ? Severity.Error : Severity.Warning, trace, new[] { fix });
        }
    }

    private static bool IsHarmlessSide(ExpressionSyntax e) =>
        Syntactic.IsConstant(e) || (Syntactic.IsConstantName(e) && !SecretNames.IsSecretName(((NameExpressionSyntax)e).Name)) || IsTypeLike(e) ||
        e is CallExpressionSyntax { Expression: NameExpressionSyntax { Name: "len" or "type" or "bool" or "int" or "isinstance" } };

    /// <summary>The secret's name if <paramref name="e"/> is a secret value, else null.</summary>
    private static string? SecretText(PythonFile file, ExpressionSyntax e, bool mayHaveDigest)
    {
        if (mayHaveDigest && IsHmacDigest(file, e)) return e.ToString();
        var head = e switch
        {
            NameExpressionSyntax n => n.Name,
            AttributeExpressionSyntax a => a.Name,
            SubscriptExpressionSyntax { Index: StringLiteralExpressionSyntax { Value: { } key } } => key,
            CallExpressionSyntax c when SecretNames.IdentifiersOf(c).FirstOrDefault() is { } id && c.Expression is AttributeExpressionSyntax { Name: "get" } => id,
            _ => null,
        };
        if (head != null && SecretNames.IsSecretName(head) && SecretNames.Words(head)[^1] is not ("csrf" or "digest" or "nonce" or "salt")) return head;
        // A local assigned from hmac.new(...).hexdigest().
        if (mayHaveDigest && e is NameExpressionSyntax name && RequestData.LocalAssignments(name).Any(v => IsHmacDigest(file, v))) return name.Name;
        return null;
    }

    /// <summary><c>Keyword</c>, <c>Comment.Special</c>, <c>_ffi.NULL</c>: classes, enum members and sentinels.</summary>
    private static bool IsTypeLike(ExpressionSyntax e)
    {
        var last = e switch { NameExpressionSyntax n => n.Name, AttributeExpressionSyntax a => a.Name, _ => null };
        if (string.IsNullOrEmpty(last) || !char.IsUpper(last[0])) return false;
        var allCaps = last.All(c => !char.IsLetter(c) || char.IsUpper(c));
        return !allCaps || !SecretNames.IsSecretName(last);
    }

    /// <summary>An HMAC digest expression, or a local assigned from one.</summary>
    private static bool IsHmacDigestValue(PythonFile file, ExpressionSyntax e, bool mayHaveDigest) =>
        mayHaveDigest && (IsHmacDigest(file, e) || (e is NameExpressionSyntax name && RequestData.LocalAssignments(name).Any(v => IsHmacDigest(file, v))));

    private static bool IsClassConstant(ExpressionSyntax e)
    {
        if (e is not AttributeExpressionSyntax { Expression: NameExpressionSyntax { Name: "self" or "cls" } } attribute) return false;
        var cls = e.FirstAncestorOrSelf<ClassDefinitionSyntax>();
        return cls != null && cls.Body.Statements.OfType<AssignmentStatementSyntax>().Any(a =>
            Syntactic.IsConstant(a.Value) && a.Targets.Any(t => t is NameExpressionSyntax n && n.Name == attribute.Name));
    }

    private static bool IsDerivedFrom(ExpressionSyntax derived, ExpressionSyntax origin)
    {
        if (derived is not NameExpressionSyntax name || origin is not NameExpressionSyntax originName) return false;
        return RequestData.LocalAssignments(name).Any(v => v.DescendantNodesAndSelf().OfType<NameExpressionSyntax>().Any(n => n.Name == originName.Name));
    }

    private static bool IsHmacDigest(PythonFile file, ExpressionSyntax e) =>
        e is CallExpressionSyntax { Expression: AttributeExpressionSyntax { Name: "hexdigest" or "digest" } digest } &&
        digest.Expression is CallExpressionSyntax inner && file.CalleeName(inner) is "hmac.new" or "hmac.HMAC";
}
