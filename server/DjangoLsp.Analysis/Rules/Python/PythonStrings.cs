using System.Text;

namespace DjangoLsp.Analysis.Rules.Python;

/// <summary>Writes Python string literals for fixes.</summary>
internal static class PythonStrings
{
    /// <summary>A plain (non-f) literal for <paramref name="value"/>, single-quoted when <paramref name="preferSingle"/>.</summary>
    public static string Quote(string value, bool preferSingle = false)
    {
        var quote = preferSingle ? '\'' : '"';
        var sb = new StringBuilder().Append(quote);
        foreach (var c in value)
        {
            switch (c)
            {
                case '\\': sb.Append("\\\\"); break;
                case '\n': sb.Append("\\n"); break;
                case '\r': sb.Append("\\r"); break;
                case '\t': sb.Append("\\t"); break;
                default:
                    if (c == quote) sb.Append('\\');
                    sb.Append(c);
                    break;
            }
        }
        return sb.Append(quote).ToString();
    }
}
