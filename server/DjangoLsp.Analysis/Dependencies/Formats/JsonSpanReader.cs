using System.Globalization;
using System.Text;
using Microsoft.CodeAnalysis.Text;

namespace DjangoLsp.Analysis.Dependencies.Formats;

/// <summary>
/// Reads JSON (Pipfile.lock) into <see cref="DocNode"/>s that keep UTF-16 spans into the source text, which
/// System.Text.Json (UTF-8 byte offsets) does not give. Returns null for malformed JSON.
/// </summary>
public static class JsonSpanReader
{
    private const int MaxDepth = 64;

    public static DocNode? TryParse(string text)
    {
        var reader = new Reader(text);
        try
        {
            reader.SkipWhitespace();
            var value = reader.ParseValue(0);
            reader.SkipWhitespace();
            return reader.AtEnd ? value : null;
        }
        catch (FormatException)
        {
            return null;
        }
    }

    private sealed class Reader
    {
        private readonly string _s;
        private int _p;

        public Reader(string s) => _s = s;

        public bool AtEnd => _p >= _s.Length;

        public DocNode ParseValue(int depth)
        {
            if (depth > MaxDepth || _p >= _s.Length) throw new FormatException();
            var c = _s[_p];
            switch (c)
            {
                case '{':
                {
                    var start = _p++;
                    var table = new DocTable(default);
                    SkipWhitespace();
                    if (Peek('}')) { _p++; table.Span = TextSpan.FromBounds(start, _p); return table; }
                    while (true)
                    {
                        SkipWhitespace();
                        if (!Peek('"')) throw new FormatException();
                        var key = ParseString();
                        SkipWhitespace();
                        if (!Peek(':')) throw new FormatException();
                        _p++;
                        SkipWhitespace();
                        var value = ParseValue(depth + 1);
                        table.Set(key.Value, key.Span, value);
                        SkipWhitespace();
                        if (Peek(',')) { _p++; continue; }
                        if (Peek('}')) { _p++; break; }
                        throw new FormatException();
                    }
                    table.Span = TextSpan.FromBounds(start, _p);
                    return table;
                }
                case '[':
                {
                    var start = _p++;
                    var array = new DocArray(default);
                    SkipWhitespace();
                    if (Peek(']')) { _p++; array.Span = TextSpan.FromBounds(start, _p); return array; }
                    while (true)
                    {
                        SkipWhitespace();
                        array.Items.Add(ParseValue(depth + 1));
                        SkipWhitespace();
                        if (Peek(',')) { _p++; continue; }
                        if (Peek(']')) { _p++; break; }
                        throw new FormatException();
                    }
                    array.Span = TextSpan.FromBounds(start, _p);
                    return array;
                }
                case '"': return ParseString();
                default:
                {
                    var start = _p;
                    while (_p < _s.Length && (char.IsAsciiLetterOrDigit(_s[_p]) || _s[_p] is '-' or '+' or '.')) _p++;
                    var raw = _s[start.._p];
                    if (raw is not ("true" or "false" or "null") && !double.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out _))
                        throw new FormatException();
                    return new DocScalar(raw, TextSpan.FromBounds(start, _p));
                }
            }
        }

        private DocString ParseString()
        {
            var start = _p++;
            var sb = new StringBuilder();
            var verbatim = true;
            while (true)
            {
                if (_p >= _s.Length) throw new FormatException();
                var c = _s[_p];
                if (c == '"')
                {
                    _p++;
                    return new DocString(sb.ToString(), TextSpan.FromBounds(start, _p), TextSpan.FromBounds(start + 1, _p - 1), verbatim);
                }
                if (c < ' ') throw new FormatException();
                if (c == '\\')
                {
                    verbatim = false;
                    if (++_p >= _s.Length) throw new FormatException();
                    var e = _s[_p++];
                    switch (e)
                    {
                        case '"': sb.Append('"'); break;
                        case '\\': sb.Append('\\'); break;
                        case '/': sb.Append('/'); break;
                        case 'b': sb.Append('\b'); break;
                        case 'f': sb.Append('\f'); break;
                        case 'n': sb.Append('\n'); break;
                        case 'r': sb.Append('\r'); break;
                        case 't': sb.Append('\t'); break;
                        case 'u':
                            if (_p + 4 > _s.Length || !int.TryParse(_s.AsSpan(_p, 4), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var code))
                                throw new FormatException();
                            sb.Append((char)code);
                            _p += 4;
                            break;
                        default: throw new FormatException();
                    }
                    continue;
                }
                sb.Append(c);
                _p++;
            }
        }

        private bool Peek(char c) => _p < _s.Length && _s[_p] == c;

        public void SkipWhitespace()
        {
            while (_p < _s.Length && _s[_p] is ' ' or '\t' or '\n' or '\r') _p++;
        }
    }
}
