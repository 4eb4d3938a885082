using System.Globalization;
using System.Text;
using Microsoft.CodeAnalysis.Text;

namespace DjangoLsp.Analysis.Dependencies.Formats;

/// <summary>
/// A small, error-tolerant TOML reader: enough of TOML 1.0 for dependency files (tables, arrays of tables,
/// dotted keys, basic/literal/multi-line strings, inline tables, arrays, numbers, booleans, dates kept raw).
/// A malformed statement is recorded in <see cref="TomlDocument.Errors"/> and skipped; reading goes on at the
/// next line, so one typo does not hide the rest of the file.
/// </summary>
public static class TomlReader
{
    private const int MaxDepth = 64;

    public static TomlDocument Parse(string text)
    {
        var state = new State(text);
        state.ParseDocument();
        return new TomlDocument(state.Root, state.Errors);
    }

    private sealed class TomlError : Exception
    {
        public TomlError(string message, int position) : base(message) => Position = position;
        public int Position { get; }
    }

    private sealed class State
    {
        private readonly string _s;
        private int _p;
        private DocTable _current;
        // Tables made by [header] or [[header]] (a second [header] is an error); dotted-key tables are not in here.
        private readonly HashSet<DocTable> _explicit = new(ReferenceEqualityComparer.Instance);

        public State(string text)
        {
            _s = text;
            Root = new DocTable(new TextSpan(0, text.Length));
            _current = Root;
        }

        public DocTable Root { get; }
        public List<TomlParseError> Errors { get; } = new();

        public void ParseDocument()
        {
            while (_p < _s.Length)
            {
                SkipWhitespace();
                if (_p >= _s.Length) break;
                var c = _s[_p];
                if (c is '\n' or '\r') { _p++; continue; }
                if (c == '#') { SkipToLineEnd(); continue; }
                var statementStart = _p;
                try
                {
                    if (c == '[') ParseHeader();
                    else ParseKeyValue(_current);
                    ExpectLineEnd();
                }
                catch (TomlError e)
                {
                    var errorAt = Math.Min(e.Position, _s.Length);
                    Errors.Add(new TomlParseError(e.Message, new TextSpan(errorAt, 0)));
                    // An unclosed array or string runs into later lines: resume at the line where the error was seen
                    // (it may be a good statement); an error on the statement's own line skips that line.
                    var errorLineStart = errorAt > 0 ? _s.LastIndexOf('\n', errorAt - 1) + 1 : 0;
                    if (errorLineStart > statementStart) _p = errorLineStart;
                    else
                    {
                        _p = Math.Max(_p, statementStart);
                        SkipToLineEnd();
                    }
                }
            }
        }

        private void ParseHeader()
        {
            var start = _p;
            var isArray = _p + 1 < _s.Length && _s[_p + 1] == '[';
            _p += isArray ? 2 : 1;
            SkipWhitespace();
            var keys = ParseDottedKey();
            SkipWhitespace();
            if (!Take(isArray ? "]]" : "]")) throw new TomlError("expected ']' to close the table header", _p);
            var span = TextSpan.FromBounds(start, _p);
            var table = Root;
            for (var i = 0; i < keys.Count - 1; i++) table = Descend(table, keys[i].Key, keys[i].Span, span);
            var (last, lastSpan) = keys[^1];
            if (isArray)
            {
                var existing = table[last];
                DocArray array;
                if (existing is DocArray a) array = a;
                else if (existing == null) { array = new DocArray(span); table.Set(last, lastSpan, array); }
                else throw new TomlError($"'{last}' is already defined and is not an array of tables", start);
                var element = new DocTable(span);
                array.Items.Add(element);
                _explicit.Add(element);
                _current = element;
            }
            else
            {
                var existing = table[last];
                if (existing is DocTable t)
                {
                    if (_explicit.Contains(t)) throw new TomlError($"table [{string.Join(".", keys.Select(k => k.Key))}] is defined twice", start);
                    _explicit.Add(t);
                    _current = t;
                }
                else if (existing == null)
                {
                    var t2 = new DocTable(span);
                    table.Set(last, lastSpan, t2);
                    _explicit.Add(t2);
                    _current = t2;
                }
                else throw new TomlError($"'{last}' is already defined and is not a table", start);
            }
        }

        /// <summary>Walks into (creating if needed) the table at <paramref name="key"/>; an array of tables means its last element.</summary>
        private static DocTable Descend(DocTable table, string key, TextSpan keySpan, TextSpan span)
        {
            switch (table[key])
            {
                case DocTable t: return t;
                case DocArray { Items.Count: > 0 } a when a.Items[^1] is DocTable last: return last;
                case null:
                    var created = new DocTable(span);
                    table.Set(key, keySpan, created);
                    return created;
                default: throw new TomlError($"'{key}' is already a value, not a table", span.Start);
            }
        }

