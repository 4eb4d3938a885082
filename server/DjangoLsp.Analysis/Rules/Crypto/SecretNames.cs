using System.Text;
using DjangoLsp.Python.Syntax;

namespace DjangoLsp.Analysis.Rules.Crypto;

/// <summary>
/// Judges identifiers by their words (<c>reset_code</c>, <c>apiKey</c> → reset, code / api, key). The last word
/// is the head noun: <c>token_type</c> is a type, <c>csrf_token</c> is a token. This is what keeps
/// <c>cache_key</c>, <c>password_help_text</c> and <c>signature_version</c> out of the findings.
/// </summary>
public static class SecretNames
{
    private static readonly HashSet<string> PasswordWords = new(StringComparer.Ordinal) { "password", "passwd", "pwd", "passphrase", "pass", "pw" };

    private static readonly HashSet<string> SecretHeads = new(StringComparer.Ordinal)
    {
        "token", "secret", "password", "passwd", "pwd", "passphrase", "otp", "totp", "hotp", "nonce", "salt", "apikey",
        "signature", "hmac", "mac", "digest", "pin", "csrf", "credential", "credentials",
    };

    // "session" is deliberately absent: SESSION_KEY / LANGUAGE_SESSION_KEY name a key *in* the session store.
    private static readonly HashSet<string> KeyQualifiers = new(StringComparer.Ordinal)
    {
        "api", "secret", "private", "signing", "sign", "encryption", "encrypt", "access", "auth", "hmac", "crypto", "aes", "master",
    };

    private static readonly HashSet<string> CodeQualifiers = new(StringComparer.Ordinal)
    {
        "reset", "verification", "verify", "confirmation", "confirm", "activation", "activate", "otp", "auth", "login", "invite",
        "invitation", "recovery", "security", "sms", "magic", "one", "2fa", "mfa", "unlock",
    };

    /// <summary>Lower-case words of an identifier: snake_case, camelCase, dashes, dots and trailing digits all split.</summary>
    public static IReadOnlyList<string> Words(string identifier)
    {
        var words = new List<string>();
        var current = new StringBuilder();
        char previous = '\0';
        foreach (var c in identifier)
        {
            if (!char.IsLetterOrDigit(c))
            {
                Flush();
            }
            else
            {
                if (char.IsUpper(c) && current.Length > 0 && char.IsLower(previous)) Flush();
                else if (char.IsDigit(c) && current.Length > 0 && char.IsLetter(previous)) Flush();   // password2 → password, 2
                current.Append(char.ToLowerInvariant(c));
            }
            previous = c;
        }
        Flush();
        return words;

        void Flush()
        {
            if (current.Length > 0) words.Add(current.ToString());
            current.Clear();
        }
    }

    /// <summary>A name for something that must stay unguessable: tokens, keys, passwords, OTPs, salts, reset codes.</summary>
    public static bool IsSecretName(string identifier)
    {
        // Rules ask about the same few thousand names in every file (every keyword argument and dict key with a string
        // value), and splitting one into words allocates a list, a builder and a string per word. The answers are
        // remembered, bounded in number and length so that a long session or odd dict keys cannot grow it without end.
        if (SecretNameAnswers.TryGetValue(identifier, out var known)) return known;
        var answer = ComputeIsSecretName(identifier);
        if (identifier.Length <= 64 && Interlocked.Increment(ref _secretNameAnswerCount) <= MaxSecretNameAnswers) SecretNameAnswers.TryAdd(identifier, answer);
        return answer;
    }

    private const int MaxSecretNameAnswers = 50_000;
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, bool> SecretNameAnswers = new(StringComparer.Ordinal);
    private static int _secretNameAnswerCount;

    private static bool ComputeIsSecretName(string identifier)
    {
        var words = Words(identifier);
        if (words.Count == 0) return false;
        var head = words[^1];
        if (head.All(char.IsDigit) && words.Count > 1) head = words[^2];
        if (SecretHeads.Contains(head)) return head != "pass" || words.Count == 1;
        if (words.Count >= 2 && head is "key" or "keys" && KeyQualifiers.Contains(words[^2])) return true;
        if (head is "code" or "codes" && words.Take(words.Count - 1).Any(CodeQualifiers.Contains)) return true;
        if (head is "key" && words.Count == 1) return false;
        if (identifier.Equals("SECRET_KEY", StringComparison.OrdinalIgnoreCase)) return true;
        return false;
    }

    /// <summary>A name for a password (any word, not only the head: <c>password_md5</c> still holds one).</summary>
    public static bool MentionsPassword(string identifier)
    {
        var words = Words(identifier);
        return words.Any(w => w is "password" or "passwd" or "passphrase" or "pwd") ||
               (words.Count == 1 && PasswordWords.Contains(words[0]));
    }

    /// <summary>
    /// The identifiers an expression "is about": its names, attribute names and constant subscript keys
    /// (<c>form.cleaned_data["password"]</c> → cleaned_data, password). Stops at calls other than pass-through
    /// conversions, so <c>len(password)</c> is about a length, not a password.
    /// </summary>
    public static IEnumerable<string> IdentifiersOf(ExpressionSyntax expression)
    {
        switch (expression)
        {
            case NameExpressionSyntax name:
                yield return name.Name;
                break;
            case AttributeExpressionSyntax attribute:
                yield return attribute.Name;
                foreach (var id in IdentifiersOf(attribute.Expression)) yield return id;
                break;
            case SubscriptExpressionSyntax subscript:
                if (subscript.Index is StringLiteralExpressionSyntax { Value: { } key }) yield return key;
                foreach (var id in IdentifiersOf(subscript.Expression)) yield return id;
                break;
            case ParenthesizedExpressionSyntax parenthesized:
                foreach (var id in IdentifiersOf(parenthesized.Expression)) yield return id;
                break;
            case CallExpressionSyntax call:
                // x.encode(), str(x), x.get("password") keep the value; anything else makes a new one.
                if (call.Expression is AttributeExpressionSyntax { Name: "encode" or "strip" or "lower" or "upper" } method)
                    foreach (var id in IdentifiersOf(method.Expression)) yield return id;
                else if (call.Expression is AttributeExpressionSyntax { Name: "get" or "pop" or "getlist" } getter &&
                         call.ArgumentList.Arguments.FirstOrDefault()?.Expression is StringLiteralExpressionSyntax { Value: { } getKey })
                {
                    yield return getKey;
                    foreach (var id in IdentifiersOf(getter.Expression)) yield return id;
                }
                else if (call.Expression is NameExpressionSyntax { Name: "str" or "bytes" or "repr" } &&
                         call.ArgumentList.Arguments.FirstOrDefault()?.Expression is { } converted)
                    foreach (var id in IdentifiersOf(converted)) yield return id;
                break;
        }
    }

    /// <summary>The most specific identifier of an expression: the attribute name, subscript key or variable name.</summary>
    public static string? HeadIdentifier(ExpressionSyntax expression) => IdentifiersOf(expression).FirstOrDefault();
}
