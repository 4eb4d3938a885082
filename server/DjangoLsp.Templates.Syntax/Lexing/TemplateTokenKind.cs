namespace DjangoLsp.Templates.Syntax;

/// <summary>The four token kinds of Django's template lexer.</summary>
public enum TemplateTokenKind
{
    /// <summary>Literal text (also the body of <c>{% verbatim %}</c> and unterminated openers).</summary>
    Text,
    /// <summary><c>{{ ... }}</c></summary>
    Variable,
    /// <summary><c>{% ... %}</c></summary>
    Tag,
    /// <summary><c>{# ... #}</c></summary>
    Comment,
}
