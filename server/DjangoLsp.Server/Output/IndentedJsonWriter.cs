using System.Globalization;

namespace DjangoLsp.Server.Output;

/// <summary>
/// Writes JSON exactly as Newtonsoft.Json's <c>JsonTextWriter</c> with <c>Formatting.Indented</c> does (two spaces,
/// <c>"name": value</c>, empty containers as <c>[]</c>/<c>{}</c>, the writer's own line ends, and the same string
/// escapes), for the report of <c>check --format json</c>. Newtonsoft's first use in a process (its types, reflection
/// over its enums, generic code the precompiled image lacks) cost more than writing a whole report of Django's tree;
/// <c>OutputFormatTests</c> compares the two writers' output.
/// </summary>
internal sealed class IndentedJsonWriter
{
    private readonly TextWriter _writer;
    // Per open container: whether it has an item yet (an array of flags, not a List<bool>: generic code over a
    // value type is not in the precompiled framework and would be JIT-compiled on first use).
    private bool[] _hasItems = new bool[8];
    private int _depth;
    private bool _afterPropertyName;

    public IndentedJsonWriter(TextWriter writer) => _writer = writer;

    public void StartObject()
    {
        BeforeValue();
        _writer.Write('{');
        Push();
    }

    public void EndObject() => End('}');

    public void StartArray()
    {
        BeforeValue();
        _writer.Write('[');
        Push();
    }

    public void EndArray() => End(']');

    public void PropertyName(string name)
    {
        NextItem();
        WriteString(name);
        _writer.Write(": ");
        _afterPropertyName = true;
    }

    public void Value(string value)
    {
        BeforeValue();
        WriteString(value);
    }

    public void Value(int value)
    {
        BeforeValue();
        _writer.Write(value.ToString(CultureInfo.InvariantCulture));
    }

    public void Property(string name, string value)
    {
        PropertyName(name);
        Value(value);
    }

    public void Property(string name, int value)
    {
        PropertyName(name);
        Value(value);
    }

    private void BeforeValue()
    {
        if (_afterPropertyName)
        {
            _afterPropertyName = false;
            return;
        }
        if (_depth > 0) NextItem();
    }

    // A new item in the open container: a comma after the previous one, then a new line at the container's depth.
    private void NextItem()
    {
        if (_hasItems[_depth - 1]) _writer.Write(',');
        _hasItems[_depth - 1] = true;
        NewLine(_depth);
    }

    private void Push()
    {
        if (_depth == _hasItems.Length) Array.Resize(ref _hasItems, _depth * 2);
        _hasItems[_depth++] = false;
    }

    private void End(char bracket)
    {
        var hadItems = _hasItems[--_depth];
        if (hadItems) NewLine(_depth);
        _writer.Write(bracket);
    }

    private void NewLine(int depth)
    {
        _writer.Write(_writer.NewLine);
        for (var i = 0; i < depth; i++) _writer.Write("  ");
    }

    // Newtonsoft's default escaping: control characters (short forms for \b \t \n \f \r, else \u00xx in lower-case
    // hex), the quote and the backslash, and U+0085, U+2028, U+2029 (line ends to JavaScript); nothing else.
    private void WriteString(string value)
    {
        _writer.Write('"');
        var start = 0;
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            var escape = c switch
            {
                '\t' => "\\t",
                '\n' => "\\n",
                '\r' => "\\r",
                '\f' => "\\f",
                '\b' => "\\b",
                '\\' => "\\\\",
                '"' => "\\\"",
                '\u0085' => "\\u0085",
                '\u2028' => "\\u2028",
                '\u2029' => "\\u2029",
                < ' ' => "\\u" + ((int)c).ToString("x4", CultureInfo.InvariantCulture),
                _ => null,
            };
            if (escape == null) continue;
            if (i > start) _writer.Write(value.AsSpan(start, i - start));
            _writer.Write(escape);
            start = i + 1;
        }
        if (start < value.Length) _writer.Write(value.AsSpan(start));
        _writer.Write('"');
    }
}
