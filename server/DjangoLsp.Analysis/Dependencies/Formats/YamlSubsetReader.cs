using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace DjangoLsp.Analysis.Dependencies.Formats;

/// <summary>
/// Reads the block-style YAML that OSV advisories are kept in (the PyPA advisory repository): nested mappings,
/// sequences (including <c>- key: value</c> items and sequences at their parent key's indentation), plain
/// scalars folded over several lines, single- and double-quoted scalars, <c>|</c>/<c>&gt;</c> block scalars and
/// simple flow collections (<c>[]</c>, <c>{}</c>, <c>[a, b]</c>). Scalars stay strings. Anchors, tags and
/// multi-document streams are not supported (throws <see cref="FormatException"/>).
/// Result: <c>Dictionary&lt;string, object?&gt;</c>, <c>List&lt;object?&gt;</c>, <c>string</c> or null.
/// </summary>
public static class YamlSubsetReader
{
    private static readonly Regex KeyPattern = new(@"^(?<key>""(?:[^""\\]|\\.)*""|'(?:[^']|'')*'|[^\s'""#\-\[\]{}][^:#]*?|-[^\s:][^:#]*?)\s*:(?:\s+|$)(?<rest>.*)$", RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture);

    public static object? Parse(string text)
    {
        var lines = new List<Line>();
        var raw = text.Replace("\r\n", "\n").Split('\n');
        foreach (var l in raw)
        {
            var indent = 0;
            while (indent < l.Length && l[indent] == ' ') indent++;
            if (indent < l.Length && l[indent] == '\t') throw new FormatException("tabs are not allowed for indentation");
            lines.Add(new Line(indent, l[indent..].TrimEnd(), l));
        }
        var reader = new Reader(lines);
        reader.SkipBlank();
        if (reader.AtEnd) return null;
        if (reader.Current.Content == "---") { reader.Index++; reader.SkipBlank(); }
        var value = reader.ParseNode(reader.Current.Indent, 0);
        reader.SkipBlank();
        if (!reader.AtEnd && reader.Current.Content != "...")
            throw new FormatException($"unexpected content at line {reader.Index + 1}: '{reader.Current.Content}'");
        return value;
    }

    private sealed class Line
    {
        public Line(int indent, string content, string raw)
        {
            Indent = indent;
            Content = content;
            Raw = raw;
        }

        public int Indent;
        public string Content;
        public readonly string Raw;
        public bool IsBlank => Content.Length == 0 || Content[0] == '#';
    }

    private sealed class Reader
    {
        private const int MaxDepth = 64;
        private readonly List<Line> _lines;

        public Reader(List<Line> lines) => _lines = lines;

        public int Index;
        public bool AtEnd => Index >= _lines.Count;
        public Line Current => _lines[Index];

        public void SkipBlank()
        {
            while (!AtEnd && Current.IsBlank) Index++;
        }

        public object? ParseNode(int indent, int depth)
        {
            if (depth > MaxDepth) throw new FormatException("nested too deeply");
            SkipBlank();
            if (AtEnd) return null;
            var line = Current;
            if (IsSequenceItem(line.Content)) return ParseSequence(line.Indent, depth);
            if (KeyPattern.IsMatch(line.Content)) return ParseMapping(line.Indent, depth);
            Index++;
            return ParseScalarValue(line.Content, indent - 1);
        }

        private static bool IsSequenceItem(string content) => content == "-" || content.StartsWith("- ", StringComparison.Ordinal);

        private List<object?> ParseSequence(int indent, int depth)
        {
            var items = new List<object?>();
            while (true)
            {
                SkipBlank();
                if (AtEnd || Current.Indent != indent || !IsSequenceItem(Current.Content)) break;
                var line = Current;
                var rest = line.Content.Length > 1 ? line.Content[2..] : "";
                var restTrimmed = rest.TrimStart();
                if (restTrimmed.Length == 0)
                {
                    Index++;
                    SkipBlank();
                    items.Add(!AtEnd && Current.Indent > indent ? ParseNode(Current.Indent, depth + 1) : null);
                    continue;
                }
                // "- key: value" or "- - x": the item is a node starting at the column after the dash.
                var column = indent + 1 + (rest.Length - restTrimmed.Length) + 1;
                if (KeyPattern.IsMatch(restTrimmed) || IsSequenceItem(restTrimmed))
                {
                    line.Indent = column;
                    line.Content = restTrimmed;
                    items.Add(ParseNode(column, depth + 1));
                    continue;
                }
                Index++;
                items.Add(ParseScalarValue(restTrimmed, indent));
            }
            return items;
        }

