using System.Text;
using System.Text.RegularExpressions;

namespace DjangoLsp.Analysis.Engine;

/// <summary>
/// gitignore-flavoured globs on forward-slash relative paths: <c>*</c> within a segment, <c>**</c> across
/// segments, <c>?</c> one character. A pattern without a slash matches any path segment (like .gitignore).
/// </summary>
public static class Glob
{
    private static readonly Dictionary<string, Regex> Cache = new();
    private static readonly object Gate = new();

    public static bool IsMatch(string pattern, string relativePath)
    {
        Regex regex;
        lock (Gate)
        {
            if (!Cache.TryGetValue(pattern, out regex!))
                Cache[pattern] = regex = new Regex(ToRegex(pattern), RegexOptions.CultureInvariant);
        }
        return regex.IsMatch(relativePath.Replace('\\', '/').TrimStart('/'));
    }

    private static string ToRegex(string pattern)
    {
        var p = pattern.Trim().Replace('\\', '/');
        var anchored = p.TrimEnd('/').Contains('/');
        p = p.Trim('/');
        var sb = new StringBuilder(anchored ? "^" : "(^|/)");
        for (var i = 0; i < p.Length; i++)
        {
            var c = p[i];
            if (c == '*' && i + 1 < p.Length && p[i + 1] == '*')
            {
                i++;
                if (i + 1 < p.Length && p[i + 1] == '/') { i++; sb.Append("(.*/)?"); }
                else sb.Append(".*");
            }
            else if (c == '*') sb.Append("[^/]*");
            else if (c == '?') sb.Append("[^/]");
            else sb.Append(Regex.Escape(c.ToString()));
        }
        sb.Append("(/.*)?$");
        return sb.ToString();
    }
}
