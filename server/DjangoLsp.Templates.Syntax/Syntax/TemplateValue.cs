using Microsoft.CodeAnalysis.Text;

namespace DjangoLsp.Templates.Syntax;

public enum TemplateValueKind
{
    /// <summary>A context lookup such as <c>user.name</c> (also <c>True</c>/<c>False</c>/<c>None</c>, see <see cref="TemplateValue.IsBuiltinConstant"/>).</summary>
    Variable,
    /// <summary>A quoted literal; Django marks these safe.</summary>
    StringLiteral,
    /// <summary><c>_("...")</c>: a translated literal, also marked safe.</summary>
    TranslatedString,
    /// <summary>An integer or float literal.</summary>
    Number,
}

/// <summary>The value at the start of a filter expression or a filter argument. <see cref="Span"/> is relative to the token start.</summary>
public sealed class TemplateValue
{
    internal TemplateValue(TemplateValueKind kind, string text, TextSpan span)
    {
        Kind = kind;
        Text = text;
        Span = span;
    }

    public TemplateValueKind Kind { get; }

    /// <summary>Source text, quotes included.</summary>
    public string Text { get; }

    /// <summary>Span relative to the start of the containing token.</summary>
    public TextSpan Span { get; }

    public bool IsLiteral => Kind != TemplateValueKind.Variable || IsBuiltinConstant;

    /// <summary><c>True</c>, <c>False</c>, <c>None</c>: resolved by Django's context built-ins.</summary>
    public bool IsBuiltinConstant => Kind == TemplateValueKind.Variable && Text is "True" or "False" or "None";

    /// <summary>The unquoted, unescaped literal text for string literals (and the msgid of a translated string).</summary>
    public string? LiteralValue => Kind switch
    {
        TemplateValueKind.StringLiteral => Unescape(Text),
        TemplateValueKind.TranslatedString => Unescape(Text.Substring(2, Text.Length - 3)),
        TemplateValueKind.Number => Text,
        _ => null,
    };

    /// <summary>Parts of a variable lookup split on dots (<c>user.name</c> → user, name).</summary>
    public IReadOnlyList<string> LookupParts => Kind == TemplateValueKind.Variable ? Text.Split('.') : Array.Empty<string>();

    private static string Unescape(string quoted)
    {
        // Django's unescape_string_literal: strip the quotes, then un-backslash the quote and backslash.
        if (quoted.Length < 2)
        {
            return quoted;
        }

        char quote = quoted[0];
        string inner = quoted.Substring(1, quoted.Length - 2);
        return inner.Replace("\\" + quote, quote.ToString(), StringComparison.Ordinal).Replace("\\\\", "\\", StringComparison.Ordinal);
    }

    public override string ToString() => Text;
}

/// <summary><c>|name</c> or <c>|name:arg</c>. Spans are relative to the token start.</summary>
public sealed class FilterCall
{
    internal FilterCall(string name, TextSpan nameSpan, TemplateValue? argument, TextSpan span)
    {
        Name = name;
        NameSpan = nameSpan;
        Argument = argument;
        Span = span;
    }

    public string Name { get; }

    public TextSpan NameSpan { get; }

    public TemplateValue? Argument { get; }

    /// <summary>From the <c>|</c> to the end of the argument.</summary>
    public TextSpan Span { get; }

    public override string ToString() => Argument == null ? Name : Name + ":" + Argument.Text;
}