        private Dictionary<string, object?> ParseMapping(int indent, int depth)
        {
            var map = new Dictionary<string, object?>(StringComparer.Ordinal);
            while (true)
            {
                SkipBlank();
                if (AtEnd || Current.Indent != indent) break;
                var m = KeyPattern.Match(Current.Content);
                if (!m.Success) break;
                var key = Unquote(m.Groups["key"].Value.Trim());
                var rest = m.Groups["rest"].Value.Trim();
                // A '#' inside a quoted scalar is text ("… ### Impact …"), not a comment.
                if (rest.Length > 0 && rest[0] is not ('"' or '\'')) rest = StripComment(rest).Trim();
                Index++;
                if (rest.Length == 0)
                {
                    SkipBlank();
                    // A sequence may sit at the same indentation as its key (PyYAML's default style).
                    if (!AtEnd && (Current.Indent > indent || Current.Indent == indent && IsSequenceItem(Current.Content)))
                        map[key] = ParseNode(Current.Indent, depth + 1);
                    else map[key] = null;
                }
                else map[key] = ParseScalarValue(rest, indent);
            }
            return map;
        }

        /// <summary>A scalar (or flow collection) that starts on the current line after a key or dash, possibly continuing on more-indented lines.</summary>
        private object? ParseScalarValue(string first, int parentIndent)
        {
            if (first is "|" or ">" || first.Length <= 3 && (first.StartsWith('|') || first.StartsWith('>')))
                return ParseBlockScalar(first, parentIndent);
            if (first[0] == '"' || first[0] == '\'')
                return ParseQuoted(first);
            if (first[0] is '[' or '{')
                return ParseFlow(first);
            var sb = new StringBuilder(first);
            // Plain scalars fold over following lines that are more indented than the parent.
            while (!AtEnd && (Current.Indent > parentIndent && !Current.IsBlank || Current.Content.Length == 0 && NextNonBlankIndent() > parentIndent))
            {
                if (Current.Content.Length == 0) { sb.Append('\n'); Index++; continue; }
                if (sb.Length > 0 && sb[^1] != '\n') sb.Append(' ');
                sb.Append(StripComment(Current.Content).Trim());
                Index++;
            }
            var value = sb.ToString().Replace(" \n", "\n");
            return value is "~" or "null" or "Null" or "NULL" ? null : value;
        }

        private int NextNonBlankIndent()
        {
            for (var i = Index; i < _lines.Count; i++)
                if (_lines[i].Content.Length > 0) return _lines[i].Indent;
            return -1;
        }

        /// <summary>A quoted scalar; the line holding <paramref name="first"/> is already consumed, continuation lines are consumed here.</summary>
        private string ParseQuoted(string first)
        {
            var quote = first[0];
            var sb = new StringBuilder();
            var text = first[1..];
            while (true)
            {
                var escapedLineBreak = false;
                for (var i = 0; i < text.Length; i++)
                {
                    var c = text[i];
                    if (c == quote)
                    {
                        if (quote == '\'' && i + 1 < text.Length && text[i + 1] == '\'') { sb.Append('\''); i++; continue; }
                        return sb.ToString();
                    }
                    if (quote == '"' && c == '\\')
                    {
                        if (i + 1 >= text.Length) { escapedLineBreak = true; break; }
                        var e = text[++i];
                        switch (e)
                        {
                            case 'n': sb.Append('\n'); break;
                            case 't': sb.Append('\t'); break;
                            case 'r': sb.Append('\r'); break;
                            case '0': sb.Append('\0'); break;
                            case 'a': sb.Append('\a'); break;
                            case 'b': sb.Append('\b'); break;
                            case 'e': sb.Append('\u001b'); break;
                            case 'f': sb.Append('\f'); break;
                            case 'v': sb.Append('\v'); break;
                            case '_': sb.Append('\u00a0'); break;
                            case 'N': sb.Append('\u0085'); break;
                            case 'L': sb.Append('\u2028'); break;
                            case 'P': sb.Append('\u2029'); break;
                            case 'x' or 'u' or 'U':
                            {
                                var n = e == 'x' ? 2 : e == 'u' ? 4 : 8;
                                if (i + n < text.Length && int.TryParse(text.AsSpan(i + 1, n), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var code)
                                    && code <= 0x10FFFF && code is < 0xD800 or > 0xDFFF)
                                    sb.Append(char.ConvertFromUtf32(code));
                                i += n;
                                break;
                            }
                            default: sb.Append(e); break;   // \" \\ \/ and "\ "
                        }
                        continue;
                    }
                    sb.Append(c);
                }
                // The scalar goes on: a line break folds to a space, empty lines become newlines.
                var emptyLines = 0;
                while (!AtEnd && Current.Content.Length == 0) { emptyLines++; Index++; }
                if (AtEnd) throw new FormatException("unterminated quoted scalar");
                if (emptyLines > 0) sb.Append('\n', emptyLines);
                else if (!escapedLineBreak) sb.Append(' ');
                text = Current.Content.TrimStart();
                Index++;
            }
        }