        private void ParseKeyValue(DocTable target)
        {
            var keys = ParseDottedKey();
            SkipWhitespace();
            if (!Take("=")) throw new TomlError("expected '=' after the key", _p);
            SkipWhitespace();
            var value = ParseValue(0);
            var table = target;
            for (var i = 0; i < keys.Count - 1; i++) table = Descend(table, keys[i].Key, keys[i].Span, value.Span);
            var (last, lastSpan) = keys[^1];
            if (table.Contains(last)) throw new TomlError($"key '{last}' is defined twice", lastSpan.Start);
            table.Set(last, lastSpan, value);
        }

        private List<(string Key, TextSpan Span)> ParseDottedKey()
        {
            var keys = new List<(string, TextSpan)>();
            while (true)
            {
                SkipWhitespace();
                var start = _p;
                string key;
                if (_p < _s.Length && _s[_p] is '"' or '\'')
                {
                    var str = ParseString();
                    key = str.Value;
                }
                else
                {
                    while (_p < _s.Length && (char.IsAsciiLetterOrDigit(_s[_p]) || _s[_p] is '_' or '-')) _p++;
                    if (_p == start) throw new TomlError("expected a key", _p);
                    key = _s[start.._p];
                }
                keys.Add((key, TextSpan.FromBounds(start, _p)));
                SkipWhitespace();
                if (_p < _s.Length && _s[_p] == '.') { _p++; continue; }
                return keys;
            }
        }

        private DocNode ParseValue(int depth)
        {
            if (depth > MaxDepth) throw new TomlError("values are nested too deeply", _p);
            if (_p >= _s.Length) throw new TomlError("expected a value", _p);
            var c = _s[_p];
            if (c is '"' or '\'') return ParseString();
            if (c == '[') return ParseArray(depth);
            if (c == '{') return ParseInlineTable(depth);
            var start = _p;
            while (_p < _s.Length && _s[_p] is not (',' or ']' or '}' or '\n' or '\r' or '#'))
            {
                // Dates may contain one space ("1979-05-27 07:32:00"); other whitespace ends the value.
                if (_s[_p] is ' ' or '\t' && !(_p + 1 < _s.Length && char.IsAsciiDigit(_s[_p + 1]) && _p > start && char.IsAsciiDigit(_s[_p - 1]))) break;
                _p++;
            }
            var raw = _s[start.._p];
            if (raw.Length == 0) throw new TomlError("expected a value", start);
            if (!LooksLikeScalar(raw)) throw new TomlError($"'{raw}' is not a TOML value (strings need quotes)", start);
            return new DocScalar(raw, TextSpan.FromBounds(start, _p));
        }

        private static bool LooksLikeScalar(string raw) =>
            raw is "true" or "false" or "inf" or "+inf" or "-inf" or "nan" or "+nan" or "-nan" ||
            (char.IsAsciiDigit(raw[0]) || raw[0] is '+' or '-') && raw.All(ch => char.IsAsciiLetterOrDigit(ch) || ch is '_' or '.' or '+' or '-' or ':' or ' ');

        private DocArray ParseArray(int depth)
        {
            var start = _p++;
            var array = new DocArray(default);
            while (true)
            {
                SkipWhitespaceCommentsAndNewlines();
                if (_p >= _s.Length) throw new TomlError("unterminated array", start);
                if (_s[_p] == ']') { _p++; break; }
                array.Items.Add(ParseValue(depth + 1));
                SkipWhitespaceCommentsAndNewlines();
                if (_p < _s.Length && _s[_p] == ',') { _p++; continue; }
                if (_p < _s.Length && _s[_p] == ']') { _p++; break; }
                throw new TomlError("expected ',' or ']' in array", _p);
            }
            array.Span = TextSpan.FromBounds(start, _p);
            return array;
        }

        private DocTable ParseInlineTable(int depth)
        {
            var start = _p++;
            var table = new DocTable(default);
            SkipWhitespace();
            if (_p < _s.Length && _s[_p] == '}') { _p++; table.Span = TextSpan.FromBounds(start, _p); return table; }
            while (true)
            {
                SkipWhitespace();
                if (depth > MaxDepth) throw new TomlError("values are nested too deeply", _p);
                ParseKeyValue(table);
                SkipWhitespace();
                if (_p < _s.Length && _s[_p] == ',') { _p++; continue; }
                if (_p < _s.Length && _s[_p] == '}') { _p++; break; }
                throw new TomlError("expected ',' or '}' in inline table", _p);
            }
            table.Span = TextSpan.FromBounds(start, _p);
            return table;
        }

