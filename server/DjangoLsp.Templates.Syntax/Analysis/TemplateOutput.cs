using Microsoft.CodeAnalysis.Text;

namespace DjangoLsp.Templates.Syntax;

public enum TemplateOutputKind
{
    /// <summary><c>{{ expression }}</c></summary>
    Variable,
    /// <summary>A printing tag: url, static, firstof, cycle, trans, now, csrf_token, ...</summary>
    Tag,
    /// <summary>A <c>{{ var }}</c> inside <c>{% blocktranslate %}</c>.</summary>
    BlockTranslateVariable,
}

/// <summary>
/// One place where the template prints a value, with the context it lands in and the escaping it gets.
/// This is what template XSS rules consume.
/// </summary>
public sealed class TemplateOutput
{
    internal TemplateOutput(TemplateOutputKind kind, TemplateTokenNode node, string? filePath, TemplateOutputContext context,
        OutputEscaping escaping, FilterExpression? expression)
    {
        Kind = kind;
        Node = node;
        FilePath = filePath;
        Context = context;
        Escaping = escaping;
        Expression = expression;
        (EscapedForContext, Reason) = escaping.JudgeFor(context);
    }

    private TemplateOutput(TemplateOutput other, TemplateTokenNode node)
    {
        Kind = other.Kind;
        Node = node;
        FilePath = other.FilePath;
        Context = other.Context;
        Escaping = other.Escaping;
        Expression = other.Expression;
        EscapedForContext = other.EscapedForContext;
        Reason = other.Reason;
    }

    /// <summary>The same output on the (moved) node of an incrementally reparsed tree.</summary>
    internal TemplateOutput WithNode(TemplateTokenNode node) => new(this, node);

    public TemplateOutputKind Kind { get; }

    /// <summary>The <see cref="TemplateVariableNode"/> or <see cref="TemplateTagNode"/> that prints.</summary>
    public TemplateTokenNode Node { get; }

    /// <summary>The file the output is in (differs from the analysed template for included/parent templates).</summary>
    public string? FilePath { get; }

    /// <summary>Absolute span of the whole <c>{{ ... }}</c> / <c>{% ... %}</c>.</summary>
    public TextSpan Span => Node.FullSpan;

    public string Text => Node.Token.Text;

    /// <summary>The printed expression (the variable's, or the main argument of a printing tag), if any.</summary>
    public FilterExpression? Expression { get; }

    /// <summary>The tag name for <see cref="TemplateOutputKind.Tag"/> outputs.</summary>
    public string? TagName => Node is TemplateTagNode tag ? tag.Name : null;

    public TemplateOutputContext Context { get; }

    public OutputEscaping Escaping { get; }

    public bool Autoescape => Escaping.Autoescape;

    /// <summary>Filters applied, own chain first then enclosing {% filter %} sections.</summary>
    public IReadOnlyList<string> Filters => Escaping.Filters;

    /// <summary>Whether the final value is correctly escaped for <see cref="Context"/>.</summary>
    public bool EscapedForContext { get; }

    /// <summary>Why <see cref="EscapedForContext"/> has its value (for messages).</summary>
    public string Reason { get; }

    public override string ToString() => $"{Span} {Text} {Context.Name} escaped={EscapedForContext}";
}
