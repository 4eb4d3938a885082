using System.Text.RegularExpressions;
using DjangoLsp.Analysis.Dependencies.Versions;
using Microsoft.CodeAnalysis.Text;

namespace DjangoLsp.Analysis.Dependencies.Parsing;

/// <summary>
/// Reads one PEP 508 requirement (<c>name[extra1,extra2] (&gt;=1,&lt;2) ; markers</c>) and reports where its
/// parts are, relative to the start of the string. URL requirements (<c>name @ https://…</c>) are recognised and
/// give no version.
/// </summary>
public static partial class Pep508
{
    [GeneratedRegex(@"\G[A-Za-z0-9](?:[A-Za-z0-9._-]*[A-Za-z0-9])?", RegexOptions.CultureInvariant)]
    private static partial Regex ProjectNamePattern();

    public sealed record Requirement(
        string Name, int NameStart, string SpecifierText, int SpecifierStart, SpecifierSet? Specifiers,
        int PinStart, int PinLength, string? Markers, bool IsUrl);

    /// <summary>Parses <paramref name="text"/>; null with <paramref name="error"/> set when it is not a requirement.</summary>
    public static Requirement? TryParse(string text, out string? error)
    {
        error = null;
        var p = 0;
        SkipSpace(text, ref p);
        var name = ProjectNamePattern().Match(text, p);
        if (!name.Success) { error = "expected a project name"; return null; }
        var nameStart = p;
        p += name.Length;
        SkipSpace(text, ref p);
        if (p < text.Length && text[p] == '[')
        {
            var close = text.IndexOf(']', p);
            if (close < 0) { error = "unclosed '[' in extras"; return null; }
            p = close + 1;
            SkipSpace(text, ref p);
        }
        var semicolon = text.IndexOf(';', p);
        var body = semicolon >= 0 ? text[..semicolon] : text;
        string? markers = semicolon >= 0 ? text[(semicolon + 1)..].Trim() : null;
        if (p < body.Length && body[p] == '@')
            return new Requirement(name.Value, nameStart, "", p, null, -1, 0, markers, true);

        // Legacy form: name (>=1.0).
        var specStart = p;
        var specEnd = body.Length;
        while (specEnd > specStart && char.IsWhiteSpace(body[specEnd - 1])) specEnd--;
        if (specStart < specEnd && body[specStart] == '(')
        {
            if (body[specEnd - 1] != ')') { error = "unclosed '('"; return null; }
            specStart++;
            specEnd--;
            while (specStart < specEnd && char.IsWhiteSpace(body[specStart])) specStart++;
            while (specEnd > specStart && char.IsWhiteSpace(body[specEnd - 1])) specEnd--;
        }
        var specText = body[specStart..specEnd];
        if (specText.Length > 0 && specText[0] is not ('=' or '<' or '>' or '!' or '~'))
        {
            error = $"unexpected '{specText}' after the project name";
            return null;
        }
        if (!SpecifierSet.TryParse(specText, out var set)) { error = $"'{specText}' is not a valid version specifier"; return null; }
        var (pinStart, pinLength) = FindPin(specText);
        return new Requirement(name.Value, nameStart, specText, specStart, set,
            pinStart >= 0 ? specStart + pinStart : -1, pinLength, markers, false);
    }

    /// <summary>Where the version of an <c>==X</c>/<c>===X</c> clause sits in a specifier string ((-1, 0) for none).</summary>
    internal static (int Start, int Length) FindPin(string specText)
    {
        var offset = 0;
        foreach (var part in specText.Split(','))
        {
            var trimmed = part.TrimStart();
            var lead = part.Length - trimmed.Length;
            var op = trimmed.StartsWith("===", StringComparison.Ordinal) ? 3 : trimmed.StartsWith("==", StringComparison.Ordinal) ? 2 : 0;
            if (op > 0)
            {
                var i = lead + op;
                while (i < part.Length && char.IsWhiteSpace(part[i])) i++;
                var end = part.Length;
                while (end > i && char.IsWhiteSpace(part[end - 1])) end--;
                var version = part[i..end];
                if (!version.EndsWith(".*", StringComparison.Ordinal) && version.Length > 0) return (offset + i, end - i);
            }
            offset += part.Length + 1;
        }
        return (-1, 0);
    }

    private static void SkipSpace(string s, ref int p)
    {
        while (p < s.Length && s[p] is ' ' or '\t') p++;
    }

    /// <summary>Builds a <see cref="Dependency"/> from a requirement found at <paramref name="map"/>-mapped offsets.</summary>
    internal static Dependency ToDependency(Requirement r, Func<int, int, TextSpan> map, TextSpan lineSpan, bool hasHashes, string? section)
    {
        var nameSpan = map(r.NameStart, r.Name.Length);
        var specSpan = r.SpecifierText.Length > 0 ? map(r.SpecifierStart, r.SpecifierText.Length) : nameSpan;
        TextSpan? pin = r.PinStart >= 0 ? map(r.PinStart, r.PinLength) : null;
        return new Dependency(r.Name, nameSpan, r.SpecifierText, specSpan, r.IsUrl ? null : r.Specifiers, pin, lineSpan,
            HasHashes: hasHashes, Section: section);
    }
}