        private DocString ParseString()
        {
            var start = _p;
            var quote = _s[_p];
            var multi = _p + 2 < _s.Length && _s[_p + 1] == quote && _s[_p + 2] == quote;
            var delimiter = multi ? new string(quote, 3) : quote.ToString();
            _p += delimiter.Length;
            if (multi && _p < _s.Length && _s[_p] == '\n') _p++;
            else if (multi && _p + 1 < _s.Length && _s[_p] == '\r' && _s[_p + 1] == '\n') _p += 2;
            var contentStart = _p;
            var sb = new StringBuilder();
            var verbatim = true;
            while (true)
            {
                if (_p >= _s.Length) throw new TomlError("unterminated string", start);
                var c = _s[_p];
                if (string.CompareOrdinal(_s, _p, delimiter, 0, delimiter.Length) == 0)
                {
                    // """a"""" ends with a quote inside the string: up to two extra quotes belong to the content.
                    var extra = 0;
                    while (multi && extra < 2 && _p + delimiter.Length + extra < _s.Length && _s[_p + delimiter.Length + extra] == quote) extra++;
                    sb.Append(_s, _p, extra);
                    var contentEnd = _p + extra;
                    _p = contentEnd + delimiter.Length;
                    return new DocString(sb.ToString(), TextSpan.FromBounds(start, _p), TextSpan.FromBounds(contentStart, contentEnd), verbatim);
                }
                if (!multi && c is '\n' or '\r') throw new TomlError("newline in a single-line string", _p);
                if (c == '\\' && quote == '"')
                {
                    verbatim = false;
                    _p++;
                    ParseEscape(sb, multi);
                    continue;
                }
                sb.Append(c);
                _p++;
            }
        }

        private void ParseEscape(StringBuilder sb, bool multi)
        {
            if (_p >= _s.Length) throw new TomlError("unterminated escape", _p);
            var e = _s[_p++];
            switch (e)
            {
                case 'b': sb.Append('\b'); break;
                case 't': sb.Append('\t'); break;
                case 'n': sb.Append('\n'); break;
                case 'f': sb.Append('\f'); break;
                case 'r': sb.Append('\r'); break;
                case 'e': sb.Append('\u001b'); break;
                case '"': sb.Append('"'); break;
                case '\\': sb.Append('\\'); break;
                case 'u' or 'U':
                {
                    var n = e == 'u' ? 4 : 8;
                    if (_p + n > _s.Length || !int.TryParse(_s.AsSpan(_p, n), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var code)
                        || code > 0x10FFFF || code is >= 0xD800 and <= 0xDFFF)
                        throw new TomlError("invalid unicode escape", _p);
                    sb.Append(char.ConvertFromUtf32(code));
                    _p += n;
                    break;
                }
                case ' ' or '\t' or '\r' or '\n' when multi:
                    // Line-ending backslash: trim the newline and the whitespace that follows.
                    while (_p < _s.Length && _s[_p] is ' ' or '\t' or '\r' or '\n') _p++;
                    break;
                default: throw new TomlError($"invalid escape '\\{e}'", _p - 1);
            }
        }

        private void ExpectLineEnd()
        {
            SkipWhitespace();
            if (_p >= _s.Length) return;
            if (_s[_p] == '#') { SkipToLineEnd(); return; }
            if (_s[_p] is '\n' or '\r') return;
            throw new TomlError("expected the end of the line", _p);
        }

        private bool Take(string token)
        {
            if (string.CompareOrdinal(_s, _p, token, 0, token.Length) != 0) return false;
            _p += token.Length;
            return true;
        }

        private void SkipWhitespace()
        {
            while (_p < _s.Length && _s[_p] is ' ' or '\t') _p++;
        }

        private void SkipWhitespaceCommentsAndNewlines()
        {
            while (_p < _s.Length)
            {
                if (_s[_p] is ' ' or '\t' or '\n' or '\r') _p++;
                else if (_s[_p] == '#') SkipToLineEnd();
                else break;
            }
        }

        private void SkipToLineEnd()
        {
            while (_p < _s.Length && _s[_p] != '\n') _p++;
        }
    }
}

public sealed record TomlParseError(string Message, TextSpan Span);

public sealed record TomlDocument(DocTable Root, IReadOnlyList<TomlParseError> Errors);