        private string? ParseBlockScalar(string header, int parentIndent)
        {
            var literal = header[0] == '|';
            var chomp = header.Length > 1 ? header[1] : ' ';
            var collected = new List<string>();
            var blockIndent = -1;
            while (!AtEnd)
            {
                var line = Current;
                if (line.Content.Length == 0) { collected.Add(""); Index++; continue; }
                if (line.Indent <= parentIndent) break;
                if (blockIndent < 0) blockIndent = line.Indent;
                if (line.Indent < blockIndent) break;
                collected.Add(line.Raw.TrimEnd('\r').Length > blockIndent ? line.Raw[blockIndent..].TrimEnd('\r') : "");
                Index++;
            }
            var trailingBlank = 0;
            while (collected.Count > 0 && collected[^1].Length == 0) { collected.RemoveAt(collected.Count - 1); trailingBlank++; }
            string body;
            if (literal) body = string.Join("\n", collected);
            else
            {
                var sb = new StringBuilder();
                for (var i = 0; i < collected.Count; i++)
                {
                    if (i > 0) sb.Append(collected[i].Length == 0 || collected[i - 1].Length == 0 || collected[i][0] == ' ' ? "\n" : " ");
                    sb.Append(collected[i]);
                }
                body = sb.ToString();
            }
            return chomp switch
            {
                '-' => body,
                '+' => body + new string('\n', trailingBlank + 1),
                _ => body.Length > 0 ? body + "\n" : body,
            };
        }

        private object? ParseFlow(string first)
        {
            var text = StripComment(first).Trim();
            // Flow collections may span lines; gather until brackets balance.
            while (!Balanced(text) && !AtEnd)
            {
                text += " " + StripComment(Current.Content).Trim();
                Index++;
            }
            var p = 0;
            var value = ParseFlowValue(text, ref p, 0);
            return value;
        }

        private static bool Balanced(string s)
        {
            var depth = 0;
            var quote = '\0';
            for (var i = 0; i < s.Length; i++)
            {
                var c = s[i];
                if (quote == '"' && c == '\\') { i++; continue; }
                if (quote != '\0') { if (c == quote) quote = '\0'; continue; }
                if (c is '"' or '\'') quote = c;
                else if (c is '[' or '{') depth++;
                else if (c is ']' or '}') depth--;
            }
            return depth <= 0;
        }

        private static object? ParseFlowValue(string s, ref int p, int depth)
        {
            if (depth > MaxDepth) throw new FormatException("nested too deeply");
            while (p < s.Length && s[p] == ' ') p++;
            if (p >= s.Length) throw new FormatException("unterminated flow collection");
            if (s[p] == '[')
            {
                p++;
                var list = new List<object?>();
                while (true)
                {
                    while (p < s.Length && s[p] == ' ') p++;
                    if (p < s.Length && s[p] == ']') { p++; return list; }
                    list.Add(ParseFlowValue(s, ref p, depth + 1));
                    while (p < s.Length && s[p] == ' ') p++;
                    if (p < s.Length && s[p] == ',') { p++; continue; }
                    if (p < s.Length && s[p] == ']') { p++; return list; }
                    throw new FormatException("expected ',' or ']'");
                }
            }
            if (s[p] == '{')
            {
                p++;
                var map = new Dictionary<string, object?>(StringComparer.Ordinal);
                while (true)
                {
                    while (p < s.Length && s[p] == ' ') p++;
                    if (p < s.Length && s[p] == '}') { p++; return map; }
                    var key = ParseFlowScalar(s, ref p, ":,}") ?? "";
                    while (p < s.Length && s[p] == ' ') p++;
                    object? value = null;
                    if (p < s.Length && s[p] == ':') { p++; value = ParseFlowValue(s, ref p, depth + 1); }
                    map[key] = value;
                    while (p < s.Length && s[p] == ' ') p++;
                    if (p < s.Length && s[p] == ',') { p++; continue; }
                    if (p < s.Length && s[p] == '}') { p++; return map; }
                    throw new FormatException("expected ',' or '}'");
                }
            }
            return ParseFlowScalar(s, ref p, ",]}");
        }

        private static string? ParseFlowScalar(string s, ref int p, string stops)
        {
            while (p < s.Length && s[p] == ' ') p++;
            if (p < s.Length && s[p] is '"' or '\'')
            {
                var quote = s[p++];
                var sb = new StringBuilder();
                while (p < s.Length)
                {
                    var c = s[p++];
                    if (c == quote)
                    {
                        if (quote == '\'' && p < s.Length && s[p] == '\'') { sb.Append('\''); p++; continue; }
                        return sb.ToString();
                    }
                    if (quote == '"' && c == '\\' && p < s.Length) { var e = s[p++]; sb.Append(e switch { 'n' => '\n', 't' => '\t', _ => e }); continue; }
                    sb.Append(c);
                }
                throw new FormatException("unterminated quoted scalar");
            }
            var start = p;
            while (p < s.Length && stops.IndexOf(s[p]) < 0) p++;
            var value = s[start..p].Trim();
            return value is "~" or "null" ? null : value;
        }

        private static string Unquote(string key)
        {
            if (key.Length >= 2 && key[0] == '"' && key[^1] == '"') return Regex.Unescape(key[1..^1]);
            if (key.Length >= 2 && key[0] == '\'' && key[^1] == '\'') return key[1..^1].Replace("''", "'");
            return key;
        }

        private static string StripComment(string s)
        {
            for (var i = 0; i < s.Length; i++)
                if (s[i] == '#' && (i == 0 || s[i - 1] is ' ' or '\t')) return s[..i];
            return s;
        }
    }
}
